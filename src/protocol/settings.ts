/**
 * The extension's settings: the one source of truth. package.json's `contributes.configuration`
 * must declare exactly these (a unit test compares them), the client reads them through
 * `readSettings`, and the server receives the same typed object. Adding a setting means adding one
 * entry here, its mirror in package.json, and reading it where it matters.
 *
 * Pure data and types: this module is imported by the client, the server and tests alike.
 */

/** The prefix every setting key carries, and the section the language client synchronises. */
export const SETTINGS_SECTION = 'cloudarch';

/** The JSON Schema fragment VS Code accepts for one setting, restricted to what we use. */
export interface SettingDeclaration {
  readonly type: 'boolean' | 'number' | 'integer' | 'string';
  readonly default: boolean | number | string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly enum?: readonly string[];
  readonly markdownEnumDescriptions?: readonly string[];
  readonly markdownDescription: string;
  /** `resource`: may differ per folder; `window`: one value for the whole window */
  readonly scope: 'resource' | 'window' | 'application';
  readonly order: number;
}

/**
 * Every setting, keyed by its full name. The declaration objects are written exactly as they
 * appear in package.json, so the consistency test can compare them with `deepStrictEqual`.
 */
export const SETTINGS = {
  'cloudarch.validation.debounceMs': {
    type: 'integer',
    default: 200,
    minimum: 0,
    maximum: 5000,
    markdownDescription:
      'Milliseconds to wait after the last keystroke before a file is re-validated. Lower values give faster feedback; higher values save work on very large files.',
    scope: 'resource',
    order: 0,
  },
  'cloudarch.evaluation.enabled': {
    type: 'boolean',
    default: true,
    markdownDescription:
      'Run the availability, cost and security evaluations on every valid file and show their results as diagnostics, CodeLens and inlay hints. Evaluations run offline, on the bundled catalog.',
    scope: 'resource',
    order: 1,
  },
  'cloudarch.evaluation.monteCarloSamples': {
    type: 'integer',
    default: 10000,
    minimum: 0,
    maximum: 1000000,
    markdownDescription:
      'Number of samples of the Monte Carlo availability simulation that cross-checks the exact figure. `0` turns the simulation off.',
    scope: 'resource',
    order: 2,
  },
  'cloudarch.inlayHints.enabled': {
    type: 'boolean',
    default: true,
    markdownDescription:
      "Show inlay hints after resources: monthly cost and availability of each resource. VS Code's own `#editor.inlayHints.enabled#` must also be on.",
    scope: 'resource',
    order: 3,
  },
  'cloudarch.codeLens.enabled': {
    type: 'boolean',
    default: true,
    markdownDescription:
      'Show the evaluation summary (availability, monthly cost, security findings) as CodeLens above the file, with links to the full reports.',
    scope: 'resource',
    order: 4,
  },
  'cloudarch.security.liveMinimumSeverity': {
    type: 'string',
    default: 'low',
    enum: ['critical', 'high', 'medium', 'low', 'info'],
    markdownEnumDescriptions: [
      'Show only critical findings while typing.',
      'Show high and critical findings while typing.',
      'Show medium findings and above while typing.',
      'Show low findings and above while typing; informational findings appear in the security report only.',
      'Show every finding while typing, informational ones as hints.',
    ],
    markdownDescription:
      'The least severe security finding shown as a diagnostic while you type. Less severe findings are still counted in the CodeLens and listed in the security report.',
    scope: 'resource',
    order: 5,
  },
  'cloudarch.trace.server': {
    type: 'string',
    default: 'off',
    enum: ['off', 'messages', 'verbose'],
    markdownEnumDescriptions: [
      'Do not trace the protocol.',
      'Log the name of each message exchanged with the language server.',
      'Log each message with its parameters and result.',
    ],
    markdownDescription:
      'Traces the communication between VS Code and the CloudArch language server in the **CloudArch** output channel. Useful when reporting a bug.',
    scope: 'window',
    order: 6,
  },
  'cloudarch.diagram.layout': {
    type: 'string',
    default: 'channels',
    enum: ['channels', 'elkjs'],
    markdownEnumDescriptions: [
      "CloudArch's own layout: boxes in left-to-right columns, every edge routed through the free channels between them. A few milliseconds even at 500 resources, so the picture follows your typing.",
      "ELK's layered layout with hierarchy (elkjs): ELK's look, with crossings reduced over the whole picture. Loaded the first time it is used, and much slower (measured: about 0.3 s of CPU at 100 resources and 0.7 s at 500, more for the first picture), so on a large file the picture lags behind your typing. If elkjs fails, takes longer than 8 s, or draws an edge through a box, the panel shows the channel layout with a notice.",
    ],
    markdownDescription:
      'Who lays out the architecture diagram (the panel and its exports). Open diagram panels are redrawn when it changes. `cloudarch export --layout` chooses the same on the command line.',
    scope: 'resource',
    order: 7,
  },
} as const satisfies Record<string, SettingDeclaration>;

/** The full name of a setting, e.g. `cloudarch.validation.debounceMs`. */
export type SettingKey = keyof typeof SETTINGS;

