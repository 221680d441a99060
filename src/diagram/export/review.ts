/**
 * The design-review document: the picture and the verdicts in one page, as Markdown (GitHub, VS
 * Code's preview) or as one self-contained HTML file (inline SVG and CSS, no script) that prints
 * to a clean PDF.
 *
 * The figures come from the evaluation's own report model (`src/evaluate/report/model.ts`), so the
 * review, `cloudarch evaluate --format markdown` and the editor's reports never disagree; this
 * module adds the summary, the assumptions, the diagram and the findings grouped by severity.
 */
import type { ArchDocument } from '../../core/document';
import { inlineSegments } from '../../evaluate/report/inline';
import { markdownBlocks, markdownText } from '../../evaluate/report/markdown';
import { buildReport, pct, qty, usd, type Report, type ReportBlock, type ReportSection } from '../../evaluate/report/model';
import type { EvaluationResult, FindingSeverity } from '../../evaluate/types';

export interface ReviewOptions {
  /** The file the architecture came from, for locations and the subtitle. */
  readonly file?: string;
  /** The date written under the title (the core never reads the clock), e.g. `2026-12-03`. */
  readonly date?: string;
  /** The product version, written in the footer. */
  readonly version?: string;
}

const severities: readonly FindingSeverity[] = ['critical', 'high', 'medium', 'low', 'info'];

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function summarySection(result: EvaluationResult): ReportSection {
  const rows: string[][] = [];
  const a = result.availability;
  if (a)
    rows.push([
      'Availability',
      `${pct(a.percent, 4)}${a.method === 'monte-carlo-estimate' ? ' (estimated)' : ''}, about ${qty(Math.round(a.downtimeMinutesPerYear * 10) / 10)} minutes of downtime a year`,
    ]);
  if (a) rows.push(['Single points of failure', a.spof.length > 0 ? a.spof.join(', ') : 'none']);
  const c = result.cost;
  if (c) {
    const saving = c.alternatives.reduce((sum, alternative) => sum + Math.max(0, alternative.savingUSD), 0);
    rows.push(['Monthly cost', `${usd(c.monthlyUSD)}${c.unpriced.length > 0 ? ` (${plural(c.unpriced.length, 'item')} not priced)` : ''}`]);
    if (c.alternatives.length > 0)
      rows.push(['Suggested savings', `up to ${usd(saving)} a month (${plural(c.alternatives.length, 'suggestion')}, not all combinable)`]);
  }
  const s = result.security;
  if (s)
    rows.push(['Security findings', s.findings.length === 0 ? 'none' : severities.map((sev) => `${s.counts[sev] ?? 0} ${sev}`).join(', ')]);
  if (result.targets.length > 0) {
    const met = result.targets.filter((t) => t.met).length;
    rows.push([
      'Targets',
      `${met} of ${result.targets.length} met${
        met < result.targets.length
          ? `; missed: ${result.targets
              .filter((t) => !t.met)
              .map((t) => t.target)
              .join(', ')}`
          : ''
      }`,
    ]);
  }
  return { title: 'Summary', blocks: [{ kind: 'table', headers: ['', 'Verdict'], rows }] };
}

function assumptionsSection(doc: ArchDocument): ReportSection {
  const { assumptions, workload } = doc;
  const rows: string[][] = [
    ['Region', doc.region],
    ['Availability zones', doc.zones.join(', ')],
    ['Zone availability', pct(assumptions.zoneAvailability, 4)],
    ['Region availability', pct(assumptions.regionAvailability, 4)],
    ['Hours per month', qty(assumptions.hoursPerMonth)],
    ['Requests per second (average / peak)', `${qty(workload.requestsPerSecond)} / ${qty(workload.peakRequestsPerSecond)}`],
    ['Data transfer out', `${qty(workload.dataTransferOutGB)} GB a month`],
    ['Storage growth', `${qty(workload.storageGrowthGBPerMonth)} GB a month`],
  ];
  const overrides = Object.entries(assumptions.prices);
  const blocks: ReportBlock[] = [
    {
      kind: 'paragraph',
      text: 'Zone and region failures are independent; prices are list prices of the offline snapshot unless overridden below.',
    },
    { kind: 'table', headers: ['Assumption', 'Value'], rows },
  ];
  if (overrides.length > 0)
    blocks.push(
      { kind: 'heading', text: 'Price overrides' },
      { kind: 'table', headers: ['Price key', 'USD'], rows: overrides.map(([key, value]) => [key, usd(value, true)]) },
    );
  return { title: 'Assumptions', blocks };
}

