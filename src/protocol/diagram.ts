/**
 * The diagram's two protocols, shared by every side so none re-declares them (house style: one
 * protocol module):
 *
 * 1. `cloudarch/diagram`, the LSP request that answers an SVG picture of an open document with the
 *    per-resource figures its overlays need. Any LSP client can send it (docs/language-server.md).
 * 2. The messages between the diagram webview and the extension that hosts it: a discriminated union
 *    on `type`, each side validating what it receives with `parseWebviewMessage` /
 *    `parseHostMessage` before acting on it (a webview is a separate, less trusted context).
 *
 * Types, constants and validators only: no `vscode`, no connection, no DOM.
 */

import { SETTINGS, type DiagramLayoutSetting } from './settings';

/** The colour schemes the renderer knows; the webview asks for the one VS Code shows. */
export type DiagramTheme = 'light' | 'dark' | 'high-contrast';
export const diagramThemes: readonly DiagramTheme[] = ['light', 'dark', 'high-contrast'];

/** Optional layers drawn into the SVG itself (they change the layout, so the server draws them). */
export type DiagramLayer = 'security-groups' | 'network';
export const diagramLayers: readonly DiagramLayer[] = ['security-groups', 'network'];

/** Overlays the webview paints over the picture from the per-resource figures (no new layout). */
export type DiagramOverlay = 'cost' | 'findings' | 'spof';
export const diagramOverlays: readonly DiagramOverlay[] = ['cost', 'findings', 'spof'];

/**
 * Who lays the picture out (the `cloudarch.diagram.layout` setting): `channels`, the project's own
 * layout (fast at any size); `elkjs`, ELK's layered layout with hierarchy (its look, slower, loaded
 * on first use; any failure or timeout draws the channel layout with a notice).
 */
export type DiagramLayoutChoice = DiagramLayoutSetting;
/** The setting's values, in its order (one source: the setting's declaration). */
export const diagramLayoutChoices: readonly DiagramLayoutChoice[] = SETTINGS['cloudarch.diagram.layout'].enum;

