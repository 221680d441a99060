/**
 * The built language server, driven over stdio as an editor drives it. Each suite starts a clean
 * server process and ends it in `after`. Run `npm run build` first.
 */
import { strict as assert } from 'node:assert';
import { fork, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import type {
  CodeAction,
  CodeLens,
  CompletionItem,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  Hover,
  InlayHint,
  LocationLink,
  Location,
  WorkspaceEdit,
  TextEdit,
} from 'vscode-languageserver-protocol';
import {
  reportRequestMethod,
  summaryChangedNotificationMethod,
  summaryRequestMethod,
  type ReportResult,
  type SummaryResult,
} from '../../src/protocol/requests';
import { applyTextEdits } from '../../src/language/text-utils';
import { ServerProcess, documentUri, repositoryRoot, serverPath } from './server-process';

const shop = readFileSync(join(repositoryRoot, 'test', 'fixtures', 'language', 'protocol', 'shop.cloudarch.yaml'), 'utf8');
const lines = shop.split('\n');

/** The position of `needle` on the first line matching `linePattern`, `offset` characters in. */
function at(linePattern: RegExp, needle: string, offset = 0): { line: number; character: number } {
  const line = lines.findIndex((text) => linePattern.test(text));
  assert.ok(line >= 0, `the fixture has a line matching ${linePattern}`);
  return { line, character: lines[line]!.indexOf(needle) + offset };
}

describe('language server over stdio', function () {
  this.timeout(30_000);
  let server: ServerProcess;
  const uri = documentUri('shop.cloudarch.yaml');

  before(async () => {
    server = new ServerProcess();
    const result = await server.initialize();
    assert.equal(result.serverInfo?.name, 'cloudarch-language-server');
  });

  after(async () => {
    await server.stop();
  });

  it('declares incremental sync and the features it serves', () => {
    const capabilities = server.initializeResult!.capabilities;
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2 });
    for (const feature of [
      'completionProvider',
      'hoverProvider',
      'definitionProvider',
      'referencesProvider',
      'renameProvider',
      'codeActionProvider',
      'documentSymbolProvider',
      'codeLensProvider',
      'inlayHintProvider',
      'foldingRangeProvider',
    ] as const) {
      assert.ok(capabilities[feature], `${feature} is declared`);
    }
  });

  it('publishes diagnostics with fixes for an opened document', async () => {
    await server.open(uri, shop);
    const diagnostics = await server.diagnosticsFor(uri, 1);
    const unknownReference = diagnostics.find((diagnostic) => diagnostic.code === 'unknown-reference');
    assert.ok(unknownReference, `an unknown reference is reported; got ${diagnostics.map((diagnostic) => diagnostic.code).join(', ')}`);
    assert.equal(unknownReference.source, 'cloudarch');
    assert.equal(unknownReference.severity, 1);
    assert.equal(unknownReference.range.start.line, at(/connectsTo: \[dbb/, 'dbb').line);
    assert.deepEqual(
      (unknownReference.data as { fixes: { title: string }[] }).fixes.map((fix) => fix.title),
      ['Change to `db`'],
    );
  });

  it('adds security findings with rule IDs after the evaluations run', async () => {
    const diagnostics = await server.diagnosticsFor(uri, 1, (published) =>
      published.some((diagnostic) => diagnostic.source === 'cloudarch.security'),
    );
    const finding = diagnostics.find((diagnostic) => diagnostic.source === 'cloudarch.security')!;
    assert.match(String(finding.code), /^CA-[A-Z0-9]+-\d{3}$/);
  });

  it('offers the quick fix carried by a diagnostic', async () => {
    const diagnostics = await server.diagnosticsFor(uri, 1);
    const unknownReference = diagnostics.filter((diagnostic) => diagnostic.code === 'unknown-reference');
    const actions = (
      await server.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: unknownReference[0]!.range,
        context: { diagnostics: unknownReference },
      })
    ).filter((action) => action.kind === 'quickfix');
    assert.equal(actions.length, 1);
    assert.equal(actions[0]!.title, 'Change to `db`');
    assert.equal(actions[0]!.isPreferred, true);
    const edits = actions[0]!.edit!.changes![uri]!;
    assert.deepEqual(
      edits.map((edit) => edit.newText),
      ['db'],
    );
  });

  it('previews the cost and availability effect in security fix titles', async () => {
    const diagnostics = await server.diagnosticsFor(uri, 1, (published) =>
      published.some((diagnostic) => diagnostic.source === 'cloudarch.security'),
    );
    // Live findings leave their fixes with the evaluation and say how many they have.
    const withFix = diagnostics.filter(
      (diagnostic) =>
        diagnostic.source === 'cloudarch.security' && (diagnostic.data as { keptFixes?: number } | undefined)?.keptFixes === 1,
    );
    assert.ok(withFix.length > 0, 'some finding has a fix');
    assert.ok(
      diagnostics.every(
        (diagnostic) =>
          diagnostic.source !== 'cloudarch.security' || (diagnostic.data as { fixes?: unknown } | undefined)?.fixes === undefined,
      ),
      'no live finding carries its fix in the publication',
    );
    const actions = (
      await server.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: withFix[0]!.range,
        context: { diagnostics: [withFix[0]] },
      })
    ).filter((action) => action.kind === 'quickfix');
    assert.equal(actions.length, 1);
    assert.match(actions[0]!.title, / — (no cost change|[+−]\$[\d.]+\/mo), (availability unchanged|availability [\d.]+% → [\d.]+%)$/);
    assert.ok((actions[0]!.edit?.changes?.[uri] ?? []).length > 0, 'the fix edits the document');
    // The action names the diagnostic as the editor sent it.
    assert.deepEqual(actions[0]!.diagnostics, [withFix[0]]);
  });

  it("offers the cost evaluation's savings for the resource under the caret", async () => {
    const web = at(/^ {2}web:/, 'web');
    const actions = await server.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: web, end: web },
      context: { diagnostics: [] },
    });
    const savings = actions.filter((action) => action.kind === 'refactor.rewrite.cloudarch.cost');
    assert.ok(savings.length > 0, `savings are offered; got ${actions.map((action) => action.title).join(', ')}`);
    assert.match(savings[0]!.title, /web/);
    assert.match(savings[0]!.title, /\$[\d.]+/);
    const onlyFixes = await server.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: web, end: web },
      context: { diagnostics: [], only: ['quickfix'] },
    });
    assert.deepEqual(onlyFixes, []);
  });

  it('updates diagnostics after an incremental edit', async () => {
    const position = at(/connectsTo: \[dbb/, 'dbb');
    // Delete one `b`: `dbb` becomes `db`, which exists.
    await server.change(uri, 2, [
      {
        range: {
          start: { line: position.line, character: position.character + 2 },
          end: { line: position.line, character: position.character + 3 },
        },
        text: '',
      },
    ]);
    const diagnostics = await server.diagnosticsFor(uri, 2);
    assert.equal(diagnostics.filter((diagnostic) => diagnostic.code === 'unknown-reference').length, 0);
    // The first publication of the new version comes before the evaluations re-run: the findings on
    // untouched lines are carried over instead of flickering away.
    assert.ok(
      diagnostics.some((diagnostic) => diagnostic.source === 'cloudarch.security'),
      'security findings stay while typing',
    );
  });

  it('completes instance types with their size and price on an empty value', async () => {
    const position = at(/instanceType: t3\.medium/, 't3.medium');
    // Replace the value with nothing: `    instanceType: ` while typing.
    await server.change(uri, 3, [
      { range: { start: position, end: { line: position.line, character: position.character + 't3.medium'.length } }, text: '' },
    ]);
    const list = await server.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position });
    const medium = list.items.find((item) => item.label === 't3.medium');
    assert.ok(medium, 't3.medium is offered');
    // The size and price show beside the label.
    assert.match(medium.labelDetails?.description ?? '', /2 vCPU · 4 GiB · \$0\.0416\/h/);
    // The list is sent without documentation; the editor resolves the item it shows.
    assert.equal(medium.documentation, undefined);
    const resolved = await server.request<CompletionItem>('completionItem/resolve', medium);
    assert.match(typeof resolved.documentation === 'object' ? resolved.documentation.value : '', /\*\*t3\.medium\*\*/);
    await server.change(uri, 4, [{ range: { start: position, end: position }, text: 't3.medium' }]);
    await server.diagnosticsFor(uri, 4);
  });

  it('completes only security groups where security groups are expected', async () => {
    const position = at(/securityGroups: \[web-sg\]/, 'web-sg');
    const list = await server.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position });
    assert.deepEqual(list.items.map((item) => item.label).sort(), ['db-sg', 'web-sg']);
  });

  it('shows the service documentation on hover of a type', async () => {
    const hover = await server.request<Hover>('textDocument/hover', {
      textDocument: { uri },
      position: at(/type: aws\.rds\.instance/, 'aws.rds', 4),
    });
    const text = (hover.contents as { value: string }).value;
    assert.match(text, /RDS DB instance/);
    assert.match(text, /When to use/);
    assert.match(text, /Availability/);
  });

  it('goes to the definition of a reference and finds every reference', async () => {
    const reference = at(/connectsTo: \[db/, 'db', 1);
    const links = await server.request<LocationLink[]>('textDocument/definition', { textDocument: { uri }, position: reference });
    assert.equal(links.length, 1);
    assert.equal(links[0]!.targetSelectionRange.start.line, at(/^ {2}db:/, 'db').line);
    const locations = await server.request<Location[]>('textDocument/references', {
      textDocument: { uri },
      position: reference,
      context: { includeDeclaration: true },
    });
    assert.equal(locations.length, 2);
  });

  it('renames a resource and its references', async () => {
    const declaration = at(/^ {2}web-sg:/, 'web-sg');
    const prepared = await server.request<{ placeholder: string } | null>('textDocument/prepareRename', {
      textDocument: { uri },
      position: declaration,
    });
    assert.equal(prepared?.placeholder, 'web-sg');
    const edit = await server.request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri },
      position: declaration,
      newName: 'app-sg',
    });
    const edits: TextEdit[] = edit.changes![uri]!;
    assert.equal(edits.length, 3);
    assert.ok(edits.every((change) => change.newText === 'app-sg'));
  });

  it('refuses an invalid new name with a message', async () => {
    await assert.rejects(
      server.request('textDocument/rename', { textDocument: { uri }, position: at(/^ {2}web-sg:/, 'web-sg'), newName: 'Not Valid' }),
      (error: Error) => /not a valid resource name/.test(error.message),
    );
  });

  it('outlines the resources with their types', async () => {
    const symbols = await server.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const resources = symbols.find((symbol) => symbol.name === 'resources');
    assert.ok(resources?.children);
    assert.deepEqual(
      resources.children.map((child) => `${child.name}: ${child.detail}`),
      [
        'users: external.users',
        'lb: aws.elb.application',
        'web: aws.ec2.instance',
        'db: aws.rds.instance',
        'web-sg: aws.ec2.security-group',
        'db-sg: aws.ec2.security-group',
      ],
    );
  });

  it('shows the headline CodeLens with a command per report', async () => {
    const lenses = await server.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(
      lenses.map((lens) => lens.command?.command),
      ['cloudarch.showAvailabilityReport', 'cloudarch.showCostReport', 'cloudarch.showSecurityReport'],
    );
    assert.match(lenses[0]!.command!.title, /^Availability \d+\.\d{2}%/);
    assert.match(lenses[1]!.command!.title, /^\$[\d,.]+\/month/);
    assert.match(lenses[2]!.command!.title, /finding/);
    assert.deepEqual(lenses[0]!.command!.arguments, [uri]);
  });

  it('shows cost and availability after each resource name', async () => {
    const hints = await server.request<InlayHint[]>('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } },
    });
    const web = hints.find((hint) => hint.position.line === at(/^ {2}web:/, 'web').line);
    assert.ok(web, 'the web resource has a hint');
    assert.match(String(web.label), /^\$\d[\d,]*\.\d{2}\/mo · \d+\.\d{2}%$/);
  });

  it('answers the report and summary requests, and notifies summary changes', async () => {
    const report = await server.request<ReportResult>(reportRequestMethod, { uri, kind: 'cost' });
    assert.equal(report.kind, 'cost');
    assert.match(report.markdown, /^# Cost — /);
    assert.match(report.html, /<table>/);
    const summary = await server.request<SummaryResult>(summaryRequestMethod, { uri });
    assert.ok(summary.monthlyUSD !== undefined && summary.monthlyUSD > 0);
    assert.ok(server.notifications.some((notification) => notification.method === summaryChangedNotificationMethod));
    await assert.rejects(server.request(reportRequestMethod, { uri, kind: 'nonsense' }));
  });

  it('answers with empty results for an unknown document instead of failing', async () => {
    const other = documentUri('never-opened.cloudarch.yaml');
    assert.deepEqual(await server.request('textDocument/documentSymbol', { textDocument: { uri: other } }), []);
    assert.equal(await server.request('textDocument/hover', { textDocument: { uri: other }, position: { line: 0, character: 0 } }), null);
  });
});

