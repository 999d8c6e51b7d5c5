/**
 * The projector never cuts content (issues 17 and 13): at 1920×1080 and at 1280×720, a long session (25 ideas,
 * 22 vote options, a 200-character objective, a tied result, a 2×2 of 22 items and a walk of the long objective
 * with a dozen links) is paged through from the console's own buttons. On every page nothing reaches past the
 * window or out of its box, no text is smaller than the body size, the tie note, the number who voted and the page
 * line are on screen, and the pages between them show every item.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Activity, Workbook } from '../../shared/model/workbook-schema';
import { newId } from '../../shared/model/ids';
import { serialiseWorkbook } from '../../shared/model/workbook-format';
import { newActivity } from '../../shared/workshop/operations';
import { sampleWithWorkshop } from '../../shared/workshop/test-workbook';
import { expect, test } from './fixtures';

const artefacts = join(import.meta.dirname, '..', 'artifacts', 'projector');
mkdirSync(artefacts, { recursive: true });

const LONG_OBJECTIVE =
  'Improve the health, wellbeing and independence of older and disabled residents across every town and village in Northshire, so that more people can live well at home for longer, with support as needed';

const IDEA_TEXTS = [
  'Lend tablets to people leaving hospital',
  'Digital champions from library volunteers',
  'Memory cafés in market towns',
  'Books on prescription for anxiety and low mood, with a reading group in each of the five largest branches',
  'Home library service visits that also check smoke alarms and heating',
  'Warm spaces with free wifi and someone to help',
  'Job clubs with the Department for Work and Pensions on Tuesday mornings',
  'Code clubs for children after school',
  'A single front door for council services in every branch library, staffed by trained library workers',
  'Talking newspapers for people with sight loss',
  'Family history sessions for carers',
  'Health checks in the library with the NHS',
  'See www.northshire.gov.uk/libraries/digital-inclusion-programme-2026-27-evaluation-report',
  'Language cafés for new arrivals',
  'Baby rhyme time in every branch',
  'A mobile library stop at every village hall at least once a fortnight, timed with the bus',
  'Loan of blood pressure monitors',
  'Dementia-friendly collections',
  'Reading Well for young people',
  'Help with online forms for blue badges and benefits',
  'Makerspaces with 3D printers',
  'Quiet study space in exam season',
  'Social prescribing link workers based in libraries two days a week',
  'Volunteer befriending by telephone',
  'Local history walks led by the library',
];
const GROUPS = ['Health and wellbeing', 'Digital inclusion', 'Children and families', 'Communities'];

/** The sample workbook with one long workshop: ideas, an open vote, a revealed tie, a 2×2 and a walk. */
function longSession(): { wb: Workbook; titles: Record<string, string>; links: string[] } {
  const { wb, w } = sampleWithWorkshop();
  const objective = wb.objectives.find((o) => o.level !== 'theme')!;
  objective.title = LONG_OBJECTIVE;
  expect(LONG_OBJECTIVE).toHaveLength(200);
  // First, so the Workshops step opens on it.
  wb.workshops = [w, ...wb.workshops.filter((x) => x !== w)];

  const ideas = newActivity('ideas') as Extract<Activity, { kind: 'ideas' }>;
  ideas.title = 'Ideas for the long objective';
  ideas.scope.objectiveIds = [objective.id];
  ideas.ideas = IDEA_TEXTS.map((text, i) => ({
    id: newId('idea'),
    text,
    group: GROUPS[i % GROUPS.length]!,
    targetId: null,
    author: '',
    becameId: null,
  }));
  // 22 options: 21 ideas and the long objective itself.
  const optionIds = [objective.id, ...ideas.ideas.slice(0, 21).map((i) => i.id)];

  const open = newActivity('dot-vote') as Extract<Activity, { kind: 'dot-vote' }>;
  open.title = 'Which ideas first?';
  open.optionIds = optionIds;
  open.budget = 4;
  open.maxPerOption = 4;
  open.votingOpen = true;

  const results = newActivity('dot-vote') as Extract<Activity, { kind: 'dot-vote' }>;
  results.title = 'Results of the first vote';
  results.optionIds = optionIds;
  results.budget = 4;
  results.maxPerOption = 4;
  // 20 voters; the long objective and option 2 tie for first place.
  results.ballots = Array.from({ length: 20 }, (_, i) => ({
    id: newId('ballot'),
    participantId: null,
    sheet: null,
    allocations: [
      { optionId: optionIds[i % 2]!, amount: 2 },
      { optionId: optionIds[2 + (i % 20)]!, amount: 2 },
    ],
  }));
  results.revealed = true;

  const grid = newActivity('two-by-two') as Extract<Activity, { kind: 'two-by-two' }>;
  grid.title = 'Effort and impact';
  grid.optionIds = optionIds;
  grid.placements = optionIds.slice(0, 14).map((optionId, i) => ({
    optionId,
    x: (i % 7) / 6,
    y: Math.floor(i / 7) * 0.8 + 0.1,
  }));

  const walk = newActivity('walk-the-map') as Extract<Activity, { kind: 'walk-the-map' }>;
  walk.title = 'Walk the map';
  walk.scope.objectiveIds = [objective.id];
  const services = wb.services.slice(0, 12);
  walk.proposals = services.map((s, i) => ({
    serviceId: s.id,
    objectiveId: objective.id,
    strength: ((i % 3) + 1) as 1 | 2 | 3,
    rationale: `${s.name} reaches residents the council does not otherwise see; the room agreed the evidence from last year's survey supports this (${i + 1}).`,
    objections: '',
    agreed: i % 2 === 0,
    confidence: 'medium' as const,
  }));
  w.activities = [ideas, open, results, grid, walk];
  return {
    wb,
    titles: {
      ideas: ideas.title,
      open: open.title,
      results: results.title,
      grid: grid.title,
      walk: walk.title,
    },
    links: services.map((s) => s.name),
  };
}

