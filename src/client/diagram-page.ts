/**
 * The HTML of the diagram webview: the shared page shell (`webview-page.ts`, its CSP and nonce) with
 * the diagram's mount point. Constructed style sheets of the controls and the overlay's inline
 * geometry need no more than that policy allows.
 */
import { createNonce, webviewPageHtml, type WebviewPageOptions } from './webview-page';

/** `scriptUri` is `dist/webview/main.js`, `styleUri` `dist/webview/main.css`. */
export type DiagramPageOptions = WebviewPageOptions;

export function diagramPageHtml(options: DiagramPageOptions): string {
  return webviewPageHtml(options, '<div id="app"></div>');
}

export { createNonce };
