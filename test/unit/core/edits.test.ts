/**
 * The edits behind quick fixes, rename and the diagram's changes (test/fixtures/edits/cases.yaml):
 * each is applied to its file and the whole resulting text compared, so a value lands where a
 * careful person would type it, in the file's style, and nothing else moves.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parse } from 'yaml';
import { insertListItemEdit, parseArchitecture, renameResourceEdits, setPropertyEdit, type TextEdit } from '../../../src/core';

interface Case {
  readonly case: string;
  readonly file: string;
  readonly edit: {
    readonly set?: readonly [string, ...(string | number)[]];
    readonly append?: readonly [string, ...(string | number)[]];
    readonly rename?: string;
    readonly value: unknown;
  };
  readonly result: string;
}

const cases = parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'edits', 'cases.yaml'), 'utf8')) as Case[];

/** The file after the edits, or `none` when there are none. */
function edited(c: Pick<Case, 'file' | 'edit'>, text = c.file): string {
  const doc = parseArchitecture(text);
  const { set, append, rename, value } = c.edit;
  let edits: readonly TextEdit[];
  if (set !== undefined) {
    const edit = setPropertyEdit(doc, set[0], set.slice(1), value);
    edits = edit === undefined ? [] : [edit];
  } else if (append !== undefined) {
    const edit = insertListItemEdit(doc, append[0], append.slice(1), value);
    edits = edit === undefined ? [] : [edit];
  } else edits = renameResourceEdits(doc, rename!, String(value));
  if (edits.length === 0) return 'none';
  return TextDocument.applyEdits(TextDocument.create('file:///case.cloudarch.yaml', 'cloudarch', 1, text), [...edits]);
}

describe('edits', () => {
  for (const c of cases) {
    it(c.case, () => assert.equal(edited(c), c.result));
    // The editor writes an edit's line breaks as the document's own (VS Code does), so a CRLF file stays CRLF.
    if (c.result !== 'none')
      it(`${c.case} (CRLF)`, () =>
        assert.equal(edited(c, c.file.replace(/\n/g, '\r\n')).replace(/\r?\n/g, '\r\n'), c.result.replace(/\n/g, '\r\n')));
  }
});
