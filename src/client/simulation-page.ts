/**
 * The HTML of the simulation panel: the shared page shell (`webview-page.ts`, its CSP and nonce)
 * with a waiting notice the script replaces. The style sheet holds uPlot's own rules and the
 * panel's, bundled into one by esbuild.
 */
import { webviewPageHtml, type WebviewPageOptions } from './webview-page';

/** `scriptUri` is `dist/webview/simulation.js`, `styleUri` `dist/webview/simulation.css`. */
export function simulationPageHtml(options: WebviewPageOptions): string {
  return webviewPageHtml(options, '<main id="app"><p class="waiting">Simulating…</p></main>');
}
