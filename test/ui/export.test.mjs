// UI tests of the export commands in the real workbench (issue 12): CloudArch: Export Diagram…
// picks a format, then VS Code's own save dialog (code-server shows its simple file dialog, a
// quick input holding the path) chooses the file; the file is written with the content the CLI
// would write, the result is offered to open, and a file that exists is replaced only after the
// dialog's own confirmation. Screenshots of each step land in out/ui/.

import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const title = 'Exports through the save dialog';
export const openFile = 'static-site.cloudarch.yaml';

const resources = ['visitors', 'dns', 'cdn', 'site', 'site-replica', 'cdn-logs'];

/** The quick input (command palette, format picker, simple file dialog). */
function quickInput(ui) {
  return ui.page.locator('.quick-input-widget');
}

/** Runs Export Diagram… (or Export Design Review…) and picks a format; returns the save dialog's path input. */
async function startExport(ui, formatLabel, command = 'CloudArch: Export Diagram…') {
  await ui.runCommand(command);
  const row = ui.page.locator('.quick-input-list .monaco-list-row', { hasText: formatLabel }).first();
  await row.waitFor({ state: 'visible', timeout: 30_000 });
  await row.click();
  // The save dialog: the same quick input, now titled after the format, holding a path.
  await quickInput(ui)
    .locator('.quick-input-title', { hasText: `Export ${formatLabel}` })
    .waitFor({ state: 'visible', timeout: 30_000 });
  // The dialog shows its folder first and fills in the proposed file name a moment later; a test that
  // reads the path in between sees the folder alone.
  await ui.page.waitForFunction(() => /\.[a-z]+$/i.test(document.querySelector('.quick-input-widget input')?.value ?? ''), undefined, {
    timeout: 30_000,
  });
  return quickInput(ui).locator('input').first();
}

/** Types a path into the save dialog and accepts it, as a user pressing Enter would. */
async function chooseFile(ui, input, path) {
  await input.fill(path);
  // The dialog completes folder names as one types; wait until it shows exactly our path.
  await ui.page.waitForFunction((expected) => document.querySelector('.quick-input-widget input')?.value === expected, path);
  await input.press('Enter');
}

