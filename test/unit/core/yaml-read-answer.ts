/**
 * What `readYaml` answers for a text, written out as a person would check it: every diagnostic with
 * its severity, code, full range, message and related places; every node of the tree with its full
 * range (and `flow` when written in brackets); the plain values as JSON; and the `---` of any extra
 * document. Shared by test/unit/core/yaml-read.test.ts and the fixture's maintainers.
 */
import type { Range, ValueNode } from '../../../src/core';
import { readYaml } from '../../../src/core/yaml-read';

export interface YamlReadAnswer {
  readonly says: string[];
  readonly tree: string[];
  readonly plain: string;
  readonly extraDocuments?: string[];
}

export const span = (range: Range): string => `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;

function treeLines(node: ValueNode | undefined, path: string, out: string[]): void {
  if (node === undefined) {
    out.push(`${path} (none)`);
    return;
  }
  const flow = node.kind !== 'scalar' && node.flow ? ' flow' : '';
  if (node.kind === 'scalar') {
    out.push(`${path} scalar ${span(node.range)} ${JSON.stringify(node.value)} from ${JSON.stringify(node.source)}`);
  } else if (node.kind === 'seq') {
    out.push(`${path} seq${flow} ${span(node.range)}`);
    node.items.forEach((item, index) => treeLines(item, `${path}[${index}]`, out));
  } else {
    out.push(`${path} map${flow} ${span(node.range)}`);
    for (const entry of node.entries) treeLines(entry.value, `${path}.${entry.key}@${span(entry.keyRange)}`, out);
  }
}

export function yamlReadAnswer(text: string): YamlReadAnswer {
  const read = readYaml(text);
  const says = read.diagnostics.map((d) => {
    const related = (d.related ?? []).map((r) => ` (${r.message} at ${span(r.range)})`).join('');
    const fixes = (d.fixes ?? []).map(
      (fix) =>
        ` [${fix.title}${fix.isPreferred === true ? ' (preferred)' : ''}: ${fix.edits.map((e) => `${span(e.range)} ${JSON.stringify(e.newText)}`).join(', ')}]`,
    );
    return `${d.severity} ${d.code} ${span(d.range)} ${d.message}${related}${fixes.join('')}${d.source === 'cloudarch' ? '' : ` (source: ${String(d.source)})`}`;
  });
  const tree: string[] = [];
  treeLines(read.value, '$', tree);
  return {
    says,
    tree,
    plain: JSON.stringify(read.plain),
    ...(read.extraDocuments.length > 0 ? { extraDocuments: read.extraDocuments.map(span) } : {}),
  };
}
