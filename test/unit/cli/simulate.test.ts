/**
 * `cloudarch simulate` end to end on the built CLI: the JSON result, the text and Markdown
 * reports, scenarios, and every exit status (0 fine, 1 errors, 2 goal missed with
 * --check-targets, 3 bad usage with the bad part named).
 */
import { strict as assert } from 'node:assert';
import type { SimulationResult } from '../../../src/evaluate/simulate';
import { buildCli, cliRunner } from './cli-helpers';

const fixtures = 'test/fixtures/simulate';

const run = cliRunner(60_000);

describe('cli: cloudarch simulate', function () {
  this.timeout(120_000);

  before(() => {
    buildCli();
  });

  it('prints the result as JSON, the same bytes for the same seed', () => {
    const args = [
      'simulate',
      `${fixtures}/multi-az-db.cloudarch.yaml`,
      '--days',
      '3',
      '--seed',
      '9',
      '--fail',
      'zone:a@1d+2h',
      '--format',
      'json',
    ];
    const first = run(...args);
    assert.equal(first.status, 0, first.stderr);
    const result = JSON.parse(first.stdout) as SimulationResult;
    assert.equal(result.days, 3);
    assert.equal(result.seed, 9);
    assert.equal(result.injected[0]!.spec, 'zone:a@1d+2h');
    assert.ok(result.availability.analyticPercent! > 99);
    assert.equal(run(...args).stdout, first.stdout);
  });

  it('prints a text report and a Markdown report', () => {
    const text = run('simulate', `${fixtures}/single-az-db.cloudarch.yaml`, '--days', '2', '--fail', 'zone:a@1d+2h');
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /simulated 2 days \(seed 1, 60 s steps\)/);
    assert.match(text.stdout, /zone:a@1d\+2h\s+2,160,000 dropped \(\d+(\.\d+)?%\), recovered after 2h/);
    const markdown = run(
      'simulate',
      `${fixtures}/single-az-db.cloudarch.yaml`,
      '--days',
      '2',
      '--fail',
      'zone:a@1d+2h',
      '--format',
      'markdown',
    );
    assert.match(markdown.stdout, /^# Simulation of `/);
    assert.match(markdown.stdout, /\| `zone:a@1d\+2h` \| 2,160,000 \|/);
  });

  it('runs a saved scenario by name, with its duration and seed', () => {
    const result = run('simulate', `${fixtures}/scaling.cloudarch.yaml`, '--scenario', 'surge-at-noon', '--format', 'json');
    assert.equal(result.status, 0, result.stderr);
    const json = JSON.parse(result.stdout) as SimulationResult;
    assert.equal(json.days, 3);
    assert.equal(json.seed, 7);
    assert.deepEqual(
      json.injected.map((i) => i.spec),
      ['surge:3x@1d12h+2h'],
    );
  });

  it('exits 2 with --check-targets when a simulation goal is missed, 0 when all are met', () => {
    const met = run('simulate', `${fixtures}/scaling.cloudarch.yaml`, '--days', '2', '--check-targets');
    assert.equal(met.status, 0, met.stderr);
    assert.match(met.stdout, /met {4}zoneOutageMaxDroppedPercent/);
    const missed = run('simulate', `${fixtures}/capped.cloudarch.yaml`, '--days', '2', '--fail', 'surge:5x@1d+12h', '--check-targets');
    assert.equal(missed.status, 2, missed.stderr);
    assert.match(missed.stderr, /simulation target maxDroppedPercent missed/);
  });

  const usage: readonly [string[], RegExp][] = [
    [['--fail', 'zone:b@1x'], /--fail `zone:b@1x`: `1x` is not a time/],
    [['--fail', 'meteor:b@1d'], /`meteor` is not a kind of event/],
    [['--fail', 'zone:q@1d'], /no zone `q` in this architecture \(zones in use: a, b/],
    [['--fail', 'resource:nope@1d'], /no resource `nope`/],
    [['--days', '0'], /--days' must be a number of days above 0/],
    [['--days', '2', '--fail', 'zone:a@3d'], /`zone:a@3d` starts after the simulation ends \(2 days\)/],
    [['--seed', '1.5'], /--seed' must be a whole number/],
    [['--scenario', 'nope'], /no scenario 'nope' in .* \(scenarios: surge-at-noon, zone-b-down\)/],
    [['--format', 'sarif'], /--format' must be one of text, json, markdown/],
  ];
  for (const [args, message] of usage) {
    it(`exits 3 on ${args.join(' ')}`, () => {
      const result = run('simulate', `${fixtures}/scaling.cloudarch.yaml`, ...args);
      assert.equal(result.status, 3, result.stdout);
      assert.match(result.stderr, message);
      assert.equal(result.stdout, '');
    });
  }

  it('exits 1 without simulating a file with errors', () => {
    const result = run('simulate', 'test/fixtures/validate/dependency-cycle.cloudarch.yaml');
    assert.equal(result.status, 1);
    assert.match(result.stderr, /not simulated/);
  });
});
