/**
 * Hostile files through the WHOLE pipeline: parse, every language feature, the evaluations, their
 * editor views and the CLI, with the file system and the network switched off. Each case must give
 * its diagnostic with a range, finish in under a second of CPU time, keep every output finite and
 * inside the document, and touch nothing outside the process.
 *
 * The parser's own hostile suite (test/unit/hostile.test.ts) checks the parse alone; this one checks
 * that what the parser lets through does not break anything downstream.
 * Hand-written cases: test/fixtures/robustness/hostile (cases.json gives each one's expectations).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArchitecture } from '../../../src/core/parse';
import type { ArchDocument } from '../../../src/core/document';
import { evaluate } from '../../../src/cli/commands/evaluate';
import { validate } from '../../../src/cli/commands/validate';
import type { CliIO } from '../../../src/cli/io';
import { evaluateAll } from '../../../src/evaluate/index';
import { checkPipeline, positionAt, stableJson } from '../../fuzz/pipeline-check';
import { examples } from '../../fuzz/arbitraries';
import { withoutIo } from './io-guard';

const folder = join(__dirname, '..', '..', 'fixtures', 'robustness', 'hostile');

interface StaticCase {
  readonly title: string;
  /** `code@line:character` of each expected diagnostic's start; `*` matches any code. */
  readonly expected: readonly string[];
  /** For some expected diagnostics, the replacement text their preferred fix offers. */
  readonly fixes?: Readonly<Record<string, string>>;
  /** No diagnostic of severity error or warning. */
  readonly noErrors?: boolean;
  /** The same file with LF line breaks gives the same resources and diagnostics. */
  readonly sameAsLf?: boolean;
  /** The same file without its comment lines gives the same diagnostics (the modeline is inert). */
  readonly sameWithoutComments?: boolean;
  /** Also run `cloudarch validate --format json` and `cloudarch evaluate --format json|text|markdown|sarif`. */
  readonly cli?: boolean;
}

const staticCases = JSON.parse(readFileSync(join(folder, 'cases.json'), 'utf8')) as Record<string, StaticCase>;

/** A second of CPU time: "no hang over a second". CPU time, so a busy CI machine does not fail it. */
const budgetMs = 1000;

const header = 'cloudarch: "1"\nname: Hostile\nresources:\n';

