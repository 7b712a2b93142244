namespace Academy.Sandbox.Engine;

/// <summary>How long one DynamoDB request may take, step by step; every request has all four.</summary>
/// <param name="Connect">To open the TCP connection.</param>
/// <param name="FirstByte">From sending the request to the first byte of the answer (its status line).</param>
/// <param name="Idle">Between two reads of the answer's body: a server that stops sending mid-answer.</param>
/// <param name="Total">For the whole exchange, body included: a server that drips its answer a byte at a time.</param>
public sealed record HttpDeadlines(TimeSpan Connect, TimeSpan FirstByte, TimeSpan Idle, TimeSpan Total)
{
    /// <summary>An engine on this machine connects in milliseconds and answers within a second, so seconds of silence mean it will not.</summary>
    public static HttpDeadlines Local { get; } = new(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30));

    /// <summary>DynamoDB in AWS over any network: the SDK's own 100 s to an answer, and bounds on the body it lacks.</summary>
    public static HttpDeadlines Aws { get; } = new(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(150));
}
