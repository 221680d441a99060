/**
 * Answers `cloudarch/diagram` inside the evaluation worker: the pure diagram core (src/diagram)
 * builds the graph, its channel layout places and routes it, and the renderer draws the SVG, all off
 * the server's main thread. The diagram core is loaded the first time a diagram is asked for,
 * never at start-up.
 *
 * elkjs lays the picture out only when the request asks for it (`layout: 'elkjs'`, the user's
 * `cloudarch.diagram.layout`): then, and not before, the maker starts the elkjs runner (its own
 * thread, src/node/elk-runner.ts). Whatever elkjs does (throws, hangs past the timeout, draws an
 * edge through a box), the answer is a picture: the channel layout, with a notice saying why
 * (`layoutWithFallback`). A file whose diagram elkjs did not finish in time is not given to elkjs
 * again while its diagram is as large, so a slow file does not hold the worker at every edit.
 *
 * A text that does not parse keeps its last good picture: the answer then carries that picture,
 * the version it was made from, and the first error of the current text.
 */
import type { ArchDocument } from '../core/document';
import type { EvaluationResult } from '../evaluate/types';
import type { ChosenLayout, DiagramGraph, LaidOutDiagram } from '../diagram/index';
import { createElkRunner, defaultElkTimeoutMs, type ElkRunner } from '../node/elk-runner';
import {
  diagramSeverities,
  type DiagramLayoutChoice,
  type DiagramLayer,
  type DiagramOverlay,
  type DiagramParseError,
  type DiagramResource,
  type DiagramResult,
  type DiagramSeverity,
  type DiagramTheme,
  type DiagramZoneOutage,
} from '../protocol/diagram';

/** Diagnostics that mean the text was not read as an architecture at all (syntax, not content). */
const unreadableCodes = new Set([
  'file-too-large',
  'nesting-too-deep',
  'too-many-aliases',
  'invalid-character',
  'yaml-syntax',
  'tab-indentation',
  'multiple-documents',
  'empty-file',
  'not-a-map',
]);

export interface DiagramRequestOptions {
  readonly theme: DiagramTheme;
  readonly layers: readonly DiagramLayer[];
  readonly overlays: readonly DiagramOverlay[];
  /** Who lays the picture out (default `channels`). */
  readonly layout?: DiagramLayoutChoice;
}

export interface DiagramMakerOptions {
  /** Makes the elkjs runner, on the first elkjs layout asked for (default: `createElkRunner()`). */
  readonly loadElk?: () => ElkRunner;
}

/** The first error that stops the text from being read, if any. */
export function firstParseError(doc: ArchDocument): DiagramParseError | undefined {
  const error = doc.diagnostics.find((diagnostic) => diagnostic.severity === 'error' && unreadableCodes.has(diagnostic.code));
  return error ? { message: error.message, range: error.range } : undefined;
}

/** Per-resource figures for hover and overlays: the graph's overlay data, with each resource's ranges. */
export function diagramResources(doc: ArchDocument, graph: DiagramGraph): DiagramResource[] {
  const drawn = new Set(graph.nodes.map((node) => node.resource));
  return doc.resources
    .filter((resource) => drawn.has(resource.name))
    .map((resource) => {
      const overlay = graph.overlay.byResource[resource.name];
      const findings: Partial<Record<DiagramSeverity, number>> = {};
      for (const severity of diagramSeverities)
        if ((overlay?.findings[severity] ?? 0) > 0) findings[severity] = overlay!.findings[severity];
      return {
        name: resource.name,
        type: resource.type ?? 'unknown',
        range: resource.range,
        nameRange: resource.nameRange,
        ...(overlay?.monthlyUSD !== undefined ? { monthlyUSD: overlay.monthlyUSD } : {}),
        ...(overlay?.availabilityPercent !== undefined ? { availabilityPercent: overlay.availabilityPercent } : {}),
        findings,
        spof: overlay?.spof ?? false,
      };
    });
}

/** What each zone's outage does, as the graph's overlay data computed it (one engine run per zone). */
export function zoneOutages(graph: DiagramGraph): DiagramZoneOutage[] {
  return graph.overlay.zonesDown.map((state) => ({
    zone: state.zone,
    containers: [`zone:${state.fullZone}`],
    works: state.systemWorks,
    availabilityPercent: state.availabilityPercent,
    stopped: [...state.stopped],
  }));
}

/** The layers the renderer can add or leave out: its `securityGroups` option, and the graph's network details (`buildDiagramGraph`'s `network`). */
const drawableLayers: readonly DiagramLayer[] = ['security-groups', 'network'];

interface LastPicture {
  readonly version: number;
  readonly svg: string;
  readonly resources: DiagramResource[];
  readonly zones: DiagramZoneOutage[];
  readonly availabilityPercent?: number;
  readonly monthlyUSD?: number;
  readonly laidOut: LaidOutDiagram;
  readonly key: string;
  /** The layout the request asked for (the picture's own is `laidOut.profile`). */
  readonly layoutAsked: DiagramLayoutChoice;
  readonly layoutNotice?: string;
}

