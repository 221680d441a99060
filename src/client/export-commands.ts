/**
 * **CloudArch: Export Diagram…** and **CloudArch: Export Design Review…**: pick a format, pick a
 * file in VS Code's save dialog (which asks before replacing a file: nothing is overwritten
 * without that confirmation), let the server produce the content (`cloudarch/export`; the client
 * never draws), write it atomically, then offer to open it or reveal it.
 *
 * Both commands accept `{ uri, format, theme, overlays, layers, view, target }`. The diagram panel
 * passes `view` (its theme, layers, overlays and zone down) so the export is the picture the user
 * sees, and **CloudArch: Export Diagram…** run from the palette takes the view of the document's
 * open panel (`panelView`); for a picture (SVG, PNG) the user then picks that theme or the clean
 * print theme. `target` (a file URI) skips the save dialog, for tests and other extensions.
 */
import * as vscode from 'vscode';
import {
  exportFormatInfo,
  exportFormatNames,
  type ExportFormatName,
  type ExportOverlays,
  type ExportParams,
  type ExportResult,
  type ExportTheme,
  exportViewParams,
} from '../protocol/export';
import type { DiagramLayer, DiagramView } from '../protocol/diagram';
import { LANGUAGE_ID } from './server-client';

/** What the commands may be given (all optional). */
export interface ExportCommandArguments {
  readonly uri?: string | vscode.Uri;
  readonly format?: ExportFormatName;
  readonly theme?: ExportTheme;
  readonly overlays?: ExportOverlays;
  /** The diagram's layers (see `ExportParams.layers`). */
  readonly layers?: readonly DiagramLayer[];
  /** What the diagram panel shows; the export draws the same (theme, layers, overlays, zone down). */
  readonly view?: DiagramView;
  /** With `view`: draw it in the panel's theme (`shown`) or the clean print theme, without asking. */
  readonly viewTheme?: 'shown' | 'print';
  /** Where to write, skipping the save dialog (the caller has decided to replace what is there). */
  readonly target?: string | vscode.Uri;
}

/** What the command produced: the files written (main file first). */
export interface ExportCommandResult {
  readonly files: readonly string[];
  readonly format: ExportFormatName;
}

export type RequestExport = (params: ExportParams) => Promise<ExportResult | null>;

function toUri(value: string | vscode.Uri): vscode.Uri {
  return typeof value === 'string' ? vscode.Uri.parse(value) : value;
}

async function documentOf(argument: ExportCommandArguments): Promise<vscode.TextDocument | undefined> {
  if (argument.uri !== undefined) return vscode.workspace.openTextDocument(toUri(argument.uri));
  const active = vscode.window.activeTextEditor?.document;
  if (active?.languageId === LANGUAGE_ID) return active;
  void vscode.window.showInformationMessage('Open a .cloudarch.yaml file to export it.');
  return undefined;
}

/** `shop.cloudarch.yaml` -> `shop`. */
function stem(uri: vscode.Uri): string {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  return name.replace(/\.cloudarch\.ya?ml$/i, '').replace(/\.ya?ml$/i, '') || 'architecture';
}

function siblingUri(uri: vscode.Uri, name: string): vscode.Uri {
  return uri.with({ path: `${uri.path.slice(0, uri.path.lastIndexOf('/') + 1)}${name}` });
}

/**
 * Writes `content` to `target` atomically: a temporary file beside it, then a rename over the
 * target, so a reader never sees half a file and a failed write leaves the old file intact.
 */
export async function writeAtomically(target: vscode.Uri, content: Uint8Array): Promise<void> {
  const temporary = siblingUri(target, `.${target.path.slice(target.path.lastIndexOf('/') + 1)}.${process.pid}.${Date.now()}.tmp`);
  await vscode.workspace.fs.writeFile(temporary, content);
  try {
    await vscode.workspace.fs.rename(temporary, target, { overwrite: true });
  } catch (error) {
    await vscode.workspace.fs.delete(temporary).then(undefined, () => undefined);
    throw error;
  }
}

