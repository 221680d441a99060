/**
 * The diagram panel beside the editor: a webview that shows the picture the language server draws
 * (`cloudarch/diagram`), kept live as the user types, linked both ways with the YAML. Thin: the
 * server lays out and renders, the webview (webview/main.ts) shows and paints overlays; this file
 * only relays, validating every message the webview sends (`parseWebviewMessage`).
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import {
  diagramViewType,
  exportDiagramCommand,
  parseViewState,
  simulateCommand,
  parseWebviewMessage,
  webviewDiagram,
  type DiagramLayer,
  type DiagramParams,
  type DiagramRange,
  type DiagramResult,
  type DiagramTheme,
  type DiagramView,
  type HostMessage,
  type PictureVersions,
  type WebviewMessage,
} from '../protocol/diagram';
import { diagramPageHtml, firstPictureWaitMs, fitsInPage } from './diagram-page';
import { createNonce } from './webview-page';
import { zoneOutageSimulation } from './simulation-scenario';

/** What the panels need from the running extension. */
export interface DiagramHost {
  /** Asks the language server for the picture; `null` when it does not know the document. */
  requestDiagram(params: DiagramParams): Promise<DiagramResult | null>;
}

/** What `cloudarch.showDiagram` returns, so tests (and other extensions) can follow the panel. */
export interface DiagramPanelHandle {
  readonly uri: string;
  /** The last picture sent to the webview. */
  lastShown(): DiagramResult | undefined;
  /** Resolves with the first picture shown for a document version at least `version`. */
  whenShown(version?: number): Promise<DiagramResult>;
  /** Delivers a message as if the webview had sent it (it is validated like any other). */
  receive(message: unknown): Promise<void>;
  /** The `select` messages posted to the webview, newest last (for tests). */
  readonly selections: readonly (string | null)[];
  /** The zones whose outage the panel asked CloudArch: Simulate… to run, oldest first (for tests). */
  readonly simulations: readonly string[];
  /** What the panel shows now (theme, layers, overlays, zone down): an export of the document draws the same. */
  view(): DiagramView;
}

const toRange = (range: DiagramRange) => new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);

