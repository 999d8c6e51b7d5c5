/**
 * Command-line start-up (issue 14): `npm run cli -- templates` against `npm -v`, the cheapest thing npm does,
 * run alternately so both meet the same load, with the medians and their ratio. Target: within 4× `npm -v`.
 *
 *   npm run bench:cli [-- --runs 9]
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { median, runsFromArgs } from './timing';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const RUNS = runsFromArgs(process.argv.slice(2), 9);
const TARGET = 4;

function timed(args: readonly string[]): number {
  const t = performance.now();
  execFileSync(npm, args, { stdio: 'ignore' });
  return performance.now() - t;
}

const CLI = ['run', 'cli', '--', 'templates'];
// Once untimed: builds the command line if it is missing or stale, as the first run after an edit does.
execFileSync(npm, CLI, { stdio: 'ignore' });
const npmTimes: number[] = [];
const cliTimes: number[] = [];
for (let i = 0; i < RUNS; i++) {
  npmTimes.push(timed(['-v']));
  cliTimes.push(timed(CLI));
}
const ratio = median(cliTimes) / median(npmTimes);
const list = (times: readonly number[]) => times.map((t) => t.toFixed(0)).join(' ');
console.log(`npm -v                       median ${median(npmTimes).toFixed(0)} ms   (${list(npmTimes)})`);
console.log(`npm run cli -- templates     median ${median(cliTimes).toFixed(0)} ms   (${list(cliTimes)})`);
console.log(
  `Ratio                        ${ratio.toFixed(1)}×   target ≤ ${TARGET}×  ${ratio <= TARGET ? 'PASS' : 'FAIL'}`,
);
console.log(
  `Runs ${RUNS} each, alternating; machine load ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`,
);
