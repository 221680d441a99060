/**
 * The browser side of the diagram panel. It shows the SVG the language server drew, lets the user
 * pan, zoom, fit and walk the nodes with the keyboard, paints the overlays (cost heat, findings,
 * single points of failure, a zone down) from the per-resource figures that came with the picture,
 * and tells the extension what the user clicked. It never lays anything out: the layout is done in
 * the server's worker, so this thread only parses the SVG and positions a few rectangles.
 *
 * It depends on the protocol only (no `vscode`): every message is validated on receipt.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import './main.css';
import {
  diagramSeverities,
  firstDiagramElementId,
  firstPictureClass,
  parseFirstDiagramData,
  parseHostMessage,
  parseViewState,
  wholePictureBytes,
  type DiagramLayer,
  type DiagramOverlay,
  type DiagramTheme,
  type DiagramView,
  type DiagramViewState,
  type FirstDiagramData,
  type HostMessage,
  type PictureVersions,
  type WebviewDiagram,
  type WebviewMessage,
  type WebviewResource,
} from '../src/protocol/diagram';
import {
  fitTransform,
  heatColour,
  nodeInDirection,
  readingOrder,
  revealBox,
  translationOf,
  unionBox,
  zoomAt,
  type Box,
  type Direction,
  type Transform,
} from './geometry';
import { buildSteps, cutSvg } from './svg-pieces';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: DiagramViewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** A `vscode-checkbox` element: an element with a `checked` property. */
type Checkbox = HTMLElement & { checked: boolean };

const svgNamespace = 'http://www.w3.org/2000/svg';
/**
 * This page's nonce, read while the script first runs. The renderer's `<style>` element (its own
 * CSS, no script) is given it, so the policy admits that style and nothing else inline.
 */
const pageNonce = (document.currentScript as HTMLScriptElement | null)?.nonce ?? '';
const vscode = acquireVsCodeApi();
const restored = parseViewState(vscode.getState());

const state = {
  diagram: undefined as WebviewDiagram | undefined,
  resources: new Map<string, WebviewResource>(),
  boxes: new Map<string, Box>(),
  /** Every drawing of each resource (one per zone it occupies), measured once per picture. */
  elementBoxes: new Map<string, Box[]>(),
  selected: undefined as string | undefined,
  transform: { x: 0, y: 0, scale: 1 } as Transform,
  picture: { width: 0, height: 0 },
  /** Until the user pans or zooms, every new picture is fitted to the view. */
  userMoved: false,
  overlays: new Set<DiagramOverlay>(restored?.overlays ?? []),
  layers: new Set<DiagramLayer>(restored?.layers ?? []),
  zoneDown: undefined as string | undefined,
  nextRequestId: 1,
};

// ----------------------------------------------------------------------------------------------
// The page
// ----------------------------------------------------------------------------------------------

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) created.setAttribute(name, value);
  if (text !== undefined) created.textContent = text;
  return created;
}

function customElement(tag: string, attributes: Record<string, string> = {}, text?: string): HTMLElement {
  const created = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) created.setAttribute(name, value);
  if (text !== undefined) created.textContent = text;
  return created;
}

const app = document.getElementById('app') ?? document.body.appendChild(element('div', { id: 'app' }));
/**
 * The viewport the page came with when it brought its first picture (src/client/diagram-page.ts):
 * it is kept, picture and all, and the controls are put around it; otherwise it is created.
 */
const servedViewport = app.querySelector<HTMLDivElement>(':scope > div.viewport') ?? null;
const toolbar = app.insertBefore(element('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Diagram' }), servedViewport);
const zoomOutButton = toolbar.appendChild(customElement('vscode-button', { id: 'zoom-out', secondary: '', title: 'Zoom out (-)' }, '−'));
const zoomInButton = toolbar.appendChild(customElement('vscode-button', { id: 'zoom-in', secondary: '', title: 'Zoom in (+)' }, '+'));
const fitButton = toolbar.appendChild(customElement('vscode-button', { id: 'fit', secondary: '', title: 'Fit to view (0)' }, 'Fit'));
const zoomLabel = toolbar.appendChild(element('span', { class: 'zoom-label', 'aria-live': 'polite' }, '100%'));
const overlayGroup = toolbar.appendChild(element('span', { class: 'group', role: 'group', 'aria-label': 'Overlays' }));
const overlayLabels: Record<DiagramOverlay, string> = { cost: 'Cost heat', findings: 'Findings', spof: 'SPOFs' };
for (const overlay of Object.keys(overlayLabels) as DiagramOverlay[]) {
  const box = overlayGroup.appendChild(customElement('vscode-checkbox', { id: `overlay-${overlay}`, label: overlayLabels[overlay] }));
  if (state.overlays.has(overlay)) box.setAttribute('checked', '');
  box.addEventListener('change', () => {
    if ((box as Checkbox).checked) state.overlays.add(overlay);
    else state.overlays.delete(overlay);
    saveState();
    paintOverlays();
    postView();
  });
}
const layerGroup = toolbar.appendChild(element('span', { class: 'group', role: 'group', 'aria-label': 'Layers' }));
const layerLabels: Record<DiagramLayer, string> = { 'security-groups': 'Security groups', network: 'Network details' };
/** Shown only for the layers the server says it can draw. */
const layerToggles = {} as Record<DiagramLayer, HTMLElement>;
for (const layer of Object.keys(layerLabels) as DiagramLayer[]) {
  const box = layerGroup.appendChild(customElement('vscode-checkbox', { id: `layer-${layer}`, label: layerLabels[layer], hidden: '' }));
  layerToggles[layer] = box;
  if (state.layers.has(layer)) box.setAttribute('checked', '');
  box.addEventListener('change', () => {
    if ((box as Checkbox).checked) state.layers.add(layer);
    else state.layers.delete(layer);
    saveState();
    post({ type: 'options', requestId: state.nextRequestId++, theme: currentTheme(), layers: [...state.layers] });
  });
}
const zoneGroup = toolbar.appendChild(element('span', { class: 'group zones', role: 'group', 'aria-label': 'Zone down' }));
const exportButton = toolbar.appendChild(
  customElement('vscode-button', { id: 'export', secondary: '', title: 'Export the diagram', hidden: '' }, 'Export…'),
);

