/**
 * The Progress step in the browser harness, on the shipped sample: the period's results and statuses, a result
 * typed by keyboard and undone, results imported from a CSV (a bad file refused naming its line and nothing
 * changed; a replacement needing confirmation), the action plan with an update, and axe on each state.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, expectAccessible, test } from './fixtures';
import type { Harness } from './harness';

const step = (h: Harness, name: RegExp) => h.page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name }).click();

test('results by period, an import with a bad row refused, the action plan updated', async ({ launch }) => {
  test.setTimeout(180_000);
  const folder = mkdtempSync(join(tmpdir(), 'awb-progress-'));
  const bad = join(folder, 'bad-results.csv');
  writeFileSync(bad, 'KPI,Period,Value\nEmployment rate,H2 2025/26,76.1\nLibrary cats,H2 2025/26,3\n');
  const good = join(folder, 'results.csv');
  writeFileSync(good, 'KPI,Period,Value,Note\n"Employment rate, aged 16 to 64",H2 2025/26,76.1,From the APS\nkpi_nsc_gld,H2 2025/26,68.2,Confirmed by schools\n');

  const h = await launch();
  await h.page.getByRole('button', { name: 'Open the sample workbook' }).click();
  await expect(h.page.getByRole('status')).toContainText('sample workbook for Northshire');
  await step(h, /Progress/);
  await expect(h.page.getByRole('heading', { level: 1, name: 'Progress' })).toBeVisible();
  await expect(h.page.getByLabel('Period', { exact: true })).toHaveValue('H2 2025/26');
  await expect(h.page.getByText('Of the 19 KPIs, 3 are on track, 3 are at risk, 2 are off track and 11 have no result for H2 2025/26 or no baseline.')).toBeVisible();

  const results = h.page.getByRole('table', { name: 'Results for H2 2025/26, one row for each KPI' });
  const satisfaction = results.getByRole('row', { name: /^Adults with low life satisfaction/ });
  await expect(satisfaction).toContainText('5.45 by the line');
  await expect(satisfaction).toContainText('On track');
  await expect(satisfaction).toContainText('Down 0.3 on H1 2025/26');
  await expect(h.page.getByText('Ask the ICB for Reading Well referral figures from primary care” is blocked')).toBeVisible();
  await expectAccessible(h, 'Progress step with the sample');

  // Keyboard: type a result for a KPI with none, Enter to the next KPI; the status follows; Ctrl+Z undoes it.
  const employment = h.page.getByLabel('Employment rate, aged 16 to 64: result for H2 2025/26');
  await employment.focus();
  await h.page.keyboard.type('77');
  await expect(results.getByRole('row', { name: /^Employment rate/ })).toContainText('On track');
  await h.page.keyboard.press('Enter');
  await expect(h.page.getByLabel('Business births as a share of active businesses: result for H2 2025/26')).toBeFocused();
  await h.page.keyboard.press('Control+z');
  await expect(employment).toHaveValue('');

  // A bad file: refused with its line named; nothing changes.
  await h.page.getByLabel('File of KPI results to import (CSV or Excel)').setInputFiles(bad);
  const refused = h.page.getByRole('dialog', { name: 'Import results from “bad-results.csv”' });
  await expect(refused).toContainText('Line 2, column “KPI”: “Employment rate” is not the name or id of a KPI in this workbook.');
  await expect(refused).toContainText('Line 3, column “KPI”: “Library cats” is not the name or id of a KPI in this workbook.');
  await expect(refused.getByRole('button', { name: 'Add results' })).toBeDisabled();
  await expectAccessible(h, 'Results import refused');
  await refused.getByRole('button', { name: 'Cancel' }).click();
  await expect(employment).toHaveValue('');

  // A good file: one new result, one replacing the sample's, which must be confirmed.
  await h.page.getByLabel('File of KPI results to import (CSV or Excel)').setInputFiles(good);
  const preview = h.page.getByRole('dialog', { name: 'Import results from “results.csv”' });
  await expect(preview.getByRole('row', { name: /^3 / })).toContainText('67.9 recorded before');
  const add = preview.getByRole('button', { name: 'Add 2 results' });
  await expect(add).toBeDisabled();
  await preview.getByLabel('Replace the result already recorded for the same KPI and period').check();
  await expectAccessible(h, 'Results import preview');
  await add.click();
  await expect(employment).toHaveValue('76.1');
  await expect(h.page.getByLabel('Children achieving a good level of development at the end of Reception: result for H2 2025/26')).toHaveValue('68.2');

  // The action plan: an update moves an action to done, and the chart of a KPI lists its figures.
  const plan = h.page.getByRole('region', { name: 'Action plan' });
  const item = plan.getByRole('listitem', { name: 'Open six homework clubs in the lowest-attaining wards' });
  await item.getByText('Add an update').click();
  await item.getByLabel('Update', { exact: true }).fill('All six clubs are open');
  await item.getByLabel('Status after the update', { exact: true }).selectOption({ label: 'Done' });
  await item.getByRole('button', { name: 'Add update' }).click();
  await expect(item.getByRole('combobox', { name: 'Status', exact: true })).toHaveValue('done');
  await expect(item.getByRole('list', { name: /^Updates to/ })).toContainText('All six clubs are open (done)');

  await h.page.getByText('Pupils meeting the expected standard in reading at Key Stage 2', { exact: true }).click();
  await expect(h.page.getByRole('img', { name: /^Bar chart of Pupils meeting the expected standard in reading at Key Stage 2 over time/ })).toBeVisible();
  await expect(h.page.getByRole('table', { name: 'Pupils meeting the expected standard in reading at Key Stage 2: the figures in the chart' })).toContainText('74.2');
  await expectAccessible(h, 'Progress step after the import and an update');
});
