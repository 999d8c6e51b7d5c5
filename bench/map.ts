/**
 * Map step benchmark (issue 3): the contribution map at 150 services × 60 objectives, in Debian Chromium against
 * the BUILT renderer, through the same browser harness as the end-to-end tests (real IPC router and services
 * behind window.workbench). The workbook is generated, saved to a temp file and opened through the app's Open
 * dialog, as an officer would.
 *
 * Measured inside the page with performance.now(), MutationObserver and requestAnimationFrame:
 *   render  from clicking “Map” in the steps until the grid's first cells are in the page, and until that
 *           frame has been painted (several runs, from the light Authority step each time);
 *   edit    from the key press “3” on a cell (the event's own time stamp) until the cell shows strength 3, and
 *           until that frame has been painted (30 different cells);
 *   scroll  one page of rows down: until the new rows are in the page and painted; and the frame times of a
 *           continuous scroll through the whole grid.
 * Then, in Node, the pure work behind each edit (buildMapModel, suggestLinks) on the same workbook, so the
 * figures show where the time goes.
 *
 * Targets: render under 100 ms, edit under 16 ms (one frame at 60 Hz).
 *
 *   npm run bench:map        (builds first; set CHROMIUM_PATH to use another Chromium)
 */
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type Page } from 'playwright-core';
import { CHROMIUM_PATH } from '../playwright.config';
import { openApp } from '../tests/e2e/harness';
import { withRendererBrowser } from './renderer-browser';
import { random } from './seeded-random';
import { writeWorkbookFile } from '../electron/main/services/workbook-files';
import { suggestLinks } from '../shared/analysis/suggestions';
import { newObjective } from '../shared/model/factories';
import { newId } from '../shared/model/ids';
import { createWorkbook } from '../shared/model/new-workbook';
import type { Confidence, Strength } from '../shared/model/vocabulary';
import { validateWorkbook } from '../shared/model/workbook-format';
import type { Workbook } from '../shared/model/workbook-schema';
import { SERVICE_CATALOGUE, serviceFromCatalogue, THEMES } from '../shared/reference/catalogue';
import { buildMapModel, NO_FILTERS } from '../renderer/src/features/map/map-model';

/** With --profile, a CPU profile of the edits is summarised: where the time of an edit goes, function by function. */
const PROFILE = process.argv.includes('--profile');

const SERVICES = 150;
const THEME_COUNT = 10;
const RENDER_RUNS = 9;
const EDITS = 30;
const TARGET = { render: 100, edit: 16 };

// ---- The workbook ----------------------------------------------------------------------------------------

const OUTCOME_PHRASES = [
  'More residents say it has made a difference in the annual survey',
  'The gap between the most and least deprived areas narrows',
  'Take-up rises in every locality by 2028',
];
const LOCALITIES = ['North', 'South', 'East', 'West', 'Central', 'Coastal', 'Rural'];

/**
 * Ten council themes with four objectives each, two of which have an outcome beneath: 60 columns in the map
 * (themes with objectives beneath head their columns rather than being one). 150 services from the catalogue,
 * repeated by locality; links where a service's outcomes fit the theme more often than where they do not.
 */
