/**
 * The document's own diagnostics and the evaluations' findings as LSP diagnostics. The fixes travel
 * in `Diagnostic.data` so code actions are built from them, never re-derived (house style), with one
 * exception: the findings the server publishes while the user types leave their fixes with the
 * evaluation that found them and say only how many there are (`keptFixes`); the server looks them up
 * in that evaluation when the editor asks for code actions (see `fixesOfKeptFindings`).
 */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import type { ArchDiagnostic, FixPayload, Severity } from '../core/document';

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
  const data: DiagnosticData | undefined = !options.keepFixes ? { fixes, ...resource } : fixes.length > 0 ? { ...resource, keptFixes: fixes.length } : undefined;
  const result: Diagnostic = {
    range: diagnostic.range,
    severity: severities[diagnostic.severity],
    code: diagnostic.code,
    source: diagnostic.source,
    message: diagnostic.message,
    ...(data ? { data } : {}),
  };
  if (diagnostic.related && diagnostic.related.length > 0) {
    result.relatedInformation = diagnostic.related.map((related) => ({ message: related.message, location: { uri, range: related.range } }));
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
