/**
 * Colours for shading tokens, shared by the Word and HTML renderers and the charts. Every fill is paired with a
 * text colour that meets WCAG 1.4.3 (4.5:1) on it, and every shaded cell also carries words, so a black-and-white
 * print or a colour-blind reader loses nothing.
 */
import type { Shade } from './model';

export interface ShadeColours {
  /** Six hex digits, no "#". */
  readonly fill: string;
  readonly text: string;
}

export const SHADES: Readonly<Record<Shade, ShadeColours>> = {
  'strength-0': { fill: 'F3F2F1', text: '505A5F' },
  'strength-1': { fill: 'D2E3F7', text: '0B0C0C' },
  'strength-2': { fill: '6E9FD8', text: '0B0C0C' },
  'strength-3': { fill: '1D4F91', text: 'FFFFFF' },
  'rag-red': { fill: 'F4C7C0', text: '0B0C0C' },
  'rag-amber': { fill: 'FDE2B3', text: '0B0C0C' },
  'rag-green': { fill: 'CCE8D4', text: '0B0C0C' },
  muted: { fill: 'F3F2F1', text: '0B0C0C' },
  accent: { fill: 'E8F0FA', text: '0B0C0C' },
};

/** House colours: headings and rules in a dark blue that passes 4.5:1 on white. */
export const BRAND = {
  heading: '1D4F91',
  text: '0B0C0C',
  secondary: '505A5F',
  rule: 'B1B4B6',
  headerFill: 'E8F0FA',
  guidanceFill: 'FFF7BF',
  guidanceBorder: 'B58500',
  guidanceText: '0B0C0C',
  link: '1D4F91',
} as const;

export const FONT_FAMILY = 'Arimo';
/** Word uses Arial, which Arimo matches metric for metric, so both files break lines in the same places. */
export const WORD_FONT = 'Arial';
