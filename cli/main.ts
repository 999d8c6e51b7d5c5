/**
 * The command line: `npm run cli -- <command>`. See cli/commands/ for the commands and `--help` for usage.
 */
import { consoleIo, describeUnexpected, EXIT } from './output';
import { runCli } from './program';

// Last line of defence: whatever escapes still ends as a sentence and an exit code, not a stack trace.
const bail = (e: unknown) => {
  process.stderr.write(`${describeUnexpected(e)}\n`);
  process.exit(EXIT.UNEXPECTED);
};
process.on('uncaughtException', bail);
process.on('unhandledRejection', bail);

// Built as CommonJS (scripts/cli-bundle.mjs), which has no top-level await.
void runCli(process.argv.slice(2), consoleIo()).then((code) => {
  process.exitCode = code;
}, bail);
