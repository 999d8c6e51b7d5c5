/**
 * What the in-app file dialog shows: the places to start from (home, Documents, the drives and mounted volumes)
 * and the folders and files in one folder. Hidden files are left out, as the system dialogs leave them out.
 */
import { existsSync, readdirSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { homedir, userInfo } from 'node:os';
import { dirname, isAbsolute, join, parse } from 'node:path';

export interface Place {
  readonly name: string;
  readonly path: string;
}

export interface FolderEntry {
  readonly name: string;
  readonly path: string;
  readonly kind: 'folder' | 'file';
}

export type FolderListing =
  | {
      readonly ok: true;
      readonly folder: string;
      readonly parent: string | null;
      readonly entries: readonly FolderEntry[];
    }
  | { readonly ok: false; readonly message: string };

function children(folder: string): string[] {
  try {
    return readdirSync(folder, { withFileTypes: true })
      .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
      .map((d) => join(folder, d.name));
  } catch {
    return [];
  }
}

/** The officer's own places first, then every drive or volume the machine has. */
export function places(platform = process.platform, home = homedir()): Place[] {
  const result: Place[] = [{ name: 'Home', path: home }];
  for (const name of ['Documents', 'Desktop', 'Downloads']) {
    const path = join(home, name);
    if (existsSync(path)) result.push({ name, path });
  }
  if (platform === 'win32') {
    // A: and B: are left out: probing them wakes floppy drives on old machines.
    for (const letter of 'CDEFGHIJKLMNOPQRSTUVWXYZ') {
      const path = `${letter}:\\`;
      if (existsSync(path)) result.push({ name: `Drive ${letter}:`, path });
    }
  } else if (platform === 'darwin') {
    for (const path of children('/Volumes')) result.push({ name: parse(path).base, path });
  } else {
    result.push({ name: 'Computer', path: '/' });
    const user = safeUserName();
    for (const path of [
      ...(user ? children(join('/media', user)) : []),
      ...children('/mnt'),
      ...children('/run/media'),
    ]) {
      result.push({ name: parse(path).base, path });
    }
  }
  return result;
}

function safeUserName(): string | null {
  try {
    return userInfo().username;
  } catch {
    return null;
  }
}

export async function listFolder(folder: string): Promise<FolderListing> {
  if (!isAbsolute(folder)) return { ok: false, message: `“${folder}” is not a full folder path.` };
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'it does not exist'
        : code === 'ENOTDIR'
          ? 'it is not a folder'
          : code === 'EACCES' || code === 'EPERM'
            ? 'you do not have permission to open it'
            : 'it could not be read';
    return { ok: false, message: `The folder “${folder}” cannot be shown: ${why}.` };
  }
  const entries: FolderEntry[] = [];
  for (const name of names) {
    if (name.startsWith('.') || name.startsWith('~$')) continue;
    const path = join(folder, name);
    try {
      // stat, not the directory entry's type, so links to folders open as folders.
      const s = await stat(path);
      if (s.isDirectory()) entries.push({ name, path, kind: 'folder' });
      else if (s.isFile()) entries.push({ name, path, kind: 'file' });
    } catch {
      // A broken link or a file that vanished meanwhile: nothing to show.
    }
  }
  const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });
  entries.sort((a, b) =>
    a.kind === b.kind ? collator.compare(a.name, b.name) : a.kind === 'folder' ? -1 : 1,
  );
  const parent = dirname(folder);
  return { ok: true, folder, parent: parent === folder ? null : parent, entries };
}
