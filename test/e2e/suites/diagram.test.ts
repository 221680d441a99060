/**
 * The diagram panel in a real VS Code: Show Diagram opens a webview beside the editor with the
 * server's picture of the file, the picture follows an edit, a node "clicked" in the webview (its
 * message, as the webview posts it) selects the resource's YAML, and moving the cursor in the YAML
 * tells the webview which node to select. The clicks themselves are in test/ui/diagram.test.mjs.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeApi, closeAllEditors, positionOf, waitFor } from '../helpers';

/** What `cloudarch.showDiagram` returns (src/client/diagram-panel.ts), re-declared: the tests stay black-box. */
interface DiagramPanelHandle {
  readonly uri: string;
  lastShown():
    | { version: number; pictureVersion: number; svg?: string; resources: readonly { name: string }[]; parseError?: { message: string } }
    | undefined;
  whenShown(version?: number): Promise<{
    version: number;
    pictureVersion: number;
    svg?: string;
    resources: readonly { name: string }[];
    parseError?: { message: string };
  }>;
  receive(message: unknown): Promise<void>;
  readonly selections: readonly (string | null)[];
}

async function openExampleCopy(name: string): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder);
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, name)));
  // An untitled copy: the test edits it, and the other suites keep seeing the file as it is.
  const document = await vscode.workspace.openTextDocument({ language: 'cloudarch', content: text });
  return vscode.window.showTextDocument(document, vscode.ViewColumn.One);
}

describe('diagram panel', function () {
  this.timeout(60_000);
  before(activeApi);
  after(async () => {
    // The untitled copy is dirty: revert it so closing asks nothing.
    if (editor) {
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await closeAllEditors();
  });

  let editor: vscode.TextEditor;
  let panel: DiagramPanelHandle;

  it('Show Diagram opens the picture of the file beside the editor', async () => {
    editor = await openExampleCopy('three-tier-web.cloudarch.yaml');
    const started = performance.now();
    const handle = await vscode.commands.executeCommand<DiagramPanelHandle>('cloudarch.showDiagram');
    assert.ok(handle, 'the command returns the panel');
    panel = handle;
    const shown = await panel.whenShown();
    console.log(`      first diagram shown ${(performance.now() - started).toFixed(0)} ms after the command`);
    for (const name of ['users', 'dns', 'cdn', 'web-lb', 'web', 'db', 'bastion', 'assets'])
      assert.ok(shown.svg?.includes(`data-resource="${name}"`), `${name} is drawn`);
    const tab = vscode.window.tabGroups.all
      .flatMap((group) => group.tabs)
      .find((candidate) => candidate.input instanceof vscode.TabInputWebview && candidate.input.viewType.endsWith('cloudarch.diagram'));
    assert.ok(tab, 'a diagram tab is open');
    assert.notEqual(tab.group.viewColumn, editor.viewColumn, 'beside the editor, not over it');
  });

  it('follows an edit: a resource typed into the file appears in the picture', async () => {
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    const started = performance.now();
    await editor.edit((edit) => edit.insert(end, '\n  audit-logs:\n    type: aws.s3.bucket\n'));
    const version = editor.document.version;
    const shown = await panel.whenShown(version);
    console.log(`      edit -> updated picture in ${(performance.now() - started).toFixed(0)} ms`);
    assert.ok(shown.svg?.includes('data-resource="audit-logs"'), 'the new bucket is drawn');
  });

  it('keeps the picture and names the error while the text does not parse', async () => {
    const before = panel.lastShown();
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    await editor.edit((edit) => edit.insert(end, '\n  broken: [unclosed\n'));
    const shown = await panel.whenShown(editor.document.version);
    assert.ok(shown.parseError, 'the first error is named');
    assert.equal(shown.svg, before?.svg, 'the last good picture stays');
    await vscode.commands.executeCommand('undo');
    await waitFor('the picture of the repaired text', () => (panel.lastShown()?.parseError === undefined ? true : undefined));
  });

  it('a click on a node selects the resource in the editor', async () => {
    await panel.receive({ type: 'reveal', requestId: 7, resource: 'db' });
    const active = await waitFor('the editor with the YAML', () =>
      vscode.window.activeTextEditor?.document === editor.document ? vscode.window.activeTextEditor : undefined,
    );
    const name = positionOf(editor.document, '  db:', 2);
    assert.deepEqual([active.selection.start.line, active.selection.start.character, active.selection.end.character], [name.line, 2, 4]);
  });

  it('moving the cursor in the YAML selects that resource in the picture', async () => {
    const inside = positionOf(editor.document, 'type: aws.autoscaling.group');
    editor.selection = new vscode.Selection(inside, inside);
    await waitFor('the webview told to select web', () => (panel.selections.at(-1) === 'web' ? true : undefined));
  });

  it('ignores a message that is not one of the protocol', async () => {
    const selection = editor.selection;
    await panel.receive({ type: 'reveal', requestId: 8, resource: 42 });
    await panel.receive({ type: 'runCommand', command: 'workbench.action.closeAllEditors' });
    assert.ok(editor.selection.isEqual(selection));
  });
});
