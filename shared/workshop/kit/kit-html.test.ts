import { describe, expect, it } from 'vitest';
import { loadSampleWorkbook } from '../../samples/sample-workbook';
import type { Workbook } from '../../model/workbook-schema';
import { cardNumbers, offerCategory, themeCategories } from './categories';
import { ballotSheetsPage, buildKit, matrixPosterPage, sheetPages, votingSheetsPage } from './kit-html';

function sample(): Workbook {
  const r = loadSampleWorkbook();
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** Every font-size in a page's CSS, in points. */
const fontSizes = (html: string) => [...html.matchAll(/font-size:\s*([\d.]+)pt/g)].map((m) => Number(m[1]));

describe('the printed kit', () => {
  const wb = sample();
  const w = wb.workshops[0]!;

  it('has an agenda, objective and service cards (A4 sheets and A6), the A3 poster and voting sheets', () => {
    const kit = buildKit(wb, w, { fontCss: '', largePrint: false });
    expect(kit.map((p) => [p.part, p.pageSize, p.landscape])).toEqual([
      ['agenda', 'A4', false],
      ['objective-cards', 'A4', false],
      ['service-cards', 'A4', false],
      ['cards-a6', 'A6', false],
      ['matrix-poster', 'A3', true],
      ['voting-sheets', 'A4', false],
    ]);
    expect(kit.find((p) => p.part === 'cards-a6')!.html).toContain('size: 105mm 148mm');
    expect(kit.find((p) => p.part === 'matrix-poster')!.html).toContain('size: A3 landscape');
  });

  it('is self-contained: no scripts and nothing fetched from anywhere', () => {
    for (const p of buildKit(wb, w, { fontCss: '', largePrint: false })) {
      expect(p.html).not.toMatch(/<script/i);
      expect(p.html).not.toMatch(/\b(src|href)=["']?(https?:|\/\/|file:)/i);
      expect(p.html).not.toMatch(/url\((?!data:)/i);
      expect(p.html).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">/);
    }
  });

  it('keeps to Clear Print: 14 pt or more, and 18 pt or more in large print (the poster keeps 14 pt names to fit A3)', () => {
    for (const large of [false, true]) {
      for (const p of buildKit(wb, w, { fontCss: '', largePrint: large })) {
        const sizes = fontSizes(p.html);
        // Large print throughout, except the poster, which keeps every name at 14 pt to fit one A3 sheet.
        expect(Math.min(...sizes), `${p.part} large=${large}`).toBeGreaterThanOrEqual(
          large && p.part !== 'matrix-poster' ? 18 : 14,
        );
        const body = Number(/body \{[^}]*font-size: ([\d.]+)pt/.exec(p.html)?.[1]);
        expect(body, p.part).toBe(large ? 18 : 14);
      }
    }
    expect(
      buildKit(wb, w, { fontCss: '', largePrint: false }).some((p) =>
        /font-style:\s*italic|text-transform:\s*uppercase/.test(p.html),
      ),
    ).toBe(false);
  });

  it('puts four cards on each A4 sheet and gives every card a letter and a shape as well as a colour', () => {
    const kit = buildKit(wb, w, { fontCss: '', largePrint: false });
    const objectiveCards = kit.find((p) => p.part === 'objective-cards')!.html;
    const cards = objectiveCards.match(/<article class="card"/g)!.length;
    const objectives = wb.objectives.filter((o) => o.level !== 'theme').length;
    expect(cards).toBe(objectives);
    expect(objectiveCards.match(/<div class="sheet">/g)!.length).toBe(Math.ceil(objectives / 4));
    for (const card of objectiveCards.split('<article class="card"').slice(1)) {
      expect(card).toMatch(
        /<svg role="img" aria-label="[a-z ]+ (circle|square|triangle|diamond|hexagon|star|pentagon|cross), letter [A-Z]+"/,
      );
      expect(card).toMatch(/<p class="key">[a-z ]+ [a-z]+, letter [A-Z]+<\/p>/);
    }
    const services = kit.find((p) => p.part === 'service-cards')!.html;
    expect(services).toContain('Service S24');
    expect(services).toContain('letter R');
  });

  it('names categories so they can be said aloud: themes A, B, C… and offers by initial', () => {
    const { categories } = themeCategories(wb);
    expect(categories.map((c) => c.letter)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(new Set(categories.map((c) => c.shape)).size).toBe(categories.length);
    expect(new Set(categories.map((c) => c.colour.name)).size).toBe(categories.length);
    expect(offerCategory('Health and Wellbeing')).toMatchObject({
      letter: 'H',
      shape: 'triangle',
      colour: { name: 'bluish green' },
    });
  });

  it('prints the map with ● ○ △ and the card numbers, and splits wide or long maps over several A3 sheets', () => {
    const html = matrixPosterPage(wb, { fontCss: '', largePrint: false }).html;
    const numbers = cardNumbers(wb);
    expect(html).toContain(`>${numbers.get('svc_nsc_reading_well')}</span>`);
    const strong = wb.alignments.filter((a) => a.strength === 3).length;
    expect(html.match(/aria-hidden="true">●</g)!.length).toBe(strong);
    expect(html.match(/aria-hidden="true">△</g)!.length).toBe(
      wb.alignments.filter((a) => a.strength === 1).length,
    );
    expect(html.match(/<section class="poster">/g)!.length).toBe(1);
    const big: Workbook = {
      ...wb,
      services: [...wb.services, ...wb.services.map((s) => ({ ...s, id: `${s.id}_copy` }))],
    };
    expect(
      matrixPosterPage(big, { fontCss: '', largePrint: false }).html.match(/<section class="poster">/g)!
        .length,
    ).toBe(2);
  });

  it('numbers the voting-sheet options as the screen does, and tells anonymous voters not to sign', () => {
    const html = votingSheetsPage(wb, w, { fontCss: '', largePrint: false })!.html;
    expect(html).toContain('Dot-voting sheet: Which objectives should the 2025/26 case lead with?');
    expect(html).toContain('You have 3 dots. Put no more than 3 on any one option.');
    expect(html).toContain('<td class="num">1</td><th scope="row">Improve mental wellbeing');
    expect(html).toContain('Do not write your name on this sheet.');
    expect(html).toContain('Dot-voting sheet: Which new ideas are worth working up?');
    expect(html).toContain('<td class="num">2</td><th scope="row">Memory cafés in every market-town library');
  });

  it('without a workshop, prints the cards and poster only', () => {
    expect(
      buildKit({ ...wb, workshops: [] }, null, { fontCss: '', largePrint: false }).map((p) => p.part),
    ).toEqual(['objective-cards', 'service-cards', 'cards-a6', 'matrix-poster']);
  });

  it('fits up to 30 options on one page of a voting sheet, and splits longer lists without cutting a label', () => {
    const long =
      'A library hub in every market town with health checks, job clubs and a café run by volunteers';
    expect(sheetPages(Array(30).fill(long), false)).toHaveLength(1);
    expect(sheetPages(Array(30).fill(long), false)[0]![0]!.label.length).toBeLessThanOrEqual(61);
    const split = sheetPages(Array(40).fill('Short idea'), false);
    expect(split.map((p) => p.length)).toEqual([30, 10]);
    expect(split.flat().map((r) => r.n)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(sheetPages(Array(40).fill(long), true).map((p) => p.length)).toEqual([7, 8, 8, 8, 8, 1]);
  });

  it('numbers each voting sheet and puts the title and the sheet number on every page', () => {
    const html = ballotSheetsPage(
      wb,
      w,
      w.activities.find((a) => a.kind === 'dot-vote')!.id,
      { fontCss: '', largePrint: true },
      2,
    )!.html;
    const pages = html.split('<section class="sheet">').slice(1);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const p of pages)
      expect(p).toContain('<h1>Dot-voting sheet: Which objectives should the 2025/26 case lead with?</h1>');
    expect(html).toContain('Sheet 1');
    expect(html).toContain('Sheet 2');
  });
});