function bytesOf(result: { readonly encoding: 'utf8' | 'base64'; readonly data: string }): Uint8Array {
  return result.encoding === 'base64' ? Buffer.from(result.data, 'base64') : new TextEncoder().encode(result.data);
}

/** A handler for one of the two commands; `kind` chooses which formats it offers. */
export function exportCommand(
  kind: 'diagram' | 'review',
  requestExport: RequestExport,
  panelView: (uri: string) => DiagramView | undefined = () => undefined,
): (argument?: ExportCommandArguments | vscode.Uri) => Promise<ExportCommandResult | undefined> {
  return async (given) => {
    const argument: ExportCommandArguments = given instanceof vscode.Uri ? { uri: given } : (given ?? {});
    const document = await documentOf(argument);
    if (!document) return undefined;
    // A diagram exported while its panel is open is the picture the panel shows, unless the caller chose the options.
    const chosen = argument.theme !== undefined || argument.overlays !== undefined || argument.layers !== undefined;
    const view = argument.view ?? (kind === 'diagram' && !chosen ? panelView(document.uri.toString()) : undefined);
    const formats = exportFormatNames.filter((format) => exportFormatInfo[format].kind === kind);
    let format = argument.format;
    if (format !== undefined && !formats.includes(format)) {
      void vscode.window.showErrorMessage(`CloudArch cannot export a ${kind} as '${String(format)}'. Formats: ${formats.join(', ')}.`);
      return undefined;
    }
    if (format === undefined) {
      const picked = await vscode.window.showQuickPick(
        formats.map((id) => ({
          label: exportFormatInfo[id].label,
          description: `.${exportFormatInfo[id].extension}`,
          detail: exportFormatInfo[id].description,
          id,
        })),
        { title: kind === 'diagram' ? 'CloudArch: Export Diagram' : 'CloudArch: Export Design Review', placeHolder: 'Choose a format' },
      );
      if (!picked) return undefined;
      format = picked.id;
    }
    const info = exportFormatInfo[format];
    let viewTheme = argument.viewTheme;
    if (view && viewTheme === undefined) {
      // Only a picture has colours to choose; draw.io and Mermaid use their own.
      if (format === 'svg' || format === 'png') {
        const picked = await vscode.window.showQuickPick(
          [
            { label: `As the panel shows it (${view.theme} theme)`, detail: describeView(view), id: 'shown' as const },
            {
              label: 'Clean print theme',
              detail: 'White, no tinted fills, for documents and paper; the same overlays and layers',
              id: 'print' as const,
            },
          ],
          { title: `CloudArch: Export ${info.label}`, placeHolder: 'Choose the colours' },
        );
        if (!picked) return undefined;
        viewTheme = picked.id;
      } else viewTheme = 'shown';
    }
    let target = argument.target !== undefined ? toUri(argument.target) : undefined;
    if (target === undefined) {
      // The save dialog asks before replacing an existing file; cancelling it writes nothing.
      target = await vscode.window.showSaveDialog({
        defaultUri: siblingUri(
          document.uri.scheme === 'untitled' ? (vscode.workspace.workspaceFolders?.[0]?.uri ?? document.uri) : document.uri,
          `${stem(document.uri)}${kind === 'review' ? '-review' : ''}.${info.extension}`,
        ),
        filters: { [info.label]: [info.extension] },
        title: `Export ${info.label}`,
        saveLabel: 'Export',
      });
      if (!target) return undefined;
    }
    const outputName = target.path.slice(target.path.lastIndexOf('/') + 1);
    const params: ExportParams = {
      uri: document.uri.toString(),
      format,
      outputName,
      date: new Date().toISOString().slice(0, 10),
      ...(argument.theme !== undefined ? { theme: argument.theme } : {}),
      ...(argument.overlays !== undefined ? { overlays: argument.overlays } : {}),
      ...(argument.layers !== undefined ? { layers: argument.layers } : {}),
      ...(view ? exportViewParams(view, viewTheme ?? 'shown') : {}),
    };
    let result: ExportResult | null;
    try {
      result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `CloudArch: exporting ${info.label}…` },
        () => requestExport(params),
      );
    } catch (error) {
      void vscode.window.showErrorMessage(
        `CloudArch could not export ${vscode.workspace.asRelativePath(document.uri)}: ${error instanceof Error ? error.message : String(error)}`,
      );
      return undefined;
    }
    if (!result) {
      void vscode.window.showWarningMessage(
        `CloudArch could not export ${vscode.workspace.asRelativePath(document.uri)}: the language server does not know the file.`,
      );
      return undefined;
    }
    // The save dialog confirmed the main file only: a file written beside it (a Markdown review's
    // diagram) that already exists is replaced only if the user says so.
    if (
      argument.target === undefined &&
      !(await mayReplaceBeside(
        target,
        result.attachments.map((attachment) => attachment.name),
      ))
    )
      return undefined;
    const files: vscode.Uri[] = [target];
    try {
      await writeAtomically(target, bytesOf(result));
      for (const attachment of result.attachments) {
        const beside = siblingUri(target, attachment.name);
        await writeAtomically(beside, new TextEncoder().encode(attachment.data));
        files.push(beside);
      }
    } catch (error) {
      void vscode.window.showErrorMessage(
        `CloudArch could not write ${target.fsPath}: ${error instanceof Error ? error.message : String(error)}`,
      );
      return undefined;
    }
    for (const note of result.notes) void vscode.window.showInformationMessage(`CloudArch: ${note}`);
    if (argument.target === undefined) void offerToOpen(target, format);
    return { files: files.map((file) => file.toString()), format };
  };
}

