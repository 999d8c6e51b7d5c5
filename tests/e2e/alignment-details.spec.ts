import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, expectAccessible, test } from './fixtures';
import type { Harness } from './harness';

async function newWorkbook(h: Harness, authority: string) {
  await h.page.getByRole('button', { name: 'New workbook' }).click();
  const box = h.page.getByRole('combobox', { name: /library authority/i });
  await box.fill(authority);
  await box.press('ArrowDown');
  await box.press('Enter');
}

const step = (h: Harness, name: RegExp) => h.page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name }).click();

test('objectives from a spreadsheet with column mapping, and from a Word plan', async ({ launch }) => {
  const folder = mkdtempSync(join(tmpdir(), 'awb-import-'));
  const csv = join(folder, 'plan.csv');
  writeFileSync(
    csv,
    'Priority,Commitment,Notes,Plan page\nHealthy lives,Reduce loneliness,Loneliness is rising,12\nHealthy lives,More people active,,12\nGood jobs,Skills for work,,14\n',
  );
  const docx = join(folder, 'plan.docx');
  execFileSync('/usr/bin/python3', [
    '-c',
    `import docx
d = docx.Document()
d.add_heading('Council Plan', 0)
d.add_heading('Thriving places', 1)
d.add_paragraph('Town centres people want to visit', style='List Bullet')
d.add_paragraph('Culture for everyone', style='List Bullet')
d.save(${JSON.stringify(docx)})`,
  ]);

  const h = await launch();
  await newWorkbook(h, 'leeds');
  await step(h, /Objectives/);
  await h.page.getByLabel('Plan file to import (Word, CSV, Excel or text)').setInputFiles(csv);
  const dialog = h.page.getByRole('dialog', { name: 'Import objectives from “plan.csv”' });
  // Headers were recognised: Priority → theme, Commitment → objective, Notes → description, Plan page → page.
  await expect(dialog.getByRole('combobox', { name: 'Theme', exact: true })).toHaveValue('0');
  await expect(dialog.getByRole('combobox', { name: 'Objective', exact: true })).toHaveValue('1');
  await expect(dialog.getByRole('heading', { name: 'Preview: 2 themes, 3 objectives' })).toBeVisible();
  await expectAccessible(h, 'Spreadsheet import with column mapping');
  // Map nothing to themes: a flat list of objectives.
  await dialog.getByRole('combobox', { name: 'Theme', exact: true }).selectOption('');
  await expect(dialog.getByRole('heading', { name: 'Preview: 3 objectives' })).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Theme', exact: true }).selectOption('0');
  await dialog.getByRole('button', { name: 'Add 2 themes, 3 objectives' }).click();
  const tree = h.page.getByRole('tree', { name: 'Council objectives' });
  await expect(tree.getByRole('treeitem')).toHaveCount(5);
  await tree.getByRole('treeitem', { name: /Reduce loneliness/ }).click();
  await expect(h.page.getByLabel('Description')).toHaveValue('Loneliness is rising');
  await expect(h.page.getByLabel('Page', { exact: true })).toHaveValue('12');

  await h.page.getByLabel('Plan file to import (Word, CSV, Excel or text)').setInputFiles(docx);
  const word = h.page.getByRole('dialog', { name: 'Import objectives from “plan.docx”' });
  await expect(word.getByRole('region')).toContainText('Thriving places');
  await word.getByRole('button', { name: 'Add 1 theme, 2 objectives' }).click();
  await expect(tree.getByRole('treeitem')).toHaveCount(8);

  // A file that is not a plan gets a plain message.
  writeFileSync(join(folder, 'old.doc'), 'not really');
  await h.page.getByLabel('Plan file to import (Word, CSV, Excel or text)').setInputFiles(join(folder, 'old.doc'));
  await expect(h.page.getByRole('alert')).toContainText('“old.doc” is not a kind of file objectives can be imported from');
});

