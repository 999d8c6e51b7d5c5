/**
 * The browser mode's in-app file dialog (browser/page/file-dialog.js), in place of the operating system's:
 * saving into a folder chosen by keyboard, replacing a file only after asking, opening a workbook, cancelling with
 * Escape, and axe on each state. The node side answers only what the dialog showed (browser/in-app-dialogs.ts).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, expectAccessible, test } from './fixtures';

test('save and open a workbook through the in-app file dialog, by keyboard, with axe on each state', async ({
  launch,
}) => {
  const folder = mkdtempSync(join(tmpdir(), 'awb-dialog-'));
  mkdirSync(join(folder, 'Committee papers'));
  mkdirSync(join(folder, 'Archive'));
  const h = await launch({ inAppDialogsFolder: folder });
  const page = h.page;

  await page.getByRole('button', { name: 'New workbook' }).click();
  await page.getByLabel('Workbook title').fill('Dialog test');
  await page.keyboard.press('Control+S');

  const dialog = page.getByRole('dialog', { name: 'Save workbook' });
  await expect(dialog).toBeVisible();
  const list = dialog.getByRole('listbox', { name: `In ${folder}` });
  await expect(list.getByRole('option')).toHaveText(['Archive – folder', 'Committee papers – folder']);
  // Saving starts in the file name, with the suggested name selected.
  const name = dialog.getByLabel(/File name/);
  await expect(name).toBeFocused();
  await expect(name).toHaveValue('Dialog test.awbook');
  await expect(
    dialog.getByRole('navigation', { name: 'Places' }).getByRole('button', { name: 'Home' }),
  ).toBeVisible();
  await expectAccessible(h, 'the in-app save dialog');

  // Into "Committee papers" by keyboard: in the list, down one, Enter.
  await list.focus();
  await page.keyboard.press('ArrowDown');
  await expect(list.getByRole('option', { name: /Committee papers/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.keyboard.press('Enter');
  const inside = join(folder, 'Committee papers');
  await expect(dialog.getByRole('listbox', { name: `In ${inside}` })).toHaveCount(0);
  await expect(dialog.getByText('This folder has nothing to show here.')).toBeVisible();
  await expect(dialog.getByLabel('Folder')).toHaveValue(inside);
  await expectAccessible(h, 'the in-app save dialog on an empty folder');
  await name.fill('Mine');
  await name.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status')).toContainText('Saved “Mine.awbook”');
  const saved = join(inside, 'Mine.awbook');
  expect(JSON.parse(readFileSync(saved, 'utf8')).workbook.title).toBe('Dialog test');

  // Save as over the same file: the dialog asks before replacing it.
  await page.keyboard.press('Control+Shift+S');
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Folder').fill(inside);
  await dialog.getByLabel('Folder').press('Enter');
  await expect(dialog.getByRole('option', { name: 'Mine.awbook' })).toBeVisible();
  await name.fill('Mine.awbook');
  await dialog.getByRole('button', { name: 'Save' }).click();
  const confirm = page.getByRole('dialog', { name: 'Replace existing file?' });
  await expect(confirm).toContainText('“Mine.awbook” already exists. Replace it?');
  await expectAccessible(h, 'the replace question');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(dialog).toBeVisible();
  // Escape cancels the whole dialog, and nothing is saved.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // Close the workbook, then open it again through the dialog: up from the start folder is not needed, the
  // Committee papers folder is one Enter away, and the file another.
  await page.keyboard.press('Control+W');
  await expect(page.getByRole('heading', { name: 'Recent workbooks' })).toBeVisible();
  expect(existsSync(join(inside, '~$Mine.awbook.lock'))).toBe(false);
  await page.getByRole('button', { name: 'Open workbook…' }).click();
  const open = page.getByRole('dialog', { name: 'Open workbook' });
  await expect(open).toBeVisible();
  await expect(open.getByRole('listbox')).toBeFocused();
  await page.keyboard.press('c');
  await page.keyboard.press('Enter');
  await expect(open.getByRole('option', { name: /Mine\.awbook/ })).toHaveAttribute('aria-selected', 'true');
  await expectAccessible(h, 'the in-app open dialog');
  await page.keyboard.press('Enter');
  await expect(open).toHaveCount(0);
  await expect(page.getByLabel('Workbook title')).toHaveValue('Dialog test');
  expect(existsSync(join(inside, '~$Mine.awbook.lock'))).toBe(true);
});

test('the folder listing answers only while a dialog is open', async ({ launch }) => {
  const folder = mkdtempSync(join(tmpdir(), 'awb-dialog-'));
  const h = await launch({ inAppDialogsFolder: folder });
  const answer = await h.page.evaluate(
    (f) =>
      (window as unknown as { __workbenchListFolder(f: string): Promise<unknown> }).__workbenchListFolder(f),
    folder,
  );
  expect(answer).toEqual({ ok: false, message: 'No file dialog is open.' });
});

test('choose a folder through the in-app dialog: up a folder, a typed path, a missing one, then the folder it shows', async ({
  launch,
}) => {
  const folder = mkdtempSync(join(tmpdir(), 'awb-dialog-'));
  mkdirSync(join(folder, 'Templates'));
  mkdirSync(join(folder, 'Other'));
  const h = await launch({ inAppDialogsFolder: folder });
  const page = h.page;
  await page.getByRole('button', { name: 'Open the sample workbook' }).click();
  await page
    .getByRole('navigation', { name: 'Steps' })
    .getByRole('button', { name: /Documents/ })
    .click();
  await page.getByText(/^Your template folders/).click();

  await page.getByRole('button', { name: 'Add a template folder…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a template folder' });
  await expect(dialog.getByRole('listbox')).toBeFocused();
  await expect(dialog.getByRole('option')).toHaveText(['Other – folder', 'Templates – folder']);
  await expectAccessible(h, 'the in-app folder dialog');
  // "Up one folder" and back by typing the path.
  await dialog.getByRole('button', { name: 'Up one folder' }).click();
  await expect(dialog.getByLabel('Folder')).not.toHaveValue(folder);
  await dialog.getByLabel('Folder').fill(folder);
  await dialog.getByLabel('Folder').press('Enter');
  // A path that is not there says so, and leaves the dialog where it was.
  await dialog.getByLabel('Folder').fill(join(folder, 'Missing'));
  await dialog.getByRole('button', { name: 'Go' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    `The folder “${join(folder, 'Missing')}” cannot be shown: it does not exist.`,
  );
  await expect(dialog.getByRole('listbox', { name: `In ${folder}` })).toBeVisible();

  await dialog.getByRole('option', { name: /Templates/ }).click();
  await page.keyboard.press('End');
  await expect(dialog.getByRole('option', { name: /Templates/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('listbox')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Add folder' }).click();
  await expect(dialog).toHaveCount(0);
  await expect
    .poll(() => h.composition.settings.preferences().templateFolders)
    .toEqual([join(folder, 'Templates')]);
});
