/**
 * A short workshop end to end in the Chromium harness: plan it on the sample workbook, run it from the console
 * with the presenter view open as a second page (ideas, a secret dot vote passed round the laptop with a tie and
 * a re-vote, a 2×2 moved by keyboard and by dragging, walking the map, the timer with its chime, the hold screen,
 * the parking lot, a decision and an action), put the results into the workbook (and undo), close it, write the
 * report and print the kit. axe checks the console, the private ballot, the results and the presenter; every
 * request either page makes is recorded, and only the app's own origin may appear.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { readWorkbookText } from '../../shared/model/workbook-format';
import { expect, expectAccessible, test } from './fixtures';
import type { Harness } from './harness';

// The last file the workers reach: its two tests each open the app on their own services (and write screenshots
// of their own names), so the second need not wait for the first while the other worker has finished.
test.describe.configure({ mode: 'parallel' });

const artefacts = join(import.meta.dirname, '..', 'artifacts', 'workshop');
mkdirSync(artefacts, { recursive: true });
const shot = (page: Page, name: string, fullPage = true) =>
  page.screenshot({ path: join(artefacts, `${name}.png`), fullPage });

/** axe on the presenter page: the same rules as expectAccessible, run against the second page. */
async function expectPresenterAccessible(h: Harness, label: string) {
  const p = h.presenterPage();
  if (!p) throw new Error('The presenter view is not open');
  await expectAccessible({ ...h, page: p }, label);
}

/** Counts oscillators the page starts, so the chime (made with Web Audio, no file) can be heard by the test. */
const COUNT_CHIMES = `
  window.__chimes = 0;
  const Original = window.AudioContext;
  if (Original) {
    window.AudioContext = class extends Original {
      createOscillator() {
        const osc = super.createOscillator();
        const start = osc.start.bind(osc);
        osc.start = (...args) => { window.__chimes++; return start(...args); };
        return osc;
      }
    };
  }
`;

