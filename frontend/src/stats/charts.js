// Bar charts drawn by uPlot (canvas, ~20 KB gzipped, no eval, no inline style attributes: it sets
// element.style from script, which a strict style-src allows). The table next to each chart is its text
// alternative, so the canvas itself is hidden from screen readers.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

const BAR = '#b3261e';

/** Options of a bar chart over categories 0…n-1, labelled below; exported for the unit tests. */
export function barOptions({ labels, width, height = 260, rotate = false, label }) {
  const n = labels.length;
  return {
    width,
    height,
    legend: { show: false },
    cursor: { show: false },
    scales: {
      x: { time: false, range: () => [-0.5, Math.max(n - 0.5, 0.5)] },
      y: { range: (u, min, max) => [0, Math.max(1, Math.ceil(max * 1.1))] },
    },
    axes: [
      {
        splits: () => labels.map((_, i) => i),
        values: (u, splits) => splits.map((i) => labels[i] ?? ''),
        rotate: rotate ? -45 : 0,
        size: rotate ? 90 : 40,
        gap: 4,
      },
      { label, size: 50, values: (u, splits) => splits.map((v) => (Number.isInteger(v) ? String(v) : '')) },
    ],
    series: [
      {},
      { label, fill: BAR, stroke: BAR, points: { show: false }, paths: uPlot.paths.bars({ size: [0.7, 48] }) },
    ],
  };
}

/**
 * Draws `{labels, values}` as bars into `target`, and keeps it as wide as its container. Returns the
 * uPlot instance (destroy() when the view goes).
 */
export function barChart(target, { labels, values }, { label, rotate } = {}) {
  const width = () => Math.max(200, target.clientWidth || 300);
  const chart = new uPlot(
    barOptions({ labels, width: width(), rotate: rotate ?? labels.length > 6, label }),
    [labels.map((_, i) => i), values],
    target,
  );
  chart.root.setAttribute('aria-hidden', 'true');
  const resize = new ResizeObserver(() => {
    if (Math.abs(chart.width - width()) > 2) chart.setSize({ width: width(), height: chart.height });
  });
  resize.observe(target);
  const destroy = chart.destroy.bind(chart);
  chart.destroy = () => {
    resize.disconnect();
    destroy();
  };
  return chart;
}
