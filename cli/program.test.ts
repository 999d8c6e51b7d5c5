import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isLazy, type CliCommand, type LazyCommand } from './command';
import { Command } from 'commander';
import { COMMANDS, loadEveryCommand } from './commands';
import { describeError, EXIT, listInWords, plural, table, ukDateTime, type Io } from './output';
import { runCli } from './program';

function capture(): Io & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return { out: (t) => void (out += t), err: (t) => void (err += t), stdout: () => out, stderr: () => err };
}

const throwing = (thrown: unknown): CliCommand => ({
  register(program) {
    program.command('explode').action(async () => {
      throw thrown;
    });
  },
});

describe('runCli', () => {
  it('turns an unexpected exception into one plain sentence and exit code 3', async () => {
    const io = capture();
    const error = new Error('EIO: i/o error, read\n    at FileHandle.read (node:internal/fs/promises:123:4)');
    const code = await runCli(['explode'], io, { commands: [...COMMANDS, throwing(error)] });
    expect(code).toBe(EXIT.UNEXPECTED);
    expect(io.stderr()).toBe('Something unexpected went wrong: EIO: i/o error, read. No file has been changed.\n');
    expect(io.stdout()).toBe('');
  });

  it('copes with something thrown that is not an Error', async () => {
    const io = capture();
    expect(await runCli(['explode'], io, { commands: [throwing(undefined)] })).toBe(EXIT.UNEXPECTED);
    expect(io.stderr()).toBe('Something unexpected went wrong: undefined. No file has been changed.\n');
  });

  it('runs a command added to the list, so later issues only add a module', async () => {
    const io = capture();
    const hello: CliCommand = {
      register(program, { io: out, exit }) {
        program.command('hello').action(() => {
          out.out('Hello from a new command\n');
          exit(EXIT.INVALID);
        });
      },
    };
    expect(await runCli(['hello'], io, { commands: [...COMMANDS, hello] })).toBe(EXIT.INVALID);
    expect(io.stdout()).toBe('Hello from a new command\n');
  });

  it('reads relative file names from the folder it is given', async () => {
    const io = capture();
    const code = await runCli(['validate', 'complete-workbook.awbook'], io, {
      folder: fileURLToPath(new URL('../tests/fixtures', import.meta.url)),
    });
    expect(code).toBe(EXIT.OK);
    expect(io.stdout()).toMatch(/^complete-workbook\.awbook is a valid workbook/);
  });
});

describe('loading commands', () => {
  /** Commands that record being loaded, each printing its name when run. */
  const recording = (names: readonly string[]) => {
    const loaded: string[] = [];
    const commands: LazyCommand[] = names.map((name) => ({
      name,
      load: async () => {
        loaded.push(name);
        return {
          register(program, { io: out }) {
            program
              .command(name)
              .description(`the ${name} command`)
              .action(() => out.out(`${name} ran\n`));
          },
        };
      },
    }));
    return { loaded, commands };
  };

  it('loads only the command asked for', async () => {
    const { loaded, commands } = recording(['alpha', 'beta', 'gamma']);
    const io = capture();
    expect(await runCli(['beta'], io, { commands })).toBe(EXIT.OK);
    expect(io.stdout()).toBe('beta ran\n');
    expect(loaded).toEqual(['beta']);
  });

  it('loads only the command whose help is asked for', async () => {
    const { loaded, commands } = recording(['alpha', 'beta']);
    const io = capture();
    expect(await runCli(['help', 'alpha'], io, { commands })).toBe(EXIT.OK);
    expect(io.stdout()).toContain('the alpha command');
    expect(loaded).toEqual(['alpha']);
  });

  it('loads every command, in order, for the full help and for a name it does not know', async () => {
    for (const args of [['--help'], [], ['delta']]) {
      const { loaded, commands } = recording(['alpha', 'beta']);
      const io = capture();
      await runCli(args, io, { commands });
      expect(loaded.sort()).toEqual(['alpha', 'beta']);
      expect(io.stdout() + io.stderr()).toMatch(/alpha[\s\S]*beta|Unknown command 'delta'/);
    }
  });

  it('loads no command for the version', async () => {
    const { loaded, commands } = recording(['alpha', 'beta']);
    const io = capture();
    expect(await runCli(['--version'], io, { commands })).toBe(EXIT.OK);
    expect(io.stdout()).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(loaded).toEqual([]);
  });

  it('loads them all at once for the full help where it can, and not one by one', async () => {
    const { loaded, commands } = recording(['alpha', 'beta']);
    const io = capture();
    const all = await Promise.all(recording(['alpha', 'beta']).commands.map((c) => c.load()));
    expect(await runCli(['--help'], io, { commands, everyCommand: async () => all })).toBe(EXIT.OK);
    expect(loaded).toEqual([]);
    expect(io.stdout()).toMatch(/alpha[\s\S]*beta/);
  });

  it('has every command in every.ts, in the order of the list', async () => {
    const names = (program: Command) => program.commands.map((c) => c.name());
    const context = { io: capture(), folder: '.', exit: () => undefined };
    const one = new Command();
    for (const c of await Promise.all(COMMANDS.filter(isLazy).map((e) => e.load()))) c.register(one, context);
    const all = new Command();
    for (const c of await loadEveryCommand()) c.register(all, context);
    expect(names(all)).toEqual(names(one));
    expect(names(all)).toEqual(COMMANDS.filter(isLazy).map((e) => e.name));
  });

  it('lists every command in the help, from the real list', async () => {
    const io = capture();
    expect(await runCli(['--help'], io)).toBe(EXIT.OK);
    for (const { name } of COMMANDS.filter(isLazy)) expect(io.stdout()).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
  });
});

describe('output helpers', () => {
  it('write counts and lists in plain English', () => {
    expect(plural(1, 'workshop')).toBe('1 workshop');
    expect(plural(0, 'document draft')).toBe('0 document drafts');
    expect(plural(12_400, 'loan')).toBe('12,400 loans');
    expect(plural(2, 'activity', 'activities')).toBe('2 activities');
    expect(listInWords([])).toBe('');
    expect(listInWords(['a'])).toBe('a');
    expect(listInWords(['a', 'b', 'c'])).toBe('a, b and c');
  });

  it('write dates and times in UK time, through the change of the clocks', () => {
    expect(ukDateTime('2025-09-15T08:42:10Z')).toBe('15 September 2025 at 09:42');
    expect(ukDateTime('2026-01-20T16:05:12Z')).toBe('20 January 2026 at 16:05');
    expect(ukDateTime('2026-03-29T00:30:00Z')).toBe('29 March 2026 at 00:30');
    expect(ukDateTime('2026-03-29T01:30:00Z')).toBe('29 March 2026 at 02:30');
    expect(ukDateTime('not a date')).toBe('not a date');
  });

  it('lines up tables', () => {
    expect(table([['File', 'a.awbook'], ['Last modified', 'today']])).toEqual(['  File           a.awbook', '  Last modified  today']);
  });

  it('lists located problems only when there is more than one', () => {
    expect(describeError({ code: 'INVALID_JSON', message: 'Bad at line 1.' })).toEqual(['Bad at line 1.']);
    expect(
      describeError({
        code: 'INVALID_WORKBOOK',
        message: 'Two problems.',
        issues: [
          { path: 'workbook.title', message: 'Missing' },
          { path: 'workbook.created', message: 'Not a date' },
        ],
      }),
    ).toEqual(['Two problems.', 'Problems found:', '  workbook.title: Missing', '  workbook.created: Not a date']);
  });
});
