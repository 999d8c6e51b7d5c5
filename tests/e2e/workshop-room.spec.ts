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

async function planIdeasAndVote(page: Page) {
  await page.getByRole('button', { name: 'Open the sample workbook' }).click();
  await page
    .getByRole('navigation', { name: 'Steps' })
    .getByRole('button', { name: /Workshops/ })
    .click();
  await page.getByRole('button', { name: 'New workshop' }).click();
  const plan = page.getByRole('tabpanel');
  await plan.getByLabel('How many people').fill('20');
  const add = async (label: RegExp) => {
    const select = plan.getByLabel('Add to the agenda');
    const texts = await select.locator('option').allTextContents();
    await select.selectOption({ label: texts.find((t) => label.test(t))! });
    await plan.getByRole('button', { name: 'Add activity' }).click();
  };
  await add(/^Idea capture/);
  await add(/^Dot voting/);
  await page.getByRole('tab', { name: 'Run the session' }).click();
  await page.getByRole('button', { name: 'Start this activity' }).click();
}

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
});
