/**
 * What a command may do to the outside world. The entry point (main.ts) supplies the real process
 * streams and file system; tests supply recorders. Commands never touch `process` or `fs` directly.
 */
export interface CliIO {
  /** Writes to standard output (results). */
  stdout(text: string): void;
  /** Writes to standard error (messages about usage and files). */
  stderr(text: string): void;
  /** Reads a text file as UTF-8; throws with a readable message when it cannot. */
  readFile(path: string): string;
  /** Writes a file (for commands with `-o`): text as UTF-8, bytes as they are; creates missing folders. */
  writeFile(path: string, content: string | Uint8Array): void;
  /** The product version, for `--version` and reports. */
  readonly version: string;
}

/** Exit statuses of the command line (evaluation.md, "Command line"). */
export const ExitCode = {
  ok: 0,
  /** A file has errors. */
  errors: 1,
  /** `--check-targets` and a target is missed. */
  targetsMissed: 2,
  /** Bad usage: an unknown command or flag, a missing file. */
  usage: 3,
} as const;

/** A command's module: what the command table points at. */
export interface CommandModule {
  /** One line for `cloudarch --help`. */
  readonly summary: string;
  /** The usage line(s) and options, for `cloudarch <command> --help` and usage errors. */
  readonly usage: string;
  /** Runs the command with the arguments after its name; resolves to the exit status. */
  run(args: readonly string[], io: CliIO): number | Promise<number>;
}

/** A usage error: reported on stderr with the command's usage, exit status 3. */
export class UsageError extends Error {}

/**
 * The text of an input file, or `undefined` once the user has been told on stderr why it cannot be
 * read (the command then exits with `ExitCode.usage`, as for any other bad input it was given).
 */
export function readInputFile(io: CliIO, command: string, file: string): string | undefined {
  try {
    return io.readFile(file);
  } catch (error) {
    io.stderr(`cloudarch ${command}: cannot read '${file}': ${error instanceof Error ? error.message : String(error)}\n`);
    return undefined;
  }
}

/** Prints the command's usage when `--help` was given; true when it did (the command then exits with `ExitCode.ok`). */
export function printedHelp(parsed: { readonly switches: ReadonlySet<string> }, io: CliIO, usage: string): boolean {
  if (!parsed.switches.has('help')) return false;
  io.stdout(`${usage}\n`);
  return true;
}
