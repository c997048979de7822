// Draws a chart with chart.js from the table beside it (for src/client/metric-chart.ts, which
// fetches this module, a chunk of its own, only when a chart comes near the viewport). Only the
// parts of chart.js that a bar chart uses are registered, so the rest is left out of the chunk.
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { formatNumber } from '../domain/format.ts';
import type { Precision } from '../domain/qualifiers.ts';
import { CHART_DATA, type ChartPoint } from '../render/chart-spec.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/** A bar: what the table's row says (src/components/SeriesTable.astro). */
type Bar = Omit<ChartPoint, 'quote'>;

/** The bars of a chart, read from its table: one per body row, as the build wrote it (CHART_DATA). */
export function barsOf(table: HTMLTableElement): Bar[] {
  return [...table.tBodies].flatMap((body) => [...body.rows]).map((row) => ({
    label: row.cells[0]?.textContent?.trim() ?? '',
    value: Number(row.getAttribute(CHART_DATA.value)),
    precision: row.getAttribute(CHART_DATA.precision) as Precision,
    display: row.querySelector(`[${CHART_DATA.display}]`)?.textContent?.trim() ?? '',
    href: row.querySelector<HTMLAnchorElement>(`a[${CHART_DATA.source}]`)?.href ?? '',
  }));
}

/** Okabe–Ito blue: distinguishable for the common colour-vision deficiencies. */
const BAR_COLOUR = { light: '#0072B2', dark: '#56B4E9' };

/** A fill pattern: diagonal hatching for estimates and approximations, dots for lower bounds. */
function pattern(kind: 'hatch' | 'dots', colour: string, background: string): CanvasPattern | string {
  const tile = document.createElement('canvas');
  tile.width = tile.height = 8;
  const ctx = tile.getContext('2d');
  if (!ctx) return colour;
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, 8, 8);
  ctx.strokeStyle = colour;
  ctx.fillStyle = colour;
  ctx.lineWidth = 2;
  if (kind === 'dots') {
    ctx.fillRect(1, 1, 3, 3);
    ctx.fillRect(5, 5, 3, 3);
  } else {
    ctx.beginPath();
    ctx.moveTo(0, 8);
    ctx.lineTo(8, 0);
    ctx.moveTo(-2, 2);
    ctx.lineTo(2, -2);
    ctx.moveTo(6, 10);
    ctx.lineTo(10, 6);
    ctx.stroke();
  }
  return ctx.createPattern(tile, 'repeat') ?? colour;
}

export function drawChart(canvas: HTMLCanvasElement, bars: readonly Bar[]): Chart {
  const dark = matchMedia('(prefers-color-scheme: dark)').matches;
  const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
  const styles = getComputedStyle(document.documentElement);
  const fg = styles.getPropertyValue('--fg').trim() || '#1a1a1a';
  const bg = styles.getPropertyValue('--bg').trim() || '#ffffff';
  const colour = dark ? BAR_COLOUR.dark : BAR_COLOUR.light;
  // Text in the chart follows the page: its font and (with the text-size control) its size.
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.font.size = Math.round((parseFloat(styles.fontSize) || 18) * 0.85);
  // Exact values are solid; estimates and approximations hatched; lower bounds dotted.
  const fills = bars.map((p) =>
    p.precision === 'exact' ? colour : pattern(p.precision === 'lower-bound' ? 'dots' : 'hatch', colour, bg));
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: bars.map((p) => p.label),
      datasets: [{
        data: bars.map((p) => p.value),
        backgroundColor: fills,
        borderColor: colour,
        borderWidth: bars.map((p) => (p.precision === 'exact' ? 0 : 2)),
        maxBarThickness: 72,
      }],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: reduceMotion ? false : { duration: 400 },
      locale: 'zh-CN',
      color: fg,
      scales: {
        x: { ticks: { color: fg } },
        y: {
          beginAtZero: true,
          ticks: { color: fg, callback: (v) => formatNumber(Number(v)) },
        },
      },
      plugins: {
        tooltip: {
          callbacks: {
            label: (item) => bars[item.dataIndex]?.display ?? '',
            footer: () => '点击查看原文出处',
          },
        },
      },
      onClick: (_event, elements) => {
        const point = elements[0] && bars[elements[0].index];
        if (point) location.href = point.href;
      },
      onHover: (event, elements) => {
        const target = event.native?.target as HTMLElement | undefined;
        if (target) target.style.cursor = elements.length > 0 ? 'pointer' : 'default';
      },
    },
  });
}