async function waitForFile(path, predicate, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(path)) {
      const text = readFileSync(path, 'utf8');
      if (predicate(text)) return text;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${path} was not written as expected within ${timeoutMs} ms`);
}

export const tests = [
  {
    name: 'Export Diagram… through the save dialog writes the SVG and offers to open it',
    async run(ui, assert) {
      // The workbench opened static-site.cloudarch.yaml (openFile above).
      await ui.page.locator('.tab', { hasText: 'static-site.cloudarch.yaml' }).first().click();
      // The server has read the file once the status bar shows its availability.
      await ui.page
        .locator('.statusbar-item', { hasText: /\d+\.\d+%/ })
        .first()
        .waitFor({ state: 'visible', timeout: 60_000 });
      const input = await startExport(ui, 'SVG image');
      // The dialog proposes a name beside the source file, with the format's extension.
      assert.equal(await input.inputValue(), join(ui.workspace, 'static-site.svg'));
      await ui.screenshot('export-save-dialog');
      await chooseFile(ui, input, join(ui.workspace, 'static-site-export.svg'));
      const written = await waitForFile(join(ui.workspace, 'static-site-export.svg'), (text) => text.trimEnd().endsWith('</svg>'));
      assert.match(written, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      for (const name of resources) assert.ok(written.includes(`data-resource="${name}"`), `${name} is in the exported picture`);
      assert.ok(!/<script/i.test(written));
      // Written atomically: no temporary file is left beside it.
      assert.deepEqual(
        readdirSync(ui.workspace).filter((name) => name.endsWith('.tmp')),
        [],
      );
      // The notification offers to open or reveal the result; Open shows it in an editor tab.
      const toast = ui.page.locator('.notification-toast', { hasText: 'Exported static-site-export.svg.' }).first();
      await toast.waitFor({ state: 'visible', timeout: 30_000 });
      assert.ok(
        await toast
          .locator('.monaco-button', { hasText: /^Reveal in / })
          .first()
          .isVisible(),
        'a Reveal button',
      );
      await ui.screenshot('export-done');
      await toast.locator('.monaco-button', { hasText: 'Open' }).first().click();
      await ui.page.locator('.tab', { hasText: 'static-site-export.svg' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    },
  },
  {
    name: 'an existing file is replaced only after the dialog asks and the user agrees',
    async run(ui, assert) {
      const path = join(ui.workspace, 'keep-me.svg');
      const original = '<svg xmlns="http://www.w3.org/2000/svg"><!-- the user\'s own file --></svg>\n';
      writeFileSync(path, original);
      // Back to the architecture's editor (the first test opened the picture beside it).
      await ui.page.locator('.tab', { hasText: 'static-site.cloudarch.yaml' }).first().click();

      // First time: the dialog asks, the user cancels; the file is left as it was.
      let input = await startExport(ui, 'SVG image');
      await chooseFile(ui, input, path);
      const question = quickInput(ui).locator('.quick-input-title', { hasText: /already exists/ });
      await question.waitFor({ state: 'visible', timeout: 30_000 });
      await ui.screenshot('export-replace-question');
      await quickInput(ui).locator('.monaco-button', { hasText: 'Cancel' }).first().click();
      await ui.page.keyboard.press('Escape');
      await quickInput(ui).waitFor({ state: 'hidden', timeout: 30_000 });
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      assert.equal(readFileSync(path, 'utf8'), original, 'not replaced without the confirmation');

      // Second time: the user confirms; the file is replaced by the export.
      input = await startExport(ui, 'SVG image');
      await chooseFile(ui, input, path);
      await question.waitFor({ state: 'visible', timeout: 30_000 });
      await ui.page.keyboard.press('Enter');
      const written = await waitForFile(path, (text) => text !== original && text.includes('data-resource="site-replica"'));
      assert.match(written, /^<svg /);
    },
  },
  {
    name: "a review's diagram beside it is not replaced without asking",
    async run(ui, assert) {
      const review = join(ui.workspace, 'static-site-review.md');
      const beside = join(ui.workspace, 'static-site-review.diagram.svg');
      const original = '<svg xmlns="http://www.w3.org/2000/svg"><!-- another picture --></svg>\n';
      writeFileSync(beside, original);
      await ui.page.locator('.tab', { hasText: 'static-site.cloudarch.yaml' }).first().click();

      // The save dialog confirms the review's own name (new); the picture beside it exists, so a
      // modal dialog asks. Cancel: nothing is written.
      let input = await startExport(ui, 'Markdown review', 'CloudArch: Export Design Review…');
      await chooseFile(ui, input, review);
      const dialog = ui.page.locator('.monaco-dialog-box', { hasText: 'static-site-review.diagram.svg already exists' });
      await dialog.waitFor({ state: 'visible', timeout: 60_000 });
      await ui.screenshot('export-replace-beside');
      await dialog.locator('.monaco-button', { hasText: 'Cancel' }).first().click();
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      assert.equal(readFileSync(beside, 'utf8'), original);
      assert.ok(!existsSync(review), 'the review is not written either');

      // Replace: the review and its picture are written.
      input = await startExport(ui, 'Markdown review', 'CloudArch: Export Design Review…');
      await chooseFile(ui, input, review);
      await dialog.waitFor({ state: 'visible', timeout: 60_000 });
      await dialog.locator('.monaco-button', { hasText: 'Replace' }).first().click();
      const markdown = await waitForFile(review, (text) => text.includes('static-site-review.diagram.svg'));
      assert.match(markdown, /^# /m);
      const picture = await waitForFile(beside, (text) => text !== original);
      assert.ok(picture.includes('data-resource="cdn"'));
    },
  },
];
