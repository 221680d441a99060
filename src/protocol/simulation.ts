/**
 * The custom LSP request of the simulator (`cloudarch/simulate`), shared by the server and the
 * extension client (house style: one protocol module, never re-declared). The server's evaluation
 * worker runs the simulation, so the server's thread never blocks on it and the client never loads
 * the core. Plain data only: the result is the engine's `SimulationResult` as JSON.
 */
import type { SimulationResult } from '../evaluate/simulate/types';

export type { SimulationResult, SimulationSeries, TimelineEvent, InjectedOutcome } from '../evaluate/simulate/types';

export const simulateRequestMethod = 'cloudarch/simulate';

export interface SimulateParams {
  /** An open architecture document. */
  readonly uri: string;
  /** The version the caller saw; informational (the current text is simulated). */
  readonly version?: number;
  /** A scenario under the file's `scenarios:` key; its duration, seed and events come first. */
  readonly scenario?: string;
  /** Simulated days (overrides the scenario's). */
  readonly days?: number;
  /** Seed (overrides the scenario's). */
  readonly seed?: number;
  /** Injected events in the `--fail` spec language (`zone:a@1d14h+2h`, `surge:3x@1d+2h`), added to the scenario's. */
  readonly events: readonly string[];
}

export type SimulateResult =
  | {
      readonly ok: true;
      /** The version of the document simulated. */
      readonly version: number;
      readonly result: SimulationResult;
      /** The summary rendered as Markdown (what `cloudarch simulate --format markdown` prints). */
      readonly markdown: string;
      /** The scenario's names in the file, for pickers. */
      readonly scenarios: readonly string[];
    }
  | {
      readonly ok: false;
      /** Why nothing was simulated: a bad event spec, an unknown scenario, errors in the file. */
      readonly message: string;
    };

/** `cloudarch/scenarios`: the names of the scenarios saved in an open document (for the command's quick pick). */
export const scenariosRequestMethod = 'cloudarch/scenarios';

export interface ScenariosParams {
  readonly uri: string;
}

export interface ScenarioSummary {
  readonly name: string;
  readonly days: number;
  readonly description?: string;
  /** The events' spec texts. */
  readonly events: readonly string[];
}

/** The zones the document's resources use (letters in a single region), for building a scenario. */
export interface ScenariosResult {
  readonly scenarios: readonly ScenarioSummary[];
  readonly zones: readonly string[];
}

/** Messages from the extension to the simulation panel's page (webview/simulation). */
export type SimulationHostMessage =
  | {
      readonly type: 'simulation';
      /** What was simulated, e.g. `shop.cloudarch.yaml — zone-a-at-peak`. */
      readonly title: string;
      readonly result: SimulationResult;
    }
  | { readonly type: 'error'; readonly title: string; readonly message: string };

/** Messages from the simulation panel's page to the extension: only the ready handshake. */
export type SimulationWebviewMessage = { readonly type: 'ready' };

/** Whether `value` is a message the page may send (the host checks every message on receipt). */
export function isSimulationWebviewMessage(value: unknown): value is SimulationWebviewMessage {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'ready';
}
