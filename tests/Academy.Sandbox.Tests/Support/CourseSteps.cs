using System.Diagnostics;
using System.Text.Json;
using Academy.Catalog.Items;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Academy.Sandbox.Tests.Support;

/// <summary>
/// The course's manual steps, done by hand before any code exists: create the learner's tables (key
/// name S, 1 read and 1 write unit) and put the imdb-rest-api item. Run with the AWS CLI v2 (an
/// independent client; scripts/install-awscli.sh installs it) and, where it is missing, with the AWS
/// SDK given exactly the same parameters.
/// </summary>
public static class CourseSteps
{
    /// <summary>The course material's item as the learner pastes it into `aws dynamodb put-item --item`.</summary>
    public const string ImdbRestApiItem = """
        {"name": {"S": "imdb-rest-api"}, "tz": {"S": "Europe/Zagreb"}, "method": {"S": "https://"},
         "host": {"S": "ogj9fvz5cf.execute-api.eu-central-1.amazonaws.com"}, "port": {"S": ""},
         "prefix": {"S": "v1/imdb"}, "url": {"S": "{method}{host}{port}/{prefix}"},
         "partitions_uri": {"S": "/partitions/{table_name}"},
         "jobs": {"S": "[\"title_ratings\",\"title_crew\",\"name_basics\",\"title_episode\",\"title_basics\",\"title_principals\"]"}}
        """;

    private const string AwsCliV2 = "/usr/bin/aws";

    /// <summary>Which client ran the steps, for the test log.</summary>
    public static string Client => UsesCli ? "AWS CLI v2 (/usr/bin/aws)" : "AWS SDK (no AWS CLI v2 here; scripts/install-awscli.sh installs it)";

    private static bool UsesCli { get; } = File.Exists(AwsCliV2) && RunAsync(["--version"]).GetAwaiter().GetResult().StartsWith("aws-cli/2.", StringComparison.Ordinal);

    public static async Task CreateTableAsync(string tableName)
    {
        if (UsesCli)
        {
            await RunAsync(["dynamodb", "create-table", "--table-name", tableName,
                "--attribute-definitions", "AttributeName=name,AttributeType=S",
                "--key-schema", "AttributeName=name,KeyType=HASH",
                "--provisioned-throughput", "ReadCapacityUnits=1,WriteCapacityUnits=1"]);
            return;
        }

        using var client = LocalEngine.Client();
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = tableName,
            AttributeDefinitions = [new AttributeDefinition("name", ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement("name", KeyType.HASH)],
            ProvisionedThroughput = new ProvisionedThroughput(1, 1),
        });
    }

    public static async Task PutItemAsync(string tableName, string itemJson)
    {
        if (UsesCli)
        {
            await RunAsync(["dynamodb", "put-item", "--table-name", tableName, "--item", itemJson]);
            return;
        }

        using var document = JsonDocument.Parse(itemJson);
        var item = DynamoJsonReader.ReadItem(document.RootElement, (path, message) => throw new ArgumentException($"{path}: {message}"))!;
        using var client = LocalEngine.Client();
        await client.PutItemAsync(new PutItemRequest { TableName = tableName, Item = item });
    }

    /// <summary>Sets a table's tags by hand (`aws dynamodb tag-resource`), as a learner might in the console.</summary>
    public static async Task TagAsync(string tableName, params (string Key, string Value)[] tags)
    {
        var arn = $"arn:aws:dynamodb:us-east-1:000000000000:table/{tableName}";
        if (UsesCli)
        {
            await RunAsync(["dynamodb", "tag-resource", "--resource-arn", arn, "--tags", .. tags.Select(t => $"Key={t.Key},Value={t.Value}")]);
            return;
        }

        using var client = LocalEngine.Client();
        try
        {
            await client.TagResourceAsync(new TagResourceRequest { ResourceArn = arn, Tags = tags.Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList() });
        }
        catch (IOException e) when (e.Message.Contains("CRC", StringComparison.Ordinal))
        {
            // dynalite answers TagResource with a CRC32 header that does not match its empty body; the tags are set.
        }
    }

    /// <summary>
    /// Runs an AWS CLI line a command printed, as a learner pastes it: as printed, so it reaches the local
    /// engine only if the line itself names it (nothing here adds --endpoint-url).
    /// </summary>
    public static async Task<string> PasteAsync(string line)
    {
        Assume.That(UsesCli, "the AWS CLI v2 runs pasted lines; scripts/install-awscli.sh installs it");
        var words = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(words[0], Is.EqualTo("aws"), line);
        return await RunAsync(words[1..], addEndpoint: false);
    }

    // Awaited, not waited on: the fixtures run side by side, and a thread-pool thread blocked for each
    // AWS CLI call (1-2 s) delays every other fixture's work on a 2-core machine.
    private static async Task<string> RunAsync(string[] args, bool addEndpoint = true)
    {
        var start = new ProcessStartInfo(AwsCliV2) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (addEndpoint && args[0] != "--version")
        {
            start.ArgumentList.Add("--endpoint-url");
            start.ArgumentList.Add(LocalEngine.Endpoint);
        }

        // The local engine accepts any credentials; nothing may come from the machine's AWS config.
        start.Environment["AWS_ACCESS_KEY_ID"] = "sandbox";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "sandbox";
        start.Environment["AWS_REGION"] = "us-east-1";
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        start.Environment["AWS_PAGER"] = "";
        start.Environment["AWS_MAX_ATTEMPTS"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }

        if (!process.HasExited || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"aws {string.Join(' ', args)} failed ({(process.HasExited ? process.ExitCode : "timeout")}): {await error}");
        }

        return await output + await error;
    }
}
