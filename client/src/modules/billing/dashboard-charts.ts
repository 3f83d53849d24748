// The settlement dashboard's charts as ECharts options: fund spending by month (bars) with claims and late ones
// (lines, right axis), by care form (a ring), by level (bars), the agencies that spend most (horizontal bars), claims
// by state split into late and not (stacked bars) and deductions by reason (horizontal bars, the audit's and the
// review's in two colours). Bars are in yuan; tooltips say the fen exactly as the tables do (money.ts).
import type { Translate } from '../../lib/i18n/problems';
import type { ChartOption } from './echarts';
import type { Bucket, Deduction } from './dashboard';
import { TOP_AGENCIES, deductionOf, fenToYuan, type MonthFigures } from './dashboard-figures';
import { formatFen } from './money';

/** The app's palette (app.css), with a few companions that stay apart for colour-blind readers. */
const COLOR = {
  fund: '#9cc9c4',
  approved: '#0f6e6e',
  payable: '#3d6fb6',
  paid: '#1c7a4d',
  claims: '#5d6d78',
  late: '#c0392b',
  onTime: '#7fa7c9',
  audit: '#d39b2a',
  review: '#8c6bb1',
};
const FORM_COLORS = ['#0f6e6e', '#3d6fb6', '#d39b2a', '#8c6bb1', '#5aa9a0', '#7a8b95'];
const TEXT = '#5d6d78';
const GRID_LINE = '#e1e7ea';

const money = (v: unknown) => `${formatFen(Math.round(Number(v) * 100))}`;
const count = (v: unknown) => Number(v).toLocaleString('en-US');
/** Axis ticks in whole yuan with thousands separators (the tick values are round). */
const yuanTick = (v: number) => Math.round(v).toLocaleString('en-US');

const LEGEND = { top: 0, left: 0, icon: 'roundRect', itemWidth: 12, itemHeight: 10, textStyle: { color: TEXT } };

/** Room above a plot for the legend and, under it, the value axis's name. */
const GRID_TOP = 64;

// The yuan unit is the value axis's name; the page says it again above the tables.
const base = (): ChartOption => ({
  textStyle: { color: TEXT },
  legend: LEGEND,
  grid: { left: 4, right: 12, top: GRID_TOP, bottom: 4 },
});

/** A chart as narrow as a phone: its legend wraps, and names get less room. */
const NARROW = { maxWidth: 480 };
const NAME_WIDTH = 190;
const NARROW_NAME_WIDTH = 104;

const valueAxis = (name: string, formatter: (v: number) => string) => ({
  type: 'value' as const,
  name,
  nameTextStyle: { color: TEXT, align: 'left' as const },
  // On a narrow chart the ticks thin out rather than run into each other.
  axisLabel: { color: TEXT, formatter, hideOverlap: true },
  splitLine: { lineStyle: { color: GRID_LINE } },
});

export function monthChart(t: Translate, rows: readonly MonthFigures[]): ChartOption {
  const bar = (name: string, color: string, pick: (r: MonthFigures) => number) => ({
    type: 'bar' as const,
    name,
    color,
    barMaxWidth: 18,
    data: rows.map((r) => fenToYuan(pick(r))),
    tooltip: { valueFormatter: money },
  });
  const claims = (name: string, color: string, pick: (r: MonthFigures) => number) => ({
    type: 'bar' as const,
    name,
    color,
    stack: 'claims',
    xAxisIndex: 1,
    yAxisIndex: 1,
    barMaxWidth: 18,
    data: rows.map(pick),
    tooltip: { valueFormatter: count },
  });
  const months = rows.map((r) => r.month);
  // Two panes over the same months: the amounts above, the claims (late ones on top) in a strip below, so that
  // neither scale is read against the other's zero.
  return {
    ...base(),
    tooltip: { trigger: 'axis', confine: true, axisPointer: { type: 'shadow' } },
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    grid: [
      { left: 4, right: 12, top: GRID_TOP, bottom: 128 },
      { left: 4, right: 12, height: 64, bottom: 4 },
    ],
    xAxis: [
      { type: 'category', gridIndex: 0, data: months, axisLabel: { show: false }, axisTick: { show: false } },
      { type: 'category', gridIndex: 1, data: months, axisLabel: { color: TEXT }, axisTick: { alignWithLabel: true } },
    ],
    yAxis: [
      { ...valueAxis(t('billing.dashboard.chart.yuan'), yuanTick), gridIndex: 0 },
      { ...valueAxis(t('billing.dashboard.chart.claims'), (v) => count(v)), gridIndex: 1, minInterval: 1, splitNumber: 2 },
    ],
    series: [
      bar(t('billing.dashboard.month.fund'), COLOR.fund, (r) => r.fundFen),
      bar(t('billing.dashboard.month.approved'), COLOR.approved, (r) => r.approvedFundFen),
      bar(t('billing.dashboard.month.payable'), COLOR.payable, (r) => r.payableFen),
      bar(t('billing.dashboard.month.paid'), COLOR.paid, (r) => r.paidFen),
      claims(t('billing.dashboard.state.onTime'), COLOR.onTime, (r) => r.claims - r.late),
      claims(t('billing.dashboard.state.late'), COLOR.late, (r) => r.late),
    ],
    // Six legend entries take two lines on a phone.
    media: [{ query: NARROW, option: { grid: [{ top: GRID_TOP + 22 }, {}] } }],
  };
}

