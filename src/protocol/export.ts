/**
 * `cloudarch/export`: the server exports an open document (the diagram as SVG, PNG, draw.io or
 * Mermaid, or the design review as Markdown or HTML) and answers with the file's content; the
 * client only asks where to save it and writes it. Types and names only, shared by both sides.
 */

import type { DiagramOverlays, DiagramTheme } from '../diagram/types';
import type { DiagramLayer, DiagramLayoutChoice, DiagramView } from './diagram';

export const exportRequestMethod = 'cloudarch/export';

/** Every export format, with what the client's picker and save dialog need to know. */
export const exportFormatInfo = {
  svg: { label: 'SVG image', extension: 'svg', kind: 'diagram', description: 'A vector picture for slides, wikis and pull requests' },
  png: { label: 'PNG image', extension: 'png', kind: 'diagram', description: 'A bitmap for chat and slides' },
  drawio: { label: 'draw.io diagram', extension: 'drawio', kind: 'diagram', description: 'Editable in draw.io, with its AWS icons' },
  mermaid: { label: 'Mermaid diagram', extension: 'mmd', kind: 'diagram', description: 'An architecture-beta diagram for Markdown pages' },
  markdown: {
    label: 'Markdown review',
    extension: 'md',
    kind: 'review',
    description: 'The diagram and the verdicts, with the SVG beside it',
  },
  html: { label: 'HTML review', extension: 'html', kind: 'review', description: 'One self-contained page that prints to PDF' },
} as const;

export type ExportFormatName = keyof typeof exportFormatInfo;

export const exportFormatNames = Object.keys(exportFormatInfo) as ExportFormatName[];

/** The themes an export can take: the diagram renderer's. */
export type ExportTheme = DiagramTheme;

/** The overlays drawn on the exported picture (the same switches as the diagram panel's). */
export type ExportOverlays = DiagramOverlays;

export interface ExportParams {
  readonly uri: string;
  readonly format: ExportFormatName;
  readonly theme?: ExportTheme;
  readonly overlays?: ExportOverlays;
  /** PNG pixels per diagram unit, 0.25 to 8 (default 2). */
  readonly scale?: number;
  /** The name the file will be saved as (without folder): a Markdown review names its SVG after it. */
  readonly outputName?: string;
  /** The date for the title block and the review, as the client sees it (`2026-12-03`). */
  readonly date?: string;
  /**
   * The diagram's layers, as the panel's toggles name them. When given, they decide both the
   * security-group badges (`security-groups`; `overlays.securityGroups` is then ignored) and the
   * network-details layer (`network`); when absent, the badges are drawn and the network layer is not.
   */
  readonly layers?: readonly DiagramLayer[];
  /** Who lays the picture out (default `channels`); an elkjs failure draws the channel layout and says so in `notes`. */
  readonly layout?: DiagramLayoutChoice;
}

/**
 * The export parameters that draw what the diagram panel shows: its theme (or the clean print
 * theme, when the user picks it), its layers, its overlays and the zone it shows down.
 */
export function exportViewParams(view: DiagramView, theme: 'shown' | 'print'): Pick<ExportParams, 'theme' | 'overlays' | 'layers'> {
  return {
    theme: theme === 'print' ? 'print' : view.theme,
    layers: [...view.layers],
    overlays: {
      costHeat: view.overlays.includes('cost'),
      findings: view.overlays.includes('findings'),
      spof: view.overlays.includes('spof'),
      zonesDown: view.zoneDown !== undefined ? [view.zoneDown] : [],
      securityGroups: view.layers.includes('security-groups'),
    },
  };
}

export interface ExportResult {
  readonly format: ExportFormatName;
  /** The document version exported. */
  readonly version: number;
  /** `base64` for PNG, `utf8` for the text formats. */
  readonly encoding: 'utf8' | 'base64';
  readonly data: string;
  /** Files to write beside the main one (the Markdown review's diagram), UTF-8 text. */
  readonly attachments: readonly { readonly name: string; readonly data: string }[];
  /** Things to tell the user (a PNG scaled down to fit). */
  readonly notes: readonly string[];
}

/**
 * Error code of a `cloudarch/export` refused because the document has errors (the message names
 * the first one). Within the range LSP leaves to servers.
 */
export const exportDocumentHasErrors = -32001;
