/**
 * What `parseArchitecture` answers for a whole file, written out as a person checks it: every
 * diagnostic with its severity, code, full range, message, related places, fixes and the resource
 * it names; the range of the file's map; each resource with its name range and full range.
 * Shared by test/unit/core/parse.test.ts and the maintainers of test/fixtures/parse/cases.yaml.
 */
import { parseArchitecture, type ArchDocument } from '../../../src/core';
import { span } from './yaml-read-answer';

export interface ParseAnswer {
  readonly says: string[];
  readonly root: string;
  readonly resources: string[];
}

export function parseAnswerOf(doc: ArchDocument): ParseAnswer {
  const says = doc.diagnostics.map((d) => {
    const related = (d.related ?? []).map((r) => ` (${r.message} at ${span(r.range)})`).join('');
    const fixes = (d.fixes ?? [])
      .map((fix) => ` [${fix.title}: ${fix.edits.map((e) => `${span(e.range)} ${JSON.stringify(e.newText)}`).join(', ')}]`)
      .join('');
    const about = d.resource === undefined ? '' : ` {${d.resource}}`;
    return `${d.severity} ${d.code} ${span(d.range)} ${d.message}${related}${fixes}${about}${d.source === 'cloudarch' ? '' : ` (source: ${String(d.source)})`}`;
  });
  return {
    says,
    root: doc.root === undefined ? '(none)' : `${span(doc.root.range)} ${doc.root.entries.map((e) => e.key).join(', ')}`,
    resources: doc.resources.map((r) => `${r.name} ${span(r.nameRange)} ${span(r.range)}`),
  };
}

export const parseAnswer = (text: string): ParseAnswer => parseAnswerOf(parseArchitecture(text));
