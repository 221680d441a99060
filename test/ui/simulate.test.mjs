// CloudArch: Simulate… as a user runs it: from the command palette on an example with a saved
// scenario, pick the scenario, and the results panel opens beside the editor with the summary and
// the charts. Screenshots in out/ui/.

export const title = 'CloudArch: Simulate…';

/** The simulation webview's page: an iframe inside an iframe in the workbench. */
function simulationFrame(ui) {
  return ui.page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
}

export const tests = [
  {
    name: "picks the example's saved scenario and shows its results",
    async run(ui, assert) {
      await ui.quickOpen('ecs-services.cloudarch.yaml');
      await ui.runCommand('CloudArch: Simulate…');
      // The quick pick lists the file's scenarios first, then "Build a scenario…".
      const scenario = ui.page.locator('.quick-input-list .monaco-list-row', { hasText: 'zone-a-at-peak' }).first();
      await scenario.waitFor({ state: 'visible', timeout: 30_000 });
      await scenario.click();
      await ui.page
        .locator('.tab', { hasText: 'Simulation: ecs-services.cloudarch.yaml — zone-a-at-peak' })
        .first()
        .waitFor({ state: 'visible', timeout: 60_000 });
      const page = simulationFrame(ui);
      await page.locator('h1', { hasText: 'zone-a-at-peak' }).waitFor({ state: 'visible', timeout: 60_000 });
      // The summary names both injected events, and every chart is drawn (uPlot's canvas in each).
      const text = await page.locator('body').innerText();
      assert.match(text, /zone:a@1d14h\+1h/);
      assert.match(text, /surge:2x@2d14h\+1h/);
      for (const chart of ['chart-load', 'chart-zones', 'chart-dropped', 'chart-cost']) {
        await page.locator(`.${chart} canvas`).first().waitFor({ state: 'visible', timeout: 30_000 });
      }
      await ui.page.mouse.move(20, 600);
      await ui.screenshot('simulation');
      await ui.runCommand('View: Close All Editors');
    },
  },
];