const notice = app.insertBefore(element('div', { class: 'notice', role: 'status', hidden: '' }), servedViewport);
const zoneStatus = app.insertBefore(element('div', { class: 'zone-status', role: 'status', hidden: '' }), servedViewport);
const zoneStatusText = zoneStatus.appendChild(element('span', { class: 'zone-status-text' }));
/** While a zone is down on the picture: run the simulator on that outage (CloudArch: Simulate…). */
const simulateOutageButton = zoneStatus.appendChild(
  customElement(
    'vscode-button',
    {
      id: 'simulate-outage',
      secondary: '',
      title: 'Simulate this zone failing at the daily peak, with the simulator (CloudArch: Simulate…)',
    },
    'Simulate this outage',
  ),
);
simulateOutageButton.addEventListener('click', () => {
  if (state.zoneDown !== undefined) post({ type: 'simulateOutage', requestId: state.nextRequestId++, zone: state.zoneDown });
});
const viewportAttributes = {
  class: 'viewport',
  tabindex: '0',
  role: 'application',
  'aria-label': 'Architecture diagram. Arrow keys or Tab move between resources, Enter shows the YAML, + and - zoom, 0 fits.',
};
const viewport = servedViewport ?? app.appendChild(element('div', viewportAttributes));
for (const [name, value] of Object.entries(viewportAttributes)) viewport.setAttribute(name, value);
const canvas = viewport.querySelector<HTMLDivElement>(':scope > div.canvas') ?? viewport.appendChild(element('div', { class: 'canvas' }));
const placeholder = element('p', { class: 'placeholder' }, 'Drawing the diagram…');
if (!canvas.querySelector(':scope > svg')) canvas.appendChild(placeholder);
const tooltip = app.appendChild(element('div', { class: 'tooltip', role: 'tooltip', hidden: '' }));
const minimap = app.appendChild(element('div', { class: 'minimap', hidden: '', 'aria-hidden': 'true' }));
const minimapSvg = minimap.appendChild(document.createElementNS(svgNamespace, 'svg'));
const liveRegion = app.appendChild(element('div', { class: 'visually-hidden', 'aria-live': 'polite' }));

function post(message: WebviewMessage): void {
  vscode.postMessage(message);
}

/** What the panel shows: an export from it draws the same (issue 12). */
function currentView(): DiagramView {
  return {
    theme: currentTheme(),
    layers: [...state.layers],
    overlays: [...state.overlays],
    ...(state.zoneDown !== undefined ? { zoneDown: state.zoneDown } : {}),
  };
}

/** Tells the extension what is painted now, for an export run from the command palette. */
function postView(): void {
  post({ type: 'view', requestId: state.nextRequestId++, view: currentView() });
}

function saveState(): void {
  if (!state.diagram) return;
  vscode.setState({ uri: state.diagram.uri, layers: [...state.layers], overlays: [...state.overlays] });
}

/** VS Code marks the body with its theme kind; the renderer is asked for the matching colours. */
function currentTheme(): DiagramTheme {
  const classes = document.body.classList;
  if (classes.contains('vscode-high-contrast') || classes.contains('vscode-high-contrast-light')) return 'high-contrast';
  return classes.contains('vscode-dark') ? 'dark' : 'light';
}

// ----------------------------------------------------------------------------------------------
// Showing a picture
// ----------------------------------------------------------------------------------------------

let svgRoot: SVGSVGElement | undefined;
let overlayLayer: SVGGElement | undefined;

function resourceElements(name: string): Element[] {
  if (!svgRoot) return [];
  return [...svgRoot.querySelectorAll('[data-resource]')].filter((node) => node.getAttribute('data-resource') === name);
}

/** The box of an SVG element in the picture's own coordinates (whatever transforms its ancestors carry). */
function pictureBox(target: SVGGraphicsElement, root: SVGSVGElement): Box {
  const local = target.getBBox();
  const toRoot =
    root
      .getScreenCTM()
      ?.inverse()
      .multiply(target.getScreenCTM() ?? new DOMMatrix()) ?? new DOMMatrix();
  const corners = [new DOMPoint(local.x, local.y), new DOMPoint(local.x + local.width, local.y + local.height)].map((point) =>
    point.matrixTransform(toRoot),
  );
  const [first, second] = corners as [DOMPoint, DOMPoint];
  // The root's viewBox origin may not be 0,0: boxes are kept relative to the viewBox.
  const viewBox = root.viewBox.baseVal;
  const scaleX = viewBox && viewBox.width > 0 ? viewBox.width / (root.width.baseVal.value || viewBox.width) : 1;
  const scaleY = viewBox && viewBox.height > 0 ? viewBox.height / (root.height.baseVal.value || viewBox.height) : 1;
  return {
    x: Math.min(first.x, second.x) * scaleX + (viewBox?.x ?? 0),
    y: Math.min(first.y, second.y) * scaleY + (viewBox?.y ?? 0),
    width: Math.abs(second.x - first.x) * scaleX,
    height: Math.abs(second.y - first.y) * scaleY,
  };
}

