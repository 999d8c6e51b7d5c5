import Conf from 'conf';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES, MAX_RECENT_FILES } from '../../../shared/settings/settings-schema';
import { settingsJsonSchema, SettingsService } from './settings-service';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'awb-settings-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** The store as the app builds it (electron-store is conf with Electron's paths). */
function openStore() {
  return new Conf<Record<string, unknown>>({
    cwd: folder,
    configName: 'settings',
    projectVersion: '0.1.0',
    schema: settingsJsonSchema() as never,
    clearInvalidConfig: true,
  });
}
const settingsFile = () => join(folder, 'settings.json');
const service = (caseInsensitivePaths = false) => new SettingsService(openStore(), caseInsensitivePaths);

describe('preferences', () => {
  it('start at the defaults', () => {
    const s = service();
    expect(s.preferences()).toEqual(DEFAULT_PREFERENCES);
    expect(s.recentFiles()).toEqual([]);
    expect(s.windowBounds()).toBeNull();
    expect(s.path).toBe(settingsFile());
  });

  it('are kept in the settings file between runs', async () => {
    service().setPreferences({ authorName: 'Priya Natarajan', theme: 'high-contrast' });
    expect(service().preferences()).toMatchObject({ authorName: 'Priya Natarajan', theme: 'high-contrast', autosaveSeconds: 5 });
    expect(JSON.parse(await readFile(settingsFile(), 'utf8')).preferences.theme).toBe('high-contrast');
  });

  it('refuse an invalid value instead of storing it', () => {
    const s = service();
    expect(() => s.setPreferences({ autosaveSeconds: 0 })).toThrow();
    expect(s.preferences().autosaveSeconds).toBe(5);
  });

  it('fall back to the default value by value when the stored file has invalid ones, keeping the rest', async () => {
    await writeFile(
      settingsFile(),
      JSON.stringify({
        preferences: { authorName: 'Priya Natarajan', theme: 'purple', autosaveSeconds: 'often', templateFolders: ['/shared/templates'], extra: 1 },
        recentFiles: [
          { path: '/shared/Council Plan.awbook', title: 'Council Plan', openedAt: '2026-01-20T09:00:00.000Z' },
          { path: '', title: 'No path', openedAt: 'x' },
          'not an entry',
        ],
        windowBounds: { x: 0, y: 0, width: 10, height: 10, maximised: false },
      }),
    );
    const s = service();
    expect(s.preferences()).toEqual({ ...DEFAULT_PREFERENCES, authorName: 'Priya Natarajan', templateFolders: ['/shared/templates'] });
    expect(s.recentFiles()).toEqual([{ path: '/shared/Council Plan.awbook', title: 'Council Plan', openedAt: '2026-01-20T09:00:00.000Z' }]);
    expect(s.windowBounds()).toBeNull();
  });

  it('fall back to defaults when the sections are the wrong kind of thing altogether', async () => {
    await writeFile(settingsFile(), JSON.stringify({ preferences: 'dark', recentFiles: { a: 1 }, windowBounds: [1, 2] }));
    const s = service();
    expect(s.preferences()).toEqual(DEFAULT_PREFERENCES);
    expect(s.recentFiles()).toEqual([]);
    expect(s.windowBounds()).toBeNull();
    s.setPreferences({ theme: 'dark' });
    expect(service().preferences().theme).toBe('dark');
  });

  it('start again from the defaults when the settings file is not JSON at all', async () => {
    await writeFile(settingsFile(), '{"preferences": {"theme": "dark"');
    expect(service().preferences()).toEqual(DEFAULT_PREFERENCES);
  });
});

describe('recent files', () => {
  it('put the latest first and list each file once', () => {
    const s = service();
    s.addRecentFile('/shared/A.awbook', 'A', new Date('2026-01-01T09:00:00Z'));
    s.addRecentFile('/shared/B.awbook', 'B', new Date('2026-01-02T09:00:00Z'));
    const list = s.addRecentFile('/shared/A.awbook', 'A renamed', new Date('2026-01-03T09:00:00Z'));
    expect(list).toEqual([
      { path: '/shared/A.awbook', title: 'A renamed', openedAt: '2026-01-03T09:00:00.000Z' },
      { path: '/shared/B.awbook', title: 'B', openedAt: '2026-01-02T09:00:00.000Z' },
    ]);
    expect(service().recentFiles()).toEqual(list);
  });

  it('compare paths ignoring case on Windows, and exactly elsewhere', () => {
    const windows = service(true);
    windows.addRecentFile('C:\\Users\\pn\\Plan.awbook', 'Plan');
    expect(windows.addRecentFile('c:\\users\\PN\\plan.AWBOOK', 'Plan')).toHaveLength(1);
    windows.clearRecentFiles();
    const linux = service(false);
    linux.addRecentFile('/home/pn/Plan.awbook', 'Plan');
    expect(linux.addRecentFile('/home/pn/plan.awbook', 'plan')).toHaveLength(2);
  });

  it(`keep at most ${MAX_RECENT_FILES}, dropping the oldest`, () => {
    const s = service();
    for (let i = 1; i <= MAX_RECENT_FILES + 3; i++) s.addRecentFile(`/shared/Plan ${i}.awbook`, `Plan ${i}`);
    const list = service().recentFiles();
    expect(list).toHaveLength(MAX_RECENT_FILES);
    expect(list[0]!.title).toBe(`Plan ${MAX_RECENT_FILES + 3}`);
    expect(list.at(-1)!.title).toBe('Plan 4');
  });

  it('can have one removed, or all cleared', () => {
    const s = service();
    s.addRecentFile('/shared/A.awbook', 'A');
    s.addRecentFile('/shared/B.awbook', 'B');
    expect(s.removeRecentFile('/shared/A.awbook').map((r) => r.title)).toEqual(['B']);
    s.clearRecentFiles();
    expect(service().recentFiles()).toEqual([]);
  });
});

describe('window bounds', () => {
  it('are remembered, and refused when they would make a window too small to use', () => {
    const s = service();
    s.setWindowBounds({ x: 20, y: 40, width: 1280, height: 800, maximised: true });
    expect(service().windowBounds()).toEqual({ x: 20, y: 40, width: 1280, height: 800, maximised: true });
    expect(() => s.setWindowBounds({ x: 0, y: 0, width: 12, height: 800, maximised: false })).toThrow();
  });
});
