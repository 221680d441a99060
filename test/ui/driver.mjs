// The UI test driver: loads each test/ui/*.test.mjs module and runs its tests in order against one
// workbench page, with a few helpers that act the way a user does (Quick Open, the command palette,
// the Problems panel, the mouse). Screenshots go to out/ui/<name>.png.
import assert from 'node:assert/strict';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const modifier = process.platform === 'darwin' ? 'Meta' : 'Control';

/** Helpers handed to every test. */
function helpersFor(page, screenshots, workspace) {
  const helpers = {
    page,
    /** The workspace folder the workbench has open, on this machine's disk. */
    workspace,
    /** Saves a screenshot of the whole workbench; returns its path. */
    async screenshot(name) {
      const path = join(screenshots, `${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    /** Waits until the workbench has restored and the extension host is up. */
    async waitForWorkbench() {
      await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
      await page.locator('.statusbar').waitFor({ state: 'visible' });
    },
    /** Opens a workspace file through Quick Open, as a user typing its name would. */
    async quickOpen(fileName) {
      await page.keyboard.press(`${modifier}+P`);
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible' });
      await input.fill(fileName);
      // Wait for the search to list the file itself: until then the list shows recently opened files.
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first();
      await row.waitFor({ state: 'visible' });
      await row.click();
      await page.locator(`.tab[aria-label*="${fileName}"]`).first().waitFor({ state: 'visible' });
      await helpers.focusEditor();
    },
    /** Runs a command from the command palette by its title. */
    async runCommand(title) {
      const input = page.locator('.quick-input-widget input');
      // F1 can be swallowed while the workbench is still moving the focus (a closing quick input, a
      // notification appearing); a user would press it again, and so does the test.
      for (let attempt = 1; ; attempt++) {
        await page.keyboard.press('F1');
        const shown = await input.waitFor({ state: 'visible', timeout: 5_000 }).then(
          () => true,
          () => false,
        );
        if (shown) break;
        if (attempt === 4) throw new Error(`the command palette did not open for "${title}"`);
      }
      await input.fill(`>${title}`);
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
      await row.waitFor({ state: 'visible' });
      await row.click();
      await input.waitFor({ state: 'hidden' }).catch(() => undefined);
    },
    /** Gives the active editor the keyboard focus, with the workbench's own command. */
    async focusEditor() {
      await helpers.runCommand('View: Focus Active Editor Group');
      await page.locator('.editor-group-container.active .monaco-editor.focused').first().waitFor({ state: 'visible' });
    },
    /** The visible text of the active editor (non-breaking spaces turned into spaces). */
    async editorText() {
      const text = await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().innerText();
      return text.replace(/\u00a0/g, ' ');
    },
  };
  return helpers;
}

/** Runs every test file; returns the number of failed tests. */
export async function runUiSuite({ browser, files, url, workspace, screenshots, verbose }) {
  let failures = 0;
  let passes = 0;
  for (const file of files) {
    const module = await import(pathToFileURL(file).href);
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    if (verbose) page.on('console', (message) => console.log(`[browser] ${message.text()}`));
    const helpers = helpersFor(page, screenshots, workspace);
    console.log(`\n  ${module.title ?? basename(file)}`);
    try {
      await page.goto(url(module.openFile));
      await helpers.waitForWorkbench();
      for (const test of module.tests) {
        const started = Date.now();
        try {
          await test.run(helpers, assert);
          passes += 1;
          console.log(`    ✔ ${test.name} (${Date.now() - started}ms)`);
        } catch (error) {
          failures += 1;
          const shot = await helpers.screenshot(`failed-${test.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`).catch(() => 'none');
          console.log(
            `    ✖ ${test.name}\n      ${String(error?.stack ?? error)
              .split('\n')
              .slice(0, 6)
              .join('\n      ')}\n      screenshot: ${shot}`,
          );
        }
      }
    } finally {
      await context.close();
    }
  }
  console.log(`\n  ${passes} passing, ${failures} failing\n`);
  return failures;
}
