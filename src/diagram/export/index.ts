/**
 * Every export format in one table: what it is called, the file it makes, and how it is produced
 * from a parsed architecture. The CLI (`cloudarch export`) and the language server's
 * `cloudarch/export` request both go through `exportArchitecture`, so the two give the same bytes.
 *
 * Pure: what needs the outside world is injected. The diagram is laid out by the channel layout
 * (`layoutDiagram`'s default, no elkjs) unless `layoutProfile` asks for elkjs (`services.elk`,
 * loaded by the adapter; a failure falls back to the channel layout with a note), and the PNG rasteriser (`services.rasterise`, WebAssembly plus a bundled font, loaded by the adapter)
 * turns the SVG into pixels. A format that does not need it never asks for it.
 *
 * Adding a format is one entry in `exportFormats` (and its id in `ExportFormatId`).
 */
import type { ArchDocument } from '../../core/document';
import { evaluateAll } from '../../evaluate';
import type { EvaluationResult } from '../../evaluate/types';
import { buildDiagramGraph } from '../graph';
import { layoutWithFallback } from '../layout';
import { renderDiagramSvg } from '../render/svg';
import type { DiagramOverlays, DiagramTheme, ElkLike, LaidOutDiagram, LayoutProfile } from '../types';
import { toDrawio } from './drawio';
import { toMermaid } from './mermaid';
import { reviewHtml, reviewMarkdown } from './review';

export { toDrawio, drawioNodeStyle } from './drawio';
export { toMermaid, mermaidTitle } from './mermaid';
export { buildReview, reviewHtml, reviewMarkdown, type ReviewOptions } from './review';

export type ExportFormatId = 'svg' | 'png' | 'drawio' | 'mermaid' | 'markdown' | 'html';

/** Turns an SVG into PNG bytes at `scale` pixels per diagram unit. */
export type Rasterise = (svg: string, scale: number) => Promise<RasterisedPng>;

export interface RasterisedPng {
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
  /** The scale used: lower than asked when the picture would exceed the pixel budget. */
  readonly scale: number;
}

export interface ExportServices {
  /** Needed by `png`. */
  readonly rasterise?: Rasterise;
  /** Needed by the elkjs layout profiles (`ExportOptions.layoutProfile`); loaded by the adapter. */
  readonly elk?: ElkLike;
}

/** The diagram's optional layers, as the panel's toggles and the CLI's `--layers` name them. */
export type ExportLayer = 'security-groups' | 'network';
export const exportLayers: readonly ExportLayer[] = ['security-groups', 'network'];

export interface ExportOptions {
  readonly theme?: DiagramTheme;
  readonly overlays?: DiagramOverlays;
  /**
   * The layers drawn. When given, they decide the security-group badges (`overlays.securityGroups`
   * is then ignored) and the network-details layer; when absent, the badges are drawn (unless the
   * overlays say otherwise) and the network layer is not.
   */
  readonly layers?: readonly ExportLayer[];
  /** PNG pixels per diagram unit (default 2). */
  readonly scale?: number;
  /** Written in the title block and the review (the core never reads the clock). */
  readonly date?: string;
  /** The file the architecture came from (named in reviews). */
  readonly file?: string;
  /** The name the main output will have, without folder (for the review's SVG beside it). */
  readonly outputName?: string;
  readonly version?: string;
  /** An evaluation already computed for this document (the server's worker has one). */
  readonly evaluation?: EvaluationResult;
  /**
   * Who lays the picture out: `channels` (the default) or an elkjs profile (`fast`), which needs
   * `services.elk`. An elkjs failure draws the channel layout and adds a note saying why.
   */
  readonly layoutProfile?: LayoutProfile;
}

/** One file an export writes next to the main one (the review's diagram). */
export interface ExportAttachment {
  /** File name, beside the main output. */
  readonly name: string;
  readonly text: string;
}

