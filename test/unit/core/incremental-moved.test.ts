/**
 * The incremental parse when lines are inserted or removed (every resource below moves, and its
 * cached cross-resource results are moved with it) and when names change (results that look up no
 * changed name are carried over): each result equals a fresh parse, deep-equal, including on CRLF
 * files, at the first and last resource, and in files whose moved resources carry cross-resource
 * diagnostics (unknown names with did-you-mean fixes, bad ports, self-references, unknown zones,
 * wrong-kind references, EBS placement, cycles).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { generateArchitecture } from '../../../bench/generate';
import { parseArchitecture, type ArchDocument } from '../../../src/core';
import { assertEqualsFreshParse } from './fresh-parse';

/** A generated file with a cross-resource problem of each kind, spread through it. */
function troubled(size: number): string {
  let text = generateArchitecture(size);
  const replaceOnce = (search: string, replacement: string, after = 0): void => {
    const at = text.indexOf(search, after);
    assert.ok(at >= 0, `"${search}" is in the generated file`);
    text = text.slice(0, at) + replacement + text.slice(at + search.length);
  };
  replaceOnce('connectsTo: [db-1]', 'connectsTo: [db-l, cache-1:99999]');
  replaceOnce('securityGroups: [lb-sg-2]', 'securityGroups: [app-2]');
  replaceOnce('zones: [a, b]', 'zones: [a, q]', text.indexOf('  lb-3:'));
  replaceOnce('connectsTo: [db-4]', 'connectsTo: [app-4]', text.indexOf('  app-4:'));
  replaceOnce('connectsTo: [db-5]', 'connectsTo: [db-5]\n    dependsOn: [web-5]', text.indexOf('  app-5:'));
  replaceOnce('connectsTo: [db-5:5432, cache-5]', 'connectsTo: [db-5:5432, cache-5, app-5]', text.indexOf('  web-5:'));
  return text;
}

/** Line-level edits: insert or remove lines anywhere, rename a resource, add or remove one. */
type LineEdit =
  | { kind: 'insert'; line: number; count: number; text: string }
  | { kind: 'remove'; line: number; count: number }
  | { kind: 'rename'; resource: number; name: string }
  | { kind: 'add'; resource: number; name: string }
  | { kind: 'drop'; resource: number };

const insertedLines = ['    # a note', '', '  # between resources', '    label: moved', '    zones: [a, z]', '    connectsTo: [nowhere]'];
const names = ['db-1', 'db-l', 'app-2', 'web-sg-3', 'fresh', 'app-4', 'renamed', 'cache-1'];

const lineEdit: fc.Arbitrary<LineEdit> = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    line: fc.nat(),
    count: fc.integer({ min: 1, max: 4 }),
    text: fc.constantFrom(...insertedLines),
  }),
  fc.record({ kind: fc.constant('remove' as const), line: fc.nat(), count: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('rename' as const), resource: fc.nat(), name: fc.constantFrom(...names) }),
  fc.record({ kind: fc.constant('add' as const), resource: fc.nat(), name: fc.constantFrom(...names) }),
  fc.record({ kind: fc.constant('drop' as const), resource: fc.nat() }),
);

/** Applies a line edit, keeping the file's line breaks (`\n` or `\r\n`). */
function apply(text: string, edit: LineEdit, document: ArchDocument): string {
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(newline);
  const resources = document.resources;
  switch (edit.kind) {
    case 'insert':
      lines.splice(edit.line % lines.length, 0, ...new Array<string>(edit.count).fill(edit.text));
      break;
    case 'remove':
      lines.splice(edit.line % lines.length, edit.count);
      break;
    case 'rename': {
      if (resources.length === 0) return text;
      const range = resources[edit.resource % resources.length]!.nameRange;
      const line = lines[range.start.line]!;
      lines[range.start.line] = line.slice(0, range.start.character) + edit.name + line.slice(range.end.character);
      break;
    }
    case 'add': {
      if (resources.length === 0) return text;
      const line = resources[edit.resource % resources.length]!.nameRange.start.line;
      lines.splice(line, 0, `  ${edit.name}:`, '    type: aws.rds.instance', '    engine: postgres');
      break;
    }
    case 'drop': {
      if (resources.length === 0) return text;
      const resource = resources[edit.resource % resources.length]!;
      lines.splice(resource.range.start.line, resource.range.end.line - resource.range.start.line + 1);
      break;
    }
  }
  return lines.join(newline);
}

