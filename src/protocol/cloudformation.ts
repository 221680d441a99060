/**
 * The custom LSP requests of CloudFormation import and export, shared by the server and the
 * extension client (house style: one protocol module, never re-declared). The client reads and
 * writes the files; the server (its evaluation worker) does the conversion, so the client never
 * loads the core.
 */

/**
 * `cloudarch/importCloudFormation`: turn a template's text into the text of an architecture file.
 * The template need not be open; the client sends its text.
 */
export const importCloudFormationRequestMethod = 'cloudarch/importCloudFormation';

export interface ImportCloudFormationParams {
  /** Where the template is (names it in the output's comments and in errors). */
  readonly uri: string;
  readonly text: string;
  /** Values for template parameters, overriding their defaults. */
  readonly params?: Readonly<Record<string, string>>;
}

/** A template resource left out of the architecture, with why. */
export interface UnmappedTemplateResource {
  readonly logicalId: string;
  readonly cfnType: string;
  readonly reason: string;
}

export type ImportCloudFormationResult =
  | {
      readonly ok: true;
      /** The `.cloudarch.yaml` text. */
      readonly text: string;
      /** One sentence: how many resources were imported, folded in, not mapped. */
      readonly summary: string;
      readonly unmapped: readonly UnmappedTemplateResource[];
      /** Assumptions made where the template does not say. */
      readonly notes: readonly string[];
    }
  | {
      readonly ok: false;
      /** Why the template cannot be imported. */
      readonly message: string;
      /** 1-based position of the problem in the template, when known. */
      readonly line?: number;
      readonly column?: number;
    };

/** `cloudarch/exportCloudFormation`: the template of an open architecture document, at its current version. */
export const exportCloudFormationRequestMethod = 'cloudarch/exportCloudFormation';

export interface ExportCloudFormationParams {
  readonly uri: string;
}

export type ExportCloudFormationResult =
  | {
      readonly ok: true;
      /** The template (YAML). */
      readonly text: string;
      /** Safe defaults applied, parameters asked for and notes, one sentence each. */
      readonly notes: readonly string[];
    }
  | {
      readonly ok: false;
      /** Why the document cannot be exported (it has errors, or is not open). */
      readonly message: string;
    };