test('themes library, KPIs from national indicators, merge and delete with undo', async ({ launch }) => {
  const h = await launch();
  await newWorkbook(h, 'manchester');
  await step(h, /Objectives/);
  await h.page.getByRole('button', { name: 'Start from common themes…' }).click();
  const lib = h.page.getByRole('dialog', { name: 'Start from common council themes' });
  await lib.getByRole('checkbox', { name: /^Health and wellbeing/ }).check();
  await lib.getByRole('checkbox', { name: /Help more people to be physically active/ }).check();
  await lib.getByRole('checkbox', { name: /Reduce the proportion of adults who report low wellbeing/ }).check();
  await expectAccessible(h, 'Theme library');
  await lib.getByRole('button', { name: 'Add 1 theme' }).click();
  const tree = h.page.getByRole('tree', { name: 'Council objectives' });
  await expect(tree.getByRole('treeitem')).toHaveCount(3);

  await tree.getByRole('treeitem', { name: /physically active/ }).click();
  await h.page.getByRole('button', { name: 'Add a national indicator…' }).click();
  const indicators = h.page.getByRole('dialog', { name: 'Add a national indicator' });
  await indicators.getByRole('button', { name: /Add Percentage of physically active adults/ }).click();
  await expect(h.page.getByRole('group', { name: /KPI 1: Percentage of physically active adults/ })).toBeVisible();
  await h.page.getByLabel('Baseline', { exact: true }).fill('64.2');
  await h.page.getByLabel('Baseline period').fill('2022/23');
  await expect(h.page.getByText('Covers 1 April 2022 to 31 March 2023.')).toBeVisible();
  // A target typed with its period, as plans print them; the period field was there from the start.
  await expect(h.page.getByLabel('Target period')).toHaveValue('');
  await h.page.getByLabel('Target', { exact: true }).fill('66.5 (2025/26)');
  await expect(h.page.getByLabel('Target period')).toHaveValue('2025/26');
  await h.page.getByLabel('Target', { exact: true }).blur();
  await expect(h.page.getByLabel('Target', { exact: true })).toHaveValue('66.5');

  // Merge the other objective into this one, then undo.
  await h.page.getByRole('button', { name: 'Merge…' }).click();
  const merge = h.page.getByRole('dialog', { name: /Merge into/ });
  await merge.getByRole('checkbox', { name: /low wellbeing/ }).check();
  await merge.getByRole('button', { name: 'Merge 1' }).click();
  await expect(tree.getByRole('treeitem')).toHaveCount(2);
  await h.page.keyboard.press('Control+z');
  await expect(tree.getByRole('treeitem')).toHaveCount(3);

  // Delete the theme (and what sits under it), then undo.
  await tree.getByRole('treeitem', { name: /Health and wellbeing/ }).click();
  await h.page.getByRole('button', { name: 'Delete', exact: true }).click();
  const confirm = h.page.getByRole('dialog', { name: /Delete “Health and wellbeing”/ });
  await expect(confirm).toContainText('This also deletes the 2 items beneath it');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(h.page.getByText('No objectives yet.')).toBeVisible();
  await h.page.keyboard.press('Control+z');
  await expect(tree.getByRole('treeitem')).toHaveCount(3);
  await expect(h.page.getByLabel('Baseline', { exact: true })).toHaveCount(0);
  await tree.getByRole('treeitem', { name: /physically active/ }).click();
  await expect(h.page.getByLabel('Baseline', { exact: true })).toHaveValue('64.2');

  // "Add objective" with an objective selected adds it beside that one, under the same theme, not at the end.
  await h.page.getByRole('button', { name: 'Add objective' }).click();
  await expect(tree.getByRole('treeitem')).toHaveCount(4);
  await expect(tree.getByRole('treeitem').nth(2)).toContainText('New objective');
  await expect(tree.getByRole('treeitem').nth(3)).toContainText('low wellbeing');
  await expect(tree.getByRole('treeitem').nth(2)).toHaveAttribute('aria-level', '2');
});

