import { mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, expectAccessible, test } from './fixtures';
import type { Harness } from './harness';

const tempFolder = () => mkdtempSync(join(tmpdir(), 'awb-e2e-'));

async function newWorkbookFor(h: Harness, authorityQuery: string, optionName: RegExp) {
  await h.page.getByRole('button', { name: 'New workbook' }).click();
  await expect(h.page.getByRole('heading', { level: 1, name: 'Authority and workbook' })).toBeVisible();
  const box = h.page.getByRole('combobox', { name: /library authority/i });
  await box.fill(authorityQuery);
  await expect(h.page.getByRole('option', { name: optionName })).toBeVisible();
  await box.press('ArrowDown');
  await box.press('Enter');
}

test('create a workbook, choose an authority, save, and reopen it identically', async ({ launch }) => {
  const h = await launch();
  await expectAccessible(h, 'Start screen');
  await newWorkbookFor(h, 'essex', /Essex/);
  const card = h.page.locator('.authority-card');
  await expect(card).toContainText('Essex');
  await expect(card).toContainText('E10000012');
  await expect(card).toContainText('County council');

  const title = h.page.getByLabel('Workbook title');
  await title.fill('Essex libraries and Everyone’s Essex');
  await h.page.getByLabel('Author', { exact: true }).fill('Jo Bloggs, Head of Libraries');
  await expect(h.page).toHaveTitle(/^\*Untitled workbook|^\*Essex libraries/);
  await expectAccessible(h, 'Authority step');

  // An empty title is refused in place, not saved.
  await title.fill('');
  await expect(h.page.getByText('Enter a title for the workbook')).toBeVisible();
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(h, 'Authority step with an error');
  await title.fill('Essex libraries and Everyone’s Essex');

  const folder = tempFolder();
  const path = join(folder, 'Essex alignment.awbook');
  h.dialogs.saveAnswers.push(path);
  await h.page.keyboard.press('Control+S');
  await expect(h.page.getByRole('status')).toContainText('Saved “Essex alignment.awbook”');
  await expect(h.page).toHaveTitle('Essex alignment.awbook – Authority – Alignment Workbench');
  expect(h.window.dirty).toBe(false);
  expect(h.dialogs.asked).toEqual(['save:Essex libraries and Everyone’s Essex.awbook']);

  const saved = JSON.parse(readFileSync(path, 'utf8'));
  expect(saved.format).toBe('alignment-workbench');
  expect(saved.workbook.authority).toEqual({ gss: 'E10000012', name: 'Essex', type: 'County council', region: 'East of England', population: null });
  expect(saved.workbook.title).toBe('Essex libraries and Everyone’s Essex');
  expect(saved.workbook.author).toBe('Jo Bloggs, Head of Libraries');
  expect(existsSync(join(folder, '~$Essex alignment.awbook.lock'))).toBe(true);

  // Close the workbook (releases the lock), then reopen it in a fresh app from the recent list.
  await h.page.keyboard.press('Control+W');
  await expect(h.page.getByRole('heading', { name: 'Recent workbooks' })).toBeVisible();
  expect(existsSync(join(folder, '~$Essex alignment.awbook.lock'))).toBe(false);

  const again = await launch({ dataFolder: h.dataFolder });
  await again.page.getByRole('button', { name: 'Essex libraries and Everyone’s Essex', exact: true }).click();
  await expect(again.page.locator('.authority-card')).toContainText('E10000012');
  await expect(again.page.getByLabel('Workbook title')).toHaveValue('Essex libraries and Everyone’s Essex');
  await expect(again.page.getByLabel('Author', { exact: true })).toHaveValue('Jo Bloggs, Head of Libraries');

  // Saving again without changes writes the same workbook: reopening is lossless.
  again.dialogs.saveAnswers.push(join(folder, 'copy.awbook'));
  await again.page.keyboard.press('Control+Shift+S');
  await expect(again.page.getByRole('status')).toContainText('Saved “copy.awbook”');
  const copy = JSON.parse(readFileSync(join(folder, 'copy.awbook'), 'utf8'));
  expect({ ...copy.workbook, modified: '' }).toEqual({ ...saved.workbook, modified: '' });
});

