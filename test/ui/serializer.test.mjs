// The diagram panel survives a window reload: VS Code restores it through the extension's webview
// serializer (the panel keeps no context while hidden, so nothing but the saved state, the file's
// URI, and the serializer can bring it back), and the restored panel draws the file again.

export const title = 'The diagram panel after a window reload';

/** The diagram webview's page: an iframe inside an iframe in the workbench. */
function diagramFrame(ui) {
  return ui.page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
}

export const tests = [
  {
    name: 'Developer: Reload Window brings the diagram back, drawn',
    async run(ui, assert) {
      await ui.quickOpen('serverless-api.cloudarch.yaml');
      await ui.runCommand('CloudArch: Show Diagram');
      const tab = ui.page.locator('.tab', { hasText: 'Diagram: serverless-api' }).first();
      await tab.waitFor({ state: 'visible', timeout: 30_000 });
      await diagramFrame(ui).locator('svg.diagram [data-resource]').first().waitFor({ state: 'visible', timeout: 60_000 });
      const before = await diagramFrame(ui)
        .locator('svg.diagram [data-resource]')
        .evaluateAll((nodes) => [...new Set(nodes.map((node) => node.getAttribute('data-resource')))].sort());
      assert.ok(before.length > 0, 'the picture has resources');

      await ui.runCommand('Developer: Reload Window');
      // The old workbench goes away, a new one restores the editors it had, the diagram's tab among them.
      await ui.page.waitForLoadState('load');
      await ui.waitForWorkbench();
      await ui.page.locator('.tab', { hasText: 'Diagram: serverless-api' }).first().waitFor({ state: 'visible', timeout: 60_000 });
      await ui.page.locator('.tab', { hasText: 'Diagram: serverless-api' }).first().click();
      await diagramFrame(ui).locator('svg.diagram [data-resource]').first().waitFor({ state: 'visible', timeout: 90_000 });
      const after = await diagramFrame(ui)
        .locator('svg.diagram [data-resource]')
        .evaluateAll((nodes) => [...new Set(nodes.map((node) => node.getAttribute('data-resource')))].sort());
      assert.deepEqual(after, before, 'the restored panel draws the same resources');
      await ui.screenshot('diagram-after-reload');
      await ui.runCommand('View: Close All Editors');
    },
  },
];
