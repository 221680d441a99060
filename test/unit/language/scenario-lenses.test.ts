/**
 * The "▶ Simulate NAME" CodeLens above each saved scenario: where it sits, what it runs, and that it
 * shows with or without an evaluation.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLanguageService } from '../../../src/language/language-service';

const threeTier = readFileSync(join(__dirname, '..', '..', '..', 'examples', 'three-tier-web.cloudarch.yaml'), 'utf8').trimEnd();
const scenarios = [
  '',
  'scenarios:',
  '  zone-a-at-peak:',
  '    duration: 3d',
  '    failures: [zone:a@1d14h+2h]',
  '  "triple traffic":',
  '    surges: [3x@1d+2h]',
  '',
].join('\n');
const service = createLanguageService();
const uri = 'file:///shop.cloudarch.yaml';

describe('scenario CodeLens', () => {
  it('puts "▶ Simulate NAME" on each scenario name line, running cloudarch.simulate with the document and the name', () => {
    const text = `${threeTier}\n${scenarios}`;
    const doc = service.parse(text);
    const lines = text.split('\n');
    const lenses = service.codeLenses(doc, undefined, uri);
    assert.deepEqual(
      lenses.map((lens) => [lines[lens.range.start.line]!.trim(), lens.command?.title, lens.command?.command, lens.command?.arguments]),
      [
        ['zone-a-at-peak:', '▶ Simulate zone-a-at-peak', 'cloudarch.simulate', [uri, 'zone-a-at-peak']],
        ['"triple traffic":', '▶ Simulate triple traffic', 'cloudarch.simulate', [uri, 'triple traffic']],
      ],
    );
  });

  it('shows none in a file without scenarios', () => {
    assert.deepEqual(service.codeLenses(service.parse(threeTier), undefined, uri), []);
  });
});
