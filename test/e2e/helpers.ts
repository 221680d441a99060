/**
 * Helpers for the in-host suites: open the workspace's fixture files the way a user would, wait for
 * the language server's asynchronous answers, and reach the extension's small API.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** The extension's id: `publisher.name` from package.json. */
export const EXTENSION_ID = 'cloudarch.cloudarch';

/** What `activate` returns (see src/client/extension.ts); re-declared so the tests stay black-box. */
export interface CloudArchApi {
  readonly ready: Promise<void>;
  readonly activationMs: number;
  readonly activationCpuMs: number;
  readonly activationSteps: Readonly<Record<string, number>>;
  isServerRunning(): boolean;
  statusBarText(): string;
}

/** The URI of a file in the scratch workspace's `fixtures/` folder (test/fixtures/e2e in the repo). */
export function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the harness opens a workspace folder');
  return vscode.Uri.joinPath(folder.uri, 'fixtures', name);
}

/** Opens a fixture in an editor, as double-clicking it in the explorer does. */
export async function openFixture(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(name));
  return vscode.window.showTextDocument(document);
}

/** Activates the extension (if the open file has not already) and waits for the server. */
export async function activeApi(): Promise<CloudArchApi> {
  const extension = vscode.extensions.getExtension<CloudArchApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is installed`);
  const api = extension.isActive ? extension.exports : await extension.activate();
  await api.ready;
  return api;
}

/** Polls `probe` until it returns a value other than `undefined`, or fails after `timeoutMs`. */
export async function waitFor<T>(description: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}${last ? `: ${String(last)}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits until the document has diagnostics matching `accept`, and returns them. */
export async function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: readonly vscode.Diagnostic[]) => boolean = (diagnostics) => diagnostics.length > 0,
  timeoutMs = 15_000,
): Promise<readonly vscode.Diagnostic[]> {
  return waitFor(
    `diagnostics on ${uri.path}`,
    () => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      return accept(diagnostics) ? diagnostics : undefined;
    },
    timeoutMs,
  );
}

/** The position of the first occurrence of `text` in the document, offset by `delta` characters. */
export function positionOf(document: vscode.TextDocument, text: string, delta = 0): vscode.Position {
  const offset = document.getText().indexOf(text);
  assert.ok(offset >= 0, `${JSON.stringify(text)} occurs in ${document.uri.path}`);
  return document.positionAt(offset + delta);
}

/** Closes every editor so each test starts from the same state. */
export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
