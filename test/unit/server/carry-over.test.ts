/**
 * Evaluation diagnostics survive typing: untouched lines keep theirs (moved when lines are added or
 * removed above them), the touched line loses its own until the next evaluation.
 */
import { strict as assert } from 'node:assert';
import type { Diagnostic } from 'vscode-languageserver-types';
import { carryOverDiagnostics } from '../../../src/server/carry-over';

function on(line: number, message: string): Diagnostic {
  return { range: { start: { line, character: 4 }, end: { line, character: 9 } }, message };
}

const before = ['a: 1', 'b: 2', 'c: 3', 'd: 4', 'e: 5'].join('\n');
const diagnostics = [on(0, 'on a'), on(2, 'on c'), on(4, 'on e')];

describe('carrying evaluation diagnostics over an edit', () => {
  it('keeps everything when the text is the same', () => {
    assert.deepEqual(carryOverDiagnostics(before, before, diagnostics), diagnostics);
  });

  it('drops the edited line and keeps the others in place when no line is added', () => {
    const after = before.replace('c: 3', 'c: 33');
    assert.deepEqual(
      carryOverDiagnostics(before, after, diagnostics).map((diagnostic) => [diagnostic.message, diagnostic.range.start.line]),
      [
        ['on a', 0],
        ['on e', 4],
      ],
    );
  });

  it('moves diagnostics below an inserted line down', () => {
    const after = before.replace('b: 2', 'b: 2\nbb: 22');
    assert.deepEqual(
      carryOverDiagnostics(before, after, diagnostics).map((diagnostic) => [diagnostic.message, diagnostic.range.start.line]),
      [
        ['on a', 0],
        ['on c', 3],
        ['on e', 5],
      ],
    );
  });

  it('moves diagnostics below deleted lines up', () => {
    const after = before.replace('b: 2\nc: 3\n', '');
    assert.deepEqual(
      carryOverDiagnostics(before, after, diagnostics).map((diagnostic) => [diagnostic.message, diagnostic.range.start.line]),
      [
        ['on a', 0],
        ['on e', 2],
      ],
    );
  });
});