describe('language server: closing a document', function () {
  this.timeout(30_000);
  let server: ServerProcess;

  before(async () => {
    server = new ServerProcess();
    await server.initialize();
  });

  after(async () => {
    await server.stop();
  });

  it('clears diagnostics on close and publishes nothing late', async () => {
    const uri = documentUri('closing.cloudarch.yaml');
    await server.open(uri, shop);
    await server.diagnosticsFor(uri, 1);
    // An edit and the close in one write: the close lands while the edit's check is still scheduled.
    const edited = server.change(uri, 2, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# edited\n' },
    ]);
    const closed = server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await Promise.all([edited, closed]);
    const cleared = await server.until(
      () => server.published.find((entry) => entry.uri === uri && entry.diagnostics.length === 0),
      5000,
      'the clearing publication',
    );
    const clearedIndex = server.published.indexOf(cleared);
    // Wait past the debounce and an evaluation: nothing more may arrive for the closed document.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const late = server.published.slice(clearedIndex + 1).filter((entry) => entry.uri === uri);
    assert.deepEqual(late, []);
  });
});

describe('language server: start-up and exit', function () {
  this.timeout(30_000);

  it('answers initialize quickly and exits cleanly on shutdown/exit', async () => {
    const server = new ServerProcess();
    try {
      await server.initialize();
      // The budget is 300 ms on a quiet machine; a loaded CI machine gets slack, a regression does not.
      assert.ok(server.initializeMs < 1500, `initialize took ${server.initializeMs.toFixed(0)} ms`);
    } finally {
      const code = await server.stop();
      assert.equal(code, 0);
    }
  });

  it('prints its version and usage, and refuses to start without a transport', async () => {
    const version = spawnSync(process.execPath, [serverPath, '--version'], { encoding: 'utf8' });
    assert.equal(version.status, 0);
    assert.match(version.stdout, /^cloudarch-language-server \d+\.\d+\.\d+\n$/);
    const bare = spawnSync(process.execPath, [serverPath], { encoding: 'utf8' });
    assert.equal(bare.status, 3);
    assert.match(bare.stderr, /Usage: cloudarch-language-server --stdio/);
  });

  it('survives hostile input and keeps answering', async () => {
    const server = new ServerProcess();
    try {
      await server.initialize();
      const uri = documentUri('hostile.cloudarch.yaml');
      await server.open(uri, `${'- '.repeat(2000)}b\n\u0000[[[{{{`);
      const diagnostics: Diagnostic[] = await server.diagnosticsFor(uri, 1);
      assert.ok(diagnostics.length > 0);
      const list = await server.request<CompletionList>('textDocument/completion', {
        textDocument: { uri },
        position: { line: 0, character: 5 },
      });
      assert.ok(Array.isArray(list.items));
      await server.open(documentUri('second.cloudarch.yaml'), 'cloudarch: "1"\nname: x\nresources: {}\n');
      await server.diagnosticsFor(documentUri('second.cloudarch.yaml'), 1);
    } finally {
      await server.stop();
    }
  });
});

