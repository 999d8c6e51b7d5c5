/** The commands, in the order the help lists them. Later issues add theirs here. */
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

export const COMMANDS: readonly CliCommand[] = [validateCommand, infoCommand, objectivesCommand, analyseCommand, benchmarkCommand, dataCommand, actualsCommand, templatesCommand, generateCommand, progressCommand, workshopCommand];
