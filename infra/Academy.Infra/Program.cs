using Academy.Infra;
using Pulumi;

// A stack whose academy:roster names a roster is a course: one LearnerTables per learner.
return CourseStack.IsCourse(Environment.GetEnvironmentVariable(PulumiConfigSource.ConfigVariable))
    ? await Deployment.RunAsync<CourseStack>()
    : await Deployment.RunAsync<AcademyStack>();
