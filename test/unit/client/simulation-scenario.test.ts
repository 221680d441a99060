/**
 * "Build a scenario…" of CloudArch: Simulate…: what the prompts' answers become (specs the
 * simulator reads) and what each prompt refuses.
 */
import * as assert from 'node:assert/strict';
import {
  builtScenarioEvents,
  zoneOutageSimulation,
  daysProblem,
  daysProblemWithEvents,
  durationProblem,
  surgeFactor,
  surgeProblem,
} from '../../../src/client/simulation-scenario';
import { isSpecError, parseSimulationSpec } from '../../../src/core/simulation-spec';

describe('Simulate…: building a scenario', () => {
  const cases: { name: string; built: Parameters<typeof builtScenarioEvents>[0]; events: string[] }[] = [
    { name: "a zone at the second day's peak", built: { days: 3, zone: 'a', outage: '2h' }, events: ['zone:a@1d14h+2h'] },
    {
      name: "the first day's peak when only one day is simulated",
      built: { days: 1, zone: 'b', outage: '30m' },
      events: ['zone:b@14h+30m'],
    },
    {
      name: 'a surge at the same peak, as long as the outage',
      built: { days: 2, zone: 'a', outage: '1h', surge: 3 },
      events: ['zone:a@1d14h+1h', 'surge:3x@1d14h+1h'],
    },
    { name: 'a surge alone lasts an hour', built: { days: 2, surge: 2.5 }, events: ['surge:2.5x@1d14h+1h'] },
    { name: 'nothing injected', built: { days: 30, surge: 1 }, events: [] },
  ];
  for (const { name, built, events } of cases) {
    it(name, () => {
      const specs = builtScenarioEvents(built);
      assert.deepEqual(specs, events);
      for (const spec of specs) assert.ok(!isSpecError(parseSimulationSpec(spec)), `${spec} is a spec the simulator reads`);
    });
  }

  it("turns the diagram's zone-down toggle into a zone failure at the peak, by letter or by full zone name", () => {
    assert.deepEqual(zoneOutageSimulation('b'), { days: 3, events: ['zone:b@1d14h+2h'] });
    assert.deepEqual(zoneOutageSimulation('us-west-2a'), { days: 3, events: ['zone:us-west-2a@1d14h+2h'] });
    for (const zone of ['b', 'us-west-2a'])
      for (const spec of zoneOutageSimulation(zone).events) assert.ok(!isSpecError(parseSimulationSpec(spec)), spec);
  });

  it('refuses days, durations and surge factors the simulator would refuse', () => {
    assert.equal(daysProblem('3'), undefined);
    assert.equal(daysProblem('0.5'), undefined);
    for (const bad of ['', '0', '-1', 'three', '4000']) assert.ok(daysProblem(bad), bad);
    assert.ok(daysProblemWithEvents('0.5'), 'half a day ends before the 14:00 peak');
    assert.equal(daysProblemWithEvents('0.7'), undefined);
    assert.equal(durationProblem('2h'), undefined);
    assert.equal(durationProblem('1d2h'), undefined);
    for (const bad of ['', '2', 'two hours']) assert.ok(durationProblem(bad), bad);
    assert.equal(surgeProblem(''), undefined);
    assert.equal(surgeProblem('3x'), undefined);
    assert.equal(surgeFactor('3x'), 3);
    assert.equal(surgeFactor(''), undefined);
    for (const bad of ['0', '-2', 'lots']) assert.ok(surgeProblem(bad), bad);
  });
});