function showDiagram(diagram: WebviewDiagram, canExport: boolean): void {
  const previous = state.diagram;
  // A picture older than the one shown is dropped (the extension drops them too; this is the last guard).
  if (previous && previous.uri === diagram.uri && diagram.pictureVersion < previous.pictureVersion) return;
  acceptDiagram(diagram, canExport);
  if (diagram.svg !== undefined && (!previous || previous.svg !== diagram.svg || !svgRoot)) {
    void replaceSvg(diagram.svg).then((shown) => {
      if (shown) paintOverlays();
    });
  } else {
    paintOverlays();
  }
}

/** Takes a picture's figures, notice and toggles (everything but its SVG) as the ones shown. */
function acceptDiagram(diagram: WebviewDiagram, canExport: boolean): void {
  state.diagram = diagram;
  state.resources = new Map(diagram.resources.map((resource) => [resource.name, resource]));
  exportButton.hidden = !canExport;
  saveState();
  showNotice(diagram);
  for (const layer of Object.keys(layerLabels) as DiagramLayer[]) layerToggles[layer].hidden = !diagram.availableLayers.includes(layer);
  buildZoneToggles(diagram);
}

/**
 * Takes over the picture the page came with (src/client/diagram-page.ts): painted already, fitted
 * by CSS, it is given the overlay layer, its nodes are marked, it moves to the canvas's transform
 * (the same fit) and its boxes are read, as for a picture that came by message. Returns the
 * versions it was drawn from, for `ready`; `undefined` when the page came without a picture (or
 * with data that does not check out: then the picture is dropped and the page waits for one).
 */
function adoptFirstPicture(): PictureVersions | undefined {
  const dataBlock = document.getElementById(firstDiagramElementId);
  dataBlock?.remove();
  const root = canvas.querySelector<SVGSVGElement>(':scope > svg');
  let data: FirstDiagramData | undefined;
  try {
    data = dataBlock ? parseFirstDiagramData(JSON.parse(dataBlock.textContent ?? '')) : undefined;
  } catch {
    data = undefined;
  }
  if (!root || !data) {
    root?.remove();
    canvas.classList.remove(firstPictureClass);
    if (!placeholder.isConnected) canvas.appendChild(placeholder);
    return undefined;
  }
  acceptDiagram(data.diagram, data.canExport);
  markNodes(root);
  state.picture = preparePicture(root);
  canvas.classList.remove(firstPictureClass);
  // Measured once the picture has its own size again, so the browser lays the page out once here, not twice.
  const size = viewportSize();
  fit(size);
  finishPicture(root, size);
  paintOverlays();
  return { version: data.diagram.version, pictureVersion: data.diagram.pictureVersion };
}

function showNotice(diagram: WebviewDiagram): void {
  if (diagram.parseError) {
    const line = diagram.parseError.range.start.line + 1;
    notice.textContent = `Line ${line}: ${diagram.parseError.message} ${diagram.svg === undefined ? 'The diagram appears once the file parses.' : 'Showing the last picture that parsed.'}`;
    notice.hidden = false;
  } else if (diagram.layoutNotice) {
    // The layout asked for (elkjs) could not be used: the picture is the channel layout.
    notice.textContent = diagram.layoutNotice;
    notice.hidden = false;
  } else {
    notice.hidden = true;
  }
}
/** Counts pictures: a stage of an older one that is still being shown stops when a newer one arrives. */
let pictureGeneration = 0;
/** Ends the current task: the browser renders and handles input before the next stage runs. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
/**
 * Waits until the browser has rendered a frame (style, layout and paint of what was just added, in
 * a task of its own), then for a task after it. A page that renders no frames (hidden) goes on
 * after a short wait instead.
 */
const nextFrame = () =>
  new Promise<void>((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve();
    };
    requestAnimationFrame(() => setTimeout(finish, 0));
    setTimeout(finish, 100);
  });

/**
 * How much of a picture is added per frame. Each slice is parsed, adopted and appended in one task
 * (stopping early past `sliceMs`), and the browser then styles, lays out and paints it in the next;
 * the second costs about three times the first, so both stay far below the 50 ms that makes a long
 * task, also on a slow or busy machine. A 500-resource picture (about 700 KB) takes some 25 slices.
 */
const sliceBytes = 28 * 1024;
const sliceMs = 6;
/*
 * Up to `wholePictureBytes` (src/protocol/diagram.ts) a picture is not sliced: it is parsed off the
 * page in one task and inserted whole in the next, and the browser styles, lays out and paints it
 * in one frame. Slicing a picture this small costs more than it spares: every slice waits for a
 * frame of its own (six to eight frames at 100 resources) and each frame lays out the picture built
 * so far again, while parsing it whole takes about 16 ms and its first frame about 35 ms (headless
 * Chromium, measured 2026-12-03). Bigger pictures are sliced, so that no task of the page grows
 * past 50 ms however big the picture.
 */
/**
 * How many elements of a sliced picture are made visible per frame once all of it is in. A sliced
 * picture is built hidden piece by piece (`visibility="hidden"` on each element a slice appends,
 * not on the root), so that the frames of the build style and lay out what was just added and
 * paint nothing. It used to be hidden by its root (`visibility: hidden` on `svg.pending`) and
 * shown in one go; that one frame was the page's longest task (77 ms median in `npm run bench` at
 * 500 resources): it restyled all 6771 elements (visibility is inherited; 25 to 31 ms) and painted
 * the whole picture for the first time (28 ms of paint, 9 ms of compositing update), thread time in
 * a Chromium trace, 2026-12-04 (docs/benchmark.md). Shown a share at a time, each frame restyles
 * and paints only its share anew and reuses what was painted before.
 */
const revealElements = 800;

