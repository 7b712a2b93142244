// Fixtures run side by side: most of a sandbox test's time is waiting (on the engine, a deadline, a
// child build), every test has a learner and scratch folder of its own, and what touches the process
// (an environment variable) is marked NonParallelizable where it is done.
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(4)]
