/**
 * The commands, in the order the help lists them. Each is loaded only when it runs (or for the full help), so
 * starting the command line never pays for the Word, PDF and import libraries a command does not use. Later
 * issues add theirs here.
 */
import type { CliCommand, CommandEntry } from '../command';

/** An entry is `{ name, load }`; a command module imported here and listed as it is also works, loaded at start. */
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'validate', load: async () => (await import('./validate')).validateCommand },
  { name: 'info', load: async () => (await import('./info')).infoCommand },
  { name: 'objectives', load: async () => (await import('./objectives')).objectivesCommand },
  { name: 'analyse', load: async () => (await import('./analyse')).analyseCommand },
  { name: 'benchmark', load: async () => (await import('./benchmark')).benchmarkCommand },
  { name: 'data', load: async () => (await import('./data-import')).dataCommand },
  { name: 'actuals', load: async () => (await import('./actuals')).actualsCommand },
  { name: 'templates', load: async () => (await import('./templates')).templatesCommand },
  { name: 'generate', load: async () => (await import('./generate')).generateCommand },
  { name: 'progress', load: async () => (await import('./progress')).progressCommand },
  { name: 'workshop', load: async () => (await import('./workshop')).workshopCommand },
];

/** All of them at once (every.ts), for the full help. */
export const loadEveryCommand = async (): Promise<readonly CliCommand[]> => (await import('./every')).EVERY_COMMAND;
