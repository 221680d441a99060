/**
 * The typed settings: defaults, and hand-edited values that are wrong in every way a settings.json
 * can be wrong never reach the server as NaN, negative or out-of-range numbers.
 */
import * as assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, readSettings, readSettingsFromSection, type SettingKey } from '../../../src/protocol/settings';

describe('settings', () => {
  it('gives the declared defaults when nothing is set', () => {
    assert.deepStrictEqual(DEFAULT_SETTINGS, {
      validationDebounceMs: 200,
      liveMinimumSeverity: 'low',
      evaluationEnabled: true,
      monteCarloSamples: 10000,
      inlayHintsEnabled: true,
      codeLensEnabled: true,
      traceServer: 'off',
      diagramLayout: 'channels',
    });
  });

  const cases: { name: string; values: Partial<Record<SettingKey, unknown>>; expected: Partial<typeof DEFAULT_SETTINGS> }[] = [
    {
      name: 'takes valid values as they are',
      values: { 'cloudarch.validation.debounceMs': 50, 'cloudarch.evaluation.enabled': false, 'cloudarch.trace.server': 'verbose' },
      expected: { validationDebounceMs: 50, evaluationEnabled: false, traceServer: 'verbose' },
    },
    {
      name: 'takes the elkjs diagram layout',
      values: { 'cloudarch.diagram.layout': 'elkjs' },
      expected: { diagramLayout: 'elkjs' },
    },
    {
      name: 'ignores an unknown diagram layout',
      values: { 'cloudarch.diagram.layout': 'graphviz' },
      expected: { diagramLayout: 'channels' },
    },
    {
      name: 'takes a live minimum severity from its list and ignores others',
      values: { 'cloudarch.security.liveMinimumSeverity': 'loud' },
      expected: { liveMinimumSeverity: 'low' },
    },
    { name: 'clamps a negative debounce to 0', values: { 'cloudarch.validation.debounceMs': -10 }, expected: { validationDebounceMs: 0 } },
    {
      name: 'clamps a huge sample count to the maximum',
      values: { 'cloudarch.evaluation.monteCarloSamples': 1e12 },
      expected: { monteCarloSamples: 1_000_000 },
    },
    { name: 'rounds a fractional debounce', values: { 'cloudarch.validation.debounceMs': 99.6 }, expected: { validationDebounceMs: 100 } },
    {
      name: 'ignores NaN and Infinity',
      values: { 'cloudarch.validation.debounceMs': Number.NaN, 'cloudarch.evaluation.monteCarloSamples': Number.POSITIVE_INFINITY },
      expected: { validationDebounceMs: 200, monteCarloSamples: 10000 },
    },
    {
      name: 'ignores values of the wrong type',
      values: { 'cloudarch.validation.debounceMs': '100', 'cloudarch.codeLens.enabled': 'yes', 'cloudarch.trace.server': 'loud' },
      expected: { validationDebounceMs: 200, codeLensEnabled: true, traceServer: 'off' },
    },
  ];
  for (const { name, values, expected } of cases) {
    it(name, () => {
      const settings = readSettings((key) => values[key]);
      assert.deepStrictEqual(settings, { ...DEFAULT_SETTINGS, ...expected });
    });
  }

  it('reads the nested section object the server receives', () => {
    const settings = readSettingsFromSection({
      validation: { debounceMs: 10 },
      evaluation: { enabled: false, monteCarloSamples: 0 },
      trace: { server: 'messages' },
      diagram: { layout: 'elkjs' },
    });
    assert.deepStrictEqual(settings, {
      ...DEFAULT_SETTINGS,
      validationDebounceMs: 10,
      evaluationEnabled: false,
      monteCarloSamples: 0,
      traceServer: 'messages',
      diagramLayout: 'elkjs',
    });
    assert.deepStrictEqual(readSettingsFromSection(null), DEFAULT_SETTINGS);
    assert.deepStrictEqual(readSettingsFromSection({ validation: 5 }), DEFAULT_SETTINGS);
  });
});
