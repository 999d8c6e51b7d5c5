/**
 * The WCAG 2.2 AA failures of the accessibility audit (issue 17), each checked where a browser is needed: the
 * map's keys with cells not yet drawn, focus after each action (document.activeElement, never the body),
 * Preferences' errors inside the dialog, notices that can be kept, reflow at 320 CSS px for every step, and the
 * Documents step at 1024, 1366 and 1920 wide. axe runs on each state.
 */
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import type { Harness } from './harness';

// One of the longest files: its tests each open the app on their own services, so they may share out between the
// workers instead of one worker running them all while the other has finished.
test.describe.configure({ mode: 'parallel' });

const steps = (page: Page) => page.getByRole('navigation', { name: 'Steps' });

async function openSample(h: Harness) {
  await h.page.getByRole('button', { name: 'Open the sample workbook' }).click();
  await expect(h.page.getByRole('status')).toContainText('sample workbook for Northshire');
}

/** What has focus, in words a failure message can show: never "BODY". */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'BODY';
    const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 60) ?? '';
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} ${name}`.trim();
  });
}

async function expectFocusOnSomething(page: Page, after: string) {
  await expect.poll(() => focused(page), { message: `focus after ${after}` }).not.toBe('BODY');
}

/** The focused map cell's row and column, or null when focus is not on a cell. */
function focusedCell(page: Page): Promise<{ row: number; col: number } | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement) || !el.matches('[role="gridcell"][data-row]')) return null;
    return { row: Number(el.dataset.row), col: Number(el.dataset.col) };
  });
}

function cellDrawn(page: Page, row: number, col: number): Promise<boolean> {
  return page.evaluate(([r, c]) => document.querySelector(`[role="gridcell"][data-row="${r}"][data-col="${c}"]`) !== null, [row, col]);
}

/** The focused element lies wholly inside the window (to the nearest pixel), or where it is when not. */
function focusInWindow(page: Page): Promise<boolean | string> {
  return page.evaluate(() => {
    const r = document.activeElement?.getBoundingClientRect();
    if (!r) return 'nothing focused';
    const inside = Math.round(r.top) >= 0 && Math.round(r.left) >= 0 && Math.round(r.bottom) <= window.innerHeight && Math.round(r.right) <= window.innerWidth;
    return inside || `at ${Math.round(r.left)},${Math.round(r.top)} to ${Math.round(r.right)},${Math.round(r.bottom)} in ${window.innerWidth}×${window.innerHeight}`;
  });
}

test('the map at 1366×768: keys move focus to cells not yet drawn, digits set the focused cell, details open on the strength', async ({ launch }) => {
  const h = await launch();
  const { page } = h;
  await page.setViewportSize({ width: 1366, height: 768 });
  await openSample(h);
  await steps(page).getByRole('button', { name: /Map/ }).click();
  const grid = page.getByRole('grid', { name: /Contribution map/ });
  const rows = Number(await grid.getAttribute('aria-rowcount')) - 2;
  const cols = Number(await grid.getAttribute('aria-colcount')) - 2;
  await grid.locator('[data-row="0"][data-col="0"]').click();
  expect(await focusedCell(page)).toEqual({ row: 0, col: 0 });

  // Ctrl+End: the last cell is not drawn yet; focus goes there all the same.
  expect(await cellDrawn(page, rows - 1, cols - 1)).toBe(false);
  await page.keyboard.press('Control+End');
  await expect.poll(() => focusedCell(page)).toEqual({ row: rows - 1, col: cols - 1 });
  expect(await focusInWindow(page)).toBe(true);
  // A digit sets the cell that has focus.
  await page.keyboard.press('2');
  await expect(grid.locator(`[data-row="${rows - 1}"][data-col="${cols - 1}"]`)).toHaveAccessibleName(/: medium \(2\)/);

  await page.keyboard.press('Control+Home');
  await expect.poll(() => focusedCell(page)).toEqual({ row: 0, col: 0 });
  await page.keyboard.press('End');
  await expect.poll(() => focusedCell(page)).toEqual({ row: 0, col: cols - 1 });
  await page.keyboard.press('Home');
  await expect.poll(() => focusedCell(page)).toEqual({ row: 0, col: 0 });
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await expect.poll(() => focusedCell(page)).toEqual({ row: Math.min(20, rows - 1), col: 0 });
  expect(await focusInWindow(page)).toBe(true);
  await page.keyboard.press('PageUp');
  await expect.poll(() => focusedCell(page)).toEqual({ row: Math.min(20, rows - 1) - 10, col: 0 });
  // Arrow keys at 768 px high keep the focused cell in the window.
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowDown');
  expect(await focusInWindow(page)).toBe(true);

  // The cell's name says where it is and what it holds.
  await page.keyboard.press('Control+Home');
  const at = await page.evaluate(() => {
    const cell = [...document.querySelectorAll<HTMLElement>('[role="gridcell"][data-row]')].find((c) => /: strong \(3\), \d+ evidence items?$/.test(c.querySelector('.visually-hidden')?.textContent ?? ''));
    return cell ? { row: cell.dataset.row!, col: cell.dataset.col! } : null;
  });
  expect(at, 'a strong link with evidence is drawn').not.toBeNull();
  const strong = grid.locator(`[data-row="${at!.row}"][data-col="${at!.col}"]`);
  await strong.click();
  await expect(strong).toHaveAccessibleName(/^[^,]+, \d+(\.\d+)* .+: strong \(3\), \d+ evidence items?$/);
  // Enter opens the details on the current strength, never on "Not assessed".
  await page.keyboard.press('Enter');
  const details = page.getByRole('complementary', { name: /→/ });
  await expect(details).toBeVisible();
  await expect(details.getByRole('radio', { name: /3 Strong/ })).toBeFocused();
  await expectAccessible(h, 'Map with link details at 1366×768');

  // Choosing "Not assessed" removes the link with its evidence: the notice says so and offers Undo.
  await details.getByRole('radio', { name: 'Not assessed' }).check();
  await expect(page.getByRole('status')).toContainText(/Removed the link .* with \d+ evidence items?/);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(strong).toHaveAccessibleName(/: strong \(3\)/);

  // The key explains the corner triangle and "Links (score)".
  await expect(page.getByRole('region', { name: 'Key to the map' })).toContainText('Corner triangle');
  await expect(page.getByRole('region', { name: 'Key to the map' })).toContainText('Links (score)');
});

test('focus after each action is somewhere sensible, never the page body', async ({ launch }) => {
  const h = await launch();
  const { page } = h;
  await openSample(h);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();

  // Evidence: delete one, focus on the next item in the list.
  await steps(page).getByRole('button', { name: /Evidence/ }).click();
  const list = page.getByRole('navigation', { name: 'Evidence in this workbook' });
  const second = (await list.getByRole('button').nth(1).textContent())!;
  await list.getByRole('button').first().click();
  await page.getByRole('button', { name: 'Delete evidence' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect.poll(() => focused(page)).toContain(second.slice(0, 20));
  // The undo notice can be kept; Undo puts it back.
  await page.getByRole('button', { name: 'Keep this message' }).click();
  await expect(page.getByRole('button', { name: 'Dismiss' })).toBeFocused();
  await page.getByRole('button', { name: 'Undo' }).click();

  // Attach from the library: focus follows the item to its place among the workbook's evidence.
  await page.getByRole('button', { name: 'Add from the evidence library…' }).click();
  const picker = page.getByRole('dialog', { name: 'Add from the evidence library' });
  const attach = picker.getByRole('button', { name: /^Attach “/ }).first();
  const title = (await attach.getAttribute('aria-label')) ?? (await attach.textContent())!;
  await attach.click();
  await expect.poll(() => focused(page)).toContain('Attached');
  expect(title).toContain('Attach');
  await page.keyboard.press('Escape');

  // Objectives: delete one, focus on the tree item now selected.
  await steps(page).getByRole('button', { name: /Objectives/ }).click();
  const tree = page.getByRole('tree', { name: 'Council objectives' });
  await tree.getByRole('treeitem').nth(2).click();
  await page.getByRole('button', { name: /^Delete/ }).first().click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('treeitem');

  // Services: add a figure, focus in its first box; delete it, focus moves on.
  await steps(page).getByRole('button', { name: /Services/ }).click();
  await page.getByRole('button', { name: 'Add a figure' }).click();
  await expect(page.getByRole('textbox', { name: /What is counted/ }).last()).toBeFocused();
  await page.getByRole('button', { name: /^Delete figure New figure/ }).click();
  await expectFocusOnSomething(page, 'deleting a figure');

  // Partners: add one of their objectives (announced, focus in its box), then delete it.
  await steps(page).getByRole('button', { name: /Partners/ }).click();
  await page.getByRole('navigation', { name: 'Partners' }).getByRole('button').first().click();
  await page.getByRole('button', { name: 'Add one of their objectives' }).click();
  await expect(page.getByRole('status')).toContainText(/Added objective \d+ for/);
  await expect(page.getByRole('textbox', { name: /^Objective/ }).last()).toBeFocused();
  await page.getByRole('button', { name: /^Delete objective New objective/ }).click();
  await expectFocusOnSomething(page, 'deleting a partner objective');

  // Find: choosing a result focuses the item found.
  await page.keyboard.press('Control+f');
  const find = page.getByRole('dialog', { name: 'Find' });
  await find.getByRole('searchbox').or(find.getByRole('textbox')).first().fill('reading');
  await find.getByRole('button').filter({ hasText: /reading/i }).first().click();
  await expectFocusOnSomething(page, 'choosing a Find result');
  await expectAccessible(h, 'After choosing a Find result');
});

test('Preferences opens on its first control; a bad recovery interval is reported inside the dialog', async ({ launch }) => {
  const h = await launch();
  const { page } = h;
  await page.getByRole('button', { name: /Preferences/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Preferences' });
  await expect(dialog.getByLabel('Your name, for new workbooks')).toBeFocused();
  const interval = dialog.getByLabel(/recovery copy/);
  await interval.fill('1');
  await interval.press('Tab');
  await expect(interval).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByRole('alert')).toContainText('from 2 to 600');
  await expect(interval).toHaveValue('1');
  await expectAccessible(h, 'Preferences with an error');
  await interval.fill('30');
  await interval.press('Tab');
  await expect(interval).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('status')).toContainText('Preferences saved');
});

const STEP_NAMES = ['Authority', 'Objectives', 'Services', 'Data', 'Evidence', 'Map', 'Review', 'Partners', 'Workshops', 'Documents', 'Progress'];

test('reflow at 320 CSS px: no step scrolls sideways (wide tables and the map scroll inside their own box)', async ({ launch }) => {
  const h = await launch();
  const { page } = h;
  await openSample(h);
  await page.setViewportSize({ width: 320, height: 700 });
  const overflows: string[] = [];
  for (const name of STEP_NAMES) {
    const button = steps(page).getByRole('button', { name: new RegExp(name) });
    await button.click();
    // Measured once the step is current and drawn, not while the last one is still on screen.
    await expect(button).toHaveAttribute('aria-current', 'step');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const extra = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (extra > 0) overflows.push(`${name}: ${extra} px too wide`);
  }
  expect(overflows).toEqual([]);
});

for (const width of [1024, 1366, 1920]) {
  test(`the Documents step at ${width} px: tables fit or scroll inside their column; the preview beside or in a tab`, async ({ launch }) => {
    const h = await launch();
    const { page } = h;
    await page.setViewportSize({ width, height: 800 });
    await openSample(h);
    await steps(page).getByRole('button', { name: /Documents/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Documents' })).toBeVisible();
    const problems = await page.evaluate(() => {
      const out: string[] = [];
      const preview = document.querySelector('.documents-preview, .document-preview, [aria-label*="review"]')?.getBoundingClientRect();
      for (const table of document.querySelectorAll('main table')) {
        const r = table.getBoundingClientRect();
        if (r.width === 0) continue;
        // A table wider than its column must sit in a scroller of its own.
        let p = table.parentElement;
        let scroller = false;
        while (p && p !== document.body) {
          const o = getComputedStyle(p).overflowX;
          if ((o === 'auto' || o === 'scroll') && p.clientWidth < p.scrollWidth + 1) {
            scroller = true;
            break;
          }
          p = p.parentElement;
        }
        const column = table.closest('.documents-questions, .documents-main, section')?.getBoundingClientRect();
        if (!scroller && column && r.right > column.right + 1) out.push(`table overflows its column by ${Math.round(r.right - column.right)} px`);
        if (preview && preview.width > 0 && r.right > preview.left && r.left < preview.left && preview.top < r.bottom && preview.bottom > r.top)
          out.push('a table runs under the preview');
      }
      if (document.documentElement.scrollWidth > document.documentElement.clientWidth) out.push('the page scrolls sideways');
      return out;
    });
    expect(problems).toEqual([]);
    const preview = page.locator('#documents-pane-preview');
    const questions = page.locator('#documents-pane-questions');
    if (width < 1200) {
      // Below 1200 px the preview is a tab of its own, not thousands of pixels down the page.
      const tabs = page.getByRole('tablist', { name: 'Documents step' });
      await expect(preview).toBeHidden();
      await tabs.getByRole('tab', { name: 'Preview' }).click();
      await expect(preview).toBeVisible();
      await expect(questions).toBeHidden();
      await page.keyboard.press('ArrowLeft');
      await expect(tabs.getByRole('tab', { name: 'Questions and export' })).toBeFocused();
      await expect(questions).toBeVisible();
    } else {
      await expect(page.getByRole('tablist', { name: 'Documents step' })).toHaveCount(0);
      const [q, p] = [await questions.boundingBox(), await preview.boundingBox()];
      expect(p!.x, 'the preview sits beside the questions').toBeGreaterThanOrEqual(q!.x + q!.width);
    }
    await expectAccessible(h, `Documents at ${width}`);
  });
}

/** Presses key until the focused element matches the CSS selector; returns how many presses it took (or -1 past max). */
async function pressUntil(page: Page, selector: string, key: 'Tab' | 'Shift+Tab', max = 40): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press(key);
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return i;
  }
  return -1;
}

test('every step has one main landmark with one h1, named regions and headings; F6 goes to the steps and back', async ({ launch }) => {
  const h = await launch();
  const { page } = h;
  await openSample(h);
  for (const name of ['Start', 'Authority', 'Objectives', 'Services', 'Data', 'Evidence', 'Map', 'Review', 'Partners', 'Workshops', 'Documents', 'Progress']) {
    await steps(page).getByRole('button', { name, exact: true }).click();
    await expect(page.getByRole('main')).toHaveCount(1);
    await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveCount(1);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    const landmarks = await page.evaluate(() =>
      [...document.querySelectorAll('nav, aside, [role="region"], section[aria-label], section[aria-labelledby], [role="navigation"], [role="complementary"]')].map((el) => {
        const by = el.getAttribute('aria-labelledby');
        const name = el.getAttribute('aria-label') ?? (by ? by.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ') : '');
        return `${el.tagName.toLowerCase()}: ${name.trim()}`;
      }),
    );
    expect(landmarks.length, name).toBeGreaterThan(1);
    for (const l of landmarks) expect(l, `${name}: a landmark or region without a name`).toMatch(/: \S/);
    // Sections have headings to jump by.
    expect(await page.getByRole('main').getByRole('heading', { level: 2 }).count(), `${name}: h2 headings`).toBeGreaterThan(0);
  }
  // From deep in a long step, F6 returns to the steps, and F6 again to the step's heading.
  await steps(page).getByRole('button', { name: 'Documents', exact: true }).click();
  await page.getByRole('button', { name: 'Export…' }).focus();
  await page.keyboard.press('F6');
  await expect(steps(page).getByRole('button', { name: /Documents/ })).toBeFocused();
  await page.keyboard.press('F6');
  await expect(page.getByRole('heading', { level: 1, name: 'Documents' })).toBeFocused();
});

test('skip links keep the long Tab runs short: Add services, Add one of their objectives, the timer, Export', async ({ launch }) => {
  const h = await launch();
  const { page } = h;
  await page.setViewportSize({ width: 1366, height: 768 });
  await openSample(h);
  /** From where focus is: Tab to the skip link, Enter, and check focus is on the action; all in 15 presses or fewer. */
  async function skip(link: string, action: string, label: string) {
    // The step draws its parts as their data arrives: count from when the action is there.
    await expect(page.locator(action).first()).toBeAttached();
    const tabs = await pressUntil(page, 'a.skip-inline', 'Tab');
    expect(tabs, `Tab presses to “${link}”`).toBeGreaterThan(0);
    await expect(page.locator('a.skip-inline:focus')).toHaveText(link);
    await page.keyboard.press('Enter');
    expect(await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, action), `focus on ${label}`).toBe(true);
    expect(tabs + 1, `key presses to ${label}`).toBeLessThanOrEqual(15);
  }

  // The catalogue: tick the first service, then one Shift+Tab back to the skip link and Enter reach Add.
  await steps(page).getByRole('button', { name: /Services/ }).click();
  await page.getByRole('button', { name: 'Add from the catalogue…' }).click();
  const cat = page.getByRole('dialog', { name: 'Add services from the catalogue' });
  const first = cat.getByRole('checkbox').nth(1);
  await first.check();
  await first.focus();
  expect(await pressUntil(page, 'a.skip-inline', 'Shift+Tab')).toBe(1);
  await page.keyboard.press('Enter');
  await expect(cat.getByRole('button', { name: 'Add 1 service' })).toBeFocused();
  // From the search box, forwards.
  await cat.getByRole('searchbox', { name: 'Search the catalogue' }).focus();
  await skip('Skip to Add services', '#catalogue-add', 'Add services');
  await page.keyboard.press('Escape');

  // Partners: from the step's button to "Add one of their objectives".
  await steps(page).getByRole('button', { name: /Partners/ }).click();
  await skip('Skip to Add one of their objectives', '#add-partner-objective', 'Add one of their objectives');

  // Workshops: from the "Run the session" tab to the timer.
  await steps(page).getByRole('button', { name: /Workshops/ }).click();
  await page.getByRole('tab', { name: 'Run the session' }).click();
  await skip('Skip to the timer', '#ws-timer button', 'the timer');

  // Documents: from the step's button to Export.
  await steps(page).getByRole('button', { name: /Documents/ }).click();
  await skip('Skip to Export', '#export-button', 'Export');
  // And back to the steps in one key.
  await page.keyboard.press('F6');
  await expect(steps(page).getByRole('button', { name: /Documents/ })).toBeFocused();
  await expectAccessible(h, 'Documents after skipping to Export');
});

test('the map’s column headings show every objective title in full at 200% text, and the focused column’s too', async ({ launch }) => {
  const h = await launch();
  const { page } = h;
  await page.setViewportSize({ width: 1366, height: 768 });
  await openSample(h);
  await page.evaluate(() => void (document.documentElement.style.fontSize = '200%'));
  await steps(page).getByRole('button', { name: 'Map', exact: true }).click();
  const grid = page.getByRole('grid', { name: /Contribution map/ });
  const columns = Number(await grid.getAttribute('aria-colcount')) - 2;
  /** Every drawn objective heading whose text does not fit its box: its code, and by how much. */
  const clipped = () =>
    page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.map-col-header:not(.map-col-measure)')].flatMap((el) => {
        const title = el.querySelector<HTMLElement>('.col-title')!;
        const box = el.getBoundingClientRect();
        const text = title.getBoundingClientRect();
        const code = el.querySelector('.col-code')!.textContent!;
        const fits = el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight && text.bottom <= box.bottom + 0.5 && title.scrollWidth <= title.clientWidth;
        return fits ? [] : [`${code}: ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`];
      }),
    );
  const seen = new Set<string>();
  // The columns are drawn as they scroll into view: check each stretch of them.
  for (let left = 0; ; ) {
    await expect.poll(clipped, { message: `headings clipped at scrollLeft ${left}` }).toEqual([]);
    for (const code of await grid.locator('.map-col-header .col-code').allTextContents()) seen.add(code);
    const next = await grid.evaluate((el, l) => {
      el.scrollLeft = l + el.clientWidth / 2;
      return el.scrollLeft;
    }, left);
    if (next <= left) break;
    left = next;
  }
  expect(seen.size).toBe(columns);
  // The text really is twice the size: a heading is at least 24 px type.
  expect(await grid.locator('.map-col-header .col-title').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(24);

  // A title too long even for the tallest headings keeps its code in view, and the line above the grid names the
  // focused cell's objective in full.
  await steps(page).getByRole('button', { name: 'Objectives', exact: true }).click();
  await page.getByRole('tree', { name: 'Council objectives' }).getByRole('treeitem').nth(1).click();
  const long = 'A very long objective title that goes on and on about improving outcomes for residents in every part of the county, including the market towns, the coast and the rural villages, over the next ten years and beyond';
  const titleBox = page.getByRole('textbox', { name: /^Title/ }).first();
  await titleBox.fill(long);
  await titleBox.press('Tab');
  await steps(page).getByRole('button', { name: 'Map', exact: true }).click();
  const heading = grid.locator('.map-col-header').filter({ hasText: 'goes on and on' });
  await heading.scrollIntoViewIfNeeded();
  expect(await heading.evaluate((el) => el.querySelector('.col-code')!.getBoundingClientRect().top >= el.getBoundingClientRect().top)).toBe(true);
  const col = await heading.evaluate((el) => Number(el.getAttribute('aria-colindex')) - 2);
  await grid.locator(`[data-row="2"][data-col="${col}"]`).click();
  await expect(page.locator('.map-current')).toContainText(long);
  await expectAccessible(h, 'Map at 200% text');
});