/** Parses SVG markup as XML away from the page; `undefined` when it is not well-formed. */
function parseSvgDocument(markup: string): Element | undefined {
  const parsed = new DOMParser().parseFromString(markup, 'image/svg+xml');
  const root = parsed.documentElement;
  if (root.nodeName !== 'svg' || parsed.getElementsByTagName('parsererror').length > 0) return undefined;
  return root;
}

/** Marks the resources among freshly inserted elements as focusable nodes. */
function markNodes(inserted: Element): void {
  const nodes = inserted.hasAttribute('data-resource') ? [inserted] : [];
  for (const node of [...nodes, ...inserted.querySelectorAll('[data-resource]')]) {
    node.setAttribute('tabindex', '-1');
    node.classList.add('ca-node');
  }
}

/**
 * Builds the picture in the page: whole in two tasks when it is small (see `wholePictureBytes`),
 * else a slice at a time (see `sliceBytes`): the root first (with its
 * style sheet, size and fit, so the boxes appear where they belong), then its content in document
 * order (title block, containers, edges, then the resources in batches). Returns the root, or
 * `undefined` when the markup cannot be shown or a newer picture replaced it meanwhile (`stale`).
 */
async function buildSvg(
  markup: string,
  styles: readonly string[],
  generation: number,
  place: (root: SVGSVGElement, complete: boolean) => void,
): Promise<SVGSVGElement | 'stale' | undefined> {
  if (markup.length <= wholePictureBytes) {
    const parsed = parseSvgDocument(markup);
    if (!parsed) return undefined;
    // Parsed in this task, shown in the next: the two costs never add up in one task.
    await nextTask();
    if (generation !== pictureGeneration) return 'stale';
    return showWhole(parsed, styles, place);
  }
  const cut = cutSvg(markup);
  if (!cut || cut.kind !== 'open') return buildWhole(markup, styles, place);
  const rootStart = cut.start;
  const parseChildren = (content: string): Element[] | undefined => {
    const parsed = parseSvgDocument(rootStart + content + '</svg>');
    return parsed ? [...parsed.children] : undefined;
  };
  const shell = parseSvgDocument(cut.start + cut.end);
  if (!shell) return buildWhole(markup, styles, place);
  const root = document.adoptNode(shell) as unknown as SVGSVGElement;
  addStyles(root, styles);
  place(root, false);
  const overlays = root.querySelector(':scope > g.ca-overlays');
  const open: Element[] = [root];
  /** The pieces appended so far, each hidden by its own attribute, in document order. */
  const hidden: Element[] = [];
  let sliceStarted = performance.now();
  let sliceBytesUsed = 0;
  for (const step of buildSteps(cut, Math.min(sliceBytes, 8 * 1024))) {
    const parent = open[open.length - 1]!;
    // The overlay layer (added by `place`) stays the root's last child, above the picture.
    const append = (child: Element) => parent.insertBefore(child, parent === root ? overlays : null);
    if (step.kind === 'close') {
      open.pop();
      continue;
    }
    const parsed = parseChildren(step.markup);
    if (!parsed || (step.kind === 'open' && parsed.length !== 1)) {
      root.remove();
      return buildWhole(markup, styles, place);
    }
    for (const child of parsed) {
      const adopted = document.adoptNode(child);
      markNodes(adopted);
      // Hidden until the whole picture is in (see `revealElements`). An opened element paints
      // nothing of its own: its content comes in the following steps, hidden piece by piece.
      if (step.kind === 'children' && !adopted.hasAttribute('visibility')) {
        adopted.setAttribute('visibility', 'hidden');
        hidden.push(adopted);
      }
      append(adopted);
      if (step.kind === 'open') open.push(adopted);
    }
    sliceBytesUsed += step.markup.length;
    if (sliceBytesUsed >= sliceBytes || performance.now() - sliceStarted >= sliceMs) {
      await nextFrame();
      if (generation !== pictureGeneration) return 'stale';
      sliceStarted = performance.now();
      sliceBytesUsed = 0;
    }
  }
  // The last slice is styled and laid out in a frame of its own, then the picture is shown a share at a time.
  await nextFrame();
  if (generation !== pictureGeneration) return 'stale';
  let revealed = 0;
  for (const piece of hidden) {
    piece.removeAttribute('visibility');
    revealed += 1 + piece.getElementsByTagName('*').length;
    if (revealed >= revealElements) {
      await nextFrame();
      if (generation !== pictureGeneration) return 'stale';
      revealed = 0;
    }
  }
  if (revealed > 0) {
    await nextFrame();
    if (generation !== pictureGeneration) return 'stale';
  }
  return root;
}

/** The fallback for markup the cutter does not handle: parsed and inserted whole, in one task. */
function buildWhole(
  markup: string,
  styles: readonly string[],
  place: (root: SVGSVGElement, complete: boolean) => void,
): SVGSVGElement | undefined {
  const parsed = parseSvgDocument(markup);
  return parsed ? showWhole(parsed, styles, place) : undefined;
}

/** A parsed picture put in the page whole: adopted, its nodes marked, its style sheet added, placed and fitted. */
function showWhole(parsed: Element, styles: readonly string[], place: (root: SVGSVGElement, complete: boolean) => void): SVGSVGElement {
  const root = document.adoptNode(parsed) as unknown as SVGSVGElement;
  markNodes(root);
  addStyles(root, styles);
  place(root, true);
  return root;
}

function addStyles(root: SVGSVGElement, styles: readonly string[]): void {
  for (const css of styles) {
    const style = document.createElementNS(svgNamespace, 'style');
    style.setAttribute('nonce', pageNonce);
    style.textContent = css;
    root.insertBefore(style, root.firstChild);
  }
}

