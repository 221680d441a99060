/**
 * The built language server under hostile use, driven over stdio as an editor drives it: hostile
 * documents opened, edited and queried; a 60 MB document; a document closed while it is being
 * checked; 200 edits sent without waiting. After each, the server must still be alive, answer a
 * normal document, and publish diagnostics only for what is open, at its latest version.
 * Run `npm run build` first.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompletionList, Diagnostic, DocumentSymbol, Hover } from 'vscode-languageserver-protocol';
import fc from 'fast-check';
import { parseArchitecture } from '../../src/core/parse';
import { editedTexts, exampleEditsArbitrary } from '../fuzz/arbitraries';
import { positionAt } from '../fuzz/pipeline-check';
import { ServerProcess, documentUri, repositoryRoot } from './server-process';

const hostileFolder = join(repositoryRoot, 'test', 'fixtures', 'robustness', 'hostile');
const normalText = readFileSync(join(repositoryRoot, 'examples', 'three-tier-web.cloudarch.yaml'), 'utf8');
const header = 'cloudarch: "1"\nname: Hostile\nresources:\n';

/** The hostile fixtures plus the generated cases that are small enough to send quickly. */
const hostileDocuments: [string, string][] = [
  ...readdirSync(hostileFolder)
    .filter((name) => name.endsWith('.cloudarch.yaml'))
    .sort()
    .map((name): [string, string] => [name, readFileSync(join(hostileFolder, name), 'utf8')]),
  ['deep-block-nesting', `${'- '.repeat(1000)}b`],
  ['deep-flow-nesting', `${header}  users:\n    type: external.users\n    tags: ${'['.repeat(2000)}\n`],
  [
    'billion-laughs',
    `a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n${Array.from({ length: 9 }, (_, index) => `a${index + 1}: &a${index + 1} [${Array.from({ length: 10 }, () => `*a${index}`).join(', ')}]`).join('\n')}\n`,
  ],
  [
    'five-thousand-tags',
    `${header}  users:\n    type: external.users\n    tags:\n${Array.from({ length: 5000 }, (_, index) => `      k${index}: !Sub v${index}`).join('\n')}\n`,
  ],
  ['lone-surrogates', `${header}  users:\n    type: external.users\n    label: "a\ud800b\udc00"\n`],
];

/** The one replacement that turns `before` into `after` (common prefix and suffix kept), as an LSP change. */
function changeBetween(
  before: string,
  after: string,
): { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string } {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end])
    end++;
  // Never split a CRLF or a surrogate pair: editors send whole characters and whole line breaks.
  while (start > 0 && (before[start - 1] === '\r' || /[\ud800-\udbff]/.test(before[start - 1]!))) start--;
  while (end > 0 && (before[before.length - end] === '\n' || /[\udc00-\udfff]/.test(before[before.length - end]!))) end--;
  return {
    range: { start: positionAt(before, start), end: positionAt(before, before.length - end) },
    text: after.slice(start, after.length - end),
  };
}

/** Diagnostics as `code@line:character`, sorted, to compare the server's with a fresh parse's. */
function diagnosticKeys(
  diagnostics: readonly { code?: string | number; range: { start: { line: number; character: number } } }[],
): string[] {
  return diagnostics
    .map((diagnostic) => `${String(diagnostic.code)}@${diagnostic.range.start.line}:${diagnostic.range.start.character}`)
    .sort();
}

/** Where a document ends, for an edit that appends to it. */
function endOf(text: string): { line: number; character: number } {
  const lines = text.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1]!.length };
}

/** Where the server's logs stand now, so a test judges only what it caused. */
interface LogMark {
  readonly notifications: number;
  readonly stderr: number;
}

function mark(server: ServerProcess): LogMark {
  return { notifications: server.notifications.length, stderr: server.stderr.length };
}

/** The server's log lines since `since` that report a crash of a handler or of the process. */
function crashes(server: ServerProcess, since: LogMark = { notifications: 0, stderr: 0 }): string[] {
  const logged = server.notifications
    .slice(since.notifications)
    .filter((entry) => entry.method === 'window/logMessage')
    .map((entry) => String((entry.params as { message: string }).message));
  return [...logged, ...server.stderr.slice(since.stderr)].filter((line) => /Unexpected error|Unhandled rejection|failed:/i.test(line));
}

