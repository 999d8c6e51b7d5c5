/**
 * The one chart renderer: a horizontal stacked bar chart drawn as SVG from a ChartSpec. The HTML uses the SVG
 * inline (role="img" with the alt text as its label); Word gets the same SVG rasterised to PNG with the same alt
 * text. Every segment is labelled with its number and the legend names each series, so colour is never the only cue.
 */
import type { ChartSpec } from '../model';
import { FONT_FAMILY, SHADES } from '../palette';
import { escapeMarkup as esc } from '../markup';
import { textWidth } from '../text-metrics';

export interface RenderedChart {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

/** Most lines a bar label takes; a label longer still ends in "…" (the alt text and tables give it in full). */
const MAX_LABEL_LINES = 3;

/** A label broken at spaces into lines no wider than `max`, a word too long for a line cut to fit. */
export function wrapLabel(s: string, max: number, size: number): string[] {
  const lines: string[] = [];
  let line = '';
  const fit = (w: string) => {
    let out = w;
    while (out.length > 1 && textWidth(`${out}…`, size) > max) out = out.slice(0, -1);
    return out === w ? w : `${out}…`;
  };
  for (const word of s.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (textWidth(next, size) <= max) line = next;
    else {
      if (line) lines.push(line);
      line = fit(word);
    }
  }
  if (line) lines.push(line);
  if (lines.length <= MAX_LABEL_LINES) return lines;
  const kept = lines.slice(0, MAX_LABEL_LINES);
  kept[MAX_LABEL_LINES - 1] = fit(`${kept[MAX_LABEL_LINES - 1]!} ${lines[MAX_LABEL_LINES]!}…`).replace(/…+$/, '…');
  return kept;
}

function niceStep(max: number): number {
  if (max <= 5) return 1;
  if (max <= 10) return 2;
  if (max <= 25) return 5;
  return Math.ceil(max / 5 / 10) * 10;
}

const FONT = 11;
const BAR_H = 16;
const GAP = 8;
const LINE_H = FONT * 1.2;
const LEGEND_H = 26;
const TOP = LEGEND_H + 8;
const AXIS_H = 34;

const labelWidth = (width: number) => Math.round(width * 0.4);
/** Each bar's row is as tall as its label, wrapped to the label column (labels are never cut off mid-word). */
const rowHeight = (lines: readonly string[]) => Math.max(BAR_H, lines.length * LINE_H) + GAP;

function axisMaxOf(chart: ChartSpec): number {
  const max = Math.max(1, ...chart.bars.map((b) => b.values.reduce((n, v) => n + v, 0)));
  const step = niceStep(max);
  return Math.ceil(max / step) * step;
}

export function renderChartSvg(chart: ChartSpec, width = 640): RenderedChart {
  return drawChart(chart, chart.bars, axisMaxOf(chart), width);
}

/**
 * The chart cut into parts no taller than `maxHeight` (in the chart's own units), so a chart with many bars runs
 * over several pages instead of off the foot of one; each part has the legend and the axis, on the same scale.
 */
export function renderChartParts(chart: ChartSpec, maxHeight: number, width = 640): RenderedChart[] {
  const labelW = labelWidth(width);
  const heights = chart.bars.map((b) => rowHeight(wrapLabel(b.label, labelW - 4, FONT)));
  const axisMax = axisMaxOf(chart);
  const parts: Array<ChartSpec['bars']> = [];
  let start = 0;
  let used = TOP + AXIS_H;
  heights.forEach((h, i) => {
    if (i > start && used + h > maxHeight) {
      parts.push(chart.bars.slice(start, i));
      start = i;
      used = TOP + AXIS_H;
    }
    used += h;
  });
  parts.push(chart.bars.slice(start));
  return parts.map((bars) => drawChart(chart, bars, axisMax, width));
}

function drawChart(chart: ChartSpec, bars: ChartSpec['bars'], axisMax: number, width: number): RenderedChart {
  const font = FONT;
  const barH = BAR_H;
  const lineH = LINE_H;
  const labelW = labelWidth(width);
  const plotX = labelW + 10;
  const plotW = width - plotX - 30;
  const top = TOP;
  const axisH = AXIS_H;
  const labels = bars.map((b) => wrapLabel(b.label, labelW - 4, font));
  const rowH = labels.map(rowHeight);
  const rowY = rowH.map((_, i) => top + rowH.slice(0, i).reduce((a, h) => a + h, 0));
  const height = top + rowH.reduce((a, h) => a + h, 0) + axisH;
  const totals = bars.map((b) => b.values.reduce((n, v) => n + v, 0));
  const step = niceStep(axisMax);
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

  bars.forEach((bar, i) => {
    const lines = labels[i]!;
    const blockH = Math.max(barH, lines.length * lineH);
    const y = rowY[i]! + (blockH - barH) / 2;
    const firstBaseline = rowY[i]! + (blockH - lines.length * lineH) / 2 + lineH / 2 + font / 2.8;
    parts.push(
      `<text x="${labelW}" y="${firstBaseline.toFixed(1)}" font-size="${font}" fill="#0b0c0c" text-anchor="end">${lines
        .map((l, n) => `<tspan x="${labelW}" ${n === 0 ? '' : `dy="${lineH.toFixed(1)}"`}>${esc(l)}</tspan>`)
        .join('')}</text>`,
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