/**
 * Shows a new SVG without a long task, however big: it is cut into slices that are parsed and
 * inserted one per frame (`buildSvg`); the picture is fitted from its declared size, never
 * measured, so no slice forces a layout; the nodes' boxes are read from their attributes once all
 * are in. A picture that replaces another is built underneath it, and the old one is removed when
 * the new one is complete, so an edit never shows half a picture. Resolves to false when a newer
 * picture replaced it meanwhile, or it is not valid SVG.
 */
async function replaceSvg(markup: string): Promise<boolean> {
  const generation = ++pictureGeneration;
  // The renderer's CSS is taken out before parsing: a document made by DOMParser shares this page's
  // policy, so parsing a <style> there would be reported as a violation. It comes back below as a
  // style element carrying this page's nonce (CSS only: the renderer writes no script).
  const styles: string[] = [];
  const withoutStyles = markup.replace(/<style\b[^>]*>([\s\S]*?)<\/style>/g, (_whole, css: string) => {
    styles.push(css.replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, ''));
    return '';
  });
  await nextTask();
  if (generation !== pictureGeneration) return false;
  // Pictures still being built by an older call are dropped; the complete one shown stays on top until this one is done.
  for (const unfinished of canvas.querySelectorAll('svg.pending')) unfinished.remove();
  // Left as it is, in place and positioned like every picture (main.css), so that nothing of it is laid out again.
  const previous = svgRoot && svgRoot.isConnected ? svgRoot : undefined;
  /** The viewport's size, measured before a complete picture went in (see `place`). */
  let sizeBeforeWhole: { width: number; height: number } | undefined;
  /** `complete`: the root comes with all its content, and is shown in this same task. */
  const place = (root: SVGSVGElement, complete: boolean): void => {
    // `diagram` marks a picture that is fully shown (all of it in, boxes known); until then it is
    // `pending` (its pieces hidden while they come in, see `revealElements`). A complete picture
    // is never pending: it is shown in the task that inserts it.
    if (!complete) root.classList.add('pending');
    const picture = preparePicture(root);
    placeholder.remove();
    // Measured before the picture goes in: read after, it would have the browser lay out the whole
    // picture there and then, and again in the frame that shows it.
    const size = viewportSize();
    if (complete) sizeBeforeWhole = size;
    canvas.insertBefore(root, previous ?? null);
    state.picture = picture;
    // Fitted from the declared size at once: nothing is measured, so no slice waits on a layout.
    if (!state.userMoved) fit(size);
    else applyTransform();
  };
  const built = await buildSvg(withoutStyles, styles, generation, place);
  if (built === 'stale') return false;
  if (!built) {
    showError('The server sent a picture that is not valid SVG.');
    return false;
  }
  previous?.remove();
  finishPicture(built, sizeBeforeWhole);
  return true;
}

/** A picture's root sized from its declared size (attributes, no layout), with the overlay layer on top; returns that size. */
function preparePicture(root: SVGSVGElement): { width: number; height: number } {
  root.setAttribute('role', 'img');
  const viewBox = root.viewBox.baseVal;
  const width = root.width.baseVal.value || viewBox?.width || 800;
  const height = root.height.baseVal.value || viewBox?.height || 600;
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  const layer = root.appendChild(document.createElementNS(svgNamespace, 'g'));
  layer.setAttribute('class', 'ca-overlays');
  return { width, height };
}

/** The picture in place and complete becomes the one shown: its boxes read, the minimap drawn, a waiting selection made. */
function finishPicture(built: SVGSVGElement, size: { width: number; height: number } | undefined): void {
  svgRoot = built;
  overlayLayer = (built.querySelector(':scope > g.ca-overlays') as SVGGElement | null) ?? undefined;
  measureBoxes();
  drawMinimap(size);
  // A node selected from the editor while the picture was on its way is selected now.
  if (state.selected && !state.boxes.has(state.selected)) state.selected = undefined;
  if (pendingSelection !== undefined) {
    const wanted = pendingSelection;
    pendingSelection = undefined;
    select(wanted ?? undefined);
  }
  built.classList.remove('pending');
  built.classList.add('diagram');
}

/**
 * A resource's box from its attributes: the translations of its group and of every ancestor up to
 * the root, plus its first rectangle (the node's box). `undefined` when a transform is anything but
 * a translation or there is no rectangle; such a node is measured by the browser instead.
 */
function attributeBox(node: Element, root: SVGSVGElement): Box | undefined {
  const rect = node.querySelector(':scope > rect');
  if (!rect) return undefined;
  let x = Number(rect.getAttribute('x') ?? 0);
  let y = Number(rect.getAttribute('y') ?? 0);
  const width = Number(rect.getAttribute('width'));
  const height = Number(rect.getAttribute('height'));
  for (let at: Element | null = node; at && at !== root; at = at.parentElement) {
    const offset = translationOf(at.getAttribute('transform'));
    if (!offset) return undefined;
    x += offset.x;
    y += offset.y;
  }
  return [x, y, width, height].every(Number.isFinite) && width > 0 && height > 0 ? { x, y, width, height } : undefined;
}

/** Every resource's box, in picture coordinates, read from the attributes (no layout) where it can be. */
function measureBoxes(): void {
  state.boxes.clear();
  state.elementBoxes = new Map();
  if (!svgRoot) return;
  const root = svgRoot;
  // Attribute boxes are in user units; they are the page's pixels only when the viewBox is the plain 0 0 width height.
  const viewBox = root.viewBox.baseVal;
  const plainViewBox =
    !viewBox ||
    viewBox.width === 0 ||
    (viewBox.x === 0 && viewBox.y === 0 && viewBox.width === state.picture.width && viewBox.height === state.picture.height);
  const byName = new Map<string, Box[]>();
  for (const node of root.querySelectorAll('[data-resource]')) {
    const name = node.getAttribute('data-resource');
    if (!name) continue;
    const box = (plainViewBox ? attributeBox(node, root) : undefined) ?? pictureBox(node as SVGGraphicsElement, root);
    byName.set(name, [...(byName.get(name) ?? []), box]);
  }
  state.elementBoxes = byName;
  for (const [name, boxes] of byName) state.boxes.set(name, unionBox(boxes)!);
}

