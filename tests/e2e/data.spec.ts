/**
 * The Data step in the browser harness: Kent's published 2023/24 figures and its comparators, a change of
 * comparator group saved in the workbook, the trend by month, a core-dataset visits file for two libraries
 * imported into the totals, a bad file refused with its line named and nothing added, and axe on each state.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, expectAccessible, test } from './fixtures';
import type { Harness } from './harness';

const step = (h: Harness, name: RegExp) => h.page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name }).click();

async function newWorkbook(h: Harness, authority: string) {
  await h.page.getByRole('button', { name: 'New workbook' }).click();
  const box = h.page.getByRole('combobox', { name: /library authority/i });
  await box.fill(authority);
  await box.press('ArrowDown');
  await box.press('Enter');
}

test('Kent’s figures against its comparators, its own visits imported, a bad file refused', async ({ launch }) => {
  const folder = mkdtempSync(join(tmpdir(), 'awb-data-'));
  const visits = join(folder, 'kent-visits.csv');
  writeFileSync(
    visits,
    'Local authority,Library name,Count start,Count end,Count type,Visits\nKent,Allington Library,2023-04-01,2023-06-30,Automatic,12500\nKent,Ashford Library,2023-04-01,2023-06-30,Automatic,40200\n',
  );
  const own = join(folder, 'our-issues.csv');
  writeFileSync(own, 'Branch,Year,Issues\nAllington,2023/24,5000\nAshford Library,2023/24,"7,250"\n');
  const bad = join(folder, 'bad-visits.csv');
  writeFileSync(bad, 'Local authority,Library name,Count start,Count end,Count type,Visits\nKent,Allington Library,2023-07-01,2023-09-30,Automatic,-5\n');

  const h = await launch();
  await newWorkbook(h, 'kent');
  await expect(h.page.locator('.authority-card')).toContainText('E10000016');
  await step(h, /Data/);
  await expect(h.page.getByRole('heading', { level: 1, name: 'Library activity data' })).toBeVisible();

  const summary = h.page.getByRole('table', { name: /Kent’s measures, 2023\/24, against five nearest neighbours/ });
  await expect(summary).toBeVisible();
  // services.csv: 3,100,468 visits; 1,639,029 residents → 1,891.6 per 1,000; 5th of 5 among full-year figures.
  const visitsRow = summary.getByRole('row', { name: /^Visits/ });
  await expect(visitsRow).toContainText('3,100,468');
  await expect(visitsRow).toContainText('1,891.6');
  await expect(visitsRow).toContainText('5th of 5');
  await expect(summary.getByRole('row', { name: /^Active users/ })).toContainText('238.8');
  await expect(h.page.getByText(/does not say how they were chosen/)).toBeVisible();

  const comparison = h.page.getByRole('table', { name: 'Visits per 1,000 residents' });
  await expect(comparison.getByRole('row', { name: /Essex/ })).toContainText('Not reported');
  await expect(comparison.getByRole('row', { name: /North Somerset/ })).toContainText('435,143');
  await expect(h.page.getByRole('img', { name: /Bar chart of visits per 1,000 residents/ })).toBeVisible();
  await expect(h.page.getByRole('table', { name: /Kent’s visits through the year/ }).getByRole('row', { name: /April 2023/ })).toContainText('237,734');
  await expectAccessible(h, 'Data step');
  for (const theme of ['dark', 'high-contrast', 'light'] as const) {
    await h.page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
    await expectAccessible(h, `Data step, ${theme} theme`);
  }
  // 200% zoom on a 1280-wide window: wide tables scroll inside their own region, the page does not.
  await h.page.setViewportSize({ width: 640, height: 860 });
  expect(await h.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await h.page.setViewportSize({ width: 1280, height: 860 });

  // Keyboard: choose the same-region group; it is saved in the workbook and undoable.
  await h.page.getByRole('radio', { name: 'Same region' }).focus();
  await h.page.keyboard.press('Space');
  await expect(h.page.getByRole('table', { name: /against same region/ })).toBeVisible();
  await h.page.getByLabel('Measure to compare in detail').selectOption({ label: 'Wi-Fi sessions' });
  await expect(h.page.getByRole('table', { name: 'Wi-Fi sessions per 1,000 residents' })).toContainText('96,628');
  await h.page.getByRole('radio', { name: 'Authorities you choose' }).check();
  await h.page.getByLabel('Add an authority to your list').selectOption({ label: 'Essex (E10000012)' });
  await h.page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(h.page.getByRole('list', { name: 'Authorities you chose' })).toContainText('Essex');
  await expectAccessible(h, 'Data step, own list of comparators');

  await h.page.getByRole('button', { name: 'Add the dataset to the evidence, so documents cite it' }).click();
  await expect(h.page.getByText('Documents cite this dataset (it is in the evidence).')).toBeVisible();

  // A bad file: refused with its line named, nothing added.
  await h.page.getByLabel('File of figures to import (CSV or Excel)').setInputFiles(bad);
  const dialog = h.page.getByRole('dialog', { name: 'Import figures from “bad-visits.csv”' });
  await expect(dialog).toContainText('Line 2, column “Visits”: a count must not be negative (found “-5”).');
  await expect(dialog.getByRole('button', { name: 'Add figures' })).toBeDisabled();
  await expectAccessible(h, 'Import dialog with a refused row');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(h.page.getByText('No figures of your own yet.')).toBeVisible();

  // A good core-dataset visits file for two libraries: previewed, then added to the totals.
  await h.page.getByLabel('File of figures to import (CSV or Excel)').setInputFiles(visits);
  const good = h.page.getByRole('dialog', { name: 'Import figures from “kent-visits.csv”' });
  await expect(good).toContainText('This is a core-dataset physical visits file (2 rows).');
  await expect(good).toContainText('Every row is valid: 2 rows give 2 figures for 2 libraries or areas.');
  await good.getByRole('button', { name: 'Add 2 figures' }).click();
  const totals = h.page.getByRole('table', { name: 'Totals by financial year' });
  const row = totals.getByRole('row', { name: /Physical visits/ });
  await expect(row).toContainText('2023/24');
  await expect(row).toContainText('52,700');
  await expect(row).toContainText('Ashford Library 40,200; Allington Library 12,500');
  await expectAccessible(h, 'Data step with own figures');
  await row.getByRole('button', { name: /As reach or KPI baseline/ }).click();
  const link = h.page.getByRole('dialog', { name: 'Use physical visits, 2023/24: 52,700' });
  await expect(link).toContainText('The workbook has no services yet');
  await link.getByRole('radio', { name: 'A KPI’s baseline' }).check();
  await expect(link).toContainText('No objective has a KPI yet');
  await expect(link.getByRole('button', { name: 'Use this figure' })).toBeDisabled();
  await expectAccessible(h, 'Using an own total');
  await link.getByRole('button', { name: 'Cancel' }).click();

  // The officer's own spreadsheet: columns guessed, the measure chosen, every row checked before adding.
  await h.page.getByLabel('File of figures to import (CSV or Excel)').setInputFiles(own);
  const mapped = h.page.getByRole('dialog', { name: 'Import figures from “our-issues.csv”' });
  await expect(mapped).toContainText('This file is not one of the core-dataset templates');
  await mapped.getByLabel('What the figures count').selectOption({ label: 'Loans' });
  await expect(mapped.getByRole('combobox', { name: /^Library/ })).toHaveValue('0');
  await expect(mapped.getByRole('combobox', { name: /^Count/ })).toHaveValue('2');
  await expect(mapped).toContainText('Every row is valid: 2 rows give 2 figures for 2 libraries or areas.');
  await expectAccessible(h, 'Import dialog mapping columns');
  await mapped.getByRole('button', { name: 'Add 2 figures' }).click();
  await expect(totals.getByRole('row', { name: /Loans/ })).toContainText('12,250');

  const path = join(folder, 'Kent.awbook');
  h.dialogs.saveAnswers.push(path);
  await h.page.keyboard.press('Control+S');
  await expect(h.page.getByRole('status')).toContainText('Saved “Kent.awbook”');
  const saved = JSON.parse(readFileSync(path, 'utf8')) as {
    workbook: { libraryData: { comparator: { kind: string; chosen: string[] }; figures: Array<{ library: string; value: number }> }; evidence: Array<{ libraryRef: string }> };
  };
  expect(saved.workbook.libraryData.comparator).toEqual({ kind: 'chosen', chosen: ['E10000012'] });
  expect(saved.workbook.libraryData.figures.map((f) => [f.library, f.value])).toEqual([
    ['Allington Library', 12_500],
    ['Ashford Library', 40_200],
    ['Allington Library', 5_000],
    ['Ashford Library', 7_250],
  ]);
  expect(saved.workbook.evidence.map((e) => e.libraryRef)).toContain('ace-libraries-activity-2023-24');
});

test('an authority with no published data is told so plainly', async ({ launch }) => {
  const h = await launch();
  await newWorkbook(h, 'E06000055');
  await expect(h.page.locator('.authority-card')).toContainText('E06000055');
  await step(h, /Data/);
  await expect(h.page.getByText(/Bedford reported no figures to the 2023\/24 libraries activity data/)).toBeVisible();
  await expect(h.page.getByText('No figures were reported, so there is no trend to show.')).toBeVisible();
  await expectAccessible(h, 'Data step with no published data');
});
