/** Renders a report as plain text with aligned columns, for terminals and logs. */
import type { ArchDocument } from '../../core/document';
import type { EvaluationResult } from '../types';
import { buildReport, type Report, type ReportBlock } from './model';

function renderTable(block: Extract<ReportBlock, { kind: 'table' }>): string[] {
  const widths = block.headers.map((h, i) => Math.max(h.length, ...block.rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (block.align?.[i] === 'right' ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(block.headers), widths.map((w) => '-'.repeat(w)).join('  '), ...block.rows.map(line)];
}

/** The report as text. */
export function renderTextReport(report: Report): string {
  const out: string[] = [report.title, '='.repeat(report.title.length)];
  for (const section of report.sections) {
    out.push('', section.title, '-'.repeat(section.title.length));
    for (const block of section.blocks) {
      if (block.kind === 'paragraph') out.push(block.text);
      else if (block.kind === 'heading') out.push('', `${block.text}:`);
      else if (block.kind === 'list') out.push(...block.items.map((item) => `  - ${item}`));
      else if (block.textRow) out.push(...block.rows.map((row) => `  - ${block.textRow!(row)}`));
      else out.push(...renderTable(block).map((l) => `  ${l}`));
    }
  }
  return `${out.join('\n')}\n`;
}

/** Evaluation results as a text report. */
export function textReport(doc: ArchDocument, result: EvaluationResult, file?: string): string {
  return renderTextReport(buildReport(doc, result, file));
}
