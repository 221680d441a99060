/**
 * Shows evaluation reports in a read-only webview beside the editor. The server renders each report
 * as Markdown and as a script-free HTML fragment; the webview shows the fragment under a strict
 * content security policy (no scripts at all, inline styles only), so nothing in a report can run.
 */
import * as vscode from 'vscode';
import type { ReportResult } from '../protocol/requests';
import { htmlPage } from './webview-page';

/** One panel, reused: opening a report replaces the previous one, like a preview. */
export class ReportView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;

  show(reports: readonly ReportResult[], documentName: string): void {
    const title = reports.length === 1 ? `${(reports[0] as ReportResult).title}` : `CloudArch evaluation: ${documentName}`;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        'cloudarch.report',
        title,
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: false, enableCommandUris: false, localResourceRoots: [], enableFindWidget: true },
      );
      this.panel.iconPath = undefined;
      this.panel.onDidDispose(() => {
        this.panel = undefined;
      });
    } else {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    }
    this.panel.title = title;
    this.panel.webview.html = reportPage(reports, documentName);
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

/** The whole page: the server's fragments, styled with the editor theme's colours. */
function reportPage(reports: readonly ReportResult[], documentName: string): string {
  const body = reports.map((report) => `<section class="report">${report.html}</section>`).join('\n<hr>\n');
  return htmlPage({
    csp: "default-src 'none'; style-src 'unsafe-inline'; img-src data:;",
    title: documentName,
    head: `<style>
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 1.5em 2em; line-height: 1.5; }
  h1, h2, h3 { font-weight: 600; border-bottom: 1px solid var(--vscode-panel-border); padding-bottom: 0.2em; }
  table { border-collapse: collapse; margin: 0.8em 0; }
  th, td { border: 1px solid var(--vscode-panel-border); padding: 0.25em 0.7em; text-align: left; vertical-align: top; }
  th { background: var(--vscode-editor-inactiveSelectionBackground); }
  td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
  code { font-family: var(--vscode-editor-font-family); background: var(--vscode-textCodeBlock-background); padding: 0 0.25em; border-radius: 3px; }
  a { color: var(--vscode-textLink-foreground); }
  hr { border: none; border-top: 1px solid var(--vscode-panel-border); margin: 2em 0; }
  .severity-critical, .severity-high { color: var(--vscode-errorForeground); font-weight: 600; }
  .severity-medium { color: var(--vscode-editorWarning-foreground); }
</style>`,
    body,
  });
}
