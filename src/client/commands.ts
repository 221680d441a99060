/**
 * The command table: one handler factory per contributed command, registered in one place
 * (house style, after rust-analyzer's commands.ts). Handlers return what they produced so that
 * the end-to-end tests, and other extensions, can check the result.
 */
import * as vscode from 'vscode';
import { reportKinds, type ReportKind, type ReportResult } from '../protocol/requests';
import { architectureFileName, architectureTemplate } from './architecture-template';
import type { ExportParams, ExportResult } from '../protocol/export';
import type { CommandId } from './command-list';
import { exportCommand } from './export-commands';
import type { ReportView } from './report-view';
import { LANGUAGE_ID } from './server-client';

/** What the handlers need from the running extension. */
export interface CommandContext {
  readonly outputChannel: vscode.OutputChannel;
  readonly reportView: ReportView;
  /** Restarts the language server (also starts it when it had given up). */
  restartServer(): Promise<void>;
  /** Asks the server for one report of a document; null when the server cannot evaluate it. */
  requestReport(uri: string, kind: ReportKind): Promise<ReportResult | null>;
  /** Asks the server to export a document; null when the server does not know it. */
  requestExport(params: ExportParams): Promise<ExportResult | null>;
}

/** How "New Architecture" may be called from code: where to put the file, and its name. */
export interface NewArchitectureOptions {
  /** `untitled` opens an unsaved editor; a URI string writes the file there. */
  readonly target?: 'untitled' | string;
  readonly name?: string;
}

type Handler = (...args: never[]) => unknown;
type HandlerFactory = (context: CommandContext) => Handler;

/** The CloudArch document a report command is about: its argument, or the active editor. */
async function targetDocument(argument: unknown): Promise<vscode.TextDocument | undefined> {
  if (argument instanceof vscode.Uri || typeof argument === 'string') {
    const uri = typeof argument === 'string' ? vscode.Uri.parse(argument) : argument;
    return vscode.workspace.openTextDocument(uri);
  }
  const active = vscode.window.activeTextEditor?.document;
  if (active?.languageId === LANGUAGE_ID) return active;
  void vscode.window.showInformationMessage('Open a .cloudarch.yaml file to evaluate it.');
  return undefined;
}

/** Fetches the reports of `kinds` for a document and shows them together. */
function showReports(context: CommandContext, kinds: readonly ReportKind[]): Handler {
  return async (argument?: unknown): Promise<ReportResult[] | undefined> => {
    const document = await targetDocument(argument);
    if (!document) return undefined;
    const name = vscode.workspace.asRelativePath(document.uri);
    try {
      const answers = await Promise.all(kinds.map((kind) => context.requestReport(document.uri.toString(), kind)));
      const reports = answers.filter((report): report is ReportResult => report !== null);
      if (reports.length === 0) {
        void vscode.window.showWarningMessage(`CloudArch cannot evaluate ${name} yet: fix the errors in the Problems panel first.`);
        return [];
      }
      context.reportView.show(reports, name);
      return reports;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      void vscode.window.showErrorMessage(`CloudArch could not evaluate ${name}: ${message}`);
      return undefined;
    }
  };
}

async function newArchitecture(options: NewArchitectureOptions = {}): Promise<vscode.TextDocument | undefined> {
  let target = options.target;
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (target === undefined) {
    const choices: (vscode.QuickPickItem & { target: 'untitled' | 'save' })[] = [
      { label: '$(new-file) Untitled file', description: 'Start in an unsaved editor', target: 'untitled' },
    ];
    if (folder) choices.push({ label: '$(save) Save in workspace…', description: folder.name, target: 'save' });
    const picked = choices.length === 1 ? choices[0] : await vscode.window.showQuickPick(choices, { title: 'CloudArch: New Architecture' });
    if (!picked) return undefined;
    if (picked.target === 'save' && folder) {
      const chosen = await vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.joinPath(folder.uri, architectureFileName(options.name ?? 'architecture')),
        filters: { 'CloudArch architecture': ['cloudarch.yaml', 'cloudarch.yml'] },
        title: 'Save the new architecture as',
      });
      if (!chosen) return undefined;
      target = chosen.toString();
    } else {
      target = 'untitled';
    }
  }
  const content = architectureTemplate(options.name ?? 'My architecture');
  let document: vscode.TextDocument;
  if (target === 'untitled') {
    document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content });
  } else {
    const uri = vscode.Uri.parse(target);
    // Never overwrite: an existing file is opened as it is.
    const exists = await vscode.workspace.fs.stat(uri).then(
      () => true,
      () => false,
    );
    if (!exists) await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
    document = await vscode.workspace.openTextDocument(uri);
  }
  await vscode.window.showTextDocument(document);
  return document;
}

/** Every command's handler. `Record<CommandId, …>` makes a missing handler a compile error. */
const handlers: Record<CommandId, HandlerFactory> = {
  'cloudarch.newArchitecture': () => newArchitecture as Handler,
  'cloudarch.restartServer': (context) => () => context.restartServer(),
  'cloudarch.showOutput': (context) => () => context.outputChannel.show(true),
  'cloudarch.evaluateAll': (context) => showReports(context, reportKinds),
  'cloudarch.evaluateAvailability': (context) => showReports(context, ['availability']),
  'cloudarch.evaluateCost': (context) => showReports(context, ['cost']),
  'cloudarch.evaluateSecurity': (context) => showReports(context, ['security']),
  // The CodeLens of the server invokes these with the document's URI (protocol `reportCommands`).
  'cloudarch.showAvailabilityReport': (context) => showReports(context, ['availability']),
  'cloudarch.showCostReport': (context) => showReports(context, ['cost']),
  'cloudarch.showSecurityReport': (context) => showReports(context, ['security']),
  // The diagram panel invokes exportDiagram with its theme and overlays ({ uri, format, theme, overlays }).
  'cloudarch.exportDiagram': (context) => exportCommand('diagram', (params) => context.requestExport(params)),
  'cloudarch.exportReview': (context) => exportCommand('review', (params) => context.requestExport(params)),
};

/** Registers every command; the returned disposables unregister them. */
export function registerCommands(context: CommandContext): vscode.Disposable[] {
  return Object.entries(handlers).map(([id, factory]) => vscode.commands.registerCommand(id, factory(context)));
}
