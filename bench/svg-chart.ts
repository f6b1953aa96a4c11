import type { BenchChart } from './bench-report';

// A standalone SVG, no fonts or scripts to load: GitHub shows it as an image, the decks import it as a file.
const WIDTH = 960;
const HEIGHT = 480;
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
const TEXT = '#0f172a';
const MUTED = '#475569';
const GRID = '#e2e8f0';
/** Okabe–Ito: told apart with every common colour-vision deficiency, and dark enough on white. */
const COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000', '#F0E442'];
const PLOT_LEFT = 100;
const PLOT_RIGHT = WIDTH - 24;
const PLOT_TOP = 104;
const LEGEND_ROW = 27;
const VALUE_FONT = 15;

/** How a value on a chart's axis, from 0 (bottom) to 1 (top), and the tick values to label. */
interface Scale {
  position(value: number): number;
  ticks: number[];
}

/**
 * The chart as a standalone SVG document, about 960×480, light background: title, the machine it was measured
 * on, a y axis in the chart's unit, one group of bars per group, a legend and each bar's value above it.
 */
export function renderBarChart(chart: BenchChart, machine: string): string {
  const legend = layOutLegend(chart.series.map((series) => series.name));
  const plotBottom = HEIGHT - 10 - legend.rows * LEGEND_ROW - 36;
  const values = chart.series.flatMap((series) => series.values).filter(isNumber);
  const scale = chart.scale === 'log' ? logScale(values) : linearScale(values);
  const upright = labelsStandUpright(chart);
  const plotTop = topWithRoomForLabels(chart, scale, plotBottom, upright);
  const y = (value: number) => plotBottom - scale.position(value) * (plotBottom - plotTop);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeXml(chart.title)}" font-family="${FONT}">`,
    `<title>${escapeXml(chart.title)}</title>`,
    `<desc>${escapeXml(describeData(chart, machine))}</desc>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    text(chart.title, { x: 24, y: 38, size: 26, weight: 700, className: 'title' }),
    text(machine, { x: 24, y: 63, size: 15, fill: MUTED, className: 'machine', fitTo: WIDTH - 48 }),
    text(`${chart.unit}${chart.scale === 'log' ? ' (log scale)' : ''}`, {
      x: PLOT_LEFT,
      y: PLOT_TOP - 16,
      size: 16,
      fill: MUTED,
      className: 'unit',
    }),
    ...scale.ticks.map((tick) => renderTick(tick, y(tick), chart.unit)),
    `<line x1="${PLOT_LEFT}" y1="${plotBottom}" x2="${PLOT_RIGHT}" y2="${plotBottom}" stroke="${MUTED}" stroke-width="1.5"/>`,
    ...renderBars(chart, plotBottom, y, upright),
    ...legend.items.map((item, index) =>
      renderLegendItem(item, index, plotBottom + 36 + 18 + item.row * LEGEND_ROW),
    ),
    '</svg>',
    '',
  ].join('\n');
}

/** `68 B`, `11.9 KB` for bytes; `1,345 µs`, `25.8 µs`, `0.35` for the rest: a word in the unit decides. */
export function formatValue(value: number, unit: string): string {
  if (/\bbytes?\b/i.test(unit)) {
    if (Math.abs(value) < 1000) return `${compactNumber(value)} B`;
    if (Math.abs(value) < 1e6) return `${compactNumber(value / 1e3)} KB`;
    return `${compactNumber(value / 1e6)} MB`;
  }
  const symbol = unit.match(/(?:^|\s)(µs|ms|s)(?:\s|$)/)?.[1];
  return symbol ? `${compactNumber(value)} ${symbol}` : compactNumber(value);
}

/** Three significant digits, whole numbers from 1,000 on with a thousands separator. */
function compactNumber(value: number): string {
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  return String(Number(value.toPrecision(3)));
}

export function escapeXml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

function isNumber(value: number | null): value is number {
  return value !== null && Number.isFinite(value);
}

/** From 0 to a round value above the largest, in steps of 1, 2 or 5 times a power of ten. */
function linearScale(values: number[]): Scale {
  const largest = Math.max(0, ...values);
  if (largest === 0) return { position: () => 0, ticks: [0] };
  const rough = largest / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? rough;
  const top = Math.ceil(largest / step) * step;
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, index) => index * step);
  return { position: (value) => Math.max(0, value) / top, ticks };
}

/** Powers of ten from below the smallest to above the largest; the smallest bar still has a height. */
function logScale(values: number[]): Scale {
  const positive = values.filter((value) => value > 0);
  if (positive.length === 0) return { position: () => 0, ticks: [1] };
  const low = Math.ceil(Math.log10(Math.min(...positive))) - 1;
  const high = Math.max(low + 1, Math.ceil(Math.log10(Math.max(...positive))));
  const ticks = Array.from({ length: high - low + 1 }, (_, index) => 10 ** (low + index));
  return {
    position: (value) => (value <= 0 ? 0 : (Math.log10(value) - low) / (high - low)),
    ticks,
  };
}

function renderTick(tick: number, y: number, unit: string): string {
  return [
    `<line x1="${PLOT_LEFT}" y1="${round(y)}" x2="${PLOT_RIGHT}" y2="${round(y)}" stroke="${GRID}" stroke-width="1"/>`,
    text(formatValue(tick, unit), { x: PLOT_LEFT - 10, y: y + 5, size: 15, fill: MUTED, anchor: 'end' }),
  ].join('\n');
}

/** Where each group and bar sits across the plot. */
function barSlots(chart: BenchChart): { groupWidth: number; slot: number } {
  const groupWidth = (PLOT_RIGHT - PLOT_LEFT) / Math.max(1, chart.groups.length);
  return { groupWidth, slot: (groupWidth * 0.9) / Math.max(1, chart.series.length) };
}

/** Labels wider than their bar would run into the next one: then they all stand upright. */
function labelsStandUpright(chart: BenchChart): boolean {
  const widths = chart.series.flatMap((series) =>
    series.values.filter(isNumber).map((value) => textWidth(formatValue(value, chart.unit), VALUE_FONT)),
  );
  return Math.max(0, ...widths) > barSlots(chart).slot - 2;
}

/** The y of the scale's top: lowered where a tall bar's label would otherwise run into the unit line. */
function topWithRoomForLabels(chart: BenchChart, scale: Scale, plotBottom: number, upright: boolean): number {
  let top = PLOT_TOP;
  for (const value of chart.series.flatMap((series) => series.values).filter(isNumber)) {
    const position = scale.position(value);
    if (position <= 0) continue;
    const label = upright ? textWidth(formatValue(value, chart.unit), VALUE_FONT) : VALUE_FONT;
    // The bar's top y is plotBottom - position * (plotBottom - top); its label needs `label + 8` above it.
    top = Math.max(top, plotBottom - (plotBottom - PLOT_TOP - label - 8) / position);
  }
  return top;
}

function renderBars(
  chart: BenchChart,
  plotBottom: number,
  y: (value: number) => number,
  upright: boolean,
): string[] {
  const { groupWidth, slot } = barSlots(chart);
  const barWidth = slot * 0.82;
  const parts: string[] = [];
  chart.groups.forEach((group, groupIndex) => {
    const groupLeft = PLOT_LEFT + groupIndex * groupWidth + groupWidth * 0.05;
    chart.series.forEach((series, seriesIndex) => {
      const value = series.values[groupIndex] ?? null;
      const centre = groupLeft + seriesIndex * slot + slot / 2;
      const data = `data-series="${escapeXml(series.name)}" data-group="${escapeXml(group)}"`;
      if (!isNumber(value)) {
        // Nothing measured is not zero: a dash where the bar would stand.
        parts.push(
          text('–', {
            x: centre,
            y: plotBottom - 8,
            size: 22,
            fill: MUTED,
            anchor: 'middle',
            className: 'no-value',
          }),
        );
        return;
      }
      const top = y(value);
      parts.push(
        `<rect class="bar" ${data} data-value="${value}" x="${round(centre - barWidth / 2)}" y="${round(top)}" width="${round(barWidth)}" height="${round(plotBottom - top)}" fill="${colour(seriesIndex)}"/>`,
        renderValueLabel(formatValue(value, chart.unit), centre, top, upright),
      );
    });
    parts.push(
      text(group, {
        x: PLOT_LEFT + (groupIndex + 0.5) * groupWidth,
        y: plotBottom + 27,
        size: 18,
        weight: 600,
        anchor: 'middle',
      }),
    );
  });
  return parts;
}

function renderValueLabel(label: string, centre: number, top: number, upright: boolean): string {
  if (!upright)
    return text(label, { x: centre, y: top - 6, size: VALUE_FONT, anchor: 'middle', className: 'value' });
  const x = round(centre + VALUE_FONT * 0.35);
  const y = round(top - 6);
  return `<text class="value" x="${x}" y="${y}" transform="rotate(-90 ${x} ${y})" font-size="${VALUE_FONT}" fill="${TEXT}">${escapeXml(label)}</text>`;
}

interface LegendItem {
  name: string;
  x: number;
  row: number;
}

/** The series' names in a grid of equal columns across the chart, as many as fit, centred. */
function layOutLegend(names: string[]): { items: LegendItem[]; rows: number } {
  const gap = 28;
  const column = Math.max(0, ...names.map((name) => 24 + textWidth(name, 17))) + gap;
  const columns = Math.max(1, Math.min(names.length, Math.floor((WIDTH - 48 + gap) / column)));
  const left = (WIDTH - (columns * column - gap)) / 2;
  const items = names.map((name, index) => ({
    name,
    x: left + (index % columns) * column,
    row: Math.floor(index / columns),
  }));
  return { items, rows: Math.ceil(names.length / columns) };
}

function renderLegendItem(item: LegendItem, index: number, y: number): string {
  return [
    `<g class="legend-item">`,
    `<rect x="${round(item.x)}" y="${round(y - 14)}" width="16" height="16" rx="2" fill="${colour(index)}"/>`,
    text(item.name, { x: item.x + 24, y, size: 17 }),
    '</g>',
  ].join('\n');
}

function describeData(chart: BenchChart, machine: string): string {
  const series = chart.series.map((each) => {
    const values = each.values.map((value, index) => {
      const shown = isNumber(value) ? formatValue(value, chart.unit) : 'not measured';
      return `${chart.groups[index] ?? ''}: ${shown}`;
    });
    return `${each.name}: ${values.join(', ')}`;
  });
  return `${chart.unit}, measured on ${machine}. ${series.join('; ')}.`;
}

interface TextOptions {
  x: number;
  y: number;
  size: number;
  fill?: string;
  weight?: number;
  anchor?: 'start' | 'middle' | 'end';
  className?: string;
  /** Squeezed to this width when it would be wider (a long CPU name). */
  fitTo?: number;
}

function text(content: string, options: TextOptions): string {
  const attributes = [
    options.className ? `class="${options.className}"` : '',
    `x="${round(options.x)}"`,
    `y="${round(options.y)}"`,
    `font-size="${options.size}"`,
    options.weight ? `font-weight="${options.weight}"` : '',
    `fill="${options.fill ?? TEXT}"`,
    options.anchor && options.anchor !== 'start' ? `text-anchor="${options.anchor}"` : '',
    options.fitTo && textWidth(content, options.size) > options.fitTo
      ? `textLength="${options.fitTo}" lengthAdjust="spacingAndGlyphs"`
      : '',
  ].filter((attribute) => attribute !== '');
  return `<text ${attributes.join(' ')}>${escapeXml(content)}</text>`;
}

/** A generous guess at the width of a sans-serif text: the SVG cannot measure it without a browser. */
function textWidth(content: string, size: number): number {
  return content.length * size * 0.55;
}

function colour(index: number): string {
  return COLOURS[index % COLOURS.length] ?? TEXT;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
