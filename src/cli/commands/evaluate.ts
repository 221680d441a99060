/**
 * `cloudarch evaluate FILE [--only availability|cost|security] [--format text|json|markdown|sarif]
 * [--check-targets]`: evaluate one architecture and print the results (evaluation.md, "Command
 * line"). A file with errors is not evaluated: its errors go to stderr and the exit status is 1.
 */
import type { EvaluationKind } from '../../evaluate';
import { markdownReport, textReport } from '../../evaluate/report';
import { toSarif } from '../../evaluate/security/sarif';
import type { EvaluationResult } from '../../evaluate/types';
import { createEngineLanguageService } from '../../language/engine';
import { parseArgs, singleFile } from '../args';
import { diagnosticLine, reportedErrors } from '../format';
import { ExitCode, printedHelp, readInputFile, UsageError, type CliIO, type CommandModule } from '../io';

export const summaryLine = 'Evaluate availability, cost and security, and check the targets.';

const usage = `Usage: cloudarch evaluate FILE [--only availability|cost|security] [--format text|json|markdown|sarif] [--check-targets]

Evaluates one *.cloudarch.yaml file: availability (exact, with a Monte Carlo cross-check), monthly
cost from the offline price snapshot, and security findings with exposure paths; then judges the
file's targets. A file with errors is not evaluated.

Options:
  --only KIND          run one evaluation: availability, cost or security (default: all three)
  --format FORMAT      text (default), json, markdown, or sarif (security findings as SARIF 2.1.0)
  --check-targets      exit with status 2 when a target in targets: is missed
  -h, --help           show this help

Exit status: 0 fine, 1 the file has errors, 2 a target is missed (with --check-targets), 3 bad usage.`;

/** The JSON document of `--format json`: the four contract keys, null for an evaluation not run. */
export function evaluationJson(result: EvaluationResult): Record<string, unknown> {
  return {
    availability: result.availability ?? null,
    cost: result.cost ?? null,
    security: result.security ?? null,
    targets: result.targets,
  };
}

async function run(args: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(args, {
    only: { kind: 'value', values: ['availability', 'cost', 'security'] },
    format: { kind: 'value', values: ['text', 'json', 'markdown', 'sarif'] },
    'check-targets': { kind: 'switch' },
    help: { kind: 'switch', short: 'h' },
  });
  if (printedHelp(parsed, io, usage)) return ExitCode.ok;
  const file = singleFile(parsed, 'evaluate');
  const format = parsed.values.format ?? 'text';
  const only = parsed.values.only as EvaluationKind | undefined;
  if (format === 'sarif' && only !== undefined && only !== 'security') {
    throw new UsageError(`--format sarif reports security findings and cannot be combined with --only ${only}`);
  }
  const text = readInputFile(io, 'evaluate', file);
  if (text === undefined) return ExitCode.usage;

  const engine = createEngineLanguageService();
  const doc = engine.parse(text);
  if (reportedErrors(io, file, doc.diagnostics, 'not evaluated')) return ExitCode.errors;

  const kinds: EvaluationKind[] | undefined = format === 'sarif' ? ['security'] : only ? [only] : undefined;
  const result = engine.evaluate(doc, kinds ? { only: kinds } : {})!;

  if (format === 'json') io.stdout(`${JSON.stringify(evaluationJson(result), null, 2)}\n`);
  else if (format === 'sarif') io.stdout(`${JSON.stringify(toSarif([{ file, doc, security: result.security! }], io.version), null, 2)}\n`);
  else if (format === 'markdown') io.stdout(markdownReport(doc, result, file));
  else io.stdout(textReport(doc, result, file));

  const missed = result.targets.filter((t) => !t.met);
  if (parsed.switches.has('check-targets') && missed.length > 0) {
    for (const diagnostic of result.diagnostics.filter((d) => d.source === 'cloudarch.targets'))
      io.stderr(`${diagnosticLine(file, diagnostic)}\n`);
    return ExitCode.targetsMissed;
  }
  return ExitCode.ok;
}

export const evaluate: CommandModule = { summary: summaryLine, usage, run };
