using Academy.Catalog.Settings;

namespace Academy.Infra;

/// <summary>A policy and who gets it: a role and a user, each with the config key it came from.</summary>
internal sealed record Principals(string Policy, string? Role, ConfigOption RoleKey, string? User, ConfigOption UserKey);