export type DiagramSeverity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export const diagramSeverities: readonly DiagramSeverity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** An LSP range (0-based line, UTF-16 character), repeated here so the webview needs no LSP types. */
export interface DiagramRange {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

/** `cloudarch/diagram`: the picture of an open document. */
export const diagramRequestMethod = 'cloudarch/diagram';

export interface DiagramParams {
  readonly uri: string;
  /** The version the client has; the server answers for its newest version, which may be later. */
  readonly version?: number;
  readonly theme?: DiagramTheme;
  /** Layers to draw (default: none). */
  readonly layers?: readonly DiagramLayer[];
  /** Overlays the renderer draws as badges (default: none; the webview paints its own). */
  readonly overlays?: readonly DiagramOverlay[];
  /** Who lays the picture out (default: the server's `diagram.layout` setting, else `channels`). */
  readonly layout?: DiagramLayoutChoice;
}

/** One resource as the diagram shows it, for hover, overlays and linking back to the YAML. */
export interface DiagramResource {
  readonly name: string;
  readonly type: string;
  /** The whole definition, from its name to its last value (the editor's cursor in it selects the node). */
  readonly range: DiagramRange;
  /** The name's key (a click on the node selects it in the editor). */
  readonly nameRange: DiagramRange;
  /** Monthly cost in USD, absent when not priced. */
  readonly monthlyUSD?: number;
  /** Percent probability the resource works, absent when not evaluated. */
  readonly availabilityPercent?: number;
  /** Finding counts by severity (only severities with findings). */
  readonly findings: Readonly<Partial<Record<DiagramSeverity, number>>>;
  /** Whether the loss of one unit stops the whole system. */
  readonly spof: boolean;
}

/** What one zone's outage does: the system's state and the resources that stop working. */
export interface DiagramZoneOutage {
  /** The zone's name as the evaluation reports it (a letter in single-region files, e.g. `a`). */
  readonly zone: string;
  /** The ids of the `data-container` boxes of this zone (greyed out with it). */
  readonly containers: readonly string[];
  /** Whether the system still works with this zone down. */
  readonly works: boolean;
  /** The system's availability (percent) with this zone down, when known. */
  readonly availabilityPercent?: number;
  /** Resources that stop working with this zone down. */
  readonly stopped: readonly string[];
}

/** The first error of a text that does not parse; the picture is then the last good one. */
export interface DiagramParseError {
  readonly message: string;
  readonly range: DiagramRange;
}

export interface DiagramResult {
  readonly uri: string;
  /** The document version the server answered for (the newest it has). */
  readonly version: number;
  /** The version the SVG and figures were made from: lower than `version` when the text does not parse. */
  readonly pictureVersion: number;
  /** The picture; absent only when no version of the document has ever parsed. */
  readonly svg?: string;
  readonly title: string;
  readonly resources: readonly DiagramResource[];
  readonly zones: readonly DiagramZoneOutage[];
  /** The system availability (percent) with everything up, when evaluated. */
  readonly availabilityPercent?: number;
  readonly monthlyUSD?: number;
  /** The layers this server can draw (the webview offers toggles for these only). */
  readonly availableLayers: readonly DiagramLayer[];
  /** Present when the current text does not parse. */
  readonly parseError?: DiagramParseError;
  /** Milliseconds the server spent on layout and rendering (for the benchmark and the status line). */
  readonly renderMs?: number;
  /** The layout that drew the picture: `channels` when `elkjs` was asked for but could not be used. */
  readonly layout?: DiagramLayoutChoice;
  /** Why the picture is not laid out as asked (elkjs failed, timed out or drew an unsound picture); shown in the panel. */
  readonly layoutNotice?: string;
}

/** A resource as the webview is sent it: without its ranges, which only the extension uses (it links a name to its YAML). */
export type WebviewResource = Omit<DiagramResource, 'range' | 'nameRange'>;

/**
 * A picture as the webview is sent it (`webviewDiagram`): the `cloudarch/diagram` answer without
 * what the webview never reads. The page reports a click or a selection by resource name, and the
 * extension, which keeps the whole answer, finds the range; so each resource's two ranges (six
 * objects each time) are not copied into the page with every picture.
 */
export interface WebviewDiagram extends Omit<DiagramResult, 'resources'> {
  readonly resources: readonly WebviewResource[];
}

/** What the webview is sent of an answer: the same figures, without the resources' ranges. */
export function webviewDiagram(result: DiagramResult): WebviewDiagram {
  return {
    ...result,
    resources: result.resources.map(({ range: _range, nameRange: _nameRange, ...shown }) => shown),
  };
}

// ---------------------------------------------------------------------------------------------
// Webview ⇄ extension messages
// ---------------------------------------------------------------------------------------------

/** What the webview keeps across reloads (`vscode.setState`); the serializer reads `uri`. */
export interface DiagramViewState {
  readonly uri: string;
  readonly layers: readonly DiagramLayer[];
  readonly overlays: readonly DiagramOverlay[];
}

/**
 * What the panel shows, as an export takes it (issue 12: the export matches the panel): the theme,
 * the layers drawn, the overlays painted and the zone toggled down, if any.
 */
export interface DiagramView {
  readonly theme: DiagramTheme;
  readonly layers: readonly DiagramLayer[];
  readonly overlays: readonly DiagramOverlay[];
  /** A `DiagramZoneOutage.zone` of the picture shown. */
  readonly zoneDown?: string;
}

/** Which picture a page shows: the document version answered for and the version drawn (`DiagramResult`). */
export interface PictureVersions {
  readonly version: number;
  readonly pictureVersion: number;
}

/**
 * The first picture can come with the page itself (src/client/diagram-page.ts): its SVG inside the
 * page's canvas, painted by the browser as the page loads, and the rest of the answer as JSON in a
 * data block (a `<script type="application/json">`, never run) with this id, with `canExport`.
 * The page's script adopts that picture instead of waiting for a message.
 */
export const firstDiagramElementId = 'first-diagram';
/**
 * Up to this size (the renderer's style sheet included; a 100-resource picture is about 150 KB) a
 * picture is put in the page whole, in one frame: by the webview when it comes by message
 * (webview/main.ts, `buildSvg`), and by the panel in the page's HTML. A bigger one comes by message
 * and is built a slice per frame, so that no task of the page's main thread grows past 50 ms.
 */
export const wholePictureBytes = 192 * 1024;

/** The class of the canvas while it holds the page's first picture, fitted by CSS until the script takes over. */
export const firstPictureClass = 'first-picture';

/** What the data block of a page's first picture holds: the answer without its SVG (that is in the page). */
export interface FirstDiagramData {
  readonly diagram: WebviewDiagram;
  readonly canExport: boolean;
}

/** The page's first-picture data, or `undefined` when it is not well-formed (then the page waits for a message). */
export function parseFirstDiagramData(value: unknown): FirstDiagramData | undefined {
  if (!isObject(value) || typeof value.canExport !== 'boolean' || !isWebviewDiagram(value.diagram)) return undefined;
  return { diagram: value.diagram, canExport: value.canExport };
}

/** Webview → extension. Each carries a `requestId` the extension echoes in its answer, if any. */
export type WebviewMessage =
  /**
   * The page has loaded its script and listens: only then is it sent a diagram (handshake).
   * `showing`: the picture the page came with (`firstDiagramElementId`) is shown, drawn from these
   * versions; the extension sends no picture until a newer one exists.
   */
  | {
      readonly type: 'ready';
      readonly requestId: number;
      readonly theme: DiagramTheme;
      readonly layers: readonly DiagramLayer[];
      readonly showing?: PictureVersions;
    }
  /** The user changed the theme or the layers: a new picture is needed. */
  | { readonly type: 'options'; readonly requestId: number; readonly theme: DiagramTheme; readonly layers: readonly DiagramLayer[] }
  /** Reveal and select a resource's YAML (a click, or Enter on a focused node). */
  | { readonly type: 'reveal'; readonly requestId: number; readonly resource: string }
  /** The export button: run `cloudarch.exportDiagram` on the document, as the panel shows it (`view`). */
  | { readonly type: 'export'; readonly requestId: number; readonly view?: DiagramView }
  /** The user toggled an overlay or a zone: the extension keeps it, for an export from the command palette. */
  | { readonly type: 'view'; readonly requestId: number; readonly view: DiagramView }
  /**
   * "Simulate this outage", offered while a zone is toggled down: run CloudArch: Simulate… with
   * that zone failing (`zone:<zone>@…`). `zone` is a `DiagramZoneOutage.zone` of the picture shown.
   */
  | { readonly type: 'simulateOutage'; readonly requestId: number; readonly zone: string };

/** Extension → webview. */
export type HostMessage =
  /** A picture, in answer to `ready`/`options` (their `requestId`) or pushed after an edit (no id). */
  | { readonly type: 'diagram'; readonly requestId?: number; readonly diagram: WebviewDiagram; readonly canExport: boolean }
  /** The editor's cursor is in this resource (or in none): select and scroll to its node. */
  | { readonly type: 'select'; readonly resource: string | null }
  /** A request failed or the server is not available; shown as a notice over the last picture. */
  | { readonly type: 'error'; readonly requestId?: number; readonly message: string };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isRequestId = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
const isListOf = <T extends string>(value: unknown, allowed: readonly T[]): value is T[] =>
  Array.isArray(value) &&
  value.length <= allowed.length &&
  value.every((item) => typeof item === 'string' && (allowed as readonly string[]).includes(item));
/** A zone as the zone-down toggles name it: a letter (`a`) or a full zone name (`us-east-1a`). */
const isZoneName = (value: unknown): value is string => typeof value === 'string' && /^[a-z0-9-]{1,32}$/.test(value);
/** Resource names are short; a longer string is not one of ours. */
const isName = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 512;

function isView(value: unknown): value is DiagramView {
  return (
    isObject(value) &&
    typeof value.theme === 'string' &&
    (diagramThemes as readonly string[]).includes(value.theme) &&
    isListOf(value.layers, diagramLayers) &&
    isListOf(value.overlays, diagramOverlays) &&
    (value.zoneDown === undefined || isZoneName(value.zoneDown))
  );
}

/** A validated view, copied field by field (nothing else the message carried rides along). */
function viewOf(view: DiagramView): DiagramView {
  return {
    theme: view.theme,
    layers: [...view.layers],
    overlays: [...view.overlays],
    ...(view.zoneDown !== undefined ? { zoneDown: view.zoneDown } : {}),
  };
}

/** The message the webview sent, or `undefined` when it is not a well-formed one (then it is ignored). */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  if (!isObject(value) || !isRequestId(value.requestId)) return undefined;
  const requestId = value.requestId;
  switch (value.type) {
    case 'ready':
    case 'options':
      if (
        typeof value.theme !== 'string' ||
        !(diagramThemes as readonly string[]).includes(value.theme) ||
        !isListOf(value.layers, diagramLayers)
      )
        return undefined;
      if (value.type === 'ready' && value.showing !== undefined) {
        const showing = value.showing;
        if (!isObject(showing) || !isFiniteNumber(showing.version) || !isFiniteNumber(showing.pictureVersion)) return undefined;
        return {
          type: 'ready',
          requestId,
          theme: value.theme as DiagramTheme,
          layers: value.layers,
          showing: { version: showing.version, pictureVersion: showing.pictureVersion },
        };
      }
      return { type: value.type, requestId, theme: value.theme as DiagramTheme, layers: value.layers };
    case 'reveal':
      return isName(value.resource) ? { type: 'reveal', requestId, resource: value.resource } : undefined;
    case 'export':
      if (value.view === undefined) return { type: 'export', requestId };
      return isView(value.view) ? { type: 'export', requestId, view: viewOf(value.view) } : undefined;
    case 'view':
      return isView(value.view) ? { type: 'view', requestId, view: viewOf(value.view) } : undefined;
    case 'simulateOutage':
      return isZoneName(value.zone) ? { type: 'simulateOutage', requestId, zone: value.zone } : undefined;
    default:
      return undefined;
  }
}

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isPosition = (value: unknown): boolean => isObject(value) && isFiniteNumber(value.line) && isFiniteNumber(value.character);
const isRange = (value: unknown): value is DiagramRange => isObject(value) && isPosition(value.start) && isPosition(value.end);
const isOptionalNumber = (value: unknown): boolean => value === undefined || isFiniteNumber(value);

