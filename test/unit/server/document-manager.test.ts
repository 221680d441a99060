/**
 * When the server checks a document as the user types (src/server/document-manager.ts): what an
 * editor sees is which versions get their diagnostics published, and whether a keystroke on a
 * document whose check is moderately expensive waits for the debounce. The language service is a
 * stand-in whose check takes a set time, so the scheduling is observed without a real parse.
 */
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ArchDocument } from '../../../src/core/document';
import type { LanguageService } from '../../../src/language/language-service';
import { DocumentManager } from '../../../src/server/document-manager';
import { defaultServerSettings, type ServerSettings } from '../../../src/server/settings';

const uri = 'file:///scheduling.cloudarch.yaml';

function busyWait(milliseconds: number): void {
  const until = performance.now() + milliseconds;
  while (performance.now() < until) {
    // The stand-in check holds the thread as a real one would.
  }
}

/** A language service whose check takes `checkMs` and reports one diagnostic naming the text. */
function slowService(checkMs: number): { service: LanguageService; checkedTexts: string[] } {
  const checkedTexts: string[] = [];
  const service = {
    parse(text: string): ArchDocument {
      busyWait(checkMs);
      checkedTexts.push(text);
      return { text } as unknown as ArchDocument;
    },
    diagnostics(doc: ArchDocument): Diagnostic[] {
      return [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: doc.text }];
    },
  } as unknown as LanguageService;
  return { service, checkedTexts };
}

interface Publication {
  readonly version: number | undefined;
  readonly at: number;
  readonly message: string | undefined;
}

function managerWith(service: LanguageService, settings: Partial<ServerSettings>): { manager: DocumentManager; published: Publication[] } {
  const published: Publication[] = [];
  const manager = new DocumentManager(
    service,
    undefined,
    {
      publishDiagnostics: (_uri, version, diagnostics) =>
        published.push({ version, at: performance.now(), message: String(diagnostics[0]?.message) }),
      evaluated: () => undefined,
      logError: (message, error) => assert.fail(`${message}: ${String(error)}`),
      logWarning: () => undefined,
    },
    { ...defaultServerSettings, evaluations: false, ...settings },
  );
  return { manager, published };
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) assert.fail(`not within ${timeoutMs} ms`);
    await sleep(5);
  }
}

describe('document manager: when a document is checked', function () {
  this.timeout(20_000);

  it('answers each edit of a document whose check takes 40 ms at once, without waiting for the debounce', async () => {
    const { service } = slowService(40);
    // A debounce far longer than the test's bound: an edit that waited for it would fail the test.
    const { manager, published } = managerWith(service, { debounceMs: 5_000 });
    let document = TextDocument.create(uri, 'cloudarch', 1, 'v1');
    manager.changed(document, true);
    await until(() => published.some((publication) => publication.version === 1), 2_000);
    // Edits that each wait for the previous edit's diagnostics, as a user who types and looks.
    for (let version = 2; version <= 6; version++) {
      document = TextDocument.update(document, [{ text: `v${version}` }], version);
      const sent = performance.now();
      manager.changed(document, false);
      await until(() => published.some((publication) => publication.version === version), 2_000);
      const answered = published.find((publication) => publication.version === version)!;
      assert.equal(answered.message, `v${version}`);
      assert.ok(answered.at - sent < 1_000, `version ${version} took ${Math.round(answered.at - sent)} ms`);
    }
    manager.closed(uri);
  });

  it('folds the keystrokes of a burst into the check already due, and ends on the newest text', async () => {
    const { service, checkedTexts } = slowService(40);
    const { manager, published } = managerWith(service, { debounceMs: 5_000 });
    let document = TextDocument.create(uri, 'cloudarch', 1, 'v1');
    manager.changed(document, true);
    await until(() => published.length > 0, 2_000);
    checkedTexts.length = 0;
    // Ten keystrokes in one turn of the event loop: one check is due, and it reads the newest text.
    for (let version = 2; version <= 11; version++) {
      document = TextDocument.update(document, [{ text: `v${version}` }], version);
      manager.changed(document, false);
    }
    await until(() => published.some((publication) => publication.version === 11), 2_000);
    assert.deepEqual(checkedTexts, ['v11']);
    assert.equal(published.at(-1)!.message, 'v11');
    manager.closed(uri);
  });

  it('still waits for the debounce in a burst on a document whose checks are expensive', async () => {
    const { service } = slowService(150);
    const { manager, published } = managerWith(service, { debounceMs: 600 });
    let document = TextDocument.create(uri, 'cloudarch', 1, 'v1');
    manager.changed(document, true);
    // Three checks, so the document is known to be expensive to check.
    for (let version = 2; version <= 3; version++) {
      await until(() => published.some((publication) => publication.version === version - 1), 3_000);
      await sleep(700);
      document = TextDocument.update(document, [{ text: `v${version}` }], version);
      manager.changed(document, false);
    }
    await until(() => published.some((publication) => publication.version === 3), 3_000);
    // A keystroke right after the last check: it waits for the debounce.
    document = TextDocument.update(document, [{ text: 'v4' }], 4);
    const sent = performance.now();
    manager.changed(document, false);
    await until(() => published.some((publication) => publication.version === 4), 3_000);
    const waited = published.find((publication) => publication.version === 4)!.at - sent;
    assert.ok(waited >= 600, `the expensive check ran after ${Math.round(waited)} ms, before the 600 ms debounce`);
    manager.closed(uri);
  });
});
