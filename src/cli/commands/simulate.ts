/**
 * `cloudarch simulate FILE [--days N] [--seed S] [--fail SPEC]... [--scenario NAME]
 * [--check-targets] [--format text|json|markdown]`: run the seeded discrete-event simulation of one
 * architecture (evaluation.md, "Simulation" and "Command line"). A file with errors is not
 * simulated (exit 1); a bad spec, an unknown scenario or target is bad usage (exit 3); a missed
 * simulation goal with --check-targets exits 2.
 */
import { parseArchitecture } from '../../core/parse';
import { readScenarios } from '../../core/scenarios';
import { isSpecError, parseSimulationSpec, type SimulationSpec } from '../../core/simulation-spec';
import {
  checkSimulationTargets,
  maxSimulatedDays,
  SimulationInputError,
  simulate as simulateArchitecture,
  specTargetsOf,
  type SimulationResult,
} from '../../evaluate/simulate';
import { simulationMarkdown, simulationText } from '../../evaluate/simulate/report';
import { parseArgs, singleFile } from '../args';
import { reportedErrors } from '../format';
import { ExitCode, printedHelp, readInputFile, UsageError, type CliIO, type CommandModule } from '../io';

export const summaryLine = 'Simulate the architecture over time: failures, outages, scaling, traffic and cost.';

const usage = `Usage: cloudarch simulate FILE [--days N] [--seed S] [--fail SPEC]... [--scenario NAME] [--check-targets] [--format text|json|markdown]

Runs a seeded, deterministic simulation of one *.cloudarch.yaml file: traffic from workload: with a
daily curve, unit failures and repairs, failovers, health checks, auto scaling, spot interruptions,
and the events you inject. Reports requests served and dropped, observed against analytic
availability, time below the needed capacity, recovery from each injected event, and cost.

Options:
  --days N             simulated days (default 30, or the scenario's duration; at most ${maxSimulatedDays})
  --seed S             seed of the random failures (default 1, or the scenario's seed)
  --fail SPEC          inject an event; repeat for several. SPEC is KIND[:TARGET]@AT[+FOR]:
                         zone:b@1d             zone b fails one day in, for an hour
                         zone:a@2d+4h          zone a fails two days in, for four hours
                         region:us-east-1@3d+2h
                         resource:db@1d12h+30m
                         spot@1d[+2h]          every spot unit gets its two-minute notice
                                               (and spot capacity stays away for 2 hours)
                         surge:3x@1d+2h        three times the traffic for two hours
                       times count from the start: 1d, 2d4h, 90m, 30s
  --scenario NAME      run a scenario saved under scenarios: (flags add to it or override it)
  --check-targets      exit with status 2 when a goal under targets: simulation: is missed
  --format FORMAT      text (default), json or markdown
  -h, --help           show this help

Exit status: 0 fine, 1 the file has errors, 2 a target is missed (with --check-targets), 3 bad usage.`;

function readNumber(text: string | undefined, option: string, check: (value: number) => boolean, expected: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || !check(value))
    throw new UsageError(`option '--${option}' must be ${expected}, not '${text}'`);
  return value;
}

async function run(args: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(args, {
    days: { kind: 'value' },
    seed: { kind: 'value' },
    fail: { kind: 'repeat' },
    scenario: { kind: 'value' },
    format: { kind: 'value', values: ['text', 'json', 'markdown'] },
    'check-targets': { kind: 'switch' },
    help: { kind: 'switch', short: 'h' },
  });
  if (printedHelp(parsed, io, usage)) return ExitCode.ok;
  const file = singleFile(parsed, 'simulate');
  const days = readNumber(
    parsed.values.days,
    'days',
    (v) => v > 0 && v <= maxSimulatedDays,
    `a number of days above 0 and at most ${maxSimulatedDays}`,
  );
  const seed = readNumber(
    parsed.values.seed,
    'seed',
    (v) => Number.isInteger(v) && v >= 0 && v <= 0xffffffff,
    'a whole number from 0 to 4294967295',
  );
  const injected: SimulationSpec[] = [];
  for (const text of parsed.repeated.fail ?? []) {
    const spec = parseSimulationSpec(text);
    if (isSpecError(spec)) throw new UsageError(`--fail ${spec.message}`);
    injected.push(spec);
  }
  const format = parsed.values.format ?? 'text';
  const text = readInputFile(io, 'simulate', file);
  if (text === undefined) return ExitCode.usage;

  const doc = parseArchitecture(text);
  if (reportedErrors(io, file, doc.diagnostics, 'not simulated')) return ExitCode.errors;

  let scenarioEvents: readonly SimulationSpec[] = [];
  let scenarioDays: number | undefined;
  let scenarioSeed: number | undefined;
  if (parsed.values.scenario !== undefined) {
    const { scenarios } = readScenarios(doc.root, specTargetsOf(doc));
    const scenario = scenarios.find((s) => s.name === parsed.values.scenario);
    if (scenario === undefined) {
      const names = scenarios.map((s) => s.name);
      throw new UsageError(
        `no scenario '${parsed.values.scenario}' in ${file}${names.length > 0 ? ` (scenarios: ${names.join(', ')})` : ' (it has no scenarios: key)'}`,
      );
    }
    scenarioEvents = scenario.events;
    scenarioDays = scenario.days;
    scenarioSeed = scenario.seed;
  }

  const options = { days: days ?? scenarioDays ?? 30, seed: seed ?? scenarioSeed ?? 1 };
  let result: SimulationResult;
  try {
    result = simulateArchitecture(doc, { ...options, events: [...scenarioEvents, ...injected] });
  } catch (error) {
    if (error instanceof SimulationInputError) throw new UsageError(error.message);
    throw error;
  }
  const checking = parsed.switches.has('check-targets');
  const targets = checking
    ? checkSimulationTargets(doc, result, (events) =>
        simulateArchitecture(doc, {
          days: 2,
          seed: options.seed,
          events,
          randomFailures: false,
          seriesPoints: 2,
          timelineLimit: 0,
          compareWithAnalytic: false,
        }),
      )
    : [];

  if (format === 'json') io.stdout(`${JSON.stringify(checking ? { ...result, targets } : result, null, 2)}\n`);
  else if (format === 'markdown') io.stdout(simulationMarkdown(result, file, targets));
  else io.stdout(simulationText(result, file, targets));

  const missed = targets.filter((t) => !t.met);
  if (checking && missed.length > 0) {
    for (const target of missed) io.stderr(`${file}: simulation target ${target.target} missed: ${target.message}\n`);
    return ExitCode.targetsMissed;
  }
  return ExitCode.ok;
}

export const simulate: CommandModule = { summary: summaryLine, usage, run };