test('plan, run, present and write up a short workshop, offline', async ({ launch, context, origin }) => {
  test.setTimeout(240_000);
  // Every request from every page in the context, from before the app loads.
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  await context.addInitScript({ content: COUNT_CHIMES });

  const h = await launch();
  const page = h.page;
  await page.getByRole('button', { name: 'Open the sample workbook' }).click();
  await expect(page.getByRole('status')).toContainText('sample workbook for Northshire');
  await page
    .getByRole('navigation', { name: 'Steps' })
    .getByRole('button', { name: /Workshops/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Workshops' })).toBeVisible();

  // ---- Plan --------------------------------------------------------------------------------------------------
  await page.getByRole('button', { name: 'New workshop' }).click();
  const plan = page.getByRole('tabpanel');
  await plan.getByLabel('Title').fill('Partners’ mapping session');
  await plan.getByLabel('Date').fill('10/03/2026');
  await plan.getByLabel('Date').press('Tab');
  await plan.getByLabel('Venue').fill('Council Chamber');
  await plan.getByLabel('Facilitator', { exact: true }).fill('Jo Patel');
  await plan.getByLabel('Facilitator’s stake in the outcome').fill('Works for the library service');
  await plan.getByLabel('Purpose').fill('Agree where libraries help the health and digital objectives.');
  await plan.getByLabel('Who decides afterwards').fill('Cabinet, in April');
  await plan.getByLabel('How many people').fill('3');
  await plan.getByRole('button', { name: 'Add an organisation' }).click();
  await plan.getByLabel('Organisation 1').fill('NHS Northshire ICB');
  await expect(plan.getByText('Expected voters: 3.')).toBeVisible();

  const addBlock = async (label: RegExp) => {
    await plan.getByLabel('Add to the agenda').selectOption({
      label: (await plan.getByLabel('Add to the agenda').locator('option').allTextContents()).find((t) =>
        label.test(t),
      )!,
    });
    await plan.getByRole('button', { name: 'Add activity' }).click();
  };
  await addBlock(/^Idea capture/);
  await addBlock(/^Dot voting/);
  await addBlock(/^2×2 prioritisation/);
  await addBlock(/^Walk the map/);
  await expect(plan.locator('.ws-agenda-item')).toHaveCount(4);
  // Scope the walk to two objectives.
  await plan.getByRole('button', { name: /Choose objectives and services for Walk the map/ }).click();
  const scope = page.getByRole('dialog', { name: /Scope of/ });
  await scope.getByRole('checkbox', { name: /^Improve mental wellbeing/ }).check();
  await scope.getByRole('checkbox', { name: /^Reduce the number of residents who are offline/ }).check();
  await scope.getByRole('button', { name: 'Use 2 chosen' }).click();
  await expect(plan.getByText('For 2 chosen objectives and services.')).toBeVisible();
  await shot(page, '01-plan');
  await expectAccessible(h, 'Workshop plan');

  // ---- Run: presenter, ideas ----------------------------------------------------------------------------------
  await page.getByRole('tab', { name: 'Run the session' }).click();
  await page.getByRole('button', { name: 'Open presenter view' }).click();
  await expect.poll(() => h.presenterPage() !== null).toBe(true);
  const presenter = h.presenterPage()!;
  await presenter.setViewportSize({ width: 1920, height: 1080 });
  await expect(presenter.getByRole('heading', { level: 1, name: 'Partners’ mapping session' })).toBeVisible();
  await expect(presenter.getByText('Who decides:')).toBeVisible();
  await shot(presenter, '02-presenter-welcome', false);
  // Type sized for the room: about 55 px at 1080 lines by default; a deeper room gets larger type and a warning.
  const fontSize = () =>
    presenter.locator('main').evaluate((m) => Math.round(parseFloat(getComputedStyle(m).fontSize)));
  expect(await fontSize()).toBe(55);
  await page.getByText('Settings for the room').click();
  await page.getByText('Room set-up: type size for the back row').click();
  await page.getByLabel('Distance to the back row (metres)').fill('12');
  await page.getByLabel('Height of the projected image (metres)').fill('1.5');
  await expect(page.getByText('Smallest readable type: about 83 px on a 1080-line image.')).toBeVisible();
  await expect(page.getByText(/The back row is 8\.0 times the image height away/)).toBeVisible();
  await expect.poll(fontSize).toBe(83);
  await page.getByLabel('Distance to the back row (metres)').fill('');
  await expect.poll(fontSize).toBe(55);
  await expectPresenterAccessible(h, 'Presenter: welcome');

  await page.getByRole('button', { name: 'Start this activity' }).click();
  for (const idea of [
    'Lend tablets to people leaving hospital',
    'Digital champions from library volunteers',
    'Memory cafés in market towns',
  ]) {
    await page.getByLabel('New idea').fill(idea);
    await page.getByRole('button', { name: 'Add idea' }).click();
  }
  await expect(presenter.getByText('Memory cafés in market towns')).toBeVisible();
  await shot(page, '03-console-ideas');
  await expectAccessible(h, 'Console: idea capture');

  // The timer: start, pause, extend (the time-up chime is tested with a fake clock below). Set but not yet started,
  // the room's timer shows the time and no "Paused".
  await expect(presenter.getByRole('timer')).toContainText('15:00');
  await expect(presenter.getByRole('timer')).not.toContainText('Paused');
  await page.getByRole('button', { name: 'Start timer' }).click();
  await expect(
    page.locator('[role="status"][aria-live="polite"]').filter({ hasText: 'Timer started: 15 minutes.' }),
  ).toBeAttached();
  await expect(presenter.getByRole('timer')).toContainText(/1[45]:\d\d/);
  await page.getByRole('button', { name: 'Pause timer' }).click();
  await page.getByRole('button', { name: '+1 min' }).click();
  await expect(page.locator('.ws-timer-clock')).toContainText('16:00');
  await expect(presenter.getByRole('timer')).toContainText('Paused');

  // ---- Dot vote: options from the ideas, secret ballots passed round, blind until reveal --------------------
  await page.getByRole('button', { name: 'Finish and go to the next activity' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Dot voting' })).toBeVisible();
  await page.getByRole('button', { name: /Choose the options/ }).click();
  const options = page.getByRole('dialog', { name: /Options for/ });
  for (const idea of [
    'Lend tablets to people leaving hospital',
    'Digital champions from library volunteers',
    'Memory cafés in market towns',
  ])
    await options.getByRole('checkbox', { name: idea }).check();
  await options.getByRole('button', { name: 'Use 3 chosen' }).click();
  await expect(page.getByText('18F: 3 to 5 dots: 3 options → 3 dots each (18F: 3 to 5 dots)')).toBeVisible();
  await page.getByLabel('Most dots on one option').fill('2');
  await page.getByRole('button', { name: 'Open voting' }).click();
  await expect(page.getByText('0 of 3 voted')).toBeVisible();
  await expect(presenter.getByText('0 of 3 voted')).toBeVisible();

  const ballots = [{ 'Lend tablets': 2, 'Memory cafés': 1 }, { 'Digital champions': 2 }];
  await page.getByRole('button', { name: 'Start private voting on this laptop' }).click();
  const booth = page.getByRole('dialog', { name: /Private voting|Your vote|Thank you/ });
  for (const [n, ballot] of ballots.entries()) {
    await booth.getByRole('button', { name: 'Start my vote' }).click();
    if (n === 0) {
      await expect(booth.getByText('3 of 3 dots left')).toBeVisible();
      await expectAccessible(h, 'Private ballot');
      await shot(page, '04-private-ballot', false);
    }
    for (const [option, dots] of Object.entries(ballot))
      for (let i = 0; i < dots; i++)
        await booth.getByRole('button', { name: new RegExp(`^One more dot on \\d: ${option}`) }).click();
    await booth.getByRole('button', { name: 'Submit my vote' }).click();
    // The screen blanks on submit: nothing of that vote remains for the next person to see.
    await expect(booth.getByRole('heading', { name: 'Thank you: your vote is recorded.' })).toBeVisible();
    await expect(booth.getByText(/dots left|One more dot/)).toHaveCount(0);
    await booth.getByRole('button', { name: 'Next voter' }).click();
  }
  await booth.getByRole('button', { name: 'Start my vote' }).click();
  await booth.getByRole('button', { name: 'Abstain' }).click();
  // Nothing for the facilitator on the voter's screen: Escape between voters returns to the console.
  await expect(booth.getByRole('button', { name: /Finish voting/ })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByText('3 of 3 voted')).toBeVisible();
  // Blind until the reveal: the projector has the count and the numbered options, no totals.
  await expect(presenter.getByText('3 of 3 voted')).toBeVisible();
  await expect(presenter.locator('table')).toHaveCount(0);
  await shot(presenter, '05-presenter-voting', false);

  // Hold screen with one key; the presenter goes blank, then comes back.
  await page.locator('body').press('b');
  await expect(presenter.locator('.presenter-held')).toBeVisible();
  await expect(presenter.getByText('3 of 3 voted')).toHaveCount(0);
  await page.locator('body').press('b');
  await expect(presenter.getByText('3 of 3 voted')).toBeVisible();

  await page.getByRole('button', { name: 'Reveal the results' }).click();
  const results = presenter.getByRole('table');
  await expect(results).toBeVisible();
  await expect(results.getByRole('row')).toHaveCount(4);
  await expect(presenter.locator('.p-tie-note')).toContainText(
    'Lend tablets to people leaving hospital and Digital champions from library volunteers',
  );
  await shot(presenter, '06-presenter-results', false);
  await expectPresenterAccessible(h, 'Presenter: results with a tie');
  await page.getByRole('button', { name: 'Re-vote on the 2 tied items' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Re-vote: Dot voting' })).toBeVisible();
  // The re-vote is the one activity running, with its own timer set.
  await expect(page.getByRole('navigation', { name: 'Agenda' }).getByText('Running now')).toHaveCount(1);
  await expect(page.locator('.ws-timer-clock')).toContainText('5:00');

  // ---- 2×2: define the axes, place by button, move by keyboard and by dragging ------------------------------
  await page
    .getByRole('navigation', { name: 'Agenda' })
    .getByRole('button', { name: /2×2 prioritisation/ })
    .click();
  await page.getByRole('button', { name: 'Start this activity' }).click();
  await page.getByRole('button', { name: /Choose the items/ }).click();
  const items = page.getByRole('dialog', { name: /Items for/ });
  await items.getByRole('checkbox', { name: 'Lend tablets to people leaving hospital' }).check();
  await items.getByRole('checkbox', { name: 'Memory cafés in market towns' }).check();
  await items.getByRole('button', { name: 'Use 2 chosen' }).click();
  await expect(page.getByRole('button', { name: /^Place at the centre: Lend tablets/ })).toBeDisabled();
  await page.getByLabel('What the vertical axis means').fill('Contribution to the objectives voted first');
  await page.getByLabel('What the horizontal axis means').fill('Money, staff time and lead time');
  await page.getByRole('button', { name: /^Place at the centre: Lend tablets/ }).click();
  await page.getByRole('button', { name: /^Place at the centre: Memory cafés/ }).click();
  const tablets = page.getByRole('button', { name: /^1: Lend tablets/ });
  await tablets.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowUp');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(tablets).toHaveAttribute('aria-label', /Quick wins \(Impact 100%, Effort 30%\)/);
  const cafes = page.getByRole('button', { name: /^2: Memory cafés/ });
  const grid = page.getByRole('group', { name: /2×2 grid/ });
  const box = (await grid.boundingBox())!;
  const from = (await cafes.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.85, box.y + box.height * 0.85, { steps: 8 });
  await page.mouse.up();
  await expect(cafes).toHaveAttribute('aria-label', /Time sinks/);
  await expect(presenter.getByText(/\(T\)/)).toBeVisible();
  await shot(page, '07-console-grid');
  await shot(presenter, '08-presenter-grid', false);
  await expectAccessible(h, 'Console: 2×2');
  await expectPresenterAccessible(h, 'Presenter: 2×2');

  // ---- Walk the map: propose, consent, objection, agree ------------------------------------------------------
  await page
    .getByRole('navigation', { name: 'Agenda' })
    .getByRole('button', { name: /Walk the map/ })
    .click();
  await page.getByRole('button', { name: 'Start this activity' }).click();
  await expect(
    page.getByRole('heading', { level: 4, name: /Objective 1 of 2: Improve mental wellbeing/ }),
  ).toBeVisible();
  const readingWell = page.locator('.ws-link').filter({ hasText: 'Reading Well books on prescription' });
  await readingWell.getByRole('radio', { name: '○ Medium' }).check();
  await readingWell
    .getByRole('textbox', { name: /Objections about/ })
    .fill('The ICB thinks strong is fairer.');
  await readingWell.getByRole('checkbox', { name: 'Agreed by the room' }).check();
  await page.getByRole('button', { name: 'Next objective' }).click();
  await page
    .getByLabel('Discuss another service for this objective')
    .selectOption({ label: 'Free public Wi-Fi' });
  await page.getByRole('button', { name: 'Add to the discussion' }).click();
  const wifi = page.locator('.ws-link').filter({ hasText: 'Free public Wi-Fi' });
  await wifi.getByRole('radio', { name: '● Strong' }).check();
  await expect(wifi.getByRole('checkbox', { name: 'Agreed by the room' })).toBeDisabled();
  await wifi
    .getByRole('textbox', { name: /Why Free public Wi-Fi contributes/ })
    .fill('Free Wi-Fi in every library, used for job searches and Universal Credit.');
  await wifi.getByRole('checkbox', { name: 'Agreed by the room' }).check();
  await expect(presenter.getByText('✓ Agreed')).toBeVisible();
  await expect(presenter.getByText('The ICB thinks strong is fairer.')).toHaveCount(0);
  await shot(page, '09-console-walk');
  await shot(presenter, '10-presenter-walk', false);
  await expectAccessible(h, 'Console: walk the map');

  // ---- Parking lot, decision, action ----------------------------------------------------------------------
  const logs = page.getByRole('region', { name: 'Parking lot, decisions and actions' });
  await logs.getByLabel('Park something for later').fill('Homelessness surgeries with the districts');
  await logs.getByRole('button', { name: 'Add' }).click();
  await logs.getByRole('tab', { name: /Decisions/ }).click();
  await logs.getByLabel('Record a decision').fill('Work up tablet lending with the ICB');
  await logs.getByRole('button', { name: 'Add' }).click();
  await logs.getByRole('tab', { name: /Actions/ }).click();
  await logs.getByLabel('Add an action').fill('Draft the tablet-lending pilot');
  await logs.getByRole('button', { name: 'Add' }).click();
  await expect(logs.getByText('“Draft the tablet-lending pilot” has no owner.')).toBeVisible();
  await logs.getByRole('textbox', { name: 'Owner of action 1' }).fill('Digital Inclusion Manager');
  // A UK date, typed as day, month and year whatever the computer's locale; it is kept on leaving the box.
  await logs.getByLabel('Due date of action 1').fill('30/04/2026');
  await logs.getByLabel('Due date of action 1').press('Tab');
  await expect(logs.locator('.ws-flag')).toHaveCount(0);

  // Show the actions on the screen; page through nothing private.
  await page
    .getByRole('group', { name: 'Show on the screen' })
    .getByRole('button', { name: 'Actions' })
    .click();
  await expect(presenter.getByText('Draft the tablet-lending pilot')).toBeVisible();
  await expect(presenter.getByText('Digital Inclusion Manager, 30 April 2026')).toBeVisible();

  // ---- Results: transfer, undo, close, report and kit -------------------------------------------------------
  await page.getByRole('tab', { name: 'Results and write-up' }).click();
  const links = page.getByRole('region', { name: 'Agreed links to the map' });
  await links.getByRole('button', { name: 'Preview the changes' }).click();
  await expect(links.getByRole('table')).toContainText('Free public Wi-Fi → Reduce the number of residents');
  await expect(links.getByRole('table')).toContainText(
    'agreed at Partners’ mapping session on 10 March 2026',
  );
  await links.getByRole('button', { name: 'Put the agreed links on the map' }).click();
  await expect(links.getByRole('heading', { name: 'Changes made' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '2 changes made' })).toBeVisible();
  // One undo reverses the whole transfer.
  await page.locator('body').press('Control+z');
  await expect(
    page.getByRole('status').filter({ hasText: 'Undone: Put the agreed links on the map.' }),
  ).toBeVisible();
  await page.locator('body').press('Control+y');
  await expect(page.getByRole('status').filter({ hasText: 'Redone' })).toBeVisible();

  // Parked items block closing until they have a disposition.
  const close = page
    .getByRole('region', { name: 'Close the session' })
    .or(page.locator('section', { has: page.getByRole('heading', { name: 'Close the session' }) }));
  await expect(close.getByRole('button', { name: 'Close the session' })).toBeDisabled();
  await page.getByRole('tab', { name: 'Run the session' }).click();
  await logs.getByRole('tab', { name: /Parking lot/ }).click();
  await logs.getByLabel('What happens to it').selectOption('future-agenda');
  await logs
    .getByRole('textbox', { name: /Which meeting, and when for parked item 1/ })
    .fill('Housing board, May');
  await page.getByRole('tab', { name: 'Results and write-up' }).click();
  // No next steps, no reason: still blocked, and the form says what to do.
  await expect(close.getByRole('button', { name: 'Close the session' })).toBeDisabled();
  await expect(
    close.getByText(/Say what happens next .* or record why there are no next steps/),
  ).toBeVisible();
  await close
    .getByLabel('What happens next')
    .fill('The library team works up tablet lending with the ICB and reports to cabinet in April.');
  await close.getByLabel('Participants will hear back by').fill('30/04/2026');
  await close.getByLabel('Participants will hear back by').press('Tab');
  await page.getByRole('button', { name: 'Close the session' }).click();
  const confirm = page.getByRole('dialog', { name: 'Close the session?' });
  if (await confirm.isVisible())
    await confirm.getByRole('button', { name: 'Close the session anyway' }).click();
  await expect(page.getByText('The session is closed.', { exact: true })).toBeVisible();
  await shot(page, '11-results');
  await expectAccessible(h, 'Results and write-up');

  const out = mkdtempSync(join(tmpdir(), 'awb-workshop-e2e-'));
  h.dialogs.saveAnswers.push(join(out, 'Partners report.docx'));
  await page.getByRole('button', { name: 'Write report…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The report is written' })).toBeVisible({
    timeout: 60_000,
  });
  expect(readdirSync(out).sort()).toEqual(['Partners report.docx', 'Partners report.pdf']);
  const reportText = execFileSync('pdftotext', [join(out, 'Partners report.pdf'), '-'], {
    encoding: 'utf8',
  }).replace(/\s+/g, ' ');
  for (const s of [
    'Partners’ mapping session',
    'Ties:',
    'The ICB thinks strong is fairer.',
    'Work up tablet lending with the ICB',
    'Digital Inclusion Manager',
    'Housing board, May',
  ])
    expect(reportText).toContain(s);
  expect(
    execFileSync('unzip', ['-p', join(out, 'Partners report.docx'), 'word/document.xml'], {
      encoding: 'utf8',
    }),
  ).toContain('Draft the tablet-lending pilot');

  h.dialogs.folderAnswers.push(out);
  await page.getByRole('checkbox', { name: 'Large print (18 pt and larger)' }).check();
  await page.getByLabel('Wall poster of the map (50 pt text, read from 2 metres)').selectOption('A1');
  await page.getByRole('button', { name: 'Print kit…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The kit is ready' })).toBeVisible({
    timeout: 90_000,
  });
  const kitFolder = join(out, 'Workshop kit - Partners’ mapping session');
  expect(readdirSync(kitFolder).sort()).toEqual([
    'Agenda (large print).pdf',
    'Cards (A6 card stock) (large print).pdf',
    'Matrix poster (A3) (large print).pdf',
    'Objective cards (A4 sheets) (large print).pdf',
    'Service cards (A4 sheets) (large print).pdf',
    'Voting sheets (large print).pdf',
    'Wall poster (A1) (large print).pdf',
  ]);
  expect(
    execFileSync('pdfinfo', [join(kitFolder, 'Wall poster (A1) (large print).pdf')], { encoding: 'utf8' }),
  ).toMatch(/Page size:.*\(A1\)/);
  expect(
    execFileSync('pdfinfo', [join(kitFolder, 'Matrix poster (A3) (large print).pdf')], { encoding: 'utf8' }),
  ).toMatch(/Page size:.*\(A3\)/);
  await page.getByRole('button', { name: 'Open Agenda (large print).pdf' }).click();
  await expect.poll(() => h.externalOpened).toContain(`file:${join(kitFolder, 'Agenda (large print).pdf')}`);

  // ---- The workbook afterwards, saved to a real file ----------------------------------------------------------
  const saved = join(out, 'after.awbook');
  h.dialogs.saveAnswers.push(saved);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /Saved/ })).toBeVisible();
  const read = readWorkbookText(readFileSync(saved, 'utf8'));
  expect(read.ok ? null : read.error).toBeNull();
  if (!read.ok) return;
  const wb = read.value.workbook;
  const w = wb.workshops.find((x) => x.title === 'Partners’ mapping session')!;
  expect(w.status).toBe('closed');
  const wifiLink = wb.alignments.find(
    (l) => l.serviceId === 'svc_nsc_wifi' && l.objectiveId === 'obj_nsc_o33_digital',
  );
  expect(wifiLink).toMatchObject({
    strength: 3,
    provenance: {
      kind: 'workshop',
      workshopId: w.id,
      date: '2026-03-10',
      note: 'agreed at Partners’ mapping session on 10 March 2026',
    },
  });
  expect(
    wb.alignments.find(
      (l) => l.serviceId === 'svc_nsc_reading_well' && l.objectiveId === 'obj_nsc_o11_wellbeing',
    )!.strength,
  ).toBe(2);
  const vote = w.activities.find((a) => a.kind === 'dot-vote' && a.revoteOf === null);
  expect(vote?.kind === 'dot-vote' && vote.ballots.every((b) => b.participantId === null)).toBe(true);
  expect(
    vote?.kind === 'dot-vote' && vote.ballots.map((b) => b.allocations.reduce((n, a) => n + a.amount, 0)),
  ).toEqual([3, 2, 0]);

  // ---- Offline: nothing but the app's own origin was ever asked for -----------------------------------------
  await h.page.getByRole('button', { name: 'Close presenter view' }).count();
  const foreign = requests.filter(
    (u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:'),
  );
  expect(foreign).toEqual([]);
  expect(
    requests.some((u) => u.startsWith(`${origin}/index.html#presenter`) || u === `${origin}/index.html`),
  ).toBe(true);
});

test('the timer announces one minute left and time up with a chime (mutable); 100 points and a paper wall are checked', async ({
  launch,
  context,
}) => {
  test.setTimeout(120_000);
  await context.addInitScript({ content: COUNT_CHIMES });
  await context.clock.install();
  const h = await launch();
  const page = h.page;
  await page.getByRole('button', { name: 'Open the sample workbook' }).click();
  await page
    .getByRole('navigation', { name: 'Steps' })
    .getByRole('button', { name: /Workshops/ })
    .click();
  await page.getByRole('button', { name: 'New workshop' }).click();
  const plan = page.getByRole('tabpanel');
  await plan.getByLabel('How many people').fill('2');
  await plan
    .getByLabel('Add to the agenda')
    .selectOption({ label: 'Share out 100 points (100-point allocation, 10 min)' });
  await plan.getByRole('button', { name: 'Add activity' }).click();
  await plan.getByLabel('Add to the agenda').selectOption({ label: 'Dot voting (10 min)' });
  await plan.getByRole('button', { name: 'Add activity' }).click();

  await page.getByRole('tab', { name: 'Run the session' }).click();
  await page.getByRole('button', { name: 'Open presenter view' }).click();
  await expect.poll(() => h.presenterPage() !== null).toBe(true);
  const presenter = h.presenterPage()!;
  await page.getByRole('button', { name: 'Start this activity' }).click();

  // ---- Timer ------------------------------------------------------------------------------------------------
  const live = page.locator('[role="status"][aria-live="polite"]');
  await page.getByRole('button', { name: 'Start timer' }).click();
  await expect(live).toHaveText('Timer started: 10 minutes.');
  await context.clock.fastForward('09:01');
  await expect(live).toHaveText('One minute left.');
  await expect(page.locator('.ws-timer-words')).toHaveText('One minute left');
  await expect(presenter.getByRole('timer')).toContainText('One minute left');
  // Typing is never blocked by the timer.
  await page.getByRole('button', { name: /Choose the options/ }).click();
  const options = page.getByRole('dialog', { name: /Options for/ });
  await options.getByRole('checkbox', { name: 'Free public Wi-Fi' }).check();
  await options.getByRole('checkbox', { name: 'Business & IP Centre Northshire' }).check();
  await options.getByRole('button', { name: 'Use 2 chosen' }).click();
  await context.clock.fastForward('01:00');
  await expect(live).toHaveText('Time is up.');
  await expect(presenter.getByRole('timer')).toContainText('Time is up');
  const chimes = await page.evaluate(() => (window as unknown as { __chimes: number }).__chimes);
  expect(chimes).toBeGreaterThan(0);
  await shot(presenter, '12-presenter-time-up', false);
  // Muted: the next time up is announced but silent.
  await page.getByText('Settings for the room').click();
  await page.getByRole('checkbox', { name: 'Mute the chime at time up' }).check();
  await page.getByRole('button', { name: 'Reset' }).click();
  await page.getByRole('button', { name: 'Start timer' }).click();
  await context.clock.fastForward('10:01');
  await expect(live).toHaveText('Time is up.');
  expect(await page.evaluate(() => (window as unknown as { __chimes: number }).__chimes)).toBe(chimes);

  // ---- 100 points must add up ------------------------------------------------------------------------------
  await page.getByRole('button', { name: 'Open voting' }).click();
  await page.getByRole('button', { name: 'Start private voting on this laptop' }).click();
  const booth = page.getByRole('dialog', { name: /Private voting|Your vote|Thank you/ });
  await booth.getByRole('button', { name: 'Start my vote' }).click();
  await booth.getByRole('spinbutton', { name: /Points for 1: Free public Wi-Fi/ }).fill('60');
  await booth.getByRole('spinbutton', { name: /Points for 2: Business/ }).fill('30');
  await expect(booth.getByText('10 points still to place: the points must add up to 100.')).toBeVisible();
  await expect(booth.getByRole('button', { name: 'Submit my vote' })).toBeDisabled();
  await booth.getByRole('spinbutton', { name: /Points for 2: Business/ }).fill('40');
  await booth.getByRole('button', { name: 'Submit my vote' }).click();
  await booth.getByRole('button', { name: 'Next voter' }).click();
  await booth.getByRole('button', { name: 'Start my vote' }).click();
  await booth.getByRole('button', { name: 'Abstain' }).click();
  // Nothing for the facilitator on the voter's screen: Escape between voters returns to the console.
  await expect(booth.getByRole('button', { name: /Finish voting/ })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByText('2 of 2 voted')).toBeVisible();
  await page.getByRole('button', { name: 'Reveal the results' }).click();
  await expect(presenter.getByRole('table')).toContainText('Free public Wi-Fi60');

  // ---- Paper wall: totals checked against what the voters could place --------------------------------------
  await page.getByRole('button', { name: 'Finish and go to the next activity' }).click();
  await page.getByRole('button', { name: /Choose the options/ }).click();
  await options.getByRole('checkbox', { name: 'Free public Wi-Fi' }).check();
  await options.getByRole('checkbox', { name: 'Business & IP Centre Northshire' }).check();
  await options.getByRole('button', { name: 'Use 2 chosen' }).click();
  await page.getByRole('radio', { name: /A dot wall/ }).check();
  await page.getByRole('button', { name: 'Open voting' }).click();
  await page.getByRole('spinbutton', { name: 'Dots for 1: Free public Wi-Fi' }).fill('9');
  await page.getByRole('button', { name: 'Save the counted totals' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'more than 2 voters could give it' })).toBeVisible();
  await page.getByRole('spinbutton', { name: 'Dots for 1: Free public Wi-Fi' }).fill('4');
  await page.getByRole('spinbutton', { name: 'Dots for 2: Business & IP Centre Northshire' }).fill('2');
  await page.getByRole('button', { name: 'Save the counted totals' }).click();
  await expect(presenter.getByRole('table')).toHaveCount(0);
  await page.getByRole('button', { name: 'Reveal the results' }).click();
  await expect(presenter.getByRole('table')).toContainText('Free public Wi-Fi4');
  await expect(presenter.getByText('2 people voted.')).toBeVisible();
});
