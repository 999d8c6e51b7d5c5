/**
 * The one chart renderer: a horizontal stacked bar chart drawn as SVG from a ChartSpec. The HTML uses the SVG
 * inline (role="img" with the alt text as its label); Word gets the same SVG rasterised to PNG with the same alt
 * text. Every segment is labelled with its number and the legend names each series, so colour is never the only cue.
 */
import type { ChartSpec } from '../model';
import { FONT_FAMILY, SHADES } from '../palette';
import { escapeMarkup as esc } from '../markup';

export interface RenderedChart {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

/** Rough width of text in Arimo at a size, good enough to truncate labels and place value labels. */
function textWidth(s: string, size: number): number {
  let w = 0;
  for (const ch of s) w += /[il.,:;'|!]/.test(ch) ? 0.25 : /[mwMW@]/.test(ch) ? 0.85 : /[A-Z]/.test(ch) ? 0.66 : /\s/.test(ch) ? 0.28 : 0.53;
  return w * size;
}

function truncate(s: string, max: number, size: number): string {
  if (textWidth(s, size) <= max) return s;
  let out = s;
  while (out.length > 1 && textWidth(`${out}…`, size) > max) out = out.slice(0, -1);
  return `${out.trimEnd()}…`;
}

function niceStep(max: number): number {
  if (max <= 5) return 1;
  if (max <= 10) return 2;
  if (max <= 25) return 5;
  return Math.ceil(max / 5 / 10) * 10;
}

export function renderChartSvg(chart: ChartSpec, width = 640): RenderedChart {
  const font = 11;
  const barH = 16;
  const gap = 8;
  const labelW = Math.round(width * 0.4);
  const plotX = labelW + 10;
  const plotW = width - plotX - 30;
  const legendH = 26;
  const top = legendH + 8;
  const axisH = 34;
  const height = top + chart.bars.length * (barH + gap) + axisH;
  const totals = chart.bars.map((b) => b.values.reduce((n, v) => n + v, 0));
  const max = Math.max(1, ...totals);
  const step = niceStep(max);
  const axisMax = Math.ceil(max / step) * step;
  const scale = plotW / axisMax;
  const parts: string[] = [];
  parts.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);

  // Legend
  let lx = plotX;
  chart.series.forEach((s) => {
    const c = SHADES[s.shade];
    parts.push(`<rect x="${lx}" y="6" width="14" height="14" fill="#${c.fill}" stroke="#0b0c0c" stroke-width="0.75"/>`);
    parts.push(`<text x="${lx + 19}" y="17" font-size="${font}" fill="#0b0c0c">${esc(s.name)}</text>`);
    lx += 19 + textWidth(s.name, font) + 18;
  });

  // Grid and axis
  for (let v = 0; v <= axisMax; v += step) {
    const x = plotX + v * scale;
    parts.push(`<line x1="${x.toFixed(1)}" y1="${top - 4}" x2="${x.toFixed(1)}" y2="${height - axisH + 4}" stroke="#b1b4b6" stroke-width="${v === 0 ? 1 : 0.5}"/>`);
    parts.push(`<text x="${x.toFixed(1)}" y="${height - axisH + 17}" font-size="${font - 1}" fill="#0b0c0c" text-anchor="middle">${v}</text>`);
  }
  parts.push(
    `<text x="${(plotX + plotW / 2).toFixed(1)}" y="${height - 4}" font-size="${font}" fill="#0b0c0c" text-anchor="middle">${esc(chart.valueLabel)}</text>`,
  );

  chart.bars.forEach((bar, i) => {
    const y = top + i * (barH + gap);
    parts.push(
      `<text x="${labelW}" y="${y + barH / 2 + font / 2.8}" font-size="${font}" fill="#0b0c0c" text-anchor="end">${esc(truncate(bar.label, labelW - 4, font))}</text>`,
    );
    let x = plotX;
    bar.values.forEach((v, si) => {
      if (v <= 0) return;
      const w = v * scale;
      const c = SHADES[chart.series[si]!.shade];
      parts.push(`<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${barH}" fill="#${c.fill}" stroke="#0b0c0c" stroke-width="0.5"/>`);
      if (w >= textWidth(String(v), font) + 4)
        parts.push(`<text x="${(x + w / 2).toFixed(1)}" y="${y + barH / 2 + font / 2.8}" font-size="${font}" fill="#${c.text}" text-anchor="middle">${v}</text>`);
      x += w;
    });
    const total = totals[i]!;
    parts.push(`<text x="${(x + 5).toFixed(1)}" y="${y + barH / 2 + font / 2.8}" font-size="${font}" fill="#0b0c0c">${total === 0 ? 'None' : total}</text>`);
  });

  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILY}, Arial, sans-serif">${parts.join('')}</svg>`;
  return { svg, width, height };
}
