using FullEmployment.Cli;

return await CliApp.RunAsync(args);
