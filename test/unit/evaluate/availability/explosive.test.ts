/**
 * Architectures whose zone/region state space is far too large to enumerate: twelve regions,
 * twenty-six zones. Each result is checked against a closed form derived here by hand (never by
 * enumeration), and the one architecture that genuinely depends on 26 zones jointly must say that
 * its figure is an estimate, with an interval that holds the true value.
 * Fixtures: test/fixtures/availability/explosive, and the robustness suite's twelve-region file.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArchitecture } from '../../../../src/core/parse';
import {
  analyzeReliability,
  evaluateAvailabilityAfresh,
  reliabilityModelFromDocument,
  type ReliabilityModel,
} from '../../../../src/evaluate/availability/index';
import { atLeastKofN } from '../../../../src/evaluate/availability/k-of-n';
import { textReport } from '../../../../src/evaluate/report/index';
import type { ReliabilityComponent } from '../../../../src/evaluate/availability/model';
import { evaluateAll } from '../../../../src/evaluate/index';
import { bruteForce } from './brute-force';
import { reliabilityComponent } from './components';

const root = join(__dirname, '..', '..', '..', '..');
const explosive = join(root, 'test', 'fixtures', 'availability', 'explosive');

function load(path: string) {
  const doc = parseArchitecture(readFileSync(path, 'utf8'));
  const { model } = reliabilityModelFromDocument(doc);
  const unit = (name: string): number => model.components.find((c) => c.name === name)!.unitAvailability;
  return { doc, model, unit, zone: model.zoneAvailability, region: model.regionAvailability };
}

/** P(exactly j of n independent zones up), each up with probability p. */
function binomial(n: number, j: number, p: number): number {
  let coefficient = 1;
  for (let i = 1; i <= j; i++) coefficient = (coefficient * (n - j + i)) / i;
  return coefficient * p ** j * (1 - p) ** (n - j);
}

