// UI tests: what a user sees and does in the editor. Each test leaves the workbench in a state the
// next one can start from; screenshots of each step land in out/ui/.

export const title = 'CloudArch in the workbench';

export const tests = [
  {
    name: 'opens an example and lists its findings in the Problems panel',
    async run(ui, assert) {
      await ui.quickOpen('exposed.cloudarch.yaml');
      await ui.page.keyboard.press('Control+Shift+M');
      const panel = ui.page.locator('.markers-panel');
      await panel.waitFor({ state: 'visible' });
      const finding = panel.locator('.monaco-list-row', { hasText: 'publicly accessible' }).first();
      await finding.waitFor({ state: 'visible', timeout: 30_000 });
      assert.match(await finding.innerText(), /publicly accessible/);
      await ui.screenshot('problems');
    },
  },
  {
    name: 'the CodeLens above the file shows the evaluation',
    async run(ui, assert) {
      await ui.quickOpen('shop.cloudarch.yaml');
      const lens = ui.page.locator('.contentWidgets .codelens-decoration', { hasText: 'Availability' }).first();
      await lens.waitFor({ state: 'visible', timeout: 30_000 });
      assert.match(await lens.innerText(), /Availability 99\.\d+%/);
      assert.match(await lens.innerText(), /\/month/);
      await ui.screenshot('codelens');
    },
  },
  {
    name: 'hovering a resource type shows its documentation',
    async run(ui, assert) {
      // Bring the line into view the way a user would: find it.
      await ui.page.keyboard.press('Control+F');
      await ui.page.keyboard.type('aws.rds.instance');
      await ui.page.keyboard.press('Escape');
      // Find selects the match and puts the cursor at its end: point the mouse a little before it.
      const cursor = await ui.page.locator('.editor-group-container.active .monaco-editor .cursors-layer .cursor').first().boundingBox();
      assert.ok(cursor, 'the editor shows a cursor');
      await ui.page.mouse.move(cursor.x - 40, cursor.y + cursor.height / 2);
      const hover = ui.page.locator('.monaco-hover:not(.hidden)', { hasText: 'Amazon RDS' }).first();
      await hover.waitFor({ state: 'visible' });
      assert.match(await hover.innerText(), /aws\.rds\.instance/);
      // The hover fades in; let it finish so the screenshot shows it as a user reads it.
      await ui.page.waitForTimeout(400);
      await ui.screenshot('hover');
      await ui.page.mouse.move(5, 5);
      await ui.page.keyboard.press('Escape');
    },
  },
  {
    name: 'accepting a completion inserts the resource type',
    async run(ui, assert) {
      await ui.focusEditor();
      await ui.page.keyboard.press('Control+End');
      // Enter after a list item stays in the list (the language configuration's onEnterRules), so
      // outdent back to the resources' level first.
      await ui.page.keyboard.press('Enter');
      for (let level = 0; level < 4; level += 1) await ui.page.keyboard.press('Shift+Tab');
      // After `cache:`, Enter indents one level, as YAML needs.
      await ui.page.keyboard.type('  cache:');
      await ui.page.keyboard.press('Enter');
      await ui.page.keyboard.type('type: aws.dyn');
      await ui.page.keyboard.press('Control+Space');
      const item = ui.page.locator('.suggest-widget .monaco-list-row', { hasText: 'aws.dynamodb.table' }).first();
      await item.waitFor({ state: 'visible' });
      await ui.screenshot('completion');
      await ui.page.keyboard.press('Enter');
      await ui.page
        .locator('.suggest-widget.visible')
        .waitFor({ state: 'hidden' })
        .catch(() => undefined);
      const text = await ui.editorText();
      // Inlay hints (cost, availability) follow the name on screen, hence the `[^\\n]*`.
      assert.match(text, /\n {2}cache:[^\n]*\n {4}type: aws\.dynamodb\.table/);
      await ui.screenshot('completion-accepted');
    },
  },
  {
    name: 'Evaluate Architecture from the command palette opens the reports',
    async run(ui, assert) {
      await ui.runCommand('CloudArch: Evaluate Architecture (All Reports)');
      const tab = ui.page.locator('.tab', { hasText: 'CloudArch evaluation' }).first();
      await tab.waitFor({ state: 'visible', timeout: 30_000 });
      // The report is a webview: an iframe inside an iframe in the workbench.
      const report = ui.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
      await report.locator('h1').first().waitFor({ state: 'visible', timeout: 30_000 });
      assert.match(await report.locator('body').innerText(), /Availability/i);
      // Park the mouse on the empty activity bar so no tooltip covers the report.
      await ui.page.mouse.move(20, 600);
      await ui.page.waitForTimeout(300);
      await ui.screenshot('report');
    },
  },
  {
    name: 'CloudArch: New Architecture from the command palette opens a new architecture',
    async run(ui, assert) {
      await ui.runCommand('CloudArch: New Architecture');
      const untitled = ui.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Untitled file' }).first();
      await untitled.waitFor({ state: 'visible' });
      await untitled.click();
      await ui.page.locator('.tab.active', { hasText: 'Untitled' }).waitFor({ state: 'visible' });
      const text = await ui.editorText();
      assert.match(text, /cloudarch: "1"/);
      assert.match(text, /resources:/);
      await ui.screenshot('new-architecture');
    },
  },
];
