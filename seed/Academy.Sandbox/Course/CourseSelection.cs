using Academy.Catalog.Roster;

namespace Academy.Sandbox.Course;

/// <summary>A built course and the learners a command acts on: all of them, or the one --learner names.</summary>
public sealed record CourseSelection(CourseCatalog Course, IReadOnlyList<LearnerCatalog> Learners, string Source)
{
    public bool OneLearner => Learners.Count == 1 && Course.Learners.Count > 1;

    /// <summary>"3 learners" or "learner bob of 3", for header lines.</summary>
    public string Describe => OneLearner
        ? $"learner {Learners[0].Name} of {Course.Learners.Count:N0}"
        : $"{Learners.Count:N0} learner{(Learners.Count == 1 ? "" : "s")}";
}