test('undo and redo every edit with the keyboard, with the unsaved marker following', async ({ launch }) => {
  const h = await launch();
  await newWorkbookFor(h, 'E08000025', /Birmingham/);
  await expect(h.page.locator('.authority-card')).toContainText('Birmingham');
  await expect(h.page).toHaveTitle(/^\*Untitled workbook – Authority/);

  const box = h.page.getByRole('combobox', { name: /library authority/i });
  await box.fill('leeds');
  await box.press('ArrowDown');
  await box.press('Enter');
  await expect(h.page.locator('.authority-card')).toContainText('Leeds');

  await h.page.locator('body').click();
  await h.page.keyboard.press('Control+Z');
  await expect(h.page.locator('.authority-card')).toContainText('Birmingham');
  await expect(h.page.getByRole('status')).toContainText('Undone: Choose Leeds.');
  await h.page.keyboard.press('Control+Z');
  await expect(h.page.getByText('No authority chosen yet.')).toBeVisible();
  // Back to the state it was created in: no unsaved marker.
  await expect(h.page).toHaveTitle('Untitled workbook – Authority – Alignment Workbench');
  await h.page.keyboard.press('Control+Y');
  await expect(h.page.locator('.authority-card')).toContainText('Birmingham');
  await h.page.keyboard.press('Control+Shift+Z');
  await expect(h.page.locator('.authority-card')).toContainText('Leeds');
  await expect(h.page).toHaveTitle(/^\*Untitled workbook/);

  // Typing a title is one undo step, not one per letter.
  const title = h.page.getByLabel('Workbook title');
  await title.fill('');
  await title.pressSequentially('Leeds plan');
  await h.page.keyboard.press('Control+Z');
  await expect(title).toHaveValue('Untitled workbook');
});

test('recovers unsaved work after a crash, and a save removes the recovery copy', async ({ launch }) => {
  const h = await launch();
  await h.page.getByRole('button', { name: 'Preferences…' }).click();
  const interval = h.page.getByLabel(/recovery copy of unsaved work/);
  await interval.fill('2');
  await interval.blur();
  await expect(h.page.getByRole('status')).toContainText('Preferences saved.');
  await expectAccessible(h, 'Preferences dialog');
  await h.page.getByRole('button', { name: 'Close' }).click();

  await newWorkbookFor(h, 'cornwall', /Cornwall/);
  await h.page.getByLabel('Workbook title').fill('Never saved Cornwall work');
  const recovery = join(h.dataFolder, 'recovery');
  await expect.poll(() => (existsSync(recovery) ? readdirSync(recovery).length : 0), { timeout: 10_000 }).toBe(1);
  // The app "crashes": the page goes away without saving or discarding.
  await h.page.close();

  const next = await launch({ dataFolder: h.dataFolder });
  await expect(next.page.getByRole('heading', { name: 'Recovered work' })).toBeVisible();
  await expectAccessible(next, 'Start screen with recovered work');
  await next.page.getByRole('button', { name: 'Restore “Never saved Cornwall work”' }).click();
  await expect(next.page.locator('.authority-card')).toContainText('Cornwall');
  await expect(next.page.getByLabel('Workbook title')).toHaveValue('Never saved Cornwall work');
  await expect(next.page).toHaveTitle(/^\*Never saved Cornwall work/);

  const path = join(tempFolder(), 'cornwall.awbook');
  next.dialogs.saveAnswers.push(path);
  await next.page.keyboard.press('Control+S');
  await expect(next.page.getByRole('status')).toContainText('Saved “cornwall.awbook”');
  expect(readdirSync(recovery)).toEqual([]);
  expect(JSON.parse(readFileSync(path, 'utf8')).workbook.title).toBe('Never saved Cornwall work');
});

test('a workbook someone else has open says who, and can be opened read-only', async ({ launch }) => {
  const folder = tempFolder();
  const path = join(folder, 'shared.awbook');
  const alice = await launch({ user: 'alice', machine: 'LIB-LAPTOP-01' });
  await newWorkbookFor(alice, 'kent', /Kent/);
  alice.dialogs.saveAnswers.push(path);
  await alice.page.keyboard.press('Control+S');
  await expect(alice.page.getByRole('status')).toContainText('Saved');

  const bob = await launch({ user: 'bob', machine: 'STRATEGY-PC-7' });
  bob.dialogs.openAnswers.push(path);
  await bob.page.getByRole('button', { name: 'Open workbook…' }).click();
  const dialog = bob.page.getByRole('dialog', { name: 'This workbook is in use' });
  await expect(dialog).toContainText('open by alice on LIB-LAPTOP-01');
  await expectAccessible(bob, 'Workbook in use dialog');
  await dialog.getByRole('button', { name: 'Open read-only' }).click();
  await expect(bob.page.locator('.app-header')).toContainText('read-only');
  await expect(bob.page.locator('.authority-card')).toContainText('Kent');

  // Saving a read-only workbook asks for a new file and leaves Alice's alone.
  const before = readFileSync(path, 'utf8');
  await bob.page.getByLabel('Workbook title').fill('Bob’s copy');
  bob.dialogs.saveAnswers.push(join(folder, 'bob.awbook'));
  await bob.page.keyboard.press('Control+S');
  await expect(bob.page.getByRole('status')).toContainText('Saved “bob.awbook”');
  expect(readFileSync(path, 'utf8')).toBe(before);
});

