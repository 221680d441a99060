/**
 * `cloudarch/export`: the server exports an open document (the diagram as SVG, PNG, draw.io or
 * Mermaid, or the design review as Markdown or HTML) and answers with the file's content; the
 * client only asks where to save it and writes it. Types and names only, shared by both sides.
 */

import type { DiagramLayoutChoice } from './diagram';

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

export type ExportTheme = 'light' | 'dark' | 'high-contrast' | 'print';

/** The overlays drawn on the exported picture (the same switches as the diagram panel's). */
export interface ExportOverlays {
  readonly costHeat?: boolean;
  readonly findings?: boolean;
  readonly spof?: boolean;
  readonly availability?: boolean;
  readonly zonesDown?: readonly string[];
  readonly securityGroups?: boolean;
}

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
  /** Who lays the picture out (default `channels`); an elkjs failure draws the channel layout and says so in `notes`. */
  readonly layout?: DiagramLayoutChoice;
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
