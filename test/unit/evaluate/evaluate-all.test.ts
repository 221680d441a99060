/**
 * `evaluateAll`, the one entry point of the CLI, the language server and the tests: which
 * evaluations run, the options they are handed, and the diagnostics the editor shows (one per
 * finding with the severity of its kind, the unpriced items, the missed targets), and the figures
 * the editor views are served from. Evaluated inside each test, never while this file loads.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArchitecture } from '../../../src/core/parse';
import { evaluateAll, evaluationKinds, findingDiagnostics } from '../../../src/evaluate';
import { figuresOf, severityShownLive } from '../../../src/evaluate/figures';
import type { FindingSeverity, SecurityResult } from '../../../src/evaluate/types';

const design = () => parseArchitecture(readFileSync(join(__dirname, '../../fixtures/report/two-regions.cloudarch.yaml'), 'utf8'));

function rangeText(range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

describe('evaluateAll', () => {
  it('runs the three evaluations unless told otherwise, and an empty `only` means all three', () => {
    assert.deepEqual(evaluationKinds, ['availability', 'cost', 'security']);
    for (const options of [{}, { only: [] }]) {
      const result = evaluateAll(design(), { ...options, monteCarloSamples: 0 });
      assert.ok(result.availability && result.cost && result.security, JSON.stringify(Object.keys(result)));
    }
  });

  it('runs only what `only` names, and judges only the targets those evaluations can', () => {
    const cost = evaluateAll(design(), { only: ['cost'] });
    assert.deepEqual(Object.keys(cost).sort(), ['cost', 'diagnostics', 'targets']);
    assert.deepEqual(
      cost.targets.map((target) => `${target.target} ${target.met ? 'met' : 'missed'}`),
      ['monthlyBudget missed'],
    );
    const security = evaluateAll(design(), { only: ['security'] });
    assert.deepEqual(Object.keys(security).sort(), ['diagnostics', 'security', 'targets']);
    assert.deepEqual(
      security.targets.map((target) => target.target),
      ['maxFindingSeverity'],
    );
    const availability = evaluateAll(design(), { only: ['availability'], monteCarloSamples: 0 });
    assert.deepEqual(Object.keys(availability).sort(), ['availability', 'diagnostics', 'targets']);
    assert.deepEqual(
      availability.targets.map((target) => target.target),
      ['availability'],
    );
  });

  it('hands the Monte Carlo sample count and seed to the availability evaluation', () => {
    const result = evaluateAll(design(), { only: ['availability'], monteCarloSamples: 1234, seed: 99 });
    assert.equal(result.availability!.monteCarlo.samples, 1234);
    assert.equal(result.availability!.monteCarlo.seed, 99);
    const skipped = evaluateAll(design(), { only: ['availability'], monteCarloSamples: 0 });
    assert.equal(skipped.availability!.monteCarlo.samples, 0);
  });

  it('shows each finding as a diagnostic with the severity of its kind, then the unpriced items, then the missed targets', () => {
    const result = evaluateAll(design(), { monteCarloSamples: 0 });
    const findings = result.security!.findings;
    const severityOf: Record<FindingSeverity, string> = {
      critical: 'error',
      high: 'error',
      medium: 'warning',
      low: 'information',
      info: 'hint',
    };
    assert.ok(findings.length > 0);
    findings.forEach((finding, index) => {
      const diagnostic = result.diagnostics[index]!;
      assert.equal(diagnostic.code, finding.ruleId);
      assert.equal(diagnostic.severity, severityOf[finding.severity], finding.ruleId);
      assert.equal(diagnostic.message, finding.message);
      assert.equal(diagnostic.range, finding.range);
      assert.equal(diagnostic.source, 'cloudarch.security');
      assert.equal(diagnostic.resource, finding.resource);
      assert.deepEqual(diagnostic.fixes, finding.fix ? [finding.fix] : undefined, finding.ruleId);
    });
    assert.ok(findings.some((finding) => finding.fix) && findings.some((finding) => !finding.fix));
    assert.deepEqual(
      result.diagnostics
        .slice(findings.length)
        .map(
          (diagnostic) =>
            `${diagnostic.source} ${diagnostic.code} ${diagnostic.severity} ${rangeText(diagnostic.range)}: ${diagnostic.message}`,
        ),
      [
        'cloudarch.targets target-missed-monthly-budget warning 11:2-11:15: The estimated monthly cost of $336.67 is over the budget of $150.00 by $186.67.',
        `cloudarch.targets target-missed-max-finding-severity warning 12:2-12:20: 5 security findings are above the allowed severity "medium" (worst: high; CA-EC2-002, CA-EC2-001, CA-SG-001, CA-NET-002).`,
      ],
    );
  });

  it('puts a diagnostic on the SKU of an item a price would fix', () => {
    const doc = parseArchitecture('cloudarch: "1"\nname: t\nresources:\n  vm:\n    type: aws.ec2.instance\n    instanceType: z9.unknown\n');
    const result = evaluateAll(doc, { only: ['cost'] });
    assert.deepEqual(
      result.diagnostics.map(
        (diagnostic) =>
          `${diagnostic.source} ${diagnostic.code} ${diagnostic.severity} ${rangeText(diagnostic.range)} ${diagnostic.resource}: ${diagnostic.message}`,
      ),
      [
        'cloudarch.cost cost-unpriced warning 5:18-5:28 vm: Not priced: z9.unknown instance-hours. The price snapshot has no "ec2:z9.unknown" price, so the cost total leaves it out. Set assumptions.prices["ec2:z9.unknown"] to the unit price to include it.',
      ],
    );
  });

  it('reuses the diagnostic of a finding the previous evaluation made, and makes one for a new finding', () => {
    const first = evaluateAll(design(), { only: ['security'] });
    const again = evaluateAll(design(), { only: ['security'], previous: first });
    assert.deepEqual(again.diagnostics, first.diagnostics);
    const security: SecurityResult = first.security!;
    assert.deepEqual(findingDiagnostics(security), first.diagnostics.slice(0, security.findings.length));
    assert.equal(findingDiagnostics(security)[0], first.diagnostics[0], 'the same diagnostic object for the same finding');
  });

  it('after an edit, shows the diagnostics of a fresh evaluation, not those of the version before', () => {
    const text = readFileSync(join(__dirname, '../../fixtures/report/two-regions.cloudarch.yaml'), 'utf8');
    const before = evaluateAll(parseArchitecture(text), { only: ['security'] });
    // A comment line above the resources moves every finding one line down.
    const edited = text.replace('resources:\n', '# moved\nresources:\n');
    const doc = parseArchitecture(edited, { previous: parseArchitecture(text) });
    const after = evaluateAll(doc, { only: ['security'], previous: before });
    const fresh = evaluateAll(parseArchitecture(edited), { only: ['security'] });
    assert.deepEqual(
      after.diagnostics.map((d) => `${rangeText(d.range)} ${d.code}`),
      fresh.diagnostics.map((d) => `${rangeText(d.range)} ${d.code}`),
    );
    assert.notDeepEqual(
      after.diagnostics.map((d) => rangeText(d.range)),
      before.diagnostics.map((d) => rangeText(d.range)),
    );
  });

  it('takes a previous result that ran no security evaluation as no previous result', () => {
    const previous = evaluateAll(design(), { only: ['cost'] });
    const result = evaluateAll(design(), { only: ['security'], previous });
    assert.deepEqual(result.diagnostics, evaluateAll(design(), { only: ['security'] }).diagnostics);
  });

  it('hands the editor views the figures they show', () => {
    const result = evaluateAll(design(), { monteCarloSamples: 0 });
    const figures = figuresOf(result);
    assert.deepEqual(Object.keys(figures).sort(), ['availability', 'cost', 'security', 'targets']);
    assert.deepEqual(figures.availability, {
      percent: result.availability!.percent,
      byResource: result.availability!.byResource,
      spof: ['dns'],
    });
    assert.deepEqual(figures.cost, {
      monthlyUSD: result.cost!.monthlyUSD,
      byResource: result.cost!.byResource,
      unpricedCount: 1,
      unpricedByResource: Object.assign(Object.create(null) as Record<string, number>, { nat: 1 }),
    });
    assert.deepEqual(figures.security, { counts: { critical: 0, high: 5, medium: 7, low: 8, info: 6 } });
    assert.equal(figures.targets, result.targets);
    assert.deepEqual(Object.keys(figuresOf(evaluateAll(design(), { only: ['cost'] }))).sort(), ['cost', 'targets']);
  });

  it('shows a finding live when it is at least as severe as the least severe shown', () => {
    const order: FindingSeverity[] = ['critical', 'high', 'medium', 'low', 'info'];
    const shown = order.map((minimum) => order.filter((severity) => severityShownLive(severity, minimum)).join(' '));
    assert.deepEqual(shown, [
      'critical',
      'critical high',
      'critical high medium',
      'critical high medium low',
      'critical high medium low info',
    ]);
  });
});