class DiagramPanel implements DiagramPanelHandle {
  private theme: DiagramTheme = 'light';
  private layers: readonly DiagramLayer[] = [];
  /** The overlays and the zone down the webview last reported (`view` and `export` messages). */
  private painted: Pick<DiagramView, 'overlays' | 'zoneDown'> = { overlays: [] };
  private shown: DiagramResult | undefined;
  /** Whether the webview has said it is ready: nothing is posted before. */
  private ready = false;
  private inFlight = false;
  /** A change (or an option) arrived while a request was in flight: ask again when it returns. */
  private wanted: { requestId?: number } | undefined;
  private readonly waiters: { version: number; resolve: (result: DiagramResult) => void }[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private selectedResource: string | null = null;
  private disposed = false;
  readonly selections: (string | null)[] = [];
  readonly simulations: string[] = [];
  /**
   * The first picture, asked for as the panel is created, while the webview loads its script,
   * rather than after its `ready`: the two slowest steps of the first picture overlap. Used when
   * the webview's first request matches it (same theme, layers and version), dropped otherwise.
   */
  private prefetched: { readonly params: DiagramParams; readonly answer: Promise<DiagramResult | null> } | undefined;
  /** The picture the page's HTML carries (see `setPage`), with the theme and layers it was drawn in. */
  private inPage: { readonly picture: DiagramResult; readonly theme: DiagramTheme; readonly layers: readonly DiagramLayer[] } | undefined;
  private readonly webviewFolder: vscode.Uri;

  constructor(
    readonly uri: string,
    readonly panel: vscode.WebviewPanel,
    private readonly host: DiagramHost,
    extensionUri: vscode.Uri,
    private readonly onDispose: () => void,
  ) {
    this.webviewFolder = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
    panel.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: [this.webviewFolder] };
    panel.iconPath = undefined;
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message)),
      panel.onDidDispose(() => this.dispose()),
      panel.onDidChangeViewState(() => {
        // Hidden, the webview is torn down; shown again, it reloads its page and says `ready`
        // before anything is posted. The page then carries the last picture shown, so it comes
        // back at once (a newer one follows if the text changed meanwhile).
        if (!panel.visible && this.ready) {
          this.ready = false;
          if (this.shown) this.setPage(this.shown);
        }
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        // A hidden panel's webview is gone (no retainContextWhenHidden): it asks again when shown.
        if (event.document.uri.toString() === this.uri && event.contentChanges.length > 0 && this.panel.visible) this.refresh();
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (event.textEditor.document.uri.toString() === this.uri) this.followCursor(event.selections[0]?.active);
      }),
    );
  }

  /**
   * Opens the page with its first picture in it: asks the server for the picture the webview would
   * ask for first (the editor's theme, the layers the panel had), and sets the page when the answer
   * comes, or after `firstPictureWaitMs` without it. VS Code creates the webview meanwhile; the
   * browser then paints the picture as the page loads, with no handshake and no message first.
   * A page set without the picture asks for it on `ready` (the answer asked for here is used).
   */
  async open(layers: readonly DiagramLayer[] = []): Promise<void> {
    const theme = themeOfKind(vscode.window.activeColorTheme.kind);
    const params = this.paramsFor(theme, layers);
    const answer = this.host.requestDiagram(params);
    // A failure is reported when the answer is used; until then it must not count as unhandled.
    void answer.catch(() => undefined);
    this.prefetched = { params, answer };
    const canExport = exportAvailable().catch(() => false);
    let waited: ReturnType<typeof setTimeout> | undefined;
    const first = await Promise.race([
      answer.catch(() => null),
      new Promise<null>((resolve) => (waited = setTimeout(() => resolve(null), firstPictureWaitMs))),
    ]);
    clearTimeout(waited);
    if (this.disposed) return;
    const usable = first?.svg !== undefined && first.version === params.version;
    if (usable) {
      this.theme = theme;
      this.layers = layers;
    }
    this.setPage(usable ? first : undefined, await canExport);
  }

  /** Sets the webview's page (which reloads it), with `picture` in it when given. */
  private setPage(picture?: DiagramResult, canExport = false): void {
    if (this.disposed) return;
    // A big picture stays out of the page (`fitsInPage`): it comes by message, built a slice per frame.
    const carried = picture?.svg !== undefined && fitsInPage(picture.svg) ? picture : undefined;
    this.inPage = carried ? { picture: carried, theme: this.theme, layers: this.layers } : undefined;
    const webview = this.panel.webview;
    webview.html = diagramPageHtml(
      {
        scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.webviewFolder, 'main.js')).toString(),
        styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.webviewFolder, 'main.css')).toString(),
        cspSource: webview.cspSource,
        nonce: createNonce((size) => randomBytes(size)),
        title: this.panel.title,
      },
      carried ? { diagram: webviewDiagram(carried), canExport } : undefined,
    );
  }

  /** Whether the page's `ready` says it shows the picture its HTML carried, drawn as the webview wants it now. */
  private pageShowsItsPicture(showing: PictureVersions | undefined, theme: DiagramTheme, layers: readonly DiagramLayer[]): boolean {
    const inPage = this.inPage;
    return (
      showing !== undefined &&
      inPage !== undefined &&
      showing.version === inPage.picture.version &&
      showing.pictureVersion === inPage.picture.pictureVersion &&
      theme === inPage.theme &&
      sameLayers(layers, inPage.layers)
    );
  }

  private paramsFor(theme: DiagramTheme, layers: readonly DiagramLayer[]): DiagramParams {
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === this.uri);
    return { uri: this.uri, theme, layers, ...(document ? { version: document.version } : {}) };
  }

  /** The prefetched answer if it is the one these parameters ask for; it is used once. */
  private takePrefetched(params: DiagramParams): Promise<DiagramResult | null> | undefined {
    const prefetched = this.prefetched;
    this.prefetched = undefined;
    if (!prefetched) return undefined;
    const same =
      prefetched.params.theme === params.theme &&
      prefetched.params.version === params.version &&
      sameLayers(prefetched.params.layers ?? [], params.layers ?? []);
    return same ? prefetched.answer : undefined;
  }

  lastShown(): DiagramResult | undefined {
    return this.shown;
  }

  whenShown(version = 0): Promise<DiagramResult> {
    if (this.shown && this.shown.version >= version) return Promise.resolve(this.shown);
    return new Promise((resolve) => this.waiters.push({ version, resolve }));
  }

  async receive(raw: unknown): Promise<void> {
    const message = parseWebviewMessage(raw);
    // A webview is a separate context: anything that is not one of our messages is ignored.
    if (!message) return;
    await this.handle(message);
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
      case 'options':
        this.ready = true;
        if (message.type === 'ready' && this.pageShowsItsPicture(message.showing, message.theme, message.layers)) {
          // The page shows the picture it came with: nothing to send unless the text moved on since.
          this.shown = this.inPage!.picture;
          this.prefetched = undefined;
          this.settleWaiters(this.shown);
          if ((this.currentVersion() ?? 0) > this.shown.version) this.refresh();
          return;
        }
        this.theme = message.theme;
        this.layers = message.layers;
        // A new theme or layer draws a new picture even when the text did not change.
        if (message.type === 'options') this.shown = undefined;
        this.refresh(message.requestId);
        return;
      case 'reveal':
        await this.reveal(message.resource);
        return;
      case 'view':
        this.remember(message.view);
        return;
      case 'export':
        if (message.view) this.remember(message.view);
        // The export draws what the panel shows; the command offers the clean print theme instead.
        if (await exportAvailable()) await vscode.commands.executeCommand(exportDiagramCommand, { uri: this.uri, view: this.view() });
        return;
      case 'simulateOutage':
        await this.simulateOutage(message.zone);
        return;
    }
  }

  /** Theme and layers come with `ready`/`options` (they change the picture); these messages bring what the webview paints. */
  private remember(view: DiagramView): void {
    this.painted = { overlays: view.overlays, ...(view.zoneDown !== undefined ? { zoneDown: view.zoneDown } : {}) };
  }

  view(): DiagramView {
    // A zone is shown down only while the picture shown has it.
    const zoneDown = this.painted.zoneDown;
    const zoneShown = zoneDown !== undefined && (this.shown?.zones.some((outage) => outage.zone === zoneDown) ?? false);
    return { theme: this.theme, layers: [...this.layers], overlays: [...this.painted.overlays], ...(zoneShown ? { zoneDown } : {}) };
  }

  /** The "Simulate this outage" offer of a zone toggled down: CloudArch: Simulate… with that zone failing; it opens the results panel. */
  private async simulateOutage(zone: string): Promise<void> {
    // Only a zone of the picture shown: the message names it, the picture vouches for it.
    if (!this.shown?.zones.some((outage) => outage.zone === zone)) return;
    this.simulations.push(zone);
    await vscode.commands.executeCommand(simulateCommand, vscode.Uri.parse(this.uri), zoneOutageSimulation(zone));
  }

  /** Asks for the current version's picture; requests never overlap, changes in between fold into one. */
  refresh(requestId?: number): void {
    if (!this.ready) return;
    if (this.inFlight) {
      this.wanted = { ...(requestId !== undefined ? { requestId } : this.wanted) };
      return;
    }
    this.inFlight = true;
    const params = this.paramsFor(this.theme, this.layers);
    // Asked alongside the picture, not after it: the answer is posted the moment it arrives.
    const canExport = exportAvailable().catch(() => false);
    void (this.takePrefetched(params) ?? this.host.requestDiagram(params))
      .then(
        async (result) => {
          if (!result) {
            this.post({
              type: 'error',
              ...(requestId !== undefined ? { requestId } : {}),
              message: 'Open the file in an editor to draw its diagram.',
            });
            return;
          }
          // Answers never go backwards: one older than the picture shown is dropped.
          if (this.shown && (result.version < this.shown.version || result.pictureVersion < this.shown.pictureVersion)) return;
          this.shown = result;
          this.post({
            type: 'diagram',
            ...(requestId !== undefined ? { requestId } : {}),
            diagram: webviewDiagram(result),
            canExport: await canExport,
          });
          this.settleWaiters(result);
        },
        (error: unknown) => {
          this.post({
            type: 'error',
            ...(requestId !== undefined ? { requestId } : {}),
            message: `The diagram could not be drawn: ${error instanceof Error ? error.message : String(error)}`,
          });
        },
      )
      .finally(() => {
        this.inFlight = false;
        const wanted = this.wanted;
        this.wanted = undefined;
        const current = this.currentVersion();
        if (wanted || (current !== undefined && this.shown && current > this.shown.version)) this.refresh(wanted?.requestId);
      });
  }

  /** The version of the document as the editor has it now, if it is open. */
  private currentVersion(): number | undefined {
    return vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === this.uri)?.version;
  }

  private settleWaiters(result: DiagramResult): void {
    for (let index = this.waiters.length - 1; index >= 0; index--) {
      const waiter = this.waiters[index]!;
      if (result.version >= waiter.version) {
        this.waiters.splice(index, 1);
        waiter.resolve(result);
      }
    }
  }

  /** Shows and selects a resource's name in the editor that has the document (or opens one). */
  private async reveal(name: string): Promise<void> {
    const resource = this.shown?.resources.find((candidate) => candidate.name === name);
    if (!resource) return;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(this.uri));
    const visible = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === this.uri);
    const selection = toRange(resource.nameRange);
    const column = visible?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: column, selection, preserveFocus: false });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /** The editor's cursor moved: select the resource it is in (or none) in the picture. */
  private followCursor(position: vscode.Position | undefined): void {
    if (!this.ready || !this.shown || !position) return;
    const resource = this.shown.resources.find((candidate) => toRange(candidate.range).contains(position));
    const name = resource?.name ?? null;
    if (name === this.selectedResource) return;
    this.selectedResource = name;
    this.selections.push(name);
    this.post({ type: 'select', resource: name });
  }

  private post(message: HostMessage): void {
    if (this.ready) void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    // An answer still in flight finds the panel gone: nothing is posted (a disposed webview throws,
    // and VS Code would show the user "An unknown error occurred"), and no new picture is asked for.
    this.ready = false;
    this.disposed = true;
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.onDispose();
  }
}

