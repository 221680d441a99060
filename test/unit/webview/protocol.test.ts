/**
 * The diagram's webview messages are validated on receipt by both sides: what is well formed gets
 * through unchanged, anything else (a forged type, a missing field, an out-of-range value) is dropped.
 */
import * as assert from 'node:assert/strict';
import { exportViewParams } from '../../../src/protocol/export';
import {
  isDiagramResult,
  isWebviewDiagram,
  parseFirstDiagramData,
  parseHostMessage,
  parseViewState,
  parseWebviewMessage,
  webviewDiagram,
  type DiagramResult,
} from '../../../src/protocol/diagram';

const range = { start: { line: 3, character: 2 }, end: { line: 3, character: 9 } };
const diagram: DiagramResult = {
  uri: 'file:///a.cloudarch.yaml',
  version: 4,
  pictureVersion: 4,
  svg: '<svg xmlns="http://www.w3.org/2000/svg"/>',
  title: 'A',
  resources: [
    {
      name: 'web',
      type: 'aws.ec2.instance',
      range,
      nameRange: range,
      monthlyUSD: 30,
      availabilityPercent: 99.5,
      findings: { high: 1 },
      spof: true,
    },
  ],
  availableLayers: ['security-groups'],
  zones: [{ zone: 'a', containers: ['zone:us-east-1a'], works: false, stopped: ['web'] }],
};

