import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, expectAccessible, test } from './fixtures';
import type { Locator, Page } from '@playwright/test';
import type { Harness } from './harness';

const artefacts = join(import.meta.dirname, '..', 'artifacts', 'alignment');
mkdirSync(artefacts, { recursive: true });
const shot = (h: Harness, name: string) => h.page.screenshot({ path: join(artefacts, `${name}.png`), fullPage: true });

const PLAN = `Our Council Plan 2026-2030

1. A healthier Essex
1.1 Improve residents' mental wellbeing and reduce loneliness
1.2 Help more people to be physically active
2. Children and young people
2.1 Every child ready for school
2.2 Improve reading at the end of primary school
3. A strong, inclusive economy
3.1 More residents in good jobs
3.2 Help people gain digital skills
3.3 Support new and small businesses`;

async function newWorkbook(h: Harness, authority: string) {
  await h.page.getByRole('button', { name: 'New workbook' }).click();
  const box = h.page.getByRole('combobox', { name: /library authority/i });
  await box.fill(authority);
  await box.press('ArrowDown');
  await box.press('Enter');
}

test('objectives: paste a plan, preview, accept, edit the hierarchy with the keyboard, undo', async ({ launch }) => {
  const h = await launch();
  await newWorkbook(h, 'essex');
  await h.page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: /Objectives/ }).click();
  await expect(h.page.getByRole('heading', { level: 1, name: 'Council objectives' })).toBeVisible();
  await expectAccessible(h, 'Objectives step (empty)');

  await h.page.getByRole('button', { name: 'Paste a list…' }).click();
  const dialog = h.page.getByRole('dialog', { name: 'Paste objectives from a plan' });
  await dialog.getByLabel('Paste the list from your plan').fill(PLAN);
  // The plan's title line is listed, left out; every other line is kept.
  await expect(dialog.getByRole('heading', { name: 'Preview: 3 themes, 7 objectives (11 lines read, 10 kept, 1 left out)' })).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Role of line 1', exact: true })).toHaveValue('omitted');
  // Every line's role can be changed before anything is added: by pointer, and by keyboard in its list.
  await dialog.getByRole('button', { name: 'Demote line 12', exact: true }).click();
  await expect(dialog.getByRole('heading', { name: 'Preview: 3 themes, 6 objectives, 1 outcome' })).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Role of line 12', exact: true }).press('Alt+ArrowLeft');
  await expect(dialog.getByRole('combobox', { name: 'Role of line 12', exact: true })).toHaveValue('objective');
  await dialog.getByRole('combobox', { name: 'Role of line 11', exact: true }).selectOption('description');
  await expect(dialog.getByRole('heading', { name: 'Preview: 3 themes, 6 objectives (11 lines read, 10 kept (1 as descriptions), 1 left out)' })).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Role of line 11', exact: true }).selectOption('objective');
  await expect(dialog.getByRole('heading', { name: 'Preview: 3 themes, 7 objectives' })).toBeVisible();
  await expect(dialog.getByRole('region')).toContainText('A healthier Essex');
  await shot(h, '01-paste-preview');
  await expectAccessible(h, 'Paste dialog with preview');
  await dialog.getByRole('button', { name: 'Add 3 themes, 7 objectives' }).click();

  const tree = h.page.getByRole('tree', { name: 'Council objectives' });
  await expect(tree.getByRole('treeitem')).toHaveCount(10);
  await shot(h, '02-objectives');

  // Drag "Help more people to be physically active" above "Improve residents' mental wellbeing" by its handle.
  const items = tree.getByRole('treeitem');
  await expect(items.nth(1)).toContainText('Improve residents');
  const handle = items.nth(2).locator('.drag-handle');
  const target = await items.nth(1).boundingBox();
  const start = await handle.boundingBox();
  await h.page.mouse.move(start!.x + start!.width / 2, start!.y + start!.height / 2);
  await h.page.mouse.down();
  await h.page.mouse.move(start!.x + 2, start!.y - 10, { steps: 4 });
  await h.page.mouse.move(start!.x + 2, target!.y + target!.height / 2, { steps: 8 });
  await h.page.mouse.up();
  await expect(items.nth(1)).toContainText('Help more people to be physically active');
  await expect(h.page.locator('.notice-status')).toContainText('Move objective.');
  await h.page.keyboard.press('Control+z');
  await expect(items.nth(1)).toContainText('Improve residents');
  await expectAccessible(h, 'Objectives step with a hierarchy');
});


/** Presses Tab (or Shift+Tab) until the element has focus: proves it is reachable by keyboard alone. */
async function tabTo(page: Page, target: Locator, options: { back?: boolean; max?: number } = {}) {
  const handle = await target.elementHandle();
  if (!handle) throw new Error('tabTo: target not found');
  for (let i = 0; i < (options.max ?? 120); i++) {
    if (await handle.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))) return;
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`tabTo: could not reach ${target} by keyboard`);
}

