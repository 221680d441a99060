/**
 * A status-bar item with the headline figures of the active CloudArch editor (availability,
 * monthly cost, findings). It asks the server for `cloudarch/summary` when the active editor
 * changes, and shows the summary the server sends with `cloudarch/summaryChanged` after each
 * evaluation as it is.
 */
import * as vscode from 'vscode';
import type { SummaryResult } from '../protocol/requests';
import { LANGUAGE_ID } from './server-client';

/** How the status bar reaches the server; the extension passes the running client's request. */
export type SummaryFetcher = (uri: string) => Promise<SummaryResult | null>;

export class SummaryStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Counts requests so that a slow answer for an old editor never overwrites a newer one. */
  private generation = 0;

  constructor(private readonly fetchSummary: SummaryFetcher) {
    this.item = vscode.window.createStatusBarItem('cloudarch.summary', vscode.StatusBarAlignment.Left, 50);
    this.item.name = 'CloudArch Summary';
    this.item.command = 'cloudarch.evaluateAll';
    this.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()));
  }

  /** The text currently shown, for tests and for the command palette's "show summary". */
  get text(): string {
    return this.item.text;
  }

  /** Re-reads the summary of the active editor, or hides the item when it is not a CloudArch file. */
  async refresh(changedUri?: string): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== LANGUAGE_ID) {
      this.item.hide();
      return;
    }
    const uri = document.uri.toString();
    if (changedUri !== undefined && changedUri !== uri) return;
    const generation = ++this.generation;
    let summary: SummaryResult | null;
    try {
      summary = await this.fetchSummary(uri);
    } catch {
      // The server is starting or restarting; the next notification brings the figures.
      summary = null;
    }
    if (generation !== this.generation) return;
    this.render(summary);
  }

  /** Shows a summary the server sent, if it is the active editor's. */
  show(summary: SummaryResult): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== LANGUAGE_ID || typeof summary?.uri !== 'string' || summary.uri !== document.uri.toString())
      return;
    // A request still in flight would answer with older figures: it must not overwrite these.
    this.generation++;
    this.render(summary);
  }

  private render(summary: SummaryResult | null): void {
    if (!summary) {
      this.item.text = '$(cloud) CloudArch';
      this.item.tooltip = 'CloudArch: no evaluation yet for this file.';
      this.item.backgroundColor = undefined;
      this.item.show();
      return;
    }
    const icon = summary.errors > 0 ? '$(error)' : summary.missedTargets.length > 0 ? '$(warning)' : '$(cloud)';
    this.item.text = `${icon} ${summary.text}`;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown('**CloudArch evaluation**\n\n');
    if (summary.errors > 0) tooltip.appendMarkdown(`- ${summary.errors} error(s) in the file\n`);
    if (summary.availabilityPercent !== undefined) tooltip.appendMarkdown(`- Availability: ${summary.availabilityPercent}%\n`);
    if (summary.monthlyUSD !== undefined) {
      const unpriced = summary.unpricedCount ?? 0;
      tooltip.appendMarkdown(
        `- Monthly cost: ${unpriced > 0 ? '≥ ' : ''}$${summary.monthlyUSD.toFixed(2)}${unpriced > 0 ? ` (${unpriced} item${unpriced === 1 ? '' : 's'} not priced: see the cost report)` : ''}\n`,
      );
    }
    if (summary.findings) {
      const counts = Object.entries(summary.findings)
        .filter(([, count]) => count > 0)
        .map(([severity, count]) => `${count} ${severity}`);
      tooltip.appendMarkdown(`- Security findings: ${counts.length > 0 ? counts.join(', ') : 'none'}\n`);
    }
    for (const missed of summary.missedTargets) tooltip.appendMarkdown(`- $(warning) ${missed}\n`);
    tooltip.appendMarkdown('\nClick to open the full evaluation.');
    this.item.tooltip = tooltip;
    this.item.backgroundColor = summary.missedTargets.length > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.item.dispose();
  }
}
