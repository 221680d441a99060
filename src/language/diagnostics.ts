/**
 * The document's own diagnostics and the evaluations' findings as LSP diagnostics. The fixes travel
 * in `Diagnostic.data` so code actions are built from them, never re-derived (house style).
 */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import type { ArchDiagnostic, FixPayload, Severity } from '../core/document';

/** What a CloudArch diagnostic carries in `data`. */
export interface DiagnosticData {
  readonly fixes: readonly FixPayload[];
  readonly resource?: string;
}

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** One CloudArch diagnostic as an LSP diagnostic of the document at `uri`. */
export function toLspDiagnostic(diagnostic: ArchDiagnostic, uri: string): Diagnostic {
  const data: DiagnosticData = { fixes: diagnostic.fixes ?? [], ...(diagnostic.resource ? { resource: diagnostic.resource } : {}) };
  const result: Diagnostic = {
    range: diagnostic.range,
    severity: severities[diagnostic.severity],
    code: diagnostic.code,
    source: diagnostic.source,
    message: diagnostic.message,
    data,
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
