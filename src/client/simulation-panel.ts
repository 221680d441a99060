/**
 * The simulation results panel: a thin host for the page in `dist/webview/simulation.js`
 * (webview/simulation). It holds the latest result and sends it once the page says it is ready, so a
 * result never arrives before the page listens; messages from the page are checked on receipt.
 */
import * as vscode from 'vscode';
import { isSimulationWebviewMessage, type SimulationHostMessage } from '../protocol/simulation';
import { simulationPageHtml } from './simulation-page';
import { createNonce } from './webview-page';

/** One panel, reused: a new simulation replaces the previous one. */
export class SimulationPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private ready = false;
  private latest: SimulationHostMessage | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {}

  /** Shows a result (or why there is none) in the panel, opening it beside the editor if needed. */
  show(message: SimulationHostMessage): void {
    this.latest = message;
    const title = `Simulation: ${message.title}`;
    if (!this.panel) {
      const root = vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
      const panel = vscode.window.createWebviewPanel(
        'cloudarch.simulation',
        title,
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true, enableCommandUris: false, localResourceRoots: [root], enableFindWidget: true },
      );
      this.panel = panel;
      this.ready = false;
      panel.webview.onDidReceiveMessage((received: unknown) => {
        if (!isSimulationWebviewMessage(received)) return;
        this.ready = true;
        if (this.latest) void panel.webview.postMessage(this.latest);
      });
      panel.onDidDispose(() => {
        this.panel = undefined;
        this.ready = false;
      });
      panel.webview.html = simulationPageHtml({
        scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(root, 'simulation.js')).toString(),
        styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(root, 'simulation.css')).toString(),
        cspSource: panel.webview.cspSource,
        nonce: createNonce((size) => crypto.getRandomValues(new Uint8Array(size))),
        title,
      });
    } else {
      this.panel.title = title;
      this.panel.reveal(vscode.ViewColumn.Beside, true);
      if (this.ready) void this.panel.webview.postMessage(message);
    }
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
