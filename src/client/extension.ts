/**
 * The extension's entry point. Activation only wires things up and starts the language client;
 * every language feature lives in the server, so activating stays cheap (a few milliseconds).
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import type { DiagramLayoutChoice } from '../protocol/diagram';
import { cloudArchRequests, summaryChangedNotification } from '../protocol/lsp-requests';
import { registerCommands, type SendRequest } from './commands';
import { DiagramPanels } from './diagram-panel';
import { ReportView } from './report-view';
import { SimulationPanel } from './simulation-panel';
import { decideAfterDeath } from './restart-policy';
import { createLanguageClient, restartingErrorHandler } from './server-client';
import { readSettings } from '../protocol/settings';
import { SummaryStatusBar } from './status-bar';

/** What `activate` returns: a small API the end-to-end tests (and other extensions) can use. */
export interface CloudArchApi {
  /** Resolves once the language server has started (or rejects if it could not). */
  readonly ready: Promise<void>;
  /** How long `activate` took, in milliseconds of wall-clock time. */
  readonly activationMs: number;
  /**
   * CPU time `activate` used, in milliseconds. Unlike wall-clock time it does not grow when other
   * processes compete for the machine, so it is what a test can hold to a budget.
   */
  readonly activationCpuMs: number;
  /** Milliseconds spent in each step of `activate`, to find what makes activation slow. */
  readonly activationSteps: Readonly<Record<string, number>>;
  /** Whether the language server is currently running. */
  isServerRunning(): boolean;
  /** The status bar's current text. */
  statusBarText(): string;
}

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): CloudArchApi {
  const started = performance.now();
  const cpuAtStart = process.cpuUsage();
  const activationSteps: Record<string, number> = {};
  let lastMark = started;
  const mark = (step: string): void => {
    const now = performance.now();
    activationSteps[step] = now - lastMark;
    lastMark = now;
  };
  const outputChannel = vscode.window.createOutputChannel('CloudArch', { log: true });
  const deaths: number[] = [];
  mark('output channel');

  const errorHandler = restartingErrorHandler(
    () => decideAfterDeath(deaths, Date.now()),
    () => {
      void vscode.window
        .showErrorMessage(
          'The CloudArch language server stopped repeatedly and was not restarted. Diagnostics and evaluations are paused until it runs again.',
          'Restart Language Server',
          'Show Output',
        )
        .then((choice) => {
          if (choice === 'Restart Language Server') void vscode.commands.executeCommand('cloudarch.restartServer');
          if (choice === 'Show Output') outputChannel.show(true);
        });
    },
  );
  const languageClient = createLanguageClient(context, outputChannel, errorHandler, mark);
  client = languageClient;

  /** Sends one of CloudArch's requests (src/protocol/lsp-requests.ts), starting the client first if it is not running. */
  const request: SendRequest = async (type, params) => {
    if (languageClient.state !== State.Running) await languageClient.start();
    return languageClient.sendRequest(type, params);
  };
  const statusBar = new SummaryStatusBar((uri) =>
    languageClient.state === State.Running ? languageClient.sendRequest(cloudArchRequests.summary, { uri }) : Promise.resolve(null),
  );
  const reportView = new ReportView();
  // Registers the panel serializer only: the webview and the diagram core (in the server) load when a diagram is first shown.
  const diagramPanels = new DiagramPanels(context.extensionUri, {
    requestDiagram: (params) => request(cloudArchRequests.diagram, { ...params, layout: diagramLayoutOf(params.uri) }),
  });
  const simulationPanel = new SimulationPanel(context.extensionUri);

  context.subscriptions.push(
    outputChannel,
    statusBar,
    reportView,
    diagramPanels,
    simulationPanel,
    ...registerCommands({
      outputChannel,
      reportView,
      diagramPanels,
      simulationPanel,
      request,
      requestExport: (params) => request(cloudArchRequests.export, { ...params, layout: diagramLayoutOf(params.uri) }),
      restartServer: async () => {
        // A restart by hand forgives earlier crashes: the user asked for a fresh start.
        deaths.length = 0;
        if (languageClient.state === State.Running) await languageClient.restart();
        else await languageClient.start();
        outputChannel.appendLine(`[${new Date().toISOString()}] language server restarted`);
      },
    }),
    // Another layout is another picture: the open panels ask for it at once.
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('cloudarch.diagram.layout')) diagramPanels.refreshAll();
    }),
    languageClient.onDidChangeState((event) => {
      if (event.newState === State.Running) void statusBar.refresh();
    }),
  );

  mark('commands and views');
  const ready = languageClient.start().then(() => {
    context.subscriptions.push(
      // The notification carries the new summary: shown as it is, never asked for again.
      languageClient.onNotification(summaryChangedNotification, (summary) => statusBar.show(summary)),
    );
    void statusBar.refresh();
  });
  ready.catch((error: unknown) => {
    outputChannel.appendLine(`The language server could not start: ${error instanceof Error ? error.message : String(error)}`);
  });

  mark('start client');
  const activationMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuAtStart);
  const activationCpuMs = (cpu.user + cpu.system) / 1000;
  return {
    ready,
    activationMs,
    activationCpuMs,
    activationSteps,
    isServerRunning: () => languageClient.state === State.Running,
    statusBarText: () => statusBar.text,
  };
}

/** `cloudarch.diagram.layout` as it applies to a document (the setting may differ per folder). */
function diagramLayoutOf(uri: string): DiagramLayoutChoice {
  const configuration = vscode.workspace.getConfiguration(undefined, vscode.Uri.parse(uri));
  return readSettings((key) => configuration.get(key)).diagramLayout;
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  if (running && running.state !== State.Stopped) await running.stop();
}
