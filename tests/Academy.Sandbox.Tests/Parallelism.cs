// Fixtures run side by side: most of a sandbox test's time is waiting (on the engine, a deadline, a
// child build), every test has a learner and scratch folder of its own, and what touches the process
// (an environment variable) is given to a child process instead.
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(4)]
