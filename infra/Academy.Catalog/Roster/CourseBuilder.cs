using Academy.Catalog.Errors;
using Academy.Catalog.Naming;
using Academy.Catalog.Project;
using Academy.Catalog.Settings;

namespace Academy.Catalog.Roster;

/// <summary>
/// Builds a course: the roster's learners, each through <see cref="CatalogBuilder"/> with the course
/// stack's config plus their own fields, exactly as their own stack would be built. Either every
/// learner's catalog comes back or one <see cref="CatalogException"/> lists every problem, each
/// naming the roster file, line, learner and field.
/// </summary>
public static class CourseBuilder
{
    // Builds the course's shared config once, under a name that surely names tables, so problems in
    // the course stack or seed files are reported once instead of once per learner.
    private const string CheckName = "roster-check";

    /// <summary>
    /// The most items one course stack declares, all learners together. Far above a course's needs
    /// (the seed's 7 items for the 1,250 learners the default table quota allows come to 8,750).
    /// </summary>
    public const int MaxCourseItems = 100_000;

    /// <summary>
    /// The most item data one course stack declares, all learners together, by DynamoDB's size rules
    /// (the seed's items for 1,250 learners come to a few megabytes). Every learner's catalog holds
    /// its own copy while the course is checked, at several times these bytes, so this, with
    /// <see cref="MaxCourseItems"/>, keeps a course to a few hundred megabytes of memory.
    /// </summary>
    public const long MaxCourseItemBytes = 64L * 1024 * 1024;

    /// <summary>The course for <paramref name="course"/>'s config; the roster is <paramref name="rosterPath"/> or academy:roster.</summary>
    public static CourseCatalog Build(IConfigSource course, ProjectPaths paths, string? rosterPath = null)
    {
        course = Snapshot(course);
        var errors = new ErrorList();
        var fromConfig = rosterPath is null;
        rosterPath ??= course.Get(ConfigKeys.Roster.Name);
        if (string.IsNullOrWhiteSpace(rosterPath))
        {
            errors.Add($"config {ConfigKeys.Roster.FullKey}", null, "not set; name the roster file (relative to the project root) to build a course");
            errors.ThrowIfAny();
        }

        // Pulumi hands the program Pulumi.yaml's defaults as if set, so only a name is a mistake.
        if (course.Get(ConfigKeys.User.Name) is { Length: > 0 } user)
        {
            errors.Add($"config {ConfigKeys.User.FullKey}", null,
                $"is '{user}', but a course's learners are named by its roster; remove the key from the course stack");
        }

        // A path given on the command line holds no NUL (argv cannot) and is quoted as an excerpt if long.
        if (fromConfig && ProjectPaths.Unusable(rosterPath!) is { } unusable)
        {
            errors.Add(course.Origin(ConfigKeys.Roster.Name), null, unusable);
            errors.ThrowIfAny();
        }

        var roster = RosterReader.Read(paths, rosterPath!, errors);
        var shared = TryBuild(new LearnerConfigSource(course, CheckName, new Dictionary<string, string>()), paths, errors, e => e);
        if (roster is null || shared is null)
        {
            errors.ThrowIfAny();
        }

        var learners = CheckLearners(roster!, shared!, errors);
        // Learners' catalogs are independent, so they are built side by side; their problems are
        // reported in roster order all the same. Learners with items of their own are counted as
        // they are built, and once the course is over a limit no further catalog is built.
        var results = new (Catalog? Catalog, ErrorList Errors)[learners.Count];
        var footprint = new Footprint();
        Parallel.For(0, learners.Count, i =>
        {
            if (footprint.Over)
            {
                return;
            }

            var learner = learners[i];
            var own = new ErrorList();
            var source = new LearnerConfigSource(course, learner.Name, learner.Overrides);
            var catalog = TryBuild(source, paths, own, e => InRoster(roster!, learner, e));
            // Each learner keeps a share of what the course keeps, so a hundred learners with ten
            // thousand problems each are not a million kept at once; the rest are counted.
            own.KeepFirst(Math.Max(CatalogException.Listed, ErrorList.Kept / learners.Count));
            results[i] = (catalog, own);
            if (catalog is not null)
            {
                footprint.Add(catalog.Items.Count, catalog.Items.Sum(item => (long)item.SizeBytes));
            }
        });
        if (footprint.Over)
        {
            errors.Add(roster!.Source, null,
                $"the cohort would declare more than {MaxCourseItems:N0} items or {MaxCourseItemBytes / (1024 * 1024):N0} MiB of item data, the most one course stack may hold "
                + $"(its {learners.Count:N0} learners, with the items some of them have of their own): {SplitAdvice}");
            errors.ThrowIfAny();
        }

        var built = new List<LearnerCatalog>();
        for (var i = 0; i < learners.Count; i++)
        {
            errors.AddAll(results[i].Errors);
            if (results[i].Catalog is { } catalog)
            {
                built.Add(new LearnerCatalog(learners[i], catalog));
            }
        }

        CheckResourceNames(roster!, built, errors);
        CheckPolicyNames(roster!, built, errors);
        errors.ThrowIfAny();
        return new CourseCatalog(roster!, built);
    }

