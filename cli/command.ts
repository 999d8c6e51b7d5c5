/**
 * What a command module provides. Each command lives in cli/commands/<name>.ts and is listed in
 * cli/commands/index.ts by name with a loader, so a run loads only the command it was asked for (and the
 * libraries that command needs); adding a command is adding a module there.
 */
import type { Command } from 'commander';
import type { PdfPrinter } from '../shared/documents/pdf/printer';
import type { ExitCode, Io } from './output';

export interface CommandContext {
  readonly io: Io;
  /** The folder relative file names are read from. */
  readonly folder: string;
  /** Sets the exit code; the worst code reported wins. */
  exit(code: ExitCode): void;
  /** The PDF printer commands use instead of starting their own browser (tests share one per file). */
  readonly startPrinter?: () => Promise<PdfPrinter>;
}

export interface CliCommand {
  /** Adds the command, its arguments, help text and action to the program. */
  register(program: Command, context: CommandContext): void;
}

/** A command known by its name and loaded only when it is run, or when the help lists every command. */
export interface LazyCommand {
  readonly name: string;
  load(): Promise<CliCommand>;
}

export type CommandEntry = CliCommand | LazyCommand;

export const isLazy = (entry: CommandEntry): entry is LazyCommand => 'load' in entry;
