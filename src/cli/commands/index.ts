/**
 * The command table: name -> a loader of the command's module. Adding a command is one line here
 * (house style: commands are a table, registered in one place). Modules are loaded on demand, so
 * `cloudarch validate` never loads the evaluation engines.
 */
import type { CommandModule } from '../io';

export const commands: Readonly<Record<string, () => Promise<CommandModule>>> = {
  validate: async () => (await import('./validate')).validate,
  evaluate: async () => (await import('./evaluate')).evaluate,
  simulate: async () => (await import('./simulate')).simulate,
  import: async () => (await import('./import')).importCommand,
  export: async () => (await import('./export-cloudformation')).exportCommand,
};
