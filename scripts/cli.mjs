/**
 * `npm run cli`: runs the built command line (out/cli/main.cjs) in this process, building it first when it is
 * missing or older than its sources, so a fresh clone works in one command and an edit is picked up at once.
 * Its files are compiled with V8's code cache (scripts/compile-cache.mjs), so only the first start after a build
 * pays for compiling them.
 */
import { createRequire } from 'node:module';
import { buildCli, CLI_BUNDLE, CLI_CACHE, CLI_OUT, cliBundleIsFresh } from './cli-bundle.mjs';
import { useCompileCache } from './compile-cache.mjs';

if (!cliBundleIsFresh()) {
  try {
    await buildCli();
  } catch (e) {
    process.stderr.write(`The command line could not be built: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n`);
    process.exit(3);
  }
}
useCompileCache(CLI_OUT, CLI_CACHE);
createRequire(import.meta.url)(CLI_BUNDLE);
