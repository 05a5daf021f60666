/**
 * One chart: a uPlot canvas (line over days, or bars per category) with its table fallback, in a
 * <figure>. Each drawn chart registers itself on `window.storefleetDashboard.charts`, so a browser
 * test can read the data the chart holds and know it has drawn, without reading pixels.
 */
import uPlot from 'uplot';
import { type ChartData, hasData } from './chart-data.js';
import { epochSecondsToDay } from './dates.js';
import { dataTable, el } from './dom.js';

const COLOURS = ['#1f6feb', '#d9480f', '#2f9e44', '#9c36b5', '#e67700', '#0c8599', '#c2255c', '#5c940d'];
const HEIGHT = 260;

export interface ChartProbe {
  title: string;
  drawn: boolean;
  labels: string[];
  series: { label: string; values: number[] }[];
  /** The columns uPlot holds (x first), as it drew them. */
  plotData: () => number[][];
}

export interface DashboardProbe {
  status: 'loading' | 'ready' | 'signed-out' | 'error';
  charts: Record<string, ChartProbe>;
}

declare global {
  interface Window {
    storefleetDashboard: DashboardProbe;
  }
}

export const probe = (): DashboardProbe => {
  window.storefleetDashboard ??= { status: 'loading', charts: {} };
  return window.storefleetDashboard;
};

export interface ChartSpec {
  id: string;
  title: string;
  data: ChartData;
  /** How a value reads (money in its currency, or units). */
  format: (value: number) => string;
  /** Shorter form for the y axis. */
  tick?: (value: number) => string;
  /** Column header of the x values in the table fallback. */
  xTitle: string;
  empty: string;
}

const plots = new Map<string, uPlot>();
const resize = new ResizeObserver((entries) => {
  for (const entry of entries) {
    const plot = plots.get((entry.target as HTMLElement).dataset.chart ?? '');
    const width = Math.floor(entry.contentRect.width);
    if (plot && width > 0 && width !== plot.width) plot.setSize({ width, height: HEIGHT });
  }
});

const barPaths = (index: number, count: number) => {
  const bars = uPlot.paths.bars;
  if (!bars) return undefined;
  // Two series sit side by side around each x; one is centred.
  const align = count === 2 ? (index === 0 ? -1 : 1) : 0;
  return bars({ size: [count === 2 ? 0.4 : 0.6, 80], align });
};

const options = (spec: ChartSpec, width: number, onDraw: () => void): uPlot.Options => {
  const { data } = spec;
  const category = data.kind === 'category';
  return {
    width,
    height: HEIGHT,
    scales: {
      x: category ? { time: false, range: () => [-0.5, data.x.length - 0.5] } : { time: true },
      y: { range: (_u, min, max) => [Math.min(0, min), max > 0 ? max * 1.1 : 1] },
    },
    series: [
      {
        label: spec.xTitle,
        // null while the cursor is off the chart: the legend then shows only the series' names.
        value: (_u: uPlot, value: number | null) =>
          value === null ? '' : category ? (data.labels[value] ?? '') : epochSecondsToDay(value),
      },
      ...data.series.map((series, index) => ({
        label: series.label,
        stroke: COLOURS[index % COLOURS.length] ?? '#1f6feb',
        fill: category ? `${COLOURS[index % COLOURS.length] ?? '#1f6feb'}cc` : undefined,
        width: category ? 1 : 2,
        value: (_u: uPlot, value: number | null) => (value === null ? '–' : spec.format(value)),
        ...(category ? { paths: barPaths(index, data.series.length), points: { show: false } } : {}),
      })),
    ],
    axes: [
      category
        ? {
            splits: () => data.x,
            values: (_u, splits) => splits.map((i) => data.labels[i] ?? ''),
            grid: { show: false },
          }
        : {},
      { size: 72, values: (_u, splits) => splits.map((value) => (spec.tick ?? spec.format)(value)) },
    ],
    legend: { live: true },
    hooks: { draw: [onDraw] },
  };
};

/** Renders (or re-renders) the chart into `container`, replacing what was there. */
export const renderChart = (container: HTMLElement, spec: ChartSpec): void => {
  plots.get(spec.id)?.destroy();
  plots.delete(spec.id);
  for (const old of container.querySelectorAll('figure')) resize.unobserve(old);
  delete probe().charts[spec.id];
  const figure = el('figure', { class: 'chart', 'data-chart': spec.id });
  const caption = el('figcaption', {}, spec.title);
  const rows = spec.data.labels.map((label, i) => [
    label,
    ...spec.data.series.map((series) => spec.format(series.values[i] ?? 0)),
  ]);
  const table = dataTable(spec.title, [spec.xTitle, ...spec.data.series.map((series) => series.label)], rows);
  container.replaceChildren(figure);
  if (!hasData(spec.data)) {
    figure.dataset.empty = 'true';
    figure.append(caption, el('p', { class: 'empty' }, spec.empty));
    return;
  }
  const canvas = el('div', {
    class: 'plot',
    role: 'img',
    'aria-label': `${spec.title}: chart of ${spec.data.series.map((s) => s.label).join(', ')}; the table below has the numbers.`,
  });
  figure.append(caption, canvas, el('details', {}, el('summary', {}, 'Show as a table'), table));
  const entry: ChartProbe = {
    title: spec.title,
    drawn: false,
    labels: [...spec.data.labels],
    series: spec.data.series.map((series) => ({ label: series.label, values: [...series.values] })),
    plotData: () => (plot.data as unknown as (number | null)[][]).map((column) => column.map((v) => v ?? 0)),
  };
  const columns: uPlot.AlignedData = [spec.data.x, ...spec.data.series.map((series) => series.values)];
  const width = Math.max(280, Math.floor(figure.clientWidth || 600));
  const plot = new uPlot(
    options(spec, width, () => {
      entry.drawn = true;
      figure.dataset.drawn = 'true';
    }),
    columns,
    canvas,
  );
  plots.set(spec.id, plot);
  probe().charts[spec.id] = entry;
  resize.observe(figure);
};
