/**
 * The content of an evaluation report, independent of how it is printed: sections of paragraphs,
 * lists and tables. The text and Markdown renderers turn the same content into their format, so
 * the two reports never disagree.
 */
import type { ArchDocument } from '../../core/document';
import { findingSeverities } from '../../model/severities';
import type { AvailabilityResult, CostResult, EvaluationResult, SecurityResult, TargetResult } from '../types';
import { costHeadline } from '../cost/summary';

/** One block of a section. */
export type ReportBlock =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | {
      readonly kind: 'table';
      readonly headers: readonly string[];
      readonly rows: readonly (readonly string[])[];
      readonly align?: readonly ('left' | 'right')[];
      /** Too wide for a terminal: plain text prints each row as one list item built from its cells. */
      readonly textRow?: (row: readonly string[]) => string;
    }
  | { readonly kind: 'heading'; readonly text: string };

export interface ReportSection {
  readonly title: string;
  readonly blocks: readonly ReportBlock[];
}

export interface Report {
  readonly title: string;
  readonly sections: readonly ReportSection[];
}

/** Formats USD with cents and thousands separators; small unit prices keep their digits. */
export function usd(value: number, unitPrice = false): string {
  const v = Number.isFinite(value) ? value : 0;
  if (unitPrice && v !== 0 && Math.abs(v) < 0.01) return `$${Number(v.toPrecision(6))}`;
  return `${v < 0 ? '-' : ''}$${Math.abs(v).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: unitPrice ? 6 : 2 })}`;
}

/** A percentage with enough digits to tell nines apart. */
export function pct(value: number, digits = 6): string {
  return `${(Number.isFinite(value) ? value : 0).toFixed(digits)}%`;
}

/** A quantity without float noise. */
export function qty(value: number): string {
  const v = Number.isFinite(value) ? value : 0;
  return Number(v.toPrecision(10)).toLocaleString('en-US', { maximumFractionDigits: 4 });
}

function availabilitySection(a: AvailabilityResult): ReportSection {
  const blocks: ReportBlock[] = [
    {
      kind: 'paragraph',
      text: `System availability${a.method === 'monte-carlo-estimate' ? ' (estimated, not exact)' : ''}: ${pct(a.percent)}, about ${qty(Math.round(a.downtimeMinutesPerYear * 10) / 10)} minutes of downtime a year.`,
    },
    ...(a.note !== undefined ? [{ kind: 'paragraph' as const, text: a.note }] : []),
    {
      kind: 'paragraph',
      text:
        a.monteCarlo.samples > 0
          ? `Monte Carlo cross-check: ${pct(a.monteCarlo.percent)} over ${a.monteCarlo.samples.toLocaleString('en-US')} samples (seed ${a.monteCarlo.seed}), 95% interval ${pct(a.monteCarlo.ci95[0])} to ${pct(a.monteCarlo.ci95[1])}.`
          : 'Monte Carlo cross-check: skipped.',
    },
    { kind: 'paragraph', text: `Entry points: ${a.entryPoints.length > 0 ? a.entryPoints.join(', ') : 'none'}.` },
    { kind: 'heading', text: 'Single points of failure' },
    a.spof.length > 0 ? { kind: 'list', items: a.spof } : { kind: 'paragraph', text: 'None: no single unit failure stops the system.' },
    { kind: 'heading', text: 'Zone outages' },
  ];
  const zones = Object.entries(a.zoneOutage);
  blocks.push(
    zones.length > 0
      ? { kind: 'table', headers: ['Zone down', 'System still works'], rows: zones.map(([zone, r]) => [zone, r.works ? 'yes' : 'NO']) }
      : { kind: 'paragraph', text: 'No zonal resources.' },
  );
  const regions = Object.entries(a.regionOutage ?? {});
  if (regions.length > 1) {
    blocks.push(
      { kind: 'heading', text: 'Region outages' },
      {
        kind: 'table',
        headers: ['Region down', 'System still works'],
        rows: regions.map(([region, r]) => [region, r.works ? 'yes' : 'NO']),
      },
    );
  }
  blocks.push(
    { kind: 'heading', text: 'Probability that each resource works' },
    {
      kind: 'table',
      headers: ['Resource', 'Works'],
      align: ['left', 'right'],
      rows: Object.entries(a.byResource).map(([name, p]) => [name, pct(p)]),
    },
  );
  return { title: 'Availability', blocks };
}

