/**
 * The evaluations as editor views: the CodeLens at the top of the file, the inlay hint after each
 * resource's name, the reports behind the CodeLens commands, and the status-bar summary. One engine,
 * many views: everything here only formats an `EvaluationResult`.
 */
import { InlayHintKind, type CodeLens, type InlayHint, type Range } from 'vscode-languageserver-types';
import type { ArchDocument } from '../core/document';
import type { EvaluationResult, FindingSeverity } from '../evaluate/types';
import { costFigureText, costHeadline, unpricedIn } from '../evaluate/cost/summary';
import { findingSeverities, severityRank } from '../model/severities';
import { reportCommands, type ReportKind, type SummaryResult } from '../protocol/requests';
import type { EvaluationFigures } from '../evaluate/figures';
import { scenarioLenses } from './scenario-lenses';
import { formatPercent, formatUSD, splitLines } from './text-utils';

/** `2 high, 3 medium findings`, or `no findings`. */
export function findingsText(counts: Readonly<Record<FindingSeverity, number>>): string {
  const present = findingSeverities.filter((severity) => (counts[severity] ?? 0) > 0);
  if (present.length === 0) return 'no findings';
  const total = present.reduce((sum, severity) => sum + counts[severity], 0);
  return `${present.map((severity) => `${counts[severity]} ${severity}`).join(', ')} finding${total === 1 ? '' : 's'}`;
}

