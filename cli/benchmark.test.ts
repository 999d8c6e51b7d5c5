/**
 * `benchmark` and `data import` as an officer runs them: a Kent workbook written to a temp folder, the command
 * line run as a real child process, and the workbook read back with the app's own reader. The published figures
 * are the ones in ../shared/data (checked against the derived data in shared/analysis/benchmark.test.ts).
 */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupPathFor, readWorkbookFile } from '../electron/main/services/workbook-files';
import { createWorkbook } from '../shared/model/new-workbook';
import { serialiseWorkbook } from '../shared/model/workbook-format';
import { cli, expectNoStackTrace } from '../tests/fixtures/run-cli';
import type { Io } from './output';
import { runCli } from './program';

let folder: string;
let kentText: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'awb-cli-benchmark-'));
  const wb = createWorkbook({ title: 'Kent libraries', now: new Date('2026-12-07T09:00:00Z') });
  wb.authority = { gss: 'E10000016', name: 'Kent', type: 'County council', region: 'South East', population: null };
  kentText = serialiseWorkbook(wb);
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function kentWorkbook(): Promise<string> {
  const dir = await mkdtemp(join(folder, 'case-'));
  const path = join(dir, 'Kent.awbook');
  await writeFile(path, kentText);
  return path;
}

function capture(): Io & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return { out: (t) => void (out += t), err: (t) => void (err += t), stdout: () => out, stderr: () => err };
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

interface JsonMeasure {
  id: string;
  value: number | null;
  perThousand: number | null;
  rank: { position: number; of: number } | null;
  median: number | null;
  comparators: Array<{ gss: string; name: string; value: number | null; perThousand: number | null; self: boolean }>;
}

describe('npm run cli -- benchmark', () => {
  it('prints Kent’s 2023/24 figures and its neighbours’ as numbers with --json', async () => {
    const r = await cli('benchmark', await kentWorkbook(), '--json');
    expectNoStackTrace(r);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { authority: { gss: string }; population: number; group: { kind: string; members: string[] }; measures: JsonMeasure[] };
    expect(json.authority.gss).toBe('E10000016');
    expect(json.population).toBe(1_639_029);
    expect(json.group).toMatchObject({ kind: 'neighbours', members: ['E10000012', 'E06000024', 'E10000029', 'E10000020', 'E10000032'] });
    const visits = json.measures.find((m) => m.id === 'visits')!;
    // services.csv: Kent 3,100,468 visits; North Somerset 435,143; Essex did not report visits.
    expect(visits.value).toBe(3_100_468);
    expect(visits.perThousand).toBe(1891.649);
    const byCode = new Map(visits.comparators.map((c) => [c.gss, c]));
    expect(byCode.get('E06000024')).toMatchObject({ name: 'North Somerset', value: 435_143 });
    expect(byCode.get('E10000012')).toMatchObject({ name: 'Essex', value: null, perThousand: null });
    expect(visits.rank).toEqual({ position: 5, of: 5 });
    expect(typeof visits.median).toBe('number');
    expect(json.measures.find((m) => m.id === 'wifiSessions')!.value).toBe(96_628);
  }, 150_000);

  it('prints the comparison as text, for another group when asked', async () => {
    const path = await kentWorkbook();
    const io = capture();
    expect(await runCli(['benchmark', path, '--group', 'region'], io, { folder })).toBe(0);
    expect(io.stdout()).toMatch(/^Kent \(E10000016\): library activity 2023\/24 compared with same region/);
    expect(io.stdout()).toMatch(/Visits: 3,100,468 visits \(1,891\.6 per 1,000 residents\), April 2023 to March 2024, monthly figures\./);
    expect(io.stdout()).toMatch(/E10000016 {2}Kent \(this authority\) +3,100,468 +1,891\.6/);
    const bad = capture();
    expect(await runCli(['benchmark', path, '--group', 'friends'], bad, { folder })).toBe(2);
    expect(bad.stderr()).toMatch(/--group must be one of “neighbours”, “type”, “region”, “population” and “chosen” \(found “friends”\)/);
  });

  it('says when the workbook has no authority', async () => {
    const path = join(await mkdtemp(join(folder, 'case-')), 'None.awbook');
    await writeFile(path, serialiseWorkbook(createWorkbook({ title: 'No authority' })));
    const io = capture();
    expect(await runCli(['benchmark', path], io, { folder })).toBe(1);
    expect(io.stderr()).toMatch(/has no library authority yet/);
  });
});