/** A normal document still gets its diagnostics and a hover: the server is alive and responsive. */
async function assertStillServes(server: ServerProcess, name: string, withinMs = 10_000): Promise<void> {
  const uri = documentUri(`${name}.cloudarch.yaml`);
  const started = Date.now();
  await server.open(uri, normalText);
  await server.until(() => server.published.some((entry) => entry.uri === uri), withinMs, `diagnostics of ${name}`);
  const line = normalText.split('\n').findIndex((text) => text.includes('type: aws.elb.application'));
  const hover = await server.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character: 12 } });
  assert.ok(hover, 'the hover of a type in a normal document is answered');
  assert.ok(Date.now() - started < withinMs, `the normal document was served in ${Date.now() - started} ms`);
  await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
}

describe('language server robustness: hostile documents', function () {
  this.timeout(120_000);
  let server: ServerProcess;

  before(async () => {
    server = new ServerProcess();
    await server.initialize();
  });

  after(async () => {
    await server.stop();
  });

  for (const [name, text] of hostileDocuments) {
    it(`survives ${name}: open, edit, completion, hover, outline, CodeLens, inlay hints`, async () => {
      const since = mark(server);
      const uri = documentUri(`hostile-${name}`);
      await server.open(uri, text);
      await server.diagnosticsFor(uri, 1);
      const end = endOf(text);
      await server.change(uri, 2, [{ range: { start: end, end }, text: '\n  extra:\n    type: aws.s3.bucket\n' }]);
      const diagnostics: Diagnostic[] = await server.diagnosticsFor(uri, 2);
      for (const diagnostic of diagnostics)
        assert.ok(
          diagnostic.range.start.line >= 0 &&
            (typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value).length > 0,
        );
      const middle = { line: Math.floor(end.line / 2), character: 4 };
      for (const position of [middle, end, { line: 0, character: 0 }]) {
        const list = await server.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position });
        assert.ok(Array.isArray(list.items));
        await server.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
      }
      await server.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      await server.request('textDocument/codeLens', { textDocument: { uri } });
      await server.request('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end } });
      await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      assert.equal(server.process.exitCode, null, 'the server is still running');
      // Give an evaluation of the last version time to fail, if it is going to.
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.deepEqual(crashes(server, since), [], 'no handler crashed');
    });
  }

  it('answers code actions for diagnostics a client made up, without a crash', async () => {
    const since = mark(server);
    const uri = documentUri('hostile-code-actions');
    await server.open(uri, normalText);
    const published = await server.diagnosticsFor(uri, 1, (diagnostics) =>
      diagnostics.some((diagnostic) => (diagnostic.data as { keptFixes?: number } | undefined)?.keptFixes),
    );
    const real = published.find((diagnostic) => (diagnostic.data as { keptFixes?: number } | undefined)?.keptFixes)!;
    const madeUp: unknown[] = [
      { ...real, range: undefined },
      { ...real, range: { start: {} } },
      { ...real, code: undefined, message: { kind: 'markdown', value: 'x' } },
      { ...real, data: { keptFixes: 1e9, resource: { not: 'a name' } } },
      { ...real, data: { keptFixes: -1, resource: '__proto__' } },
      { ...real, data: { keptFixes: 1, resource: 'constructor', fixes: 'not a list' } },
      { ...real, data: null },
      { ...real, code: 'CA-NOT-A-RULE' },
    ];
    const actions = await server.request<unknown[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: real.range,
      context: { diagnostics: madeUp },
    });
    assert.ok(Array.isArray(actions));
    // The real finding still gets its fix.
    const fixes = await server.request<{ kind?: string }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: real.range,
      context: { diagnostics: [real] },
    });
    assert.equal(fixes.filter((action) => action.kind === 'quickfix').length, 1);
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.deepEqual(crashes(server, since), [], 'no handler crashed');
  });

  it('still serves a normal document after all of them', async () => {
    const since = mark(server);
    await assertStillServes(server, 'after-hostile');
    assert.deepEqual(crashes(server, since), []);
  });
});

