/**
 * Drives the BUILT language server (dist/server/main.js) over stdio, as an editor would: a clean
 * process per test suite, JSON-RPC through vscode-jsonrpc's stream reader and writer, and helpers
 * that wait for the diagnostics of a given document version.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const repositoryRoot = join(__dirname, '..', '..');
export const serverPath = join(repositoryRoot, 'dist', 'server', 'main.js');

/** A URI for an in-memory document (the server never reads files). */
export function documentUri(name: string): string {
  return pathToFileURL(join(repositoryRoot, 'test', 'fixtures', 'language', 'protocol', name)).href;
}

export class ServerProcess {
  readonly process: ChildProcess;
  readonly connection: MessageConnection;
  /** Every publication, in arrival order. */
  readonly published: PublishDiagnosticsParams[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  readonly stderr: string[] = [];
  private waiters: (() => void)[] = [];
  initializeMs = 0;
  initializeResult: InitializeResult | undefined;

  constructor(args: readonly string[] = ['--stdio']) {
    if (!existsSync(serverPath)) throw new Error(`${serverPath} is missing: run \`npm run build\` first.`);
    this.process = spawn(process.execPath, [serverPath, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params);
      this.wake();
    });
    this.connection.onNotification((method, params) => {
      this.notifications.push({ method, params });
      this.wake();
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/inlayHint/refresh', () => null);
    this.connection.onRequest('workspace/codeLens/refresh', () => null);
    this.connection.listen();
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  async initialize(initializationOptions?: unknown): Promise<InitializeResult> {
    const started = performance.now();
    this.initializeResult = await this.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: { configuration: true, inlayHint: { refreshSupport: true }, codeLens: { refreshSupport: true } },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } },
          hover: { contentFormat: ['markdown'] },
          rename: { prepareSupport: true },
        },
      },
      initializationOptions,
    });
    this.initializeMs = performance.now() - started;
    await this.connection.sendNotification('initialized', {});
    return this.initializeResult;
  }

  /** Resolves when `predicate` holds over what has been received, or rejects after `timeoutMs`. */
  async until<T>(predicate: () => T | undefined, timeoutMs = 10_000, what = 'a condition'): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = predicate();
      if (value !== undefined && value !== false) return value;
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`timed out waiting for ${what}; stderr: ${this.stderr.join('')}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The first publication for `uri` at `version` or later that satisfies `accept`. */
  diagnosticsFor(uri: string, version: number, accept: (diagnostics: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    return this.until(
      () => this.published.find((entry) => entry.uri === uri && (entry.version ?? 0) >= version && accept(entry.diagnostics))?.diagnostics,
      10_000,
      `diagnostics of ${uri} v${version}`,
    );
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cloudarch', version, text } });
  }

  async change(uri: string, version: number, changes: unknown[]): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest<R>(method, params);
  }

  /** Shuts the server down politely, then makes sure the process is gone. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => {
      if (this.process.exitCode !== null) resolve(this.process.exitCode);
      else this.process.once('exit', (code) => resolve(code));
    });
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // Already gone.
    }
    const code = await Promise.race([exited, new Promise<null>((resolve) => setTimeout(() => resolve(null), 2000))]);
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
    return code;
  }
}
