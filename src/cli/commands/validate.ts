/**
 * `cloudarch validate FILE... [--format text|json]`: parse and check each file, print every
 * diagnostic, exit 1 when any file has an error (evaluation.md, "Command line").
 */
import { createEngineLanguageService } from '../../language/engine';
import { parseArgs } from '../args';
import { countBySeverity, diagnosticJson, diagnosticLine, summary } from '../format';
import { ExitCode, printedHelp, UsageError, type CliIO, type CommandModule } from '../io';

export const summaryLine = 'Check architecture files and report their problems.';

const usage = `Usage: cloudarch validate FILE... [--format text|json]

Checks each *.cloudarch.yaml file: YAML syntax, the schema of every resource type, references,
zones and the semantic rules. Exit status: 0 no errors, 1 a file has errors, 3 bad usage.

Options:
  --format text|json   text: file:line:col: severity code: message (default); json: LSP ranges
  -h, --help           show this help`;

async function run(args: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(args, { format: { kind: 'value', values: ['text', 'json'] }, help: { kind: 'switch', short: 'h' } });
  if (printedHelp(parsed, io, usage)) return ExitCode.ok;
  if (parsed.positionals.length === 0) throw new UsageError('no file given');
  const format = parsed.values.format ?? 'text';
  // Read every file first: a missing file is a usage error, reported before any result.
  const inputs: { file: string; text: string }[] = [];
  for (const file of parsed.positionals) {
    try {
      inputs.push({ file, text: io.readFile(file) });
    } catch (error) {
      io.stderr(`cloudarch validate: cannot read '${file}': ${error instanceof Error ? error.message : String(error)}\n`);
      return ExitCode.usage;
    }
  }
  let failed = false;
  const engine = createEngineLanguageService();
  const results = inputs.map(({ file, text }) => {
    const doc = engine.parse(text);
    const counts = countBySeverity(doc.diagnostics);
    if (counts.errors > 0) failed = true;
    return { file, doc, counts };
  });
  if (format === 'json') {
    const total = results.reduce(
      (sum, result) => ({ errors: sum.errors + result.counts.errors, warnings: sum.warnings + result.counts.warnings }),
      { errors: 0, warnings: 0 },
    );
    const output = {
      files: results.map(({ file, doc, counts }) => ({
        file,
        errorCount: counts.errors,
        warningCount: counts.warnings,
        diagnostics: doc.diagnostics.map(diagnosticJson),
      })),
      errorCount: total.errors,
      warningCount: total.warnings,
    };
    io.stdout(`${JSON.stringify(output, null, 2)}\n`);
  } else {
    for (const { file, doc, counts } of results) {
      for (const diagnostic of doc.diagnostics) io.stdout(`${diagnosticLine(file, diagnostic)}\n`);
      io.stdout(`${file}: ${summary(counts)}\n`);
    }
  }
  return failed ? ExitCode.errors : ExitCode.ok;
}

export const validate: CommandModule = { summary: summaryLine, usage, run };
