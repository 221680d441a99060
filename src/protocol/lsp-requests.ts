/**
 * The table of CloudArch's custom LSP messages: each request's method, params type and result type
 * bound once, as a typed descriptor (`RequestType<Params, Result, void>`) that both sides hand to
 * their library. The client sends with `languageClient.sendRequest(cloudArchRequests.diagram, params)`
 * and the server answers with `connection.onRequest(cloudArchRequests.diagram, handler)`: the params
 * and the result are checked against the same types on both sides, and neither names a method or a
 * payload type again. The server advertises the table's methods (`experimental.cloudarch.requests`).
 *
 * Adding a request: its method and types beside the feature's other messages (`diagram.ts`,
 * `export.ts`…), a row here, a handler in `src/server/server.ts`, and the call where the client
 * needs it (`CommandContext.request`).
 *
 * `vscode-languageserver-protocol` is imported for the descriptor classes only: message
 * signatures, no connection and no transport is made here. The webview must not import this module
 * (it would bundle the JSON-RPC library); `test/unit/layers.test.ts` checks that it does not.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import {
  exportCloudFormationRequestMethod,
  importCloudFormationRequestMethod,
  type ExportCloudFormationParams,
  type ExportCloudFormationResult,
  type ImportCloudFormationParams,
  type ImportCloudFormationResult,
} from './cloudformation';
import { diagramRequestMethod, type DiagramParams, type DiagramResult } from './diagram';
import { exportRequestMethod, type ExportParams, type ExportResult } from './export';
import {
  reportRequestMethod,
  summaryChangedNotificationMethod,
  summaryRequestMethod,
  type ReportParams,
  type ReportResult,
  type SummaryParams,
  type SummaryResult,
} from './requests';
import {
  scenariosRequestMethod,
  simulateRequestMethod,
  type ScenariosParams,
  type ScenariosResult,
  type SimulateParams,
  type SimulateResult,
} from './simulation';

/** Every custom request; a `null` result means the server does not have the document open. */
export const cloudArchRequests = {
  report: new RequestType<ReportParams, ReportResult | null, void>(reportRequestMethod),
  summary: new RequestType<SummaryParams, SummaryResult | null, void>(summaryRequestMethod),
  diagram: new RequestType<DiagramParams, DiagramResult | null, void>(diagramRequestMethod),
  export: new RequestType<ExportParams, ExportResult | null, void>(exportRequestMethod),
  importCloudFormation: new RequestType<ImportCloudFormationParams, ImportCloudFormationResult, void>(importCloudFormationRequestMethod),
  exportCloudFormation: new RequestType<ExportCloudFormationParams, ExportCloudFormationResult, void>(exportCloudFormationRequestMethod),
  simulate: new RequestType<SimulateParams, SimulateResult, void>(simulateRequestMethod),
  scenarios: new RequestType<ScenariosParams, ScenariosResult | null, void>(scenariosRequestMethod),
} as const;

export type CloudArchRequestKind = keyof typeof cloudArchRequests;

/** The methods of every custom request, in the table's order (what the server advertises). */
export const cloudArchRequestMethods: readonly string[] = Object.values(cloudArchRequests).map((type) => type.method);

/** `cloudarch/summaryChanged`: the server pushes the new summary after each evaluation. */
export const summaryChangedNotification = new NotificationType<SummaryResult>(summaryChangedNotificationMethod);
