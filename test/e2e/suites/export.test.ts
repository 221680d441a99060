/**
 * CloudArch: Export Diagram… in a real VS Code, while the document's diagram panel is open: for a
 * picture, the command asks whether to draw it "as the panel shows it" or in the "clean print
 * theme" (a quick pick), and the file written takes the panel's theme, layers, overlays and zone
 * down in the first case, the print theme with the same overlays and layers in the second.
 *
 * The quick pick is answered through the workbench's own commands, as a keyboard would
 * (`quickInput.first`/`quickInput.last`, then accept). The save dialog is skipped with the command's
 * `target` argument (src/client/export-commands.ts): inside the extension host there is no way to
 * type into it. The dialog itself is driven in test/ui/export.test.mjs.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeApi, closeAllEditors, waitFor } from '../helpers';

/** The parts of `cloudarch.showDiagram`'s handle this suite uses (src/client/diagram-panel.ts), re-declared. */
interface DiagramView {
  readonly theme: string;
  readonly layers: readonly string[];
  readonly overlays: readonly string[];
  readonly zoneDown?: string;
}
interface DiagramPanelHandle {
  lastShown(): { readonly svg?: string; readonly zones: readonly { readonly zone: string }[] } | undefined;
  whenShown(version?: number): Promise<{ readonly svg?: string; readonly zones: readonly { readonly zone: string }[] }>;
  receive(message: unknown): Promise<void>;
  view(): DiagramView;
}

/** What `cloudarch.exportDiagram` returns (src/client/export-commands.ts), re-declared. */
interface ExportCommandResult {
  readonly files: readonly string[];
  readonly format: string;
}

const resources = ['users', 'dns', 'cdn', 'assets', 'web-lb', 'web', 'db', 'bastion'];

/** The view a user sets up in the panel: dark colours, security groups, cost heat, findings and zone a down. */
const panelView: DiagramView = { theme: 'dark', layers: ['security-groups'], overlays: ['cost', 'findings'], zoneDown: 'a' };

/**
 * Colours of the renderer's palettes (src/diagram/render/theme.ts): the background, the dark
 * theme's resource boxes, and the grey of what a zone outage stops (print, like light).
 */
const colours = { darkBackground: '#16191F', darkBox: '#232F3E', white: '#FFFFFF', printDown: '#D5DBDB' };

/** Each box of the picture (`data-node`) → its `x,y`: the colours change with the theme, the places do not. */
function boxPositions(svg: string): Map<string, string> {
  const positions = new Map<string, string>();
  for (const [tag] of svg.matchAll(/<g [^>]*\bdata-resource="[^"]*"[^>]*>/g)) {
    const node = /\bdata-node="([^"]+)"/.exec(tag)?.[1];
    const at = /\btransform="translate\(([^)]+)\)"/.exec(tag)?.[1];
    if (node !== undefined && at !== undefined) positions.set(node, at);
  }
  return positions;
}

/** The fill of the picture's background rectangle, its first `ca-bg`. */
function backgroundOf(svg: string): string | undefined {
  return /<rect class="ca-bg" [^>]*\bfill="([^"]+)"/.exec(svg)?.[1];
}

/** The fills of the boxes of one class (`ca-node-box`, `ca-container-box`), each once. */
function fillsOf(svg: string, boxClass: string): Set<string> {
  return new Set([...svg.matchAll(new RegExp(`<rect class="${boxClass}" [^>]*\\bfill="([^"]+)"`, 'g'))].map((match) => match[1]!));
}

/**
 * Runs Export Diagram… as SVG into `target` and answers the colour quick pick with its first or its
 * last item. The command shows the pick within microtasks of starting (the document is open, the
 * format given), so its items reach the workbench before the first answer, which the test sends a
 * macrotask later. Each answer moves the focus and accepts in one `runCommands`, so it can never
 * accept an item it did not focus; it is repeated until the command finishes because an accept that
 * reaches the workbench before the pick does nothing.
 */
async function exportAnswering(uri: vscode.Uri, target: vscode.Uri, item: 'first' | 'last'): Promise<ExportCommandResult | undefined> {
  let finished = false;
  const running = Promise.resolve(
    vscode.commands.executeCommand<ExportCommandResult | undefined>('cloudarch.exportDiagram', {
      uri: uri.toString(),
      format: 'svg',
      target: target.toString(),
    }),
  ).finally(() => {
    finished = true;
  });
  const deadline = Date.now() + 60_000;
  await new Promise((resolve) => setTimeout(resolve, 200));
  while (!finished && Date.now() < deadline) {
    await vscode.commands.executeCommand('runCommands', {
      commands: [`quickInput.${item}`, 'workbench.action.acceptSelectedQuickOpenItem'],
    });
    await Promise.race([running, new Promise((resolve) => setTimeout(resolve, 250))]);
  }
  return running;
}