export interface ExportOutput {
  readonly format: ExportFormatId;
  /** Text formats: the text; binary formats: undefined. */
  readonly text?: string;
  /** Binary formats: the bytes. */
  readonly bytes?: Uint8Array;
  readonly attachments: readonly ExportAttachment[];
  /** Things the user should know (a PNG scaled down to fit the pixel budget). */
  readonly notes: readonly string[];
}

interface ProduceContext {
  readonly doc: ArchDocument;
  readonly options: ExportOptions;
  readonly services: ExportServices;
  /** The evaluation (computed once, on first use). */
  evaluation(): EvaluationResult;
  /** The laid-out diagram (computed once, on first use). */
  diagram(): Promise<LaidOutDiagram>;
  /**
   * The diagram as SVG with the chosen theme and overlays. `forRaster` leaves out the style
   * sheet: its colours are CSS custom properties (for the webview's theming), which resvg does not
   * read, and every colour is also written as a presentation attribute.
   */
  svg(theme?: DiagramTheme, forRaster?: boolean): Promise<string>;
}

export interface ExportFormat {
  readonly id: ExportFormatId;
  /** For pickers: `SVG image`. */
  readonly label: string;
  /** File extension with its dot. */
  readonly extension: string;
  readonly mediaType: string;
  readonly binary: boolean;
  /** The review documents; the rest are pictures of the diagram. */
  readonly kind: 'diagram' | 'review';
  produce(context: ProduceContext): Promise<Omit<ExportOutput, 'format'>>;
}

/** The overlays drawn when the caller chooses none: what a reviewer wants to see on the picture. */
export const defaultExportOverlays: DiagramOverlays = { findings: true, spof: true };

/** The overlays an export draws: the caller's (or the defaults), with the security-group badges as its layers say. */
function overlaysOf(options: ExportOptions): DiagramOverlays {
  const overlays = options.overlays ?? defaultExportOverlays;
  return options.layers === undefined ? overlays : { ...overlays, securityGroups: options.layers.includes('security-groups') };
}

/** The SVG name beside a review document: `review.md` -> `review.diagram.svg`. */
export function diagramNameBeside(outputName: string): string {
  const base = outputName.replace(/\.(md|markdown|html?)$/i, '');
  return `${base}.diagram.svg`;
}

export const exportFormats: Readonly<Record<ExportFormatId, ExportFormat>> = {
  svg: {
    id: 'svg',
    label: 'SVG image',
    extension: '.svg',
    mediaType: 'image/svg+xml',
    binary: false,
    kind: 'diagram',
    produce: async (context) => ({ text: await context.svg(), attachments: [], notes: [] }),
  },
  png: {
    id: 'png',
    label: 'PNG image',
    extension: '.png',
    mediaType: 'image/png',
    binary: true,
    kind: 'diagram',
    produce: async (context) => {
      const rasterise = context.services.rasterise;
      if (rasterise === undefined) throw new Error('PNG export needs a rasteriser');
      const asked = context.options.scale ?? 2;
      const image = await rasterise(await context.svg(undefined, true), asked);
      const notes =
        image.scale < asked
          ? [
              `the picture was drawn at scale ${image.scale.toFixed(2)} instead of ${asked} to stay within the pixel budget (${image.width}x${image.height})`,
            ]
          : [];
      return { bytes: image.png, attachments: [], notes };
    },
  },
  drawio: {
    id: 'drawio',
    label: 'draw.io diagram',
    extension: '.drawio',
    mediaType: 'application/vnd.jgraph.mxfile',
    binary: false,
    kind: 'diagram',
    produce: async (context) => ({ text: toDrawio(await context.diagram()), attachments: [], notes: [] }),
  },
  mermaid: {
    id: 'mermaid',
    label: 'Mermaid architecture diagram',
    extension: '.mmd',
    mediaType: 'text/vnd.mermaid',
    binary: false,
    kind: 'diagram',
    produce: async (context) => ({ text: toMermaid(buildDiagramGraph(context.doc, context.evaluation())), attachments: [], notes: [] }),
  },
  markdown: {
    id: 'markdown',
    label: 'Markdown design review',
    extension: '.md',
    mediaType: 'text/markdown',
    binary: false,
    kind: 'review',
    produce: async (context) => {
      const { options } = context;
      const diagramFile = options.outputName !== undefined ? diagramNameBeside(options.outputName) : undefined;
      const text = reviewMarkdown(context.doc, context.evaluation(), {
        ...reviewOptions(options),
        ...(diagramFile !== undefined ? { diagramFile } : {}),
      });
      // The SVG beside a Markdown file is drawn in the light theme: GitHub and VS Code show it on white or dark pages alike with its own background.
      const attachments = diagramFile !== undefined ? [{ name: diagramFile, text: await context.svg() }] : [];
      return { text, attachments, notes: [] };
    },
  },
  html: {
    id: 'html',
    label: 'HTML design review',
    extension: '.html',
    mediaType: 'text/html',
    binary: false,
    kind: 'review',
    produce: async (context) => ({
      text: reviewHtml(context.doc, context.evaluation(), {
        ...reviewOptions(context.options),
        diagramSvg: await context.svg(context.options.theme ?? 'print'),
      }),
      attachments: [],
      notes: [],
    }),
  },
};