function isResource(value: unknown): value is DiagramResource {
  return isObject(value) && isRange(value.range) && isRange(value.nameRange) && isWebviewResource(value);
}

function isWebviewResource(value: unknown): value is WebviewResource {
  return (
    isObject(value) &&
    isName(value.name) &&
    typeof value.type === 'string' &&
    isOptionalNumber(value.monthlyUSD) &&
    isOptionalNumber(value.availabilityPercent) &&
    isObject(value.findings) &&
    Object.entries(value.findings).every(
      ([severity, count]) => (diagramSeverities as readonly string[]).includes(severity) && isFiniteNumber(count),
    ) &&
    typeof value.spof === 'boolean'
  );
}

function isZoneOutage(value: unknown): value is DiagramZoneOutage {
  return (
    isObject(value) &&
    typeof value.zone === 'string' &&
    Array.isArray(value.containers) &&
    value.containers.every((id) => typeof id === 'string') &&
    typeof value.works === 'boolean' &&
    isOptionalNumber(value.availabilityPercent) &&
    Array.isArray(value.stopped) &&
    value.stopped.every(isName)
  );
}

/** Whether a value is a well-formed `cloudarch/diagram` result. */
export function isDiagramResult(value: unknown): value is DiagramResult {
  return isDiagramShape(value, isResource);
}

