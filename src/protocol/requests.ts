/**
 * The custom LSP messages between the CloudArch language server and its clients. Types and method
 * names only, shared by both sides so neither re-declares them (house style: one protocol module).
 *
 * The messages are plain JSON-RPC method names plus parameter/result shapes; each side wraps them in
 * its own library's `RequestType` so this module stays free of the connection.
 */

/** The three reports the editor can open; each matches one evaluation. */
export type ReportKind = 'availability' | 'cost' | 'security';

/** Every report kind, in the order the CodeLens shows them. */
export const reportKinds: readonly ReportKind[] = ['availability', 'cost', 'security'];

/**
 * `cloudarch/report`: the full report of one evaluation for an open document, as Markdown (and the
 * same content as a small self-contained HTML fragment for a webview). The server evaluates the
 * document at its current version if it has no fresh result.
 */
export const reportRequestMethod = 'cloudarch/report';

export interface ReportParams {
  readonly uri: string;
  readonly kind: ReportKind;
}

export interface ReportResult {
  readonly kind: ReportKind;
  /** The document version the report was computed from. */
  readonly version: number;
  readonly title: string;
  readonly markdown: string;
  /** The same report as an HTML fragment (no scripts, no external resources). */
  readonly html: string;
}

/**
 * `cloudarch/summary`: the headline figures of an open document for the status bar. Returns `null`
 * when the document is unknown or has not been evaluated (e.g. it has parse errors only).
 */
export const summaryRequestMethod = 'cloudarch/summary';

export interface SummaryParams {
  readonly uri: string;
}

/** Headline figures of one document; absent figures mean that evaluation is not available yet. */
export interface SummaryResult {
  readonly uri: string;
  readonly version: number;
  readonly availabilityPercent?: number;
  readonly monthlyUSD?: number;
  /** Items the cost total leaves out: when above 0, `monthlyUSD` is a lower bound. */
  readonly unpricedCount?: number;
  /** Finding counts by severity. */
  readonly findings?: Readonly<Record<'critical' | 'high' | 'medium' | 'low' | 'info', number>>;
  /** Missed targets, one short sentence each. */
  readonly missedTargets: readonly string[];
  /** Error-severity parse/validation diagnostics in the document */
  readonly errors: number;
  /** The same figures as one line of text, e.g. `99.95% · $1,234/mo · 2 high`. */
  readonly text: string;
}

/**
 * `cloudarch/summaryChanged` (server -> client notification): sent after each evaluation with the
 * new `SummaryResult`, so the status bar shows it without asking again.
 */
export const summaryChangedNotificationMethod = 'cloudarch/summaryChanged';

/** The commands the CodeLens invokes; the extension client registers them. Arguments: `[uri]`. */
export const reportCommands: Readonly<Record<ReportKind, string>> = {
  availability: 'cloudarch.showAvailabilityReport',
  cost: 'cloudarch.showCostReport',
  security: 'cloudarch.showSecurityReport',
};
