/**
 * What `parseArchitecture` says about a whole file: the cases of test/fixtures/parse/cases.yaml
 * (files that are not architectures, refused files, resources written unusually), input that is
 * not text, and, as a file is typed, which resource the diagnostics of a repeated or forbidden key
 * name whichever path read it (a fresh parse in pieces, or the edit-sized path that re-reads only
 * the edited resource).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseArchitecture } from '../../../src/core';
import { parseAnswer, parseAnswerOf, type ParseAnswer } from './parse-answer';

const file = (body: string): string =>
  `cloudarch: "1"\nname: typing\nresources:\n  web:\n    type: external.users\n${body}  other:\n    type: external.users\n`;

/** Each diagnostic as `code line:character resource`. */
const said = (text: string, previousText?: string): string[] => {
  const previous = previousText === undefined ? undefined : parseArchitecture(previousText);
  const doc = parseArchitecture(text, previous === undefined ? undefined : { previous });
  return doc.diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character} ${d.resource ?? '(none)'}`);
};

describe('parseArchitecture: which resource a key problem names', () => {
  const typed = file('    label: a\n    label: b\n    constructor: 1\n');
  const expected = ['duplicate-key 6:4 web', 'forbidden-key 7:4 web'];

  it('names it on a fresh parse', () => assert.deepEqual(said(typed), expected));

  it('names it when only the edited resource is read again', () => {
    assert.deepEqual(said(typed, file('    label: a\n')), expected);
    // And when the edit moves the other resources down (their diagnostics are shifted, not re-read).
    assert.deepEqual(said(file('    label: a\n    label: a\n    label: a\n'), file('    label: a\n')), [
      'duplicate-key 6:4 web',
      'duplicate-key 7:4 web',
    ]);
  });
});

describe('parseArchitecture: whole files', () => {
  const cases = parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'parse', 'cases.yaml'), 'utf8')) as (ParseAnswer & {
    readonly case: string;
    readonly text: string;
  })[];
  it('finds its cases', () => assert.ok(cases.length >= 20, `only ${cases.length} cases`));
  for (const c of cases)
    it(c.case, () => {
      const { case: _name, text, ...expected } = c;
      assert.deepEqual(parseAnswer(text), expected);
    });

  it('reads a file of exactly 10 MiB, and refuses one character more', () => {
    const header = 'cloudarch: "1"\nname: big\nresources:\n  web:\n    type: external.users\n# ';
    const limit = 10 * 1024 * 1024;
    const atLimit = `${header}${'x'.repeat(limit - header.length - 1)}\n`;
    assert.equal(atLimit.length, limit);
    assert.deepEqual(parseAnswer(atLimit).says, []);
    assert.deepEqual(parseAnswer(`${atLimit}x`).says, [
      'error file-too-large 0:0-0:0 The file is 10.0 MiB; files over 10 MiB are not read. Split the architecture into several files.',
    ]);
  });

  it('reads a value that is not text as its text', () => {
    // The CLI and the server always pass text; a plugin or a test may not.
    assert.deepEqual(parseAnswerOf(parseArchitecture(42 as unknown as string)), parseAnswer('42'));
    assert.equal(parseArchitecture(42 as unknown as string).text, '42');
  });
});
