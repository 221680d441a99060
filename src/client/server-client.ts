/**
 * Creates the language client that runs the bundled CloudArch language server in a Node child
 * process and talks to it over the child's standard input and output.
 */
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { serverEnvironmentOverrides } from './server-environment';
import { SETTINGS_SECTION, readSettings, type SettingKey } from '../protocol/settings';

/** The language id and the client id; the client id also names the `cloudarch.trace.server` setting. */
export const LANGUAGE_ID = 'cloudarch';
export const CLIENT_ID = 'cloudarch';
const CLIENT_NAME = 'CloudArch Language Server';

/** Reads the typed settings from VS Code's configuration. */
export function currentSettings(scope?: vscode.ConfigurationScope) {
  const configuration = vscode.workspace.getConfiguration(undefined, scope);
  return readSettings((key: SettingKey) => configuration.get(key));
}

/**
 * Builds the client (not started). The error handler decides what happens when the server dies
 * (see `restartingErrorHandler`).
 */
export function createLanguageClient(
  context: vscode.ExtensionContext,
  outputChannel: vscode.LogOutputChannel,
  errorHandler: ErrorHandler,
  mark: (step: string) => void = () => undefined,
): LanguageClient {
  const settings = currentSettings();
  mark('read settings');
  const serverModule = context.asAbsolutePath('dist/server/main.js');
  const serverOptions: ServerOptions = {
    // Over stdio the server writes the evaluation worker's diagnostics JSON into each publication as
    // it is; over Node IPC it would have to decode it into objects for IPC to encode again, which at
    // a thousand resources costs the server's thread more than the evaluation (src/server/raw-json.ts).
    run: { module: serverModule, transport: TransportKind.stdio, options: { env: serverEnvironmentOverrides } },
    debug: {
      module: serverModule,
      transport: TransportKind.stdio,
      options: { env: serverEnvironmentOverrides, execArgv: ['--nolazy', '--inspect=6019'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: LANGUAGE_ID, scheme: 'file' },
      { language: LANGUAGE_ID, scheme: 'untitled' },
    ],
    outputChannel,
    errorHandler,
    initializationOptions: { settings },
    // The server may also pull `workspace/configuration`; this push keeps older servers informed.
    synchronize: { configurationSection: SETTINGS_SECTION },
  };
  const client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  mark('construct client');
  return client;
}

/** An error handler that defers the restart decision to `decide` (see restart-policy.ts). */
export function restartingErrorHandler(decide: () => 'restart' | 'give-up', onGiveUp: () => void): ErrorHandler {
  return {
    error(_error, _message, count): ErrorHandlerResult {
      // An error without a message count comes from the stream itself: over stdio, a write to a
      // server that has just died. Its connection closes next, and `closed` decides whether to
      // restart; shutting down here would stop the client before it is asked. A few malformed
      // messages are survivable; a stream of them means the connection is broken.
      return { action: count === undefined || count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
    },
    closed(): CloseHandlerResult {
      if (decide() === 'restart') {
        return {
          action: CloseAction.Restart,
          message: 'The CloudArch language server stopped unexpectedly; restarting it.',
          handled: true,
        };
      }
      onGiveUp();
      return { action: CloseAction.DoNotRestart, handled: true };
    },
  };
}