test('service details, evidence library, partners and find', async ({ launch }) => {
  const h = await launch();
  await newWorkbook(h, 'cornwall');
  await step(h, /Objectives/);
  await h.page.getByRole('button', { name: 'Add objective' }).click();
  await h.page.getByRole('textbox', { name: /^Title/ }).fill('Reduce health inequalities');

  await step(h, /Services/);
  await h.page.getByRole('button', { name: 'Add your own service' }).click();
  await h.page.getByRole('textbox', { name: /^Name/ }).fill('Cornish language storytimes');
  await h.page.getByLabel('Universal Library Offer').selectOption("Children's Promise");
  await h.page.getByRole('checkbox', { name: '2. Increased reading and literacy' }).check();
  await expect(h.page.getByRole('checkbox', { name: /^Bodmin Library/ })).toBeVisible();
  await h.page.getByRole('checkbox', { name: /^Bodmin Library/ }).check();
  await h.page.getByRole('button', { name: 'Add a figure' }).click();
  await h.page.getByRole('textbox', { name: /^What is counted/ }).fill('Children attending');
  await h.page.getByLabel('Value').fill('1,240');
  await h.page.getByLabel('Period', { exact: true }).fill('2024/25');
  await h.page.getByLabel('Annual cost').fill('18500');
  await expectAccessible(h, 'Service details');

  await step(h, /Evidence/);
  await h.page.getByRole('button', { name: 'Add from the evidence library…' }).click();
  const picker = h.page.getByRole('dialog', { name: 'Add from the evidence library' });
  await picker.getByLabel('Search evidence').fill('NHS');
  await picker.getByRole('button', { name: /^Attach “Health and wellbeing benefits of public libraries”/ }).click();
  await picker.getByRole('button', { name: 'Close' }).click();
  await expect(h.page.getByLabel('Headline figure')).toHaveValue('£27.5m a year to the NHS');
  await h.page.getByRole('button', { name: 'Add your own evidence' }).click();
  await h.page.getByRole('textbox', { name: /^Title/ }).fill('Storytime parent survey');
  await h.page.getByLabel('Quality').selectOption('anecdotal');
  await expectAccessible(h, 'Evidence step');

  await step(h, /Partners/);
  await h.page.getByRole('button', { name: 'Add a partner' }).click();
  await h.page.getByRole('textbox', { name: /^Name/ }).fill('Cornwall and Isles of Scilly ICB');
  await h.page.getByRole('button', { name: 'Add one of their objectives' }).click();
  await h.page.getByRole('textbox', { name: /^Objective/ }).fill('Tackle health inequalities through prevention');
  await h.page.getByRole('checkbox', { name: /Reduce health inequalities/ }).check();
  // The overlap: the partner's objective, the council objective it shares, and the services already there.
  const overlap = h.page.getByRole('region', { name: 'Where Cornwall and Isles of Scilly ICB and the council meet' });
  const row = overlap.getByRole('row', { name: /Tackle health inequalities through prevention/ });
  await expect(row.getByRole('cell').first()).toContainText('Reduce health inequalities');
  await expect(row.getByRole('cell').nth(1)).not.toBeEmpty();
  await expectAccessible(h, 'Partners step');

  // Find: Ctrl+F across objectives, services and evidence; choosing a result opens it.
  await h.page.keyboard.press('Control+f');
  const find = h.page.getByRole('dialog', { name: 'Find' });
  await find.getByLabel('Find in this workbook').fill('storytime');
  await expect(find.getByRole('region', { name: 'Services' })).toContainText('Cornish language storytimes');
  await expect(find.getByRole('region', { name: 'Evidence' })).toContainText('Storytime parent survey');
  await expectAccessible(h, 'Find dialog');
  await find.getByRole('button', { name: 'Cornish language storytimes' }).click();
  await expect(h.page.getByRole('heading', { level: 1, name: 'Library services' })).toBeVisible();
  await expect(h.page.getByRole('textbox', { name: /^Name/ })).toHaveValue('Cornish language storytimes');
});

test('themes and zoom: dark and high-contrast are accessible, and 200% zoom reflows', async ({ launch }) => {
  const h = await launch();
  await newWorkbook(h, 'norfolk');
  for (const theme of ['dark', 'high-contrast', 'light'] as const) {
    await h.page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
    await expectAccessible(h, `Authority step, ${theme} theme`);
  }
  // 200% zoom on a 1280-wide window is a 640-wide viewport: no sideways scrolling outside the map grid.
  await h.page.setViewportSize({ width: 640, height: 860 });
  for (const name of [/Authority/, /Objectives/, /Services/, /Review/]) {
    await step(h, name);
    const overflow = await h.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `sideways scroll at 200% on ${name}`).toBeLessThanOrEqual(0);
  }
});
