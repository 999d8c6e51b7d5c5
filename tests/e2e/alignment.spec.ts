import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, expectAccessible, test } from './fixtures';
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
  await expect(dialog.getByRole('heading', { name: 'Preview: 4 themes, 7 objectives' })).toBeVisible();
  // The plan's title line is not an objective: leave it out.
  await dialog.getByRole('checkbox', { name: /Our Council Plan 2026-2030/ }).uncheck();
  await expect(dialog.getByRole('heading', { name: 'Preview: 3 themes, 7 objectives' })).toBeVisible();
  await expect(dialog.getByRole('region')).toContainText('A healthier Essex');
  await shot(h, '01-paste-preview');
  await expectAccessible(h, 'Paste dialog with preview');
  await dialog.getByRole('button', { name: 'Add 3 themes, 7 objectives' }).click();

  const tree = h.page.getByRole('tree', { name: 'Council objectives' });
  await expect(tree.getByRole('treeitem')).toHaveCount(10);
  await shot(h, '02-objectives');
  await expectAccessible(h, 'Objectives step with a hierarchy');
});

test('services from the catalogue, then the map by keyboard', async ({ launch }) => {
  const h = await launch();
  await newWorkbook(h, 'essex');
  const nav = h.page.getByRole('navigation', { name: 'Steps' });
  await nav.getByRole('button', { name: /Objectives/ }).click();
  await h.page.getByRole('button', { name: 'Paste a list…' }).click();
  const paste = h.page.getByRole('dialog', { name: 'Paste objectives from a plan' });
  await paste.getByLabel('Paste the list from your plan').fill(PLAN);
  await paste.getByRole('checkbox', { name: /Our Council Plan 2026-2030/ }).uncheck();
  await paste.getByRole('button', { name: /^Add 3 themes/ }).click();

  await nav.getByRole('button', { name: /Services/ }).click();
  await h.page.getByRole('button', { name: 'Add from the catalogue…' }).click();
  const cat = h.page.getByRole('dialog', { name: 'Add services from the catalogue' });
  for (const name of ['Baby and toddler Rhymetimes', 'Reading Well books', 'Digital skills sessions', 'Business & IP Centres']) await cat.getByRole('checkbox', { name: new RegExp(name) }).check();
  await expectAccessible(h, 'Catalogue dialog');
  await cat.getByRole('button', { name: /^Add 4 services/ }).click();
  await expect(h.page.getByRole('navigation', { name: 'Services' }).getByRole('button')).toHaveCount(4);
  await shot(h, '03-services');
  await expectAccessible(h, 'Services step');

  await nav.getByRole('button', { name: /Map/ }).click();
  const grid = h.page.getByRole('grid', { name: /Contribution map/ });
  await expect(grid).toBeVisible();
  await shot(h, '04-map');
  await expectAccessible(h, 'Map step');
});
