/**
 * Architecture invariant, checked mechanically: the pure core never imports the editor, the LSP
 * connection, the file system, the network or the DOM. A habit erodes; a failing test does not.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const root = join(__dirname, '..', '..');
const pureFolders = ['src/model', 'src/core', 'src/evaluate', 'src/diagram', 'src/language', 'src/protocol', 'src/cloudformation'];

/** Module specifiers the pure core must never import. */
const forbidden: readonly RegExp[] = [
  /^vscode$/,
  /^vscode-languageserver(\/.*)?$/,
  /^vscode-languageclient(\/.*)?$/,
  /^vscode-jsonrpc(\/.*)?$/,
  /^(node:)?(fs|fs\/promises|child_process|net|http|https|worker_threads|dgram|tls|os|path|process)$/,
];
/** The LSP libraries that carry messages and connections (the plain `-types` and `-textdocument` packages are data only). */
const lspLibrary = /^vscode-(languageserver|languageserver-protocol|languageclient|jsonrpc)(\/.*)?$/;
/** Browser globals that tie code to the DOM. */
const domGlobals = /\b(document|window|navigator|localStorage)\s*\./;

function* typescriptFiles(folder: string): Generator<string> {
  for (const name of readdirSync(folder)) {
    const full = join(folder, name);
    if (statSync(full).isDirectory()) yield* typescriptFiles(full);
    else if (full.endsWith('.ts')) yield full;
  }
}

/** Every module specifier in `import ... from`, `export ... from`, `import()` and `require()`. */
export function importedModules(source: string): string[] {
  const specifiers: string[] = [];
  const patterns = [
    /\bfrom\s+['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /^\s*import\s+['"]([^'"]+)['"]/gm,
  ];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) specifiers.push(match[1]!);
  return specifiers;
}

function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** Code with the contents of string literals blanked, so prose such as "the maintenance window." is not code. */
export function withoutStrings(source: string): string {
  return source.replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, '""');
}

describe('architecture layers', () => {
  it('finds the imports the rule is checked against (the checker itself works)', () => {
    const sample = `import * as fs from 'fs';\nimport type { X } from "vscode";\nconst a = require('node:child_process');\nexport { y } from './y';`;
    assert.deepEqual(importedModules(sample).sort(), ['./y', 'fs', 'node:child_process', 'vscode'].sort());
  });

  it('tells DOM use in code from the same words in prose', () => {
    assert.ok(domGlobals.test(withoutStrings('const el = document.body;')));
    assert.ok(!domGlobals.test(withoutStrings("const text = 'applied in the maintenance window.';")));
    assert.ok(!domGlobals.test(withoutStrings('const text = `see the document. Then ${x}`;')));
  });

  for (const folder of pureFolders) {
    it(`${folder} imports no editor, connection, file system or DOM`, () => {
      // A listed folder that does not exist is an error: a rule over nothing checks nothing.
      assert.ok(existsSync(join(root, folder)), `${folder} is listed as a pure layer but does not exist`);
      const files = [...typescriptFiles(join(root, folder))];
      assert.ok(files.length > 0, `${folder} has no TypeScript file to check`);
      const violations: string[] = [];
      for (const file of files) {
        const source = withoutComments(readFileSync(file, 'utf8'));
        for (const specifier of importedModules(source)) {
          if (forbidden.some((pattern) => pattern.test(specifier))) violations.push(`${relative(root, file)} imports '${specifier}'`);
        }
        if (domGlobals.test(withoutStrings(source))) violations.push(`${relative(root, file)} uses a DOM global`);
      }
      assert.deepEqual(violations, [], violations.join('\n'));
    });
  }

  it('only src/protocol/lsp-requests.ts takes the LSP message classes (vscode-languageserver-protocol)', () => {
    // The request descriptors need `RequestType`; every other pure file stays free of the LSP libraries.
    const allowed = 'src/protocol/lsp-requests.ts';
    const violations = pureFolders.flatMap((folder) =>
      [...typescriptFiles(join(root, folder))]
        .filter((file) => relative(root, file) !== allowed)
        .filter((file) => importedModules(withoutComments(readFileSync(file, 'utf8'))).some((specifier) => lspLibrary.test(specifier)))
        .map((file) => relative(root, file)),
    );
    assert.deepEqual(violations, []);
    assert.ok(
      importedModules(readFileSync(join(root, allowed), 'utf8')).includes('vscode-languageserver-protocol'),
      'the check looks at the right module',
    );
  });

  it('the webview reaches no LSP library, directly or through what it imports from src/', () => {
    // The browser bundle would carry the JSON-RPC library: the webview must never import lsp-requests.ts.
    const seen = new Set<string>();
    const pending = [...typescriptFiles(join(root, 'webview'))];
    const violations: string[] = [];
    while (pending.length > 0) {
      const file = pending.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const specifier of importedModules(withoutComments(readFileSync(file, 'utf8')))) {
        if (lspLibrary.test(specifier)) violations.push(`${relative(root, file)} imports '${specifier}'`);
        if (!specifier.startsWith('.')) continue;
        const target = [`${specifier}.ts`, join(specifier, 'index.ts')].map((name) => join(dirname(file), name)).find(existsSync);
        if (target) pending.push(target);
      }
    }
    assert.ok(
      [...seen].some((file) => relative(root, file) === 'src/protocol/diagram.ts'),
      'the walk follows the webview into src/protocol',
    );
    assert.deepEqual(violations, [], violations.join('\n'));
  });

  it('the extension client never imports the core or the evaluators (they run in the server)', () => {
    const files = [...typescriptFiles(join(root, 'src/client'))];
    assert.ok(files.length > 0, 'src/client has no TypeScript file to check');
    const violations = files.flatMap((file) =>
      importedModules(withoutComments(readFileSync(file, 'utf8')))
        .filter((specifier) => /\/(core|evaluate|language|model|diagram\/layout)(\/|$)/.test(specifier))
        .map((specifier) => `${relative(root, file)} imports '${specifier}'`),
    );
    assert.deepEqual(violations, [], violations.join('\n'));
  });
});
