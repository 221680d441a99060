/** Renders a report as GitHub-flavoured Markdown, for pull requests and design documents. */
import type { ArchDocument } from '../../core/document';
import type { EvaluationResult } from '../types';
import { inlineSegments } from './inline';
import { buildReport, type Report, type ReportBlock } from './model';

/** Escapes what would break a table cell or start unintended formatting (GitHub-flavoured). */
export function markdownProse(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ')
    .replace(/([*_`<>[\]#!~&])/g, '\\$1');
}

/** Report text as Markdown: its inline code as code spans, the rest escaped. */
export function markdownText(text: string): string {
  return inlineSegments(text)
    .map((segment) => (segment.code ? `\`${segment.text}\`` : markdownProse(segment.text)))
    .join('');
}

/** Appends report blocks as Markdown lines (each block followed by an empty line). */
export function markdownBlocks(blocks: readonly ReportBlock[], out: string[]): void {
  for (const block of blocks) {
    if (block.kind === 'paragraph') out.push(markdownText(block.text), '');
    else if (block.kind === 'heading') out.push(`### ${markdownText(block.text)}`, '');
    else if (block.kind === 'list') out.push(...block.items.map((item) => `- ${markdownText(item)}`), '');
    else {
      out.push(`| ${block.headers.map(markdownText).join(' | ')} |`);
      out.push(`|${block.headers.map((_, i) => (block.align?.[i] === 'right' ? ' ---: ' : ' --- ')).join('|')}|`);
      for (const row of block.rows) out.push(`| ${row.map(markdownText).join(' | ')} |`);
      out.push('');
    }
  }
}

/** The report as Markdown. */
export function renderMarkdownReport(report: Report): string {
  const out: string[] = [`# ${markdownText(report.title)}`];
  for (const section of report.sections) {
    out.push('', `## ${markdownText(section.title)}`, '');
    markdownBlocks(section.blocks, out);
  }
  while (out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}

/** Evaluation results as a Markdown report. */
export function markdownReport(doc: ArchDocument, result: EvaluationResult, file?: string): string {
  return renderMarkdownReport(buildReport(doc, result, file));
}
