/** Readable reports of evaluation results (text and Markdown), built from one report model. */
export { buildReport, type Report, type ReportBlock, type ReportSection } from './model';
export { markdownReport, renderMarkdownReport } from './markdown';
export { renderTextReport, textReport } from './text';