describe('incremental parsing: moved resources and changed names', () => {
  for (const [title, base] of [
    ['LF', troubled(90)],
    ['CRLF', troubled(90).replace(/\n/g, '\r\n')],
  ] as const) {
    it(`equals a fresh parse after inserted and removed lines, renames, added and dropped resources (${title}, property)`, function () {
      this.timeout(120_000);
      fc.assert(
        fc.property(fc.array(lineEdit, { minLength: 1, maxLength: 8 }), (edits) => {
          let text = base;
          let previous = parseArchitecture(text);
          for (const edit of edits) {
            text = apply(text, edit, previous);
            const incremental = parseArchitecture(text, { previous });
            assertEqualsFreshParse(incremental);
            previous = incremental;
          }
        }),
        { numRuns: 80, seed: 424242 },
      );
    });
  }

  it('starts from a file with every kind of cross-resource problem', () => {
    const codes = new Set(parseArchitecture(troubled(90)).diagnostics.map((diagnostic) => diagnostic.code));
    for (const code of ['unknown-reference', 'invalid-port', 'wrong-reference-kind', 'unknown-zone', 'self-reference', 'dependency-cycle'])
      assert.ok(codes.has(code), code);
  });

  it('moves the diagnostics of the first and the last resource when lines are inserted above them, and back', () => {
    const base = troubled(90);
    let previous = parseArchitecture(base);
    const lines = base.split('\n');
    const first = previous.resources[0]!.nameRange.start.line;
    const last = previous.resources[previous.resources.length - 1]!.nameRange.start.line;
    for (const [line, added] of [
      [last + 1, ['    # inside the last']],
      [first, ['  # above the first', '']],
      [first + 1, ['    label: first']],
    ] as const) {
      const edited = [...lines.slice(0, line), ...added, ...lines.slice(line)].join('\n');
      const inserted = parseArchitecture(edited, { previous });
      assertEqualsFreshParse(inserted);
      const back = parseArchitecture(base, { previous: inserted });
      assertEqualsFreshParse(back);
      previous = back;
    }
  });

  it('moves resources of every shape, with their related places, fixes and bad ports, as a fresh parse places them', () => {
    // A repeated key (its diagnostic names the first one's place), values that are no map, a flow
    // map, `type` after a key without a value, a map ending in a key without a value, a resource
    // without a value, a misspelt name (a did-you-mean fix) and a bad port: each moved by lines
    // inserted above it, then moved back.
    const base =
      'cloudarch: "1"\nname: moved\nresources:\n  users:\n    type: external.users\n' +
      '  twice:\n    type: external.users\n    label: a\n    label: b\n  plain: just text\n  listed: [a, b]\n' +
      '  flowy: {label: x, type: external.users}\n  late:\n    note:\n    label: x\n    type: aws.s3.bucket\n' +
      '  web:\n    type: aws.ec2.instance\n    connectsTo: [userz, late:99999]\n    description:\n  bare:\n';
    for (const text of [base, base.replace(/\n/g, '\r\n')]) {
      const newline = text.includes('\r\n') ? '\r\n' : '\n';
      const lines = text.split(newline);
      const codes = new Set(parseArchitecture(text).diagnostics.map((diagnostic) => diagnostic.code));
      for (const code of ['duplicate-key', 'resource-not-a-map', 'unknown-reference', 'invalid-port', 'missing-required'])
        assert.ok(codes.has(code), code);
      let previous = parseArchitecture(text);
      for (const line of [3, 5, 9, 12, 16, 19]) {
        const inserted = [...lines.slice(0, line), '  # moved', '', ...lines.slice(line)].join(newline);
        const moved = parseArchitecture(inserted, { previous });
        assertEqualsFreshParse(moved, `two lines inserted at line ${line}`);
        const back = parseArchitecture(text, { previous: moved });
        assertEqualsFreshParse(back, `and removed again`);
        previous = back;
      }
    }
  });

  it('keeps the references of resources that name nothing renamed as the same objects after a rename', () => {
    const base = generateArchitecture(60);
    const before = parseArchitecture(base);
    // `users` is named by nothing: renaming it changes no other resource's references.
    const renamed = parseArchitecture(base.replace('\n  users:\n', '\n  people:\n'), { previous: before });
    assertEqualsFreshParse(renamed);
    const kept = new Set(before.references);
    const renewed = renamed.references.filter((reference) => !kept.has(reference)).map((reference) => reference.from);
    assert.deepEqual([...new Set(renewed)], ['people']);
    // Renaming `db-1` (which names nothing) leaves the references naming it unknown, and only those are made again.
    // (From a document of its own: the rename above re-stamped the shared results for its own names.)
    const other = parseArchitecture(base);
    const db = parseArchitecture(base.replace('\n  db-1:\n', '\n  db-one:\n'), { previous: other });
    assertEqualsFreshParse(db);
    const otherKept = new Set(other.references);
    const again = new Set(db.references.filter((reference) => !otherKept.has(reference)).map((reference) => reference.from));
    assert.deepEqual([...again].sort(), ['app-1', 'web-1']);
  });

  it('moves the references of the resources below an inserted line instead of resolving them again, at their new lines', () => {
    const base = troubled(90);
    const before = parseArchitecture(base);
    const middle = before.resources[Math.floor(before.resources.length / 2)]!;
    const lines = base.split('\n');
    lines.splice(middle.nameRange.start.line, 0, '  # a line that moves the rest', '');
    const after = parseArchitecture(lines.join('\n'), { previous: before });
    assertEqualsFreshParse(after);
    const below = after.references.filter((reference) => reference.range.start.line > middle.nameRange.start.line + 1);
    assert.ok(below.length > 0);
    for (const reference of below) assert.ok(!before.references.includes(reference));
  });
});