function largeWorkbook(): Workbook {
  const rnd = random(20261128);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const wb = createWorkbook({
    title: 'Benchmark: Exampleshire Libraries and the Council Plan',
    author: 'Benchmark',
    now: new Date('2026-11-28T09:00:00Z'),
  });
  wb.authority = {
    gss: 'E10000012',
    name: 'Essex',
    type: 'County council',
    region: 'East of England',
    population: null,
  };
  const source = { document: 'Council Plan 2026 to 2030', page: '4', url: '' };
  const columns: Array<{ id: string; themeOutcomes: readonly number[] }> = [];
  for (const theme of THEMES.slice(0, THEME_COUNT)) {
    const themeObjective = newObjective({
      level: 'theme',
      title: theme.name,
      description: theme.description,
      source,
      themeRef: theme.id,
    });
    wb.objectives.push(themeObjective);
    theme.exampleObjectives.slice(0, 4).forEach((title, i) => {
      const objective = newObjective({ level: 'objective', title, parentId: themeObjective.id, source });
      wb.objectives.push(objective);
      columns.push({ id: objective.id, themeOutcomes: theme.outcomes });
      if (i < 2) {
        const outcome = newObjective({
          level: 'outcome',
          title: pick(OUTCOME_PHRASES),
          parentId: objective.id,
          source,
        });
        wb.objectives.push(outcome);
        columns.push({ id: outcome.id, themeOutcomes: theme.outcomes });
      }
    });
  }
  const evidence = Array.from({ length: 40 }, (_, i) => {
    const id = newId('evidence');
    wb.evidence.push({
      id,
      title: `Evaluation of library programme ${i + 1}`,
      publisher: 'Libraries Connected',
      year: '2024',
      url: '',
      keyFinding: 'Participants reported better wellbeing and skills after taking part.',
      figure: `${20 + i}%`,
      kind: 'national-research',
      quality: (['strong', 'moderate', 'limited', 'anecdotal'] as const)[i % 4]!,
      origin: 'officer',
      libraryRef: '',
    });
    return id;
  });
  for (let i = 0; i < SERVICES; i++) {
    const c = SERVICE_CATALOGUE[i % SERVICE_CATALOGUE.length]!;
    const round = Math.floor(i / SERVICE_CATALOGUE.length);
    wb.services.push(
      serviceFromCatalogue(
        c,
        round === 0 ? c.name : `${c.name} (${LOCALITIES[(i + round) % LOCALITIES.length]} locality)`,
      ),
    );
  }
  const provenance = {
    kind: 'officer' as const,
    date: '2026-11-28',
    by: 'Benchmark',
    workshopId: null,
    note: '',
  };
  for (const s of wb.services)
    for (const col of columns) {
      const fits = s.outcomes.some((o) => col.themeOutcomes.slice(0, 2).includes(o));
      if (rnd() > (fits ? 0.55 : 0.12)) continue;
      const r = rnd();
      const strength = (
        fits ? (r < 0.35 ? 3 : r < 0.75 ? 2 : r < 0.95 ? 1 : 0) : r < 0.1 ? 3 : r < 0.4 ? 2 : r < 0.85 ? 1 : 0
      ) as Strength;
      wb.alignments.push({
        id: newId('alignment'),
        serviceId: s.id,
        objectiveId: col.id,
        strength,
        confidence: pick<Confidence>(['low', 'medium', 'medium', 'high']),
        rationale: strength >= 2 ? 'Regular sessions reach the residents this objective is about.' : '',
        evidenceIds: rnd() < 0.4 ? [pick(evidence)] : [],
        kpiIds: [],
        provenance,
      });
    }
  return wb;
}

// ---- Measuring in the page -------------------------------------------------------------------------------

interface Shown {
  /** Until the change was in the page (the DOM), ms. */
  dom: number;
  /** Until the frame showing it was painted, ms. */
  painted: number;
}

/**
 * Installed in the page before the app loads, as plain text: functions passed to page.evaluate must not
 * declare named functions (the TypeScript loader would wrap them in a helper the page does not have).
 *
 * whenShown(test) resolves with the times (performance.now()) at which the test first held after a DOM
 * change, and after the following frame was painted (a message posted from requestAnimationFrame arrives once
 * that frame is done).
 */
