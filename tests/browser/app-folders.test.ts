/**
 * The browser mode keeps its preferences, recovery copies and logs where Electron's app.getPath puts the desktop
 * app's (README, "Where things are kept"), so the two modes share recent files and recovered work.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appFolders } from '../../browser/app-folders';

describe('the browser mode’s app folders', () => {
  it('are those of the desktop app on Windows, macOS and Linux', () => {
    expect(
      appFolders(
        'Alignment Workbench',
        'win32',
        { APPDATA: 'C:\\Users\\jo\\AppData\\Roaming' },
        'C:\\Users\\jo',
      ),
    ).toEqual({
      dataFolder: join('C:\\Users\\jo\\AppData\\Roaming', 'Alignment Workbench'),
      logsFolder: join('C:\\Users\\jo\\AppData\\Roaming', 'Alignment Workbench', 'logs'),
      documentsFolder: join('C:\\Users\\jo', 'Documents'),
    });
    expect(appFolders('Alignment Workbench', 'darwin', {}, '/Users/jo')).toEqual({
      dataFolder: '/Users/jo/Library/Application Support/Alignment Workbench',
      logsFolder: '/Users/jo/Library/Logs/Alignment Workbench',
      documentsFolder: '/Users/jo/Documents',
    });
    expect(appFolders('Alignment Workbench', 'linux', {}, '/home/jo').dataFolder).toBe(
      '/home/jo/.config/Alignment Workbench',
    );
    expect(
      appFolders('Alignment Workbench', 'linux', { XDG_CONFIG_HOME: '/srv/jo/config' }, '/home/jo'),
    ).toEqual({
      dataFolder: '/srv/jo/config/Alignment Workbench',
      logsFolder: '/srv/jo/config/Alignment Workbench/logs',
      documentsFolder: '/home/jo/Documents',
    });
  });
});
