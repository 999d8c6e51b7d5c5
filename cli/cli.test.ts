/**
 * The command line as a user runs it: a real child process on real files, checking exit codes and what is
 * printed where.
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPLETE_WORKBOOK, HOSTILE_CASES, hostileFile, VERSION_1_WORKBOOK } from '../tests/fixtures/fixtures';
import { cleanEnv, cli, cliProcess, cliProcessWith, expectNoStackTrace, PROJECT, run } from '../tests/fixtures/run-cli';
import { CURRENT_VERSION } from '../shared/model/migrations';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'awb-cli-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe.concurrent('npm run cli -- validate', () => {
  it('passes the complete workbook with a one-paragraph summary', async () => {
    const r = await cli('validate', COMPLETE_WORKBOOK);
    expect(r).toEqual({
      code: 0,
      stdout:
        'complete-workbook.awbook is a valid workbook (file format version 4). “Borsetshire Libraries and the Council Plan 2025/26”, for Borsetshire (County council), holds 10 objectives, 10 services, 10 alignments, 6 evidence items, 4 partners, 1 workshop and 1 document draft.\n',
      stderr: '',
    });
  });

  it('says when a version 1 workbook was upgraded on reading, and that the file was not changed', async () => {
    const r = await cli('validate', VERSION_1_WORKBOOK);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^version-1\.awbook is a valid workbook \(file format version 1\)\./);
    expect(r.stdout).toContain(
      `It was written in file format version 1 and was upgraded to version ${CURRENT_VERSION} when read; the app will save it as version ${CURRENT_VERSION}. The file itself has not been changed.`,
    );
  });

  for (const c of HOSTILE_CASES) {
    it(`refuses ${c.what} with exit code 1 and a located message`, async () => {
      const path = await hostileFile(c, folder);
      const r = await cli('validate', path);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.startsWith(`“${c.file}”`)).toBe(true);
      for (const pattern of c.says) expect(r.stderr).toMatch(pattern);
      expectNoStackTrace(r);
    });
  }

  it('lists every located problem when there are several', async () => {
    const r = await cli('validate', join(PROJECT, 'tests/fixtures/hostile/wrong-types.awbook'));
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').slice(1)).toEqual([
      'Problems found:',
      '  workbook.title: Expected a string, found number 2026',
      '  workbook.modified: Expected a date and time such as 2026-11-28T09:30:00Z',
      '  workbook.services[0] “Digital Champions drop-in sessions”.staffFte: Expected a number',
      '  workbook.alignments[0].strength: Strength must be 0 (none), 1 (weak), 2 (medium) or 3 (strong)',
      '  workbook.partners: Expected an array, found an object',
      '',
    ]);
  });

  it('checks several files, and fails if any one is invalid', async () => {
    const r = await cli('validate', COMPLETE_WORKBOOK, join(PROJECT, 'tests/fixtures/hostile/missing-service.awbook'), VERSION_1_WORKBOOK);
    expect(r.code).toBe(1);
    expect(r.stdout.match(/is a valid workbook/g)).toHaveLength(2);
    expect(r.stderr).toContain('“missing-service.awbook”: The workbook has a problem at workbook.alignments[0].serviceId');
  });

  it('says when the file does not exist, or is a folder', async () => {
    const missing = await cli('validate', join(folder, 'Not here.awbook'));
    expect(missing).toEqual({
      code: 1,
      stdout: '',
      stderr: '“Not here.awbook” could not be found. It may have been moved, renamed or deleted.\n',
    });
    const dir = await cli('validate', folder);
    expect(dir.code).toBe(1);
    expect(dir.stderr).toMatch(/is a folder, not a workbook file\.\n$/);
  });

  it('reads a relative file name from the folder the user ran npm in', { timeout: 120_000 }, async () => {
    const here = await mkdtemp(join(folder, 'officer-'));
    await copyFile(COMPLETE_WORKBOOK, join(here, 'Plan.awbook'));
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const r = await run(npm, ['--prefix', PROJECT, '--silent', 'run', 'cli', '--', 'validate', 'Plan.awbook'], { cwd: here });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Plan\.awbook is a valid workbook/);
  });
});

describe.concurrent('npm run cli -- info', () => {
  it('prints the details, contents, objective hierarchy and services by offer', async () => {
    const r = await cli('info', COMPLETE_WORKBOOK);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        'Borsetshire Libraries and the Council Plan 2025/26',
        '',
        '  File           complete-workbook.awbook (file format version 4)',
        '  Author         Priya Natarajan, Libraries Strategy and Development Manager',
        '  Authority      Borsetshire (County council, GSS code E10000099, West Midlands)',
        '  Created        15 September 2025 at 09:42 (UK time)',
        '  Last modified  20 January 2026 at 16:05 (UK time)',
        '',
        'Contents',
        '  Objectives       10 (3 themes, 4 objectives and 3 outcomes), with 8 KPIs',
        '  Services         10',
        '  Alignments       10 (6 strong, 2 medium, 1 weak and 1 with no link)',
        '  Evidence items   6',
        '  Partners         4',
        '  Workshops        1',
        '  Document drafts  1',
        '',
        'Objectives',
        '  Healthy, independent lives (theme)',
        '    Reduce loneliness and social isolation among older residents (objective, 1 KPI)',
        '      More older residents take part in regular community activities (outcome, 1 KPI)',
        '    Improve health literacy and self-management of long-term conditions (objective, 1 KPI)',
        '  A thriving economy with good jobs (theme)',
        '    Raise adult digital skills so residents can get online and into work (objective, 1 KPI)',
        '      Jobseekers use library support to search and apply for work (outcome, 1 KPI)',
        '  Children and young people get the best start (theme)',
        '    Improve reading at the end of Key Stage 2 (objective, 2 KPIs)',
        '      More families share books with babies and toddlers (outcome, 1 KPI)',
        '',
        'Services by Universal Library Offer',
        '  Reading                                     1',
        '  Information and Digital                     3',
        '  Health and Wellbeing                        2',
        '  Culture and Creativity                      1',
        "  Children's Promise                          2",
        "  Vision and Print Impaired People's Promise  1",
        '',
      ].join('\n'),
    );
  });

  it('shows dates in UK time whatever the computer’s time zone', { timeout: 120_000 }, async () => {
    const env = { ...cleanEnv(), TZ: 'America/New_York' };
    const r = await cliProcessWith({ env }, 'info', COMPLETE_WORKBOOK);
    expect(r.stdout).toContain('Created        15 September 2025 at 09:42 (UK time)');
  });

  it('shows the version of a migrated file as written', async () => {
    const r = await cli('info', VERSION_1_WORKBOOK);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  File           version-1.awbook (file format version 1)');
  });

  it('refuses an invalid workbook the same way validate does', async () => {
    const r = await cli('info', join(PROJECT, 'tests/fixtures/hostile/invalid-json.awbook'));
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr:
        '“invalid-json.awbook”: The file is damaged or not a workbook: it is not valid JSON at line 7, column 5 (a comma is missing).\n',
    });
  });
});

describe.concurrent('the command line as its own process', { timeout: 120_000 }, () => {
  it('prints what the in-process run prints, and exits with its code', async () => {
    const [spawned, inProcess] = await Promise.all([cliProcess('validate', COMPLETE_WORKBOOK), cli('validate', COMPLETE_WORKBOOK)]);
    expect(spawned).toEqual(inProcess);
    expect(spawned.code).toBe(0);
  });

  it('exits 2 with a sentence, not a stack trace, for a command it does not know', async () => {
    const r = await cliProcess('frobnicate');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Unknown command 'frobnicate'");
    expectNoStackTrace(r);
  });
});

describe.concurrent('using the command line wrongly', () => {
  it('shows the help and exit code 2 when run with no command', async () => {
    const r = await cli();
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('Usage: npm run cli -- [options] [command]');
    expect(r.stdout).toContain('validate <file...>');
    expect(r.stdout).toContain('info <file>');
  });

  it('exits 0 for --help and --version', async () => {
    const help = await cli('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit codes:');
    const version = await cli('--version');
    expect(version).toEqual({ code: 0, stdout: '0.1.0\n', stderr: '' });
  });

  it.each([
    [['frobnicate'], "Unknown command 'frobnicate'"],
    [['validate'], "Missing required argument 'file'"],
    [['info', 'a.awbook', 'b.awbook'], "Too many arguments for 'info'. Expected 1 argument but got 2."],
    [['validate', '--colour', 'x.awbook'], "Unknown option '--colour'"],
  ])('explains %j with exit code 2', async (args, message) => {
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${message}\n(Run with --help to see the commands.)\n`);
    expectNoStackTrace(r);
  });
});