function costSection(c: CostResult): ReportSection {
  const blocks: ReportBlock[] = [
    {
      kind: 'paragraph',
      text: `${costHeadline(c, usd(c.monthlyUSD), 'Estimated monthly cost:')} List prices from the dated snapshot; lines marked * are estimates.`,
    },
    { kind: 'heading', text: 'Line items' },
    {
      kind: 'table',
      headers: ['Resource', 'What', 'Quantity', 'Unit', 'Unit price', 'Monthly'],
      align: ['left', 'left', 'right', 'left', 'right', 'right'],
      rows: c.lineItems.map((l) => [
        l.resource,
        `${l.what}${l.estimate ? ' *' : ''}`,
        qty(l.quantity),
        l.unit,
        usd(l.unitPriceUSD, true),
        usd(l.monthlyUSD),
      ]),
    },
    { kind: 'heading', text: 'By resource' },
    {
      kind: 'table',
      headers: ['Resource', 'Monthly'],
      align: ['left', 'right'],
      rows: Object.entries(c.byResource)
        .sort((x, y) => y[1] - x[1])
        .map(([name, v]) => [name, usd(v)]),
    },
  ];
  const optionRows = Object.entries(c.purchaseOptions);
  if (optionRows.length > 0) {
    const options = [...new Set(optionRows.flatMap(([, table]) => Object.keys(table)))];
    blocks.push(
      { kind: 'heading', text: 'Purchase options (monthly cost of the resource under each)' },
      {
        kind: 'table',
        headers: ['Resource', ...options],
        align: ['left', ...options.map(() => 'right' as const)],
        rows: optionRows.map(([name, table]) => [name, ...options.map((o) => (table[o] === undefined ? '-' : usd(table[o]!)))]),
      },
    );
  }
  blocks.push({ kind: 'heading', text: 'Suggestions' });
  blocks.push(
    c.alternatives.length > 0
      ? {
          kind: 'table',
          headers: ['Resource', 'Change', 'Monthly after', 'Saving'],
          align: ['left', 'left', 'right', 'right'],
          rows: c.alternatives.map((a) => [a.resource, a.change, usd(a.monthlyUSD), usd(a.savingUSD)]),
        }
      : { kind: 'paragraph', text: 'None.' },
  );
  if (c.unpriced.length > 0) {
    blocks.push(
      { kind: 'heading', text: 'Not priced' },
      { kind: 'list', items: c.unpriced.map((u) => `${u.resource}: ${u.what}: ${u.reason}`) },
    );
  }
  return { title: 'Cost', blocks };
}

function securitySection(s: SecurityResult, file: string | undefined): ReportSection {
  const counts = findingSeverities.map((sev) => `${s.counts[sev] ?? 0} ${sev}`).join(', ');
  const blocks: ReportBlock[] = [
    { kind: 'paragraph', text: `${s.findings.length} finding${s.findings.length === 1 ? '' : 's'}: ${counts}.` },
  ];
  if (s.findings.length > 0) {
    blocks.push(
      { kind: 'heading', text: 'Findings' },
      {
        kind: 'table',
        headers: ['Severity', 'Rule', 'Resource', 'Location', 'Finding', 'Remediation'],
        rows: s.findings.map((f) => [
          f.severity,
          f.ruleId,
          f.resource,
          `${file ? `${file}:` : ''}${f.range.start.line + 1}:${f.range.start.character + 1}`,
          f.message,
          f.remediation,
        ]),
        textRow: (row) => `${row[0]} ${row[1]} ${row[2]} (${row[3]}): ${row[4]} Fix: ${row[5]}`,
      },
    );
  }
  const paths = s.exposurePaths ?? [];
  blocks.push({ kind: 'heading', text: 'Exposure paths from the internet to data stores' });
  blocks.push(
    paths.length > 0
      ? {
          kind: 'list',
          items: paths.map(
            (p) =>
              `${p.dataStore} (${p.entry}): internet -> ${p.hops.map((h) => (h.port === undefined ? h.resource : `${h.resource}:${h.port}`)).join(' -> ')}`,
          ),
        }
      : { kind: 'paragraph', text: 'None: no data store is reachable from the internet.' },
  );
  return { title: 'Security', blocks };
}

function targetsSection(targets: readonly TargetResult[]): ReportSection {
  if (targets.length === 0)
    return { title: 'Targets', blocks: [{ kind: 'paragraph', text: 'No targets are set (or the evaluations they need were not run).' }] };
  const show = (t: TargetResult, v: number | string) =>
    typeof v === 'number' ? (t.target === 'monthlyBudget' ? usd(v) : t.target === 'availability' ? pct(v) : String(v)) : v;
  return {
    title: 'Targets',
    blocks: [
      {
        kind: 'table',
        headers: ['Target', 'Goal', 'Actual', 'Met'],
        rows: targets.map((t) => [t.target, show(t, t.goal), show(t, t.actual), t.met ? 'yes' : 'NO']),
      },
    ],
  };
}

/** Builds the report of an evaluation (only the sections whose evaluation ran). */
export function buildReport(doc: ArchDocument, result: EvaluationResult, file?: string): Report {
  const sections: ReportSection[] = [];
  if (result.availability) sections.push(availabilitySection(result.availability));
  if (result.cost) sections.push(costSection(result.cost));
  if (result.security) sections.push(securitySection(result.security, file));
  sections.push(targetsSection(result.targets));
  return { title: `CloudArch evaluation: ${doc.name ?? file ?? 'architecture'}`, sections };
}
