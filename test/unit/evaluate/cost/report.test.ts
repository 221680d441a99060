/**
 * The text and Markdown reports render the same content: cost lines, suggestions, unpriced items
 * and targets, with Markdown table cells escaped so a `|` in a message cannot break a table.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArchitecture } from '../../../../src/core/parse';
import { evaluateAll } from '../../../../src/evaluate';
import { buildReport, renderMarkdownReport, renderTextReport } from '../../../../src/evaluate/report';

const fixture = join(__dirname, '../../../fixtures/cost/storage.cloudarch.yaml');

describe('cost: reports', () => {
  // Evaluated by each test, never while the file loads (see cost-fixtures.test.ts).
  const evaluate = () => {
    const doc = parseArchitecture(readFileSync(fixture, 'utf8'));
    return { doc, result: evaluateAll(doc, { only: ['cost'] }) };
  };

  it('shows the total, every line item and the suggestions in text', () => {
    const { doc, result } = evaluate();
    const text = renderTextReport(buildReport(doc, result, 'storage.cloudarch.yaml'));
    assert.ok(text.includes('Estimated monthly cost: $2,993.45'));
    for (const line of result.cost!.lineItems) assert.ok(text.includes(line.what), `missing ${line.what}`);
    assert.ok(text.includes('storageClass: INTELLIGENT_TIERING'));
    assert.ok(!/NaN|Infinity|undefined/.test(text));
  });

  it("writes Markdown tables whose rows all have the header's column count", () => {
    const markdown = renderMarkdownReport({
      title: 'T',
      sections: [{ title: 'S', blocks: [{ kind: 'table', headers: ['a', 'b'], rows: [['x | y', 'z\nw']] }] }],
    });
    const rows = markdown.split('\n').filter((l) => l.startsWith('|'));
    const columns = (row: string) => row.replace(/\\\|/g, '').split('|').length;
    assert.ok(
      rows.every((row) => columns(row) === columns(rows[0]!)),
      markdown,
    );
    assert.ok(markdown.includes('x \\| y'));
  });

  it('renders only the sections of the evaluations that ran, plus targets', () => {
    const { doc, result } = evaluate();
    const markdown = renderMarkdownReport(buildReport(doc, result));
    assert.deepEqual(
      markdown.split('\n').filter((l) => l.startsWith('## ')),
      ['## Cost', '## Targets'],
    );
  });
});
