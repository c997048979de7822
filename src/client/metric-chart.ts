// Browser side of <metric-chart> (src/components/MetricChart.astro): reveals the canvas and
// draws the chart from the JSON the build embedded; without JavaScript the table stays.
import { drawChart } from './draw-chart.ts';

class MetricChart extends HTMLElement {
  connectedCallback() {
    const data = this.querySelector('script[type="application/json"]');
    const holder = this.querySelector<HTMLElement>('.chart__canvas');
    const canvas = this.querySelector('canvas');
    if (!data || !holder || !canvas) return;
    holder.hidden = false;
    drawChart(canvas, JSON.parse(data.textContent ?? '{}'));
  }
}

customElements.define('metric-chart', MetricChart);
