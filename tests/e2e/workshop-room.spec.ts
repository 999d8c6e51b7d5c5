/**
 * The workshop console in a real room: a 1366×768 council laptop. Naming a cluster while capturing ideas never
 * regroups the idea mid-word or lets a letter reach the hold shortcut; the activity gets the width, and the
 * screen controls and the New idea box are on screen without scrolling.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const artefacts = join(import.meta.dirname, '..', 'artifacts', 'workshop-room');
mkdirSync(artefacts, { recursive: true });

test.use({ viewport: { width: 1366, height: 768 } });

/** Opens the sample, plans a new workshop for 20 people with these activities, and starts the first. */
async function planAndStart(page: Page, kinds: readonly RegExp[], minutes?: number) {
  await page.getByRole('button', { name: 'Open the sample workbook' }).click();
  await page
    .getByRole('navigation', { name: 'Steps' })
    .getByRole('button', { name: /Workshops/ })
    .click();
  await page.getByRole('button', { name: 'New workshop' }).click();
  const plan = page.getByRole('tabpanel');
  await plan.getByLabel('How many people').fill('20');
  if (minutes !== undefined) await plan.getByLabel('Planned length of the session (minutes)').fill(String(minutes));
  for (const kind of kinds) {
    const select = plan.getByLabel('Add to the agenda');
    const texts = await select.locator('option').allTextContents();
    await select.selectOption({ label: texts.find((t) => kind.test(t))! });
    await plan.getByRole('button', { name: 'Add activity' }).click();
  }
  await expect(page.getByText(/runs over|longer than the planned/i)).toHaveCount(0);
  await page.getByRole('tab', { name: 'Run the session' }).click();
  await page.getByRole('button', { name: 'Start this activity' }).click();
}

const planIdeasAndVote = (page: Page) => planAndStart(page, [/^Idea capture/, /^Dot voting/]);

/** Entirely inside the window as it is, without scrolling. */
async function expectInViewport(page: Page, target: Locator, what: string) {
  const box = await target.boundingBox();
  const { width, height } = page.viewportSize()!;
  expect(box, `${what} is drawn`).not.toBeNull();
  expect(
    box!.x >= 0 && box!.y >= 0 && box!.x + box!.width <= width && box!.y + box!.height <= height,
    `${what} at ${JSON.stringify(box)} is inside ${width}×${height}`,
  ).toBe(true);
}

test('naming a cluster applies on Enter or leaving the box, and letters never hold the screen', async ({
  launch,
}) => {
  const h = await launch();
  const page = h.page;
  await planIdeasAndVote(page);
  await page.getByLabel('New idea').fill('Memory cafés in market towns');
  await page.getByRole('button', { name: 'Add idea' }).click();
  // "b" typed in the New idea box is text, not the hold shortcut.
  await page.getByLabel('New idea').pressSequentially('Books on prescription');
  await expect(page.getByLabel('New idea')).toHaveValue('Books on prescription');
  await expect(page.getByTestId('room-now')).not.toContainText('On hold');

  const groupBox = page.getByLabel('Group of “Memory cafés in market towns”');
  await groupBox.click();
  await page.keyboard.type('Health and wellbeing', { delay: 10 });
  // Still one box, still focused, nothing regrouped while typing, the screen not held by the "b".
  await expect(groupBox).toBeFocused();
  await expect(groupBox).toHaveValue('Health and wellbeing');
  await expect(page.getByRole('region', { name: 'H', exact: true })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Not grouped yet', exact: true })).toBeVisible();
  await expect(page.getByTestId('room-now')).not.toContainText('On hold');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Health and wellbeing', exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Not grouped yet', exact: true })).toHaveCount(0);

  // Leaving the box applies the name too; Escape puts the saved name back.
  const box2 = page.getByLabel('Group of “Memory cafés in market towns”');
  await box2.fill('Health');
  await box2.press('Escape');
  await expect(box2).toHaveValue('Health and wellbeing');
  await box2.fill('Wellbeing');
  await page.getByLabel('New idea').focus();
  await expect(page.getByRole('region', { name: 'Wellbeing', exact: true })).toBeVisible();
  // Away from text fields (here on a checkbox), B holds the screen and B again brings it back.
  await page.getByText('Settings for the room').click();
  await page.getByRole('checkbox', { name: /Single-key shortcut/ }).focus();
  await page.keyboard.press('b');
  await expect(page.getByTestId('room-now')).toContainText('On hold');
  await page.keyboard.press('b');
  await expect(page.getByTestId('room-now')).not.toContainText('On hold');

  // Merging keeps the idea chosen, in the wording chosen.
  await page.getByLabel('New idea').fill('Memory cafés in every town');
  await page.getByRole('button', { name: 'Add idea' }).click();
  await page.getByRole('checkbox', { name: 'Select “Memory cafés in every town” to merge' }).check();
  await page.getByRole('checkbox', { name: 'Select “Memory cafés in market towns” to merge' }).check();
  await page.getByRole('button', { name: 'Merge 2 selected ideas…' }).click();
  const merge = page.getByRole('dialog', { name: 'Merge 2 ideas?' });
  await expect(merge.getByRole('radio', { name: 'Memory cafés in every town' })).toBeChecked();
  await merge.getByRole('radio', { name: 'Memory cafés in market towns' }).check();
  await expect(merge.getByLabel('Wording of the merged idea')).toHaveValue('Memory cafés in market towns');
  await merge.getByLabel('Wording of the merged idea').fill('Memory cafés in market-town libraries');
  await merge.getByRole('button', { name: 'Merge' }).click();
  await expect(page.getByLabel('Idea', { exact: true })).toHaveCount(1);
  await expect(
    page.getByRole('region', { name: 'Wellbeing', exact: true }).getByLabel('Idea', { exact: true }),
  ).toHaveValue('Memory cafés in market-town libraries');
});

