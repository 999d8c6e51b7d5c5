import { describe, expect, it } from 'vitest';
import { loadSampleWorkbook } from '../../samples/sample-workbook';
import type { Workbook } from '../../model/workbook-schema';
import { cardNumbers, cardObjectives } from './categories';
import { buildKit } from './kit-html';
import { WALL_TEXT_PT, wallPosterPage } from './wall-poster';

function sample(): Workbook {
  const r = loadSampleWorkbook();
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const o = { fontCss: '', largePrint: false };
/** The poster's own type sizes: everything but the sheet notes on A3 tiles, which are read at arm's length. */
const posterFontSizes = (html: string) =>
  [...html.matchAll(/^(?!\.sheet-note)[^\n{]*\{[^}]*font-size:\s*([\d.]+)pt/gm)]
    .filter((m) => !m[0].startsWith('body'))
    .map((m) => Number(m[1]));

describe('the wall poster', () => {
  const wb = sample();
  const numbers = cardNumbers(wb);

  it('is in the kit only when asked for, in the format asked for', () => {
    expect(buildKit(wb, wb.workshops[0]!, o).some((p) => p.part === 'wall-poster')).toBe(false);
    for (const [format, size] of [
      ['A0', 'A0'],
      ['A1', 'A1'],
      ['A3-sheets', 'A3'],
    ] as const) {
      const wall = buildKit(wb, wb.workshops[0]!, { ...o, wallPoster: format }).find(
        (p) => p.part === 'wall-poster',
      );
      expect(wall?.pageSize).toBe(size);
      expect(wall?.landscape).toBe(true);
    }
  });

  it('sets every word of the map at 50 pt or more, and only the A3 joining notes smaller', () => {
    for (const format of ['A0', 'A1', 'A3-sheets'] as const) {
      const { html } = wallPosterPage(wb, format, o);
      const sizes = posterFontSizes(html);
      expect(sizes.length).toBeGreaterThan(3);
      for (const s of sizes) expect(s, `${format}: ${s} pt`).toBeGreaterThanOrEqual(WALL_TEXT_PT);
    }
    expect(wallPosterPage(wb, 'A3-sheets', o).html).toMatch(/\.sheet-note \{[^}]*font-size: 14pt/);
  });

  it('shows every objective and service exactly once on single sheets, splitting a big map into titled parts', () => {
    for (const format of ['A0', 'A1'] as const) {
      const { html } = wallPosterPage(wb, format, o);
      const sheets = html.split('<section class="poster sheet"').slice(1);
      expect(sheets.length, format).toBeGreaterThan(1);
      const objectiveTimes = (ob: string) => (html.match(new RegExp(`<strong>${ob} \\(`, 'g')) ?? []).length;
      for (const ob of cardObjectives(wb)) {
        const shown = objectiveTimes(numbers.get(ob.id)!);
        // Each objective row is repeated once for each part of the services.
        expect(shown, `${format} ${numbers.get(ob.id)}`).toBe(
          sheets.filter((s) => s.includes(`<strong>${numbers.get(ob.id)!} (`)).length,
        );
        expect(shown).toBeGreaterThan(0);
      }
      for (const s of wb.services)
        expect(html, `${format} ${numbers.get(s.id)}`).toContain(`<p>${numbers.get(s.id)!}</p>`);
      for (const sheet of sheets) expect(sheet).toMatch(/<h1>Contribution map, (O|S)\d+ to (O|S)\d+/);
    }
  });

  it('tiles A3 sheets with numbered joining notes: sheet 2 joins to the right of sheet 1, row 2 below row 1', () => {
    const { html, description } = wallPosterPage(wb, 'A3-sheets', o);
    const notes = [...html.matchAll(/<p class="sheet-note"><strong>([^<]*)<\/strong>/g)].map((m) => m[1]!);
    const total = Number(/of (\d+) \(row/.exec(notes[0]!)![1]);
    expect(notes).toHaveLength(total);
    expect(description).toContain(`${total} numbered A3 sheets`);
    expect(notes[0]).toMatch(/^Sheet 1 of \d+ \(row 1, column 1\): the top-left corner\.$/);
    expect(notes[1]).toMatch(/^Sheet 2 of \d+ \(row 1, column 2\): join to the right of sheet 1\.$/);
    const columns = Number(
      /\(row 1, column (\d+)\)/.exec(notes.filter((n) => n.includes('(row 1,')).at(-1)!)![1],
    );
    expect(notes[columns + 1]).toContain(
      `(row 2, column 2): join to the right of sheet ${columns + 1} and below sheet 2.`,
    );
    // The overlap marks: a dashed line where each sheet after the first in its row and column is trimmed.
    const tiles = html.split('<section class="tile">').slice(1);
    expect(tiles[0]).not.toContain('class="join');
    expect(tiles[1]).toContain('join-v');
    expect(tiles[columns]).toContain('join-h');
  });

  it('shortens a long name to what its box holds, never cutting a word', () => {
    const long = structuredClone(wb);
    long.services[0]!.name = `${'Extraordinarily comprehensive '.repeat(6)}service`;
    const { html } = wallPosterPage(long, 'A0', o);
    const name = /<div class="svc"[^>]*><p>([^<]*)<\/p>/.exec(html)![1]!;
    expect(name.endsWith('…')).toBe(true);
    expect(name.length).toBeLessThan(long.services[0]!.name.length);
    expect(
      name
        .replace('…', '')
        .split(' ')
        .every((w) => w === 'Extraordinarily' || w === 'comprehensive'),
    ).toBe(true);
  });
});
