/**
 * Plans are read in a worker, off the window's thread: while a huge CSV is being read the page answers, the
 * officer can cancel, and nothing is added. The worker's script is held back by the test (a route that does not
 * answer until the read is cancelled), so "still reading" is a state the test controls rather than a race with
 * the clock. A sheet with too many rows, read for real in the worker, is refused with a plain message.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Route } from '@playwright/test';
import { expect, test } from './fixtures';
import type { Harness } from './harness';

async function toObjectives(h: Harness) {
  await h.page.getByRole('button', { name: 'New workbook' }).click();
  const box = h.page.getByRole('combobox', { name: /library authority/i });
  await box.fill('kent');
  await box.press('ArrowDown');
  await box.press('Enter');
  await h.page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: /Objectives/ }).click();
}

const folder = mkdtempSync(join(tmpdir(), 'awb-plan-import-'));
const FILE_INPUT = 'Plan file to import (Word, CSV, Excel or text)';

test('a huge CSV being read can be cancelled while the page stays responsive; nothing is added', async ({ launch }) => {
  // 9,000 rows of long cells: about 19 MB, under the 20 MB limit, so it is read rather than refused by size.
  const huge = join(folder, 'huge.csv');
  const row = `"Theme ${'x'.repeat(1000)}","Objective ${'y'.repeat(1000)}"\n`;
  writeFileSync(huge, `Theme,Objective\n${row.repeat(9_000)}`);

  const h = await launch();
  await toObjectives(h);
  const held: Route[] = [];
  await h.page.route('**/plan-reader.worker-*.js', (route) => void held.push(route));

  await h.page.getByLabel(FILE_INPUT).setInputFiles(huge);
  const status = h.page.getByRole('status').filter({ hasText: 'Reading “huge.csv”…' });
  await expect(status).toBeVisible();
  await expect.poll(() => held.length).toBe(1);

  // The page answers while the file is being read: script runs, and the keyboard and other controls work.
  expect(await h.page.evaluate(() => document.querySelectorAll('button').length)).toBeGreaterThan(0);
  await h.page.getByRole('button', { name: 'Paste a list…' }).focus();
  await h.page.keyboard.press('Tab');
  await expect(h.page.getByRole('button', { name: 'Paste a list…' })).not.toBeFocused();
  await expect(h.page.getByRole('button', { name: 'Import a file…' })).toBeDisabled();

  await h.page.getByRole('button', { name: 'Cancel reading' }).click();
  await expect(h.page.getByText('Reading “huge.csv” was cancelled. Nothing was added.')).toBeVisible();
  await expect(status).toHaveCount(0);
  await expect(h.page.getByRole('dialog')).toHaveCount(0);
  await expect(h.page.getByRole('tree', { name: 'Council objectives' }).getByRole('treeitem')).toHaveCount(0);
  await expect(h.page.getByRole('button', { name: 'Import a file…' })).toBeEnabled();
  for (const route of held) await route.abort().catch(() => undefined);
});

test('a sheet with too many rows is read in the worker and refused with a plain message', async ({ launch }) => {
  const tall = join(folder, 'tall.csv');
  writeFileSync(tall, `Theme,Objective\n${'Health,Reduce loneliness\n'.repeat(20_000)}`);
  const h = await launch();
  await toObjectives(h);
  await h.page.getByLabel(FILE_INPUT).setInputFiles(tall);
  await expect(h.page.getByRole('alert')).toContainText('“tall.csv” has 20,002 rows; the largest plan the app reads has 10,000.');
  await expect(h.page.getByRole('dialog')).toHaveCount(0);
});