/** A ring of the care forms' fund amounts, labelled with their shares. */
export function formChart(t: Translate, rows: readonly Bucket[], label: (b: Bucket) => string): ChartOption {
  return {
    ...base(),
    color: FORM_COLORS,
    tooltip: { trigger: 'item', confine: true, valueFormatter: money },
    legend: { ...LEGEND, type: 'plain' },
    series: [
      {
        type: 'pie',
        name: t('billing.dashboard.bucket.fund'),
        radius: ['42%', '68%'],
        center: ['50%', '56%'],
        avoidLabelOverlap: true,
        // Slivers keep their colour but not a label that would sit on their neighbour's; the table has every share.
        minShowLabelAngle: 8,
        label: { color: TEXT, formatter: '{d}%' },
        // A form that paid nothing has no slice (it keeps its row in the table).
        data: rows.filter((b) => b.fundFen > 0).map((b) => ({ name: label(b), value: fenToYuan(b.fundFen) })),
      },
    ],
  };
}

/** Vertical bars of the fund amount per level. */
export function levelChart(t: Translate, rows: readonly Bucket[], label: (b: Bucket) => string): ChartOption {
  return {
    ...base(),
    legend: { show: false },
    grid: { left: 4, right: 12, top: 32, bottom: 4 },
    tooltip: { trigger: 'axis', confine: true },
    xAxis: { type: 'category', data: rows.map(label), axisLabel: { color: TEXT }, axisTick: { alignWithLabel: true } },
    yAxis: valueAxis(t('billing.dashboard.chart.yuan'), yuanTick),
    series: [{ type: 'bar', name: t('billing.dashboard.bucket.fund'), color: COLOR.approved, barMaxWidth: 40, data: rows.map((b) => fenToYuan(b.fundFen)), tooltip: { valueFormatter: money } }],
  };
}

/** Horizontal bars of the agencies that spend most, the largest on top; long names are cut short with an ellipsis. */
export function agencyChart(t: Translate, rows: readonly Bucket[]): ChartOption {
  const top = rows.slice(0, TOP_AGENCIES);
  return {
    ...base(),
    legend: { show: false },
    grid: { left: 4, right: 24, top: 28, bottom: 4 },
    tooltip: { trigger: 'axis', confine: true, axisPointer: { type: 'shadow' } },
    xAxis: valueAxis(t('billing.dashboard.chart.yuan'), yuanTick),
    yAxis: { type: 'category', inverse: true, data: top.map((b) => b.label), axisLabel: { color: TEXT, width: NAME_WIDTH, overflow: 'truncate' }, axisTick: { show: false } },
    series: [{ type: 'bar', name: t('billing.dashboard.bucket.fund'), color: COLOR.approved, barMaxWidth: 16, data: top.map((b) => fenToYuan(b.fundFen)), tooltip: { valueFormatter: money } }],
    media: [{ query: NARROW, option: { yAxis: { axisLabel: { width: NARROW_NAME_WIDTH } } } }],
  };
}

/** Claims per state, stacked: those declared late and the others. */
export function stateChart(t: Translate, rows: readonly { state: string; claims: number; late: number }[]): ChartOption {
  const labels = rows.map((r) => t(`billing.state.${r.state}`, { default: r.state }));
  return {
    ...base(),
    tooltip: { trigger: 'axis', confine: true, axisPointer: { type: 'shadow' }, valueFormatter: count },
    xAxis: { type: 'category', data: labels, axisLabel: { color: TEXT, interval: 0 }, axisTick: { alignWithLabel: true } },
    yAxis: { ...valueAxis(t('billing.dashboard.chart.claims'), (v) => count(v)), minInterval: 1 },
    series: [
      { type: 'bar', stack: 'claims', name: t('billing.dashboard.state.onTime'), color: COLOR.onTime, barMaxWidth: 40, data: rows.map((r) => r.claims - r.late) },
      { type: 'bar', stack: 'claims', name: t('billing.dashboard.state.late'), color: COLOR.late, barMaxWidth: 40, data: rows.map((r) => r.late) },
    ],
  };
}

/** Deductions by reason, the largest on top: the audit's and the review's told apart by colour and legend. */
export function deductionChart(t: Translate, rows: readonly Deduction[], label: (d: Deduction) => string): ChartOption {
  const names = rows.map(label);
  // Two series over the same categories (a gap where a reason is the other kind's), so the legend names both.
  const of = (kind: 'audit' | 'review') => rows.map((d) => (deductionOf(d.reason).kind === kind ? fenToYuan(d.amountFen) : null));
  const series = (kind: 'audit' | 'review') => ({
    type: 'bar' as const,
    stack: 'amount',
    name: t(`billing.dashboard.deductions.${kind}`),
    color: COLOR[kind],
    barMaxWidth: 16,
    data: of(kind),
    tooltip: { valueFormatter: (v: unknown) => (v === null || v === undefined ? '—' : money(v)) },
  });
  return {
    ...base(),
    tooltip: { trigger: 'axis', confine: true, axisPointer: { type: 'shadow' } },
    grid: { left: 4, right: 24, top: 40, bottom: 4 },
    xAxis: valueAxis(t('billing.dashboard.chart.yuan'), yuanTick),
    yAxis: { type: 'category', inverse: true, data: names, axisLabel: { color: TEXT, width: NAME_WIDTH, overflow: 'truncate' }, axisTick: { show: false } },
    series: [series('audit'), series('review')],
    media: [{ query: NARROW, option: { yAxis: { axisLabel: { width: NARROW_NAME_WIDTH } } } }],
  };
}
