/**
 * The HTML of the diagram webview: the shared page shell (`webview-page.ts`, its CSP and nonce) with
 * the diagram's mount point. Constructed style sheets of the controls and the overlay's inline
 * geometry need no more than that policy allows.
 */
import { webviewPageHtml, type WebviewPageOptions } from './webview-page';

/** `scriptUri` is `dist/webview/main.js`, `styleUri` `dist/webview/main.css`. */
export function diagramPageHtml(options: WebviewPageOptions): string {
  return webviewPageHtml(options, '<div id="app"></div>');
}