describe('language server robustness: a 60 MB document', function () {
  this.timeout(120_000);
  let server: ServerProcess;

  before(async () => {
    server = new ServerProcess();
    await server.initialize();
  });

  after(async () => {
    await server.stop();
  });

  it('gets the size-limit diagnostic and does not stall other requests', async () => {
    // A normal document first, so a request about it can be timed while the big one is handled.
    const normalUri = documentUri('normal-beside-huge.cloudarch.yaml');
    await server.open(normalUri, normalText);
    await server.diagnosticsFor(normalUri, 1);

    const uri = documentUri('huge.cloudarch.yaml');
    const huge = `${header}  users:\n    type: external.users\n    description: ${'x'.repeat(60 * 1024 * 1024)}\n`;
    const sent = Date.now();
    await server.open(uri, huge);
    const symbols = await server.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: normalUri } });
    const answeredMs = Date.now() - sent;
    assert.ok(symbols.length > 0);
    // Reading 60 MB from the pipe is part of this; a few seconds, not a stall.
    assert.ok(answeredMs < 8000, `a request about another document waited ${answeredMs} ms`);

    const diagnostics = await server.diagnosticsFor(uri, 1);
    const tooLarge = diagnostics.find((diagnostic) => diagnostic.code === 'file-too-large');
    assert.ok(tooLarge, `file-too-large is published; got ${diagnostics.map((diagnostic) => diagnostic.code).join(', ')}`);
    assert.deepEqual(tooLarge.range.start, { line: 0, character: 0 });

    // Typing in the huge document: each request is answered at once.
    await server.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '#' }]);
    const typed = Date.now();
    const list = await server.request<CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 4, character: 10 },
    });
    await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 10 } });
    assert.ok(Array.isArray(list.items));
    assert.ok(Date.now() - typed < 3000, `completion and hover in the huge document took ${Date.now() - typed} ms`);
    await server.diagnosticsFor(uri, 2, (published) => published.some((diagnostic) => diagnostic.code === 'file-too-large'));

    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await assertStillServes(server, 'after-huge', 5000);
    assert.deepEqual(crashes(server), []);
  });
});