function showError(message: string): void {
  notice.textContent = message;
  notice.hidden = false;
}

// ----------------------------------------------------------------------------------------------
// Overlays, selection, zone down
// ----------------------------------------------------------------------------------------------

function svgChild(parent: SVGElement, tag: string, attributes: Record<string, string | number>): SVGElement {
  const created = document.createElementNS(svgNamespace, tag);
  for (const [name, value] of Object.entries(attributes)) created.setAttribute(name, String(value));
  parent.appendChild(created);
  return created;
}

const severityColours: Record<string, string> = {
  critical: '#b00020',
  high: '#e53935',
  medium: '#fb8c00',
  low: '#fdd835',
  info: '#42a5f5',
};

function paintOverlays(): void {
  if (!svgRoot || !overlayLayer) return;
  overlayLayer.replaceChildren();
  const nodeBoxes = (name: string): Box[] => state.elementBoxes.get(name) ?? [];
  const costs = [...state.resources.values()].map((resource) => resource.monthlyUSD ?? 0);
  for (const resource of state.resources.values()) {
    const boxes = nodeBoxes(resource.name);
    for (const box of boxes) {
      if (state.overlays.has('cost') && resource.monthlyUSD !== undefined) {
        svgChild(overlayLayer, 'rect', {
          class: 'ca-heat',
          'data-overlay-for': resource.name,
          x: box.x - 3,
          y: box.y - 3,
          width: box.width + 6,
          height: box.height + 6,
          rx: 6,
          fill: heatColour(resource.monthlyUSD, costs),
        });
      }
      if (state.overlays.has('spof') && resource.spof) {
        svgChild(overlayLayer, 'rect', {
          class: 'ca-spof',
          'data-overlay-for': resource.name,
          x: box.x - 5,
          y: box.y - 5,
          width: box.width + 10,
          height: box.height + 10,
          rx: 7,
        });
      }
      if (state.overlays.has('findings')) {
        const worst = diagramSeverities.find((severity) => (resource.findings[severity] ?? 0) > 0);
        if (worst) {
          const count = diagramSeverities.reduce((total, severity) => total + (resource.findings[severity] ?? 0), 0);
          const badge = svgChild(overlayLayer, 'g', { class: `ca-finding ca-severity-${worst}`, 'data-overlay-for': resource.name });
          svgChild(badge, 'circle', { cx: box.x + box.width, cy: box.y, r: 9, fill: severityColours[worst]! });
          const label = svgChild(badge, 'text', { x: box.x + box.width, y: box.y + 4, 'text-anchor': 'middle', class: 'ca-finding-count' });
          label.textContent = String(count);
        }
      }
    }
  }
  const zone = state.diagram?.zones.find((candidate) => candidate.zone === state.zoneDown);
  const stopped = new Set(zone?.stopped ?? []);
  for (const node of svgRoot.querySelectorAll('[data-resource]'))
    node.classList.toggle('ca-down', stopped.has(node.getAttribute('data-resource') ?? ''));
  const downContainers = new Set(zone?.containers ?? []);
  for (const node of svgRoot.querySelectorAll('[data-container]'))
    node.classList.toggle('ca-down', downContainers.has(node.getAttribute('data-container') ?? ''));
  if (zone) {
    const availability = zone.availabilityPercent !== undefined ? ` · availability ${formatPercent(zone.availabilityPercent)}` : '';
    zoneStatusText.textContent = `Zone ${zone.zone} down: the system ${zone.works ? 'keeps working' : 'stops'}${availability}; ${zone.stopped.length} resource${zone.stopped.length === 1 ? '' : 's'} stop${zone.stopped.length === 1 ? 's' : ''}.`;
    zoneStatus.classList.toggle('fails', !zone.works);
    zoneStatus.hidden = false;
  } else {
    zoneStatus.hidden = true;
  }
  paintSelection();
}

function paintSelection(): void {
  if (!svgRoot || !overlayLayer) return;
  overlayLayer.querySelectorAll('.ca-selection').forEach((node) => node.remove());
  for (const node of svgRoot.querySelectorAll('.ca-selected')) node.classList.remove('ca-selected');
  if (!state.selected) return;
  for (const node of resourceElements(state.selected)) node.classList.add('ca-selected');
  for (const box of state.elementBoxes.get(state.selected) ?? []) {
    svgChild(overlayLayer, 'rect', {
      class: 'ca-selection',
      'data-overlay-for': state.selected,
      x: box.x - 4,
      y: box.y - 4,
      width: box.width + 8,
      height: box.height + 8,
      rx: 6,
    });
  }
}

