// Web: one weekly line of the insights page, drawn by uPlot (bundled; its stylesheet goes to the page's own
// CSS file) — weeks along the bottom, the figure up the side, gaps where a week had nothing. The chart is a
// picture for sighted readers only (aria-hidden): the table beside it is its text alternative.

import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { WeeklyChart } from "./insights-view";

const HEIGHT = 220;

export interface DrawnChart {
  resize(): void;
  destroy(): void;
}

/** Draws `values` (one per week key) into `container`, as wide as it is. */
export function drawWeeklyChart(container: HTMLElement, chart: WeeklyChart, labels: readonly string[], values: readonly (number | null)[]): DrawnChart {
  const style = getComputedStyle(document.documentElement);
  const colour = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const text = colour("--muted", "#5b6170");
  const grid = colour("--border", "#d5d9e2");
  const line = colour("--accent", "#4338ca");
  const width = () => Math.max(240, container.clientWidth);
  const plot = new uPlot(
    {
      width: width(),
      height: HEIGHT,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, chart.max ?? Math.max(max ?? 1, 1)] } },
      axes: [
        {
          stroke: text,
          grid: { stroke: grid, width: 1 },
          ticks: { stroke: grid, width: 1 },
          // Weeks are whole steps; only those get a label.
          incrs: [1, 2, 4, 8, 13, 26],
          values: (_u, splits) => splits.map((split) => (Number.isInteger(split) && labels[split] !== undefined ? labels[split]! : "")),
        },
        { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 }, size: 64, values: (_u, splits) => splits.map((split) => chart.axis(split)) },
      ],
      series: [{}, { label: chart.title, stroke: line, width: 2, points: { show: true, size: 6, fill: line }, spanGaps: false }],
    },
    [labels.map((_, index) => index), [...values]],
    container,
  );
  return {
    resize: () => plot.setSize({ width: width(), height: HEIGHT }),
    destroy: () => plot.destroy(),
  };
}
