/**
 * V8's code cache for the command line's own files (out/cli/*.cjs): what a start spends compiling the bundled
 * libraries (zod, docx, pdf-lib, commander) is spent once, and later starts read the compiled code back. Node 22
 * has this built in (module.enableCompileCache); Node 20, which the project supports, has only the V8 interface
 * underneath it, vm.Script's cachedData, and only for scripts, which is why the command line is CommonJS.
 *
 * A file's cache is written when the process exits, so it holds every function the run compiled, not only the
 * file's top level. (A later run that takes another path through the file, PDF after a Word-only first run,
 * compiles that path itself, as every run did before.) It is named for the file's size and modification time (a
 * build writes new files, never rewrites one in place) and kept per Node version; V8 refuses one made by another V8
 * or with other flags, which is then replaced. Anything that goes wrong with the cache (a read-only folder, a full
 * disk, a damaged file) costs only the time it would have saved.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { basename, dirname, join, sep } from 'node:path';
import vm from 'node:vm';

/** The name of a file's cache: the file's own name, its size and its modification time. */
export const cacheFileName = (filename, info) =>
  `${basename(filename)}.${info.size}-${Math.trunc(info.mtimeMs)}.cache`;

/** Compiles the .cjs files under `root` with a code cache kept in `cacheRoot`. */
export function useCompileCache(root, cacheRoot) {
  const folder = join(cacheRoot, `${process.version}-${process.arch}`);
  const toWrite = [];
  const compile = Module.prototype._compile;
  Module.prototype._compile = function compileWithCache(content, filename) {
    if (!filename.startsWith(root + sep) || !filename.endsWith('.cjs'))
      return compile.call(this, content, filename);
    let cacheFile;
    try {
      cacheFile = join(folder, cacheFileName(filename, statSync(filename)));
    } catch {
      return compile.call(this, content, filename);
    }
    let cachedData;
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined; // none yet
    }
    const script = new vm.Script(Module.wrap(content), { filename, cachedData });
    if (cachedData === undefined || script.cachedDataRejected) toWrite.push({ script, cacheFile });
    const wrapper = script.runInThisContext({ displayErrors: true });
    return wrapper.call(
      this.exports,
      this.exports,
      Module.createRequire(filename),
      this,
      filename,
      dirname(filename),
    );
  };
  process.once('exit', () => {
    for (const { script, cacheFile } of toWrite) {
      try {
        mkdirSync(folder, { recursive: true });
        // Written beside and renamed, so a command line starting meanwhile never reads half a cache.
        const temp = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(temp, script.createCachedData());
        renameSync(temp, cacheFile);
      } catch {
        // Without a cache the next start compiles again; nothing else depends on it.
      }
    }
  });
}
