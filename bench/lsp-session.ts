/**
 * A minimal LSP client for the benchmark: starts a server process over stdio, answers the requests
 * servers make of their client, and times edits, completions and hovers. Used for our server and
 * for the peer (yaml-language-server) alike, so both are measured the same way.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { serverEnvironment } from '../src/client/server-environment';

export interface ServerCommand {
  readonly command: string;
  readonly args: readonly string[];
  /** Answers `workspace/configuration` items, by section. */
  readonly configuration?: (section: string | undefined) => unknown;
  /** Sent as `workspace/didChangeConfiguration` after initialization. */
  readonly settings?: unknown;
  /** The process's environment, as its editor starts it (the bench's own when absent). */
  readonly env?: Readonly<Record<string, string>>;
}

/** The built language server (dist/server/main.js) over stdio, started as the extension starts it (src/client/server-client.ts). */
export const builtServer: ServerCommand = {
  command: process.execPath,
  args: [join(resolve(__dirname, '..'), 'dist/server/main.js'), '--stdio'],
  env: serverEnvironment(process.env),
  configuration: () => ({}),
};

export interface PublishedDiagnostics {
  readonly uri: string;
  readonly version?: number;
  readonly diagnostics: readonly unknown[];
}

/** A publication as the client received it, with its arrival time (performance clock). */
interface ArrivedDiagnostics {
  readonly published: PublishedDiagnostics;
  readonly at: number;
}

export class LspSession {
  private readonly process: ChildProcess;
  readonly connection: MessageConnection;
  private readonly diagnosticWaiters: ((published: PublishedDiagnostics) => void)[] = [];
  /** The latest publication per document, with its arrival time. */
  private readonly latestPublished = new Map<string, ArrivedDiagnostics>();
  private readonly summaryWaiters: ((summary: { uri: string; version: number }) => void)[] = [];
  /** When initialize was sent and answered, for the start-to-ready figure. */
  readyMs = 0;

