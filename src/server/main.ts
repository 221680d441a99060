/**
 * Entry point of `cloudarch-language-server`. The transport comes from the command line as for any
 * Node language server: `--stdio`, `--node-ipc`, `--socket=PORT` or `--pipe=NAME`.
 *
 * The same bundled file is also the evaluation worker: started as a worker thread with the worker
 * marker, it evaluates documents instead (evaluation-worker.ts), so the build needs no second entry.
 */
import { isMainThread, workerData } from 'node:worker_threads';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { evaluationWorkerMarker, runEvaluationWorker } from './evaluation-worker';
import { serverInfo, startServer } from './server';

const usage = 'Usage: cloudarch-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME | --version\nThe CloudArch language server for .cloudarch.yaml files (Language Server Protocol).\n';
const transports = ['--stdio', '--node-ipc', '--socket', '--pipe', '--clientProcessId'];

function startLanguageServer(): void {
  const args = process.argv.slice(2);
  if (args.includes('--version') || args.includes('-v')) {
    process.stdout.write(`${serverInfo.name} ${serverInfo.version}\n`);
    process.exit(0);
  }
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(usage);
    process.exit(0);
  }
  if (!args.some((arg) => transports.some((flag) => arg.startsWith(flag)))) {
    process.stderr.write(usage);
    process.exit(3);
  }
  const connection = createConnection(ProposedFeatures.all);
  // A server that dies takes every open editor's features with it: log the unexpected and carry on.
  process.on('uncaughtException', (error) => connection.console.error(`Unexpected error: ${error.stack ?? error.message}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));
  startServer(connection, __filename);
}

if (!isMainThread && (workerData as Record<string, unknown> | undefined)?.[evaluationWorkerMarker]) {
  runEvaluationWorker();
} else {
  startLanguageServer();
}
