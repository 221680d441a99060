/**
 * Targets: availability at least the goal, cost at most the budget, no finding above the allowed
 * severity; each judged target carries the range of its key, and each miss is a diagnostic there.
 */
import { strict as assert } from 'node:assert';
import { parseArchitecture } from '../../../src/core/parse';
import { evaluateAll } from '../../../src/evaluate';
import { judgeTargets, TargetCodes } from '../../../src/evaluate/targets';
import type { AvailabilityResult, CostResult, SecurityFinding, SecurityResult } from '../../../src/evaluate/types';

const text = `cloudarch: "1"
name: t
zones: [a]
targets:
  availability: 99.9
  monthlyBudget: 100
  maxFindingSeverity: medium
resources:
  app:
    type: aws.ec2.instance
    instanceType: t3.medium
    zones: [a]
`;
const doc = parseArchitecture(text);

function availability(percent: number): AvailabilityResult {
  return {
    percent,
    downtimeMinutesPerYear: (1 - percent / 100) * 525600,
    spof: [],
    zoneOutage: {},
    regionOutage: {},
    monteCarlo: { samples: 0, seed: 1, percent, ci95: [percent, percent] },
    byResource: {},
    entryPoints: [],
  };
}
function cost(monthlyUSD: number): CostResult {
  return { monthlyUSD, byResource: {}, lineItems: [], purchaseOptions: {}, alternatives: [], unpriced: [] };
}
function security(...severities: SecurityFinding['severity'][]): SecurityResult {
  const findings = severities.map((severity, i) => ({
    ruleId: `CA-TEST-00${i}`,
    severity,
    resource: 'app',
    path: [],
    range: { start: { line: 8, character: 2 }, end: { line: 8, character: 5 } },
    message: 'm',
    remediation: 'r',
    responsibility: 'customer' as const,
  }));
  const counts = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const s of severities) counts[s]++;
  return { findings, counts, exposurePaths: [] };
}

describe('targets', () => {
  it('meets every target at the boundary (>= goal, <= budget, severity equal to the maximum)', () => {
    const judged = judgeTargets(doc, { availability: availability(99.9), cost: cost(100), security: security('medium', 'low') });
    assert.deepEqual(
      judged.results.map((r) => [r.target, r.met]),
      [
        ['availability', true],
        ['monthlyBudget', true],
        ['maxFindingSeverity', true],
      ],
    );
    assert.deepEqual(judged.diagnostics, []);
  });

  it('misses each target just past the boundary, with a diagnostic on the target key', () => {
    const judged = judgeTargets(doc, { availability: availability(99.89), cost: cost(100.01), security: security('high') });
    assert.deepEqual(
      judged.results.map((r) => r.met),
      [false, false, false],
    );
    assert.deepEqual(
      judged.diagnostics.map((d) => d.code),
      [TargetCodes.availability, TargetCodes.monthlyBudget, TargetCodes.maxFindingSeverity],
    );
    assert.deepEqual(
      judged.diagnostics.map((d) => d.range.start),
      [
        { line: 4, character: 2 },
        { line: 5, character: 2 },
        { line: 6, character: 2 },
      ],
    );
    assert.ok(judged.diagnostics.every((d) => d.source === 'cloudarch.targets'));
    assert.match(judged.diagnostics[1]!.message, /\$100\.01 is over the budget of \$100\.00/);
    assert.equal(judged.results[2]!.actual, 'high');
  });

  it('says by how much each target is missed', () => {
    const judged = judgeTargets(doc, { availability: availability(99.89), cost: cost(123.456), security: security('high') });
    assert.deepEqual(
      judged.diagnostics.map((d) => d.message),
      [
        // 0.11% of a year's 525,600 minutes against the 0.1% a 99.9% goal allows.
        'Availability 99.89% misses the target of 99.9%: about 578 minutes of downtime a year against 526 allowed.',
        'The estimated monthly cost of $123.46 is over the budget of $100.00 by $23.46.',
        '1 security finding is above the allowed severity "medium" (worst: high; CA-TEST-000).',
      ],
    );
  });

  it('names the worst finding wherever it comes, and at most five rules', () => {
    const judged = judgeTargets(doc, { security: security('medium', 'high', 'low', 'critical', 'high', 'high', 'high', 'critical') });
    assert.equal(judged.results[0]!.actual, 'critical');
    assert.deepEqual(
      judged.diagnostics.map((d) => d.message),
      [
        '6 security findings are above the allowed severity "medium" (worst: critical; CA-TEST-001, CA-TEST-003, CA-TEST-004, CA-TEST-005, CA-TEST-006).',
      ],
    );
  });

  it('reports no finding at all as the severity `none`', () => {
    assert.deepEqual(
      judgeTargets(doc, { security: security() }).results.map((r) => [r.target, r.actual, r.met]),
      [['maxFindingSeverity', 'none', true]],
    );
  });

  it('leaves a target unjudged when its evaluation did not run', () => {
    assert.deepEqual(
      judgeTargets(doc, { cost: cost(1) }).results.map((r) => r.target),
      ['monthlyBudget'],
    );
  });

  it('judges nothing when the file sets no targets', () => {
    const plain = parseArchitecture('cloudarch: "1"\nname: t\nresources:\n  b:\n    type: aws.s3.bucket\n');
    assert.deepEqual(judgeTargets(plain, { availability: availability(1), cost: cost(1e9), security: security('critical') }).results, []);
  });

  it('evaluateAll judges the real results and turns findings into diagnostics', () => {
    const result = evaluateAll(doc, { monteCarloSamples: 1000, seed: 7 });
    const budget = result.targets.find((t) => t.target === 'monthlyBudget')!;
    assert.ok(Math.abs((budget.actual as number) - 30.368) < 1e-9);
    assert.equal(budget.met, true);
    const findingDiagnostics = result.diagnostics.filter((d) => d.source === 'cloudarch.security');
    assert.equal(findingDiagnostics.length, result.security!.findings.length);
    assert.ok(findingDiagnostics.every((d) => /^CA-/.test(d.code)));
  });

  it('evaluateAll runs only what is asked', () => {
    const result = evaluateAll(doc, { only: ['cost'] });
    assert.equal(result.availability, undefined);
    assert.equal(result.security, undefined);
    assert.ok(result.cost);
  });
});
