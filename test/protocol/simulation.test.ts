/**
 * `cloudarch/simulate` and `cloudarch/scenarios` against the built language server over stdio: what
 * the Simulate… command and the scenario CodeLens send and get back. The simulation runs in the
 * server's evaluation worker.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scenariosRequestMethod, simulateRequestMethod, type ScenariosResult, type SimulateResult } from '../../src/protocol/simulation';
import { ServerProcess, documentUri, repositoryRoot } from './server-process';

const threeTier = readFileSync(join(repositoryRoot, 'examples', 'three-tier-web.cloudarch.yaml'), 'utf8');
const withScenario = `${threeTier.trimEnd()}\n\nscenarios:\n  zone-a-at-peak:\n    duration: 3d\n    seed: 4\n    failures: [zone:a@1d14h+2h]\n`;

describe('language server: simulation', function () {
  this.timeout(60_000);
  let server: ServerProcess;

  before(async () => {
    server = new ServerProcess();
    const result = await server.initialize();
    const requests = (result.capabilities.experimental as { cloudarch: { requests: string[] } }).cloudarch.requests;
    assert.ok(requests.includes(simulateRequestMethod) && requests.includes(scenariosRequestMethod));
  });

  after(async () => {
    await server.stop();
  });

  it('simulates a zone failure at the daily peak: requests dropped, the outage on the timeline, a Markdown summary', async () => {
    const uri = documentUri('simulate-three-tier.cloudarch.yaml');
    await server.open(uri, threeTier);
    const answer = await server.request<SimulateResult>(simulateRequestMethod, { uri, days: 3, seed: 1, events: ['zone:a@1d14h+2h'] });
    assert.ok(answer.ok, answer.ok ? '' : answer.message);
    const { result } = answer;
    assert.equal(result.days, 3);
    assert.equal(result.injected.length, 1);
    assert.equal(result.injected[0]!.spec, 'zone:a@1d14h+2h');
    assert.ok(result.injected[0]!.droppedRequests > 0, 'the zone failure at peak drops requests');
    assert.ok(result.requests.dropped >= result.injected[0]!.droppedRequests);
    const starts = result.timeline.events.filter((event) => event.kind === 'injected-start');
    assert.deepEqual(
      starts.map((event) => event.at),
      [86_400 + 14 * 3_600],
    );
    assert.ok(result.timeline.events.some((event) => event.kind === 'injected-end' && event.at === 86_400 + 16 * 3_600));
    assert.ok(result.series.time.length > 0 && result.series.time.length <= 480);
    assert.match(answer.markdown, /^# Simulation of `simulate-three-tier\.cloudarch\.yaml`/);
    assert.match(answer.markdown, /zone:a@1d14h\+2h/);
  });

  it('runs a saved scenario by name and lists the scenarios and zones', async () => {
    const uri = documentUri('simulate-scenario.cloudarch.yaml');
    await server.open(uri, withScenario);
    const listed = await server.request<ScenariosResult>(scenariosRequestMethod, { uri });
    assert.deepEqual(listed.scenarios, [{ name: 'zone-a-at-peak', days: 3, events: ['zone:a@1d14h+2h'] }]);
    assert.ok(listed.zones.includes('a') && listed.zones.includes('b'));
    const answer = await server.request<SimulateResult>(simulateRequestMethod, { uri, scenario: 'zone-a-at-peak', events: [] });
    assert.ok(answer.ok, answer.ok ? '' : answer.message);
    assert.equal(answer.result.seed, 4);
    assert.deepEqual(
      answer.result.injected.map((outcome) => outcome.spec),
      ['zone:a@1d14h+2h'],
    );
    assert.deepEqual(answer.scenarios, ['zone-a-at-peak']);
  });

  it('answers bad input with a clear message, and keeps serving', async () => {
    const uri = documentUri('simulate-bad.cloudarch.yaml');
    await server.open(uri, threeTier);
    const badSpec = await server.request<SimulateResult>(simulateRequestMethod, { uri, events: ['zone:a@tomorrow'] });
    assert.equal(badSpec.ok, false);
    assert.match(badSpec.ok ? '' : badSpec.message, /^event `zone:a@tomorrow`: /);
    const unknownZone = await server.request<SimulateResult>(simulateRequestMethod, { uri, events: ['zone:q@1d'] });
    assert.equal(unknownZone.ok, false);
    assert.match(unknownZone.ok ? '' : unknownZone.message, /no zone `q`/);
    const unknownScenario = await server.request<SimulateResult>(simulateRequestMethod, { uri, scenario: 'nope', events: [] });
    assert.deepEqual(unknownScenario, { ok: false, message: "no scenario 'nope' in this file (it has no scenarios: key)." });
    const badDays = await server.request<SimulateResult>(simulateRequestMethod, { uri, days: -1, events: [] });
    assert.equal(badDays.ok, false);
    const notOpen = await server.request<SimulateResult>(simulateRequestMethod, {
      uri: documentUri('never-opened.cloudarch.yaml'),
      events: [],
    });
    assert.deepEqual(notOpen, { ok: false, message: 'the architecture is not open in the editor.' });
    const fine = await server.request<SimulateResult>(simulateRequestMethod, { uri, days: 1, events: [] });
    assert.ok(fine.ok);
  });
});