  private constructor(server: ServerCommand) {
    this.process = spawn(server.command, [...server.args], { stdio: ['pipe', 'pipe', 'pipe'], ...(server.env ? { env: server.env } : {}) });
    this.process.stderr?.resume();
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => server.configuration?.(item.section) ?? null),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification('textDocument/publishDiagnostics', (published: PublishedDiagnostics) => {
      this.latestPublished.set(published.uri, { published, at: performance.now() });
      const waiters = this.diagnosticWaiters.splice(0);
      for (const waiter of waiters) waiter(published);
    });
    // Our server announces each evaluation it has published (after the publication, on the same stream).
    this.connection.onNotification('cloudarch/summaryChanged', (summary: { uri: string; version: number }) => {
      for (const waiter of this.summaryWaiters.splice(0)) waiter(summary);
    });
    this.connection.listen();
  }

  static async start(server: ServerCommand, rootPath: string): Promise<LspSession> {
    const session = new LspSession(server);
    const started = performance.now();
    await session.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(rootPath).href,
      workspaceFolders: [{ uri: pathToFileURL(rootPath).href, name: 'bench' }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          synchronization: { dynamicRegistration: true, didSave: true },
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          // What VS Code's language client declares (vscode-languageclient, completion.js), so each
          // server answers completion as it would in the editor.
          completion: {
            completionItem: {
              snippetSupport: true,
              documentationFormat: ['markdown', 'plaintext'],
              labelDetailsSupport: true,
              insertReplaceSupport: true,
              resolveSupport: { properties: ['documentation', 'detail', 'additionalTextEdits'] },
            },
            completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] },
          },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
    });
    session.readyMs = performance.now() - started;
    await session.connection.sendNotification('initialized', {});
    if (server.settings !== undefined)
      await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: server.settings });
    return session;
  }

  /**
   * Resolves with the first diagnostics published for `uri` that satisfy `accept` (by default: the
   * given version, or any publication when the server does not report versions).
   */
  nextDiagnostics(uri: string, version: number | undefined, timeoutMs = 60_000): Promise<PublishedDiagnostics> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version} within ${timeoutMs} ms`)), timeoutMs);
      const waiter = (published: PublishedDiagnostics) => {
        const versionMatches = version === undefined || published.version === undefined || published.version >= version;
        if (published.uri === uri && versionMatches) {
          clearTimeout(timer);
          resolve(published);
        } else {
          this.diagnosticWaiters.push(waiter);
        }
      };
      this.diagnosticWaiters.push(waiter);
    });
  }

  /**
   * Resolves with the `count`-th publication for `uri` at `version` or later (the server may publish
   * a version more than once, e.g. parse diagnostics first and evaluations after).
   */
  nthDiagnostics(uri: string, version: number, count: number, timeoutMs = 60_000): Promise<PublishedDiagnostics> {
    return new Promise((resolve, reject) => {
      let seen = 0;
      let expired = false;
      const timer = setTimeout(() => {
        expired = true;
        reject(new Error(`fewer than ${count} publications for ${uri} v${version} within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter = (published: PublishedDiagnostics) => {
        if (expired) return;
        if (published.uri === uri && (published.version === undefined || published.version >= version) && ++seen >= count) {
          clearTimeout(timer);
          resolve(published);
        } else {
          this.diagnosticWaiters.push(waiter);
        }
      };
      this.diagnosticWaiters.push(waiter);
    });
  }

  /**
   * Resolves with the arrival time of the publication that carries the evaluations of `version` (or
   * a later one): our server sends `cloudarch/summaryChanged` right after publishing an evaluated
   * version, so the publication it follows is the complete one. Rejects if that publication has no
   * security findings (the benchmark files always have some), so a marker without the findings
   * cannot pass for them.
   */
  evaluatedDiagnostics(uri: string, version: number, timeoutMs = 60_000): Promise<{ at: number; published: PublishedDiagnostics }> {
    return new Promise((resolve, reject) => {
      let expired = false;
      const timer = setTimeout(() => {
        expired = true;
        reject(new Error(`no evaluated diagnostics for ${uri} v${version} within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter = (summary: { uri: string; version: number }) => {
        if (expired) return;
        if (summary.uri !== uri || summary.version < version) {
          this.summaryWaiters.push(waiter);
          return;
        }
        clearTimeout(timer);
        const arrived = this.latestPublished.get(uri);
        if (!arrived || (arrived.published.version ?? 0) < version) {
          reject(new Error(`the evaluation of ${uri} v${summary.version} was announced before its diagnostics`));
          return;
        }
        const withFindings = arrived.published.diagnostics.some(
          (diagnostic) => (diagnostic as { source?: string }).source === 'cloudarch.security',
        );
        if (!withFindings) reject(new Error(`the publication for ${uri} v${arrived.published.version} has no security findings`));
        else resolve(arrived);
      };
      this.summaryWaiters.push(waiter);
    });
  }

  /** Whether our server evaluates the document while typing: its summary counts findings once it has. */
  async evaluatedLive(uri: string, timeoutMs = 60_000): Promise<boolean> {
    const deadline = performance.now() + timeoutMs;
    while (performance.now() < deadline) {
      const summary = await this.connection
        .sendRequest<{ findings?: unknown; errors: number } | null>('cloudarch/summary', { uri })
        .catch(() => null);
      if (summary?.findings !== undefined) return true;
      // The summary answers at once; without findings the file is either still being evaluated
      // for the first time, or not evaluated live at all (then its diagnostics are out already).
      const published = this.latestPublished.get(uri);
      if (
        published &&
        !published.published.diagnostics.some((diagnostic) => (diagnostic as { source?: string }).source === 'cloudarch.security') &&
        performance.now() - published.at > 5_000
      )
        return false;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return false;
  }

  async open(uri: string, languageId: string, text: string): Promise<PublishedDiagnostics> {
    const first = this.nextDiagnostics(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return first;
  }

  async change(
    uri: string,
    version: number,
    range: { start: { line: number; character: number }; end: { line: number; character: number } },
    text: string,
  ): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
  }

  completion(uri: string, line: number, character: number): Promise<unknown> {
    return this.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character } });
  }

  hover(uri: string, line: number, character: number): Promise<unknown> {
    return this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } });
  }

  /** The server's resident set size in bytes, read from /proc (Linux). */
  async residentBytes(): Promise<number | undefined> {
    const { readFile } = await import('node:fs/promises');
    try {
      const status = await readFile(`/proc/${this.process.pid}/status`, 'utf8');
      const peak = /VmHWM:\s+(\d+) kB/.exec(status);
      return peak ? Number(peak[1]) * 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone; killing it below is enough.
    }
    this.connection.dispose();
    this.process.kill('SIGKILL');
  }
}
