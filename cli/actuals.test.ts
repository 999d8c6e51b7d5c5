/**
 * `npm run cli -- actuals import` on temp copies of the complete fixture: results go in and read back with the
 * app's reader; a bad row or an unconfirmed replacement leaves the workbook byte for byte as it was.
 */
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbookFile } from '../electron/main/services/workbook-files';
import { allKpis } from '../shared/model/progress-operations';
import type { Workbook } from '../shared/model/workbook-schema';
import { COMPLETE_WORKBOOK } from '../tests/fixtures/fixtures';
import { makeXlsx } from '../tests/fixtures/plan-files';
import { cli, expectNoStackTrace } from '../tests/fixtures/run-cli';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'awb-cli-actuals-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function workspace() {
  const dir = await mkdtemp(join(folder, 'case-'));
  const workbook = join(dir, 'Plan.awbook');
  await copyFile(COMPLETE_WORKBOOK, workbook);
  const read = await readWorkbookFile(workbook);
  if (!read.ok) throw new Error(read.error.message);
  return { dir, workbook, kpis: allKpis(read.value.workbook).map((k) => k.kpi) };
}

async function reread(path: string): Promise<Workbook> {
  const read = await readWorkbookFile(path);
  if (!read.ok) throw new Error(read.error.message);
  return read.value.workbook;
}

describe('npm run cli -- actuals import', () => {
  it('adds results from a CSV, prints each KPI’s status, and keeps a backup', async () => {
    const { dir, workbook, kpis } = await workspace();
    const csv = join(dir, 'results.csv');
    await writeFile(csv, `KPI,Period,Value,Note\n${kpis[0]!.name},Q1 2026/27,"1,250",First quarter\n${kpis[1]!.id},Q1 2026/27,61,\n`);
    const r = await cli('actuals', 'import', workbook, csv);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('results.csv: 2 results (2 added, 0 replaced).');
    expect(r.stdout).toContain(`${kpis[0]!.name}: `);
    const wb = await reread(workbook);
    const first = allKpis(wb).find((k) => k.kpi.id === kpis[0]!.id)!.kpi;
    expect(first.results.filter((x) => x.period.label === 'Q1 2026/27')).toMatchObject([{ value: 1250, note: 'First quarter', period: { label: 'Q1 2026/27', start: '2026-04-01', end: '2026-06-30' } }]);
    expect(first.results.at(-1)!.source).toMatch(/^results\.csv \(imported \d{1,2} [A-Z][a-z]+ \d{4}\)$/);
  });

  it('reads an Excel file', async () => {
    const { dir, workbook, kpis } = await workspace();
    const xlsx = join(dir, 'results.xlsx');
    await makeXlsx(xlsx, [['KPI', 'Period', 'Value'], [kpis[0]!.name, '2025/26', 17]]);
    const r = await cli('actuals', 'import', workbook, xlsx);
    expect(r.code).toBe(0);
    const results = (await reread(workbook)).objectives.flatMap((o) => o.kpis).flatMap((k) => k.results);
    expect(results.filter((x) => x.period.label === '2025/26').map((x) => x.value)).toEqual([17]);
  });

  it('refuses a file with a bad row, naming its line, and leaves the workbook byte for byte as it was', async () => {
    const { dir, workbook, kpis } = await workspace();
    const before = await readFile(workbook);
    const csv = join(dir, 'results.csv');
    await writeFile(csv, `KPI,Period,Value\n${kpis[0]!.name},2025/26,12\nLibrary cats,2025/26,3\n${kpis[0]!.name},Spring,4\n${kpis[1]!.name},2025/26,twelve\n`);
    const r = await cli('actuals', 'import', workbook, csv);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('“results.csv” has 3 problems:');
    expect(r.stderr).toContain('Line 3, column “KPI”: “Library cats” is not the name or id of a KPI in this workbook.');
    expect(r.stderr).toContain('Line 4, column “Period”: “Spring” is not a period');
    expect(r.stderr).toContain('Line 5, column “Value”: “twelve” is not a number.');
    expect(r.stderr).toContain('Nothing was imported; the workbook has not been changed.');
    expectNoStackTrace(r);
    expect((await readFile(workbook)).equals(before)).toBe(true);
  });

  it('lists results it would replace and needs --replace to replace them', async () => {
    const { dir, workbook, kpis } = await workspace();
    const csv = join(dir, 'results.csv');
    await writeFile(csv, `KPI,Period,Value\n${kpis[0]!.name},2025/26,12\n`);
    expect((await cli('actuals', 'import', workbook, csv)).code).toBe(0);
    const saved = await readFile(workbook);
    await writeFile(csv, `KPI,Period,Value\n${kpis[0]!.name},2025/26,14\n`);
    const refused = await cli('actuals', 'import', workbook, csv);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`Line 2: ${kpis[0]!.name}, 2025/26: 12 would become 14.`);
    expect(refused.stderr).toContain('--replace');
    expect((await readFile(workbook)).equals(saved)).toBe(true);
    const replaced = await cli('actuals', 'import', workbook, csv, '--replace');
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toContain('(0 added, 1 replaced)');
    const results = (await reread(workbook)).objectives.flatMap((o) => o.kpis).flatMap((k) => k.results);
    expect(results.filter((x) => x.period.label === '2025/26').map((x) => x.value)).toEqual([14]);
  });
});
