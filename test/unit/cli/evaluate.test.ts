/**
 * `cloudarch evaluate` end to end: the built CLI (bin/cloudarch.js) is run on fixture files, and
 * what a user sees is checked: the JSON contract's keys, the reports, the SARIF log, messages on
 * stderr and every exit status (0 fine, 1 errors, 2 target missed with --check-targets, 3 usage).
 */
import { strict as assert } from 'node:assert';
import type { AvailabilityResult, CostResult, SecurityResult, TargetResult } from '../../../src/evaluate/types';
import { buildCli, cliRunner } from './cli-helpers';

const fixtures = 'test/fixtures/cost';

const run = cliRunner(60_000);

/** The JSON contract of `evaluate --format json`. */
interface EvaluationJson {
  readonly availability: AvailabilityResult | null;
  readonly cost: CostResult | null;
  readonly security: SecurityResult | null;
  readonly targets: readonly TargetResult[];
}

function json(stdout: string): EvaluationJson {
  return JSON.parse(stdout) as EvaluationJson;
}

describe('cli: cloudarch evaluate', function () {
  this.timeout(120_000);

  before(() => {
    buildCli();
  });

  describe('--format json', () => {
    let out: EvaluationJson;
    let status: number;
    before(() => {
      const result = run('evaluate', `${fixtures}/web-shop.cloudarch.yaml`, '--format', 'json');
      status = result.status;
      out = json(result.stdout);
    });

    it('exits 0', () => assert.equal(status, 0));
    it('has exactly the contract keys', () => assert.deepEqual(Object.keys(out).sort(), ['availability', 'cost', 'security', 'targets']));

    it('reports availability with SPOFs, zone outages and the Monte Carlo check', () => {
      const a = out.availability!;
      assert.equal(typeof a.percent, 'number');
      assert.ok(a.percent > 99 && a.percent < 100);
      assert.equal(typeof a.downtimeMinutesPerYear, 'number');
      assert.ok(Array.isArray(a.spof) && a.spof.includes('dns'));
      assert.deepEqual(Object.keys(a.zoneOutage).sort(), ['a', 'b']);
      for (const zone of Object.values(a.zoneOutage)) assert.equal(typeof zone.works, 'boolean');
      assert.equal(typeof a.monteCarlo.samples, 'number');
      assert.equal(typeof a.monteCarlo.percent, 'number');
      assert.equal(a.monteCarlo.ci95.length, 2);
      assert.ok(a.monteCarlo.ci95[0] <= a.percent && a.percent <= a.monteCarlo.ci95[1], 'the interval contains the exact value');
    });

    it('reports cost: total, per resource, line items', () => {
      const c = out.cost!;
      assert.ok(Math.abs(c.monthlyUSD - 1092.953) < 1e-6, String(c.monthlyUSD));
      assert.ok(Math.abs((c.byResource.db ?? 0) - 388) < 1e-9);
      assert.ok(Array.isArray(c.lineItems) && c.lineItems.length === 11);
      const vm = c.lineItems.find((l) => l.priceKey === 'ec2:t3.medium')!;
      assert.deepEqual([vm.resource, vm.quantity, vm.unitPriceUSD], ['web', 1460, 0.0416]);
    });

    it('reports security findings with rule, severity, resource and an LSP range', () => {
      const findings = out.security!.findings;
      assert.ok(findings.length > 0);
      for (const f of findings) {
        assert.match(f.ruleId, /^CA-[A-Z0-9]+-\d{3}$/);
        assert.ok(['critical', 'high', 'medium', 'low', 'info'].includes(f.severity));
        assert.equal(typeof f.resource, 'string');
        assert.equal(typeof f.range.start.line, 'number');
        assert.equal(typeof f.range.end.character, 'number');
      }
    });

    it('has an empty targets list when the file sets none', () => assert.deepEqual(out.targets, []));
  });

  it('--only cost runs only the cost evaluation', () => {
    const result = run('evaluate', `${fixtures}/web-shop.cloudarch.yaml`, '--only', 'cost', '--format', 'json');
    assert.equal(result.status, 0);
    const out = json(result.stdout);
    assert.equal(out.availability, null);
    assert.equal(out.security, null);
    assert.equal(typeof out.cost?.monthlyUSD, 'number');
  });

  it('exits 1 on a file with errors, prints them on stderr and does not evaluate', () => {
    const result = run('evaluate', `${fixtures}/cli/has-errors.cloudarch.yaml`, '--format', 'json');
    assert.equal(result.status, 1);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /has-errors\.cloudarch\.yaml:8:18: error unknown-reference/);
  });

  describe('targets', () => {
    it('exits 2 with --check-targets when a target is missed, naming it on stderr', () => {
      const result = run('evaluate', `${fixtures}/cli/targets-missed.cloudarch.yaml`, '--check-targets', '--format', 'json');
      assert.equal(result.status, 2);
      const targets = json(result.stdout).targets;
      assert.deepEqual(
        targets.map((t) => [t.target, t.met]),
        [
          ['availability', false],
          ['monthlyBudget', false],
          ['maxFindingSeverity', false],
        ],
      );
      assert.match(result.stderr, /:5:3: warning target-missed-availability/);
      assert.match(result.stderr, /:6:3: warning target-missed-monthly-budget/);
    });

    it('exits 0 when targets are missed but --check-targets is not given', () => {
      assert.equal(run('evaluate', `${fixtures}/cli/targets-missed.cloudarch.yaml`).status, 0);
    });

    it('exits 0 with --check-targets when every target is met', () => {
      const result = run('evaluate', `${fixtures}/cli/targets-met.cloudarch.yaml`, '--check-targets', '--format', 'json');
      assert.equal(result.status, 0, result.stderr);
      assert.ok(json(result.stdout).targets.every((t) => t.met));
    });

    it('judges only the targets of the evaluations that ran', () => {
      const result = run(
        'evaluate',
        `${fixtures}/cli/targets-missed.cloudarch.yaml`,
        '--only',
        'cost',
        '--check-targets',
        '--format',
        'json',
      );
      assert.equal(result.status, 2);
      assert.deepEqual(
        json(result.stdout).targets.map((t) => t.target),
        ['monthlyBudget'],
      );
    });
  });

  describe('reports', () => {
    it('prints a text report with the zone-outage table, cost lines and targets', () => {
      const result = run('evaluate', `${fixtures}/web-shop.cloudarch.yaml`);
      assert.equal(result.status, 0);
      for (const text of [
        'System availability:',
        'Zone outages:',
        'Single points of failure:',
        'Estimated monthly cost: $1,092.95',
        'Suggestions:',
        'purchase: reserved-1y',
        'Exposure paths',
        'Targets',
      ]) {
        assert.ok(result.stdout.includes(text), `missing "${text}"`);
      }
    });

    it('prints a Markdown report with headings and tables', () => {
      const result = run('evaluate', `${fixtures}/web-shop.cloudarch.yaml`, '--format', 'markdown');
      assert.equal(result.status, 0);
      assert.match(result.stdout, /^# CloudArch evaluation: Web shop\n/);
      for (const text of [
        '## Availability',
        '## Cost',
        '## Security',
        '## Targets',
        '| Resource | What | Quantity |',
        '| Zone down | System still works |',
      ]) {
        assert.ok(result.stdout.includes(text), `missing "${text}"`);
      }
    });

    it('prints security findings as SARIF 2.1.0', () => {
      const result = run('evaluate', `${fixtures}/web-shop.cloudarch.yaml`, '--format', 'sarif');
      assert.equal(result.status, 0);
      const sarif = JSON.parse(result.stdout) as { version: string; runs: { results: unknown[] }[] };
      assert.equal(sarif.version, '2.1.0');
      const findings = json(run('evaluate', `${fixtures}/web-shop.cloudarch.yaml`, '--only', 'security', '--format', 'json').stdout)
        .security!.findings;
      assert.equal(sarif.runs[0]!.results.length, findings.length);
    });
  });

  describe('bad usage exits 3 with a message on stderr', () => {
    const cases: [string, string[], RegExp][] = [
      ['no file', ['evaluate'], /no file given/],
      ['two files', ['evaluate', `${fixtures}/web-shop.cloudarch.yaml`, `${fixtures}/storage.cloudarch.yaml`], /one file/],
      ['a missing file', ['evaluate', `${fixtures}/nope.cloudarch.yaml`], /cannot read/],
      ['an unknown option', ['evaluate', `${fixtures}/web-shop.cloudarch.yaml`, '--fast'], /unknown option '--fast'/],
      ['a bad --only', ['evaluate', `${fixtures}/web-shop.cloudarch.yaml`, '--only', 'speed'], /--only' must be one of/],
      ['a bad --format', ['evaluate', `${fixtures}/web-shop.cloudarch.yaml`, '--format', 'xml'], /--format' must be one of/],
      ['sarif with --only cost', ['evaluate', `${fixtures}/web-shop.cloudarch.yaml`, '--format', 'sarif', '--only', 'cost'], /sarif/],
    ];
    for (const [name, args, message] of cases) {
      it(name, () => {
        const result = run(...args);
        assert.equal(result.status, 3);
        assert.equal(result.stdout, '');
        assert.match(result.stderr, message);
      });
    }
  });
});
