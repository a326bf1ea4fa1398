using PouchMonitor.Host.Cli;

return await PouchmonCommand.RunAsync(args).ConfigureAwait(false);
