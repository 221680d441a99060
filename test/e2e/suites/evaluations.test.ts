/**
 * Evaluations as a user meets them: security findings in the Problems panel with quick fixes, the
 * CodeLens summary above the file, the reports it opens, the status bar, and the commands that run
 * them. Evaluations run in the server after parsing, so every check waits for them to land.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activeApi,
  closeAllEditors,
  fixtureUri,
  openFixture,
  positionOf,
  waitFor,
  waitForDiagnostics,
  type CloudArchApi,
} from '../helpers';

interface Report {
  readonly kind: string;
  readonly title: string;
  readonly markdown: string;
}

function codeOf(diagnostic: vscode.Diagnostic): string {
  return String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code);
}

/** The tabs that show a CloudArch report webview. */
function reportTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('cloudarch.report'));
}

async function lensesOf(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  return waitFor(
    'the evaluation CodeLens',
    async () => {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      return lenses.length >= 3 ? lenses : undefined;
    },
    30_000,
  );
}

describe('evaluations', () => {
  let api: CloudArchApi;
  before(async () => {
    api = await activeApi();
  });
  afterEach(closeAllEditors);

  it('shows a publicly accessible database as a security error on its line, with a quick fix', async () => {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri('exposed.cloudarch.yaml')));
    const document = await vscode.workspace.openTextDocument({ language: 'cloudarch', content: text });
    await vscode.window.showTextDocument(document);
    const diagnostics = await waitForDiagnostics(
      document.uri,
      (found) => found.some((diagnostic) => codeOf(diagnostic) === 'CA-RDS-001'),
      30_000,
    );
    const finding = diagnostics.find((diagnostic) => codeOf(diagnostic) === 'CA-RDS-001') as vscode.Diagnostic;
    assert.equal(finding.source, 'cloudarch.security');
    assert.equal(finding.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(finding.range.start.line, positionOf(document, 'publiclyAccessible: true').line);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      finding.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((action) => action.title.includes('publiclyAccessible: false'));
    assert.ok(fix?.edit, `a fix among: ${actions.map((action) => action.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(document.getText(), /publiclyAccessible: false/);
    await waitForDiagnostics(document.uri, (found) => !found.some((diagnostic) => codeOf(diagnostic) === 'CA-RDS-001'), 30_000);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('puts availability, monthly cost and findings above the file as CodeLens', async () => {
    const { document } = await openFixture('shop.cloudarch.yaml');
    const lenses = await lensesOf(document.uri);
    const byCommand = new Map(lenses.map((lens) => [lens.command?.command, lens.command]));
    assert.match(byCommand.get('cloudarch.showAvailabilityReport')?.title ?? '', /^Availability 99\.\d+%/);
    assert.match(byCommand.get('cloudarch.showCostReport')?.title ?? '', /^\$[\d,]+(\.\d+)?\/month/);
    assert.match(byCommand.get('cloudarch.showSecurityReport')?.title ?? '', /medium/);
    for (const lens of lenses) assert.deepEqual(lens.command?.arguments, [document.uri.toString()]);
  });

  it('opens the report a CodeLens points at, in a read-only view beside the editor', async () => {
    const { document } = await openFixture('shop.cloudarch.yaml');
    const lens = (await lensesOf(document.uri)).find(
      (candidate) => candidate.command?.command === 'cloudarch.showCostReport',
    ) as vscode.CodeLens;
    const command = lens.command as vscode.Command;
    const reports = await vscode.commands.executeCommand<Report[]>(command.command, ...(command.arguments ?? []));
    assert.equal(reports.length, 1);
    assert.equal(reports[0]?.kind, 'cost');
    assert.match(reports[0]?.markdown ?? '', /web-lb/);
    await waitFor('the report tab', () => (reportTabs().length === 1 ? true : undefined));
  });

  it('Evaluate Architecture shows all three reports for the active editor', async () => {
    await openFixture('shop.cloudarch.yaml');
    const reports = await vscode.commands.executeCommand<Report[]>('cloudarch.evaluateAll');
    assert.deepEqual(
      reports.map((report) => report.kind),
      ['availability', 'cost', 'security'],
    );
    for (const report of reports) assert.ok(report.markdown.length > 100, `${report.kind} report has content`);
    for (const [command, kind] of [
      ['cloudarch.evaluateAvailability', 'availability'],
      ['cloudarch.evaluateCost', 'cost'],
      ['cloudarch.evaluateSecurity', 'security'],
    ] as const) {
      const single = await vscode.commands.executeCommand<Report[]>(command);
      assert.deepEqual(
        single.map((report) => report.kind),
        [kind],
      );
    }
    // The webview's tab appears asynchronously; once it has, there must be only one.
    await waitFor('the report tab', () => (reportTabs().length > 0 ? true : undefined));
    assert.equal(reportTabs().length, 1, 'one report view, reused');
  });

  it('shows the summary of the active file in the status bar', async () => {
    await openFixture('shop.cloudarch.yaml');
    const text = await waitFor('a status bar summary', () => (/%/.test(api.statusBarText()) ? api.statusBarText() : undefined), 30_000);
    assert.match(text, /99\.\d+%/);
    assert.match(text, /\$[\d,]+/);
  });

  it('restarts the language server on request, and features keep working', async () => {
    const { document } = await openFixture('broken.cloudarch.yaml');
    await waitForDiagnostics(document.uri);
    await vscode.commands.executeCommand('cloudarch.restartServer');
    assert.equal(api.isServerRunning(), true);
    const hovers = await waitFor('a hover from the restarted server', async () => {
      const found = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        document.uri,
        positionOf(document, 'aws.rds.instance', 5),
      );
      return found.length > 0 ? found : undefined;
    });
    assert.ok(hovers.length > 0);
    await waitForDiagnostics(document.uri, (found) => found.some((diagnostic) => codeOf(diagnostic) === 'unknown-reference'));
  });
});
