/**
 * Charts for Word: the SVG the print HTML uses, rasterised to PNG by resvg (a prebuilt binary shipped inside its
 * npm package; nothing is downloaded) with the same Arimo font, at twice the drawn size so it prints sharply.
 */
import { renderAsync } from '@resvg/resvg-js';
import { chartFontFiles } from './fonts';

/** Rendered on libuv's thread pool, so several charts rasterise at once while the Word file is put together. */
export async function rasteriseSvg(svg: string, widthPx: number): Promise<Uint8Array> {
  const image = await renderAsync(svg, {
    fitTo: { mode: 'width', value: Math.max(1, Math.round(widthPx)) },
    font: { fontFiles: chartFontFiles(), loadSystemFonts: false, defaultFontFamily: 'Arimo', sansSerifFamily: 'Arimo' },
    background: '#ffffff',
  });
  return new Uint8Array(image.asPng());
}
