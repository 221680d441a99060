/**
 * Commands: every command package.json contributes is registered, and those that need no server
 * answer do what their title says.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, activeApi, closeAllEditors, fixtureUri } from '../helpers';

interface ContributedCommand {
  readonly command: string;
  readonly title: string;
}

describe('commands', () => {
  before(activeApi);
  afterEach(closeAllEditors);

  it('registers every contributed command, all prefixed cloudarch.', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    const contributed = (extension?.packageJSON.contributes.commands ?? []) as ContributedCommand[];
    assert.ok(contributed.length >= 10, `${contributed.length} commands contributed`);
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const { command } of contributed) {
      assert.match(command, /^cloudarch\./);
      assert.ok(registered.has(command), `${command} is registered`);
    }
  });

  it('New Architecture opens an untitled CloudArch editor from the template', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('cloudarch.newArchitecture', {
      target: 'untitled',
      name: 'Test shop',
    });
    assert.ok(document, 'the command returns the new document');
    assert.equal(document.isUntitled, true);
    assert.equal(document.languageId, 'cloudarch');
    assert.equal(vscode.window.activeTextEditor?.document, document);
    assert.match(document.getText(), /^cloudarch: "1"$/m);
    assert.match(document.getText(), /^name: "Test shop"$/m);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('New Architecture writes a file when given a location, and never overwrites one', async () => {
    const uri = vscode.Uri.joinPath(fixtureUri('.'), 'created-by-test.cloudarch.yaml');
    await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('cloudarch.newArchitecture', {
      target: uri.toString(),
      name: 'Created',
    });
    assert.equal(document.uri.toString(), uri.toString());
    assert.equal(document.languageId, 'cloudarch');
    const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.match(written, /^name: "Created"$/m);

    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('cloudarch: "1"\nname: Kept\nresources: {}\n'));
    await vscode.commands.executeCommand('cloudarch.newArchitecture', { target: uri.toString(), name: 'Other' });
    const kept = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.match(kept, /name: Kept/);
    await vscode.workspace.fs.delete(uri);
  });

  it('Show Language Server Output runs', async () => {
    await vscode.commands.executeCommand('cloudarch.showOutput');
  });
});
