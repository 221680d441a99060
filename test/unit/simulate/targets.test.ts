/**
 * Simulation goals (`targets: simulation:`), judged as `cloudarch simulate --check-targets` prints
 * them: each verdict with its figure and its message word for word, at and either side of the
 * bound, for every way a goal can be met or missed.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArchitecture } from '../../../src/core/parse';
import type { ArchDocument } from '../../../src/core/document';
import { checkSimulationTargets, simulate, simulationTargetsOf, type SimulationTargetResult } from '../../../src/evaluate/simulate';
import { designOf, fixtureText, specs } from './spec-helpers';

/** A fixture with its `targets:` replaced by the given `simulation:` goals (YAML lines), and other edits. */
function design(name: string, goals: string, ...edits: [string, string][]): ArchDocument {
  const text = fixtureText(name).replace(/^targets:\n( {2}.*\n)*/m, '');
  return designOf(text.replace('resources:\n', `targets:\n  simulation:\n${goals}resources:\n`), ...edits);
}

function judge(doc: ArchDocument, ...events: string[]): SimulationTargetResult[] {
  const options = { days: 2, randomFailures: false };
  const result = simulate(doc, { ...options, events: specs(...events) });
  return checkSimulationTargets(doc, result, (zoneEvents) => simulate(doc, { ...options, events: zoneEvents }));
}

describe('simulation targets: reading them', () => {
  it('reads the four goals; a negative number, a text or a list is left out for the schema to report', () => {
    const doc = parseArchitecture(
      [
        'cloudarch: "1"',
        'name: t',
        'targets:',
        '  simulation:',
        '    maxDroppedPercent: 0',
        '    maxRecoveryMinutes: 2.5',
        '    zoneOutageMaxDroppedPercent: -1',
        '    minObservedAvailability: high',
        '    other: 3',
        'resources: {}',
        '',
      ].join('\n'),
    );
    assert.deepEqual(simulationTargetsOf(doc), { maxDroppedPercent: 0, maxRecoveryMinutes: 2.5 });
  });

  it('no goals without `targets`, without `simulation`, or with either not a map', () => {
    for (const targets of ['', 'targets: 3\n', 'targets:\n  availability: 99.9\n', 'targets:\n  simulation: [1]\n']) {
      const doc = parseArchitecture(`cloudarch: "1"\nname: t\n${targets}resources: {}\n`);
      assert.deepEqual(simulationTargetsOf(doc), {}, targets);
    }
  });
});