/** The trace levels `cloudarch.trace.server` accepts. */
export type TraceLevel = (typeof SETTINGS)['cloudarch.trace.server']['enum'][number];

/** The severities `cloudarch.security.liveMinimumSeverity` accepts, most severe first. */
export type LiveFindingSeverity = (typeof SETTINGS)['cloudarch.security.liveMinimumSeverity']['enum'][number];

/** The layouts `cloudarch.diagram.layout` accepts (protocol/diagram.ts's `DiagramLayoutChoice`). */
export type DiagramLayoutSetting = (typeof SETTINGS)['cloudarch.diagram.layout']['enum'][number];

/** The settings as one typed object, after defaults and bounds are applied. */
export interface CloudArchSettings {
  readonly validationDebounceMs: number;
  /** The least severe security finding published as a live diagnostic. */
  readonly liveMinimumSeverity: LiveFindingSeverity;
  readonly evaluationEnabled: boolean;
  readonly monteCarloSamples: number;
  readonly inlayHintsEnabled: boolean;
  readonly codeLensEnabled: boolean;
  readonly traceServer: TraceLevel;
  /** Who lays out the diagram. */
  readonly diagramLayout: DiagramLayoutSetting;
}

/** Reads one raw setting value by its full key; `undefined` when the user has not set it. */
export type SettingReader = (key: SettingKey) => unknown;

function readBoolean(read: SettingReader, key: SettingKey): boolean {
  const value = read(key);
  return typeof value === 'boolean' ? value : (SETTINGS[key].default as boolean);
}

/**
 * Reads a whole number and clamps it into the declared bounds: a hand-edited settings.json with a
 * negative debounce or `NaN` must never reach a timer or a sample loop.
 */
function readInteger(read: SettingReader, key: SettingKey): number {
  const declaration: SettingDeclaration = SETTINGS[key];
  const value = read(key);
  if (typeof value !== 'number' || !Number.isFinite(value)) return declaration.default as number;
  const whole = Math.round(value);
  const low = declaration.minimum ?? Number.NEGATIVE_INFINITY;
  const high = declaration.maximum ?? Number.POSITIVE_INFINITY;
  return Math.min(high, Math.max(low, whole));
}

function readLiveMinimumSeverity(read: SettingReader): LiveFindingSeverity {
  const declaration = SETTINGS['cloudarch.security.liveMinimumSeverity'];
  const value = read('cloudarch.security.liveMinimumSeverity');
  const allowed: readonly string[] = declaration.enum;
  return typeof value === 'string' && allowed.includes(value) ? (value as LiveFindingSeverity) : declaration.default;
}

function readTraceLevel(read: SettingReader): TraceLevel {
  const value = read('cloudarch.trace.server');
  const allowed: readonly string[] = SETTINGS['cloudarch.trace.server'].enum;
  return typeof value === 'string' && allowed.includes(value) ? (value as TraceLevel) : 'off';
}

function readDiagramLayout(read: SettingReader): DiagramLayoutSetting {
  const declaration = SETTINGS['cloudarch.diagram.layout'];
  const value = read('cloudarch.diagram.layout');
  const allowed: readonly string[] = declaration.enum;
  return typeof value === 'string' && allowed.includes(value) ? (value as DiagramLayoutSetting) : declaration.default;
}

/** Builds the typed settings from any reader: VS Code's configuration, a JSON object, or a test map. */
export function readSettings(read: SettingReader): CloudArchSettings {
  return {
    validationDebounceMs: readInteger(read, 'cloudarch.validation.debounceMs'),
    liveMinimumSeverity: readLiveMinimumSeverity(read),
    evaluationEnabled: readBoolean(read, 'cloudarch.evaluation.enabled'),
    monteCarloSamples: readInteger(read, 'cloudarch.evaluation.monteCarloSamples'),
    inlayHintsEnabled: readBoolean(read, 'cloudarch.inlayHints.enabled'),
    codeLensEnabled: readBoolean(read, 'cloudarch.codeLens.enabled'),
    traceServer: readTraceLevel(read),
    diagramLayout: readDiagramLayout(read),
  };
}

/** The settings every consumer starts from before the user's configuration is known. */
export const DEFAULT_SETTINGS: CloudArchSettings = readSettings(() => undefined);

/**
 * Reads settings from the nested object the language server receives for the `cloudarch` section
 * (`{ validation: { debounceMs: 100 }, ... }`), which is how `workspace/configuration` returns it.
 */
export function readSettingsFromSection(section: unknown): CloudArchSettings {
  return readSettings((key) => {
    let node: unknown = section;
    for (const part of key.slice(SETTINGS_SECTION.length + 1).split('.')) {
      if (node === null || typeof node !== 'object') return undefined;
      node = (node as Record<string, unknown>)[part];
    }
    return node;
  });
}

/** The `contributes.configuration` block package.json must carry, derived from `SETTINGS`. */
export function configurationContribution(): { title: string; properties: Record<string, SettingDeclaration> } {
  return { title: 'CloudArch', properties: { ...SETTINGS } };
}
