/**
 * `npm run cli`: runs the built command line (out/cli/main.js) in this process, building it first when it is
 * missing or older than its sources, so a fresh clone works in one command and an edit is picked up at once.
 */
import { pathToFileURL } from 'node:url';
import { buildCli, CLI_BUNDLE, cliBundleIsFresh } from './cli-bundle.mjs';

if (!cliBundleIsFresh()) {
  try {
    await buildCli();
  } catch (e) {
    process.stderr.write(`The command line could not be built: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n`);
    process.exit(3);
  }
}
await import(pathToFileURL(CLI_BUNDLE).href);
