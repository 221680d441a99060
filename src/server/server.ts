/**
 * The LSP adapter: wires the connection's requests to the language service. Handlers are thin: find
 * the document, delegate, return. Every handler is guarded: an exception is logged and becomes an
 * empty result, so one bad input never takes the server down.
 */
import {
  CodeActionKind,
  ErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type LocationLink,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { keptFixCount, withFixes } from '../language/diagnostics';
import type { LanguageService, LanguageServiceOptions } from '../language/language-service';
import { diagramLayers, diagramLayoutChoices, diagramOverlays, diagramThemes } from '../protocol/diagram';
import { reportKinds, type SummaryResult } from '../protocol/requests';
import { exportDocumentHasErrors, exportFormatNames } from '../protocol/export';
import { cloudArchRequestMethods, cloudArchRequests, summaryChangedNotification } from '../protocol/lsp-requests';
import { CompletionWire, completionWireSupport } from './completion-wire';
import { DocumentManager } from './document-manager';
import { createEvaluator } from './evaluation-loader';
import { decodeDiagnostics, RawJsonElements } from './raw-json';
import { defaultServerSettings, mergeSections, readServerSettings, type ServerSettings } from './settings';

/**
 * The language service, created on first use. `initialize` must answer fast (< 300 ms from spawn),
 * and the catalog, the parser and the YAML library cost real time to load: esbuild turns this
 * `require` into a lazily initialised module, so they load after the handshake, when the first
 * document arrives.
 */
function lazyLanguageService(options: LanguageServiceOptions): LanguageService {
  let service: LanguageService | undefined;
  const get = (): LanguageService => {
    if (!service) {
      const module = require('../language/language-service') as typeof import('../language/language-service');
      service = module.createLanguageService(options);
    }
    return service;
  };
  return new Proxy({} as LanguageService, { get: (_target, property) => Reflect.get(get(), property) });
}

/** The name and version reported to the client. */
export const serverInfo = { name: 'cloudarch-language-server', version: '0.1.0' };

/** How the server may write to its transport. */
export interface ServerOptions {
  /** The transport's encoder splices `RawJsonElements` in as text (see raw-json.ts). */
  readonly rawJsonDiagnostics?: boolean;
}

/** Connects the language service to a connection and starts listening. */
export function startServer(connection: Connection, entryPoint: string, options: ServerOptions = {}): { shutDownRequested(): boolean } {
  let shutDownRequested = false;
  let settings: ServerSettings = defaultServerSettings;
  /** The `cloudarch` section given in initializationOptions; configuration answers are laid over it. */
  let initialSection: unknown = undefined;
  let supportsConfiguration = false;
  let supportsInlayRefresh = false;
  let supportsCodeLensRefresh = false;
  let completionWire = new CompletionWire({ editRangeDefault: false, dataDefault: false });

  // The bundled server file is also the evaluation worker's entry point (see main.ts).
  const evaluator = createEvaluator(entryPoint, (message, error) => logError(message, error));
  const service = lazyLanguageService({
    // Fix previews need only the figures of the fixed text; the worker parses and evaluates it.
    previewFigures: (uri, text) => evaluator.ask('preview', { uri, text }),
  });

  const logError = (message: string, error: unknown) => {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    connection.console.error(`${message}: ${detail}`);
  };

  const manager = new DocumentManager(
    service,
    evaluator,
    {
      publishDiagnostics: (uri, version, diagnostics, ...encoded) => {
        let all: Diagnostic[] = diagnostics;
        const lists = encoded.filter((list) => list.count > 0);
        if (lists.length > 0) {
          // Over stdio the worker's JSON goes out as it is; other transports need objects.
          all = options.rawJsonDiagnostics
            ? [...diagnostics, new RawJsonElements(lists.map((list) => list.json)) as unknown as Diagnostic]
            : [...diagnostics, ...lists.flatMap(decodeDiagnostics)];
        }
        void connection
          .sendDiagnostics({ uri, version, diagnostics: all })
          .catch((error) => logError('Publishing diagnostics failed', error));
      },
      evaluated: (uri) => {
        if (supportsInlayRefresh && settings.inlayHints) connection.languages.inlayHint.refresh().catch(() => undefined);
        if (supportsCodeLensRefresh && settings.codeLens) connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
        const summary = summaryOf(uri);
        if (summary) void connection.sendNotification(summaryChangedNotification, summary).catch(() => undefined);
      },
      logError,
      logWarning: (message) => connection.console.warn(message),
    },
    settings,
  );

  function summaryOf(uri: string): SummaryResult | null {
    const textDocument = manager.textDocument(uri);
    const errorCount = manager.currentErrorCount(uri);
    // Right after an evaluation the worker's error count is known: no parse on this thread.
    if (textDocument && errorCount !== undefined)
      return service.summary(uri, textDocument.version, { errorCount }, manager.lastEvaluation(uri));
    const current = manager.current(uri);
    if (!current) return null;
    return service.summary(uri, current.version, current.doc, manager.lastEvaluation(uri));
  }

  /** The JSON-RPC "invalid params" error of a CloudArch request; its message names the request (`cloudarch/export: scale must be…`). */
  function invalidParams(type: { readonly method: string }, problem: string): ResponseError<void> {
    return new ResponseError(ErrorCodes.InvalidParams, `${type.method}: ${problem}`);
  }

  /** Runs a handler, turning an exception or a cancellation into the empty result. */
  function guard<P, R>(name: string, empty: R, handler: (params: P, token: CancellationToken) => R | Promise<R>) {
    return async (params: P, token: CancellationToken): Promise<R> => {
      if (token?.isCancellationRequested) return empty;
      try {
        const result = await handler(params, token);
        return token?.isCancellationRequested ? empty : result;
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        logError(`${name} failed`, error);
        return empty;
      }
    };
  }

  const documents = new TextDocuments(TextDocument);
  documents.onDidOpen((event) => manager.changed(event.document, true));
  documents.onDidChangeContent((event) => {
    if (manager.isOpen(event.document.uri)) manager.changed(event.document, false);
  });
  documents.onDidClose((event) => manager.closed(event.document.uri));

  async function refreshSettings(fromNotification?: unknown): Promise<void> {
    try {
      let section: unknown = fromNotification;
      if (supportsConfiguration) section = await connection.workspace.getConfiguration('cloudarch');
      // Without configuration requests, the settings from initializationOptions stay until a change arrives.
      if (section === undefined || section === null) return;
      settings = readServerSettings(mergeSections(initialSection, section));
      manager.updateSettings(settings);
    } catch (error) {
      logError('Reading settings failed', error);
    }
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    supportsConfiguration = capabilities.workspace?.configuration === true;
    supportsInlayRefresh = capabilities.workspace?.inlayHint?.refreshSupport === true;
    supportsCodeLensRefresh = capabilities.workspace?.codeLens?.refreshSupport === true;
    completionWire = new CompletionWire(completionWireSupport(capabilities));
    const options = params.initializationOptions as { settings?: unknown } | undefined;
    if (options && typeof options === 'object') {
      initialSection = options.settings ?? options;
      settings = readServerSettings(initialSection);
      manager.updateSettings(settings);
    }
    return {
      serverInfo,
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: [':', ' ', '[', ',', '-', '.'], resolveProvider: true },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
        documentSymbolProvider: { label: 'CloudArch' },
        foldingRangeProvider: true,
        codeLensProvider: { resolveProvider: false },
        inlayHintProvider: { resolveProvider: false },
        experimental: {
          cloudarch: {
            requests: cloudArchRequestMethods,
            reportKinds,
          },
        },
      },
    };
  });

  connection.onInitialized(() => {
    void refreshSettings();
    // Load the language service while the editor is still opening files.
    setTimeout(() => {
      try {
        void service.settings;
      } catch (error) {
        logError('Loading the language service failed', error);
      }
    }, 0);
  });
  connection.onDidChangeConfiguration((change) => {
    const section = (change.settings as { cloudarch?: unknown } | undefined)?.cloudarch;
    void refreshSettings(section);
  });

  // Completion lists hundreds of items; completion-wire.ts decides what each carries on the wire.
  connection.onCompletion(
    guard('Completion', { isIncomplete: false, items: [] }, (params) => {
      const textDocument = manager.textDocument(params.textDocument.uri);
      if (!textDocument) return { isIncomplete: false, items: [] };
      return completionWire.toWire(service.completion(textDocument.getText(), manager.lastParse(params.textDocument.uri), params.position));
    }),
  );
  connection.onCompletionResolve((item) => completionWire.resolve(item));

  connection.onHover(
    guard('Hover', null, (params) => {
      const current = manager.current(params.textDocument.uri);
      return current ? service.hover(current.doc, params.position, manager.lastEvaluation(params.textDocument.uri)) : null;
    }),
  );

  connection.onDefinition(
    guard<Parameters<Parameters<typeof connection.onDefinition>[0]>[0], LocationLink[]>('Definition', [], (params) => {
      const current = manager.current(params.textDocument.uri);
      const found = current && service.definition(current.doc, params.position);
      if (!found) return [];
      return [
        {
          originSelectionRange: found.origin,
          targetUri: params.textDocument.uri,
          targetRange: found.target,
          targetSelectionRange: found.targetSelection,
        },
      ];
    }),
  );

  connection.onReferences(
    guard('References', [], (params) => {
      const current = manager.current(params.textDocument.uri);
      if (!current) return [];
      return service
        .references(current.doc, params.position, params.context.includeDeclaration)
        .map((range) => ({ uri: params.textDocument.uri, range }));
    }),
  );

  connection.onPrepareRename(
    guard('Prepare rename', null, (params) => {
      const current = manager.current(params.textDocument.uri);
      return (current && service.prepareRename(current.doc, params.position)) ?? null;
    }),
  );

  connection.onRenameRequest(
    guard('Rename', null, (params) => {
      const current = manager.current(params.textDocument.uri);
      if (!current) return null;
      try {
        return { changes: { [params.textDocument.uri]: service.rename(current.doc, params.position, params.newName) } };
      } catch (error) {
        // The user asked for something impossible: say why instead of failing silently.
        if (error instanceof Error && error.name === 'RenameError') throw new ResponseError(-32803, error.message);
        throw error;
      }
    }),
  );

  /**
   * The diagnostics with the fixes the evaluation worker kept for live findings put back (see
   * src/language/diagnostics.ts). They come from the evaluation of the current version, so they
   * edit the text the editor has: an evaluation still running for it is waited for (never started).
   */
  async function withKeptFixes(uri: string, diagnostics: readonly Diagnostic[], token: CancellationToken): Promise<readonly Diagnostic[]> {
    const kept = diagnostics.filter((diagnostic) => keptFixCount(diagnostic) > 0);
    if (kept.length === 0) return diagnostics;
    await manager.settledEvaluation(uri);
    const evaluation = manager.currentEvaluation(uri);
    if (!evaluation || token.isCancellationRequested) return diagnostics;
    const found = (await evaluator.ask('fixes', { uri, version: evaluation.version, diagnostics: kept })) ?? [];
    const fixesByDiagnostic = new Map(kept.map((diagnostic, index) => [diagnostic, found[index] ?? []]));
    return diagnostics.map((diagnostic) => {
      const fixes = fixesByDiagnostic.get(diagnostic);
      return fixes === undefined ? diagnostic : withFixes(diagnostic, fixes);
    });
  }

  /** Code actions name the diagnostics they fix as the client sent them, not as rehydrated here. */
  function withOriginalDiagnostics(actions: CodeAction[], originals: readonly Diagnostic[]): CodeAction[] {
    return actions.map((action) => {
      const named = action.diagnostics?.map(
        (diagnostic) =>
          originals.find(
            (original) =>
              original.range === diagnostic.range && original.code === diagnostic.code && original.message === diagnostic.message,
          ) ?? diagnostic,
      );
      return named ? { ...action, diagnostics: named } : action;
    });
  }

  connection.onCodeAction(
    guard('Code actions', [], async (params, token) => {
      const uri = params.textDocument.uri;
      if (!manager.isOpen(uri)) return [];
      const quickFixes = await withOriginalDiagnostics(
        service.codeActions(uri, await withKeptFixes(uri, params.context.diagnostics, token), params.context.only),
        params.context.diagnostics,
      );
      const hasSecurityFix = quickFixes.some((action) =>
        action.diagnostics?.some((diagnostic) => diagnostic.source === 'cloudarch.security'),
      );
      // Security fixes show their cost and availability effect, and savings come from the cost
      // evaluation: both need the evaluation of the current text. Editors ask for code actions on
      // every caret move, so this never starts one: until it lands, the quick fixes come plain.
      const evaluation = manager.currentEvaluation(uri);
      const current = manager.current(uri);
      if (!evaluation || !current || current.version !== evaluation.version || token.isCancellationRequested) return quickFixes;
      // The savings come from the full cost result, which stays in the evaluation worker.
      const savings =
        (await evaluator.ask('savings', {
          uri,
          version: evaluation.version,
          range: params.range,
          ...(params.context.only ? { only: params.context.only } : {}),
        })) ?? [];
      const fixes = hasSecurityFix
        ? await service.previewSecurityFixes(quickFixes, uri, current.doc, evaluation.figures, {
            isCancelled: () => token.isCancellationRequested,
          })
        : quickFixes;
      return [...fixes, ...savings];
    }),
  );

  connection.onDocumentSymbol(
    guard('Document symbols', [], (params) => {
      const current = manager.current(params.textDocument.uri);
      return current ? service.documentSymbols(current.doc) : [];
    }),
  );

  connection.onFoldingRanges(
    guard('Folding ranges', [], (params) => {
      const current = manager.current(params.textDocument.uri);
      return current ? service.foldingRanges(current.doc) : [];
    }),
  );

  connection.onCodeLens(
    guard('CodeLens', [], (params) => {
      if (!settings.codeLens) return [];
      // The headline reads only the evaluation's figures: no need to parse the current text for it.
      const doc = manager.lastParse(params.textDocument.uri) ?? manager.current(params.textDocument.uri)?.doc;
      return doc ? service.codeLenses(doc, manager.lastEvaluation(params.textDocument.uri), params.textDocument.uri) : [];
    }),
  );

  connection.languages.inlayHint.on(
    guard('Inlay hints', [], (params) => {
      if (!settings.inlayHints) return [];
      const current = manager.current(params.textDocument.uri);
      return current ? service.inlayHints(current.doc, manager.lastEvaluation(params.textDocument.uri), params.range) : [];
    }),
  );

  connection.onRequest(
    cloudArchRequests.report,
    guard('Report', null, async (params) => {
      if (!params || typeof params.uri !== 'string' || !reportKinds.includes(params.kind)) {
        throw invalidParams(cloudArchRequests.report, `needs { uri, kind } with kind one of ${reportKinds.join(', ')}.`);
      }
      // The worker keeps the full result of the version it evaluated last and renders the report
      // from it (the availability report evaluates again, with the Monte Carlo cross-check).
      const textDocument = manager.textDocument(params.uri);
      if (!textDocument) return null;
      if (!settings.evaluations)
        return {
          kind: params.kind,
          version: textDocument.version,
          ...service.report(params.kind, manager.current(params.uri)!.doc, undefined),
        };
      const version = textDocument.version;
      const report = await evaluator.ask('report', {
        uri: params.uri,
        version,
        text: textDocument.getText(),
        report: params.kind,
        monteCarloSamples: settings.monteCarloSamples,
      });
      return report ? { kind: params.kind, version, ...report } : null;
    }),
  );

  connection.onRequest(
    cloudArchRequests.export,
    guard('Export', null, async (params) => {
      if (!params || typeof params.uri !== 'string' || !exportFormatNames.includes(params.format)) {
        throw invalidParams(cloudArchRequests.export, `needs { uri, format } with format one of ${exportFormatNames.join(', ')}.`);
      }
      if (params.scale !== undefined && !(typeof params.scale === 'number' && params.scale >= 0.25 && params.scale <= 8)) {
        throw invalidParams(cloudArchRequests.export, 'scale must be a number from 0.25 to 8.');
      }
      if (
        params.layers !== undefined &&
        !(
          Array.isArray(params.layers) &&
          params.layers.every((layer: unknown) => typeof layer === 'string' && (diagramLayers as readonly string[]).includes(layer))
        )
      ) {
        throw invalidParams(cloudArchRequests.export, `layers must be a list of ${diagramLayers.join(', ')}.`);
      }
      const layout = params.layout ?? settings.diagramLayout;
      if (!diagramLayoutChoices.includes(layout)) {
        throw invalidParams(cloudArchRequests.export, `layout must be one of ${diagramLayoutChoices.join(', ')}.`);
      }
      const textDocument = manager.textDocument(params.uri);
      if (!textDocument) return null;
      const version = textDocument.version;
      // The worker lays out, renders and rasterises: the server thread stays free for typing.
      const response = await evaluator.ask('export', {
        ...params,
        layout,
        version,
        text: textDocument.getText(),
        monteCarloSamples: settings.monteCarloSamples,
      });
      if (!response) return null;
      if ('refused' in response)
        throw new ResponseError(exportDocumentHasErrors, `The file has errors and was not exported. ${response.refused}`);
      return { ...response, version };
    }),
  );

  connection.onRequest(
    cloudArchRequests.summary,
    guard('Summary', null, (params) => (params && typeof params.uri === 'string' ? summaryOf(params.uri) : null)),
  );

  // CloudFormation both ways: the worker converts (src/cloudformation), this thread only checks and forwards.
  const conversionFailed = {
    ok: false,
    message: 'the language server could not convert it; see the CloudArch output for details.',
  } as const;
  connection.onRequest(
    cloudArchRequests.importCloudFormation,
    guard('CloudFormation import', conversionFailed, async (params) => {
      if (!params || typeof params.uri !== 'string' || typeof params.text !== 'string')
        throw invalidParams(cloudArchRequests.importCloudFormation, 'needs { uri, text, params? }.');
      const given = params.params ?? {};
      if (typeof given !== 'object' || Object.values(given).some((value) => typeof value !== 'string'))
        throw invalidParams(cloudArchRequests.importCloudFormation, 'params must map names to strings.');
      return (await evaluator.ask('importCloudFormation', { uri: params.uri, text: params.text, params: given })) ?? conversionFailed;
    }),
  );

  connection.onRequest(
    cloudArchRequests.exportCloudFormation,
    guard('CloudFormation export', conversionFailed, async (params) => {
      if (!params || typeof params.uri !== 'string') throw invalidParams(cloudArchRequests.exportCloudFormation, 'needs { uri }.');
      const textDocument = manager.textDocument(params.uri);
      if (!textDocument) return { ok: false, message: 'the architecture is not open in the editor.' };
      return (
        (await evaluator.ask('exportCloudFormation', { uri: params.uri, version: textDocument.version, text: textDocument.getText() })) ??
        conversionFailed
      );
    }),
  );

  // The picture of an open document: parse, evaluation, layout and SVG all happen in the worker.
  connection.onRequest(
    cloudArchRequests.diagram,
    guard('Diagram', null, async (params) => {
      const theme = params?.theme ?? 'light';
      if (!params || typeof params.uri !== 'string' || !diagramThemes.includes(theme)) {
        throw invalidParams(cloudArchRequests.diagram, `needs { uri } and an optional theme, one of ${diagramThemes.join(', ')}.`);
      }
      const layout = params.layout ?? settings.diagramLayout;
      if (!diagramLayoutChoices.includes(layout)) {
        throw invalidParams(cloudArchRequests.diagram, `layout must be one of ${diagramLayoutChoices.join(', ')}.`);
      }
      const textDocument = manager.textDocument(params.uri);
      if (!textDocument) return null;
      const layers = (params.layers ?? []).filter((layer) => diagramLayers.includes(layer));
      const overlays = (params.overlays ?? []).filter((overlay) => diagramOverlays.includes(overlay));
      try {
        const diagram = await evaluator.ask('diagram', {
          uri: params.uri,
          version: textDocument.version,
          text: textDocument.getText(),
          options: { theme, layers, overlays, layout },
        });
        return diagram ?? null;
      } catch (error) {
        // The client shows why, instead of an empty panel.
        logError('Drawing the diagram failed', error);
        throw new ResponseError(
          -32603,
          `The diagram could not be drawn: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
        );
      }
    }),
  );

  // The simulator runs in the worker (src/evaluate/simulate); this thread only checks and forwards.
  const simulationFailed = {
    ok: false,
    message: 'the language server could not simulate it; see the CloudArch output for details.',
  } as const;
  connection.onRequest(
    cloudArchRequests.simulate,
    guard('Simulation', simulationFailed, async (params) => {
      if (!params || typeof params.uri !== 'string' || !Array.isArray(params.events))
        throw invalidParams(cloudArchRequests.simulate, 'needs { uri, events: string[], scenario?, days?, seed? }.');
      const textDocument = manager.textDocument(params.uri);
      if (!textDocument) return { ok: false, message: 'the architecture is not open in the editor.' };
      const { scenario, days, seed, events } = params;
      return (
        (await evaluator.ask('simulate', {
          uri: params.uri,
          version: textDocument.version,
          text: textDocument.getText(),
          events,
          ...(scenario !== undefined ? { scenario } : {}),
          ...(days !== undefined ? { days } : {}),
          ...(seed !== undefined ? { seed } : {}),
        })) ?? simulationFailed
      );
    }),
  );
  connection.onRequest(
    cloudArchRequests.scenarios,
    guard('Scenarios', null, async (params) => {
      const textDocument = params && typeof params.uri === 'string' ? manager.textDocument(params.uri) : undefined;
      if (!textDocument) return null;
      return (await evaluator.ask('scenarios', { uri: params.uri, version: textDocument.version, text: textDocument.getText() })) ?? null;
    }),
  );

  connection.onShutdown(() => {
    shutDownRequested = true;
    evaluator.dispose();
  });

  documents.listen(connection);
  connection.listen();
  return { shutDownRequested: () => shutDownRequested };
}