    // A course stack names each learner's children <learner>-<child> (CourseCatalog.ChildName).
    // Tables and policies end in fixed words, so only items, whose names end in their keys, can
    // meet: learner 'a' with item 'global-x' and learner 'a-global' with item 'x'. Pulumi would
    // refuse the second; say which two now.
    private static void CheckResourceNames(Roster roster, List<LearnerCatalog> built, ErrorList errors)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var learner in built)
        {
            foreach (var item in learner.Catalog.Items)
            {
                var name = CourseCatalog.ChildName(learner.Name, item.LogicalName);
                if (seen.TryGetValue(name, out var other))
                {
                    errors.Add($"{roster.Source}:{learner.Entry.Line}: learner '{learner.Name}'", item.Key.ToString(),
                        $"in the course stack its resource name '{name}' is also that of an item of learner '{other}'; rename the item or one of the learners");
                }
                else
                {
                    seen[name] = learner.Name;
                }
            }
        }
    }

    // A course names a learner's policies <learner>-etl-read and <learner>-writer-write, so a long
    // learner name makes a policy name IAM refuses; a learner without a role or user gets no policy.
    private static void CheckPolicyNames(Roster roster, List<LearnerCatalog> built, ErrorList errors)
    {
        foreach (var learner in built)
        {
            var settings = learner.Catalog.Settings;
            var policies = new[]
            {
                (Name: Security.AccessPolicies.ReadPolicyName, Kind: "read", Key: GrantedBy(settings.EtlRoleName, ConfigKeys.EtlRoleName, settings.EtlUserName, ConfigKeys.EtlUserName)),
                (Name: Security.AccessPolicies.WritePolicyName, Kind: "write", Key: GrantedBy(settings.WriterRoleName, ConfigKeys.WriterRoleName, settings.WriterUserName, ConfigKeys.WriterUserName)),
            };
            var problem = policies
                .Where(p => p.Key is not null)
                .Select(p => (p.Key, Problem: Security.IamNames.CheckPolicy(CourseCatalog.ChildName(learner.Name, p.Name), p.Kind)))
                .FirstOrDefault(p => p.Problem is not null);
            if (problem.Problem is not null)
            {
                errors.Add($"{roster.Source}:{learner.Entry.Line}: learner '{learner.Name}'", null, $"{Errors.Shown.Name(problem.Key!.Name)}: {problem.Problem}");
            }
        }
    }

    // The key that makes the program create a policy: its role, else its user; null when neither is set.
    private static ConfigOption? GrantedBy(string? role, ConfigOption roleKey, string? user, ConfigOption userKey) =>
        role is not null ? roleKey : user is not null ? userKey : null;

    // Read once into memory, so the learners built side by side never call back into the source
    // (Pulumi's config in the program) from several threads.
    private static DictionaryConfigSource Snapshot(IConfigSource source)
    {
        var names = source.Names.Concat(ConfigKeys.All.Select(o => o.Name)).Distinct(StringComparer.Ordinal).ToList();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (source.Get(name) is { } value)
            {
                values[name] = value;
            }
        }

        // Unreadable keys too: a course's academy:items the sandbox cannot decrypt is as unknown for
        // every learner, so their live items are masked as in a learner's own stack.
        var unreadable = names.Select(n => (Name: n, Why: source.Unreadable(n))).Where(u => u.Why is not null).ToDictionary(u => u.Name, u => u.Why!, StringComparer.Ordinal);
        return new DictionaryConfigSource(source.StackName, values, names.Where(source.IsSecret), unreadable);
    }

    // Names that cannot name a table, learners listed twice (also in another case), a cohort over
    // the quota. Returns the learners whose catalogs are worth building: none over the quota, where
    // the roster may list any number of them and is refused anyway.
    private static List<RosterLearner> CheckLearners(Roster roster, Catalog shared, ErrorList errors)
    {
        var valid = new List<RosterLearner>();
        var seen = new Dictionary<string, RosterLearner>(StringComparer.OrdinalIgnoreCase);
        foreach (var learner in roster.Learners)
        {
            var where = $"{roster.Source}:{learner.Line}: learner '{learner.Name}'";
            var problem = shared.Tables.Select(t => TableNames.Check(TableNames.For(learner.Name, t.Key))).FirstOrDefault(p => p is not null);
            if (problem is not null)
            {
                errors.Add(where, null, $"{RosterReader.NameField}: '{learner.Name}' cannot name a table: {problem}");
            }
            else if (seen.TryGetValue(learner.Name, out var first))
            {
                errors.Add(where, null, first.Name == learner.Name
                    ? $"listed twice; the first is at line {first.Line}"
                    : $"differs from learner '{first.Name}' (line {first.Line}) only in case; DynamoDB would keep both, but people would confuse their tables: rename one");
            }
            else
            {
                seen[learner.Name] = learner;
                valid.Add(learner);
            }
        }

        var tables = (long)roster.Learners.Count * shared.Tables.Count;
        if (tables > roster.TableQuota)
        {
            errors.Add(roster.Source, null,
                $"the cohort would create {tables:N0} tables ({roster.Learners.Count:N0} learners x {shared.Tables.Count}), over the account's quota of {roster.TableQuota:N0} DynamoDB tables per region"
                + (roster.TableQuota == Roster.DefaultTableQuota ? " (AWS's default)" : "")
                + $"; the quota also counts every other table in the region. Split the cohort across regions or accounts, or ask AWS for more and set {RosterReader.TableQuotaField} in the roster");
        }

        // Every learner without items of their own gets exactly the course's, so a seed that is fine
        // for one learner can be far too much for a cohort (1,250 learners x 10,000 seed items once
        // grew past 20 GB before anything said so): said here, before any catalog is built. A
        // learner with items of their own still gets the course's items of every table their list
        // leaves alone: counted too, so `items: {}` is no way round the check. The course's items
        // are sized once, by table.
        var perTable = shared.Items.GroupBy(item => item.TableKey, StringComparer.Ordinal)
            .Select(g => (Table: g.Key, Items: (long)g.Count(), Bytes: g.Sum(item => (long)item.SizeBytes)))
            .ToList();
        var courseBytes = perTable.Sum(t => t.Bytes);
        long items = 0, bytes = 0;
        var plain = 0;
        foreach (var learner in roster.Learners)
        {
            if (!learner.Overrides.TryGetValue(ConfigKeys.Items.Name, out var own))
            {
                plain++;
                (items, bytes) = (items + shared.Items.Count, bytes + courseBytes);
            }
            else if (TablesIn(own) is { } replaced)
            {
                foreach (var table in perTable.Where(t => !replaced.Contains(t.Table)))
                {
                    (items, bytes) = (items + table.Items, bytes + table.Bytes);
                }
            }
        }

        var over = items > MaxCourseItems || bytes > MaxCourseItemBytes;
        if (over)
        {
            var (some, each) = plain == roster.Learners.Count
                ? ("", $"{plain:N0} learners x {shared.Items.Count:N0} items, {courseBytes:N0} bytes of item data each")
                : ("at least ", $"{roster.Learners.Count:N0} learners with the course's {shared.Items.Count:N0} items, {courseBytes:N0} bytes of item data, each, less those of the tables some learners give items of their own");
            errors.Add(roster.Source, null, items > MaxCourseItems
                ? $"the cohort would declare {some}{items:N0} items ({each}), over the {MaxCourseItems:N0} one course stack may hold: {SplitAdvice}"
                : $"the cohort would declare {some}{bytes / (1024.0 * 1024):N1} MiB of item data ({each}), over the {MaxCourseItemBytes / (1024 * 1024):N0} MiB one course stack may hold: {SplitAdvice}");
        }

        return tables > roster.TableQuota || over ? [] : valid;
    }

    // The tables a learner's own academy:items names (their lists replace the course's); null when
    // the text is not an object, which the learner's own build reports.
    private static HashSet<string>? TablesIn(string itemsJson)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(itemsJson);
            if (document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object)
            {
                return document.RootElement.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // reported by the learner's own build
        }

        return null;
    }

    private const string SplitAdvice = "each item is a resource in the stack's state and every learner's copy is checked in memory. "
        + "Split the cohort into several course stacks, each with its own roster, or declare fewer or smaller items";

    // The items and item bytes of the learners built so far, added from the threads building them.
    private sealed class Footprint
    {
        private long _items;
        private long _bytes;
        private int _over;

        public bool Over => Volatile.Read(ref _over) == 1;

        public void Add(int items, long bytes)
        {
            if (Interlocked.Add(ref _items, items) > MaxCourseItems | Interlocked.Add(ref _bytes, bytes) > MaxCourseItemBytes)
            {
                Volatile.Write(ref _over, 1);
            }
        }
    }

    private static Catalog? TryBuild(IConfigSource config, ProjectPaths paths, ErrorList errors, Func<CatalogError, CatalogError> place)
    {
        try
        {
            return CatalogBuilder.Build(config, paths);
        }
        catch (CatalogException e)
        {
            foreach (var error in e.Errors)
            {
                errors.Add(place(error));
            }

            errors.CountMore(e.Count - e.Errors.Count);
            return null;
        }
    }

    // A problem in a learner's catalog, placed where the instructor fixes it: the learner's field in
    // the roster when it came from one, else the learner's entry plus the file or key it names.
    private static CatalogError InRoster(Roster roster, RosterLearner learner, CatalogError error)
    {
        var configPrefix = $"config {ConfigKeys.Namespace}:";
        if (error.Source.StartsWith(configPrefix, StringComparison.Ordinal))
        {
            var path = error.Source[configPrefix.Length..];
            var name = path.Split('.')[0];
            if (learner.Lines.TryGetValue(name, out var line))
            {
                return error with { Source = $"{roster.Source}:{line}: learner '{learner.Name}': {path}" };
            }
        }

        return error with { Source = $"{roster.Source}:{learner.Line}: learner '{learner.Name}': {error.Source}" };
    }
}
