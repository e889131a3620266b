using Shannon.Cli;

// The one place that knows the process console: every command prints through the writers handed in here.
return CliApp.Run(args, Console.Out, Console.Error, errorIsConsole: true);
