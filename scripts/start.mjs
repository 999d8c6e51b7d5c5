/**
 * `npm start`: Electron when its binary is here or can be downloaded, otherwise the browser mode, after saying so
 * in two lines. Builds the app first (a few seconds), then runs it.
 *
 *   npm start                      Electron, or the browser mode when Electron cannot be had
 *   npm start -- --no-fallback     Electron or nothing
 *   npm start -- --browser         the browser mode directly (npm run start:browser)
 *   npm start -- --smoke           start-up check: open the sample, show the Map step, print one `ready:` line
 *
 * Any other arguments (a workbook to open) are passed on to the app.
 */
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chooseMode, runElectronInstaller } from './start-mode.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Each tool's own script, run with this Node: no shell and no .cmd shims, so paths with spaces pass intact on
// Windows too.
const TOOLS = { 'electron-vite': 'electron-vite/bin/electron-vite.js', tsx: 'tsx/dist/cli.mjs' };
const tool = (name, args) => [process.execPath, [join(root, 'node_modules', TOOLS[name]), ...args]];
const OWN_FLAGS = ['--no-fallback', '--browser', '--smoke'];

const argv = process.argv.slice(2);
const smoke = argv.includes('--smoke');
// A workbook named on the command line is relative to where npm was run (INIT_CWD), not to the project folder
// the app runs in.
const passOn = argv
  .filter((a) => !OWN_FLAGS.includes(a))
  .map((a) => (a.startsWith('-') ? a : resolve(process.env.INIT_CWD ?? process.cwd(), a)));

/** Runs a tool; in a smoke run its output is shown only when it fails, so the ready line stands alone. */
function run([command, args], { quiet = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    if (quiet) {
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
    }
    child.on('error', (e) => resolve({ code: 1, output: e.message }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

async function build() {
  const result = await run(tool('electron-vite', ['build']), { quiet: smoke });
  if (result.code !== 0) {
    if (smoke) process.stderr.write(result.output);
    console.error('The app could not be built (see above).');
    process.exit(result.code);
  }
}

const decision = await chooseMode({
  electronDir: join(root, 'node_modules', 'electron'),
  browser: argv.includes('--browser'),
  noFallback: argv.includes('--no-fallback'),
  // A download that takes a while is announced; one that fails at once leaves only the two lines below.
  install: async (electronDir, env) => {
    const notice = smoke
      ? null
      : setTimeout(
          () => console.error('Fetching Electron, the program the app runs in (about 100 MB, once)…'),
          2_000,
        );
    try {
      return await runElectronInstaller(electronDir, env);
    } finally {
      if (notice) clearTimeout(notice);
    }
  },
});
for (const line of decision.lines ?? []) console.error(line);
if (decision.mode === 'refused') process.exit(1);

await build();
const result =
  decision.mode === 'electron'
    ? smoke
      ? await run(tool('tsx', [join(root, 'browser', 'smoke-electron.ts'), decision.executable]))
      : await run(
          tool('electron-vite', ['preview', '--skipBuild', ...(passOn.length ? ['--', ...passOn] : [])]),
        )
    : await run(tool('tsx', [join(root, 'browser', 'main.ts'), ...(smoke ? ['--smoke'] : []), ...passOn]));
process.exit(result.code);
