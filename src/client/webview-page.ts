/**
 * The HTML shell every CloudArch webview page shares. Free of `vscode` so that the browser tests load
 * exactly the page a panel shows. The content security policy allows nothing by default: the one
 * script and the one style sheet come from the extension's `dist/webview` folder, the script only
 * with this page's nonce; no remote resource, no inline code.
 */

export interface WebviewPageOptions {
  /** URI of the page's script in `dist/webview` as the webview sees it. */
  readonly scriptUri: string;
  /** URI of the page's style sheet in `dist/webview` as the webview sees it. */
  readonly styleUri: string;
  /** `webview.cspSource`: the origin the webview loads the extension's files from. */
  readonly cspSource: string;
  /** A fresh random value per page load. */
  readonly nonce: string;
  readonly title: string;
}

/** The page, with `body` (trusted markup written by the caller, never user text) before the script. */
export function webviewPageHtml(options: WebviewPageOptions, body: string): string {
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${options.nonce}'`,
    `style-src ${options.cspSource} 'nonce-${options.nonce}'`,
    `img-src ${options.cspSource} data:`,
    `font-src ${options.cspSource}`,
  ].join('; ');
  return htmlPage({
    csp,
    title: options.title,
    head: `<link rel="stylesheet" href="${escapeAttribute(options.styleUri)}" nonce="${options.nonce}">`,
    body: `${body}\n<script nonce="${options.nonce}" src="${escapeAttribute(options.scriptUri)}"></script>`,
  });
}

/** What a page holds: its content security policy, its title, and the trusted markup of its head and body. */
export interface HtmlPageParts {
  readonly csp: string;
  readonly title: string;
  readonly head: string;
  readonly body: string;
}

/** A whole HTML page under `csp`; the title is escaped, `head` and `body` are the caller's trusted markup. */
export function htmlPage(parts: HtmlPageParts): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(parts.csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeText(parts.title)}</title>
${parts.head}
</head>
<body>
${parts.body}
</body>
</html>`;
}

/** 32 random alphanumeric characters (the nonce must not be guessable by content). */
export function createNonce(random: (size: number) => Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return [...random(32)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (character) => `&#${character.charCodeAt(0)};`);
}

function escapeAttribute(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
