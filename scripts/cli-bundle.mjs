/**
 * The command line's build: cli/main.ts and each command in cli/commands/, bundled by esbuild into out/cli/ as
 * CommonJS, one file per command, so a run loads only the command it was asked for. The pure-JavaScript libraries
 * are bundled in (one file read instead of hundreds); the one that cannot be is loaded from node_modules at run
 * time: resvg (a native binary). Electron is never loaded by the command line; naming it external keeps it out if
 * a shared module mentions it.
 *
 * CommonJS rather than ES modules because Node 20 can reuse V8's compiled code only for scripts: the launcher
 * (scripts/cli.mjs, with scripts/compile-cache.mjs) keeps each file's code cache in out/cli/cache/, which saves
 * compiling the libraries on every start. esbuild cannot split CommonJS into shared chunks, so each command file
 * carries its own copy of the shared code: only one of them is loaded per run.
 *
 * Plain JavaScript so `npm run cli` can build before anything is built. `node scripts/cli-bundle.mjs` builds;
 * `npm run build` runs it after the app's build.
 *
 * A build never breaks a command line that is running from the previous one: command file names carry a hash of
 * their content and are only ever added, main.cjs and the manifest are replaced atomically (written beside, then
 * renamed), and command files no build has used for an hour are removed, as is the code cache of files that are
 * gone.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheFileName } from './compile-cache.mjs';

export const PROJECT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_OUT = join(PROJECT, 'out', 'cli');
export const CLI_BUNDLE = join(CLI_OUT, 'main.cjs');
export const CLI_CACHE = join(CLI_OUT, 'cache');
const MANIFEST = join(CLI_OUT, 'build.json');
const COMMANDS_OUT = join(CLI_OUT, 'commands');
const COMMANDS_SRC = 'cli/commands';
/** Besides the sources: a changed dependency or a changed build changes the bundle too. */
const ALSO_DEPENDS_ON = ['package-lock.json', 'package.json', 'scripts/cli-bundle.mjs'];
const OLD_FILE_MS = 60 * 60 * 1000;

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

/** What both builds share: Node 20's CommonJS, with import.meta.url as the bundle file's own URL. */
const COMMON = {
  absWorkingDir: PROJECT,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20.19',
  // import() becomes require(), so every file, the commands main.cjs loads included, goes through the code cache.
  supported: { 'dynamic-import': false },
  mainFields: ['module', 'main'],
  external: ['@resvg/resvg-js', 'electron'],
  define: { 'import.meta.url': '__awbModuleUrl' },
  banner: { js: "var __awbModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  legalComments: 'none',
  metafile: true,
  write: false,
  logLevel: 'warning',
};

const sourcesOf = (metafile) =>
  Object.keys(metafile.inputs)
    .filter((path) => !path.split(/[\\/]/).includes('node_modules'))
    .map((path) => relative(PROJECT, join(PROJECT, path)).split(sep).join('/'));

/** Builds out/cli/ and returns the time it took in milliseconds. */
export async function buildCli() {
  const started = Date.now();
  // esbuild comes with vite (a dev dependency), so it is imported only when a build is needed.
  const { build } = await import('esbuild');
  const names = readdirSync(join(PROJECT, COMMANDS_SRC))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts')
    .map((f) => f.slice(0, -3));
  const commands = await build({
    ...COMMON,
    entryPoints: Object.fromEntries(names.map((n) => [n, `${COMMANDS_SRC}/${n}.ts`])),
    outdir: COMMANDS_OUT,
    outExtension: { '.js': '.cjs' },
    entryNames: '[name]-[hash]',
  });
  const fileOf = new Map();
  for (const [path, output] of Object.entries(commands.metafile.outputs)) {
    if (output.entryPoint) fileOf.set(output.entryPoint.replace(/^.*\/([^/]+)\.ts$/, '$1'), relative(CLI_OUT, join(PROJECT, path)).split(sep).join('/'));
  }
  // cli/commands/index.ts loads each command with import('./<name>'): here that becomes a require of its file.
  const commandFiles = {
    name: 'command-files',
    setup(b) {
      b.onResolve({ filter: /^\.\/[a-z-]+$/ }, (args) => {
        if (args.kind !== 'dynamic-import' || !args.importer.endsWith(join('cli', 'commands', 'index.ts'))) return undefined;
        const file = fileOf.get(args.path.slice(2));
        if (!file) return { errors: [{ text: `No command file was built for ${args.path}.` }] };
        return { path: `./${file}`, external: true };
      });
    },
  };
  const main = await build({ ...COMMON, entryPoints: ['cli/main.ts'], outfile: CLI_BUNDLE, plugins: [commandFiles] });
  const written = new Set();
  for (const file of commands.outputFiles) {
    written.add(file.path);
    if (!existsSync(file.path)) writeAtomically(file.path, file.contents);
  }
  // The command files main.cjs names are all in place before it is.
  writeAtomically(CLI_BUNDLE, main.outputFiles[0].contents);
  const inputs = [...new Set([...sourcesOf(commands.metafile), ...sourcesOf(main.metafile)])];
  writeAtomically(MANIFEST, `${JSON.stringify({ builtAt: started, inputs }, null, 1)}\n`);
  removeUnused(COMMANDS_OUT, (path) => written.has(path));
  for (const old of ['main.js', 'chunks']) rmSync(join(CLI_OUT, old), { recursive: true, force: true }); // earlier builds' ES modules
  return Date.now() - started;
}

/** Command files an hour unused, and code caches made from files that are gone or have since been rebuilt. */
function removeUnused(folder, inUse) {
  const now = Date.now();
  for (const name of existsSync(folder) ? readdirSync(folder) : []) {
    const path = join(folder, name);
    if (!inUse(path) && now - statSync(path).mtimeMs > OLD_FILE_MS) rmSync(path, { force: true });
  }
  for (const version of existsSync(CLI_CACHE) ? readdirSync(CLI_CACHE) : []) {
    const dir = join(CLI_CACHE, version);
    for (const name of readdirSync(dir)) {
      const source = name.slice(0, name.indexOf('.cjs.') + '.cjs'.length);
      const path = source.startsWith('main') ? join(CLI_OUT, source) : join(COMMANDS_OUT, source);
      let current = false;
      try {
        current = name === cacheFileName(path, statSync(path));
      } catch {
        current = false; // its file is gone
      }
      if (!current && now - statSync(join(dir, name)).mtimeMs > OLD_FILE_MS) rmSync(join(dir, name), { force: true });
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const took = await buildCli();
  console.log(`Built the command line into ${relative(PROJECT, CLI_OUT)} in ${took} ms.`);
}
