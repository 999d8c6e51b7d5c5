/**
 * Charts for Word: the SVG the print HTML uses, rasterised to PNG by resvg (a prebuilt binary shipped inside its
 * npm package; nothing is downloaded) with the same Arimo font, at twice the drawn size so it prints sharply.
 */
import { Resvg } from '@resvg/resvg-js';
import { chartFontFiles } from './fonts';

export async function rasteriseSvg(svg: string, widthPx: number): Promise<Uint8Array> {
  const r = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.max(1, Math.round(widthPx)) },
    font: { fontFiles: chartFontFiles(), loadSystemFonts: false, defaultFontFamily: 'Arimo', sansSerifFamily: 'Arimo' },
    background: '#ffffff',
  });
  return new Uint8Array(r.render().asPng());
}
