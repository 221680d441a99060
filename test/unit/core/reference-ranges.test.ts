/**
 * Reference ranges pinned in full (start and end, line and character) for every way a reference
 * may be written: quoted, flow and block style, with a port, inside a map, after non-ASCII text
 * (UTF-16 columns), with LF and CRLF line ends. A range that is off by the quote, or by a
 * surrogate pair, would make rename and did-you-mean edit the wrong text; so each case also renames
 * the referenced resource and fixes a misspelling, and checks the text that results.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parse } from 'yaml';
import { parseArchitecture } from '../../../src/core';
import type { Range } from '../../../src/core';

interface Case {
  readonly form: string;
  readonly resources: string;
  readonly covers: string;
}

const cases = parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'references', 'forms.yaml'), 'utf8')) as Case[];

const others = [
  'db:',
  '  type: aws.rds.instance',
  '  engine: postgres',
  '  instanceClass: db.r5.large',
  'cache-sg:',
  '  type: aws.ec2.security-group',
];

function fileText(resources: string, eol: string): string {
  const lines = [
    'cloudarch: "1"',
    'name: references',
    'resources:',
    ...resources
      .replace(/\s+$/, '')
      .split('\n')
      .map((line) => `  ${line}`),
    ...others.map((line) => `  ${line}`),
  ];
  return lines.join(eol) + eol;
}

/** `covers` split at its marker: the last bracketed part is the name (earlier brackets are YAML's). */
function marked(covers: string): { before: string; name: string; after: string } {
  const match = /^(.*)\[([^\]]+)\](.*)$/s.exec(covers)!;
  return { before: match[1]!, name: match[2]!, after: match[3]! };
}

/** The range the bracketed part of `covers` occupies in `text` (columns in UTF-16 code units). */
function expectedRange(text: string, covers: string): { range: Range; name: string } {
  const { before, name, after } = marked(covers);
  const lines = text.split(/\r?\n/);
  const line = lines.findIndex((candidate) => candidate.includes(before + name + after));
  assert.ok(line >= 0, `${covers} is not in the file`);
  const character = lines[line]!.indexOf(before + name + after) + before.length;
  return { range: { start: { line, character }, end: { line, character: character + name.length } }, name };
}

for (const eol of ['\n', '\r\n']) {
  describe(`reference ranges (${eol === '\n' ? 'LF' : 'CRLF'})`, () => {
    for (const item of cases) {
      it(`${item.form}: the range covers exactly the name`, () => {
        const text = fileText(item.resources, eol);
        const doc = parseArchitecture(text);
        assert.deepEqual(
          doc.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map((diagnostic) => diagnostic.message),
          [],
        );
        const { range, name } = expectedRange(text, item.covers);
        const found = doc.references.filter((reference) => reference.from === 'web' && reference.target === name);
        assert.equal(found.length, 1, `one reference to ${name} from web`);
        assert.deepEqual(found[0]!.range, range);
      });

      it(`${item.form}: did-you-mean replaces the misspelt name and nothing else`, () => {
        const { before, name, after } = marked(item.covers);
        const misspelt = `${name}x`;
        const text = fileText(item.resources, eol).replace(before + name + after, before + misspelt + after);
        const doc = parseArchitecture(text);
        const unknown = doc.diagnostics.find((diagnostic) => diagnostic.code === 'unknown-reference');
        assert.ok(unknown, `a misspelt ${misspelt} is an unknown reference`);
        assert.deepEqual(unknown.range, expectedRange(text, `${before}[${misspelt}]${after}`).range);
        const fix = unknown.fixes?.find((candidate) => candidate.edits.some((edit) => edit.newText === name));
        assert.ok(fix, `a fix offers ${name}`);
        const fixed = TextDocument.applyEdits(TextDocument.create('file:///a.cloudarch.yaml', 'cloudarch', 1, text), [...fix.edits]);
        assert.equal(fixed, fileText(item.resources, eol));
      });
    }
  });
}

// A plain name that ends with a stray quote (`[db']`) is not a quoted name: its range starts at its
// first character, so did-you-mean replaces the whole of `db'`, quote included.
describe('a plain name ending in a quote', () => {
  for (const quote of ["'", '"']) {
    for (const eol of ['\n', '\r\n']) {
      it(`db${quote} (${eol === '\n' ? 'LF' : 'CRLF'}): the unknown name is ranged in full and did-you-mean replaces it with db`, () => {
        const resources = ['web:', '  type: aws.ec2.instance', '  instanceType: t3.micro', `  connectsTo: [db${quote}]`].join('\n');
        const text = fileText(resources, eol);
        const doc = parseArchitecture(text);
        const unknown = doc.diagnostics.filter((diagnostic) => diagnostic.code === 'unknown-reference');
        assert.equal(unknown.length, 1);
        assert.deepEqual(unknown[0]!.range, expectedRange(text, `connectsTo: [[db${quote}]]`).range);
        const fix = unknown[0]!.fixes?.find((candidate) => candidate.edits.some((edit) => edit.newText === 'db'));
        assert.ok(fix, 'a fix offers db');
        const fixed = TextDocument.applyEdits(TextDocument.create('file:///a.cloudarch.yaml', 'cloudarch', 1, text), [...fix.edits]);
        assert.equal(fixed, fileText(resources.replace(`[db${quote}]`, '[db]'), eol));
      });
    }
  }
});
