using Academy.Catalog;
using Academy.Catalog.Errors;
using Academy.Catalog.Roster;
using Academy.Catalog.Settings;
using Academy.Catalog.Tests.Support;

namespace Academy.Catalog.Tests.Roster;

public class RosterTests
{
    [Test]
    public void TheExampleRosterGivesEveryLearnerTheirOwnTablesWithTheirFieldsApplied()
    {
        var course = CourseBuilder.Build(
            new DictionaryConfigSource("course", new Dictionary<string, string> { ["roster"] = "seed/roster.yaml" }), TestProject.Repo);
        var alone = TestProject.Build("alice");

        var alice = course.Find("alice")!.Catalog;
        var bob = course.Find("bob")!.Catalog;
        var carol = course.Find("carol")!.Catalog;
        Assert.Multiple(() =>
        {
            Assert.That(course.Learners.Select(l => l.Name), Is.EqualTo(new[] { "alice", "bob", "carol" }));
            Assert.That(alice.Tables.Select(t => t.Name), Is.EqualTo(alone.Tables.Select(t => t.Name)));
            Assert.That(alice.Items.Select(i => i.LogicalName), Is.EqualTo(alone.Items.Select(i => i.LogicalName)), "a learner with no fields is exactly a learner stack");
            Assert.That(bob.Tables.Select(t => t.Name), Is.EqualTo(new[] { "bob-academy-global", "bob-academy-jobs" }));
            Assert.That(bob.Tables[0].Options.Tags["team"], Is.EqualTo("platform"));
            Assert.That(bob.Tables[0].Options.Tags["learner"], Is.EqualTo("bob"));
            Assert.That(bob.Settings.EtlRoleName, Is.EqualTo("academy-etl-bob"));
            Assert.That(alice.Settings.EtlRoleName, Is.Null);
            Assert.That(carol.Items.Single(i => i.HashKeyValue == "imdb-rest-api").Attributes["tz"].S, Is.EqualTo("Europe/Berlin"));
            Assert.That(carol.Items.Single(i => i.HashKeyValue == "imdb-rest-api-mirror").Attributes["host"].S, Is.EqualTo("imdb-mirror.example.org"));
            Assert.That(alice.Items.Any(i => i.HashKeyValue == "imdb-rest-api-mirror"), Is.False);
            Assert.That(course.TableCount, Is.EqualTo(6));
            Assert.That(course.ItemCount, Is.EqualTo((3 * alone.Items.Count) + 1));
        });
    }

    [Test]
    public void TheCourseStacksConfigReachesEveryLearnerAndALearnersFieldsGoOnTop()
    {
        using var project = new ScratchProject();
        var course = RosterScratch.Build(project, $$"""
            learners:
              - alice
              - name: bob
                tags: {team: platform}
                items:
                  jobs: [{{RosterScratch.Job("bob-job")}}]
            """, new()
        {
            ["billingMode"] = "PAY_PER_REQUEST",
            ["tags"] = """{"cohort": "2026-autumn", "team": "everyone"}""",
            ["items"] = $$"""{"global": [{"name": "course-note", "text": "hello"}], "jobs": [{{RosterScratch.Job("course-job")}}]}""",
        });

        var alice = course.Find("alice")!.Catalog;
        var bob = course.Find("bob")!.Catalog;
        Assert.Multiple(() =>
        {
            Assert.That(bob.Tables.All(t => t.Options.BillingMode == BillingMode.PayPerRequest), Is.True);
            Assert.That(alice.Tables[0].Options.Tags["team"], Is.EqualTo("everyone"));
            Assert.That(bob.Tables[0].Options.Tags["team"], Is.EqualTo("platform"), "the learner's tag replaces the course's");
            Assert.That(bob.Tables[0].Options.Tags["cohort"], Is.EqualTo("2026-autumn"), "the course's other tags stay");
            Assert.That(bob.Items.Any(i => i.HashKeyValue == "course-note"), Is.True, "the course's items for a table bob does not list stay");
            Assert.That(bob.Items.Any(i => i.HashKeyValue == "bob-job"), Is.True);
            Assert.That(bob.Items.Any(i => i.HashKeyValue == "course-job"), Is.False, "bob's jobs list replaces the course's");
            Assert.That(alice.Items.Any(i => i.HashKeyValue == "course-job"), Is.True);
        });
    }

