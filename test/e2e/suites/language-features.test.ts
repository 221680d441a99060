/**
 * Language features through VS Code's own API, as a user's editor sees them: diagnostics at the
 * right ranges, completion, hover, go to definition, references, rename, symbols and quick fixes.
 * Each feature goes through the real language client, the real server process and the workbench's
 * provider registry.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeApi, closeAllEditors, fixtureUri, openFixture, positionOf, waitFor, waitForDiagnostics } from '../helpers';

/** A range as `line:character-line:character`, which makes assertion failures readable. */
function show(range: vscode.Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : ''))
    .join('\n');
}

/** Asks the providers until the server has answered for the opened document. */
async function completionLabels(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  return waitFor('completion items', async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
    // Snippets are the client's own contribution and are offered everywhere; the server's answers are the rest.
    const labels = list.items.filter((item) => item.kind !== vscode.CompletionItemKind.Snippet).map(labelOf);
    return labels.length > 0 ? labels : undefined;
  });
}

describe('language features', () => {
  before(activeApi);
  after(closeAllEditors);

  describe('diagnostics', () => {
    it('reports a misspelt reference and an unknown type at their exact ranges', async () => {
      const { document } = await openFixture('broken.cloudarch.yaml');
      const diagnostics = await waitForDiagnostics(document.uri, (found) => found.length >= 2);
      const byCode = new Map(
        diagnostics.map((diagnostic) => [
          String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code),
          diagnostic,
        ]),
      );

      const reference = byCode.get('unknown-reference');
      assert.ok(reference, `an unknown-reference diagnostic among ${[...byCode.keys()].join(', ')}`);
      assert.equal(
        show(reference.range),
        show(new vscode.Range(positionOf(document, 'databse'), positionOf(document, 'databse', 'databse'.length))),
      );
      assert.match(reference.message, /did you mean `database`/);
      assert.equal(reference.source, 'cloudarch');

      const type = byCode.get('unknown-type');
      assert.ok(type, 'an unknown-type diagnostic');
      assert.equal(
        show(type.range),
        show(new vscode.Range(positionOf(document, 'aws.elasticache.clusterr'), positionOf(document, 'aws.elasticache.clusterr', 24))),
      );
      assert.equal(type.severity, vscode.DiagnosticSeverity.Error);
    });

    it('reports no errors on a valid architecture', async () => {
      const { document } = await openFixture('shop.cloudarch.yaml');
      // Give the server time to publish: a valid file may legitimately get evaluation findings.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const errors = vscode.languages
        .getDiagnostics(document.uri)
        .filter((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Error);
      assert.deepEqual(
        errors.map((diagnostic) => diagnostic.message),
        [],
      );
    });

    it('updates diagnostics as the user types', async () => {
      const document = await vscode.workspace.openTextDocument({
        language: 'cloudarch',
        content:
          'cloudarch: "1"\nname: Typing\nresources:\n  web:\n    type: aws.ec2.instance\n    instanceType: t3.micro\n    zones: [a]\n',
      });
      const editor = await vscode.window.showTextDocument(document);
      await waitFor('the untitled document to be checked', async () => {
        // An untitled file is checked like a saved one; wait until the server has seen it.
        const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
        return symbols && symbols.length > 0 ? true : undefined;
      });
      await editor.edit((builder) => builder.insert(new vscode.Position(7, 0), '    connectsTo: [nowhere]\n'));
      const diagnostics = await waitForDiagnostics(document.uri, (found) =>
        found.some((diagnostic) => diagnostic.message.includes('nowhere')),
      );
      const diagnostic = diagnostics.find((found) => found.message.includes('nowhere'));
      assert.equal(diagnostic?.range.start.line, 7);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });
  });

  describe('completion', () => {
    it('offers resource types after `type: aws.`', async () => {
      const { document } = await openFixture('shop.cloudarch.yaml');
      const labels = await completionLabels(document.uri, positionOf(document, 'aws.rds.instance', 4));
      for (const expected of ['aws.rds.instance', 'aws.ec2.instance', 'aws.s3.bucket', 'aws.lambda.function']) {
        assert.ok(labels.includes(expected), `${expected} in ${labels.slice(0, 10).join(', ')}…`);
      }
    });

    it('offers the resources of the file in a reference list', async () => {
      const { document } = await openFixture('shop.cloudarch.yaml');
      const labels = await completionLabels(document.uri, positionOf(document, '[db:5432]', 1));
      for (const expected of ['db', 'web-lb', 'users']) assert.ok(labels.includes(expected), `${expected} in ${labels.join(', ')}`);
    });

    it('offers the allowed values of an enumerated property', async () => {
      const { document } = await openFixture('shop.cloudarch.yaml');
      const labels = await completionLabels(document.uri, positionOf(document, 'engine: postgres', 'engine: '.length));
      // Oracle and SQL Server are valid but not offered: the price snapshot cannot price them (their
      // prices depend on a licence model the public sources do not state), and completion offers
      // only what the cost model prices.
      assert.deepEqual([...labels].sort(), ['mariadb', 'mysql', 'postgres']);
    });

    it('offers a resource snippet for every catalog type on a new line under resources', async () => {
      const { document } = await openFixture('shop.cloudarch.yaml');
      const position = positionOf(document, '\n  web-lb:', 1);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        document.uri,
        position,
      );
      const snippets = list.items.filter((item) => item.kind === vscode.CompletionItemKind.Snippet).map(labelOf);
      for (const expected of ['res-rds-instance', 'res-ec2-instance', 'res-s3-bucket'])
        assert.ok(snippets.includes(expected), `${expected} in ${snippets.join(', ')}`);
    });
  });

  describe('hover', () => {
    it('documents a resource type', async () => {
      const { document } = await openFixture('shop.cloudarch.yaml');
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        document.uri,
        positionOf(document, 'aws.rds.instance', 5),
      );
      const text = hoverText(hovers);
      assert.match(text, /aws\.rds\.instance/);
      assert.match(text, /Amazon RDS/);
    });

    it('documents a property', async () => {
      const { document } = await openFixture('shop.cloudarch.yaml');
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        document.uri,
        positionOf(document, 'multiAZ', 2),
      );
      assert.match(hoverText(hovers), /multiAZ/);
    });
  });

  describe('navigation', () => {
    it('goes from a reference to the resource it names', async () => {
      const { document } = await openFixture('shop.cloudarch.yaml');
      const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
        'vscode.executeDefinitionProvider',
        document.uri,
        positionOf(document, '[db:5432]', 1),
      );
      assert.equal(locations.length, 1);
      const location = locations[0] as vscode.Location | vscode.LocationLink;
      const range =
        'targetSelectionRange' in location && location.targetSelectionRange
          ? location.targetSelectionRange
          : 'range' in location
            ? location.range
            : (location as vscode.LocationLink).targetRange;
      assert.equal(range.start.line, positionOf(document, '\n  db:', 1).line);
    });

    it('finds every reference to a security group, with its declaration', async () => {
      const { document } = await openFixture('shop.cloudarch.yaml');
      const locations = await vscode.commands.executeCommand<vscode.Location[]>(
        'vscode.executeReferenceProvider',
        document.uri,
        positionOf(document, '  web-sg:', 3),
      );
      const lines = locations.map((location) => location.range.start.line).sort((a, b) => a - b);
      assert.deepEqual(
        lines,
        [positionOf(document, '[web-sg]').line, positionOf(document, '  web-sg:').line, positionOf(document, 'from: web-sg').line].sort(
          (a, b) => a - b,
        ),
      );
    });

    it('renames a resource and every reference to it', async () => {
      const { document } = await openFixture('shop.cloudarch.yaml');
      const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
        'vscode.executeDocumentRenameProvider',
        document.uri,
        positionOf(document, '  web-sg:', 3),
        'app-sg',
      );
      const edits = edit.get(document.uri);
      assert.equal(edits.length, 3);
      for (const textEdit of edits) {
        assert.equal(textEdit.newText, 'app-sg');
        assert.equal(document.getText(textEdit.range), 'web-sg');
      }
    });

    it('lists the resources as document symbols under `resources`', async () => {
      const { document } = await openFixture('shop.cloudarch.yaml');
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
      const resources = symbols.find((symbol) => symbol.name === 'resources');
      assert.ok(resources, `a resources symbol among ${symbols.map((symbol) => symbol.name).join(', ')}`);
      assert.deepEqual(
        resources.children.map((child) => child.name),
        ['users', 'web-lb', 'web', 'db', 'lb-sg', 'web-sg', 'db-sg'],
      );
    });
  });

  describe('quick fixes', () => {
    it('replaces a misspelt reference with the suggested name', async () => {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri('broken.cloudarch.yaml')));
      // A copy in an untitled editor, so the fixture on disk stays as it is for the other tests.
      const document = await vscode.workspace.openTextDocument({ language: 'cloudarch', content: text });
      await vscode.window.showTextDocument(document);
      const diagnostics = await waitForDiagnostics(document.uri, (found) =>
        found.some((diagnostic) => diagnostic.message.includes('databse')),
      );
      const diagnostic = diagnostics.find((found) => found.message.includes('databse')) as vscode.Diagnostic;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        document.uri,
        diagnostic.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const fix = actions.find((action) => action.title.includes('database'));
      assert.ok(fix?.edit, `a quick fix among: ${actions.map((action) => action.title).join(' | ')}`);
      assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
      assert.match(document.getText(), /connectsTo: \[database\]/);
      await waitForDiagnostics(document.uri, (found) => !found.some((remaining) => remaining.message.includes('databse')));
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });
  });
});