test('at 1366×768 the activity has the width and the controls are on screen', async ({ launch }) => {
  const h = await launch();
  const page = h.page;
  await planIdeasAndVote(page);
  await page.screenshot({ path: join(artefacts, 'console-1366.png') });
  await expectInViewport(page, page.getByLabel('New idea'), 'The New idea box');
  await expectInViewport(page, page.getByRole('button', { name: /Hold screen/ }), 'Hold screen');
  await expectInViewport(page, page.getByRole('button', { name: 'Start timer' }), 'Start timer');
  await expectInViewport(page, page.getByRole('button', { name: /Finish and go to the next/ }), 'Finish');
  const activity = await page.locator('.ws-console-main').boundingBox();
  expect(activity!.width, 'the activity takes most of the width').toBeGreaterThan(900);
  // Scrolled down to the logs, the room's screen and the timer are still there.
  for (let i = 0; i < 12; i++)
    await page
      .getByLabel('New idea')
      .fill(`Idea ${i + 1}`)
      .then(() => page.keyboard.press('Enter'));
  await page.getByRole('region', { name: 'Parking lot, decisions and actions' }).scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expectInViewport(page, page.getByRole('button', { name: /Hold screen/ }), 'Hold screen, scrolled');
  await expectInViewport(page, page.getByRole('button', { name: 'Start timer' }), 'Start timer, scrolled');

  // The presenter view closes with its workbook (Ctrl+W; the workbook is unsaved, so the app asks first).
  await page.getByRole('button', { name: 'Open presenter view' }).click();
  await expect.poll(() => h.presenterPage() !== null).toBe(true);
  await page.keyboard.press('Control+W');
  await page.getByRole('dialog').getByRole('button', { name: "Don't save" }).click();
  await expect(page.getByRole('heading', { name: 'Recent workbooks' })).toBeVisible();
  await expect.poll(() => h.presenterPage()).toBeNull();
});

