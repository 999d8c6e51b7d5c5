/** The commands, in the order the help lists them. Later issues add theirs here. */
import type { CliCommand } from '../command';
import { analyseCommand } from './analyse';
import { generateCommand } from './generate';
import { infoCommand } from './info';
import { objectivesCommand } from './objectives';
import { templatesCommand } from './templates';
import { validateCommand } from './validate';
import { workshopCommand } from './workshop';

export const COMMANDS: readonly CliCommand[] = [validateCommand, infoCommand, objectivesCommand, analyseCommand, templatesCommand, generateCommand, workshopCommand];