    [Test]
    public void EveryProblemIsReportedAtOnceNamingTheRosterLineLearnerAndField()
    {
        using var project = new ScratchProject();
        var problems = RosterScratch.Failures(project, """
            learners:
              - alice
              - Alice
              - bob
              - bob
              - "bad name!"
              - name: carol
                etlRoleName: "no spaces allowed"
              - name: dave
                items:
                  global:
                    - {tz: UTC}
              - name: erin
                colour: blue
            """);

        Assert.That(problems, Has.Count.EqualTo(6));
        Assert.That(problems, Is.SupersetOf(new[]
        {
            $"{RosterScratch.File}:3: learner 'Alice': differs from learner 'alice' (line 2) only in case; DynamoDB would keep both, but people would confuse their tables: rename one",
            $"{RosterScratch.File}:5: learner 'bob': listed twice; the first is at line 4",
            $"{RosterScratch.File}:6: learner 'bad name!': name: 'bad name!' cannot name a table: table name 'bad name!-academy-global' has characters DynamoDB does not allow; use only a-z, A-Z, 0-9, '_', '-' and '.'",
            $"{RosterScratch.File}:14: learner 'erin': unknown field 'colour'; a learner has name and optionally items, tags, etlRoleName, etlUserName, writerRoleName, writerUserName",
        }));
        Assert.That(problems, Has.One.StartsWith($"{RosterScratch.File}:8: learner 'carol': etlRoleName: 'no spaces allowed' is not an IAM role name"));
        Assert.That(problems, Has.One.EqualTo($"{RosterScratch.File}:10: learner 'dave': items.global: item '#1': has no key attribute 'name'; every item needs one"));
    }

    [Test]
    public void ANameTooLongForATableNamesTheLearnerAndTheLimit()
    {
        using var project = new ScratchProject();
        var name = new string('a', 250);

        var problems = RosterScratch.Failures(project, $"learners: [{name}]");

        Assert.That(problems.Single(), Does.StartWith($"{RosterScratch.File}:1: learner '{name}': name: ").And.Contain("DynamoDB allows 3 to 255"));
    }

    [Test]
    public void ACohortOverTheTableQuotaSaysHowManyTablesItWouldCreate()
    {
        using var project = new ScratchProject();
        var roster = "learners:\n" + string.Concat(Enumerable.Range(1, 1251).Select(i => $"  - learner{i}\n"));

        var problems = RosterScratch.Failures(project, roster);

        Assert.That(problems.Single(), Does.StartWith($"{RosterScratch.File}: the cohort would create 2,502 tables (1,251 learners x 2), over the account's quota of 2,500 DynamoDB tables per region (AWS's default)"));
    }

    [Test]
    public void ACohortOverTheItemLimitIsRefusedBeforeAnyLearnerIsBuilt()
    {
        using var project = new ScratchProject();
        var seed = SeedWithItems(project, 200); // x 501 learners: 100,200 items

        var problems = RosterScratch.Failures(project, Learners(501));

        Assert.That(problems, Is.EqualTo(new[]
        {
            $"{RosterScratch.File}: the cohort would declare 100,200 items (501 learners x 200 items, {seed.Items.Sum(i => (long)i.SizeBytes):N0} bytes of item data each), over the 100,000 one course stack may hold: "
            + "each item is a resource in the stack's state and every learner's copy is checked in memory. Split the cohort into several course stacks, each with its own roster, or declare fewer or smaller items",
        }));
    }

    // Learners with items of their own are counted from their catalogs: 99 x 1,000 seed items and
    // one learner's 1,100 more come to 100,100.
    [Test]
    public void LearnersOwnItemsCountTowardsTheItemLimit()
    {
        using var project = new ScratchProject();
        SeedWithItems(project, 1000);
        var own = string.Join(", ", Enumerable.Range(0, 1100).Select(i => $"{{name: own-{i}}}"));

        var problems = RosterScratch.Failures(project, Learners(99) + $"  - name: heavy\n    items: {{global: [{own}]}}\n");

        Assert.That(problems, Is.EqualTo(new[]
        {
            $"{RosterScratch.File}: the cohort would declare more than 100,000 items or 64 MiB of item data, the most one course stack may hold (its 100 learners, with the items some of them have of their own): "
            + "each item is a resource in the stack's state and every learner's copy is checked in memory. Split the cohort into several course stacks, each with its own roster, or declare fewer or smaller items",
        }));
    }

