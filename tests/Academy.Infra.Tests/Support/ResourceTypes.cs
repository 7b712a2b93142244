namespace Academy.Infra.Tests.Support;

/// <summary>The type tokens the mocked engine sees.</summary>
public static class ResourceTypes
{
    public const string Learner = "academy:index:LearnerTables";
    public const string Table = "aws:dynamodb/table:Table";
    public const string TableItem = "aws:dynamodb/tableItem:TableItem";
    public const string Policy = "aws:iam/policy:Policy";
    public const string RolePolicyAttachment = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
    public const string UserPolicyAttachment = "aws:iam/userPolicyAttachment:UserPolicyAttachment";
}