/** `findings, SPOFs, zone a down, security groups`: what the panel draws besides the picture itself. */
function describeView(view: DiagramView): string {
  const names: Record<string, string> = {
    cost: 'cost heat',
    findings: 'findings',
    spof: 'single points of failure',
    'security-groups': 'security groups',
    network: 'network details',
  };
  const parts = [...view.overlays, ...view.layers].map((name) => names[name] ?? name);
  if (view.zoneDown !== undefined) parts.push(`zone ${view.zoneDown} down`);
  return parts.length > 0 ? `With ${parts.join(', ')}` : 'The picture alone, no overlay';
}

/** Asks before replacing files beside `target` that exist; true when none exists or the user agrees. */
async function mayReplaceBeside(target: vscode.Uri, names: readonly string[]): Promise<boolean> {
  const existing: string[] = [];
  for (const name of names) {
    const exists = await vscode.workspace.fs.stat(siblingUri(target, name)).then(
      () => true,
      () => false,
    );
    if (exists) existing.push(name);
  }
  if (existing.length === 0) return true;
  const replace = 'Replace';
  const choice = await vscode.window.showWarningMessage(
    `${existing.join(', ')} already ${existing.length === 1 ? 'exists' : 'exist'} beside ${target.path.slice(target.path.lastIndexOf('/') + 1)}. Replace ${existing.length === 1 ? 'it' : 'them'}?`,
    { modal: true, detail: 'The export writes the diagram beside the document.' },
    replace,
  );
  return choice === replace;
}

async function offerToOpen(target: vscode.Uri, format: ExportFormatName): Promise<void> {
  const open = 'Open';
  const reveal =
    process.platform === 'darwin'
      ? 'Reveal in Finder'
      : process.platform === 'win32'
        ? 'Reveal in File Explorer'
        : 'Reveal in File Manager';
  const choice = await vscode.window.showInformationMessage(
    `Exported ${target.path.slice(target.path.lastIndexOf('/') + 1)}.`,
    open,
    reveal,
  );
  if (choice === open) {
    // Pictures and pages open in VS Code's own viewers; the others as text.
    if (format === 'png' || format === 'svg') await vscode.commands.executeCommand('vscode.open', target);
    else if (format === 'markdown') await vscode.commands.executeCommand('markdown.showPreview', target);
    else await vscode.window.showTextDocument(target);
  } else if (choice === reveal) {
    await vscode.commands.executeCommand('revealFileInOS', target);
  }
}
