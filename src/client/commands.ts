/**
 * The command table: one handler factory per contributed command, registered in one place
 * (house style, after rust-analyzer's commands.ts). Handlers return what they produced so that
 * the end-to-end tests, and other extensions, can check the result.
 */
import * as vscode from 'vscode';
import type { RequestParam, RequestType } from 'vscode-languageclient';
import type { ExportCloudFormationResult, ImportCloudFormationResult } from '../protocol/cloudformation';
import { cloudArchRequests } from '../protocol/lsp-requests';
import { reportKinds, type ReportKind, type ReportResult } from '../protocol/requests';
import type { ScenariosResult, SimulateParams, SimulateResult } from '../protocol/simulation';
import { architectureFileName, architectureTemplate } from './architecture-template';
import type { ExportParams, ExportResult } from '../protocol/export';
import type { CommandId } from './command-list';
import type { DiagramPanelHandle, DiagramPanels } from './diagram-panel';
import { exportCommand } from './export-commands';
import type { ReportView } from './report-view';
import type { SimulationPanel } from './simulation-panel';
import { builtScenarioEvents, daysProblem, daysProblemWithEvents, durationProblem, surgeFactor, surgeProblem } from './simulation-scenario';
import { LANGUAGE_ID } from './server-client';

/**
 * Sends one of CloudArch's requests, a descriptor of `cloudArchRequests` (src/protocol/lsp-requests.ts),
 * and resolves with its result, typed by the descriptor.
 */
export type SendRequest = <P, R>(type: RequestType<P, R, void>, params: RequestParam<P>) => Promise<R>;

/** What the handlers need from the running extension. */
export interface CommandContext {
  readonly outputChannel: vscode.OutputChannel;
  readonly reportView: ReportView;
  readonly diagramPanels: DiagramPanels;
  readonly simulationPanel: SimulationPanel;
  /** Restarts the language server (also starts it when it had given up). */
  restartServer(): Promise<void>;
  /** Asks the language server (reports, CloudFormation, simulation, scenarios: `cloudArchRequests`). */
  readonly request: SendRequest;
  /** Asks the server to export a document with the user's diagram layout setting; null when the server does not know it. */
  requestExport(params: ExportParams): Promise<ExportResult | null>;
}

/** How CloudArch: Simulate… may be called from code (tests, other extensions) instead of the pickers. */
export interface SimulateCommandOptions {
  readonly scenario?: string;
  readonly days?: number;
  readonly seed?: number;
  readonly events?: readonly string[];
}

/**
 * How the CloudFormation commands may be called from code (tests, other extensions): the file to
 * read and the file to write, instead of the open and save dialogs.
 */
