/**
 * Opaque handles for files main chose or was given by the operating system (recent files, a file opened by
 * double-click or from the command line). The page names a file only by its handle, so a compromised page
 * cannot make main read or overwrite a path of its own choosing; open and save-as otherwise go through main's
 * dialogs.
 */
import { randomBytes } from 'node:crypto';

export const FILE_HANDLE = /^fh_[0-9a-f]{16}$/;

export class FileHandles {
  private readonly byHandle = new Map<string, string>();
  private readonly byPath = new Map<string, string>();

  /** The handle for a path main trusts; the same path keeps the same handle. */
  issue(path: string): string {
    const known = this.byPath.get(path);
    if (known) return known;
    const handle = `fh_${randomBytes(8).toString('hex')}`;
    this.byHandle.set(handle, path);
    this.byPath.set(path, handle);
    return handle;
  }

  pathOf(handle: string): string | null {
    return this.byHandle.get(handle) ?? null;
  }
}
