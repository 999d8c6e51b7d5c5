/**
 * The node side of the in-app file dialog checks what the page answers: the folder must be one the dialog showed
 * while it was open, a file to open must exist, a name must be a plain file name, and a saved file gets its
 * extension. A page that answers with a path of its own choosing gets nothing.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BindingSource } from '../../browser/binding';
import {
  inAppDialogs,
  validFileName,
  type DialogAnswer,
  type InAppDialogs,
} from '../../browser/in-app-dialogs';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'awb-in-app-'));
  mkdirSync(join(dir, 'Shown'));
  writeFileSync(join(dir, 'Shown', 'Plan.awbook'), '{}');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A stand-in for the app window: when asked to show a dialog it lists the given folders through the binding, as
 * the page script does while the officer moves around, then answers.
 */
function fakeWindow(listed: string[], answer: DialogAnswer) {
  let dialogs: InAppDialogs | null = null;
  const frame = {};
  const page = {
    isClosed: () => false,
    mainFrame: () => frame,
    evaluate: async () => {
      for (const folder of listed) await dialogs!.listFolderBinding(source, folder);
      return answer;
    },
  } as unknown as Page;
  const source = { page, frame } as unknown as BindingSource;
  dialogs = inAppDialogs({ page: () => page, defaultFolder: () => dir, isAppWindow: (p) => p === page });
  return dialogs.port;
}

describe('answers from the in-app file dialog', () => {
  it('are taken when they name a folder the dialog showed', async () => {
    const shown = join(dir, 'Shown');
    expect(
      await fakeWindow([dir, shown], { folder: shown, name: 'Plan.awbook' }).chooseWorkbookToOpen(),
    ).toBe(join(shown, 'Plan.awbook'));
    expect(await fakeWindow([shown], { folder: shown, name: 'Mine' }).chooseSaveLocation('x.awbook')).toBe(
      join(shown, 'Mine.awbook'),
    );
    expect(
      await fakeWindow([shown], { folder: shown, name: 'Report.docx' }).chooseDocumentDestination('r.docx', [
        'docx',
        'pdf',
      ]),
    ).toBe(join(shown, 'Report.docx'));
    expect(await fakeWindow([dir], { folder: dir, name: 'Shown' }).chooseOutputFolder('Kit')).toBe(shown);
    expect(await fakeWindow([dir], { folder: dir }).chooseTemplateFolder()).toBe(dir);
    expect(await fakeWindow([dir], null).chooseTemplateFolder()).toBeNull();
  });

  it('are refused when they name a folder the dialog never showed, or a name that leaves the folder', async () => {
    const shown = join(dir, 'Shown');
    expect(await fakeWindow([dir], { folder: '/etc', name: 'passwd' }).chooseWorkbookToOpen()).toBeNull();
    expect(await fakeWindow([], { folder: shown }).chooseTemplateFolder()).toBeNull();
    expect(
      await fakeWindow([dir], { folder: dir, name: '../escape' }).chooseSaveLocation('x.awbook'),
    ).toBeNull();
    expect(
      await fakeWindow([dir], { folder: dir, name: 'Shown/Plan.awbook' }).chooseWorkbookToOpen(),
    ).toBeNull();
    expect(
      await fakeWindow([shown], { folder: shown, name: 'Missing.awbook' }).chooseWorkbookToOpen(),
    ).toBeNull();
    expect(await fakeWindow([dir], { folder: dir, name: 'Shown' }).chooseWorkbookToOpen()).toBeNull();
    expect(
      await fakeWindow(['relative/path'], { folder: 'relative/path' }).chooseTemplateFolder(),
    ).toBeNull();
    expect(await fakeWindow([dir], true).chooseSaveLocation('x.awbook')).toBeNull();
  });

  it('take plain file names only', () => {
    for (const good of ['Plan.awbook', 'Plan 2026–27.awbook', 'Ideas (draft)'])
      expect(validFileName(good), good).toBe(true);
    for (const bad of [
      '',
      '.',
      '..',
      'a/b',
      'a\\b',
      'con:',
      'what?',
      'tab\there',
      ' leading',
      'trailing.',
      'x'.repeat(256),
    ])
      expect(validFileName(bad), JSON.stringify(bad)).toBe(false);
  });
});
