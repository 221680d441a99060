/**
 * Entry point of `cloudarch-language-server`. The transport comes from the command line as for any
 * Node language server: `--stdio`, `--node-ipc`, `--socket=PORT` or `--pipe=NAME`.
 *
 * The same bundled file is also the evaluation worker: started as a worker thread with the worker
 * marker, it evaluates documents instead (evaluation-worker.ts), so the build needs no second entry.
 */
import { inspect } from 'node:util';
import { isMainThread, workerData } from 'node:worker_threads';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { evaluationWorkerMarker } from './evaluation-requests';
import { runEvaluationWorker } from './evaluation-worker';
import { rawAwareJsonEncoder } from './raw-json';
import { serverInfo, startServer } from './server';

const usage =
  'Usage: cloudarch-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME | --version\nThe CloudArch language server for .cloudarch.yaml files (Language Server Protocol).\n';
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
  // Over stdio the server writes the messages itself, so a publication can carry the evaluation's
  // diagnostics as the JSON text the worker made (raw-json.ts). Other transports use the library's.
  const stdio = args.includes('--stdio');
  const connection = stdio
    ? createConnection(
        ProposedFeatures.all,
        new StreamMessageReader(process.stdin),
        new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: rawAwareJsonEncoder }),
      )
    : createConnection(ProposedFeatures.all);
  const server = startServer(connection, __filename, { rawJsonDiagnostics: stdio });
  if (stdio) {
    // stdout is the protocol's: a stray console.log from any module would corrupt it.
    const text = (values: unknown[]) => values.map((value) => (typeof value === 'string' ? value : inspect(value))).join(' ');
    console.log = console.info = console.debug = (...values: unknown[]) => connection.console.log(text(values));
    console.warn = (...values: unknown[]) => connection.console.warn(text(values));
    console.error = (...values: unknown[]) => connection.console.error(text(values));
    // The library ends a stdio server when its input closes; with our own reader that is ours to do.
    const end = () => process.exit(server.shutDownRequested() ? 0 : 1);
    process.stdin.on('end', end);
    process.stdin.on('close', end);
  }
  // A server that dies takes every open editor's features with it: log the unexpected and carry on.
  process.on('uncaughtException', (error) => connection.console.error(`Unexpected error: ${error.stack ?? error.message}`));
  process.on('unhandledRejection', (reason) =>
    connection.console.error(`Unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`),
  );
}

if (!isMainThread && (workerData as Record<string, unknown> | undefined)?.[evaluationWorkerMarker]) {
  runEvaluationWorker();
} else {
  startLanguageServer();
}
