/**
 * How a fresh file is cut into pieces (`splitPieces`), from the cases of test/fixtures/blocks: the
 * sections, the `resources:` header and the resource pieces, or `whole` where a cut could change
 * what the YAML means. The cut decides what each edit re-reads; incremental-cut.test.ts holds the
 * cut of an edited file to this one.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { splitPieces, type Piece } from '../../../src/core/blocks';

interface CutCase {
  readonly case: string;
  readonly text: string;
  readonly cut?: 'whole';
  readonly sections?: string[];
  readonly header?: string;
  readonly resources?: string[];
  readonly childIndent?: number;
}

const cases = parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'blocks', 'cuts.yaml'), 'utf8')) as CutCase[];

/** A piece as `line: text`, after checking that it is the text between its offsets, from its line. */
function shown(piece: Piece, text: string): string {
  assert.equal(piece.text, text.slice(piece.start, piece.end), 'a piece is the text between its offsets');
  assert.equal(piece.startLine, text.slice(0, piece.start).split('\n').length - 1, 'a piece starts on its line');
  return `${piece.startLine}: ${JSON.stringify(piece.text)}`;
}

describe('cutting a file into pieces', () => {
  it('finds its cases', () => assert.ok(cases.length >= 15, `only ${cases.length} cases`));

  for (const c of cases) {
    it(c.case, () => {
      const split = splitPieces(c.text);
      if (c.cut === 'whole') return assert.deepEqual(split, { kind: 'whole' });
      assert.equal(split.kind, 'pieces');
      if (split.kind !== 'pieces') return;
      const header = split.resourcesHeader;
      assert.deepEqual(
        {
          sections: split.sections.map((piece) => shown(piece, c.text)),
          header:
            header === undefined
              ? 'none'
              : `line ${header.line}, key ${header.keyStart}-${header.keyEnd}, after ${header.order} ${header.order === 1 ? 'section' : 'sections'}`,
          resources: split.resources.map((piece) => shown(piece, c.text)),
          childIndent: split.childIndent,
        },
        { sections: c.sections, header: c.header, resources: c.resources, childIndent: c.childIndent },
      );
    });
  }
});
