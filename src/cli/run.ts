/**
 * The command line without a process: argv in, exit status out, all I/O through `CliIO`. main.ts
 * binds it to the real process; tests call it directly or run the built CLI.
 */
import { commands } from './commands';
import { ExitCode, UsageError, type CliIO } from './io';

async function generalHelp(): Promise<string> {
  const lines = ['Usage: cloudarch <command> [options]', '', 'Commands:'];
  for (const [name, load] of Object.entries(commands)) lines.push(`  ${name.padEnd(10)} ${(await load()).summary}`);
  lines.push(
    '',
    'Options:',
    '  -h, --help     show help (also `cloudarch <command> --help`)',
    '  -v, --version  show the version',
    '',
    'Exit status: 0 fine, 1 a file has errors, 2 a target is missed (--check-targets), 3 bad usage.',
  );
  return `${lines.join('\n')}\n`;
}

/** Runs `cloudarch` with the arguments after the program name. Never throws. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
      io.stdout(await generalHelp());
      return first === undefined ? ExitCode.usage : ExitCode.ok;
    }
    if (first === '--version' || first === '-v') {
      io.stdout(`${io.version}\n`);
      return ExitCode.ok;
    }
    const load = Object.prototype.hasOwnProperty.call(commands, first) ? commands[first] : undefined;
    if (load === undefined) {
      io.stderr(`cloudarch: unknown command '${first}'. Commands: ${Object.keys(commands).join(', ')}. See 'cloudarch --help'.\n`);
      return ExitCode.usage;
    }
    const command = await load();
    try {
      return await command.run(rest, io);
    } catch (error) {
      if (error instanceof UsageError) {
        io.stderr(`cloudarch ${first}: ${error.message}\n\n${command.usage}\n`);
        return ExitCode.usage;
      }
      throw error;
    }
  } catch (error) {
    io.stderr(`cloudarch: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return ExitCode.errors;
  }
}
