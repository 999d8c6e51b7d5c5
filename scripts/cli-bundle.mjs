/**
 * The command line's build: cli/main.ts and what it imports, bundled by esbuild into out/cli/ as ES modules, one
 * chunk per command, so a run loads only the command it was asked for. The pure-JavaScript libraries are bundled
 * in (one file read instead of hundreds); the one that cannot be is loaded from node_modules at run time: resvg
 * (a native binary). Electron is never loaded by the command line; naming it external keeps it out if a shared
 * module mentions it.
 *
 * Plain JavaScript so `npm run cli` can build before anything is built. `node scripts/cli-bundle.mjs` builds;
 * `npm run build` runs it after the app's build.
 *
 * A build never breaks a command line that is running from the previous one: chunk names carry a hash of their
 * content and are only ever added, main.js and the manifest are replaced atomically (written beside, then
 * renamed), and chunks no build has used for an hour are removed.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_OUT = join(PROJECT, 'out', 'cli');
export const CLI_BUNDLE = join(CLI_OUT, 'main.js');
const MANIFEST = join(CLI_OUT, 'build.json');
const CHUNKS = join(CLI_OUT, 'chunks');
/** Besides the sources: a changed dependency or a changed build changes the bundle too. */
const ALSO_DEPENDS_ON = ['package-lock.json', 'package.json', 'scripts/cli-bundle.mjs'];
const OLD_CHUNK_MS = 60 * 60 * 1000;

/**
 * Whether out/cli/ was built from the sources as they are now: every file the last build read (its own manifest
 * lists them, with node_modules standing for the lock file) is no newer than the build. A few hundred stats.
 */
export function cliBundleIsFresh() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
  } catch {
    return false;
  }
  if (typeof manifest?.builtAt !== 'number' || !Array.isArray(manifest.inputs) || !existsSync(CLI_BUNDLE)) return false;
  for (const input of [...manifest.inputs, ...ALSO_DEPENDS_ON]) {
    try {
      if (statSync(join(PROJECT, input)).mtimeMs > manifest.builtAt) return false;
    } catch {
      return false; // a source that was deleted or renamed
    }
  }
  return true;
}

function writeAtomically(path, contents) {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, contents);
  renameSync(temp, path);
}

/** Builds out/cli/ and returns the time it took in milliseconds. */
export async function buildCli() {
  const started = Date.now();
  // esbuild comes with vite (a dev dependency), so it is imported only when a build is needed.
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: PROJECT,
    entryPoints: ['cli/main.ts'],
    outdir: CLI_OUT,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    mainFields: ['module', 'main'],
    external: ['@resvg/resvg-js', 'electron'],
    // Bundled CommonJS libraries call require() for Node's built-ins; an ES module has none of its own.
    banner: { js: "import { createRequire as __awbCreateRequire } from 'node:module'; const require = __awbCreateRequire(import.meta.url);" },
    legalComments: 'none',
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  const written = new Set();
  let entry = null;
  for (const file of result.outputFiles) {
    written.add(file.path);
    if (file.path === CLI_BUNDLE) entry = file;
    else if (!existsSync(file.path)) writeAtomically(file.path, file.contents);
  }
  if (!entry) throw new Error('The command line build produced no out/cli/main.js.');
  // The chunks main.js names are all in place before it is.
  writeAtomically(CLI_BUNDLE, entry.contents);
  const inputs = Object.keys(result.metafile.inputs)
    .filter((path) => !path.split(/[\\/]/).includes('node_modules'))
    .map((path) => relative(PROJECT, join(PROJECT, path)).split(sep).join('/'));
  writeAtomically(MANIFEST, `${JSON.stringify({ builtAt: started, inputs }, null, 1)}\n`);
  for (const name of existsSync(CHUNKS) ? readdirSync(CHUNKS) : []) {
    const path = join(CHUNKS, name);
    if (!written.has(path) && Date.now() - statSync(path).mtimeMs > OLD_CHUNK_MS) rmSync(path, { force: true });
  }
  return Date.now() - started;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const took = await buildCli();
  console.log(`Built the command line into ${relative(PROJECT, CLI_OUT)} in ${took} ms.`);
}
