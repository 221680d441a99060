/**
 * What the editor needs from an evaluation while the user types, cut down from the full
 * `EvaluationResult`: the headline figures (CodeLens, status bar), the per-resource figures (inlay
 * hints, hover) and the findings as LSP diagnostics, already serialised.
 *
 * The full result of 1,000 resources is megabytes of line items, exposure paths and fixes; moving it
 * between threads and converting it on every keystroke cost more than computing it. The evaluation
 * worker keeps the full result and hands out this much smaller view; reports and previews ask the
 * worker for the rest on demand.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { ArchDiagnostic, ArchDocument, FixPayload } from '../core/document';
import { findingDiagnostics } from '../evaluate/index';
import type { EvaluationResult, FindingSeverity, SecurityFinding, TargetResult } from '../evaluate/types';
import { toLspDiagnostic } from './diagnostics';
import { unpricedByResource } from '../evaluate/cost/summary';

/**
 * The figures the editor views read. `EvaluationResult` has this shape too (it has more), so every
 * view accepts either.
 */
export interface EvaluationFigures {
  readonly availability?: {
    readonly percent: number;
    readonly byResource: Readonly<Record<string, number>>;
    readonly spof: readonly string[];
  };
  readonly cost?: {
    readonly monthlyUSD: number;
    readonly byResource: Readonly<Record<string, number>>;
    /** Items the total leaves out (the total is then a lower bound), and their count per resource. */
    readonly unpricedCount?: number;
    readonly unpricedByResource?: Readonly<Record<string, number>>;
  };
  readonly security?: { readonly counts: Readonly<Record<FindingSeverity, number>> };
  readonly targets: readonly TargetResult[];
}

/** The figures of a full result, as plain data that crosses a thread boundary cheaply. */
export function figuresOf(result: EvaluationResult): EvaluationFigures {
  const { availability, cost, security } = result;
  return {
    ...(availability ? { availability: { percent: availability.percent, byResource: availability.byResource, spof: availability.spof } } : {}),
    ...(cost ? { cost: { monthlyUSD: cost.monthlyUSD, byResource: cost.byResource, unpricedCount: cost.unpriced.length, unpricedByResource: unpricedByResource(cost) } } : {}),
    ...(security ? { security: { counts: security.counts } } : {}),
    targets: result.targets,
  };
}

/** Finding severities from the most to the least severe. */
export const findingSeverities: readonly FindingSeverity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** Whether a finding of `severity` is shown live when the least severe shown is `minimum`. */
export function severityShownLive(severity: FindingSeverity, minimum: FindingSeverity): boolean {
  return findingSeverities.indexOf(severity) <= findingSeverities.indexOf(minimum);
}

/** The evaluation's diagnostics as a JSON array body (elements joined by commas, no brackets). */
export interface EncodedDiagnostics {
  /** `""` when there are none; otherwise `{...},{...}`, ready to splice into a JSON array. */
  readonly json: string;
  readonly count: number;
  /**
   * Per element: the offset in `json` where it ends, its first line and its last line (three
   * numbers each), so the elements on lines an edit left alone can be kept without decoding.
   */
  readonly layout?: Int32Array;
  /**
   * Names this list among those the encoders of this thread made, so a receiver that already holds
   * it can be told "the same as list N" instead of being sent it again.
   */
  readonly serial?: number;
}

let lastSerial = 0;

/** Joins encoded elements and records where each ends and which lines it covers. */
function join(parts: readonly string[], ranges: readonly { start: { line: number }; end: { line: number } }[]): EncodedDiagnostics {
  const layout = new Int32Array(parts.length * 3);
  let offset = 0;
  parts.forEach((part, index) => {
    offset += (index > 0 ? 1 : 0) + part.length;
    layout[index * 3] = offset;
    layout[index * 3 + 1] = ranges[index]!.start.line;
    layout[index * 3 + 2] = ranges[index]!.end.line;
  });
  return { json: parts.join(','), count: parts.length, layout, serial: ++lastSerial };
}

/**
 * Turns evaluation results into the JSON of their LSP diagnostics, remembering the text of every
 * finding: the security evaluation hands back the very same finding object for a resource the edit
 * did not touch, so after a one-character edit only the edited resource's findings are converted and
 * serialised again. One encoder per document (the URI appears in related locations).
 */
export class DiagnosticsEncoder {
  private readonly findingJson = new WeakMap<SecurityFinding, string>();
  private readonly diagnosticJson = new WeakMap<ArchDiagnostic, string>();
  /** The last lists encoded, per kind: an equal list is answered with the same object, not joined again. */
  private readonly last: Record<'document' | 'evaluation', { parts: readonly string[]; encoded: EncodedDiagnostics } | undefined> = { document: undefined, evaluation: undefined };

  constructor(private readonly uri: string) {}

  /**
   * Joins the parts, or answers the previous list itself when every part is the same text: typing
   * that changes no diagnostic (most keystrokes) then costs no join, and the server can tell that
   * nothing changed by identity.
   */
  private joined(kind: 'document' | 'evaluation', parts: readonly string[], ranges: readonly ArchDiagnostic['range'][]): EncodedDiagnostics {
    const last = this.last[kind];
    if (last !== undefined && last.parts.length === parts.length && parts.every((part, index) => part === last.parts[index])) return last.encoded;
    const encoded = join(parts, ranges);
    this.last[kind] = { parts, encoded };
    return encoded;
  }