/** Generated cases: too large, too deep or too repetitive to keep as files. */
const generated: { title: string; text: () => string; expected: string[]; repeat?: number; budgetMs?: number }[] = [
  {
    title: 'billion laughs (nine levels of aliases, each ten times the one before)',
    text: () => {
      const lines = ['cloudarch: "1"', 'name: Laughs', 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
      for (let level = 1; level <= 9; level++)
        lines.push(`a${level}: &a${level} [${Array.from({ length: 10 }, () => `*a${level - 1}`).join(', ')}]`);
      lines.push('resources:', '  users:', '    type: external.users', '    tags: *a9');
      return `${lines.join('\n')}\n`;
    },
    expected: ['too-many-aliases'],
  },
  {
    title: 'quadratic aliases (one 2,000-item list aliased 90 times)',
    text: () =>
      `cloudarch: "1"\nname: Quadratic\nbig: &big [${Array.from({ length: 2000 }, (_, index) => `v${index}`).join(', ')}]\nresources:\n  users:\n    type: external.users\n    tags:\n${Array.from({ length: 90 }, (_, index) => `      k${index}: *big`).join('\n')}\n`,
    expected: ['too-many-aliases'],
  },
  {
    title: "deep block nesting ('- ' x 1000), 20 times in one process",
    text: () => `${'- '.repeat(1000)}b`,
    expected: ['nesting-too-deep@0:*'],
    repeat: 20,
  },
  {
    title: 'deep flow nesting (2,000 open brackets inside a resource), 20 times in one process',
    text: () => `${header}  users:\n    type: external.users\n    tags: ${'['.repeat(2000)}\n`,
    expected: ['nesting-too-deep@5:*'],
    repeat: 20,
  },
  {
    title: 'deep indentation (300 nested keys), 20 times in one process',
    text: () =>
      `${header}  users:\n    type: external.users\n${Array.from({ length: 300 }, (_, depth) => `${' '.repeat(depth + 4)}k${depth}:`).join('\n')}\n`,
    expected: ['nesting-too-deep'],
    repeat: 20,
  },
  {
    title: '5,000 tags',
    text: () =>
      `${header}  users:\n    type: external.users\n    tags:\n${Array.from({ length: 5000 }, (_, index) => `      k${index}: !Sub v${index}`).join('\n')}\n`,
    expected: ['unsafe-tag@6:*'],
  },
  {
    title: 'a 60 MB file gets the size-limit diagnostic at once',
    text: () => `${header}  users:\n    type: external.users\n    description: ${'x'.repeat(60 * 1024 * 1024)}\n`,
    expected: ['file-too-large@0:0'],
  },
  {
    title: 'unpaired surrogates (high and low) are reported where they are',
    text: () => `${header}  users:\n    type: external.users\n    label: "a\ud800b"\n    description: x\udc00y\n`,
    expected: ['invalid-character@5:13', 'invalid-character@6:18'],
  },
  {
    title: 'a lone carriage return is a line break, as in the editor',
    text: () => `cloudarch: "1"\rname: CR\rresources:\r  users:\r    type: external.users\r`,
    expected: [],
  },
  {
    title: 'every control character and non-character',
    text: () =>
      `${header}  users:\n    type: external.users\n    label: "${Array.from({ length: 32 }, (_, code) => (code === 10 || code === 13 ? '' : String.fromCharCode(code))).join('')}\u007f\u0085\ufffe\uffff"\n`,
    expected: ['invalid-character@5:*'],
  },
];

/** Looks for `code@line:character` (either part may be `*`) among the diagnostics. */
function findExpected(doc: ArchDocument, expectation: string) {
  const [code, where = '*:*'] = expectation.split('@') as [string, string?];
  const [line, character] = where.split(':');
  return doc.diagnostics.find(
    (diagnostic) =>
      (code === '*' || diagnostic.code === code) &&
      (line === '*' || diagnostic.range.start.line === Number(line)) &&
      (character === undefined || character === '*' || diagnostic.range.start.character === Number(character)),
  );
}

function describe_(doc: ArchDocument): string {
  return (
    doc.diagnostics
      .map((diagnostic) => `${diagnostic.code}@${diagnostic.range.start.line}:${diagnostic.range.start.character}`)
      .join(', ') || 'none'
  );
}

/**
 * The whole pipeline on `text` with I/O off; returns the parse for further checks. What the server
 * does on every edit (parse, diagnostics, evaluations) must fit in the budget; the whole check, which
 * parses again after each rename and quick fix, gets five times as much.
 */
async function throughPipeline(text: string, caseBudgetMs = budgetMs): Promise<ArchDocument> {
  const started = process.cpuUsage();
  const doc = parseArchitecture(text);
  evaluateAll(doc, { monteCarloSamples: 0 });
  const used = process.cpuUsage(started);
  const usedMs = (used.user + used.system) / 1000;
  assert.ok(usedMs < caseBudgetMs, `parse and evaluation used ${usedMs.toFixed(0)} ms of CPU time (budget ${caseBudgetMs} ms)`);
  // Ask the features in the middle of the file and at its end, where a user would be typing.
  const positions = [positionAt(text, Math.floor(text.length / 2)), positionAt(text, Math.max(0, text.length - 2))];
  const { result, calls } = await withoutIo(() => checkPipeline(text, { positions, budgetMs: 5 * caseBudgetMs, monteCarloSamples: 200 }));
  assert.deepEqual(calls, [], 'the pipeline touched the file system or the network');
  assert.deepEqual(result.problems, [], `the pipeline broke invariants:\n- ${result.problems.join('\n- ')}`);
  assert.ok(result.doc, 'the pipeline produced a document');
  return result.doc;
}

/** Runs the CLI in-process with a recording I/O; the file exists only in memory. */
async function cli(args: readonly string[], text: string): Promise<{ status: number; stdout: string; stderr: string; written: string[] }> {
  let stdout = '';
  let stderr = '';
  const written: string[] = [];
  const io: CliIO = {
    stdout: (chunk) => void (stdout += chunk),
    stderr: (chunk) => void (stderr += chunk),
    readFile: (path) => {
      if (path !== 'hostile.cloudarch.yaml') throw new Error(`no such file: ${path}`);
      return text;
    },
    writeFile: (path) => void written.push(path),
    version: '0.0.0-test',
  };
  // The command modules directly: the command table loads them with a dynamic import, which the
  // test runner's CommonJS hook does not resolve.
  const [name, ...rest] = args;
  const command = name === 'validate' ? validate : evaluate;
  let status: number;
  try {
    status = await command.run(rest, io);
  } catch (error) {
    stderr += `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
    status = -1;
  }
  return { status, stdout, stderr, written };
}

/** Non-finite numbers JSON.stringify is asked to write (it would silently print them as null). */
async function nonFiniteStringified(run: () => Promise<unknown>): Promise<string[]> {
  const found: string[] = [];
  const original = JSON.stringify;
  JSON.stringify = function (value: unknown, ...rest: unknown[]) {
    const seen = new Set<object>();
    const stack: [unknown, string][] = [[value, '$']];
    while (stack.length > 0) {
      const [item, path] = stack.pop()!;
      if (typeof item === 'number' && !Number.isFinite(item)) found.push(`${path} = ${item}`);
      else if (item !== null && typeof item === 'object' && !seen.has(item)) {
        seen.add(item);
        for (const [key, child] of Object.entries(item)) stack.push([child, `${path}.${key}`]);
      }
    }
    return (original as (...args: unknown[]) => string)(value, ...rest);
  } as typeof JSON.stringify;
  try {
    await run();
  } finally {
    JSON.stringify = original;
  }
  return found;
}

/** `NaN` or `Infinity` printed outside `code spans` (which quote the user's own text). */
function printsNonFinite(output: string): boolean {
  return /\bNaN\b|\bInfinity\b/.test(output.replace(/`[^`\n]*`/g, ''));
}

describe('hostile input through the whole pipeline', function () {
  this.timeout(60_000);

  before(async () => {
    // Load every module (lazy CLI commands included) before I/O is switched off.
    checkPipeline(examples[0]!.text, { positions: [{ line: 10, character: 4 }], monteCarloSamples: 10 });
    await cli(['validate', '--format', 'json', 'hostile.cloudarch.yaml'], examples[0]!.text);
    for (const format of ['json', 'text', 'markdown', 'sarif'])
      await cli(['evaluate', '--format', format, 'hostile.cloudarch.yaml'], examples[0]!.text);
  });

  for (const [file, expectations] of Object.entries(staticCases)) {
    it(`${expectations.title} (${file})`, async () => {
      const text = readFileSync(join(folder, file), 'utf8');
      const doc = await throughPipeline(text);
      for (const expectation of expectations.expected) {
        const found = findExpected(doc, expectation);
        assert.ok(found, `expected ${expectation}; got ${describe_(doc)}`);
        assert.ok(found.message.length > 10, `${expectation} has a message a person can read`);
        const fix = expectations.fixes?.[expectation];
        if (fix !== undefined) {
          const preferred = found.fixes?.find((candidate) => candidate.isPreferred) ?? found.fixes?.[0];
          assert.equal(preferred?.edits[0]?.newText, fix, `${expectation} offers the fix to ${fix}`);
        }
      }
      if (expectations.noErrors) {
        const serious = doc.diagnostics.filter((diagnostic) => diagnostic.severity === 'error' || diagnostic.severity === 'warning');
        assert.deepEqual(
          serious.map((diagnostic) => diagnostic.code),
          [],
          'no errors or warnings',
        );
      }
      if (expectations.sameAsLf) {
        const lf = parseArchitecture(text.replace(/\r\n/g, '\n'));
        assert.equal(stableJson(doc.diagnostics), stableJson(lf.diagnostics));
        assert.equal(
          stableJson(doc.resources.map((resource) => [resource.name, resource.type, resource.props, resource.nameRange])),
          stableJson(lf.resources.map((resource) => [resource.name, resource.type, resource.props, resource.nameRange])),
        );
      }
      if (expectations.sameWithoutComments) {
        // Blank the comment lines rather than remove them, so the ranges stay comparable.
        const blanked = parseArchitecture(text.replace(/^#.*$/gm, ''));
        assert.equal(stableJson(doc.diagnostics), stableJson(blanked.diagnostics));
      }
      if (expectations.cli) {
        const runs: Awaited<ReturnType<typeof cli>>[] = [];
        const nonFinite = await withoutIo(() =>
          nonFiniteStringified(async () => {
            runs.push(await cli(['validate', '--format', 'json', 'hostile.cloudarch.yaml'], text));
            for (const format of ['json', 'text', 'markdown', 'sarif'])
              runs.push(await cli(['evaluate', '--format', format, 'hostile.cloudarch.yaml'], text));
          }),
        );
        assert.deepEqual(nonFinite.calls, [], 'the CLI touched the file system or the network');
        assert.deepEqual(nonFinite.result, [], 'the CLI serialised non-finite numbers (JSON would print them as null)');
        for (const run of runs) {
          assert.ok(run.status === 0 || run.status === 1 || run.status === 2, `exit status ${run.status}: ${run.stderr}`);
          assert.doesNotMatch(run.stderr, /internal error/);
          assert.equal(printsNonFinite(run.stdout), false, `the CLI printed NaN or Infinity:\n${run.stdout.slice(0, 2000)}`);
          assert.deepEqual(run.written, [], 'the CLI wrote a file');
        }
        // validate --format json is parseable and names every diagnostic.
        const validation = JSON.parse(runs[0]!.stdout) as { files: { diagnostics: unknown[] }[] };
        assert.equal(validation.files[0]!.diagnostics.length, doc.diagnostics.length);
      }
    });
  }

  for (const testCase of generated) {
    it(testCase.title, async () => {
      const text = testCase.text();
      for (let round = 1; round <= (testCase.repeat ?? 1); round++) {
        const doc = await throughPipeline(text, testCase.budgetMs);
        for (const expectation of testCase.expected)
          assert.ok(findExpected(doc, expectation), `round ${round}: expected ${expectation}; got ${describe_(doc)}`);
        if (testCase.expected.length === 0) {
          const errors = doc.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
          assert.deepEqual(
            errors.map((diagnostic) => diagnostic.code),
            [],
            'no errors',
          );
        }
      }
    });
  }

  it('leaves the built-in prototypes untouched after every case', () => {
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
    assert.equal((Object as unknown as Record<string, unknown>)['on-demand'], undefined);
    assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'on-demand'), false);
  });
});
