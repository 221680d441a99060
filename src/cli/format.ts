/**
 * How diagnostics are printed: `file:line:col: severity code: message` (1-based) for people and
 * editors' problem matchers, and JSON with LSP ranges (0-based) for tools.
 */
import type { ArchDiagnostic } from '../core/document';
import type { CliIO } from './io';

/** The word printed for each severity. */
export function severityWord(severity: ArchDiagnostic['severity']): string {
  return severity === 'information' ? 'info' : severity;
}

/** One diagnostic as a text line. */
export function diagnosticLine(file: string, diagnostic: ArchDiagnostic): string {
  const { line, character } = diagnostic.range.start;
  return `${file}:${line + 1}:${character + 1}: ${severityWord(diagnostic.severity)} ${diagnostic.code}: ${diagnostic.message}`;
}

/** Counts by severity. */
export function countBySeverity(diagnostics: readonly ArchDiagnostic[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === 'error') errors++;
    else if (diagnostic.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}

/** A diagnostic as plain JSON data (LSP ranges, fixes as edits). */
export function diagnosticJson(diagnostic: ArchDiagnostic): Record<string, unknown> {
  return {
    code: diagnostic.code,
    severity: diagnostic.severity,
    message: diagnostic.message,
    range: diagnostic.range,
    source: diagnostic.source,
    ...(diagnostic.resource !== undefined ? { resource: diagnostic.resource } : {}),
    ...(diagnostic.related !== undefined ? { related: diagnostic.related } : {}),
    ...(diagnostic.fixes !== undefined ? { fixes: diagnostic.fixes } : {}),
  };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** `2 errors, 1 warning` */
export function summary(counts: { errors: number; warnings: number; infos: number }): string {
  const parts = [plural(counts.errors, 'error'), plural(counts.warnings, 'warning')];
  if (counts.infos > 0) parts.push(plural(counts.infos, 'note'));
  return parts.join(', ');
}

/**
 * When the file has errors: prints every diagnostic and `file: 2 errors; <notDone>` on standard
 * error and returns true (the command then exits with `ExitCode.errors`).
 */
export function reportedErrors(io: CliIO, file: string, diagnostics: readonly ArchDiagnostic[], notDone: string): boolean {
  const counts = countBySeverity(diagnostics);
  if (counts.errors === 0) return false;
  for (const diagnostic of diagnostics) io.stderr(`${diagnosticLine(file, diagnostic)}\n`);
  io.stderr(`${file}: ${summary(counts)}; ${notDone}\n`);
  return true;
}
