/**
 * Contrast of the map's strength colours, their text, and the focus ring, computed from the stylesheet itself
 * (WCAG 2.2 relative luminance) in every theme: text at 4.5:1 (1.4.3), the focus ring and the cell marks at
 * 3:1 against every cell fill (1.4.11, 2.4.7). And one colour scale: the light theme's fills are the documents'
 * and Review charts' strength shades.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHADES } from '../../../shared/documents/palette';

const css = readFileSync(join(import.meta.dirname, 'app.css'), 'utf8');

function luminance(hex: string): number {
  const h = hex.replace('#', '');
  if (!/^[0-9a-f]{6}$/i.test(h)) throw new Error(`Not a six-digit colour: ${hex}`);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const v = parseInt(h.slice(i, i + 2), 16) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/** Custom properties a theme ends up with: every block whose selector names it, in stylesheet order. */
function themeVars(matches: (selector: string) => boolean): Map<string, string> {
  const vars = new Map<string, string>();
  for (const block of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    if (!matches(block[1]!.trim())) continue;
    for (const decl of block[2]!.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) vars.set(decl[1]!, decl[2]!.trim());
  }
  return vars;
}

const light = themeVars((s) => s.includes(':root') || s.includes("[data-theme='light']"));
const THEMES: ReadonlyArray<readonly [string, Map<string, string>]> = [
  ['light', light],
  ['dark', themeVars((s) => s === "[data-theme='dark']")],
  ['high contrast', themeVars((s) => s === "[data-theme='high-contrast']")],
  // "Follow the system" on a dark system: the light defaults, overridden inside the media query.
  ['system (dark)', new Map([...light, ...themeVars((s) => s === "[data-theme='system']")])],
];

function colour(vars: Map<string, string>, name: string): string {
  const v = vars.get(name);
  if (!v) throw new Error(`${name} is not set`);
  return v;
}

describe('WCAG contrast arithmetic', () => {
  it('matches the published reference values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
  });
});

describe.each(THEMES)('the map in the %s theme', (_name, vars) => {
  // Every fill a cell can have, with the colour its symbol, number, "E" badge and corner triangle are drawn in.
  const fills = [
    { what: 'not assessed', fill: colour(vars, '--panel'), text: colour(vars, '--text') },
    { what: 'suggested', fill: colour(vars, '--panel'), text: colour(vars, '--muted') },
    ...[0, 1, 2, 3].map((s) => ({ what: `strength ${s}`, fill: colour(vars, `--heat-${s}`), text: colour(vars, `--heat-${s}-text`) })),
  ];

  it.each(fills)('$what: its text is at least 4.5:1 on its fill', ({ fill, text }) => {
    expect(contrast(fill, text)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(fills)('$what: the focus ring shows at 3:1 or more against the fill', ({ fill }) => {
    const ring = Math.max(contrast(colour(vars, '--cell-focus-outer'), fill), contrast(colour(vars, '--cell-focus-inner'), fill));
    expect(ring).toBeGreaterThanOrEqual(3);
  });

  it('the two rings of the focus indicator contrast with each other', () => {
    expect(contrast(colour(vars, '--cell-focus-outer'), colour(vars, '--cell-focus-inner'))).toBeGreaterThanOrEqual(3);
  });

  it('the ordinary focus ring shows against the page and panels', () => {
    for (const bg of ['--bg', '--panel', '--bg-subtle']) expect(contrast(colour(vars, '--focus'), colour(vars, bg))).toBeGreaterThanOrEqual(3);
  });
});

describe('one strength scale for the Map and the Review step', () => {
  it.each([0, 1, 2, 3] as const)('strength %i on the map is the documents’ and charts’ shade', (s) => {
    expect(colour(light, `--heat-${s}`).toLowerCase()).toBe(`#${SHADES[`strength-${s}`].fill.toLowerCase()}`);
  });
});