describe('diagram webview protocol', () => {
  it('accepts every well-formed webview message unchanged', () => {
    const messages = [
      { type: 'ready', requestId: 1, theme: 'dark', layers: ['network'] },
      { type: 'ready', requestId: 9, theme: 'light', layers: [], showing: { version: 3, pictureVersion: 2 } },
      { type: 'options', requestId: 2, theme: 'high-contrast', layers: [] },
      { type: 'reveal', requestId: 3, resource: 'web' },
      { type: 'export', requestId: 4 },
      { type: 'export', requestId: 7, view: { theme: 'dark', layers: ['network'], overlays: ['cost', 'spof'], zoneDown: 'a' } },
      { type: 'view', requestId: 8, view: { theme: 'light', layers: [], overlays: [] } },
      { type: 'simulateOutage', requestId: 5, zone: 'b' },
      { type: 'simulateOutage', requestId: 6, zone: 'us-west-2a' },
    ];
    for (const message of messages) assert.deepEqual(parseWebviewMessage(message), message);
  });

  it('drops malformed webview messages', () => {
    const bad: unknown[] = [
      null,
      'ready',
      { type: 'ready', theme: 'dark', layers: [] },
      { type: 'ready', requestId: -1, theme: 'dark', layers: [] },
      { type: 'ready', requestId: 1, theme: 'sepia', layers: [] },
      { type: 'ready', requestId: 1, theme: 'dark', layers: [], showing: 3 },
      { type: 'ready', requestId: 1, theme: 'dark', layers: [], showing: { version: 3 } },
      { type: 'ready', requestId: 1, theme: 'dark', layers: [], showing: { version: '3', pictureVersion: 3 } },
      { type: 'ready', requestId: 1, theme: 'dark', layers: [], showing: { version: 3, pictureVersion: Number.NaN } },
      { type: 'options', requestId: 1, theme: 'dark', layers: ['everything'] },
      { type: 'reveal', requestId: 1, resource: '' },
      { type: 'reveal', requestId: 1, resource: 'x'.repeat(600) },
      { type: 'reveal', requestId: 1 },
      { type: 'runCommand', requestId: 1, command: 'workbench.action.terminal.new' },
      { type: 'simulateOutage', requestId: 1 },
      { type: 'simulateOutage', requestId: 1, zone: '' },
      { type: 'simulateOutage', requestId: 1, zone: 'a@0d+1h,region:us-east-1@0d' },
      { type: 'simulateOutage', requestId: 1, zone: 'b'.repeat(40) },
      { type: 'simulateOutage', requestId: 1, zone: 7 },
      { type: 'export', requestId: 1, view: { theme: 'dark', layers: [], overlays: ['everything'] } },
      { type: 'export', requestId: 1, view: { theme: 'print', layers: [], overlays: [] } },
      { type: 'export', requestId: 1, view: 'as shown' },
      { type: 'view', requestId: 1 },
      { type: 'view', requestId: 1, view: { theme: 'dark', layers: [], overlays: [], zoneDown: 'a@0d' } },
      { type: 'view', requestId: 1, view: { theme: 'dark', layers: ['roads'], overlays: [] } },
    ];
    for (const message of bad) assert.equal(parseWebviewMessage(message), undefined, JSON.stringify(message));
  });

  it('reads back what a ready message says it shows, and nothing else it carries', () => {
    const parsed = parseWebviewMessage({
      type: 'ready',
      requestId: 2,
      theme: 'dark',
      layers: [],
      showing: { version: 5, pictureVersion: 4, svg: '<svg/>' },
      command: 'x',
    });
    assert.deepEqual(parsed, { type: 'ready', requestId: 2, theme: 'dark', layers: [], showing: { version: 5, pictureVersion: 4 } });
    // An options message has no picture to vouch for: the field is not read.
    assert.deepEqual(
      parseWebviewMessage({ type: 'options', requestId: 3, theme: 'dark', layers: [], showing: { version: 1, pictureVersion: 1 } }),
      {
        type: 'options',
        requestId: 3,
        theme: 'dark',
        layers: [],
      },
    );
  });

  it("reads a page's first-picture data only when it is well formed", () => {
    const { svg: _svg, ...withoutSvg } = webviewDiagram(diagram);
    assert.deepEqual(parseFirstDiagramData({ diagram: withoutSvg, canExport: true }), { diagram: withoutSvg, canExport: true });
    for (const bad of [
      undefined,
      [],
      { diagram: withoutSvg },
      { diagram: withoutSvg, canExport: 'yes' },
      { diagram: { ...withoutSvg, resources: [{ name: 'web' }] }, canExport: false },
      { diagram: { ...withoutSvg, pictureVersion: '4' }, canExport: false },
    ])
      assert.equal(parseFirstDiagramData(bad), undefined, JSON.stringify(bad));
  });

  it("accepts the extension's messages and drops forged ones", () => {
    assert.deepEqual(parseHostMessage({ type: 'diagram', requestId: 1, diagram, canExport: false }), {
      type: 'diagram',
      requestId: 1,
      diagram,
      canExport: false,
    });
    assert.deepEqual(parseHostMessage({ type: 'diagram', diagram, canExport: true }), { type: 'diagram', diagram, canExport: true });
    assert.deepEqual(parseHostMessage({ type: 'select', resource: null }), { type: 'select', resource: null });
    assert.deepEqual(parseHostMessage({ type: 'error', message: 'no' }), { type: 'error', message: 'no' });
    assert.equal(parseHostMessage({ type: 'diagram', diagram: { ...diagram, version: 'new' }, canExport: false }), undefined);
    assert.equal(parseHostMessage({ type: 'diagram', diagram: { ...diagram, resources: [{ name: 'web' }] }, canExport: false }), undefined);
    assert.equal(parseHostMessage({ type: 'diagram', diagram, canExport: false, requestId: 'x' }), undefined);
    assert.equal(parseHostMessage({ type: 'select', resource: 7 }), undefined);
    assert.equal(parseHostMessage({ type: 'eval', code: 'alert(1)' }), undefined);
  });

  it('sends the webview each resource without its ranges, and the webview accepts that and nothing less', () => {
    const sent = webviewDiagram(diagram);
    assert.deepEqual(
      sent.resources,
      diagram.resources.map(({ name, type, findings, spof, monthlyUSD, availabilityPercent }) => ({
        name,
        type,
        findings,
        spof,
        ...(monthlyUSD !== undefined ? { monthlyUSD } : {}),
        ...(availabilityPercent !== undefined ? { availabilityPercent } : {}),
      })),
    );
    assert.ok(sent.resources.length > 0 && sent.resources.every((resource) => !('range' in resource) && !('nameRange' in resource)));
    assert.equal(sent.svg, diagram.svg);
    assert.ok(isWebviewDiagram(sent));
    assert.ok(!isDiagramResult(sent), 'not a full answer: the extension keeps that');
    assert.deepEqual(parseHostMessage({ type: 'diagram', diagram: sent, canExport: false }), {
      type: 'diagram',
      diagram: sent,
      canExport: false,
    });
    assert.equal(
      parseHostMessage({ type: 'diagram', diagram: { ...sent, resources: [{ ...sent.resources[0], spof: 'no' }] }, canExport: false }),
      undefined,
    );
  });

  it('checks a diagram result field by field', () => {
    assert.ok(isDiagramResult(diagram));
    const { svg: _svg, ...withoutPicture } = diagram;
    assert.ok(isDiagramResult({ ...withoutPicture, parseError: { message: 'bad', range } }), 'a text that never parsed has no picture');
    assert.ok(!isDiagramResult({ ...diagram, zones: [{ zone: 'a', containers: [], works: 'yes', stopped: [] }] }));
    assert.ok(!isDiagramResult({ ...diagram, resources: [{ ...diagram.resources[0], findings: { severe: 1 } }] }));
    assert.ok(!isDiagramResult({ ...diagram, monthlyUSD: Number.NaN }));
    assert.ok(isDiagramResult({ ...diagram, layout: 'channels', layoutNotice: 'elkjs could not lay out this diagram' }));
    assert.ok(!isDiagramResult({ ...diagram, layout: 'graphviz' }), 'a layout the protocol does not name');
    assert.ok(!isDiagramResult({ ...diagram, layoutNotice: 42 }));
  });

  it('restores a view state from what the webview saved, ignoring unknown layers', () => {
    assert.deepEqual(parseViewState({ uri: 'file:///a', layers: ['network'], overlays: ['cost'] }), {
      uri: 'file:///a',
      layers: ['network'],
      overlays: ['cost'],
    });
    assert.deepEqual(parseViewState({ uri: 'file:///a', layers: ['bogus'] }), { uri: 'file:///a', layers: [], overlays: [] });
    assert.equal(parseViewState({ layers: [] }), undefined);
    assert.equal(parseViewState(undefined), undefined);
  });

  it('carries only the view fields of an export message, nothing else it brings', () => {
    const forged = { type: 'export', requestId: 1, view: { theme: 'dark', layers: [], overlays: [], command: 'rm -rf' }, extra: true };
    assert.deepEqual(parseWebviewMessage(forged), { type: 'export', requestId: 1, view: { theme: 'dark', layers: [], overlays: [] } });
  });

  it("turns the panel's view into the export's theme, layers and overlays, or the print theme", () => {
    const view = { theme: 'dark', layers: ['network'], overlays: ['cost', 'findings'], zoneDown: 'b' } as const;
    assert.deepEqual(exportViewParams(view, 'shown'), {
      theme: 'dark',
      layers: ['network'],
      overlays: { costHeat: true, findings: true, spof: false, zonesDown: ['b'], securityGroups: false },
    });
    assert.equal(exportViewParams(view, 'print').theme, 'print');
    assert.deepEqual(exportViewParams({ theme: 'light', layers: ['security-groups'], overlays: [] }, 'shown').overlays, {
      costHeat: false,
      findings: false,
      spof: false,
      zonesDown: [],
      securityGroups: true,
    });
  });
});