/** The security section with the findings grouped by severity, most severe first. */
function securityBySeverity(section: ReportSection, result: EvaluationResult): ReportSection {
  const s = result.security;
  if (!s) return section;
  const blocks: ReportBlock[] = [section.blocks[0]!];
  for (const severity of severities) {
    const findings = s.findings.filter((f) => f.severity === severity);
    if (findings.length === 0) continue;
    blocks.push(
      { kind: 'heading', text: `${severity[0]!.toUpperCase()}${severity.slice(1)} (${findings.length})` },
      {
        kind: 'table',
        // The review covers one file, named under the title: the line is the location.
        headers: ['Rule', 'Resource', 'Line', 'Finding', 'Remediation'],
        rows: findings.map((f) => [f.ruleId, f.resource, String(f.range.start.line + 1), f.message, f.remediation]),
        align: ['left', 'left', 'right', 'left', 'left'],
      },
    );
  }
  // The exposure paths as the report model words them (its last two blocks).
  blocks.push(...section.blocks.slice(-2));
  return { title: section.title, blocks };
}

/** The review's content: the evaluation report's sections, with a summary and the assumptions first. */
export function buildReview(doc: ArchDocument, result: EvaluationResult, options: ReviewOptions = {}): Report {
  const report = buildReport(doc, result, options.file);
  const sections = report.sections.map((section) => (section.title === 'Security' ? securityBySeverity(section, result) : section));
  return {
    title: `Design review: ${doc.name ?? options.file ?? 'architecture'}`,
    sections: [summarySection(result), assumptionsSection(doc), ...sections],
  };
}

// ---------------------------------------------------------------- Markdown

/**
 * The review as Markdown. `diagramFile` is the SVG written beside the document (a relative
 * path); without it the document says how to get the picture.
 */
export function reviewMarkdown(
  doc: ArchDocument,
  result: EvaluationResult,
  options: ReviewOptions & { readonly diagramFile?: string } = {},
): string {
  const review = buildReview(doc, result, options);
  const out: string[] = [`# ${markdownText(review.title)}`, ''];
  const subtitle = [
    options.file !== undefined ? `\`${options.file.replace(/`/g, "'")}\`` : undefined,
    options.date,
    `region ${markdownText(doc.region)}`,
  ].filter((x) => x !== undefined);
  out.push(`_${subtitle.join(' · ')}_`, '');
  if (doc.description !== undefined) out.push(markdownText(doc.description), '');
  if (options.diagramFile !== undefined) {
    // Angle brackets keep a file name with spaces or parentheses one link target.
    out.push(
      `![Architecture diagram of ${markdownText(doc.name ?? 'the architecture')}](<${options.diagramFile.replace(/[<>\n]/g, '')}>)`,
      '',
    );
  } else {
    out.push(
      '_The diagram is written beside the document when it is exported to a file (`cloudarch export FILE --to markdown -o review.md`)._',
      '',
    );
  }
  for (const section of review.sections) {
    out.push(`## ${markdownText(section.title)}`, '');
    markdownBlocks(section.blocks, out);
  }
  out.push(
    '---',
    '',
    `_Generated by CloudArch${options.version !== undefined ? ` ${markdownText(options.version)}` : ''} from the offline catalog; figures are estimates, not AWS quotes._`,
  );
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------- HTML

function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Report text as HTML: escaped, its inline code in `<code>`. */
function htmlText(text: string): string {
  return inlineSegments(text)
    .map((segment) => (segment.code ? `<code>${html(segment.text)}</code>` : html(segment.text)))
    .join('');
}

/** A cell that is one short word (a rule id, a name, a number) is kept on one line when printed. */
function isShortWord(text: string): boolean {
  return text.length <= 24 && !/\s/.test(text);
}