describe('language server over node IPC', function () {
  this.timeout(30_000);

  it('initializes and publishes diagnostics when started with --node-ipc', async () => {
    const child = fork(serverPath, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const published: { uri: string; diagnostics: Diagnostic[] }[] = [];
    connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Diagnostic[] }) => {
      published.push(params);
    });
    connection.listen();
    try {
      const result = await connection.sendRequest<{ serverInfo?: { name: string } }>('initialize', {
        processId: process.pid,
        rootUri: null,
        capabilities: {},
      });
      assert.equal(result.serverInfo?.name, 'cloudarch-language-server');
      await connection.sendNotification('initialized', {});
      const uri = documentUri('ipc.cloudarch.yaml');
      await connection.sendNotification('textDocument/didOpen', {
        textDocument: {
          uri,
          languageId: 'cloudarch',
          version: 1,
          text: 'cloudarch: "1"\nname: x\nresources:\n  a:\n    type: aws.s3.buckt\n',
        },
      });
      const deadline = Date.now() + 10_000;
      while (!published.some((entry) => entry.uri === uri) && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20));
      const diagnostics = published.find((entry) => entry.uri === uri)?.diagnostics ?? [];
      assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'unknown-type'));
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
    } finally {
      connection.dispose();
      child.kill();
    }
  });
});

