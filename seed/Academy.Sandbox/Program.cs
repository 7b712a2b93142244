using Academy.Sandbox.Cli;

return await SandboxCli.RunAsync(args, Console.Out, Console.Error);
