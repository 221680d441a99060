/**
 * The server's settings, read from the client's `cloudarch` configuration section (or from
 * `initializationOptions` for editors without workspace/configuration). Every value is checked and
 * falls back to its default, so a bad setting never breaks the server.
 */

export interface ServerSettings {
  /** Milliseconds of quiet typing before a document is re-checked. */
  readonly debounceMs: number;
  /** Milliseconds after the parse diagnostics before the evaluations run. */
  readonly evaluationDebounceMs: number;
  /** Run the availability, cost and security evaluations. */
  readonly evaluations: boolean;
  /** Files with more resources than this are not evaluated while typing. */
  readonly maxResourcesForLiveEvaluation: number;
  readonly codeLens: boolean;
  readonly inlayHints: boolean;
}

export const defaultServerSettings: ServerSettings = {
  debounceMs: 75,
  evaluationDebounceMs: 250,
  evaluations: true,
  maxResourcesForLiveEvaluation: 2000,
  codeLens: true,
  inlayHints: true,
};

function pick(source: unknown, path: readonly string[]): unknown {
  let current = source;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function numberIn(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max ? value : fallback;
}

function booleanOr(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

/**
 * Reads the `cloudarch` section. Both nested (`{ evaluations: { enabled } }`) and flat dotted keys
 * (`{ 'evaluations.enabled': true }`) are accepted, because editors pass settings either way.
 */
export function readServerSettings(section: unknown): ServerSettings {
  const get = (...path: string[]) => pick(section, path) ?? pick(section, [path.join('.')]);
  const d = defaultServerSettings;
  return {
    debounceMs: numberIn(get('validation', 'debounceMs') ?? get('debounceMs'), 0, 5000, d.debounceMs),
    evaluationDebounceMs: numberIn(get('evaluations', 'debounceMs'), 0, 10000, d.evaluationDebounceMs),
    evaluations: booleanOr(get('evaluations', 'enabled') ?? get('evaluations'), d.evaluations),
    maxResourcesForLiveEvaluation: numberIn(get('evaluations', 'maxResources'), 0, 1_000_000, d.maxResourcesForLiveEvaluation),
    codeLens: booleanOr(get('codeLens', 'enabled') ?? get('codeLens'), d.codeLens),
    inlayHints: booleanOr(get('inlayHints', 'enabled') ?? get('inlayHints'), d.inlayHints),
  };
}
