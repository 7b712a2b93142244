namespace Academy.Sandbox.Engine;

/// <summary>
/// What --endpoint accepts: an absolute http or https URL with a host and a port DynamoDB clients can
/// reach. Checked while parsing, so a bad value never reaches the SDK (which answers with a stack trace).
/// </summary>
public static class EndpointUrl
{
    public const string Example = "http://127.0.0.1:8000";

    /// <summary>Longer than any URL of an engine a learner runs; every message quotes the endpoint whole.</summary>
    public const int MaxLength = 2048;

    /// <summary>Null when <paramref name="text"/> is a usable endpoint, otherwise the one-line error.</summary>
    public static string? Problem(string text)
    {
        if (text.Length > MaxLength)
        {
            return $"--endpoint must be an absolute http:// or https:// URL of at most {MaxLength:N0} characters, such as {Example}, not '{Academy.Catalog.Errors.Excerpt.Of(text)}'";
        }

        // Uri.TryCreate trims spaces and accepts some inside, which the SDK then refuses with a stack trace.
        // Invisible format characters too (a zero-width space): a URL has none, and it would be echoed unseen.
        if (text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format))
        {
            return $"--endpoint must be an absolute http:// or https:// URL with a host and a port from 1 to 65535 and no spaces or control characters, such as {Example}, not '{Academy.Catalog.Errors.Excerpt.Escape(text)}'";
        }

        var message = $"--endpoint must be an absolute http:// or https:// URL with a host and a port from 1 to 65535, such as {Example}, not '{text}'";
        if (Authority(text).EndsWith(':'))
        {
            // Uri reads "http://host:" as the scheme's default port, 80: the engine would then be looked for there.
            return $"{message} (a colon with no port after it)";
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && uri.Host.Length > 0
            && uri.Port is > 0 and <= 65535)
        {
            // 0.0.0.0 and :: are what a server listens on, not an address a client can send to.
            if (System.Net.IPAddress.TryParse(uri.DnsSafeHost, out var address) && (address.Equals(System.Net.IPAddress.Any) || address.Equals(System.Net.IPAddress.IPv6Any)))
            {
                return $"{message} ({uri.Host} is the address a server listens on, not one to connect to; use 127.0.0.1 for this machine)";
            }

            // Credentials in the URL would be echoed in every header line; DynamoDB never reads them anyway.
            // An empty user name ("http://@host") is no user name to Uri, but is one to read.
            return uri.UserInfo.Length > 0 || Authority(text).Contains('@')
                ? "--endpoint must not carry a user name or password; DynamoDB signs requests with AWS credentials instead"
                : null;
        }

        if (text.StartsWith('-'))
        {
            // `--endpoint --aws`: the parser hands the next option over as the value.
            return $"--endpoint needs a URL after it, such as {Example}; '{text}' is an option, not a URL";
        }

        // A scheme is suggested for host:port only: "@x" would become a URL with an empty user name.
        var withScheme = "http://" + text;
        return !text.Contains("://", StringComparison.Ordinal) && !text.Contains('@') && text.Length > 0 && Problem(withScheme) is null
            ? $"{message} (did you mean {withScheme}?)"
            : message;
    }

    // The authority: after "://", up to the path, query or fragment ("" without a "://").
    private static string Authority(string text)
    {
        var start = text.IndexOf("://", StringComparison.Ordinal);
        if (start < 0)
        {
            return "";
        }

        var rest = text[(start + 3)..];
        var end = rest.IndexOfAny(['/', '?', '#']);
        return end < 0 ? rest : rest[..end];
    }
}
