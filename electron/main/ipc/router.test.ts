import Conf from 'conf';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../../shared/ipc/channel-names';
import { readEnvelope, COMPLETE_WORKBOOK } from '../../../tests/fixtures/fixtures';
import { ok } from '../../../shared/result';
import { compose, type Composition } from '../compose';
import { isTrustedSenderUrl } from '../security-policy';
import { settingsJsonSchema } from '../services/settings-service';
import { createRouter, type Handlers, type Logger } from './router';

const APP = { senderUrl: 'app://workbench/index.html' };

let folder: string;
let composition: Composition;
let logged: Array<{ message: string; error?: unknown }>;
let opened: string[];
let log: Logger;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'awb-router-'));
  logged = [];
  opened = [];
  log = { info: () => undefined, error: (message, error) => logged.push({ message, error }) };
  composition = compose({
    appName: 'Alignment Workbench',
    version: '0.1.0-test',
    dataFolder: folder,
    logsFolder: join(folder, 'logs'),
    store: new Conf<Record<string, unknown>>({ cwd: folder, configName: 'settings', projectVersion: '0.1.0', schema: settingsJsonSchema() as never }),
    dialogs: {
      chooseWorkbookToOpen: async () => null,
      chooseSaveLocation: async () => null,
      chooseTemplateFolder: async () => null,
      chooseDocumentDestination: async () => null,
      confirmReplace: async () => false,
      chooseOutputFolder: async () => null,
    },
    shell: {
      openExternal: async (url) => void opened.push(url),
      showItemInFolder: () => undefined,
      openFolder: async () => undefined,
      openFile: async () => undefined,
    },
    window: { setTitle: () => undefined, setDirty: () => undefined, closeConfirmed: () => undefined },
    log,
    isTrustedSender: (url) => isTrustedSenderUrl(url),
    instanceId: 'run-test',
    user: 'pnatarajan',
    machine: 'BORS-LT-0142',
  });
});
afterEach(async () => {
  await composition.documents.closeAll();
  await rm(folder, { recursive: true, force: true });
});

