/**
 * `workshop kit` and `workshop report` as a user runs them: a real child process on the sample workbook, real
 * files written, plain messages and exit codes for every mistake, never a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../electron/main/services/documents';
import { COMPLETE_WORKBOOK } from '../tests/fixtures/fixtures';
import { cli, expectNoStackTrace, PROJECT } from '../tests/fixtures/run-cli';

const SAMPLE = join(PROJECT, 'shared/samples/sample-workbook.json');
const chromium = findChromium();

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'awb-cli-workshop-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe.concurrent('npm run cli -- workshop', () => {
  it('lists kit and report in its help', async () => {
    const r = await cli('workshop', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/kit \[options\] <workbook>/);
    expect(r.stdout).toMatch(/report \[options\] <workbook>/);
  });

  it.skipIf(!chromium)(
    'kit: prints every part of the kit for the workbook’s workshop, and the wall poster when asked',
    async () => {
      const out = join(folder, 'kit');
      const r = await cli('workshop', 'kit', SAMPLE, '--out', out, '--wall-poster', 'A3-sheets');
      expectNoStackTrace(r);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(
        'Kit for “Libraries and the Council Plan: leadership workshop” (12 February 2025):',
      );
      expect(r.stdout).toMatch(/Wrote .*Matrix poster \(A3\)\.pdf \(A3, \d+ KB\)/);
      expect(r.stdout).toMatch(/Wrote .*Wall poster \(A3 sheets to join\)\.pdf \(A3, \d+ KB\)/);
      expect((await readdir(out)).sort()).toEqual([
        'Agenda.pdf',
        'Cards (A6 card stock).pdf',
        'Matrix poster (A3).pdf',
        'Objective cards (A4 sheets).pdf',
        'Service cards (A4 sheets).pdf',
        'Voting sheets.pdf',
        'Wall poster (A3 sheets to join).pdf',
      ]);
      for (const f of await readdir(out))
        expect(spawnSync('qpdf', ['--check', join(out, f)]).status, f).toBe(0);
    },
    120_000,
  );

  it.skipIf(!chromium)(
    'report: writes Word and PDF for the named workshop',
    async () => {
      const out = join(folder, 'report');
      const r = await cli(
        'workshop',
        'report',
        SAMPLE,
        '--workshop',
        'wks_nsc_leadership_2025',
        '--format',
        'docx,pdf',
        '--out',
        out,
      );
      expectNoStackTrace(r);
      expect(r.code).toBe(0);
      expect((await readdir(out)).sort()).toEqual([
        'Workshop report - Libraries and the Council Plan - leadership workshop.docx',
        'Workshop report - Libraries and the Council Plan - leadership workshop.pdf',
      ]);
    },
    120_000,
  );

  it('report: Word only needs no browser', async () => {
    const out = join(folder, 'word-only');
    const r = await cli(
      'workshop',
      'report',
      SAMPLE,
      '--format',
      'docx',
      '--out',
      out,
      '--chromium',
      '/nowhere/chrome',
    );
    expect(r.code).toBe(0);
    expect(await readdir(out)).toEqual([
      'Workshop report - Libraries and the Council Plan - leadership workshop.docx',
    ]);
  });

  it('names the workshops when the one asked for does not exist (exit 2)', async () => {
    const r = await cli('workshop', 'report', SAMPLE, '--workshop', 'wks_nope', '--out', join(folder, 'x'));
    expectNoStackTrace(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'There is no workshop with the id “wks_nope”. The workshops in this workbook are:',
    );
    expect(r.stderr).toContain(
      'wks_nsc_leadership_2025  Libraries and the Council Plan: leadership workshop (12 February 2025)',
    );
    const k = await cli('workshop', 'kit', SAMPLE, '--workshop', 'wks_nope', '--out', join(folder, 'y'));
    expect(k.code).toBe(2);
  });

  it('refuses a format it does not know (exit 2) and a workbook it cannot read (exit 1)', async () => {
    const f = await cli('workshop', 'report', SAMPLE, '--format', 'odt', '--out', join(folder, 'z'));
    expect(f.code).toBe(2);
    expect(f.stderr).toContain('--format must be docx, pdf or docx,pdf (“odt” is not one of them).');
    const wall = await cli('workshop', 'kit', SAMPLE, '--wall-poster', 'A2', '--out', join(folder, 'z'));
    expect(wall.code).toBe(2);
    expect(wall.stderr).toContain('--wall-poster must be a0, a1 or a3-sheets (“A2” is not one of them).');
    const missing = await cli('workshop', 'kit', join(folder, 'missing.awbook'), '--out', join(folder, 'z'));
    expectNoStackTrace(missing);
    expect(missing.code).toBe(1);
  });

  it('says when a PDF cannot be made because there is no browser (exit 1), suggesting --chromium', async () => {
    const r = await cli(
      'workshop',
      'report',
      COMPLETE_WORKBOOK,
      '--format',
      'pdf',
      '--out',
      join(folder, 'p'),
      '--chromium',
      '/nowhere/chrome',
    );
    expectNoStackTrace(r);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('PDFs cannot be made');
    expect(r.stderr).toContain('--chromium <path>');
  });
});
