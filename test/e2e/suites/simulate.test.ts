/**
 * CloudArch: Simulate… in a real VS Code: run on an example's saved scenario, it opens the results
 * panel titled with the scenario; the diagram's "Simulate this outage" (its message, as the webview
 * posts it while a zone is toggled down) runs the simulator with that zone failing and opens the
 * same panel. The page's own drawing (charts, tables) is in test/ui/simulate.test.mjs and
 * test/unit/simulation/simulation-panel.browser.test.ts.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeApi, closeAllEditors, waitFor } from '../helpers';

/** What `cloudarch.simulate` returns (src/protocol/simulation.ts), re-declared: the tests stay black-box. */
type SimulateResult =
  | {
      readonly ok: true;
      readonly version: number;
      readonly scenarios: readonly string[];
      readonly result: { readonly days: number; readonly seed: number; readonly injected: readonly { readonly spec: string }[] };
    }
  | { readonly ok: false; readonly message: string };

/** What `cloudarch.showDiagram` returns (src/client/diagram-panel.ts), re-declared. */
interface DiagramPanelHandle {
  whenShown(version?: number): Promise<{ zones: readonly { zone: string }[] }>;
  receive(message: unknown): Promise<void>;
  readonly simulations: readonly string[];
}

function exampleUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the harness opens a workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** The title of the simulation results tab, once one is open. */
function simulationTab(): string | undefined {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .find((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('cloudarch.simulation'))?.label;
}

describe('CloudArch: Simulate…', function () {
  this.timeout(90_000);
  before(activeApi);
  afterEach(closeAllEditors);

  it("runs an example's saved scenario and opens the results panel with it", async () => {
    const uri = exampleUri('ecs-services.cloudarch.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const result = await vscode.commands.executeCommand<SimulateResult>('cloudarch.simulate', uri, 'zone-a-at-peak');
    assert.ok(result?.ok, `the scenario ran: ${result && !result.ok ? result.message : 'no result'}`);
    assert.deepEqual(result.scenarios, ['zone-a-at-peak']);
    assert.equal(result.result.days, 3);
    assert.equal(result.result.seed, 7);
    assert.deepEqual(
      result.result.injected.map((outcome) => outcome.spec),
      ['zone:a@1d14h+1h', 'surge:2x@2d14h+1h'],
    );
    const title = await waitFor('the simulation panel', simulationTab);
    assert.match(title, /^Simulation: .*ecs-services\.cloudarch\.yaml — zone-a-at-peak$/);
  });

  it('the diagram\'s "Simulate this outage" runs the simulator with the zone toggled down', async () => {
    const uri = exampleUri('ecs-services.cloudarch.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const panel = await vscode.commands.executeCommand<DiagramPanelHandle>('cloudarch.showDiagram', uri);
    assert.ok(panel, 'the diagram panel opened');
    const shown = await panel.whenShown();
    assert.ok(
      shown.zones.some((outage) => outage.zone === 'b'),
      'the picture offers zone b down',
    );
    // A zone the picture does not have is refused; the webview's message for zone b is acted on.
    await panel.receive({ type: 'simulateOutage', requestId: 1, zone: 'q' });
    await panel.receive({ type: 'simulateOutage', requestId: 2, zone: 'b' });
    assert.deepEqual(panel.simulations, ['b']);
    const title = await waitFor('the simulation panel', simulationTab, 60_000);
    assert.match(title, /zone:b@1d14h\+2h$/);
  });
});
