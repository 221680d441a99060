/**
 * Answers `cloudarch/diagram` inside the evaluation worker: the pure diagram core (src/diagram)
 * builds the graph, its channel layout places and routes it, and the renderer draws the SVG, all off
 * the server's main thread. The diagram core is loaded the first time a diagram is asked for,
 * never at start-up; elkjs is not needed for the picture at all (it is the benchmark's reference).
 *
 * A text that does not parse keeps its last good picture: the answer then carries that picture,
 * the version it was made from, and the first error of the current text.
 */
import type { ArchDocument } from '../core/document';
import type { EvaluationResult } from '../evaluate/types';
import type { DiagramGraph, LaidOutDiagram } from '../diagram/index';
import {
  diagramSeverities,
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
}

/** One maker per worker: it holds each document's last good picture. */
export function createDiagramMaker(): {
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
  const last = new Map<string, LastPicture>();

  const load = () => {
    core ??= require('../diagram/index') as typeof import('../diagram/index');
    return { core };
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
      const laidOut = await loaded.core.layoutDiagram(graph, { ...(previous ? { previous: previous.laidOut } : {}) });
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
      };
      last.set(key, picture);
      const { laidOut: _laidOut, key: _key, ...shown } = picture;
      return { uri: key, pictureVersion: version, title, ...shown, availableLayers: drawableLayers, renderMs: performance.now() - started };
    },
    forget(key) {
      last.delete(key);
    },
  };
}