describe('the IPC router', () => {
  it('routes every channel in the contract', () => {
    expect([...composition.router.channels]).toEqual([...CHANNEL_NAMES]);
  });

  it('runs a valid request from the app window', async () => {
    const result = await composition.router.handle('getAppInfo', {}, APP);
    expect(result).toMatchObject({ ok: true, value: { name: 'Alignment Workbench', version: '0.1.0-test' } });
  });

  it('opens a real workbook through the real handlers', async () => {
    const path = join(folder, 'Council Plan.awbook');
    await copyFile(COMPLETE_WORKBOOK, path);
    const result = await composition.router.handle('openWorkbook', { file: composition.fileHandles.issue(path) }, APP);
    expect(result).toMatchObject({ ok: true, value: { status: 'opened', doc: { fileName: 'Council Plan.awbook' } } });
  });

  it.each([
    ['a web page', 'https://evil.example/'],
    ['a local file', 'file:///C:/Users/pn/Downloads/page.html'],
    ['a look-alike app host', 'app://workbench.evil/index.html'],
    ['a frame with no URL', ''],
    ['about:blank', 'about:blank'],
  ])('refuses a request from %s without running it', async (_what, senderUrl) => {
    const result = await composition.router.handle('openExternal', { url: 'https://www.gov.uk/' }, { senderUrl });
    expect(result).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'This request did not come from the app window and was refused.' },
    });
    expect(opened).toEqual([]);
    expect(logged[0]?.message).toContain('untrusted sender');
  });

  it.each(['deleteEverything', '__proto__', 'constructor', 'toString', 'hasOwnProperty', ''])('refuses the unknown channel %j', async (channel) => {
    const result = await composition.router.handle(channel, {}, APP);
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('refuses invalid input with a message that says where the problem is', async () => {
    const { workbook } = readEnvelope(COMPLETE_WORKBOOK);
    workbook.alignments[0].strength = 7;
    const result = await composition.router.handle('saveWorkbook', { docId: null, workbook }, APP);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.message).toBe(
      'The request “saveWorkbook” was refused because its data is not valid: workbook.alignments[0].strength: Strength must be 0 (none), 1 (weak), 2 (medium) or 3 (strong).',
    );
    expect(result.error.issues).toEqual([
      { path: 'workbook.alignments[0].strength', message: 'Strength must be 0 (none), 1 (weak), 2 (medium) or 3 (strong)' },
    ]);
  });

  it.each([
    ['nothing', 'openWorkbook', undefined],
    ['a string', 'openWorkbook', 'open please'],
    ['a list', 'openWorkbook', []],
    ['a path that is not text', 'openWorkbook', { path: 42 }],
    ['extra fields on a channel that takes none', 'getAppInfo', { sneaky: true }],
  ])('refuses %s as input', async (_what, channel, input) => {
    const result = await composition.router.handle(channel, input, APP);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  describe('never lets the page choose a path', () => {
    it('opens only files main chose or listed: a path, or a handle main never issued, is refused', async () => {
      expect(await composition.router.handle('openWorkbook', { path: '/etc/passwd' }, APP)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(await composition.router.handle('openWorkbook', { file: '../../etc/passwd' }, APP)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(await composition.router.handle('openWorkbook', { file: 'fh_0123456789abcdef' }, APP)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await composition.router.handle('removeRecentFile', { path: '/etc/passwd' }, APP)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    });

    it('lists recent files with handles that open them', async () => {
      const path = join(folder, 'Recent.awbook');
      await copyFile(COMPLETE_WORKBOOK, path);
      composition.settings.addRecentFile(path, 'Recent');
      const listed = await composition.router.handle('listRecentFiles', {}, APP);
      if (!listed.ok) throw new Error(listed.error.message);
      const [recent] = (listed.value as { files: Array<{ file: string; path: string }> }).files;
      expect(recent).toMatchObject({ path, file: expect.stringMatching(/^fh_[0-9a-f]{16}$/) });
      expect(await composition.router.handle('openWorkbook', { file: recent!.file }, APP)).toMatchObject({ ok: true, value: { status: 'opened' } });
    });

    it('refuses template folders set directly: they are added only through the folder dialog', async () => {
      const result = await composition.router.handle('setPreferences', { templateFolders: ['/', '/etc'] }, APP);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(composition.settings.preferences().templateFolders).toEqual([]);
    });

    it('shows in its folder only a file this session opened or wrote, so a page cannot probe which paths exist', async () => {
      expect(await composition.router.handle('showItemInFolder', { path: '/etc/passwd' }, APP)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const path = join(folder, 'Shown.awbook');
      await copyFile(COMPLETE_WORKBOOK, path);
      await composition.router.handle('openWorkbook', { file: composition.fileHandles.issue(path) }, APP);
      expect(await composition.router.handle('showItemInFolder', { path }, APP)).toEqual(ok({}));
    });

    it('opens mail links only to one address with a subject and body, never attaching a file', async () => {
      for (const url of ['mailto:a@borsetshire.gov.uk?attach=/etc/passwd', 'mailto:a@borsetshire.gov.uk?subject=x&attachment=/etc/passwd'])
        expect(await composition.router.handle('openExternal', { url }, APP), url).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await composition.router.handle('openExternal', { url: 'mailto:a@borsetshire.gov.uk?subject=Plan&body=Hello' }, APP)).toEqual(ok({}));
      expect(opened).toEqual(['mailto:a@borsetshire.gov.uk?subject=Plan&body=Hello']);
    });
  });

  it('refuses an unsafe link through the handler, without opening it', async () => {
    const result = await composition.router.handle('openExternal', { url: 'javascript:alert(1)' }, APP);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(opened).toEqual([]);
    expect(await composition.router.handle('openExternal', { url: 'https://www.gov.uk/' }, APP)).toEqual(ok({}));
    expect(opened).toEqual(['https://www.gov.uk/']);
  });

  it('turns an exception in a handler into a plain message, keeping the details for the log only', async () => {
    const failing = Object.fromEntries(
      CHANNEL_NAMES.map((name) => [
        name,
        async () => {
          throw new Error('EACCES: permission denied, open /home/pn/.secret/settings.json');
        },
      ]),
    ) as unknown as Handlers;
    const router = createRouter(failing, { isTrustedSender: () => true, log });
    const result = await router.handle('getAppInfo', {}, APP);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: 'Something unexpected went wrong. Your work is safe; the details were written to the log file (Help › Open logs folder).',
      },
    });
    expect(JSON.stringify(result)).not.toMatch(/secret|EACCES|\bat /);
    expect(logged).toEqual([{ message: 'IPC "getAppInfo" failed', error: expect.any(Error) }]);
  });

  it('treats a handler that throws something other than an Error the same way', async () => {
    const failing = Object.fromEntries(CHANNEL_NAMES.map((name) => [name, () => Promise.reject('a bare string')])) as unknown as Handlers;
    const result = await createRouter(failing, { isTrustedSender: () => true, log }).handle('confirmClose', {}, APP);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