async function cellLabels(page: Page): Promise<string[]> {
  const grid = page.getByRole('grid', { name: /Contribution map/ });
  return grid.locator('[role="gridcell"][data-row]').evaluateAll((cells) =>
    cells.map((c) => `${c.getAttribute('data-row')},${c.getAttribute('data-col')}: ${c.querySelector('.visually-hidden')?.textContent}`),
  );
}

test('keyboard only: from an empty workbook to a reviewed map, saved and reopened identically', async ({ launch }) => {
  // Some hundreds of single key presses, each checked: on a loaded two-core machine this outruns one minute.
  test.slow();
  const h = await launch();
  const { page } = h;
  const key = (k: string) => page.keyboard.press(k);
  const nav = page.getByRole('navigation', { name: 'Steps' });

  await tabTo(page, page.getByRole('button', { name: 'New workbook' }));
  await key('Enter');
  await tabTo(page, page.getByRole('combobox', { name: /library authority/i }));
  await page.keyboard.type('Kent');
  await key('ArrowDown');
  await key('Enter');
  await expect(page.locator('.authority-card')).toContainText('E10000016');
  await shot(h, '10-authority');

  await tabTo(page, nav.getByRole('button', { name: /Objectives/ }), { back: true });
  await key('Enter');
  await tabTo(page, page.getByRole('button', { name: 'Paste a list…' }));
  await key('Enter');
  const paste = page.getByRole('dialog', { name: 'Paste objectives from a plan' });
  await expect(paste.getByLabel('Paste the list from your plan')).toBeFocused();
  await page.keyboard.insertText(PLAN);
  await tabTo(page, paste.getByRole('button', { name: 'Add 3 themes, 7 objectives' }));
  await key('Enter');
  const tree = page.getByRole('tree', { name: 'Council objectives' });
  await expect(tree.getByRole('treeitem')).toHaveCount(10);

  // Reorder with the keyboard, then undo it.
  await tabTo(page, tree.getByRole('treeitem').first());
  await key('ArrowDown');
  await expect(tree.getByRole('treeitem').nth(1)).toBeFocused();
  await key('Alt+ArrowDown');
  await expect(tree.getByRole('treeitem').nth(2)).toContainText('Improve residents');
  await key('Control+z');
  await expect(tree.getByRole('treeitem').nth(1)).toContainText('Improve residents');
  await shot(h, '11-objectives');

  await tabTo(page, nav.getByRole('button', { name: /Services/ }), { back: true });
  await key('Enter');
  await tabTo(page, page.getByRole('button', { name: 'Add from the catalogue…' }));
  await key('Enter');
  const cat = page.getByRole('dialog', { name: 'Add services from the catalogue' });
  for (const name of ['Reading Well books', 'Digital skills sessions', 'Business & IP Centres', 'Baby and toddler Rhymetimes', 'Summer Reading Challenge']) {
    await tabTo(page, cat.getByRole('checkbox', { name: new RegExp(`^${name}`) }));
    await key('Space');
  }
  await tabTo(page, cat.getByRole('button', { name: 'Add 5 services' }));
  await key('Enter');
  await expect(page.getByRole('navigation', { name: 'Services' }).getByRole('button')).toHaveCount(5);
  await shot(h, '12-services');

  await tabTo(page, nav.getByRole('button', { name: /Map/ }), { back: true });
  await key('Enter');
  const grid = page.getByRole('grid', { name: /Contribution map/ });
  await tabTo(page, grid.locator('[role="gridcell"][tabindex="0"]'));
  // Row 0 is Digital skills (Information and Digital sorts first), column 0 is 1.1 wellbeing and loneliness.
  await key('3');
  await expect(grid.locator('[data-row="0"][data-col="0"]')).toHaveAccessibleName(/: strong \(3\)/);
  await key('ArrowRight');
  await key('2');
  await key('ArrowDown');
  await key('1');
  await key('End');
  await key('3');
  await key('Control+Home');
  await expect(grid.locator('[data-row="0"][data-col="0"]')).toBeFocused();
  // Open the details, write a rationale and attach evidence, all from the keyboard.
  await key('Enter');
  const details = page.getByRole('complementary', { name: /→/ });
  await expect(details).toBeVisible();
  await tabTo(page, details.getByLabel('Rationale'));
  await page.keyboard.type('Digital skills sessions bring isolated residents together and build confidence.');
  await tabTo(page, details.getByRole('button', { name: 'Attach evidence…' }));
  await key('Enter');
  const picker = page.getByRole('dialog', { name: 'Attach evidence to this link' });
  await expect(picker.getByLabel('Search evidence')).toBeFocused();
  await page.keyboard.type('Summer Reading Challenge 2023');
  await tabTo(page, picker.getByRole('button', { name: /^Attach “Summer Reading Challenge 2023 reach”/ }));
  await key('Enter');
  await key('Escape');
  await expect(details.getByRole('region', { name: 'Evidence for this link' })).toContainText('Summer Reading Challenge 2023 reach');
  await expectAccessible(h, 'Map with details');
  await shot(h, '13-map');
  const before = await cellLabels(page);
  expect(before.filter((l) => /: (strong|medium|weak) /.test(l))).toHaveLength(4);

  await tabTo(page, nav.getByRole('button', { name: /Review/ }), { back: true });
  await key('Enter');
  await expect(page.getByRole('heading', { name: 'Gaps: opportunities' })).toBeVisible();
  await expect(page.locator('.summary-paragraph')).toContainText('Of Kent library service’s 5 services, 2 contribute to 3 of the council’s 7 objectives');
  await expectAccessible(h, 'Review step');
  await shot(h, '14-review');

  const folder = mkdtempSync(join(tmpdir(), 'awb-kbd-'));
  h.dialogs.saveAnswers.push(join(folder, 'Kent.awbook'));
  await key('Control+s');
  await expect(page.getByRole('status')).toContainText('Saved “Kent.awbook”');
  const saved = JSON.parse(readFileSync(join(folder, 'Kent.awbook'), 'utf8'));
  expect(saved.workbook.alignments).toHaveLength(4);

  // Reopen in a fresh app: the map is identical.
  await key('Control+w');
  const again = await launch({ dataFolder: h.dataFolder });
  again.dialogs.openAnswers.push(join(folder, 'Kent.awbook'));
  await again.page.keyboard.press('Control+o');
  await again.page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: /Map/ }).click();
  await expect(again.page.getByRole('grid', { name: /Contribution map/ })).toBeVisible();
  expect(await cellLabels(again.page)).toEqual(before);
});