function buildZoneToggles(diagram: WebviewDiagram): void {
  const zones = diagram.zones.map((zone) => zone.zone);
  const shown = [...zoneGroup.querySelectorAll('vscode-checkbox')].map((box) => box.getAttribute('data-zone'));
  if (state.zoneDown && !zones.includes(state.zoneDown)) state.zoneDown = undefined;
  if (shown.join('\n') === zones.join('\n')) return;
  zoneGroup.replaceChildren();
  if (zones.length === 0) return;
  zoneGroup.appendChild(element('span', { class: 'group-label' }, 'Zone down:'));
  for (const zone of zones) {
    const box = zoneGroup.appendChild(customElement('vscode-checkbox', { 'data-zone': zone, id: `zone-${zone}`, label: zone }));
    if (state.zoneDown === zone) box.setAttribute('checked', '');
    box.addEventListener('change', () => {
      const checked = (box as Checkbox).checked;
      state.zoneDown = checked ? zone : undefined;
      // One zone down at a time: the evaluation's table is of single-zone outages.
      for (const other of zoneGroup.querySelectorAll('vscode-checkbox')) if (other !== box) (other as unknown as Checkbox).checked = false;
      paintOverlays();
      postView();
    });
  }
}

/** A selection asked for while a picture is being shown (null: none), applied once it is measured. */
let pendingSelection: string | null | undefined;

function select(name: string | undefined, options: { reveal?: boolean; announce?: boolean } = {}): void {
  state.selected = name && state.boxes.has(name) ? name : undefined;
  paintSelection();
  if (state.selected && options.reveal !== false) {
    const box = state.boxes.get(state.selected)!;
    const moved = revealBox(state.transform, box, viewportSize());
    if (moved !== state.transform) {
      state.transform = moved;
      applyTransform();
    }
  }
  if (state.selected && options.announce) {
    const resource = state.resources.get(state.selected);
    liveRegion.textContent = resource ? `${resource.name}, ${resource.type}` : state.selected;
  }
}

function formatPercent(value: number): string {
  return `${value >= 99.99 ? value.toFixed(3) : value.toFixed(2)}%`;
}

function formatCost(value: number): string {
  return `$${value.toLocaleString('en-US', { maximumFractionDigits: value < 100 ? 2 : 0 })}/mo`;
}

function showTooltip(name: string, clientX: number, clientY: number): void {
  const resource = state.resources.get(name);
  if (!resource) return;
  const lines: string[] = [resource.type];
  lines.push(resource.monthlyUSD !== undefined ? `Cost: ${formatCost(resource.monthlyUSD)}` : 'Cost: not priced');
  if (resource.availabilityPercent !== undefined) lines.push(`Availability: ${formatPercent(resource.availabilityPercent)}`);
  const findings = diagramSeverities
    .filter((severity) => (resource.findings[severity] ?? 0) > 0)
    .map((severity) => `${resource.findings[severity]} ${severity}`);
  lines.push(findings.length > 0 ? `Findings: ${findings.join(', ')}` : 'Findings: none');
  if (resource.spof) lines.push('Single point of failure');
  tooltip.replaceChildren(element('strong', {}, resource.name), ...lines.map((line) => element('div', {}, line)));
  tooltip.hidden = false;
  const bounds = app.getBoundingClientRect();
  tooltip.style.left = `${Math.min(clientX - bounds.left + 14, bounds.width - tooltip.offsetWidth - 4)}px`;
  tooltip.style.top = `${Math.min(clientY - bounds.top + 14, bounds.height - tooltip.offsetHeight - 4)}px`;
}

// ----------------------------------------------------------------------------------------------
// Pan, zoom, fit, minimap
// ----------------------------------------------------------------------------------------------

function viewportSize(): { width: number; height: number } {
  return { width: viewport.clientWidth, height: viewport.clientHeight };
}

let transformFrame = 0;
function applyTransform(): void {
  const { x, y, scale } = state.transform;
  canvas.style.transform = `translate(${x}px, ${y}px) scale(${scale})`;
  viewport.dataset.scale = scale.toFixed(4);
  zoomLabel.textContent = `${Math.round(scale * 100)}%`;
  // The minimap's view rectangle follows at most once a frame.
  if (!transformFrame)
    transformFrame = requestAnimationFrame(() => {
      transformFrame = 0;
      drawMinimapView();
    });
}

function fit(size = viewportSize()): void {
  state.transform = fitTransform(state.picture, size);
  applyTransform();
}

function zoomBy(factor: number, atX?: number, atY?: number): void {
  const size = viewportSize();
  state.transform = zoomAt(state.transform, factor, atX ?? size.width / 2, atY ?? size.height / 2);
  state.userMoved = true;
  applyTransform();
}

let minimapView: SVGElement | undefined;
/** `size`: the viewport's, when the caller measured it already (see `replaceSvg`). */
function drawMinimap(size?: { width: number; height: number }): void {
  minimapSvg.replaceChildren();
  // Worth it only when the picture is big: past a screenful of nodes.
  minimap.hidden = state.boxes.size < 25;
  if (minimap.hidden) return;
  minimapSvg.setAttribute('viewBox', `0 0 ${state.picture.width} ${state.picture.height}`);
  for (const box of state.boxes.values())
    svgChild(minimapSvg, 'rect', { x: box.x, y: box.y, width: box.width, height: box.height, class: 'minimap-node' });
  minimapView = svgChild(minimapSvg, 'rect', { class: 'minimap-view' });
  drawMinimapView(size);
}

function drawMinimapView(size = viewportSize()): void {
  if (!minimapView || minimap.hidden) return;
  const { x, y, scale } = state.transform;
  minimapView.setAttribute('x', String(-x / scale));
  minimapView.setAttribute('y', String(-y / scale));
  minimapView.setAttribute('width', String(size.width / scale));
  minimapView.setAttribute('height', String(size.height / scale));
}

minimap.addEventListener('pointerdown', (event) => {
  const bounds = minimapSvg.getBoundingClientRect();
  const ratio = Math.max(state.picture.width / bounds.width, state.picture.height / bounds.height);
  const size = viewportSize();
  const pictureX = (event.clientX - bounds.left) * ratio;
  const pictureY = (event.clientY - bounds.top) * ratio;
  state.transform = {
    scale: state.transform.scale,
    x: size.width / 2 - pictureX * state.transform.scale,
    y: size.height / 2 - pictureY * state.transform.scale,
  };
  state.userMoved = true;
  applyTransform();
});