/** One maker per worker: it holds each document's last good picture. */
export function createDiagramMaker(makerOptions: DiagramMakerOptions = {}): {
  make(
    key: string,
    version: number,
    doc: ArchDocument,
    evaluation: EvaluationResult | undefined,
    options: DiagramRequestOptions,
  ): Promise<DiagramResult>;
  forget(key: string): void;
} {
  let core: typeof import('../diagram/index') | undefined;
  let elk: ElkRunner | undefined;
  const last = new Map<string, LastPicture>();
  /** Per document, the node count of a diagram elkjs did not lay out in time. */
  const elkTooSlowAt = new Map<string, number>();

  const load = () => {
    core ??= require('../diagram/index') as typeof import('../diagram/index');
    return { core };
  };

  const layOut = async (
    key: string,
    graph: DiagramGraph,
    asked: DiagramLayoutChoice,
    previous: LastPicture | undefined,
  ): Promise<ChosenLayout> => {
    const { core } = load();
    const before = previous?.laidOut;
    if (asked === 'channels') return core.layoutWithFallback(graph, before ? { previous: before } : {});
    // elkjs could not be used for this very structure last time: the same answer, without asking it again.
    if (previous?.layoutAsked === 'elkjs' && previous.layoutNotice !== undefined && before?.graph.structureKey === graph.structureKey) {
      return { laidOut: { ...before, graph, reused: true }, notice: previous.layoutNotice };
    }
    const tooSlowAt = elkTooSlowAt.get(key);
    if (tooSlowAt !== undefined && graph.nodes.length >= tooSlowAt) {
      const channels = await core.layoutWithFallback(graph, before?.profile === 'channels' ? { previous: before } : {});
      return {
        laidOut: channels.laidOut,
        notice: `elkjs did not lay out this diagram within ${defaultElkTimeoutMs / 1000} s at ${tooSlowAt} boxes; it is drawn with the channel layout, and elkjs is tried again when the diagram has fewer boxes or the file is reopened.`,
      };
    }
    elk ??= (makerOptions.loadElk ?? createElkRunner)();
    const timeoutsBefore = elk.timeouts;
    const chosen = await core.layoutWithFallback(graph, { elk, profile: 'fast', ...(before ? { previous: before } : {}) });
    if (elk.timeouts > timeoutsBefore) elkTooSlowAt.set(key, graph.nodes.length);
    return chosen;
  };

  return {
    async make(key, version, doc, evaluation, options) {
      const title = doc.name ?? 'Architecture';
      const parseError = firstParseError(doc);
      const previous = last.get(key);
      if (parseError) {
        return {
          uri: key,
          version,
          pictureVersion: previous?.version ?? version,
          ...(previous ? { svg: previous.svg, availabilityPercent: previous.availabilityPercent, monthlyUSD: previous.monthlyUSD } : {}),
          title,
          resources: previous?.resources ?? [],
          zones: previous?.zones ?? [],
          availableLayers: drawableLayers,
          parseError,
        };
      }
      const started = performance.now();
      const loaded = load();
      const graph = loaded.core.buildDiagramGraph(doc, evaluation, { network: options.layers.includes('network') });
      const layoutAsked = options.layout ?? 'channels';
      const { laidOut, notice } = await layOut(key, graph, layoutAsked, previous);
      if (laidOut.status === 'error') throw new Error(laidOut.error ?? 'The layout failed.');
      const svg = loaded.core.renderDiagramSvg(laidOut, {
        theme: options.theme,
        // The core never reads the clock: the title block's date is the day the picture was drawn.
        title: { date: new Date().toISOString().slice(0, 10) },
        overlays: {
          costHeat: options.overlays.includes('cost'),
          findings: options.overlays.includes('findings'),
          spof: options.overlays.includes('spof'),
          securityGroups: options.layers.includes('security-groups'),
        },
      });
      const picture: LastPicture = {
        key,
        version,
        svg,
        laidOut,
        resources: diagramResources(doc, graph),
        zones: zoneOutages(graph),
        ...(evaluation?.availability ? { availabilityPercent: evaluation.availability.percent } : {}),
        ...(evaluation?.cost ? { monthlyUSD: evaluation.cost.monthlyUSD } : {}),
        layoutAsked,
        ...(notice !== undefined ? { layoutNotice: notice } : {}),
      };
      last.set(key, picture);
      const { laidOut: _laidOut, key: _key, layoutAsked: _asked, ...shown } = picture;
      return {
        uri: key,
        pictureVersion: version,
        title,
        ...shown,
        availableLayers: drawableLayers,
        renderMs: performance.now() - started,
        layout: laidOut.profile === 'channels' ? 'channels' : 'elkjs',
      };
    },
    forget(key) {
      last.delete(key);
      elkTooSlowAt.delete(key);
    },
  };
}
