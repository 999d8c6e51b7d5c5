/**
 * The command line's code cache (scripts/compile-cache.mjs), on a small CommonJS file in a folder of its own: each
 * run is a real Node process, as the cache is written when the process exits.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT } from '../tests/fixtures/run-cli';

let dir = '';
let root = '';
let cacheRoot = '';
let runner = '';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'awb-compile-cache-'));
  root = join(dir, 'out');
  cacheRoot = join(root, 'cache');
  mkdirSync(root);
  // A file with a function the run calls (compiled lazily, so only a cache made at exit holds it) and a require.
  writeFileSync(
    join(root, 'lib.cjs'),
    "const { join } = require('node:path');\nexports.greet = (name) => join('hello', name);\nexports.unused = () => 'never called';\n",
  );
  runner = join(dir, 'run.mjs');
  writeFileSync(
    runner,
    [
      `import { createRequire } from 'node:module';`,
      `import { useCompileCache } from ${JSON.stringify(pathToFileURL(join(PROJECT, 'scripts', 'compile-cache.mjs')).href)};`,
      `useCompileCache(${JSON.stringify(root)}, ${JSON.stringify(cacheRoot)});`,
      `process.stdout.write(createRequire(import.meta.url)(${JSON.stringify(join(root, 'lib.cjs'))}).greet('council'));`,
    ].join('\n'),
  );
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

const run = () =>
  execFileSync(process.execPath, [runner], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const cacheFiles = () =>
  readdirSync(cacheRoot, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());

describe('the command line’s code cache', () => {
  it('is written by the first run, named for the file, and read (not rewritten) by the next', () => {
    expect(run()).toBe(join('hello', 'council'));
    const [file] = cacheFiles();
    expect(file?.name).toMatch(/^lib\.cjs\.\d+-\d+\.cache$/);
    const path = join(file!.parentPath, file!.name);
    const written = statSync(path).mtimeMs;
    expect(run()).toBe(join('hello', 'council'));
    expect(statSync(path).mtimeMs).toBe(written);
    expect(cacheFiles()).toHaveLength(1);
  });

  it('replaces a damaged cache, and the run is unaffected', () => {
    run();
    const [file] = cacheFiles();
    const path = join(file!.parentPath, file!.name);
    writeFileSync(path, 'not a code cache');
    expect(run()).toBe(join('hello', 'council'));
    expect(statSync(path).size).toBeGreaterThan('not a code cache'.length);
  });

  it('gives a rebuilt file a new cache rather than the old one', () => {
    run();
    writeFileSync(join(root, 'lib.cjs'), "exports.greet = (name) => 'rebuilt ' + name;\n");
    expect(run()).toBe('rebuilt council');
    expect(cacheFiles()).toHaveLength(2);
  });

  it('runs without one where the cache folder cannot be made', () => {
    // A file where the folder should be: refused even to root, which may write anywhere else.
    writeFileSync(cacheRoot, 'in the way');
    expect(run()).toBe(join('hello', 'council'));
    expect(statSync(cacheRoot).isFile()).toBe(true);
  });
});