describe('language server: settings', function () {
  this.timeout(30_000);
  let server: ServerProcess;

  before(async () => {
    server = new ServerProcess();
    // The test client answers configuration requests with `{}`: the start-up settings must survive that.
    await server.initialize({ settings: { evaluation: { enabled: false }, codeLens: { enabled: false } } });
  });

  after(async () => {
    await server.stop();
  });

  it('runs no evaluations when they are turned off in initializationOptions', async () => {
    const uri = documentUri('settings.cloudarch.yaml');
    await server.open(uri, shop);
    await server.diagnosticsFor(uri, 1);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.ok(
      !server.published.some(
        (entry) => entry.uri === uri && entry.diagnostics.some((diagnostic) => diagnostic.source === 'cloudarch.security'),
      ),
    );
    assert.deepEqual(await server.request('textDocument/codeLens', { textDocument: { uri } }), []);
  });
});

describe('language server: fixes of live findings', function () {
  this.timeout(30_000);
  let server: ServerProcess;
  const uri = documentUri('kept-fixes.cloudarch.yaml');
  const text = [
    'cloudarch: "1"',
    'name: kept fixes',
    'region: us-east-1',
    'resources:',
    '  sessions:',
    '    type: aws.dynamodb.table',
    '    billing: on-demand',
    '',
  ].join('\n');

  before(async () => {
    server = new ServerProcess();
    await server.initialize();
  });

  after(async () => {
    await server.stop();
  });

  it('fixes a finding the edits above have moved where it is now, from the diagnostic the editor still holds', async () => {
    await server.open(uri, text);
    const published = await server.diagnosticsFor(uri, 1, (diagnostics) =>
      diagnostics.some((diagnostic) => diagnostic.code === 'CA-DDB-004'),
    );
    const stale = published.find((diagnostic) => diagnostic.code === 'CA-DDB-004')!;
    assert.equal((stale.data as { keptFixes?: number }).keptFixes, 1);
    // Two comment lines above the table: the finding moves down two lines. The editor asks for code
    // actions with the diagnostic it holds, before the new publication arrives.
    await server.change(uri, 2, [
      { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '# sessions live here\n# for a day\n' },
    ]);
    const actions = (
      await server.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: stale.range,
        context: { diagnostics: [stale] },
      })
    ).filter((action) => action.kind === 'quickfix');
    assert.equal(actions.length, 1, `one quick fix; got ${actions.map((action) => action.title).join(', ')}`);
    assert.match(actions[0]!.title, /deletionProtection: true/);
    const current = text.replace('resources:\n', 'resources:\n# sessions live here\n# for a day\n');
    const fixed = applyTextEdits(current, actions[0]!.edit!.changes![uri]!);
    assert.match(fixed, /\n {2}sessions:\n {4}type: aws\.dynamodb\.table\n {4}billing: on-demand\n {4}deletionProtection: true\n/);
    // The fixed text no longer has the finding.
    await server.change(uri, 3, [
      { range: { start: { line: 0, character: 0 }, end: { line: current.split('\n').length, character: 0 } }, text: fixed },
    ]);
    await server.diagnosticsFor(
      uri,
      3,
      (diagnostics) =>
        diagnostics.some((diagnostic) => diagnostic.source === 'cloudarch.security') &&
        !diagnostics.some((diagnostic) => diagnostic.code === 'CA-DDB-004'),
    );
  });

  it('publishes every finding again after edits that change none of them, and the changed ones after an edit that does', async () => {
    const other = documentUri('unchanged-findings.cloudarch.yaml');
    const evaluated = (version: number) =>
      server.until(
        () => {
          // The publication the evaluation of `version` sent: the last one of that version, announced by summaryChanged.
          const announced = server.notifications.some(
            (entry) =>
              entry.method === summaryChangedNotificationMethod &&
              (entry.params as SummaryResult).uri === other &&
              (entry.params as SummaryResult).version === version,
          );
          const published = server.published.filter((entry) => entry.uri === other && entry.version === version).at(-1);
          return announced && published ? published.diagnostics : undefined;
        },
        10_000,
        `the evaluated diagnostics of v${version}`,
      );
    await server.open(other, text);
    const first = await evaluated(1);
    assert.ok(first.some((diagnostic) => diagnostic.source === 'cloudarch.security'));
    // Typing in a comment twice: the worker names the lists the server holds instead of sending them.
    await server.change(other, 2, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '# a note\n' }]);
    await server.change(other, 3, [{ range: { start: { line: 1, character: 8 }, end: { line: 1, character: 8 } }, text: ' more' }]);
    const shifted = first.map((diagnostic) => ({
      ...diagnostic,
      range: {
        start: { ...diagnostic.range.start, line: diagnostic.range.start.line + 1 },
        end: { ...diagnostic.range.end, line: diagnostic.range.end.line + 1 },
      },
    }));
    const withoutFixRanges = (diagnostics: Diagnostic[]) =>
      diagnostics.map(({ data: _data, relatedInformation: _related, ...rest }) => rest);
    assert.deepEqual(withoutFixRanges(await evaluated(3)), withoutFixRanges(shifted));
    await server.change(other, 4, [{ range: { start: { line: 1, character: 13 }, end: { line: 1, character: 13 } }, text: '!' }]);
    assert.deepEqual(withoutFixRanges(await evaluated(4)), withoutFixRanges(shifted));
    // Deletion protection on: that finding goes, the others stay.
    await server.change(other, 5, [
      { range: { start: { line: 8, character: 0 }, end: { line: 8, character: 0 } }, text: '    deletionProtection: true\n' },
    ]);
    const fixed = await evaluated(5);
    assert.ok(!fixed.some((diagnostic) => diagnostic.code === 'CA-DDB-004'));
    assert.deepEqual(withoutFixRanges(fixed), withoutFixRanges(shifted.filter((diagnostic) => diagnostic.code !== 'CA-DDB-004')));
  });
});