export interface CloudFormationCommandOptions {
  /** The template to import, or the architecture to export (a URI string). */
  readonly source?: string;
  /** Where to write the result (a URI string); it is overwritten. */
  readonly target?: string;
  /** Values for template parameters (import only). */
  readonly params?: Readonly<Record<string, string>>;
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
async function targetDocument(
  argument: unknown,
  hint = 'Open a .cloudarch.yaml file to evaluate it.',
): Promise<vscode.TextDocument | undefined> {
  if (argument instanceof vscode.Uri || typeof argument === 'string') {
    const uri = typeof argument === 'string' ? vscode.Uri.parse(argument) : argument;
    return vscode.workspace.openTextDocument(uri);
  }
  const active = vscode.window.activeTextEditor?.document;
  if (active?.languageId === LANGUAGE_ID) return active;
  void vscode.window.showInformationMessage(hint);
  return undefined;
}

/** Fetches the reports of `kinds` for a document and shows them together. */
function showReports(context: CommandContext, kinds: readonly ReportKind[]): Handler {
  return async (argument?: unknown): Promise<ReportResult[] | undefined> => {
    const document = await targetDocument(argument);
    if (!document) return undefined;
    const name = vscode.workspace.asRelativePath(document.uri);
    try {
      const answers = await Promise.all(
        kinds.map((kind) => context.request(cloudArchRequests.report, { uri: document.uri.toString(), kind })),
      );
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

function optionsOf(argument: unknown): CloudFormationCommandOptions {
  if (argument instanceof vscode.Uri) return { source: argument.toString() };
  if (typeof argument === 'string') return { source: argument };
  return typeof argument === 'object' && argument !== null ? (argument as CloudFormationCommandOptions) : {};
}

/** `shop.template.yaml` -> `shop`; `shop.cloudarch.yaml` -> `shop`. */
function baseName(uri: vscode.Uri): string {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  return name.replace(/\.cloudarch\.ya?ml$/i, '').replace(/\.(template\.)?(ya?ml|json|template)$/i, '') || 'architecture';
}

async function writeAndOpen(target: vscode.Uri, text: string): Promise<vscode.TextDocument> {
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  const document = await vscode.workspace.openTextDocument(target);
  await vscode.window.showTextDocument(document);
  return document;
}

/** CloudFormation: Import as Architecture…: pick a template, convert it in the server, save the architecture next to it, open it. */
function importCloudFormation(context: CommandContext): Handler {
  return async (argument?: unknown): Promise<vscode.Uri | undefined> => {
    const options = optionsOf(argument);
    let source = options.source !== undefined ? vscode.Uri.parse(options.source) : undefined;
    if (source === undefined) {
      const picked = await vscode.window.showOpenDialog({
        canSelectMany: false,
        openLabel: 'Import',
        title: 'Import a CloudFormation template as an architecture',
        filters: { 'CloudFormation templates': ['yaml', 'yml', 'json', 'template'], 'All files': ['*'] },
      });
      source = picked?.[0];
    }
    if (source === undefined) return undefined;
    const name = vscode.workspace.asRelativePath(source);
    let result: ImportCloudFormationResult;
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(source));
      result = await context.request(cloudArchRequests.importCloudFormation, {
        uri: source.toString(),
        text,
        ...(options.params ? { params: options.params } : {}),
      });
    } catch (error) {
      void vscode.window.showErrorMessage(`CloudArch could not import ${name}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
    if (!result.ok) {
      const where = result.line !== undefined ? `:${result.line}:${result.column ?? 1}` : '';
      void vscode.window.showErrorMessage(`CloudArch cannot import ${name}${where}: ${result.message}`);
      return undefined;
    }
    let target = options.target !== undefined ? vscode.Uri.parse(options.target) : undefined;
    if (target === undefined) {
      target = await vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.joinPath(source, '..', `${baseName(source)}.cloudarch.yaml`),
        filters: { 'CloudArch architecture': ['cloudarch.yaml', 'cloudarch.yml'] },
        title: 'Save the imported architecture as',
      });
    }
    if (target === undefined) return undefined;
    await writeAndOpen(target, result.text);
    context.outputChannel.appendLine(`[import] ${name}: ${result.summary}`);
    for (const entry of result.unmapped)
      context.outputChannel.appendLine(`  not mapped: ${entry.logicalId} (${entry.cfnType}): ${entry.reason}`);
    for (const note of result.notes) context.outputChannel.appendLine(`  assumed: ${note}`);
    void vscode.window.showInformationMessage(
      `Imported ${name}: ${result.summary}${result.unmapped.length > 0 ? ' What was not mapped is listed at the top of the file.' : ''}`,
    );
    // With the diagram panel installed, the imported design is drawn at once.
    if ((await vscode.commands.getCommands(true)).includes('cloudarch.showDiagram'))
      await vscode.commands.executeCommand('cloudarch.showDiagram', target);
    return target;
  };
}

/** CloudFormation: Export as Template…: the server writes the template of the open architecture; it is saved and opened. */
function exportCloudFormation(context: CommandContext): Handler {
  return async (argument?: unknown): Promise<vscode.Uri | undefined> => {
    const options = optionsOf(argument);
    const document = await targetDocument(options.source);
    if (!document) return undefined;
    const name = vscode.workspace.asRelativePath(document.uri);
    let result: ExportCloudFormationResult;
    try {
      result = await context.request(cloudArchRequests.exportCloudFormation, { uri: document.uri.toString() });
    } catch (error) {
      void vscode.window.showErrorMessage(`CloudArch could not export ${name}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
    if (!result.ok) {
      void vscode.window.showErrorMessage(`CloudArch cannot export ${name}: ${result.message}`);
      return undefined;
    }
    let target = options.target !== undefined ? vscode.Uri.parse(options.target) : undefined;
    if (target === undefined) {
      const folder =
        document.uri.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(document.uri, '..');
      target = await vscode.window.showSaveDialog({
        ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `${baseName(document.uri)}.template.yaml`) } : {}),
        filters: { 'CloudFormation template': ['yaml', 'yml'] },
        title: 'Save the CloudFormation template as',
      });
    }
    if (target === undefined) return undefined;
    await writeAndOpen(target, result.text);
    context.outputChannel.appendLine(`[export] ${name} -> ${vscode.workspace.asRelativePath(target)}`);
    for (const note of result.notes) context.outputChannel.appendLine(`  ${note}`);
    return target;
  };
}

/** Opens the diagram of a document (the argument, or the active CloudArch editor) beside it. */
function showDiagram(context: CommandContext): Handler {
  return async (argument?: unknown): Promise<DiagramPanelHandle | undefined> => {
    const document = await targetDocument(argument, 'Open a .cloudarch.yaml file to see its diagram.');
    return document ? context.diagramPanels.show(document) : undefined;
  };
}

type SimulationChoice = { readonly scenario: string } | { readonly days: number; readonly events: string[]; readonly label: string };

/** The quick pick of the file's scenarios plus "Build a scenario…", and the prompts of the latter. */
async function chooseSimulation(scenarios: ScenariosResult): Promise<SimulationChoice | undefined> {
  type Item = vscode.QuickPickItem & { readonly scenario?: string };
  const items: Item[] = scenarios.scenarios.map((scenario) => ({
    label: `$(play) ${scenario.name}`,
    description: `${scenario.days} days${scenario.events.length > 0 ? ` · ${scenario.events.join(', ')}` : ''}`,
    ...(scenario.description !== undefined ? { detail: scenario.description } : {}),
    scenario: scenario.name,
  }));
  items.push({ label: '$(add) Build a scenario…', description: 'days, a zone to fail at the daily peak, a traffic surge' });
  const picked = await vscode.window.showQuickPick(items, {
    title: 'CloudArch: Simulate…',
    placeHolder: scenarios.scenarios.length > 0 ? 'Run a saved scenario or build one' : 'This file has no scenarios: key yet; build one',
  });
  if (!picked) return undefined;
  if (picked.scenario !== undefined) return { scenario: picked.scenario };
  const title = 'CloudArch: Build a scenario';
  const noZone = '$(circle-slash) No zone failure';
  const zone = await vscode.window.showQuickPick(
    [...scenarios.zones.map((name) => ({ label: name, description: `zone ${name} fails at the daily peak (14:00)` })), { label: noZone }],
    { title, placeHolder: 'A zone to fail at the daily peak' },
  );
  if (!zone) return undefined;
  const failing = zone.label === noZone ? undefined : zone.label;
  const outage =
    failing === undefined
      ? undefined
      : await vscode.window.showInputBox({
          title,
          prompt: `How long zone ${failing} stays down`,
          value: '2h',
          validateInput: durationProblem,
        });
  if (failing !== undefined && outage === undefined) return undefined;
  const surge = await vscode.window.showInputBox({
    title,
    prompt: 'Traffic multiplier at the same peak (empty for none)',
    placeHolder: 'e.g. 3 for three times the traffic',
    validateInput: surgeProblem,
  });
  if (surge === undefined) return undefined;
  const factor = surgeFactor(surge);
  const hasEvents = failing !== undefined || (factor !== undefined && factor !== 1);
  const daysText = await vscode.window.showInputBox({
    title,
    prompt: 'Simulated days',
    value: '3',
    validateInput: hasEvents ? daysProblemWithEvents : daysProblem,
  });
  if (daysText === undefined) return undefined;
  const days = Number(daysText);
  const events = builtScenarioEvents({
    days,
    ...(failing !== undefined ? { zone: failing } : {}),
    ...(outage !== undefined ? { outage: outage.trim() } : {}),
    ...(factor !== undefined ? { surge: factor } : {}),
  });
  return { days, events, label: events.length > 0 ? events.join(', ') : `${days} days` };
}

/** CloudArch: Simulate…: run a saved scenario (the CodeLens passes its name) or a built one, in the server's worker; show the results panel. */
function simulateCommand(context: CommandContext): Handler {
  return async (argument?: unknown, scenarioOrOptions?: unknown): Promise<SimulateResult | undefined> => {
    const document = await targetDocument(argument, 'Open a .cloudarch.yaml file to simulate it.');
    if (!document) return undefined;
    const uri = document.uri.toString();
    const name = vscode.workspace.asRelativePath(document.uri);
    const given: SimulateCommandOptions =
      typeof scenarioOrOptions === 'string'
        ? { scenario: scenarioOrOptions }
        : typeof scenarioOrOptions === 'object' && scenarioOrOptions !== null
          ? (scenarioOrOptions as SimulateCommandOptions)
          : {};
    let params: SimulateParams;
    let label: string;
    if (given.scenario !== undefined || given.events !== undefined || given.days !== undefined) {
      params = {
        uri,
        version: document.version,
        events: [...(given.events ?? [])],
        ...(given.scenario !== undefined ? { scenario: given.scenario } : {}),
        ...(given.days !== undefined ? { days: given.days } : {}),
        ...(given.seed !== undefined ? { seed: given.seed } : {}),
      };
      label = given.scenario ?? (given.events ?? []).join(', ');
    } else {
      const scenarios = await context.request(cloudArchRequests.scenarios, { uri });
      if (!scenarios) {
        void vscode.window.showWarningMessage(`CloudArch cannot simulate ${name}: the language server does not have it open.`);
        return undefined;
      }
      const choice = await chooseSimulation(scenarios);
      if (!choice) return undefined;
      params =
        'scenario' in choice
          ? { uri, version: document.version, scenario: choice.scenario, events: [] }
          : { uri, version: document.version, days: choice.days, events: choice.events };
      label = 'scenario' in choice ? choice.scenario : choice.label;
    }
    const title = label === '' ? name : `${name} — ${label}`;
    let result: SimulateResult;
    try {
      result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Simulating ${title}…` }, () =>
        context.request(cloudArchRequests.simulate, params),
      );
    } catch (error) {
      void vscode.window.showErrorMessage(
        `CloudArch could not simulate ${name}: ${error instanceof Error ? error.message : String(error)}`,
      );
      return undefined;
    }
    if (!result.ok) {
      void vscode.window.showErrorMessage(`CloudArch cannot simulate ${name}: ${result.message}`);
      return result;
    }
    context.simulationPanel.show({ type: 'simulation', title, result: result.result });
    return result;
  };
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
  'cloudarch.importCloudFormation': importCloudFormation,
  'cloudarch.exportCloudFormation': exportCloudFormation,
  'cloudarch.showDiagram': showDiagram,
  // The diagram panel invokes exportDiagram with its theme and overlays ({ uri, format, theme, overlays }).
  'cloudarch.exportDiagram': (context) =>
    exportCommand(
      'diagram',
      (params) => context.requestExport(params),
      (uri) => context.diagramPanels.panelOf(uri)?.view(),
    ),
  'cloudarch.exportReview': (context) => exportCommand('review', (params) => context.requestExport(params)),
  // The scenario CodeLens of the server invokes it with the document's URI and the scenario's name.
  'cloudarch.simulate': simulateCommand,
};

/** Registers every command; the returned disposables unregister them. */
export function registerCommands(context: CommandContext): vscode.Disposable[] {
  return Object.entries(handlers).map(([id, factory]) => vscode.commands.registerCommand(id, factory(context)));
}