function reviewOptions(options: ExportOptions): { file?: string; date?: string; version?: string } {
  return {
    ...(options.file !== undefined ? { file: options.file } : {}),
    ...(options.date !== undefined ? { date: options.date } : {}),
    ...(options.version !== undefined ? { version: options.version } : {}),
  };
}

/** Whether `id` names an export format. */
export function isExportFormat(id: string): id is ExportFormatId {
  return Object.prototype.hasOwnProperty.call(exportFormats, id);
}

/**
 * Exports a parsed architecture (the caller has checked it has no errors). Rejects when a
 * service the format needs is missing; a layout failure still gives a picture that says so.
 */
export async function exportArchitecture(
  doc: ArchDocument,
  format: ExportFormatId,
  services: ExportServices,
  options: ExportOptions = {},
): Promise<ExportOutput> {
  const definition = exportFormats[format];
  let evaluation: EvaluationResult | undefined = options.evaluation;
  let diagram: Promise<LaidOutDiagram> | undefined;
  /** Why the picture is not laid out as asked (an elkjs failure), for the notes. */
  let layoutNotice: string | undefined;
  const context: ProduceContext = {
    doc,
    options,
    services,
    // A picture needs the overlay figures, not the Monte Carlo cross-check: skipping it keeps a
    // large export fast. A review shows the cross-check, so it runs the full evaluation.
    evaluation: () => (evaluation ??= evaluateAll(doc, definition.kind === 'review' ? {} : { monteCarloSamples: 0 })),
    diagram: () => {
      if (diagram === undefined) {
        const elk = services.elk;
        diagram = layoutWithFallback(
          buildDiagramGraph(doc, context.evaluation(), { network: options.layers?.includes('network') === true }),
          {
            ...(options.layoutProfile !== undefined ? { profile: options.layoutProfile } : {}),
            ...(elk !== undefined ? { elk } : {}),
          },
        ).then((chosen) => {
          layoutNotice = chosen.notice;
          return chosen.laidOut;
        });
      }
      return diagram;
    },
    svg: async (theme, forRaster) =>
      renderDiagramSvg(await context.diagram(), {
        theme: theme ?? options.theme ?? 'light',
        ...(forRaster === true ? { omitStyle: true } : {}),
        overlays: overlaysOf(options),
        ...(options.date !== undefined ? { title: { date: options.date } } : {}),
      }),
  };
  const output = await definition.produce(context);
  return { format, ...output, notes: layoutNotice !== undefined ? [...output.notes, layoutNotice] : output.notes };
}
