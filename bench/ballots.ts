/**
 * Paper ballots at room speed (issue 17: "20 paper ballots can be entered in under 5 minutes"). Drives the BUILT
 * renderer through the e2e harness in Chromium: a workbook with a 22-option dot vote open for 20 people is saved
 * to a temp file and opened through the app's Open dialog; in the Workshops console the facilitator types the 20
 * numbered sheets into "Type in paper sheets", one sheet at a time ("16: 3 5 5 9", then Ctrl+Enter), as a
 * facilitator would with the pile of sheets beside the laptop.
 *
 * What is measured: the app's own share, from the first key of a sheet until the console lists it as entered
 * (keys sent with no delay, so this includes the browser's and Playwright's round trips: an upper bound). Whether
 * the entry box still has focus after each sheet (if not, the facilitator must reach for the mouse).
 *
 * What is assumed for the person (stated in the output): 200 ms a key (about 50 words a minute on digits and
 * spaces, Ctrl+Enter counted as one key), 3 s to pick up each sheet and read it, and 2 s to click back into the
 * box whenever focus was lost. Total = the person's time + the app's share, taken one after the other (no
 * overlap), so the total is pessimistic.
 *
 * Then the workbook is saved and read back from disk, and the tallies are checked against what was typed.
 *
 *   npm run bench:ballots     (builds first; set CHROMIUM_PATH to use another Chromium)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openApp } from '../tests/e2e/harness';
import { withRendererBrowser } from './renderer-browser';
import { random } from './seeded-random';
import { writeWorkbookFile } from '../electron/main/services/workbook-files';
import { readWorkbookText } from '../shared/model/workbook-format';
import type { Activity } from '../shared/model/workbook-schema';
import { newActivity } from '../shared/workshop/operations';
import { sampleWithWorkshop } from '../shared/workshop/test-workbook';

const SHEETS = 20;
const OPTIONS = 22;
const DOTS = 4;
const HUMAN = { keyMs: 200, readSheetMs: 3_000, refocusMs: 2_000 };
const TARGET_MS = 5 * 60_000;

/** Sheet n's marks: four dots, at most two on one option, written as the sheet has them ("16: 3 5 5 9"). */
function sheetLines(): { lines: string[]; tallies: number[] } {
  const next = random(17);
  const tallies = Array.from({ length: OPTIONS + 1 }, () => 0);
  const lines: string[] = [];
  for (let n = 1; n <= SHEETS; n++) {
    const marks: number[] = [];
    while (marks.length < DOTS) {
      const option = 1 + Math.floor(next() * OPTIONS);
      if (marks.filter((m) => m === option).length < 2) marks.push(option);
    }
    marks.sort((x, y) => x - y);
    for (const m of marks) tallies[m]! += 1;
    lines.push(`${n}: ${marks.join(' ')}`);
  }
  return { lines, tallies };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  if (!existsSync(join(import.meta.dirname, '..', 'out', 'renderer', 'index.html'))) {
    process.stderr.write(
      'The renderer has not been built: run npm run build first (npm run bench:ballots does).\n',
    );
    process.exitCode = 1;
    return;
  }
  const { wb, w } = sampleWithWorkshop();
  w.participantCount = SHEETS;
  const vote = newActivity('dot-vote') as Extract<Activity, { kind: 'dot-vote' }>;
  vote.title = 'Which objectives matter most?';
  // The sample's objectives, then its services, as the options.
  vote.optionIds = [
    ...wb.objectives.filter((o) => o.level !== 'theme').map((o) => o.id),
    ...wb.services.map((x) => x.id),
  ].slice(0, OPTIONS);
  if (vote.optionIds.length !== OPTIONS)
    throw new Error(`The sample has fewer than ${OPTIONS} options to offer.`);
  vote.budget = DOTS;
  vote.maxPerOption = 2;
  vote.votingOpen = true;
  vote.status = 'running';
  w.activities = [vote];
  wb.workshops = [w, ...wb.workshops.filter((x) => x !== w)];

  const { lines, tallies } = sheetLines();

  await withRendererBrowser(
    'ballots',
    { width: 1366, height: 768 },
    async ({ context, origin, folder }) => {
      const file = join(folder, 'Ballots.awbook');
      const written = await writeWorkbookFile(file, wb, { keepBackup: false });
      if (!written.ok) throw new Error(written.error.message);
      const h = await openApp(context, origin);
      const page = h.page;
      h.dialogs.openAnswers.push(file);
      await page.getByRole('button', { name: 'Open workbook…' }).click();
      await page.waitForFunction(() => !document.querySelector('nav[aria-label="Steps"] button[disabled]'));
      await page
        .getByRole('navigation', { name: 'Steps' })
        .getByRole('button', { name: /Workshops/ })
        .click();
      await page.getByRole('tab', { name: 'Run the session' }).click();
      await page
        .getByRole('navigation', { name: 'Agenda' })
        .getByRole('button', { name: /Which objectives/ })
        .click();
      const box = page.getByLabel('Type in paper sheets');
      const entered = page.getByTestId('sheets-in');
      await box.click();

      let appMs = 0;
      let keys = 0;
      let refocused = 0;
      const perSheet: number[] = [];
      for (const [i, line] of lines.entries()) {
        if (!(await box.evaluate((el) => el === document.activeElement))) {
          refocused += 1;
          await box.click();
        }
        const start = performance.now();
        await page.keyboard.type(line);
        await page.keyboard.press('Control+Enter');
        await entered.getByText(`Sheets entered (${i + 1})`).waitFor();
        const took = performance.now() - start;
        perSheet.push(took);
        appMs += took;
        keys += line.length + 1;
      }
      const stillFocused = await box.evaluate((el) => el === document.activeElement);
      const problems = await page.locator('.ws-sheets [role="alert"]').count();

      // Saved and read back from disk: the tallies are what was typed.
      await page.keyboard.press('Control+S');
      await page.getByRole('status').getByText(/Saved/).waitFor();
      const back = readWorkbookText(readFileSync(file, 'utf8'));
      if (!back.ok) throw new Error(back.error.message);
      const saved = back.value.workbook.workshops.flatMap((x) => x.activities).find((a) => a.id === vote.id);
      if (!saved || saved.kind !== 'dot-vote')
        throw new Error('The vote is missing from the saved workbook.');
      const savedTallies = Array.from({ length: OPTIONS + 1 }, () => 0);
      for (const b of saved.ballots)
        for (const al of b.allocations) savedTallies[vote.optionIds.indexOf(al.optionId) + 1]! += al.amount;
      const sheetsSaved = saved.ballots.map((b) => b.sheet).sort((x, y) => (x ?? 0) - (y ?? 0));
      const talliesMatch = JSON.stringify(savedTallies) === JSON.stringify(tallies);
      const sheetsMatch = JSON.stringify(sheetsSaved) === JSON.stringify(lines.map((_, i) => i + 1));

      const humanMs = keys * HUMAN.keyMs + SHEETS * HUMAN.readSheetMs + refocused * HUMAN.refocusMs;
      const totalMs = humanMs + appMs;
      const sorted = [...perSheet].sort((x, y) => x - y);
      process.stdout.write(
        [
          `Paper ballots: ${SHEETS} sheets of ${DOTS} dots on ${OPTIONS} options, typed one at a time with Ctrl+Enter.`,
          `Assumed for the person: ${HUMAN.keyMs} ms a key, ${seconds(HUMAN.readSheetMs)} to read each sheet, ${seconds(HUMAN.refocusMs)} to click back into the box when focus is lost.`,
          `Keys typed: ${keys} (e.g. “${lines[0]}” + Ctrl+Enter).`,
          `Focus left the entry box after a sheet: ${refocused} of ${SHEETS} times${stillFocused ? '' : ' (and after the last one)'}.`,
          `The person's time: ${seconds(humanMs)}.`,
          `The app's share: ${seconds(appMs)} in all; per sheet median ${Math.round(sorted[Math.floor(sorted.length / 2)]!)} ms, slowest ${Math.round(sorted[sorted.length - 1]!)} ms (keys sent with no delay; includes the harness's round trips).`,
          `Total: ${seconds(totalMs)} (target under ${seconds(TARGET_MS)}): ${totalMs < TARGET_MS ? 'met' : 'MISSED'}.`,
          `Saved and read back: ${saved.ballots.length} ballots, sheets ${sheetsMatch ? '1 to 20 once each' : `WRONG (${sheetsSaved.join(', ')})`}; tallies ${talliesMatch ? 'match what was typed' : `DO NOT MATCH (typed ${tallies.slice(1).join(' ')}, saved ${savedTallies.slice(1).join(' ')})`}; problems shown: ${problems}.`,
          '',
        ].join('\n'),
      );
      if (!talliesMatch || !sheetsMatch || totalMs >= TARGET_MS || problems > 0) process.exitCode = 1;
      await h.close();
    },
  );
}

await main();
