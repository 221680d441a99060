/**
 * Entry point of `cloudarch-language-server`. The transport comes from the command line as for any
 * Node language server: `--stdio`, `--node-ipc`, `--socket=PORT` or `--pipe=NAME`.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const transports = ['--stdio', '--node-ipc', '--socket', '--pipe', '--clientProcessId'];
if (process.argv.includes('--help') || process.argv.includes('-h') || !process.argv.slice(2).some((arg) => transports.some((flag) => arg.startsWith(flag)))) {
  const usage = 'Usage: cloudarch-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME\nThe CloudArch language server for .cloudarch.yaml files (Language Server Protocol).\n';
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(usage);
    process.exit(0);
  }
  process.stderr.write(usage);
  process.exit(3);
}

const connection = createConnection(ProposedFeatures.all);

// A server that dies takes every open editor's features with it: log the unexpected and carry on.
process.on('uncaughtException', (error) => connection.console.error(`Unexpected error: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));

startServer(connection);