function htmlBlocks(blocks: readonly ReportBlock[]): string {
  const out: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') out.push(`<p>${htmlText(block.text)}</p>`);
    else if (block.kind === 'heading') out.push(`<h3>${htmlText(block.text)}</h3>`);
    else if (block.kind === 'list') out.push(`<ul>${block.items.map((item) => `<li>${htmlText(item)}</li>`).join('')}</ul>`);
    else {
      const headerClass = (i: number) => (block.align?.[i] === 'right' ? ' class="num"' : '');
      const cellClass = (text: string, i: number) => {
        const classes = [
          block.align?.[i] === 'right' ? 'num' : text === 'NO' ? 'no' : undefined,
          isShortWord(text) ? 'word' : undefined,
        ].filter((c) => c !== undefined);
        return classes.length > 0 ? ` class="${classes.join(' ')}"` : '';
      };
      out.push(
        `<table><thead><tr>${block.headers.map((h, i) => `<th${headerClass(i)}>${html(h)}</th>`).join('')}</tr></thead><tbody>${block.rows
          .map((row) => `<tr>${row.map((cell, i) => `<td${cellClass(cell, i)}>${htmlText(cell)}</td>`).join('')}</tr>`)
          .join('')}</tbody></table>`,
      );
    }
  }
  return out.join('\n');
}

const stylesheet = `
:root { color-scheme: light; }
body { font-family: 'Segoe UI', 'Helvetica Neue', Arial, sans-serif; color: #16191f; background: #fff; margin: 2rem auto; max-width: 1100px; padding: 0 1.5rem; line-height: 1.45; }
h1 { font-size: 1.7rem; margin-bottom: .2rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid #e9ebed; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin-top: 1.2rem; }
.subtitle { color: #5f6b7a; margin-top: 0; }
figure { margin: 1rem 0; overflow-x: auto; }
figure svg { max-width: 100%; height: auto; display: block; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .9rem; width: 100%; }
th, td { border: 1px solid #d1d5db; padding: .3rem .5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #f2f3f3; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.no { color: #b0001e; font-weight: 600; }
td.word { white-space: nowrap; }
code { font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'DejaVu Sans Mono', monospace; font-size: .92em; background: #f2f3f3; border-radius: 3px; padding: 0 .2em; }
footer { color: #5f6b7a; font-size: .8rem; margin-top: 2rem; border-top: 1px solid #e9ebed; padding-top: .5rem; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
  @page { size: A4; margin: 14mm; }
  h2 { break-after: avoid; }
  h3 { break-after: avoid; }
  figure { overflow: visible; break-inside: avoid; }
  table { break-inside: auto; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
}
`;

/** The review as one self-contained HTML file; `diagramSvg` is the renderer's SVG, inlined. */
export function reviewHtml(
  doc: ArchDocument,
  result: EvaluationResult,
  options: ReviewOptions & { readonly diagramSvg?: string } = {},
): string {
  const review = buildReview(doc, result, options);
  const subtitle = [options.file, options.date, `region ${doc.region}`].filter((x) => x !== undefined).join(' · ');
  const parts: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // No script, no remote resource: the page works from a file, an e-mail or an archive.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${html(review.title)}</title>`,
    `<style>${stylesheet}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${html(review.title)}</h1>`,
    `<p class="subtitle">${html(subtitle)}</p>`,
  ];
  if (doc.description !== undefined) parts.push(`<p>${html(doc.description)}</p>`);
  if (options.diagramSvg !== undefined) parts.push(`<figure aria-label="Architecture diagram">${options.diagramSvg}</figure>`);
  for (const section of review.sections) parts.push(`<section><h2>${html(section.title)}</h2>`, htmlBlocks(section.blocks), '</section>');
  parts.push(
    '</main>',
    `<footer>Generated by CloudArch${options.version !== undefined ? ` ${html(options.version)}` : ''} from the offline catalog; figures are estimates, not AWS quotes.</footer>`,
    '</body>',
    '</html>',
    '',
  );
  return parts.join('\n');
}