/** The headline CodeLens sits at the top of the file, above any leading comments, where it is seen first. */
function headlineRange(): Range {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

/** The headline CodeLens: `Availability 99.95%`, `$1,234/month`, `2 high, 3 medium findings`, each opening its report. */
export function codeLenses(doc: ArchDocument, result: EvaluationFigures | undefined, uri: string): CodeLens[] {
  // The scenarios' "▶ Simulate" lenses need no evaluation.
  if (!result) return scenarioLenses(doc, uri);
  const range = headlineRange();
  const lens = (kind: ReportKind, title: string): CodeLens => ({
    range,
    command: { title, command: reportCommands[kind], arguments: [uri] },
  });
  const lenses: CodeLens[] = [];
  const missed = (target: string) => result.targets.some((entry) => entry.target === target && !entry.met);
  if (result.availability)
    lenses.push(
      lens('availability', `Availability ${formatPercent(result.availability.percent)}${missed('availability') ? ' (below target)' : ''}`),
    );
  if (result.cost)
    lenses.push(
      lens(
        'cost',
        `${costFigureText(`${formatUSD(result.cost.monthlyUSD)}/month`, unpricedIn(result.cost))}${missed('monthlyBudget') ? ' (over budget)' : ''}`,
      ),
    );
  if (result.security) lenses.push(lens('security', findingsText(result.security.counts)));
  return [...lenses, ...scenarioLenses(doc, uri)];
}

/** `$30.37/mo · 99.50%` after each resource's name, for resources in `range`. */
export function inlayHints(doc: ArchDocument, result: EvaluationFigures | undefined, range: Range): InlayHint[] {
  if (!result) return [];
  const lines = splitLines(doc.text);
  const hints: InlayHint[] = [];
  for (const resource of doc.resources) {
    const line = resource.nameRange.start.line;
    if (line < range.start.line || line > range.end.line) continue;
    const parts: string[] = [];
    const cost = result.cost?.byResource[resource.name];
    if (cost !== undefined && Number.isFinite(cost))
      parts.push(costFigureText(`${formatUSD(cost, { cents: true })}/mo`, result.cost ? unpricedIn(result.cost, resource.name) : 0));
    const availability = result.availability?.byResource[resource.name];
    if (availability !== undefined && Number.isFinite(availability)) parts.push(formatPercent(availability));
    if (parts.length === 0) continue;
    const text = lines[line] ?? '';
    // After the name line's content, before any trailing comment would read oddly; the end is simplest.
    hints.push({
      position: { line, character: text.length },
      label: parts.join(' · '),
      kind: InlayHintKind.Type,
      paddingLeft: true,
      tooltip:
        'Monthly cost and the probability that this resource works (up, and every hard dependency working), from the CloudArch evaluations.',
    });
  }
  return hints;
}

/** The headline figures of a document for the status bar. */
export function summary(
  uri: string,
  version: number,
  doc: ArchDocument | { readonly errorCount: number },
  result: EvaluationFigures | undefined,
): SummaryResult {
  // The server may know the error count without a parse of its own (the evaluation worker counted them).
  const errors = 'errorCount' in doc ? doc.errorCount : doc.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  const missedTargets = (result?.targets ?? [])
    .filter((target) => !target.met)
    .map((target) => `${target.target}: ${target.actual} (goal ${target.goal})`);
  const parts: string[] = [];
  if (result?.availability) parts.push(formatPercent(result.availability.percent));
  if (result?.cost) parts.push(costFigureText(`${formatUSD(result.cost.monthlyUSD)}/mo`, unpricedIn(result.cost)));
  if (result?.security) parts.push(findingsText(result.security.counts));
  if (errors > 0) parts.unshift(`${errors} error${errors === 1 ? '' : 's'}`);
  return {
    uri,
    version,
    ...(result?.availability ? { availabilityPercent: result.availability.percent } : {}),
    ...(result?.cost ? { monthlyUSD: result.cost.monthlyUSD, unpricedCount: unpricedIn(result.cost) } : {}),
    ...(result?.security ? { findings: result.security.counts } : {}),
    missedTargets,
    errors,
    text: parts.join(' · ') || 'not evaluated',
  };
}

/** A report as blocks, rendered to both Markdown and HTML so the two never drift. */
type Block =
  | { readonly kind: 'heading'; readonly level: 1 | 2; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | { readonly kind: 'table'; readonly headers: readonly string[]; readonly rows: readonly (readonly string[])[] };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function toMarkdown(blocks: readonly Block[]): string {
  return blocks
    .map((block) => {
      switch (block.kind) {
        case 'heading':
          return `${'#'.repeat(block.level)} ${block.text}`;
        case 'paragraph':
          return block.text;
        case 'list':
          return block.items.map((item) => `- ${item}`).join('\n');
        case 'table':
          return [
            `| ${block.headers.join(' | ')} |`,
            `| ${block.headers.map(() => '---').join(' | ')} |`,
            ...block.rows.map((row) => `| ${row.map(escapeCell).join(' | ')} |`),
          ].join('\n');
      }
    })
    .join('\n\n');
}

function toHtml(blocks: readonly Block[]): string {
  return blocks
    .map((block) => {
      switch (block.kind) {
        case 'heading':
          return `<h${block.level}>${escapeHtml(block.text)}</h${block.level}>`;
        case 'paragraph':
          return `<p>${escapeHtml(block.text)}</p>`;
        case 'list':
          return `<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
        case 'table':
          return `<table><thead><tr>${block.headers.map((header) => `<th>${escapeHtml(header)}</th>`).join('')}</tr></thead><tbody>${block.rows
            .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
            .join('')}</tbody></table>`;
      }
    })
    .join('\n');
}

function targetsBlocks(result: EvaluationResult, only: readonly string[]): Block[] {
  const targets = result.targets.filter((target) => only.includes(target.target));
  if (targets.length === 0) return [];
  return [
    { kind: 'heading', level: 2, text: 'Targets' },
    {
      kind: 'table',
      headers: ['Target', 'Goal', 'Actual', 'Met'],
      rows: targets.map((target) => [target.target, String(target.goal), String(target.actual), target.met ? 'yes' : 'NO']),
    },
  ];
}

function availabilityBlocks(name: string, result: EvaluationResult): Block[] {
  const availability = result.availability;
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: `Availability — ${name}` }];
  if (!availability)
    return [...blocks, { kind: 'paragraph', text: 'The availability evaluation has no result for this file (fix the errors first).' }];
  blocks.push({
    kind: 'paragraph',
    text: `System availability ${availability.percent.toFixed(6)}%: about ${availability.downtimeMinutesPerYear.toFixed(1)} minutes of downtime a year.`,
  });
  blocks.push({ kind: 'paragraph', text: `Entry points: ${availability.entryPoints.join(', ') || 'none'}.` });
  blocks.push({ kind: 'heading', level: 2, text: 'Single points of failure' });
  blocks.push(
    availability.spof.length > 0
      ? { kind: 'list', items: [...availability.spof] }
      : { kind: 'paragraph', text: 'None: no single unit failure stops the system.' },
  );
  for (const [what, outages] of [
    ['Zone', availability.zoneOutage],
    ['Region', availability.regionOutage],
  ] as const) {
    const outcomes = Object.entries(outages);
    if (outcomes.length === 0) continue;
    blocks.push({ kind: 'heading', level: 2, text: `${what} outages` });
    blocks.push({
      kind: 'table',
      headers: [`${what} down`, 'System still works'],
      rows: outcomes.map(([place, outcome]) => [place, outcome.works ? 'yes' : 'NO']),
    });
  }
  blocks.push({ kind: 'heading', level: 2, text: 'Per resource' });
  blocks.push(byResourceTable('Works (%)', availability.byResource, 1, (percent) => percent.toFixed(4)));
  const carlo = availability.monteCarlo;
  blocks.push({
    kind: 'paragraph',
    text:
      carlo.samples > 0
        ? `Monte Carlo cross-check: ${carlo.samples.toLocaleString('en-US')} samples (seed ${carlo.seed}), ${carlo.percent.toFixed(4)}%, 95% interval ${carlo.ci95[0].toFixed(4)}%–${carlo.ci95[1].toFixed(4)}%.`
        : 'Monte Carlo cross-check: not run for this view.',
  });
  return [...blocks, ...targetsBlocks(result, ['availability'])];
}

/** A two-column table of a figure per resource, sorted by the figure (`order` 1: lowest first, -1: highest first). */
function byResourceTable(
  heading: string,
  figures: Readonly<Record<string, number>>,
  order: 1 | -1,
  shown: (figure: number) => string,
): Block {
  return {
    kind: 'table',
    headers: ['Resource', heading],
    rows: Object.entries(figures)
      .sort((a, b) => order * (a[1] - b[1]))
      .map(([resource, figure]) => [resource, shown(figure)]),
  };
}

function costBlocks(name: string, result: EvaluationResult): Block[] {
  const cost = result.cost;
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: `Cost — ${name}` }];
  if (!cost) return [...blocks, { kind: 'paragraph', text: 'The cost evaluation has no result for this file (fix the errors first).' }];
  blocks.push({ kind: 'paragraph', text: costHeadline(cost, formatUSD(cost.monthlyUSD, { cents: true })) });
  blocks.push({ kind: 'heading', level: 2, text: 'By resource' });
  blocks.push(byResourceTable('USD / month', cost.byResource, -1, (usd) => formatUSD(usd, { cents: true })));
  blocks.push({ kind: 'heading', level: 2, text: 'Line items' });
  blocks.push({
    kind: 'table',
    headers: ['Resource', 'What', 'Quantity', 'Unit price', 'USD / month', 'Source'],
    rows: cost.lineItems.map((item) => [
      item.resource,
      item.what,
      `${Number(item.quantity.toFixed(4))} ${item.unit}`,
      `$${item.unitPriceUSD}`,
      formatUSD(item.monthlyUSD, { cents: true }) + (item.estimate ? ' (estimate)' : ''),
      item.priceSource,
    ]),
  });
  if (cost.alternatives.length > 0) {
    blocks.push({ kind: 'heading', level: 2, text: 'Savings' });
    blocks.push({
      kind: 'list',
      items: cost.alternatives.map(
        (alternative) =>
          `${alternative.resource}: ${alternative.change} saves ${formatUSD(alternative.savingUSD, { cents: true })}/month (${formatUSD(alternative.monthlyUSD, { cents: true })}/month)`,
      ),
    });
  }
  if (cost.unpriced.length > 0) {
    blocks.push({ kind: 'heading', level: 2, text: 'Not priced' });
    blocks.push({ kind: 'list', items: cost.unpriced.map((entry) => `${entry.resource}: ${entry.what} — ${entry.reason}`) });
  }
  return [...blocks, ...targetsBlocks(result, ['monthlyBudget'])];
}

function securityBlocks(name: string, result: EvaluationResult): Block[] {
  const security = result.security;
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: `Security — ${name}` }];
  if (!security)
    return [...blocks, { kind: 'paragraph', text: 'The security evaluation has no result for this file (fix the errors first).' }];
  blocks.push({ kind: 'paragraph', text: `${findingsText(security.counts)}.` });
  const findings = [...security.findings].sort((a, b) => severityRank[a.severity] - severityRank[b.severity]);
  if (findings.length > 0) {
    blocks.push({
      kind: 'table',
      headers: ['Severity', 'Rule', 'Resource', 'Line', 'Finding', 'Remediation', 'Checkov / Security Hub', 'Responsibility'],
      rows: findings.map((finding) => [
        finding.severity,
        finding.ruleId,
        finding.resource,
        String(finding.range.start.line + 1),
        finding.message,
        finding.remediation,
        [...(finding.checkov ?? []), ...(finding.securityHub ?? [])].join(', ') || '—',
        finding.responsibility,
      ]),
    });
  }
  const hop = (step: { resource: string; port?: number | 'all' }) =>
    step.port !== undefined ? `${step.resource}:${step.port}` : step.resource;
  const paths = security.exposurePaths ?? [];
  if (paths.length > 0) {
    blocks.push({ kind: 'heading', level: 2, text: 'Exposure paths from the internet' });
    blocks.push({
      kind: 'list',
      items: paths.map((path) => `${path.dataStore} (via ${path.entry}): internet → ${path.hops.map(hop).join(' → ')}`),
    });
  } else {
    const exposures = findings.filter((finding) => finding.exposurePath && finding.exposurePath.length > 0);
    if (exposures.length > 0) {
      blocks.push({ kind: 'heading', level: 2, text: 'Exposure paths from the internet' });
      blocks.push({
        kind: 'list',
        items: exposures.map((finding) => `${finding.ruleId} ${finding.resource}: ${finding.exposurePath!.map(hop).join(' → ')}`),
      });
    }
  }
  return [...blocks, ...targetsBlocks(result, ['maxFindingSeverity'])];
}

/** The report of one evaluation, as Markdown and HTML. */
export function report(
  kind: ReportKind,
  doc: ArchDocument,
  result: EvaluationResult | undefined,
): { title: string; markdown: string; html: string } {
  const name = doc.name ?? 'architecture';
  let blocks: Block[];
  if (!result) {
    blocks = [
      { kind: 'heading', level: 1, text: name },
      { kind: 'paragraph', text: 'This file has not been evaluated: fix its errors, or wait for the evaluation to finish.' },
    ];
  } else if (kind === 'availability') blocks = availabilityBlocks(name, result);
  else if (kind === 'cost') blocks = costBlocks(name, result);
  else blocks = securityBlocks(name, result);
  const title = (blocks[0] as { text: string }).text;
  return { title, markdown: toMarkdown(blocks), html: toHtml(blocks) };
}