  /** The document's own diagnostics (syntax, schema, references), remembered per diagnostic object. */
  encodeDocument(doc: ArchDocument): EncodedDiagnostics {
    const parts: string[] = [];
    const ranges: ArchDiagnostic['range'][] = [];
    for (const diagnostic of doc.diagnostics) {
      let json = this.diagnosticJson.get(diagnostic);
      if (json === undefined) {
        json = JSON.stringify(toLspDiagnostic(diagnostic, this.uri));
        this.diagnosticJson.set(diagnostic, json);
      }
      parts.push(json);
      ranges.push(diagnostic.range);
    }
    return this.joined('document', parts, ranges);
  }

  /** The diagnostics to publish live: findings at least as severe as `minimum`, and missed targets. */
  encode(result: EvaluationResult, minimum: FindingSeverity): EncodedDiagnostics {
    const findings = result.security?.findings ?? [];
    const shown = this.shownFindings(result, findings, minimum);
    const parts = [...shown.parts];
    const ranges = [...shown.ranges];
    // The remaining diagnostics (missed targets) are few and change with every figure: convert them each time.
    for (const diagnostic of result.diagnostics.slice(findings.length)) {
      parts.push(JSON.stringify(toLspDiagnostic(diagnostic, this.uri)));
      ranges.push(diagnostic.range);
    }
    return this.joined('evaluation', parts, ranges);
  }

  /** The last findings encoded: the same finding objects in the same order give the same parts. */
  private lastShown: { readonly findings: readonly SecurityFinding[]; readonly minimum: FindingSeverity; readonly parts: readonly string[]; readonly ranges: readonly ArchDiagnostic['range'][] } | undefined;

  /**
   * The JSON of the findings shown live, in order. The security evaluation hands back the same
   * finding objects for unchanged resources, so after most keystrokes the list is the previous one
   * element for element, and a comparison of references replaces the lookups.
   */
  private shownFindings(result: EvaluationResult, findings: readonly SecurityFinding[], minimum: FindingSeverity): { readonly parts: readonly string[]; readonly ranges: readonly ArchDiagnostic['range'][] } {
    const last = this.lastShown;
    if (last !== undefined && last.minimum === minimum && last.findings.length === findings.length && findings.every((finding, index) => finding === last.findings[index])) return last;
    const missing: SecurityFinding[] = [];
    for (const finding of findings) {
      if (severityShownLive(finding.severity, minimum) && !this.findingJson.has(finding)) missing.push(finding);
    }
    if (missing.length > 0 && result.security) {
      // findingDiagnostics is the one place that says how a finding reads in the editor; it maps in order.
      const converted = findingDiagnostics({ ...result.security, findings: missing });
      missing.forEach((finding, index) => this.findingJson.set(finding, JSON.stringify(toLspDiagnostic(converted[index]!, this.uri, { keepFixes: true }))));
    }
    const parts: string[] = [];
    const ranges: ArchDiagnostic['range'][] = [];
    for (const finding of findings) {
      const json = this.findingJson.get(finding);
      if (json !== undefined && severityShownLive(finding.severity, minimum)) {
        parts.push(json);
        ranges.push(finding.range);
      }
    }
    this.lastShown = { findings: [...findings], minimum, parts, ranges };
    return this.lastShown;
  }
}

/**
 * The fixes of the findings the client sends back with a code-action request, looked up in the
 * evaluation that published them (their `data` says only how many fixes they have). A finding is
 * recognised by its rule and resource; when a resource has several findings of one rule, by its
 * message and range too. The answer is the fixes as the evaluation made them, for the text it
 * evaluated; a diagnostic no finding matches any more gets none.
 */
export function fixesOfKeptFindings(result: EvaluationResult, diagnostics: readonly Diagnostic[]): (readonly FixPayload[])[] {
  const findings = result.security?.findings ?? [];
  const byRuleAndResource = new Map<string, SecurityFinding[]>();
  for (const finding of findings) {
    if (finding.fix === undefined) continue;
    const key = `${finding.ruleId}\u0000${finding.resource}`;
    const list = byRuleAndResource.get(key);
    if (list) list.push(finding);
    else byRuleAndResource.set(key, [finding]);
  }
  return diagnostics.map((diagnostic) => {
    const resource = (diagnostic.data as { resource?: unknown } | undefined)?.resource;
    if (typeof resource !== 'string') return [];
    const candidates = byRuleAndResource.get(`${String(diagnostic.code)}\u0000${resource}`) ?? [];
    // The diagnostic comes from the client: its range may be missing or malformed.
    const range = diagnostic.range as Partial<Diagnostic['range']> | undefined;
    const sameRange = (finding: SecurityFinding) =>
      finding.range.start.line === range?.start?.line &&
      finding.range.start.character === range?.start?.character &&
      finding.range.end.line === range?.end?.line &&
      finding.range.end.character === range?.end?.character;
    const sameMessage = (finding: SecurityFinding) => finding.message === diagnostic.message;
    const match =
      candidates.length === 1
        ? candidates[0]
        : (candidates.find((finding) => sameMessage(finding) && sameRange(finding)) ?? candidates.find(sameMessage) ?? candidates.find(sameRange));
    return match?.fix ? [match.fix] : [];
  });
}