test('voting at room speed: 22 options, paper sheets typed by number, a one-screen ballot', async ({
  launch,
}) => {
  test.setTimeout(120_000);
  const h = await launch();
  const page = h.page;
  await planIdeasAndVote(page);
  for (let i = 1; i <= 22; i++) {
    await page.getByLabel('New idea').fill(`Idea ${i} from the room`);
    await page.keyboard.press('Enter');
  }
  await page.getByRole('button', { name: 'Finish and go to the next activity' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Dot voting' })).toBeVisible();
  // All the ideas at once.
  await page.getByRole('button', { name: /Choose the options/ }).click();
  const dialog = page.getByRole('dialog', { name: /Options for/ });
  await dialog.getByRole('button', { name: /Choose all 22/ }).click();
  await dialog.getByRole('button', { name: 'Use 22 chosen' }).click();
  // N/4 and 18F both give 5 dots for 22 options: the one chosen stays chosen.
  await page.getByRole('radio', { name: /N\/4 rule/ }).check();
  await expect(page.getByRole('radio', { name: /N\/4 rule/ })).toBeChecked();
  await expect(page.getByRole('radio', { name: /18F/ })).not.toBeChecked();
  await page.getByRole('button', { name: 'Open voting' }).click();

  // Paper sheets: a batch with a mistake is refused whole, naming the line and why.
  const box = page.getByLabel('Type in paper sheets');
  await box.fill('1: 3 5 5 9\n2: 1 1 1 1\n3: 23');
  await page.getByRole('button', { name: 'Add these sheets' }).click();
  const alert = page.locator('.ws-sheets').getByRole('alert');
  await expect(alert).toContainText('Line 2, sheet 2: option 1 has 4 dots; the most on one option is 3.');
  await expect(alert).toContainText('Line 3, sheet 3: there is no option 23');
  await expect(page.getByTestId('sheets-in')).toHaveText('No paper sheets entered yet.');
  await box.fill('1: 3 5 5 9\n2: 1 1 2 2 22\n3:');
  await box.press('Control+Enter');
  await expect(page.getByTestId('sheets-in')).toHaveText('Sheets entered (3): 1, 2, 3.');
  await expect(page.getByText('3 of 20 voted')).toBeVisible();
  await box.fill('2: 4');
  await page.getByRole('button', { name: 'Add these sheets' }).click();
  await expect(alert).toContainText('Line 1: sheet 2 is already entered.');

  // The passed laptop: 22 options on one screen, Submit in view, nothing for the facilitator on it.
  await page.getByRole('button', { name: 'Start private voting on this laptop' }).click();
  const booth = page.getByRole('dialog', { name: /Private voting|Your vote|Thank you/ });
  await expect(booth.getByRole('button', { name: /Finish voting/ })).toHaveCount(0);
  await booth.getByRole('button', { name: 'Start my vote' }).click();
  await booth.getByRole('button', { name: /^One more dot on 22: / }).click();
  await page.screenshot({ path: join(artefacts, 'ballot-1366.png') });
  await expectInViewport(page, booth.getByRole('button', { name: 'Submit my vote' }), 'Submit my vote');
  await expectInViewport(
    page,
    booth.getByRole('button', { name: /^One more dot on 22: / }),
    'The last option',
  );
  await booth.getByRole('button', { name: 'Submit my vote' }).click();
  await expect(booth.getByRole('button', { name: /Finish voting/ })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByText('4 of 20 voted')).toBeVisible();
});

test('a 90-minute plan with five activities runs at 1366×768 without scrolling to reach a control', async ({ launch }) => {
  const { page } = await launch();
  const kinds = [/^Agenda block/, /^Idea capture/, /^Dot voting/, /^2×2 prioritisation/, /^Walk the map/];
  await planAndStart(page, kinds, 90);

  const misses: string[] = [];
  for (let step = 0; step < kinds.length; step++) {
    await page.screenshot({ path: join(artefacts, `ninety-minutes-${step + 1}.png`) });
    // Every control the facilitator can use is inside the window as it is: nothing to scroll for.
    const outside = await page.evaluate(() => {
      const controls = document.querySelectorAll<HTMLElement>(
        ['button:not([disabled])', 'input:not([type=hidden])', 'select', 'textarea', '[tabindex="0"]']
          .map((c) => `[role=tabpanel] ${c}`)
          .join(', '),
      );
      const misses: string[] = [];
      for (const c of controls) {
        if (c.closest('.visually-hidden, .skip-link') || c.getClientRects().length === 0) continue;
        const r = c.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        // Within a list that scrolls inside its own box, a control is reached by that box's scrolling, not the page's.
        let box: HTMLElement | null = c.parentElement;
        let inScroller = false;
        while (box && box !== document.body) {
          const style = getComputedStyle(box);
          if (/(auto|scroll)/.test(style.overflowY) && box.scrollHeight > box.clientHeight) inScroller = true;
          if (/(auto|scroll)/.test(style.overflowX) && box.scrollWidth > box.clientWidth) inScroller = true;
          box = box.parentElement;
        }
        if (inScroller) continue;
        if (r.top < 0 || r.left < 0 || r.bottom > innerHeight + 1 || r.right > innerWidth + 1)
          misses.push(`${c.tagName.toLowerCase()} “${(c.getAttribute('aria-label') ?? c.textContent ?? '').trim().slice(0, 40)}” at ${Math.round(r.top)}`);
      }
      return misses;
    });
    misses.push(...outside.map((o) => `activity ${step + 1}: ${o}`));
    // A box that scrolls on its own must not hide the activity's primary actions or the logs: they are in view as they are.
    const primary = [
      page.getByRole('button', { name: /Finish and go to the next/ }),
      page.getByRole('tab', { name: /^Parking lot/ }),
      page.getByRole('tab', { name: /^Actions/ }),
      page.getByLabel('Park something for later'),
      ...[
        [],
        [page.getByLabel('New idea')],
        [page.getByRole('button', { name: 'Open voting' }), page.getByRole('button', { name: /Choose the options/ })],
        [page.getByRole('button', { name: /Choose the items/ })],
        [page.getByRole('button', { name: 'Next objective' }), page.getByLabel('Objective', { exact: true })],
      ][step]!,
    ];
    for (const control of primary) await expectInViewport(page, control, `activity ${step + 1}: ${control}`);
    if (step < kinds.length - 1) await page.getByRole('button', { name: /Finish and go to the next/ }).click();
  }
  expect(misses, 'controls of the running session outside the 1366×768 window').toEqual([]);
});
