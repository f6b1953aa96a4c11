import { type Document, Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import type { BenchChart } from './bench-report';
import { formatValue, renderBarChart } from './svg-chart';

const MACHINE = 'Some CPU · 2 cores · 8 GiB · Node v20.20.2 · linux/x64';

const BYTES: BenchChart = {
  id: 'bytes',
  title: 'Bytes per delivered notification',
  unit: 'bytes per delivered notification',
  groups: ['100 clients', '1,000 clients'],
  series: [
    { name: 'long polling', values: [400, 425] },
    { name: 'SSE', values: [100, 107] },
    { name: 'WebSocket', values: [200, null] },
  ],
};

/** The chart as the browser would read it; fails the test when the SVG is not well-formed XML. */
function parse(svg: string): Document {
  // happy-dom forgives a bare `<` or `&` in text; a browser showing the file as an image does not.
  const text = svg.replace(/<[^>]*>/g, '');
  expect(text, 'a bare < or > outside a tag').not.toMatch(/[<>]/);
  expect(text, 'a bare & outside an entity').not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
  const document = new new Window().DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(document.querySelector('parsererror'), 'the SVG does not parse as XML').toBeNull();
  return document;
}

function bars(document: Document): Array<{ series: string; group: string; height: number }> {
  return [...document.querySelectorAll('rect.bar')].map((bar) => ({
    series: bar.getAttribute('data-series') ?? '',
    group: bar.getAttribute('data-group') ?? '',
    height: Number(bar.getAttribute('height')),
  }));
}

function heightOf(document: Document, series: string, group: string): number {
  const bar = bars(document).find((each) => each.series === series && each.group === group);
  if (!bar) throw new Error(`no bar for ${series} at ${group}`);
  return bar.height;
}

describe('renderBarChart', () => {
  it('is a standalone, accessible SVG: title, machine line, light background', () => {
    const document = parse(renderBarChart(BYTES, MACHINE));
    const svg = document.documentElement;
    expect(svg.tagName.toLowerCase()).toBe('svg');
    expect(svg.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe(BYTES.title);
    expect(document.querySelector('title')?.textContent).toBe(BYTES.title);
    expect(document.querySelector('text.title')?.textContent).toBe(BYTES.title);
    expect(document.querySelector('text.machine')?.textContent, 'the machine line').toBe(MACHINE);
    expect(svg.getAttribute('font-family'), 'no web font to load').toMatch(/sans-serif$/);
    expect(
      document.querySelector('rect')?.getAttribute('fill'),
      'GitHub’s dark mode needs a background',
    ).toBe('#ffffff');
  });

  it('draws bars in proportion to their values on a linear scale', () => {
    const document = parse(renderBarChart(BYTES, MACHINE));
    const longPolling = heightOf(document, 'long polling', '100 clients');
    expect(longPolling).toBeGreaterThan(50);
    expect(heightOf(document, 'SSE', '100 clients') / longPolling).toBeCloseTo(100 / 400, 2);
    expect(heightOf(document, 'WebSocket', '100 clients') / longPolling).toBeCloseTo(200 / 400, 2);
    expect(heightOf(document, 'SSE', '1,000 clients') / longPolling).toBeCloseTo(107 / 400, 2);
  });

  it('orders bars by value on a log scale, ten times the value one step higher', () => {
    const chart: BenchChart = {
      ...BYTES,
      scale: 'log',
      series: [
        { name: 'WebSocket', values: [65, 68] },
        { name: 'long polling', values: [650, 425] },
        { name: 'pub/sub broker', values: [6_500, 11_923] },
      ],
    };
    const document = parse(renderBarChart(chart, MACHINE));
    const small = heightOf(document, 'WebSocket', '100 clients');
    const middle = heightOf(document, 'long polling', '100 clients');
    const large = heightOf(document, 'pub/sub broker', '100 clients');
    expect(small).toBeGreaterThan(0);
    expect(middle).toBeGreaterThan(small);
    expect(large).toBeGreaterThan(middle);
    expect(large - middle, 'each power of ten is the same step').toBeCloseTo(middle - small, 0);
    const ticks = [...document.querySelectorAll('text')].map((text) => text.textContent);
    expect(ticks, 'ticks at powers of ten').toEqual(
      expect.arrayContaining(['10 B', '100 B', '1 KB', '10 KB']),
    );
    expect(ticks).toContain('11.9 KB');
  });

  it('draws no bar where nothing was measured, and a dash instead', () => {
    const document = parse(renderBarChart(BYTES, MACHINE));
    expect(bars(document)).toHaveLength(5);
    expect(bars(document).some((bar) => bar.series === 'WebSocket' && bar.group === '1,000 clients')).toBe(
      false,
    );
    expect(document.querySelectorAll('text.no-value')).toHaveLength(1);
    expect(document.querySelector('text.no-value')?.textContent).toBe('–');
  });

  it('prints every value above its bar', () => {
    const document = parse(renderBarChart(BYTES, MACHINE));
    const values = [...document.querySelectorAll('text.value')].map((text) => text.textContent);
    expect(values, 'group by group').toEqual(['400 B', '100 B', '200 B', '425 B', '107 B']);
  });

  it('escapes text for XML', () => {
    const chart: BenchChart = {
      ...BYTES,
      title: 'Fish & <chips>',
      groups: ['"a" & \'b\'', '<1,000>'],
      series: [{ name: 'R&D <lab>', values: [1, 2] }],
    };
    const svg = renderBarChart(chart, 'CPU <fast> & cheap');
    expect(svg).toContain('Fish &amp; &lt;chips&gt;');
    const document = parse(svg);
    expect(document.querySelector('text.title')?.textContent).toBe('Fish & <chips>');
    expect(document.querySelector('text.machine')?.textContent).toBe('CPU <fast> & cheap');
    expect(document.documentElement.getAttribute('aria-label')).toBe('Fish & <chips>');
    expect(bars(document).map((bar) => bar.group)).toEqual(['"a" & \'b\'', '<1,000>']);
  });

  it('lists every series in the legend, each in its own colour', () => {
    const document = parse(renderBarChart(BYTES, MACHINE));
    const items = [...document.querySelectorAll('.legend-item')];
    expect(items.map((item) => item.querySelector('text')?.textContent)).toEqual([
      'long polling',
      'SSE',
      'WebSocket',
    ]);
    const colours = items.map((item) => item.querySelector('rect')?.getAttribute('fill'));
    expect(new Set(colours).size).toBe(3);
  });
});

describe('formatValue', () => {
  it('prints compact values in the chart’s unit', () => {
    expect(formatValue(68, 'bytes per delivered notification')).toBe('68 B');
    expect(formatValue(1_200, 'bytes per delivered notification')).toBe('1.2 KB');
    expect(formatValue(11_923, 'bytes per delivered notification')).toBe('11.9 KB');
    expect(formatValue(1_345.4, 'server CPU µs per delivered notification')).toBe('1,345 µs');
    expect(formatValue(25.83, 'server CPU µs per delivered notification')).toBe('25.8 µs');
    expect(formatValue(0.35, 'requests per delivered notification')).toBe('0.35');
  });
});