const PAGE_HELPERS = `
  (() => {
    const whenShown = (test) => new Promise((resolve) => {
      let dom = null;
      const painted = () => requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve({ dom, painted: performance.now() });
        ch.port2.postMessage(0);
      });
      if (test()) { dom = performance.now(); painted(); return; }
      const mo = new MutationObserver(() => {
        if (dom === null && test()) { dom = performance.now(); mo.disconnect(); painted(); }
      });
      mo.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
    });
    const since = (start, t) => ({ dom: t.dom - start, painted: t.painted - start });
    const bench = {
      longTasks: [],
      whenShown,
      async render() {
        const button = [...document.querySelectorAll('nav[aria-label="Steps"] button')]
          .find((b) => (b.textContent || '').replace(/^\\d+/, '').trim() === 'Map');
        const t0 = performance.now();
        const shown = whenShown(() => document.querySelector('[role="grid"] [role="gridcell"][data-row]') !== null);
        button.click();
        return since(t0, await shown);
      },
      // Resolves once the next "3" key press has shown strength 3 in the cell, timed from the key's own time stamp.
      armEdit(selector) {
        bench.edit = new Promise((resolve) => {
          const onKey = (e) => {
            if (e.key !== '3') return;
            document.removeEventListener('keydown', onKey, true);
            const start = e.timeStamp;
            whenShown(() => document.querySelector(selector)?.classList.contains('strength-3') ?? false)
              .then((t) => resolve(since(start, t)));
          };
          document.addEventListener('keydown', onKey, true);
        });
      },
      edit: null,
      async pageDown() {
        const scroller = document.querySelector('.map-scroller');
        // The last row in view after the scroll: beyond the rows already rendered ahead (overscan).
        const rows = Number(document.querySelector('[role="grid"]').getAttribute('aria-rowcount')) - 2;
        const target = Math.min(rows - 1, Math.floor((scroller.scrollTop + 2 * scroller.clientHeight - 112) / 44) - 1);
        const t0 = performance.now();
        // aria-rowindex counts the header row as 1, so service row n is n + 2; its cells must be there too.
        const shown = whenShown(() => document.querySelector('[role="row"][aria-rowindex="' + (target + 2) + '"] [role="gridcell"][data-row]') !== null);
        scroller.scrollTop += scroller.clientHeight;
        return { ...since(t0, await shown), toRow: target };
      },
      // Scrolls the whole grid a third of a page a frame and records each frame's length.
      scrollThrough() {
        return new Promise((resolve) => {
          const scroller = document.querySelector('.map-scroller');
          scroller.scrollTop = 0;
          const frames = [];
          let last = 0;
          const step = (now) => {
            if (last) frames.push(now - last);
            last = now;
            if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) return resolve(frames);
            scroller.scrollTop += Math.round(scroller.clientHeight / 3);
            requestAnimationFrame(step);
          };
          requestAnimationFrame((t) => { last = t; requestAnimationFrame(step); });
        });
      },
    };
    window.__awbBench = bench;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) bench.longTasks.push(e.duration); })
      .observe({ type: 'longtask', buffered: true });
  })();
`;

interface Bench {
  longTasks: number[];
  render(): Promise<Shown>;
  armEdit(selector: string): void;
  edit: Promise<Shown>;
  pageDown(): Promise<Shown & { toRow: number }>;
  scrollThrough(): Promise<number[]>;
}
/** How page.evaluate code reaches the helpers (it runs in the page, so it cannot call anything here). */
type WithBench = { __awbBench: Bench };

async function measureEdit(page: Page, row: number, col: number): Promise<Shown> {
  const selector = `[role="grid"] [data-row="${row}"][data-col="${col}"]`;
  await page.locator(selector).click();
  await page.waitForFunction((sel) => document.activeElement === document.querySelector(sel), selector);
  // Let the click's own work (focus, status, effects) finish before timing the key.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
  await page.evaluate((sel) => (window as unknown as WithBench).__awbBench.armEdit(sel), selector);
  await page.keyboard.press('3');
  return page.evaluate(() => (window as unknown as WithBench).__awbBench.edit);
}

// ---- Reporting -------------------------------------------------------------------------------------------

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const worst = (xs: readonly number[]) => Math.max(...xs);
const ms = (x: number) => `${x.toFixed(1)} ms`;

function line(label: string, xs: readonly number[], target?: number): string {
  const verdict =
    target === undefined
      ? ''
      : median(xs) < target && worst(xs) < target
        ? `  within ${target} ms`
        : median(xs) < target
          ? `  median within ${target} ms, worst over`
          : `  OVER ${target} ms`;
  return `  ${label.padEnd(44)} median ${ms(median(xs)).padStart(9)}   worst ${ms(worst(xs)).padStart(9)}${verdict}`;
}

interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }>;
  samples: number[];
  timeDeltas: number[];
}

/** Inclusive and self time by function over a CPU profile, busiest first. */
function summariseProfile(profile: CpuProfile, edits: number): string[] {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const name = (id: number) => {
    const f = byId.get(id)!.callFrame;
    return `${f.functionName || '(anonymous)'} ${f.url ? `${f.url.split('/').pop()}:${f.lineNumber + 1}` : ''}`.trim();
  };
  const inclusive = new Map<string, number>();
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    const own = name(id);
    if (/^\((idle|program|garbage collector)\)/.test(own)) {
      self.set(own, (self.get(own) ?? 0) + dt);
      return;
    }
    self.set(own, (self.get(own) ?? 0) + dt);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const n = name(at);
      if (seen.has(n)) continue;
      seen.add(n);
      inclusive.set(n, (inclusive.get(n) ?? 0) + dt);
    }
  });
  const top = (m: Map<string, number>, count: number) =>
    [...m.entries()]
      .filter(([n]) => !/^\((root|idle|program)\)/.test(n))
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([n, t]) => `    ${(t / edits).toFixed(2).padStart(7)} ms  ${n}`);
  return [
    `CPU profile of the ${edits} edits, per edit (sampled every 0.1 ms; a function's time includes what it calls):`,
    ...top(inclusive, 30),
    '  Self time (the function’s own code):',
    ...top(self, 15),
  ];
}

