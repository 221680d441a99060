/**
 * A small, strict argument parser: `--flag value`, `--flag=value`, boolean switches and
 * positionals. Unknown flags and bad values are usage errors, never silently ignored.
 */
import { UsageError } from './io';

/** How one option is read. */
export interface OptionSpec {
  /** `value`: takes a value; `switch`: a boolean; `repeat`: a value, may be given several times. */
  readonly kind: 'value' | 'switch' | 'repeat';
  /** Allowed values, when the set is closed. */
  readonly values?: readonly string[];
  /** A one-letter alias such as `o` for `-o`. */
  readonly short?: string;
}

/** Parsed arguments. */
export interface ParsedArgs {
  readonly positionals: string[];
  readonly values: Record<string, string>;
  readonly repeated: Record<string, string[]>;
  readonly switches: Set<string>;
}

/** Parses `args` against `spec`; throws `UsageError` with a precise message on any problem. */
export function parseArgs(args: readonly string[], spec: Readonly<Record<string, OptionSpec>>): ParsedArgs {
  const parsed: ParsedArgs = { positionals: [], values: {}, repeated: {}, switches: new Set() };
  const byShort = new Map(Object.entries(spec).flatMap(([name, option]) => (option.short ? [[option.short, name] as const] : [])));
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '--') {
      parsed.positionals.push(...args.slice(index + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      parsed.positionals.push(arg);
      continue;
    }
    let name: string;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const equals = arg.indexOf('=');
      name = equals >= 0 ? arg.slice(2, equals) : arg.slice(2);
      inline = equals >= 0 ? arg.slice(equals + 1) : undefined;
    } else {
      const long = byShort.get(arg.slice(1));
      if (long === undefined) throw new UsageError(`unknown option '${arg}'`);
      name = long;
    }
    const option = spec[name];
    if (option === undefined) throw new UsageError(`unknown option '--${name}'`);
    if (option.kind === 'switch') {
      if (inline !== undefined) throw new UsageError(`option '--${name}' takes no value`);
      parsed.switches.add(name);
      continue;
    }
    const value = inline ?? args[++index];
    if (value === undefined)
      throw new UsageError(`option '--${name}' needs a value${option.values ? ` (${option.values.join(', ')})` : ''}`);
    if (option.values && !option.values.includes(value))
      throw new UsageError(`option '--${name}' must be one of ${option.values.join(', ')}, not '${value}'`);
    if (option.kind === 'repeat') (parsed.repeated[name] ??= []).push(value);
    else {
      if (parsed.values[name] !== undefined) throw new UsageError(`option '--${name}' is given twice`);
      parsed.values[name] = value;
    }
  }
  return parsed;
}

/** The one file a single-file command was given; anything else is a usage error. */
export function singleFile(parsed: ParsedArgs, command: string): string {
  if (parsed.positionals.length === 0) throw new UsageError('no file given');
  if (parsed.positionals.length > 1)
    throw new UsageError(`${command} takes one file, got ${parsed.positionals.length}: ${parsed.positionals.join(' ')}`);
  return parsed.positionals[0]!;
}