/** Whether the export command exists (helper branches add it; the button hides without it). */
async function exportAvailable(): Promise<boolean> {
  return (await vscode.commands.getCommands(true)).includes(exportDiagramCommand);
}

/** All diagram panels, one per document, and the serializer that restores them after a reload. */
export class DiagramPanels implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private readonly panels = new Map<string, DiagramPanel>();
  private readonly registration: vscode.Disposable;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly host: DiagramHost,
  ) {
    // The panel comes back after a reload from its saved state (the document's URI), without
    // `retainContextWhenHidden`: the webview is rebuilt and asks for a fresh picture.
    this.registration = vscode.window.registerWebviewPanelSerializer(diagramViewType, this);
  }

  /** Opens (or reveals) the panel of a document beside its editor. */
  show(document: vscode.TextDocument): DiagramPanelHandle {
    const uri = document.uri.toString();
    const existing = this.panels.get(uri);
    if (existing) {
      existing.panel.reveal(vscode.ViewColumn.Beside, true);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      diagramViewType,
      titleOf(document.uri),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      {
        enableScripts: true,
        localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview')],
      },
    );
    const created = this.adopt(uri, panel);
    void created.open();
    return created;
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, saved: unknown): Promise<void> {
    const state = parseViewState(saved);
    if (!state || this.panels.has(state.uri)) {
      panel.dispose();
      return;
    }
    // Opening the document makes the language client send it to the server, which then draws it.
    await vscode.workspace.openTextDocument(vscode.Uri.parse(state.uri)).then(undefined, () => undefined);
    panel.title = titleOf(vscode.Uri.parse(state.uri));
    // The page comes back with its picture, drawn with the layers the user had on.
    await this.adopt(state.uri, panel).open(state.layers);
  }

  /** Asks every open panel for a new picture (the layout setting changed). */
  refreshAll(): void {
    for (const panel of this.panels.values()) panel.refresh();
  }

  /** The panel of a document, if one is open. */
  panelOf(uri: string): DiagramPanelHandle | undefined {
    return this.panels.get(uri);
  }

  private adopt(uri: string, panel: vscode.WebviewPanel): DiagramPanel {
    const created = new DiagramPanel(uri, panel, this.host, this.extensionUri, () => this.panels.delete(uri));
    this.panels.set(uri, created);
    return created;
  }

  dispose(): void {
    this.registration.dispose();
    for (const panel of [...this.panels.values()]) panel.panel.dispose();
  }
}

function sameLayers(first: readonly DiagramLayer[], second: readonly DiagramLayer[]): boolean {
  return first.length === second.length && first.every((layer) => second.includes(layer));
}

/** The theme the webview will report for a VS Code theme kind (webview/main.ts reads the same from its body's class). */
function themeOfKind(kind: vscode.ColorThemeKind): DiagramTheme {
  switch (kind) {
    case vscode.ColorThemeKind.Dark:
      return 'dark';
    case vscode.ColorThemeKind.HighContrast:
    case vscode.ColorThemeKind.HighContrastLight:
      return 'high-contrast';
    default:
      return 'light';
  }
}

function titleOf(uri: vscode.Uri): string {
  const base = uri.path.split('/').pop() ?? uri.path;
  return `Diagram: ${base.replace(/\.cloudarch\.ya?ml$/, '')}`;
}
