/** The commands, in the order the help lists them. Later issues add theirs here. */
import type { CliCommand } from '../command';
import { infoCommand } from './info';
import { validateCommand } from './validate';

export const COMMANDS: readonly CliCommand[] = [validateCommand, infoCommand];
