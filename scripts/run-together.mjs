/**
 * Runs npm scripts at the same time and fails if any of them fails: `npm test` type-checks, lints and builds this
 * way, because on two cores the four overlap in about half the time they take one after another. Each script's
 * output is held and printed whole, under its name, when it ends, so no two interleave; every script runs to the
 * end, so one failure does not hide another, and the exit code is 1 when any failed, with their names.
 *
 *   node scripts/run-together.mjs typecheck:node typecheck:web lint build
 */
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';

const names = process.argv.slice(2);
if (names.length === 0) {
  console.error('Usage: node scripts/run-together.mjs <npm script> [<npm script>…]');
  process.exit(2);
}

/** npm itself: the one running this script when there is one (npm_execpath), else the npm on the PATH. */
function npmRun(name) {
  const npmCli = process.env.npm_execpath;
  return npmCli && /\.[cm]?js$/.test(npmCli)
    ? spawn(process.execPath, [npmCli, 'run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn('npm', ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
}

function run(name) {
  const started = Date.now();
  return new Promise((resolve) => {
    const chunks = [];
    const child = npmRun(name);
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    let ended = false;
    const finish = (code, why) => {
      if (ended) return; // a spawn error may be followed by close
      ended = true;
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const output = Buffer.concat(chunks).toString('utf8').trimEnd();
      const verdict = code === 0 ? `passed in ${seconds} s` : `FAILED (${why}) after ${seconds} s`;
      process.stdout.write(`\n> ${name}: ${verdict}\n${output ? `${output}\n` : ''}`);
      resolve(code === 0);
    };
    child.on('error', (e) => finish(1, e.message));
    child.on('close', (code, signal) => finish(code ?? 1, signal ? `stopped by ${signal}` : `exit code ${code}`));
  });
}

const results = await Promise.all(names.map(run));
const failed = names.filter((_, i) => !results[i]);
if (failed.length > 0) {
  console.error(`\nFailed: ${failed.join(', ')}`);
  process.exit(1);
}