    // An empty list of one's own replaces no table: the learner still gets every course item.
    [Test]
    public void LearnersWithAnEmptyListOfTheirOwnAreCountedBeforeAnyLearnerIsBuilt()
    {
        using var project = new ScratchProject();
        SeedWithItems(project, 200);
        var roster = "learners:\n" + string.Concat(Enumerable.Range(1, 501).Select(i => $"  - {{name: learner{i}, items: {{}}}}\n"));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var problems = RosterScratch.Failures(project, roster);

        Assert.That(problems.Single(), Does.StartWith($"{RosterScratch.File}: the cohort would declare at least 100,200 items (501 learners with the course's 200 items, "));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "refused before 501 catalogs of 200 items were built");
    }

    // A hundred learners sharing one list of 600 bad items: 60,000 problems, of which the course
    // keeps 10,000 (each learner its share) and counts the rest.
    [Test]
    public void ManyLearnersProblemsAreKeptToTheCoursesShare()
    {
        using var project = new ScratchProject();
        var bad = string.Join(", ", Enumerable.Repeat("{}", 600));
        var roster = $"learners:\n  - {{name: learner0, items: &bad {{global: [{bad}]}}}}\n"
            + string.Concat(Enumerable.Range(1, 99).Select(i => $"  - {{name: learner{i}, items: *bad}}\n"));
        project.Write(RosterScratch.File, roster);

        var e = Assert.Throws<CatalogException>(() => RosterScratch.Course(project))!;

        Assert.That((e.Errors.Count, e.Count), Is.EqualTo((ErrorList.Kept, 60_000)));
    }

    // The course's academy:items gives everyone 100 more items, but each learner's own empty list
    // for the table replaces it: 1,001 x the seed's few, not 1,001 x 100 and more.
    [Test]
    public void LearnersWhoReplaceTheCoursesItemsAreCountedByWhatTheyHave()
    {
        using var project = new ScratchProject();
        var seedCount = CatalogBuilder.Build(new DictionaryConfigSource("alice"), project.Paths).Items.Count;
        var items = "{\"global\": [" + string.Join(", ", Enumerable.Range(0, 100).Select(i => $"{{\"name\": \"course-{i}\"}}")) + "]}";
        var roster = "learners:\n" + string.Concat(Enumerable.Range(1, 1001).Select(i => $"  - {{name: learner{i}, items: {{global: []}}}}\n"));

        var course = RosterScratch.Build(project, roster, new() { ["items"] = items });

        Assert.That(course.ItemCount, Is.EqualTo(1001 * seedCount));
    }

    [Test]
    public void ACohortOverTheItemDataLimitIsRefusedBeforeAnyLearnerIsBuilt()
    {
        using var project = new ScratchProject();
        var seed = Path.Combine(project.Root, "seed", "items", "global.json");
        var global = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(seed))!.AsArray();
        for (var i = 0; i < 4; i++)
        {
            global.Add(new System.Text.Json.Nodes.JsonObject { ["name"] = $"big-{i}", ["text"] = new string('x', 300_000) });
        }

        project.Write("seed/items/global.json", global.ToJsonString());

        var problems = RosterScratch.Failures(project, Learners(60)); // 60 x 1.2 MB: 72 MB

        Assert.That(problems.Single(), Does.StartWith($"{RosterScratch.File}: the cohort would declare 69.0 MiB of item data (60 learners x ")
            .And.Contain("over the 64 MiB one course stack may hold"));
    }

    [Test]
    public void ACohortUnderTheItemLimitIsBuilt()
    {
        using var project = new ScratchProject();
        var seedCount = CatalogBuilder.Build(new DictionaryConfigSource("alice"), project.Paths).Items.Count;

        var course = RosterScratch.Build(project, "learners: [ann, ben, cat]");

        Assert.That(course.ItemCount, Is.EqualTo(3 * seedCount));
    }

    private static string Learners(int count) => "learners:\n" + string.Concat(Enumerable.Range(1, count).Select(i => $"  - learner{i}\n"));

    // The seed's global file with plain extra items, so that every learner gets `perLearner` items.
    private static Catalog SeedWithItems(ScratchProject project, int perLearner)
    {
        var seedCount = CatalogBuilder.Build(new DictionaryConfigSource("alice"), project.Paths).Items.Count;
        var seed = Path.Combine(project.Root, "seed", "items", "global.json");
        var global = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(seed))!.AsArray();
        for (var i = seedCount; i < perLearner; i++)
        {
            global.Add(new System.Text.Json.Nodes.JsonObject { ["name"] = $"extra-{i:D4}" });
        }

        project.Write("seed/items/global.json", global.ToJsonString());
        return CatalogBuilder.Build(new DictionaryConfigSource("alice"), project.Paths);
    }

    [Test]
    public void ATableQuotaInTheRosterAllowsALargerCohort()
    {
        using var project = new ScratchProject();
        var roster = "tableQuota: 3000\nlearners:\n" + string.Concat(Enumerable.Range(1, 1251).Select(i => $"  - learner{i}\n"));

        var course = RosterScratch.Build(project, roster);

        Assert.That(course.TableCount, Is.EqualTo(2502));
    }

    [Test]
    public void ABadCourseConfigIsReportedOnceNotOncePerLearner()
    {
        using var project = new ScratchProject();

        var problems = RosterScratch.Failures(project, "learners: [alice, bob, carol]", new() { ["billingMode"] = "CHEAP" });

        Assert.That(problems, Is.EqualTo(new[] { "config academy:billingMode: 'CHEAP' is not a billing mode; use PROVISIONED or PAY_PER_REQUEST" }));
    }

    [Test]
    public void ACourseStackWithAcademyUserIsAnErrorSinceTheRosterNamesTheLearners()
    {
        using var project = new ScratchProject();

        var problems = RosterScratch.Failures(project, "learners: [alice]", new() { ["user"] = "teacher" });

        Assert.That(problems.Single(), Does.StartWith("config academy:user: is 'teacher', but a course's learners are named by its roster"));
    }

    [Test]
    public void EmptyDefaultsAsPulumiHandsThemOverAreNotMistakes()
    {
        using var project = new ScratchProject();

        var course = RosterScratch.Build(project, "learners: [alice]", new() { ["user"] = "" });
        var learner = TestProject.Build("alice", new() { ["roster"] = "" });

        Assert.That((course.Learners.Single().Name, learner.Settings.User), Is.EqualTo(("alice", "alice")));
    }

    [Test]
    public void WithoutARosterThereIsNoCourseAndAMissingRosterFileIsNamed()
    {
        using var project = new ScratchProject();
        var none = Assert.Throws<Errors.CatalogException>(() => CourseBuilder.Build(new DictionaryConfigSource("course"), project.Paths))!;
        var missing = Assert.Throws<Errors.CatalogException>(() => RosterScratch.Course(project))!;

        Assert.Multiple(() =>
        {
            Assert.That(none.Errors.Single().ToString(), Does.StartWith("config academy:roster: not set"));
            Assert.That(missing.Errors.Single().ToString(), Does.StartWith($"{RosterScratch.File}: not found"));
        });
    }

    [Test]
    public void ALearnerStackThatNamesARosterIsRefusedRatherThanBuiltAsOneLearner()
    {
        var problems = Failures.Of(() => TestProject.Build("course", new() { ["roster"] = "seed/roster.yaml" }));

        Assert.That(problems.Single().ToString(), Does.StartWith("config academy:roster: names the roster 'seed/roster.yaml', so this stack is a course"));
    }

    [Test]
    public void SecretCourseItemsStaySecretForEveryLearnerEvenWithTheirOwnItems()
    {
        using var project = new ScratchProject();
        var course = RosterScratch.Build(project, """
            learners:
              - alice
              - name: bob
                items: {global: [{name: bob-note}]}
            """,
            new() { ["items"] = """{"global": [{"name": "api-key", "value": "s3cr3t-value"}]}""" },
            secretKeys: ["items"]);

        Assert.Multiple(() =>
        {
            foreach (var learner in course.Learners)
            {
                Assert.That(learner.Catalog.Items.Where(i => i.Source.StartsWith("config", StringComparison.Ordinal)).Select(i => i.Secret), Has.All.True, learner.Name);
            }
        });
    }

    [Test]
    public void TwoLearnersWhoseItemsWouldGetTheSameResourceNameAreAnError()
    {
        using var project = new ScratchProject();

        var problems = RosterScratch.Failures(project, """
            learners:
              - name: a
                items: {global: [{name: global-x}]}
              - name: a-global
                items: {global: [{name: x}]}
            """);

        Assert.That(problems.Single(), Is.EqualTo($"{RosterScratch.File}:4: learner 'a-global': item 'x': in the course stack its resource name 'a-global-global-x' is also that of an item of learner 'a'; rename the item or one of the learners"));
    }

    [Test]
    public void ARosterWithNoLearnersIsAnError()
    {
        using var project = new ScratchProject();

        Assert.That(RosterScratch.Failures(project, "learners: []").Single(), Is.EqualTo($"{RosterScratch.File}: lists no learners under 'learners:'"));
    }

    [Test]
    public void ALearnerNameFindsTheLearnerInAnyCase()
    {
        using var project = new ScratchProject();
        var course = RosterScratch.Build(project, "learners: [Alice, bob]");

        Assert.Multiple(() =>
        {
            Assert.That(course.Find("alice")!.Name, Is.EqualTo("Alice"));
            Assert.That(course.Find("BOB")!.Name, Is.EqualTo("bob"));
            Assert.That(course.Find("carol"), Is.Null);
        });
    }
}
