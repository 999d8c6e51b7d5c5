/**
 * Builds the command-line program from the command modules and runs it. Every outcome becomes an exit code
 * and plain text: usage mistakes, invalid files and anything unexpected alike, never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import type { CliCommand, CommandContext } from './command';
import { COMMANDS } from './commands';
import { userFolder } from './load-workbook';
import { describeUnexpected, EXIT, lines, type ExitCode, type Io } from './output';

function appVersion(): string {
  try {
    const pkg: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    return typeof pkg === 'object' && pkg !== null && 'version' in pkg ? String(pkg.version) : 'unknown';
  } catch {
    return 'unknown';
  }
}

export function buildProgram(io: Io, commands: readonly CliCommand[], context: CommandContext): Command {
  const program = new Command()
    .name('npm run cli --')
    .description('The Alignment Workbench command line: check, summarise and analyse workbooks (.awbook files), import council objectives and a service’s own activity figures, compare library activity with similar authorities, and make documents and workshop kits.')
    .version(appVersion(), '-V, --version', 'Show the version')
    .helpOption('-h, --help', 'Show help')
    .helpCommand('help [command]', 'Show help for a command')
    .addHelpText(
      'after',
      [
        '',
        'Exit codes:',
        `  ${EXIT.OK}  done (for validate: every file is a valid workbook)`,
        `  ${EXIT.INVALID}  a file is not a valid workbook, or could not be read`,
        `  ${EXIT.USAGE}  the command was not understood`,
        `  ${EXIT.UNEXPECTED}  something unexpected went wrong`,
      ].join('\n'),
    )
    // Settings made before the commands are added are inherited by them.
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.out(text),
      writeErr: (text) => io.err(text),
      // "error: unknown command 'x'" → "Unknown command 'x'"
      outputError: (text, write) => write(text.replace(/^error: (.)/, (_m, first: string) => first.toUpperCase())),
    })
    .showHelpAfterError('(Run with --help to see the commands.)');
  for (const command of commands) command.register(program, context);
  return program;
}

/** Runs the command line on the given arguments (without node and the script) and returns the exit code. */
export async function runCli(
  args: readonly string[],
  io: Io,
  options: { commands?: readonly CliCommand[]; folder?: string } = {},
): Promise<ExitCode> {
  let code: ExitCode = EXIT.OK;
  const context: CommandContext = {
    io,
    folder: options.folder ?? userFolder(),
    exit: (c) => {
      code = Math.max(code, c) as ExitCode;
    },
  };
  try {
    const program = buildProgram(io, options.commands ?? COMMANDS, context);
    if (args.length === 0) {
      program.outputHelp();
      return EXIT.USAGE;
    }
    await program.parseAsync([...args], { from: 'user' });
    return code;
  } catch (e) {
    // Commander has already printed its own message (unknown command, missing file name) or the help.
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    lines(io.err, describeUnexpected(e));
    return EXIT.UNEXPECTED;
  }
}