test('the map: copy a block to a spreadsheet and paste it back; filters; accept and dismiss suggestions', async ({ launch, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const h = await launch();
  const { page } = h;
  await newWorkbook(h, 'essex');
  const nav = page.getByRole('navigation', { name: 'Steps' });
  await nav.getByRole('button', { name: /Objectives/ }).click();
  await page.getByRole('button', { name: 'Paste a list…' }).click();
  await page.getByLabel('Paste the list from your plan').fill(PLAN);
  await page.getByRole('button', { name: 'Add 3 themes, 7 objectives' }).click();
  await nav.getByRole('button', { name: /Services/ }).click();
  await page.getByRole('button', { name: 'Add from the catalogue…' }).click();
  for (const name of ['Digital skills sessions', 'Business & IP Centres', 'Reading Well books']) await page.getByRole('checkbox', { name: new RegExp(`^${name}`) }).check();
  await page.getByRole('button', { name: 'Add 3 services' }).click();
  await nav.getByRole('button', { name: /Map/ }).click();
  const grid = page.getByRole('grid', { name: /Contribution map/ });

  // Paste a 2 × 3 block from a spreadsheet at the first cell.
  await grid.locator('[data-row="0"][data-col="0"]').click();
  await page.evaluate(() => navigator.clipboard.writeText('3\tstrong\t1\nnone\t2\t-'));
  await page.keyboard.press('Control+v');
  await expect(page.getByRole('status')).toContainText('Pasted 6 cells');
  await expect(grid.locator('[data-row="0"][data-col="1"]')).toHaveAccessibleName(/: strong/);
  await expect(grid.locator('[data-row="1"][data-col="0"]')).toHaveAccessibleName(/: none \(0\)/);
  await expect(grid.locator('[data-row="1"][data-col="2"]')).toHaveAccessibleName(/: not assessed/);

  // Copy the block (Shift+arrows) as a spreadsheet would receive it.
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Control+c');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.split('\n')[1]).toMatch(/\t3\t3$/);
  expect(copied.split('\n')[0]).toMatch(/^Service\t1\.1 /);

  // A bad paste changes nothing and says where.
  await page.evaluate(() => navigator.clipboard.writeText('3\tmaybe'));
  await page.keyboard.press('Control+v');
  await expect(page.getByRole('alert')).toContainText('column 2');

  // Undo the paste in one step.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+z');
  await expect(grid.locator('[data-row="0"][data-col="1"]')).toHaveAccessibleName(/: not assessed/);

  // Filters narrow rows and columns.
  await page.getByLabel('Offer').selectOption('Health and Wellbeing');
  await expect(page.getByText('1 services × 7 objectives')).toBeVisible();
  await page.getByLabel('Council theme').selectOption({ label: 'A strong, inclusive economy' });
  await expect(page.getByText('1 services × 3 objectives')).toBeVisible();
  await page.getByLabel('Offer').selectOption('');
  await page.getByLabel('Council theme').selectOption('');

  // Digital skills is suggested for "Help people gain digital skills"; accept it with A.
  const suggested = grid.locator('[role="gridcell"]', { hasText: 'not assessed; suggested medium' }).first();
  await suggested.click();
  await page.keyboard.press('a');
  await expect(page.getByRole('status')).toContainText('Accepted the suggestion');
  await expectAccessible(h, 'Map after edits');
});
