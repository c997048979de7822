// Browser side of <metric-chart> (src/components/MetricChart.astro), kept tiny: it reserves the
// canvas's place and fetches the drawing code (src/client/draw-chart.ts with chart.js, a chunk
// of its own) only when a chart comes within a screen of the viewport, so a reader who never
// scrolls to a chart never downloads it; the chunk is fetched once per page, however many
// charts. The chart is drawn from the table beside it (data-table names it). Without
// JavaScript, or if the chunk cannot be fetched, the table stays the chart.

/** How far ahead of the viewport a chart starts loading: a screen above and below. */
const AHEAD = '100% 0px';

const drawing = () => import('./draw-chart.ts');

class MetricChart extends HTMLElement {
  /** The chart.js chart once drawn (for the browser tests: what was drawn). */
  chart: unknown;

  connectedCallback() {
    const holder = this.querySelector<HTMLElement>('.chart__canvas');
    const canvas = this.querySelector('canvas');
    const table = document.getElementById(this.dataset.table ?? '');
    if (!holder || !canvas || !(table instanceof HTMLTableElement)) return;
    // The canvas takes its place now, so nothing moves when the chart is drawn; the place is
    // marked busy (a soft box) until then, and given back to the table if the code cannot come.
    holder.hidden = false;
    holder.setAttribute('aria-busy', 'true');
    const draw = () => {
      drawing().then(
        ({ drawChart, barsOf }) => {
          this.chart = drawChart(canvas, barsOf(table));
          holder.removeAttribute('aria-busy');
        },
        () => { holder.hidden = true; },
      );
    };
    if (!('IntersectionObserver' in window)) return draw();
    const watch = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      watch.disconnect();
      draw();
    }, { rootMargin: AHEAD });
    watch.observe(holder);
  }
}

customElements.define('metric-chart', MetricChart);
