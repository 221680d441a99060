/**
 * The layout setting in a real VS Code: with a diagram panel open, changing
 * `cloudarch.diagram.layout` from `channels` to `elkjs` redraws the open panel with ELK's layout
 * (the resources move), and setting it back draws the channel layout again, box for box. What the
 * test compares is what the user sees: where each resource's box sits in the picture the panel holds.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeApi, closeAllEditors, waitFor } from '../helpers';

/** The parts of `cloudarch.showDiagram`'s handle this suite reads (src/client/diagram-panel.ts), re-declared. */
interface ShownDiagram {
  readonly version: number;
  readonly svg?: string;
  readonly layout?: string;
  readonly layoutNotice?: string;
}
interface DiagramPanelHandle {
  lastShown(): ShownDiagram | undefined;
  whenShown(version?: number): Promise<ShownDiagram>;
}

/** Each box of the picture (`data-node`, one per zone a resource occupies) → its `x,y` in the SVG. */
function boxPositions(svg: string): Map<string, string> {
  const positions = new Map<string, string>();
  for (const [tag] of svg.matchAll(/<g [^>]*\bdata-resource="[^"]*"[^>]*>/g)) {
    const node = /\bdata-node="([^"]+)"/.exec(tag)?.[1];
    const at = /\btransform="translate\(([^)]+)\)"/.exec(tag)?.[1];
    if (node !== undefined && at !== undefined) positions.set(node, at);
  }
  return positions;
}

/** The picture the panel shows once it is one drawn by `layout`. */
function waitForLayout(panel: DiagramPanelHandle, layout: 'channels' | 'elkjs'): Promise<ShownDiagram> {
  return waitFor(
    `the panel redrawn with the ${layout} layout`,
    () => {
      const shown = panel.lastShown();
      // A fallback says why in `layoutNotice`: fail at once with it rather than time out.
      if (shown?.layoutNotice !== undefined) throw new Error(`the panel shows a layout notice: ${shown.layoutNotice}`);
      return shown?.layout === layout && shown.svg !== undefined ? shown : undefined;
    },
    // elkjs loads in a thread of its own on first use; on a loaded machine that takes seconds.
    45_000,
  );
}

describe('diagram layout setting', function () {
  this.timeout(120_000);
  before(activeApi);

  let document: vscode.TextDocument | undefined;
  const configuration = () => vscode.workspace.getConfiguration('cloudarch');

  after(async () => {
    await configuration().update('diagram.layout', undefined, vscode.ConfigurationTarget.Global);
    if (document) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await closeAllEditors();
  });

  it('redraws the open panel with the layout the setting names, and back', async () => {
    assert.equal(configuration().get('diagram.layout'), 'channels', 'the default layout is the channel layout');
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const text = new TextDecoder().decode(
      await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, 'three-tier-web.cloudarch.yaml')),
    );
    document = await vscode.workspace.openTextDocument({ language: 'cloudarch', content: text });
    await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    const panel = await vscode.commands.executeCommand<DiagramPanelHandle>('cloudarch.showDiagram');
    assert.ok(panel, 'the command returns the panel');

    const channels = await waitForLayout(panel, 'channels');
    const channelBoxes = boxPositions(channels.svg!);
    for (const name of ['web-lb', 'web', 'db', 'assets']) assert.ok(channels.svg!.includes(`data-resource="${name}"`), `${name} is drawn`);
    assert.ok(channelBoxes.size >= 8, `${channelBoxes.size} boxes found in the picture`);

    await configuration().update('diagram.layout', 'elkjs', vscode.ConfigurationTarget.Global);
    const elk = await waitForLayout(panel, 'elkjs');
    const elkBoxes = boxPositions(elk.svg!);
    assert.deepEqual([...elkBoxes.keys()].sort(), [...channelBoxes.keys()].sort(), 'the same boxes are drawn');
    const moved = [...channelBoxes].filter(([node, at]) => elkBoxes.get(node) !== at).map(([node]) => node);
    assert.ok(moved.length > 0, 'resources sit elsewhere in the elkjs picture');
    assert.equal(elk.version, channels.version, 'the text did not change: the setting alone redrew the panel');

    await configuration().update('diagram.layout', 'channels', vscode.ConfigurationTarget.Global);
    const restored = await waitForLayout(panel, 'channels');
    assert.deepEqual(boxPositions(restored.svg!), channelBoxes, 'every box is back where the channel layout put it');
  });

  it('closing the panel while it redraws for a new layout raises no error', async () => {
    assert.ok(document, 'the first test opened the document');
    // VS Code shows "An unknown error occurred" for a rejection the extension leaves unhandled.
    const unhandled: string[] = [];
    const listener = (reason: unknown): void => void unhandled.push(reason instanceof Error ? reason.message : String(reason));
    process.on('unhandledRejection', listener);
    try {
      await configuration().update('diagram.layout', 'elkjs', vscode.ConfigurationTarget.Global);
      // The redraw is in flight: close the panel under it.
      const tab = vscode.window.tabGroups.all
        .flatMap((group) => group.tabs)
        .find((candidate) => candidate.input instanceof vscode.TabInputWebview && candidate.input.viewType.endsWith('cloudarch.diagram'));
      assert.ok(tab, 'the diagram tab is open');
      await vscode.window.tabGroups.close(tab);
      // A new panel's first picture comes after the old panel's answer (one worker answers both in turn).
      await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
      const panel = await vscode.commands.executeCommand<DiagramPanelHandle>('cloudarch.showDiagram');
      assert.ok(panel, 'the panel opens again');
      await waitForLayout(panel, 'elkjs');
      // Node reports an unhandled rejection once the microtasks of the answer have run.
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.deepEqual(unhandled, []);
    } finally {
      process.off('unhandledRejection', listener);
    }
  });
});
