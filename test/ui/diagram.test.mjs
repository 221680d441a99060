// UI tests of the diagram panel in the workbench: Show Diagram opens the picture beside the editor,
// typing a resource into the YAML adds it to the picture, and clicking a node selects its name in
// the editor. Screenshots of each step land in out/ui/.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const title = 'The diagram panel';

const examples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');

/** The diagram webview's page: an iframe inside an iframe in the workbench. */
function diagramFrame(ui) {
  return ui.page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
}

export const tests = [
  {
    name: 'Show Diagram opens the picture of the file beside the editor',
    async run(ui, assert) {
      await ui.quickOpen('static-site.cloudarch.yaml');
      await ui.runCommand('CloudArch: Show Diagram');
      await ui.page.locator('.tab', { hasText: 'Diagram: static-site' }).first().waitFor({ state: 'visible', timeout: 30_000 });
      const diagram = diagramFrame(ui);
      for (const name of ['visitors', 'dns', 'cdn', 'site', 'site-replica', 'cdn-logs']) {
        await diagram.locator(`svg.diagram [data-resource="${name}"]`).first().waitFor({ state: 'visible', timeout: 60_000 });
      }
      // Two editor groups side by side: the YAML and the picture.
      assert.equal(await ui.page.locator('.editor-group-container').count(), 2);
      await ui.page.mouse.move(20, 600);
      await ui.screenshot('diagram');
    },
  },
  {
    name: 'a resource typed into the YAML appears in the picture',
    async run(ui, assert) {
      await ui.page
        .locator('.editor-group-container', { hasText: 'static-site' })
        .first()
        .click({ position: { x: 200, y: 200 } })
        .catch(() => undefined);
      await ui.focusEditor();
      // Go to the `resources:` line and open a new resource right under it (Enter after a key
      // indents a level).
      const line = readFileSync(join(examples, 'static-site.cloudarch.yaml'), 'utf8').split('\n').indexOf('resources:') + 1;
      assert.ok(line > 0, 'the example has a resources: line');
      await ui.page.keyboard.press('Control+G');
      await ui.page.keyboard.type(String(line));
      await ui.page.keyboard.press('Enter');
      await ui.page.keyboard.press('End');
      await ui.page.keyboard.press('Enter');
      await ui.page.keyboard.type('audit-logs:');
      await ui.page.keyboard.press('Enter');
      await ui.page.keyboard.type('type: aws.s3.bucket');
      const added = diagramFrame(ui).locator('svg.diagram [data-resource="audit-logs"]').first();
      await added.waitFor({ state: 'visible', timeout: 60_000 });
      assert.ok(await added.isVisible());
      await ui.screenshot('diagram-after-edit');
    },
  },
  {
    name: 'clicking a node selects the resource name in the editor',
    async run(ui, assert) {
      await diagramFrame(ui).locator('svg.diagram [data-resource="site-replica"]').first().click();
      // VS Code's status bar says how much is selected: the name `site-replica`, 12 characters.
      const selection = ui.page.locator('.statusbar-item', { hasText: /Ln \d+, Col \d+ \(12 selected\)/ }).first();
      await selection.waitFor({ state: 'visible', timeout: 30_000 });
      assert.match(await selection.innerText(), /\(12 selected\)/);
      await ui.screenshot('diagram-reveal');
      // Leave the workbench as the next tests expect it: the file unchanged, no editor open.
      await ui.runCommand('File: Revert File');
      await ui.runCommand('View: Close All Editors');
    },
  },
];