/** Everything wrong with the page as drawn: boxes past the window, boxes overflowing, text below body size. */
async function layoutProblems(presenter: Page): Promise<string[]> {
  return presenter.evaluate(() => {
    const doc = document.documentElement;
    const main = document.querySelector('main')!;
    const body = parseFloat(getComputedStyle(main).fontSize);
    const name = (el: Element) =>
      `<${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? ` .${el.className}` : ''}> “${(el.textContent ?? '').trim().slice(0, 40)}”`;
    const problems: string[] = [];
    if (doc.scrollHeight > doc.clientHeight || doc.scrollWidth > doc.clientWidth)
      problems.push(
        `the page scrolls: ${doc.scrollWidth}×${doc.scrollHeight} in ${doc.clientWidth}×${doc.clientHeight}`,
      );
    for (const el of [main, ...main.querySelectorAll('*')]) {
      const r = el.getBoundingClientRect();
      if ((r.width === 0 && r.height === 0) || el.closest('.visually-hidden')) continue;
      if (
        r.left < -0.5 ||
        r.top < -0.5 ||
        r.right > doc.clientWidth + 0.5 ||
        r.bottom > doc.clientHeight + 0.5
      )
        problems.push(
          `${name(el)} at ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)} is past the window`,
        );
      if (!(el instanceof HTMLElement) || getComputedStyle(el).display === 'inline') continue;
      if (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)
        problems.push(
          `${name(el)} overflows its box: ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`,
        );
      const ownText = [...el.childNodes].some(
        (n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '',
      );
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (ownText && size < body - 0.5)
        problems.push(`${name(el)} is ${size} px, below the body's ${body} px`);
    }
    return problems;
  });
}

/**
 * Shows an activity from the console and pages through it with the console's buttons, checking every page;
 * returns the text of every item seen (the units each page shows).
 */
async function pageThrough(
  console: Page,
  presenter: Page,
  activityTitle: string,
  shotName: string,
  onEachPage: (page: number, pages: number) => Promise<void> = async () => undefined,
): Promise<{ items: string[]; pages: number }> {
  await console
    .getByRole('navigation', { name: 'Agenda' })
    .getByRole('button', { name: activityTitle })
    .click();
  await console.getByRole('button', { name: 'This activity', exact: true }).click();
  await expect(presenter.locator('[data-unit]').first()).toBeVisible();
  const items: string[] = [];
  const now = console.getByTestId('room-now');
  // The presenter measured its pages; the console learns the count from it.
  const line = presenter.locator('.p-paging');
  const pages = (await line.count()) > 0 ? Number(/of (\d+)/.exec((await line.textContent()) ?? '')?.[1]) : 1;
  if (pages > 1) await expect(now).toContainText(`(page 1 of ${pages})`);
  else await expect(now).not.toContainText('(page');
  let page = 1;
  for (;;) {
    if (pages > 1) await expect(line).toHaveText(`Page ${page} of ${pages}`);
    expect(await layoutProblems(presenter), `${activityTitle}, page ${page} of ${pages}`).toEqual([]);
    await onEachPage(page, pages);
    const shown = await presenter.locator('[data-unit]').allInnerTexts();
    expect(shown.length, `${activityTitle}, page ${page}: at least one item`).toBeGreaterThan(0);
    items.push(...shown.map((t) => t.replace(/\s+/g, ' ').trim()));
    await presenter.screenshot({ path: join(artefacts, `${shotName}-${page}.png`) });
    if (page >= pages) break;
    await console.getByRole('button', { name: 'Next page on screen' }).click();
    page += 1;
    await expect(now).toContainText(`(page ${page} of ${pages})`);
  }
  if (pages > 1) await expect(console.getByRole('button', { name: 'Next page on screen' })).toBeDisabled();
  return { items, pages };
}

test.use({ actionTimeout: 20_000 });

for (const size of [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
]) {
  test(`the projector pages a long session without cutting anything at ${size.width}×${size.height}`, async ({
    launch,
  }) => {
    test.setTimeout(180_000);
    const { wb, titles, links } = longSession();
    const folder = mkdtempSync(join(tmpdir(), 'awb-projector-'));
    const path = join(folder, 'long-session.awbook');
    writeFileSync(path, serialiseWorkbook(wb));
    const h = await launch();
    const page = h.page;
    h.dialogs.openAnswers.push(path);
    await page.getByRole('button', { name: 'Open workbook…' }).click();
    await page
      .getByRole('navigation', { name: 'Steps' })
      .getByRole('button', { name: /Workshops/ })
      .click();
    await page.getByRole('tab', { name: 'Run the session' }).click();
    await page.getByRole('button', { name: 'Open presenter view' }).click();
    await expect.poll(() => h.presenterPage() !== null).toBe(true);
    const presenter = h.presenterPage()!;
    await presenter.setViewportSize(size);
    const tag = `${size.width}x${size.height}`;

    // Ideas: all 25, in their groups, whatever the number of pages.
    const ideas = await pageThrough(page, presenter, titles.ideas!, `${tag}-ideas`);
    expect(ideas.items.sort()).toEqual([...IDEA_TEXTS].sort());

    // The open vote: all 22 options, numbered; with the timer running it still fits.
    await page
      .getByRole('navigation', { name: 'Agenda' })
      .getByRole('button', { name: titles.open! })
      .click();
    await page.getByRole('button', { name: /^Set to \d+ min for this activity$/ }).click();
    await page.getByRole('button', { name: 'Start timer' }).click();
    await expect(presenter.getByRole('timer')).toBeVisible();
    const options = await pageThrough(page, presenter, titles.open!, `${tag}-options`, async () => {
      await expect(presenter.getByRole('timer')).toBeVisible();
    });
    expect(options.items.map((t) => Number(/^\d+/.exec(t)?.[0])).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 22 }, (_, i) => i + 1),
    );
    expect(options.items.some((t) => t.includes(LONG_OBJECTIVE))).toBe(true);

    // Results: every row once; the tie note, the number who voted and the page line on every page.
    const results = await pageThrough(page, presenter, titles.results!, `${tag}-results`, async () => {
      await expect(presenter.locator('.p-tie-note')).toBeVisible();
      // Too long to name every option: by their numbers in the list, and a count for the big group.
      await expect(presenter.locator('.p-tie-note')).toHaveText(
        'Tied: options 1 and 2; 20 options, joint 3rd',
      );
      await expect(presenter.getByText('20 people voted.')).toBeVisible();
    });
    expect(results.items).toHaveLength(22);
    expect(new Set(results.items).size).toBe(22);

    // The 2×2: the grid on every page, the key of all 22 paged beside it.
    const grid = await pageThrough(page, presenter, titles.grid!, `${tag}-grid`, async () => {
      await expect(presenter.getByRole('img', { name: /against/ })).toBeVisible();
    });
    expect(grid.items.map((t) => Number(/^\d+/.exec(t)?.[0])).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 22 }, (_, i) => i + 1),
    );

    // Walking the map: the 200-character objective wraps on every page; every link is shown once.
    const walk = await pageThrough(page, presenter, titles.walk!, `${tag}-walk`, async () => {
      await expect(presenter.getByRole('heading', { level: 1 })).toHaveText(LONG_OBJECTIVE);
    });
    // The room's 12 proposals, and whatever the map already links to the objective.
    expect(walk.items.length).toBeGreaterThanOrEqual(links.length);
    expect(new Set(walk.items).size).toBe(walk.items.length);
    for (const service of links) expect(walk.items.some((t) => t.includes(service))).toBe(true);

    // A smaller window makes more pages of the same screen, and the console follows.
    if (size.width === 1920) {
      await presenter.setViewportSize({ width: 1280, height: 720 });
      await expect(page.getByTestId('room-now')).toContainText(/\(page \d+ of \d+\)/);
      expect(await layoutProblems(presenter)).toEqual([]);
    }
  });
}
