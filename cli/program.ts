/**
 * Builds the command-line program from the command modules and runs it. Every outcome becomes an exit code
 * and plain text: usage mistakes, invalid files and anything unexpected alike, never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { isLazy, type CliCommand, type CommandContext, type CommandEntry } from './command';
import { COMMANDS, loadEveryCommand } from './commands';
import { describeUnexpected, EXIT, lines, type ExitCode, type Io } from './output';
import { projectRoot } from './project-root';

function appVersion(): string {
  try {
    const pkg: unknown = JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8'));
    return typeof pkg === 'object' && pkg !== null && 'version' in pkg ? String(pkg.version) : 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * The folder a relative file name is relative to. `npm run cli` runs in the project folder and passes the
 * folder the user was in as INIT_CWD.
 */
export function userFolder(env: NodeJS.ProcessEnv = process.env): string {
  return env.npm_lifecycle_event === 'cli' && env.INIT_CWD ? env.INIT_CWD : process.cwd();
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

/**
 * The name of the command the arguments ask for (`help <name>` asks for that command's help), or null when
 * they ask for no one command (no arguments, `--help`, `--version`, a name that is not a command).
 */
export function commandNamed(args: readonly string[], names: ReadonlySet<string>): string | null {
  const words = args.filter((a) => !a.startsWith('-'));
  const first = args[0] === 'help' ? words[1] : args[0];
  return first !== undefined && names.has(first) ? first : null;
}

/** `--version` on its own: answered before any command is looked at. */
const asksOnlyForVersion = (args: readonly string[]) => args.length === 1 && (args[0] === '-V' || args[0] === '--version');

/**
 * The commands to register for these arguments: every eager one, and of the lazy ones only the command asked
 * for, none for the version, or all of them when the help lists them or the name is not one of theirs (all at once
 * through `every` where there is one).
 */
async function commandsFor(
  args: readonly string[],
  entries: readonly CommandEntry[],
  every: (() => Promise<readonly CliCommand[]>) | undefined,
): Promise<CliCommand[]> {
  const eager = entries.filter((e): e is CliCommand => !isLazy(e));
  if (asksOnlyForVersion(args)) return eager;
  const named = commandNamed(args, new Set(entries.filter(isLazy).map((e) => e.name)));
  if (named === null && every) return [...eager, ...(await every())];
  const wanted = entries.filter((e) => !isLazy(e) || named === null || e.name === named);
  return Promise.all(wanted.map((e) => (isLazy(e) ? e.load() : e)));
}

/** Runs the command line on the given arguments (without node and the script) and returns the exit code. */
export async function runCli(
  args: readonly string[],
  io: Io,
  options: {
    commands?: readonly CommandEntry[];
    /** All the commands at once, for the full help; by default the real ones when `commands` is not given. */
    everyCommand?: () => Promise<readonly CliCommand[]>;
    folder?: string;
    startPrinter?: CommandContext['startPrinter'];
  } = {},
): Promise<ExitCode> {
  let code: ExitCode = EXIT.OK;
  const context: CommandContext = {
    io,
    folder: options.folder ?? userFolder(),
    ...(options.startPrinter ? { startPrinter: options.startPrinter } : {}),
    exit: (c) => {
      code = Math.max(code, c) as ExitCode;
    },
  };
  try {
    const every = options.commands ? options.everyCommand : (options.everyCommand ?? loadEveryCommand);
    const program = buildProgram(io, await commandsFor(args, options.commands ?? COMMANDS, every), context);
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