function assertClose(actual: number, expected: number, tolerance: number, label: string): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${label}: ${actual} vs ${expected} (off by ${Math.abs(actual - expected)})`);
}

describe('availability of architectures with very many zone and region states', () => {
  it('twelve regions, each instance in its own region: the product of the per-region figures', () => {
    const { doc, model, unit, zone, region } = load(
      join(root, 'test', 'fixtures', 'robustness', 'termination', 'twelve-regions.cloudarch.yaml'),
    );
    // Each instance has three units, one per zone of its own region, and needs one of them:
    // P(r_i up) = region x (1 - (1 - zone x unit)^3). The regions share nothing, so the chain
    // r0 -> r1 -> ... -> r11 works with the product of the twelve.
    const perRegion = (name: string): number => region * (1 - (1 - zone * unit(name)) ** 3);
    let expected = 1;
    for (let i = 0; i < 12; i++) expected *= perRegion(`r${i}`);
    const result = evaluateAvailabilityAfresh(doc, { monteCarloSamples: 0 });
    assert.equal(result.method, 'exact');
    assert.equal(result.note, undefined);
    assertClose(result.percent / 100, expected, 1e-13, 'system');
    // Each resource's own figure is the product of its own region and everything after it.
    let tail = 1;
    for (let i = 11; i >= 0; i--) {
      tail *= perRegion(`r${i}`);
      assertClose(result.byResource[`r${i}`]! / 100, tail, 1e-13, `r${i}`);
    }
    assert.equal(model.entryPoints.join(), 'r0');
  });

  it('one load balancer over 26 zones: region x unit x (1 - (1 - zone)^26)', () => {
    const { doc, unit, zone, region } = load(join(explosive, 'load-balancer-26-zones.cloudarch.yaml'));
    const expected = region * unit('lb') * (1 - (1 - zone) ** 26);
    const result = evaluateAvailabilityAfresh(doc, { monteCarloSamples: 0 });
    assert.equal(result.method, 'exact');
    assertClose(result.percent / 100, expected, 1e-14, 'load balancer');
  });

  it('one instance with a unit in each of 26 zones: region x (1 - (1 - zone x unit)^26)', () => {
    const { doc, unit, zone, region } = load(
      join(root, 'test', 'fixtures', 'robustness', 'termination', 'twenty-six-zones.cloudarch.yaml'),
    );
    const expected = region * (1 - (1 - zone * unit('web')) ** 26);
    const result = evaluateAvailabilityAfresh(doc, { monteCarloSamples: 0 });
    assert.equal(result.method, 'exact');
    assertClose(result.percent / 100, expected, 1e-14, 'instance');
  });

  it('a load balancer and a fleet needing 20 of 26 units over the same 26 zones: a sum over how many zones are up', () => {
    const { doc, unit, zone, region } = load(join(explosive, 'fleet-behind-load-balancer-26-zones.cloudarch.yaml'));
    // With j zones up, the balancer has a zone and the fleet j usable-placed units: the fleet is
    // up with P(at least 20 of j up); the balancer with its own unit figure when j >= 1.
    let given = 0;
    for (let j = 1; j <= 26; j++) given += binomial(26, j, zone) * unit('lb') * atLeastKofN(20, j, unit('fleet'));
    const expected = region * given;
    const result = evaluateAvailabilityAfresh(doc, { monteCarloSamples: 0 });
    assert.equal(result.method, 'exact');
    assertClose(result.percent / 100, expected, 1e-13, 'balancer and fleet');
  });

  it('failover between two fleets sharing all 26 zones is estimated, says so, and its interval holds the true value', () => {
    const { doc, unit, zone, region } = load(join(explosive, 'failover-fleets-sharing-26-zones.cloudarch.yaml'));
    // Given the region up and j zones up, the two stacks are independent, each working with
    // P(balancer) x P(at least 20 of j units up); failover needs one of them.
    let given = 0;
    for (let j = 1; j <= 26; j++) {
      const blue = unit('blue-lb') * atLeastKofN(20, j, unit('blue'));
      const green = unit('green-lb') * atLeastKofN(20, j, unit('green'));
      given += binomial(26, j, zone) * (1 - (1 - blue) * (1 - green));
    }
    const expected = region * unit('dns') * given;
    const started = process.cpuUsage();
    const result = evaluateAvailabilityAfresh(doc, { monteCarloSamples: 0 });
    const used = process.cpuUsage(started);
    assert.ok((used.user + used.system) / 1000 < 5_000, 'the estimate takes a bounded time');
    assert.equal(result.method, 'monte-carlo-estimate');
    assert.match(result.note ?? '', /^Estimated, not exact/);
    assertClose(result.percent / 100, expected, 1e-9, 'estimate');
    const report = analyzeReliability(reliabilityModelFromDocument(doc).model, { monteCarloSamples: 0 });
    const [low, high] = report.estimateInterval!;
    assert.ok(low - 1e-15 <= expected && expected <= high + 1e-15, `${expected} outside [${low}, ${high}]`);
    // The per-resource figures below the failover are exact closed forms of their own.
    let lb = 0;
    for (let j = 1; j <= 26; j++) lb += binomial(26, j, zone) * unit('blue-lb') * atLeastKofN(20, j, unit('blue'));
    assertClose(result.byResource['blue-lb']! / 100, region * lb, 1e-13, 'blue-lb');
    // The reports say it.
    const text = textReport(doc, evaluateAll(doc, { monteCarloSamples: 0 }));
    assert.match(text, /System availability \(estimated, not exact\)/);
    assert.match(text, /Estimated, not exact/);
  });

  it('an estimate forced by a tiny work budget is labelled and its interval holds the true value', () => {
    const component = (name: string, extra: Partial<ReliabilityComponent>): ReliabilityComponent =>
      reliabilityComponent(name, { placement: 'zonal', unitAvailability: 0.95, ...extra });
    const zones = Array.from({ length: 12 }, (_, i) => `r1${String.fromCharCode(97 + i)}`);
    const model: ReliabilityModel = {
      components: [
        component('dns', { placement: 'global', unitAvailability: 0.999, anyOf: [['blue', 'green']] }),
        component('blue', { placement: 'load-balancer', unitAvailability: 0.99, zones, hard: ['blue-fleet'] }),
        component('blue-fleet', { units: 12, minHealthy: 8, zones }),
        component('green', { placement: 'load-balancer', unitAvailability: 0.98, zones, hard: ['green-fleet'] }),
        component('green-fleet', { units: 12, minHealthy: 6, zones }),
      ],
      entryPoints: ['dns'],
      zoneAvailability: 0.9,
      regionAvailability: 0.99,
    };
    let given = 0;
    for (let j = 1; j <= 12; j++) {
      const blue = 0.99 * atLeastKofN(8, j, 0.95);
      const green = 0.98 * atLeastKofN(6, j, 0.95);
      given += binomial(12, j, 0.9) * (1 - (1 - blue) * (1 - green));
    }
    const truth = 0.99 * 0.999 * given;
    const exact = analyzeReliability(model, { monteCarloSamples: 0, exactWorkBudget: 1e9 });
    assert.equal(exact.method, 'exact');
    assertClose(exact.probability, truth, 1e-13, 'exact');
    const estimated = analyzeReliability(model, { monteCarloSamples: 0, exactWorkBudget: 50 });
    assert.equal(estimated.method, 'monte-carlo-estimate');
    assert.match(estimated.note ?? '', /^Estimated, not exact/);
    const [low, high] = estimated.estimateInterval!;
    assert.ok(low <= truth && truth <= high, `${truth} outside [${low}, ${high}]`);
    assert.ok(high - low < 0.001, `interval [${low}, ${high}] too wide to be useful`);
    for (const p of estimated.byComponent.values()) assert.ok(Number.isFinite(p) && p >= 0 && p <= 1);
  });

  it('a small model whose budget runs out is still exact when every zone state could be enumerated', () => {
    const zones = ['r1a', 'r1b', 'r1c'];
    const model: ReliabilityModel = {
      components: [
        { name: 'dns', placement: 'global', unitAvailability: 0.999, units: 1, minHealthy: 1, zones: [], hard: [], anyOf: [['a', 'b']] },
        { name: 'a', placement: 'zonal', unitAvailability: 0.95, units: 3, minHealthy: 2, region: 'r1', zones, hard: [], anyOf: [] },
        { name: 'b', placement: 'zonal', unitAvailability: 0.9, units: 2, minHealthy: 1, region: 'r1', zones, hard: [], anyOf: [] },
      ],
      entryPoints: ['dns'],
      zoneAvailability: 0.97,
      regionAvailability: 0.995,
    };
    const truth = bruteForce(model)!.probability;
    const result = analyzeReliability(model, { monteCarloSamples: 0, exactWorkBudget: 5 });
    assert.equal(result.method, 'exact');
    assert.equal(result.note, undefined);
    assertClose(result.probability, truth, 1e-12, 'enumerated');
  });
});