/** Whether a value is a well-formed picture for the webview (`webviewDiagram`; the webview checks what it is given). */
export function isWebviewDiagram(value: unknown): value is WebviewDiagram {
  return isDiagramShape(value, isWebviewResource);
}

function isDiagramShape(value: unknown, isResourceOfShape: (resource: unknown) => boolean): boolean {
  return (
    isObject(value) &&
    typeof value.uri === 'string' &&
    isFiniteNumber(value.version) &&
    isFiniteNumber(value.pictureVersion) &&
    (value.svg === undefined || typeof value.svg === 'string') &&
    typeof value.title === 'string' &&
    Array.isArray(value.resources) &&
    value.resources.every(isResourceOfShape) &&
    isListOf(value.availableLayers, diagramLayers) &&
    Array.isArray(value.zones) &&
    value.zones.every(isZoneOutage) &&
    isOptionalNumber(value.availabilityPercent) &&
    isOptionalNumber(value.monthlyUSD) &&
    isOptionalNumber(value.renderMs) &&
    (value.layout === undefined ||
      (typeof value.layout === 'string' && (diagramLayoutChoices as readonly string[]).includes(value.layout))) &&
    (value.layoutNotice === undefined || typeof value.layoutNotice === 'string') &&
    (value.parseError === undefined ||
      (isObject(value.parseError) && typeof value.parseError.message === 'string' && isRange(value.parseError.range)))
  );
}

/** The message the extension sent, or `undefined` when it is not a well-formed one. */
export function parseHostMessage(value: unknown): HostMessage | undefined {
  if (!isObject(value)) return undefined;
  const requestId = value.requestId === undefined ? undefined : isRequestId(value.requestId) ? value.requestId : null;
  if (requestId === null) return undefined;
  switch (value.type) {
    case 'diagram':
      if (!isWebviewDiagram(value.diagram) || typeof value.canExport !== 'boolean') return undefined;
      return { type: 'diagram', ...(requestId !== undefined ? { requestId } : {}), diagram: value.diagram, canExport: value.canExport };
    case 'select':
      return value.resource === null || isName(value.resource) ? { type: 'select', resource: value.resource } : undefined;
    case 'error':
      return typeof value.message === 'string'
        ? { type: 'error', ...(requestId !== undefined ? { requestId } : {}), message: value.message }
        : undefined;
    default:
      return undefined;
  }
}

/** Whether a value is a view state the serializer can restore a panel from. */
export function parseViewState(value: unknown): DiagramViewState | undefined {
  if (!isObject(value) || typeof value.uri !== 'string' || value.uri.length === 0) return undefined;
  return {
    uri: value.uri,
    layers: isListOf(value.layers, diagramLayers) ? value.layers : [],
    overlays: isListOf(value.overlays, diagramOverlays) ? value.overlays : [],
  };
}

/** The view type of the diagram panel (the serializer is registered for it; package.json activates on it). */
export const diagramViewType = 'cloudarch.diagram';

/** The command that opens the panel, and the one the export button runs. */
export const showDiagramCommand = 'cloudarch.showDiagram';
export const exportDiagramCommand = 'cloudarch.exportDiagram';
/** The command "Simulate this outage" runs (CloudArch: Simulate…). */
export const simulateCommand = 'cloudarch.simulate';