describe('language server robustness: closing and rapid edits', function () {
  this.timeout(120_000);
  let server: ServerProcess;

  before(async () => {
    server = new ServerProcess();
    await server.initialize();
  });

  after(async () => {
    await server.stop();
  });

  it('publishes nothing late for a document closed while it is being checked and evaluated', async () => {
    // A large architecture, so its evaluation is still running when the close arrives.
    const lines = [header.trimEnd()];
    for (let index = 0; index < 300; index++) {
      lines.push(
        `  web-${index}:`,
        '    type: aws.ec2.instance',
        '    instanceType: t3.micro',
        '    zones: [a, b]',
        `    connectsTo: [db-${index}]`,
      );
      lines.push(
        `  db-${index}:`,
        '    type: aws.rds.instance',
        '    engine: mysql',
        '    instanceClass: db.t3.micro',
        '    multiAZ: true',
      );
    }
    const text = `${lines.join('\n')}\n`;
    for (const [when, uri] of [
      ['right after opening', documentUri('closed-at-once.cloudarch.yaml')],
      ['after its parse diagnostics, during the evaluation', documentUri('closed-during-evaluation.cloudarch.yaml')],
      ['right after an edit', documentUri('closed-after-edit.cloudarch.yaml')],
    ] as const) {
      await server.open(uri, text);
      if (when !== 'right after opening') await server.diagnosticsFor(uri, 1);
      if (when === 'right after an edit')
        await server.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# edited\n' }]);
      // Publications that were on their way before the close are not late: look from the close on.
      const closedAt = server.published.length;
      await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      const cleared = await server.until(
        () => server.published.find((entry, index) => index >= closedAt && entry.uri === uri && entry.diagnostics.length === 0),
        10_000,
        `the clearing publication (${when})`,
      );
      const clearedIndex = server.published.indexOf(cleared);
      // Longer than the debounce and a full evaluation of this file.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      const late = server.published.slice(clearedIndex + 1).filter((entry) => entry.uri === uri && entry.diagnostics.length > 0);
      assert.deepEqual(
        late.map((entry) => entry.version),
        [],
        `closed ${when}: late diagnostics were published`,
      );
    }
    assert.deepEqual(crashes(server), []);
  });

  it('random edit sequences of the examples, sent as incremental changes, end with the diagnostics of a fresh parse', async () => {
    const sequences = fc.sample(exampleEditsArbitrary, { seed: 20_251_104, numRuns: 15 });
    for (const [index, edits] of sequences.entries()) {
      const texts = editedTexts(edits);
      const uri = documentUri(`random-edits-${index}.cloudarch.yaml`);
      await server.open(uri, texts[0]!);
      for (let step = 1; step < texts.length; step++) await server.change(uri, step + 1, [changeBetween(texts[step - 1]!, texts[step]!)]);
      const final = texts[texts.length - 1]!;
      const published = await server.diagnosticsFor(uri, texts.length);
      const got = diagnosticKeys(published.filter((diagnostic) => diagnostic.source === 'cloudarch'));
      assert.deepEqual(got, diagnosticKeys(parseArchitecture(final).diagnostics), `after the edits ${JSON.stringify(edits.mutations)}`);
      await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
  });

  it('ends 200 edits sent without waiting with the diagnostics of the final version only', async () => {
    const uri = documentUri('rapid-edits.cloudarch.yaml');
    await server.open(uri, normalText);
    await server.diagnosticsFor(uri, 1);
    // Type a new resource at the end, one character per change, without waiting for anything.
    const typed = '  extra-bucket:\n    type: aws.s3.bucket\n    sizeGB: 10\n    connectsTo: [missing-one]\n'.repeat(3).slice(0, 200);
    let text = normalText;
    let position = endOf(text);
    const sends: Promise<void>[] = [];
    for (let index = 0; index < 200; index++) {
      const character = typed[index]!;
      sends.push(server.change(uri, index + 2, [{ range: { start: position, end: position }, text: character }]));
      text += character;
      position =
        character === '\n' ? { line: position.line + 1, character: 0 } : { line: position.line, character: position.character + 1 };
    }
    await Promise.all(sends);
    const finalVersion = 201;
    await server.diagnosticsFor(uri, finalVersion);
    // Let any straggler arrive: evaluations of older versions must not be published after this.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const forUri = server.published.filter((entry) => entry.uri === uri);
    const firstFinal = forUri.findIndex((entry) => entry.version === finalVersion);
    const afterFinal = forUri.slice(firstFinal);
    assert.deepEqual(
      afterFinal.map((entry) => entry.version).filter((version) => version !== finalVersion),
      [],
      'an older version was published after the final one',
    );
    // Never a stale publication: versions only go up (how many are published is the server's choice).
    const versions = forUri.map((entry) => entry.version ?? 0);
    const wentBack = versions.findIndex((version, index) => index > 0 && version < versions[index - 1]!);
    assert.equal(wentBack, -1, `version ${versions[wentBack]} was published after version ${versions[wentBack - 1]}`);

    // The server holds exactly the text the edits produce: its diagnostics are those of a fresh parse.
    const last = afterFinal[afterFinal.length - 1]!;
    const expected = parseArchitecture(text)
      .diagnostics.map((diagnostic) => `${diagnostic.code}@${diagnostic.range.start.line}:${diagnostic.range.start.character}`)
      .sort();
    const got = last.diagnostics
      .filter((diagnostic) => diagnostic.source === 'cloudarch')
      .map((diagnostic) => `${String(diagnostic.code)}@${diagnostic.range.start.line}:${diagnostic.range.start.character}`)
      .sort();
    assert.deepEqual(got, expected);
    assert.ok(
      got.some((entry) => entry.startsWith('unknown-reference')),
      'the typed reference to a missing resource is reported',
    );
    await assertStillServes(server, 'after-rapid-edits');
    assert.deepEqual(crashes(server), []);
  });
});

describe('language server robustness: an evaluation that explodes', function () {
  this.timeout(120_000);
  let server: ServerProcess;

  before(async () => {
    server = new ServerProcess();
    await server.initialize();
  });

  after(async () => {
    await server.stop();
  });

  it('does not keep other documents from being evaluated, nor from being answered', async () => {
    // Twelve regions of three zones: the exact availability model has (1 + 2^3)^12 states.
    const explosive = readFileSync(
      join(repositoryRoot, 'test', 'fixtures', 'robustness', 'termination', 'twelve-regions.cloudarch.yaml'),
      'utf8',
    );
    const explosiveUri = documentUri('explosive.cloudarch.yaml');
    await server.open(explosiveUri, explosive);
    await server.diagnosticsFor(explosiveUri, 1);
    // Give its evaluation time to start.
    await new Promise((resolve) => setTimeout(resolve, 1000));

    const uri = documentUri('beside-explosive.cloudarch.yaml');
    const started = Date.now();
    await server.open(uri, normalText);
    await server.diagnosticsFor(uri, 1);
    const line = normalText.split('\n').findIndex((text) => text.includes('type: aws.elb.application'));
    assert.ok(await server.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character: 12 } }));
    assert.ok(Date.now() - started < 5000, `the normal document was answered after ${Date.now() - started} ms`);
    // Its security findings come from the evaluations: they must not wait for the explosive file.
    await server.until(
      () =>
        server.published.find(
          (entry) => entry.uri === uri && entry.diagnostics.some((diagnostic) => diagnostic.source === 'cloudarch.security'),
        ),
      20_000,
      'the evaluation of a normal document opened after an explosive one',
    );
    assert.deepEqual(crashes(server), []);
  });
});
