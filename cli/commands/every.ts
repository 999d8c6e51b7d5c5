/**
 * Every command in one module, for the full help (which lists them all): bundled as one file, the code the commands
 * share is loaded once, where loading each command's own file would load it once per command. In the order of
 * COMMANDS (index.ts); a test holds the two lists to the same names and order.
 */
import type { CliCommand } from '../command';
import { actualsCommand } from './actuals';
import { analyseCommand } from './analyse';
import { benchmarkCommand } from './benchmark';
import { dataCommand } from './data-import';
import { generateCommand } from './generate';
import { infoCommand } from './info';
import { objectivesCommand } from './objectives';
import { progressCommand } from './progress';
import { templatesCommand } from './templates';
import { validateCommand } from './validate';
import { workshopCommand } from './workshop';

export const EVERY_COMMAND: readonly CliCommand[] = [
  validateCommand,
  infoCommand,
  objectivesCommand,
  analyseCommand,
  benchmarkCommand,
  dataCommand,
  actualsCommand,
  templatesCommand,
  generateCommand,
  progressCommand,
  workshopCommand,
];
