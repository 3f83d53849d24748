// Apache ECharts as the settlement dashboard uses it: the core with only its three kinds of chart, the grid, tooltip
// and legend, and the SVG renderer (sharp at any zoom, and it prints). Imported by the dashboard's components alone,
// so the library lands in the dashboard's lazily loaded chunk and no other page downloads it.
import { init, use, type ComposeOption, type EChartsType } from 'echarts/core';
import { BarChart, LineChart, PieChart, type BarSeriesOption, type LineSeriesOption, type PieSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;
export type Chart = EChartsType;

/** A chart in an element, drawn as SVG. */
export const createChart = (el: HTMLElement): Chart => init(el, null, { renderer: 'svg' });
