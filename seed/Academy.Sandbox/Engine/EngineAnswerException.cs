namespace Academy.Sandbox.Engine;

/// <summary>
/// The endpoint answered a request with something DynamoDB never sends: a table description with no
/// table, a scan that returns an item twice or names the same position to go on from twice.
/// <see cref="ConnectionFailure"/> reports it as the server not being DynamoDB, in one line.
/// </summary>
public sealed class EngineAnswerException(string answer) : Exception(answer);
