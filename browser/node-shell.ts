/**
 * The shell port in the browser mode: the operating system's own opener (xdg-open, open, explorer) in place of
 * Electron's shell module. Links reach here only after the handlers' allowedExternalUrl check.
 */
import { spawn } from 'node:child_process';
import { dirname } from 'node:path';
import type { ShellPort } from '../electron/main/ipc/handlers';

/** The program and arguments that open a URL, file or folder the way a double-click would. */
export function openerCommand(target: string, platform = process.platform): [string, string[]] {
  if (platform === 'win32') return ['explorer.exe', [target]];
  if (platform === 'darwin') return ['open', [target]];
  return ['xdg-open', [target]];
}

export function revealCommand(path: string, platform = process.platform): [string, string[]] {
  if (platform === 'win32') return ['explorer.exe', [`/select,${path}`]];
  if (platform === 'darwin') return ['open', ['-R', path]];
  return ['xdg-open', [dirname(path)]];
}

function launch([command, args]: [string, string[]]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { detached: true, stdio: 'ignore', shell: false });
    child.once('error', (e) => reject(new Error(`Could not run ${command}: ${e.message}`)));
    // The opener hands over to another program and returns; only a failure to start it is ours to report.
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}

export function nodeShell(platform = process.platform): ShellPort {
  return {
    openExternal: (url) => launch(openerCommand(url, platform)),
    showItemInFolder: (path) => void launch(revealCommand(path, platform)).catch(() => undefined),
    openFolder: (path) => launch(openerCommand(path, platform)),
    openFile: (path) => launch(openerCommand(path, platform)),
  };
}
