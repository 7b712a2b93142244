using Academy.Sandbox.Cli;

using var interrupts = new Interrupts();
return interrupts.ExitCode(await SandboxCli.RunAsync(args, Console.Out, Console.Error, interrupts.Token));
