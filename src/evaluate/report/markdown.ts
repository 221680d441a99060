/** Renders a report as GitHub-flavoured Markdown, for pull requests and design documents. */
import type { ArchDocument } from '../../core/document';
import type { EvaluationResult } from '../types';
import { buildReport, type Report, type ReportBlock } from './model';

/** Escapes what would break a table cell or start unintended formatting. */
function cell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ')
    .replace(/([*_`<>])/g, '\\$1');
}

/** The report as Markdown. */
export function renderMarkdownReport(report: Report): string {
  const out: string[] = [`# ${cell(report.title)}`];
  for (const section of report.sections) {
    out.push('', `## ${section.title}`, '');
    markdownBlocks(section.blocks, out, cell);
  }
  while (out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}

/** Appends report blocks to `out` as Markdown, each text through `escape`, each block followed by a blank line. */
export function markdownBlocks(blocks: readonly ReportBlock[], out: string[], escape: (text: string) => string): void {
  for (const block of blocks) {
    if (block.kind === 'paragraph') out.push(escape(block.text), '');
    else if (block.kind === 'heading') out.push(`### ${escape(block.text)}`, '');
    else if (block.kind === 'list') out.push(...block.items.map((item) => `- ${escape(item)}`), '');
    else {
      out.push(`| ${block.headers.map(escape).join(' | ')} |`);
      out.push(`|${block.headers.map((_, i) => (block.align?.[i] === 'right' ? ' ---: ' : ' --- ')).join('|')}|`);
      for (const row of block.rows) out.push(`| ${row.map(escape).join(' | ')} |`);
      out.push('');
    }
  }
}

/** Evaluation results as a Markdown report. */
export function markdownReport(doc: ArchDocument, result: EvaluationResult, file?: string): string {
  return renderMarkdownReport(buildReport(doc, result, file));
}
