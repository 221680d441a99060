/**
 * The document's own diagnostics and the evaluations' findings as LSP diagnostics. The fixes travel
 * in `Diagnostic.data` so code actions are built from them, never re-derived (house style), with one
 * exception: the findings the server publishes while the user types leave their fixes with the
 * evaluation that found them and say only how many there are (`keptFixes`); the server looks them up
 * in that evaluation when the editor asks for code actions (see `fixesOfKeptFindings`).
 */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import type { ArchDiagnostic, FixPayload, Severity } from '../core/document';
import type { EvaluationResult, SecurityFinding } from '../evaluate/types';

/** What a CloudArch diagnostic carries in `data`. */
export interface DiagnosticData {
  /** The fixes, when the diagnostic carries them itself. */
  readonly fixes?: readonly FixPayload[];
  readonly resource?: string;
  /** How many fixes the evaluation that found this finding keeps for it, instead of `fixes`. */
  readonly keptFixes?: number;
}

/** How a diagnostic is converted. */
export interface LspDiagnosticOptions {
  /**
   * Leave the fixes out and record only how many there are (`keptFixes`). For live findings: a
   * thousand-resource file has thousands of them, and their fixes were 40% of every publication.
   */
  readonly keepFixes?: boolean;
}

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** One CloudArch diagnostic as an LSP diagnostic of the document at `uri`. */
export function toLspDiagnostic(diagnostic: ArchDiagnostic, uri: string, options: LspDiagnosticOptions = {}): Diagnostic {
  const fixes = diagnostic.fixes ?? [];
  const resource = diagnostic.resource ? { resource: diagnostic.resource } : {};
  // A live finding without fixes needs no data at all: nothing asks for its fixes.
  const data: DiagnosticData | undefined = !options.keepFixes
    ? { fixes, ...resource }
    : fixes.length > 0
      ? { ...resource, keptFixes: fixes.length }
      : undefined;
  const result: Diagnostic = {
    range: diagnostic.range,
    severity: severities[diagnostic.severity],
    code: diagnostic.code,
    source: diagnostic.source,
    message: diagnostic.message,
    ...(data ? { data } : {}),
  };
  if (diagnostic.related && diagnostic.related.length > 0) {
    result.relatedInformation = diagnostic.related.map((related) => ({
      message: related.message,
      location: { uri, range: related.range },
    }));
  }
  if (diagnostic.tags && diagnostic.tags.length > 0) {
    result.tags = diagnostic.tags.map((tag) => (tag === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated));
  }
  return result;
}

/** Reads the fixes back from a diagnostic the client returns with a code-action request. */
export function fixesOf(diagnostic: Diagnostic): readonly FixPayload[] {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (!data || !Array.isArray(data.fixes)) return [];
  return data.fixes.filter((fix): fix is FixPayload => typeof fix?.title === 'string' && Array.isArray(fix.edits));
}

/** How many fixes the server keeps for a diagnostic the client returns (0 when it carries its own or has none). */
export function keptFixCount(diagnostic: Diagnostic): number {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  const count = data?.keptFixes;
  return typeof count === 'number' && Number.isInteger(count) && count > 0 && !Array.isArray(data?.fixes) ? count : 0;
}

/** The diagnostic with the fixes the server kept for it put back into its `data`. */
export function withFixes(diagnostic: Diagnostic, fixes: readonly FixPayload[]): Diagnostic {
  const data = (diagnostic.data ?? {}) as DiagnosticData;
  return { ...diagnostic, data: { ...data, fixes } satisfies DiagnosticData };
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
        : (candidates.find((finding) => sameMessage(finding) && sameRange(finding)) ??
          candidates.find(sameMessage) ??
          candidates.find(sameRange));
    return match?.fix ? [match.fix] : [];
  });
}