zoomInButton.addEventListener('click', () => zoomBy(1.25));
zoomOutButton.addEventListener('click', () => zoomBy(0.8));
fitButton.addEventListener('click', () => {
  state.userMoved = false;
  fit();
});
exportButton.addEventListener('click', () => post({ type: 'export', requestId: state.nextRequestId++, view: currentView() }));

viewport.addEventListener(
  'wheel',
  (event) => {
    event.preventDefault();
    const bounds = viewport.getBoundingClientRect();
    if (event.ctrlKey || event.metaKey || Math.abs(event.deltaY) >= Math.abs(event.deltaX)) {
      zoomBy(Math.exp(-event.deltaY / 300), event.clientX - bounds.left, event.clientY - bounds.top);
    } else {
      state.transform = { ...state.transform, x: state.transform.x - event.deltaX };
      state.userMoved = true;
      applyTransform();
    }
  },
  { passive: false },
);

let drag: { startX: number; startY: number; origin: Transform; moved: boolean } | undefined;
viewport.addEventListener('pointerdown', (event) => {
  if (event.button !== 0) return;
  drag = { startX: event.clientX, startY: event.clientY, origin: state.transform, moved: false };
});
viewport.addEventListener('pointermove', (event) => {
  if (drag && (drag.moved || Math.hypot(event.clientX - drag.startX, event.clientY - drag.startY) > 4)) {
    if (!drag.moved) viewport.setPointerCapture(event.pointerId);
    drag.moved = true;
    state.transform = { ...drag.origin, x: drag.origin.x + event.clientX - drag.startX, y: drag.origin.y + event.clientY - drag.startY };
    state.userMoved = true;
    viewport.classList.add('panning');
    applyTransform();
    return;
  }
  const name = (event.target as Element | null)?.closest?.('[data-resource]')?.getAttribute('data-resource');
  if (name) showTooltip(name, event.clientX, event.clientY);
  else tooltip.hidden = true;
});
viewport.addEventListener('pointerleave', () => {
  tooltip.hidden = true;
});
viewport.addEventListener('pointerup', (event) => {
  const wasDrag = drag?.moved;
  drag = undefined;
  viewport.classList.remove('panning');
  if (wasDrag) return;
  const name = (event.target as Element | null)?.closest?.('[data-resource]')?.getAttribute('data-resource');
  if (!name) return;
  select(name, { reveal: false });
  post({ type: 'reveal', requestId: state.nextRequestId++, resource: name });
});

// ----------------------------------------------------------------------------------------------
// Keyboard
// ----------------------------------------------------------------------------------------------

const arrowDirections: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

viewport.addEventListener('keydown', (event) => {
  const direction = arrowDirections[event.key];
  if (direction) {
    event.preventDefault();
    const order = readingOrder(state.boxes);
    const next = state.selected ? (nodeInDirection(state.boxes, state.selected, direction) ?? state.selected) : order[0];
    select(next, { announce: true });
    return;
  }
  if (event.key === 'Tab') {
    const order = readingOrder(state.boxes);
    const index = state.selected ? order.indexOf(state.selected) : -1;
    const next = event.shiftKey ? (index < 0 ? order.length - 1 : index - 1) : index + 1;
    // Past either end, Tab leaves the diagram as it would leave any other control.
    if (next < 0 || next >= order.length) return;
    event.preventDefault();
    select(order[next], { announce: true });
    return;
  }
  if (event.key === 'Enter' || event.key === ' ') {
    if (state.selected) {
      event.preventDefault();
      post({ type: 'reveal', requestId: state.nextRequestId++, resource: state.selected });
    }
    return;
  }
  if (event.key === '+' || event.key === '=') zoomBy(1.25);
  else if (event.key === '-') zoomBy(0.8);
  else if (event.key === '0') {
    state.userMoved = false;
    fit();
  } else if (event.key === 'Escape') select(undefined);
});

// ----------------------------------------------------------------------------------------------
// Messages
// ----------------------------------------------------------------------------------------------

function receive(message: HostMessage): void {
  switch (message.type) {
    case 'diagram':
      showDiagram(message.diagram, message.canExport);
      return;
    case 'select':
      if (canvas.querySelector('svg.pending')) pendingSelection = message.resource;
      else select(message.resource ?? undefined);
      return;
    case 'error':
      showError(message.message);
      return;
  }
}

window.addEventListener('message', (event: MessageEvent) => {
  const message = parseHostMessage(event.data);
  // Anything that is not one of our messages is ignored: validated on receipt.
  if (message) receive(message);
});

// The viewport changes size with the window, and also when the toolbar above it wraps onto
// another line (its controls render after the first picture was fitted; zone toggles come and go):
// the picture is fitted again in the same frame, before it is painted.
new ResizeObserver(() => {
  if (!state.userMoved) fit();
  else drawMinimapView();
}).observe(viewport);

let shownTheme = currentTheme();
new MutationObserver(() => {
  if (currentTheme() === shownTheme) return;
  shownTheme = currentTheme();
  post({ type: 'options', requestId: state.nextRequestId++, theme: currentTheme(), layers: [...state.layers] });
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });

const showing = adoptFirstPicture();
post({
  type: 'ready',
  requestId: state.nextRequestId++,
  theme: currentTheme(),
  layers: [...state.layers],
  ...(showing ? { showing } : {}),
});
// Overlays restored after a reload are painted: the extension learns of them at once.
if (state.overlays.size > 0) postView();