describe('export: as the panel shows it, or the clean print theme', function () {
  this.timeout(120_000);
  before(activeApi);

  let document: vscode.TextDocument;
  let panel: DiagramPanelHandle;
  const written: vscode.Uri[] = [];

  after(async () => {
    for (const file of written) await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
    // The untitled copy: revert it so closing asks nothing.
    if (document) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await closeAllEditors();
  });

  function target(name: string): vscode.Uri {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the harness opens a workspace folder');
    const uri = vscode.Uri.joinPath(folder.uri, `${name}-${process.pid}.svg`);
    written.push(uri);
    return uri;
  }

  async function readText(uri: vscode.Uri): Promise<string> {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  }

  it('the panel shows the picture dark, with security groups, cost heat, findings and zone a down', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const text = await readText(vscode.Uri.joinPath(folder.uri, 'three-tier-web.cloudarch.yaml'));
    // An untitled copy, so the other suites keep seeing the file as it is on disk.
    document = await vscode.workspace.openTextDocument({ language: 'cloudarch', content: text });
    await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    const handle = await vscode.commands.executeCommand<DiagramPanelHandle>('cloudarch.showDiagram');
    assert.ok(handle, 'the command returns the panel');
    panel = handle;
    // The webview has said `ready` once a first picture is shown; then the user changes what it shows,
    // and the webview tells the extension, with the messages it posts for those toggles.
    await panel.whenShown();
    await panel.receive({ type: 'options', requestId: 9001, theme: panelView.theme, layers: panelView.layers });
    const shown = await waitFor('the dark picture with security groups', () => {
      const svg = panel.lastShown()?.svg;
      return svg?.includes('ca-theme-dark') && svg.includes('ca-sg-badge') ? panel.lastShown() : undefined;
    });
    assert.ok(
      shown?.zones.some((outage) => outage.zone === 'a'),
      'the picture offers zone a down',
    );
    await panel.receive({ type: 'view', requestId: 9002, view: panelView });
    assert.deepEqual(panel.view(), panelView);
  });

  it('"As the panel shows it" writes the panel\'s theme, layers, overlays and zone down', async () => {
    const file = target('export-as-shown');
    const result = await exportAnswering(document.uri, file, 'first');
    assert.ok(result, 'the export ran to the end');
    assert.deepEqual(result.files, [file.toString()]);
    const svg = await readText(file);
    assert.match(svg, /^<svg [^>]*class="cloudarch-diagram ca-theme-dark"/, 'the dark theme');
    assert.equal(backgroundOf(svg), colours.darkBackground);
    assert.ok(fillsOf(svg, 'ca-node-box').has(colours.darkBox), "resource boxes in the dark theme's colour");
    for (const name of resources) assert.ok(svg.includes(`data-resource="${name}"`), `${name} is drawn`);
    assert.ok(svg.includes('class="ca-sg-badge"'), 'security groups drawn, as in the panel');
    assert.ok(svg.includes('class="ca-heat"'), 'cost heat painted, as in the panel');
    assert.ok(/class="ca-finding ca-finding-[a-z]+"/.test(svg), 'finding badges painted, as in the panel');
    assert.ok(svg.includes('class="ca-zone-down-summary"'), 'zone a down, as in the panel');
    assert.match(svg, /class="ca-node [^"]*\bca-down\b[^"]*" data-resource="bastion"/, 'the bastion (zone a only) greyed out');
  });

  it('"Clean print theme" writes the print theme with the same layers, overlays and zone down', async () => {
    const shownFile = written[0]!;
    const file = target('export-print');
    const result = await exportAnswering(document.uri, file, 'last');
    assert.ok(result, 'the export ran to the end');
    assert.deepEqual(result.files, [file.toString()]);
    const svg = await readText(file);
    assert.match(svg, /^<svg [^>]*class="cloudarch-diagram ca-theme-print"/, 'the print theme');
    assert.equal(backgroundOf(svg), colours.white);
    // White boxes and containers, no tinted fill; only what zone a's outage stops is greyed.
    for (const boxClass of ['ca-node-box', 'ca-container-box'])
      assert.deepEqual([...fillsOf(svg, boxClass)].sort(), [colours.printDown, colours.white], `${boxClass} fills`);
    assert.ok(svg.includes('class="ca-sg-badge"'), 'the same layers');
    assert.ok(svg.includes('class="ca-heat"'), 'the same cost heat');
    assert.ok(/class="ca-finding ca-finding-[a-z]+"/.test(svg), 'the same finding badges');
    assert.ok(svg.includes('class="ca-zone-down-summary"'), 'the same zone down');
    assert.deepEqual(boxPositions(svg), boxPositions(await readText(shownFile)), 'the same picture, box for box');
    // The panel itself still shows its own colours: the choice was for the file only.
    assert.deepEqual(panel.view(), panelView);
  });
});
