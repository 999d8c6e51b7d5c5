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
  await expect(dialog.getByRole('heading', { name: /Preview: 1 theme, 3 objectives|Preview:/ })).toBeVisible();
  await expect(dialog.getByRole('region')).toContainText('A healthier Essex');
  await shot(h, '01-paste-preview');
  await expectAccessible(h, 'Paste dialog with preview');
  await expect(dialog.getByRole('button', { name: /^Add 4 themes, 7 objectives/ })).toBeVisible();
  await dialog.getByRole('button', { name: /^Add 4 themes, 7 objectives/ }).click();

  const tree = h.page.getByRole('tree', { name: 'Council objectives' });
  await expect(tree.getByRole('treeitem')).toHaveCount(11);
  await shot(h, '02-objectives');
  await expectAccessible(h, 'Objectives step with a hierarchy');
});