function timeInNode(label: string, runs: number, fn: () => void): { label: string; times: number[] } {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return { label, times };
}

// ---- Run -------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  if (!existsSync(join(import.meta.dirname, '..', 'out', 'renderer', 'index.html'))) {
    process.stderr.write(
      'The renderer has not been built: run npm run build first (npm run bench:map does).\n',
    );
    process.exitCode = 1;
    return;
  }
  const loadAtStart = loadavg();
  const wb = largeWorkbook();
  const checked = validateWorkbook(wb);
  if (!checked.ok) throw new Error(`The generated workbook is not valid: ${checked.error.message}`);
  const model = buildMapModel(wb, NO_FILTERS);
  const links = wb.alignments.filter((a) => a.strength > 0).length;

  await withRendererBrowser(
    'map',
    { width: 1280, height: 860 },
    async ({ browser, context, origin, folder }) => {
      const file = join(folder, 'Benchmark.awbook');
      const written = await writeWorkbookFile(file, wb, { keepBackup: false });
      if (!written.ok) throw new Error(written.error.message);
      await context.addInitScript({ content: PAGE_HELPERS });
      const h = await openApp(context, origin);
      const page = h.page;
      h.dialogs.openAnswers.push(file);
      await page.getByRole('button', { name: 'Open workbook…' }).click();
      const steps = page.getByRole('navigation', { name: 'Steps' });
      await steps.getByRole('button', { name: /Map/ }).waitFor();
      await page.waitForFunction(() => !document.querySelector('nav[aria-label="Steps"] button[disabled]'));

      // (a) Render, from a light step each time.
      const renders: Shown[] = [];
      for (let i = 0; i < RENDER_RUNS; i++) {
        await steps.getByRole('button', { name: /Authority/ }).click();
        await page.locator('[role="grid"]').waitFor({ state: 'detached' });
        await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
        renders.push(await page.evaluate(() => (window as unknown as WithBench).__awbBench.render()));
      }
      const grid = page.getByRole('grid', { name: /Contribution map/ });
      await grid.waitFor();
      const shape = await page.evaluate(() => ({
        rows: Number(document.querySelector('[role="grid"]')!.getAttribute('aria-rowcount')) - 2,
        cols: Number(document.querySelector('[role="grid"]')!.getAttribute('aria-colcount')) - 2,
        cells: document.querySelectorAll('[role="grid"] [role="gridcell"][data-row]').length,
      }));

      // (b) Edits: 30 different cells in view, none already strong.
      const longBefore = await page.evaluate(
        () => (window as unknown as WithBench).__awbBench.longTasks.length,
      );
      const edits: Shown[] = [];
      // Cells wholly in view: below the column headers, right of the row headers, clear of the summaries.
      const candidates = await page.evaluate(() => {
        const box = document.querySelector('.map-scroller')!.getBoundingClientRect();
        return [...document.querySelectorAll<HTMLElement>('[role="grid"] [role="gridcell"][data-row]')]
          .filter((c) => !c.classList.contains('strength-3'))
          .map((c) => ({
            row: Number(c.dataset.row),
            col: Number(c.dataset.col),
            rect: c.getBoundingClientRect(),
          }))
          .filter(
            (c) =>
              c.rect.top >= box.top + 112 &&
              c.rect.bottom <= box.bottom - 44 &&
              c.rect.left >= box.left + 260 &&
              c.rect.right <= box.right - 104,
          )
          .map(({ row, col }) => ({ row, col }));
      });
      const rnd = random(7);
      const chosen = new Set<string>();
      while (chosen.size < Math.min(EDITS, candidates.length)) {
        const c = candidates[Math.floor(rnd() * candidates.length)]!;
        chosen.add(`${c.row}:${c.col}`);
      }
      const cdp = PROFILE ? await context.newCDPSession(page) : null;
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
        await cdp.send('Profiler.start');
      }
      for (const key of chosen) {
        const [row, col] = key.split(':').map(Number) as [number, number];
        edits.push(await measureEdit(page, row, col));
      }
      const profile = cdp
        ? ((await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }).profile
        : null;
      const longDuringEdits = await page.evaluate(
        (from) => (window as unknown as WithBench).__awbBench.longTasks.slice(from),
        longBefore,
      );

      // (c) Scrolling: page by page, then continuously through the whole grid.
      await page.evaluate(() => {
        document.querySelector<HTMLElement>('.map-scroller')!.scrollTop = 0;
      });
      await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
      const pages: Shown[] = [];
      for (let i = 0; i < 10; i++)
        pages.push(await page.evaluate(() => (window as unknown as WithBench).__awbBench.pageDown()));
      const frames = await page.evaluate(() => (window as unknown as WithBench).__awbBench.scrollThrough());

      // Where the time goes: the pure work each edit repeats, on the same workbook in Node.
      // An edit makes new alignments and nothing else; a new workbook or a changed hierarchy makes everything new.
      const afterEdit = (): Workbook => {
        const alignments = [...wb.alignments];
        alignments[7] = { ...alignments[7]!, strength: ((alignments[7]!.strength + 1) % 4) as Strength };
        return { ...wb, alignments };
      };
      const allNew = (): Workbook => ({
        ...wb,
        objectives: [...wb.objectives],
        services: [...wb.services],
        alignments: [...wb.alignments],
      });
      const pure = [
        timeInNode('buildMapModel after a strength edit', 30, () => buildMapModel(afterEdit(), NO_FILTERS)),
        timeInNode('buildMapModel with nothing to reuse', 30, () => buildMapModel(allNew(), NO_FILTERS)),
        timeInNode('suggestLinks alone (also used by Review)', 30, () => suggestLinks(wb)),
      ];

      const out = [
        '',
        `Map step benchmark: ${model.rows.length} services × ${model.columns.length} objectives (${wb.objectives.length} in the hierarchy), ${links.toLocaleString('en-GB')} links, ${model.suggestions.size.toLocaleString('en-GB')} suggestions`,
        `Debian Chromium ${browser.version()} at ${CHROMIUM_PATH}, built renderer served by the e2e harness; the grid shows ${shape.rows} × ${shape.cols} with ${shape.cells} cells in the page (virtualised)`,
        `Machine: ${cpus().length} CPUs, load average ${loadAtStart.map((l) => l.toFixed(1)).join(' / ')} (1 / 5 / 15 min) at the start; worst cases move with the load`,
        '',
        `Render: click “Map” until the first cells are in the page / painted (${RENDER_RUNS} runs)`,
        line(
          'in the page',
          renders.map((r) => r.dom),
          TARGET.render,
        ),
        line(
          'painted',
          renders.map((r) => r.painted),
          TARGET.render,
        ),
        '',
        `Edit: key “3” on a cell until it shows strength 3 / painted (${edits.length} different cells)`,
        line(
          'in the page',
          edits.map((r) => r.dom),
          TARGET.edit,
        ),
        line(
          'painted (includes waiting for the next frame)',
          edits.map((r) => r.painted),
        ),
        `  long tasks (over 50 ms) during the edits: ${longDuringEdits.length === 0 ? 'none' : longDuringEdits.map((d) => ms(d)).join(', ')}`,
        '',
        'Scroll: one page of rows down until the new rows are in the page / painted (10 pages)',
        line(
          'in the page (waits for the scroll event)',
          pages.map((r) => r.dom),
        ),
        line(
          'painted',
          pages.map((r) => r.painted),
        ),
        `Continuous scroll, a third of a page a frame through all ${shape.rows} rows: ${frames.length} frames, median ${ms(median(frames))}, worst ${ms(worst(frames))}, ${frames.filter((f) => f > 17.5).length} longer than one frame`,
        '',
        'The pure work behind the map, in Node on the same workbook (30 runs)',
        ...pure.map((p) => line(p.label, p.times)),
        '',
        ...(profile ? [...summariseProfile(profile, edits.length), ''] : []),
      ];
      process.stdout.write(out.join('\n'));
      const missed =
        median(renders.map((r) => r.painted)) >= TARGET.render ||
        median(edits.map((r) => r.dom)) >= TARGET.edit;
      process.stdout.write(
        missed
          ? 'Result: a target was missed (medians compared).\n'
          : 'Result: both targets met (medians compared).\n',
      );
      await h.close();
    },
  );
}

await main();