test('asks before overwriting a file that changed on disk', async ({ launch }) => {
  const path = join(tempFolder(), 'changing.awbook');
  const h = await launch();
  await newWorkbookFor(h, 'devon', /Devon/);
  h.dialogs.saveAnswers.push(path);
  await h.page.keyboard.press('Control+S');
  await expect(h.page.getByRole('status')).toContainText('Saved');

  const onDisk = JSON.parse(readFileSync(path, 'utf8'));
  onDisk.workbook.notes = 'Edited by a colleague';
  writeFileSync(path, JSON.stringify(onDisk, null, 2));

  await h.page.getByLabel('Workbook title').fill('My edit');
  await h.page.keyboard.press('Control+S');
  const dialog = h.page.getByRole('dialog', { name: 'The file has changed' });
  await expect(dialog).toBeVisible();
  await expectAccessible(h, 'Changed on disk dialog');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(JSON.parse(readFileSync(path, 'utf8')).workbook.notes).toBe('Edited by a colleague');

  await h.page.keyboard.press('Control+S');
  await h.page.getByRole('dialog', { name: 'The file has changed' }).getByRole('button', { name: 'Overwrite' }).click();
  await expect(h.page.getByRole('status')).toContainText('Saved');
  // The status has said "Saved" since the first save, so wait for this save itself: the unsaved marker goes and
  // the file on disk has the edit.
  await expect(h.page).toHaveTitle(/^changing\.awbook – /);
  await expect.poll(() => JSON.parse(readFileSync(path, 'utf8')).workbook.title).toBe('My edit');
});

test('a damaged file gives a plain message and leaves the open workbook alone', async ({ launch }) => {
  const bad = join(tempFolder(), 'broken.awbook');
  writeFileSync(bad, '{"format":"alignment-workbench","version":1,\n"workbook": {"title": }}');
  const h = await launch();
  await newWorkbookFor(h, 'york', /^York/);
  h.dialogs.openAnswers.push(bad);
  await h.page.keyboard.press('Control+O');
  // Unsaved changes are asked about first.
  await h.page.getByRole('dialog', { name: 'Save your changes?' }).getByRole('button', { name: "Don't save" }).click();
  await expect(h.page.getByRole('alert')).toContainText('“broken.awbook”: The file is damaged or not a workbook: it is not valid JSON at line 2, column 23 (a value was expected)');
  await expect(h.page.locator('.authority-card')).toContainText('York');
  await expectAccessible(h, 'Error message');
  expect(readFileSync(bad, 'utf8')).toContain('"title": }');
});

test('closing the window with unsaved changes asks first', async ({ launch }) => {
  const h = await launch();
  await newWorkbookFor(h, 'bristol', /Bristol/);
  expect(h.window.dirty).toBe(true);
  await h.emit('closeRequested', {});
  const dialog = h.page.getByRole('dialog', { name: 'Save your changes?' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(h.window.closed).toBe(false);
  await h.emit('closeRequested', {});
  await dialog.getByRole('button', { name: "Don't save" }).click();
  await expect.poll(() => h.window.closed).toBe(true);
});

test('menu commands and operating-system open requests reach the renderer', async ({ launch }) => {
  const path = join(tempFolder(), 'from-os.awbook');
  const first = await launch();
  await newWorkbookFor(first, 'norfolk', /Norfolk/);
  first.dialogs.saveAnswers.push(path);
  await first.emit('menuCommand', { command: 'save' });
  await expect(first.page.getByRole('status')).toContainText('Saved');
  await first.emit('menuCommand', { command: 'close' });

  const h = await launch();
  await h.emit('openFile', { file: h.composition.fileHandles.issue(path), path });
  await expect(h.page.locator('.authority-card')).toContainText('Norfolk');
  await h.emit('menuCommand', { command: 'about' });
  const about = h.page.getByRole('dialog', { name: 'About Alignment Workbench' });
  await expect(about).toContainText('Libraries Hacked');
  await expectAccessible(h, 'About dialog');
  await about.getByRole('button', { name: 'https://github.com/LibrariesHacked/librarydata-db' }).first().click();
  expect(h.externalOpened).toContain('https://github.com/LibrariesHacked/librarydata-db');
});
