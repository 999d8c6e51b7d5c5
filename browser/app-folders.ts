/**
 * Where the browser mode keeps preferences, recovery copies and logs: the same folders Electron's app.getPath
 * gives the desktop app (README "Where things are kept"), so both modes share recent files and recovery.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface AppFolders {
  readonly dataFolder: string;
  readonly logsFolder: string;
  /** Where file dialogs start (Electron's "documents" path). */
  readonly documentsFolder: string;
}

export function appFolders(
  appName: string,
  platform = process.platform,
  env = process.env,
  home = homedir(),
): AppFolders {
  if (platform === 'win32') {
    const dataFolder = join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), appName);
    return { dataFolder, logsFolder: join(dataFolder, 'logs'), documentsFolder: join(home, 'Documents') };
  }
  if (platform === 'darwin') {
    return {
      dataFolder: join(home, 'Library', 'Application Support', appName),
      logsFolder: join(home, 'Library', 'Logs', appName),
      documentsFolder: join(home, 'Documents'),
    };
  }
  const dataFolder = join(env['XDG_CONFIG_HOME'] || join(home, '.config'), appName);
  return { dataFolder, logsFolder: join(dataFolder, 'logs'), documentsFolder: join(home, 'Documents') };
}
