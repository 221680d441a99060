/**
 * The server's settings: the user's `cloudarch` settings (src/protocol/settings.ts is their single
 * source of truth) plus the server's own scheduling knobs. Read from `workspace/configuration`, or
 * from `initializationOptions` for editors that do not answer configuration requests. Every value is
 * checked there, so a bad setting never reaches a timer.
 */
import { maxResourcesForLiveEvaluation } from '../model/limits';
import {
  DEFAULT_SETTINGS,
  readSettingsFromSection,
  type CloudArchSettings,
  type DiagramLayoutSetting,
  type LiveFindingSeverity,
} from '../protocol/settings';

export interface ServerSettings {
  /** Milliseconds of quiet typing before a document is re-checked. */
  readonly debounceMs: number;
  /** The least severe security finding published as a live diagnostic (reports list them all). */
  readonly liveMinimumSeverity: LiveFindingSeverity;
  /** Run the availability, cost and security evaluations. */
  readonly evaluations: boolean;
  /** Monte Carlo samples of the availability report (live evaluation while typing skips them). */
  readonly monteCarloSamples: number;
  /** Files with more resources than this are not evaluated while typing (a report still evaluates them). */
  readonly maxResourcesForLiveEvaluation: number;
  readonly codeLens: boolean;
  readonly inlayHints: boolean;
  /** Who lays out a diagram whose request does not say (`cloudarch/diagram`'s `layout`). */
  readonly diagramLayout: DiagramLayoutSetting;
}

function fromUserSettings(user: CloudArchSettings): ServerSettings {
  return {
    debounceMs: user.validationDebounceMs,
    liveMinimumSeverity: user.liveMinimumSeverity,
    evaluations: user.evaluationEnabled,
    monteCarloSamples: user.monteCarloSamples,
    maxResourcesForLiveEvaluation,
    codeLens: user.codeLensEnabled,
    inlayHints: user.inlayHintsEnabled,
    diagramLayout: user.diagramLayout,
  };
}

export const defaultServerSettings: ServerSettings = fromUserSettings(DEFAULT_SETTINGS);

/** Reads the nested `cloudarch` section (`{ validation: { debounceMs: 100 }, evaluation: { enabled } }`). */
export function readServerSettings(section: unknown): ServerSettings {
  return fromUserSettings(readSettingsFromSection(section ?? {}));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Lays the workspace's section over the one given in `initializationOptions`: an editor that
 * answers configuration requests with an empty object must not erase what its user configured at
 * start-up.
 */
export function mergeSections(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base)) return override ?? base;
  if (!isPlainObject(override)) return base;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    // Own keys only, and never the prototype: settings come from outside.
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    merged[key] = mergeSections(base[key], value);
  }
  return merged;
}