describe('simulation targets: verdicts', () => {
  it('dropped requests and observed availability: met at the bound, missed past it', () => {
    // Two hours of a two-day run down: 4.166667% dropped, 95.833333% observed.
    const at = judge(design('single-az-db', '    maxDroppedPercent: 4.166667\n    minObservedAvailability: 95.833333\n'), 'zone:a@1d+2h');
    assert.deepEqual(at, [
      {
        target: 'maxDroppedPercent',
        met: true,
        expected: 4.166667,
        actual: 4.166667,
        message: '4.166667% of requests dropped in the simulated 2 days; the target allows 4.166667%.',
      },
      {
        target: 'minObservedAvailability',
        met: true,
        expected: 95.833333,
        actual: 95.833333,
        message: 'Observed availability 95.833333%; the target is at least 95.833333%.',
      },
    ]);
    const past = judge(design('single-az-db', '    maxDroppedPercent: 4.166666\n    minObservedAvailability: 95.833334\n'), 'zone:a@1d+2h');
    assert.deepEqual(
      past.map((t) => [t.target, t.met]),
      [
        ['maxDroppedPercent', false],
        ['minObservedAvailability', false],
      ],
    );
  });

  it('recovery: the slowest failure counts, a surge is no failure', () => {
    // The zone outage costs 5 minutes (the replacements); the surge past max an hour.
    const doc = design('capped', '    maxRecoveryMinutes: 5\n', ['min: 2', 'min: 4'], ['desired: 2', 'desired: 4'], ['max: 3', 'max: 4']);
    const [met] = judge(doc, 'zone:a@1d+2h', 'surge:9x@1d6h+1h');
    assert.deepEqual(met, {
      target: 'maxRecoveryMinutes',
      met: true,
      expected: 5,
      actual: 1,
      message: 'The slowest recovery took 1 minutes (`zone:a@1d+2h`); the target is 5 minutes.',
    });
    const [missed] = judge(design('single-az-db', '    maxRecoveryMinutes: 119.99\n'), 'resource:web@1d6h+3m', 'zone:a@1d+2h');
    assert.deepEqual(missed, {
      target: 'maxRecoveryMinutes',
      met: false,
      expected: 119.99,
      actual: 120,
      message: 'The slowest recovery took 120 minutes (`zone:a@1d+2h`); the target is 119.99 minutes.',
    });
    const [exact] = judge(design('single-az-db', '    maxRecoveryMinutes: 120\n'), 'zone:a@1d+2h', 'resource:web@1d6h+3m');
    assert.equal(exact!.met, true);
    assert.match(exact!.message, /took 120 minutes \(`zone:a@1d\+2h`\)/);
  });

  it('recovery: a failure not recovered by the end misses the goal, whatever the others', () => {
    const [judged] = judge(
      design('single-az-db', '    maxRecoveryMinutes: 5\n'),
      'resource:web@1d+1m',
      'zone:a@1d12h+1d',
      'resource:db@1d1h+1d',
    );
    assert.deepEqual(judged, {
      target: 'maxRecoveryMinutes',
      met: false,
      expected: 5,
      actual: -1,
      message: 'Service had not recovered from `zone:a@1d12h+1d` when the simulation ended; the target is 5 minutes.',
    });
  });

  it('recovery: without an injected failure the goal is met, and the message says why', () => {
    const [judged] = judge(design('single-az-db', '    maxRecoveryMinutes: 5\n'), 'surge:2x@1d+1h');
    assert.deepEqual(judged, {
      target: 'maxRecoveryMinutes',
      met: true,
      expected: 5,
      actual: 0,
      message: 'No injected failure to recover from (add --fail or a scenario); the target of 5 minutes is met trivially.',
    });
  });

  it('a zone outage at the peak: the worst zone counts, wherever it comes in the file', () => {
    // The database in zone b only: losing b stops everything; losing a costs the health check's
    // minute of half the requests, 9,000 of the hour's 1,080,000 (0.8333%).
    const doc = design('single-az-db', '    zoneOutageMaxDroppedPercent: 100\n', [
      'multiAZ: false\n    zones: [a]',
      'multiAZ: false\n    zones: [b]',
    ]);
    assert.deepEqual(judge(doc), [
      {
        target: 'zoneOutageMaxDroppedPercent',
        met: true,
        expected: 100,
        actual: 100,
        message: 'A one-hour outage of zone b at the daily peak drops 100% of the requests offered meanwhile; the target allows 100%.',
      },
    ]);
    const other = design('single-az-db', '    zoneOutageMaxDroppedPercent: 0.8333\n', [
      'users:',
      'aaa:\n    type: external.users\n  users:',
    ]);
    assert.equal(judge(other)[0]!.actual, 100, 'zone a, the first, is the worst here');
  });

  it('a zone outage at the peak: zones named in full across regions, none in a design without zones', () => {
    const examples = join(__dirname, '..', '..', '..', 'examples');
    const two = parseArchitecture(
      readFileSync(join(examples, 'dr-two-region.cloudarch.yaml'), 'utf8').replace(
        /^targets:\n/m,
        'targets:\n  simulation:\n    zoneOutageMaxDroppedPercent: 0\n',
      ),
    );
    // Losing us-east-1a fails the primary database over, while Route 53 sends users to us-west-2;
    // losing us-east-1b costs the primary's health-check minute for the instances there.
    assert.deepEqual(judge(two), [
      {
        target: 'zoneOutageMaxDroppedPercent',
        met: false,
        expected: 0,
        actual: 0.8216,
        message:
          'A one-hour outage of zone us-east-1b at the daily peak drops 0.8216% of the requests offered meanwhile; the target allows 0%.',
      },
    ]);
    const serverless = parseArchitecture(
      [
        'cloudarch: "1"',
        'name: s',
        'targets:',
        '  simulation:',
        '    zoneOutageMaxDroppedPercent: 0',
        'resources:',
        '  users:',
        '    type: external.users',
        '    connectsTo: [fn]',
        '  fn:',
        '    type: aws.lambda.function',
        '',
      ].join('\n'),
    );
    assert.deepEqual(judge(serverless), [
      {
        target: 'zoneOutageMaxDroppedPercent',
        met: true,
        expected: 0,
        actual: 0,
        message: 'No zone in use: a zone outage cannot drop requests.',
      },
    ]);
  });
});