const VISITS = `Local authority,Library name,Count start,Count end,Count type,Visits
Kent,Allington Library,2023-04-01,2023-06-30,Automatic,12500
Kent,Allington Library,2023-07-01,2023-09-30,Automatic,13100
Kent County Council,Ashford Library,2023-04-01,2023-06-30,Automatic,40200
Kent,Ashford Library,2024-04-01,2024-06-30,Automatic,41000
`;

describe('npm run cli -- data import', () => {
  it('imports a core-dataset visits file for two libraries, saves with a backup and prints totals by year', async () => {
    const workbook = await kentWorkbook();
    const csv = join(folder, 'kent-visits.csv');
    await writeFile(csv, VISITS);
    const r = await cli('data', 'import', workbook, csv);
    expectNoStackTrace(r);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('kent-visits.csv: physical visits, 4 rows → 4 figures.');
    expect(r.stdout).toContain('Physical visits, 2024/25: 41,000 — Ashford Library 41,000');
    expect(r.stdout).toContain('Physical visits, 2023/24: 65,800 — Ashford Library 40,200, Allington Library 25,600');
    expect(await readFile(backupPathFor(workbook), 'utf8')).toBe(kentText);
    const read = await readWorkbookFile(workbook);
    if (!read.ok) throw new Error(read.error.message);
    const figures = read.value.workbook.libraryData.figures;
    expect(figures.map((f) => [f.library, f.libraryRef, f.period.label, f.value])).toEqual([
      ['Allington Library', 'E10000016:allington-library', 'Q1 2023/24', 12_500],
      ['Allington Library', 'E10000016:allington-library', 'Q2 2023/24', 13_100],
      ['Ashford Library', 'E10000016:ashford-library', 'Q1 2023/24', 40_200],
      ['Ashford Library', 'E10000016:ashford-library', 'Q1 2024/25', 41_000],
    ]);
    expect(figures[0]!.source).toMatch(/^kent-visits\.csv \(imported \d{1,2} \w+ \d{4}\)$/);
  }, 150_000);

  it('refuses a bad row in any file, naming the file, line and column, and leaves the workbook as it was', async () => {
    const workbook = await kentWorkbook();
    const good = join(folder, 'good.csv');
    const bad = join(folder, 'bad.csv');
    await writeFile(good, VISITS);
    await writeFile(bad, 'Local authority,Library name,Month,Type,Loans\nKent,Allington Library,2023-04,Adult fiction,300\nKent,Allington Library,2023-05,Adult fiction,-3\n');
    const r = await cli('data', 'import', workbook, good, bad);
    expectNoStackTrace(r);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('“bad.csv” (loans) has 1 problem:\n  Line 3, column “Loans”: a count must not be negative (found “-3”).');
    expect(r.stderr).toMatch(/Nothing was imported; the workbook has not been changed\.\n$/);
    expect(await readFile(workbook, 'utf8')).toBe(kentText);
    expect(await exists(backupPathFor(workbook))).toBe(false);
  }, 150_000);

  it('flags a file from another authority, in process', async () => {
    const workbook = await kentWorkbook();
    const essex = join(folder, 'essex.csv');
    await writeFile(essex, 'Local authority,Library name,Count start,Count end,Count type,Visits\nEssex,Chelmsford Library,2023-04-01,2023-06-30,Automatic,10\n');
    const io = capture();
    expect(await runCli(['data', 'import', workbook, essex], io, { folder })).toBe(1);
    expect(io.stderr()).toMatch(/^“essex\.csv” looks like a file from another authority \(Essex\); this workbook is for Kent\./);
    expect(await readFile(workbook, 'utf8')).toBe(kentText);
  });
});
