// The settlement screens' filters and pages live in the hash's query string, so a reload, Back and a shared link
// show the same list: the claims queue (month, state, page), a claim's lines (form, rule, excess only, change
// from last month, reviewed, page) and the dashboard (pooling area, from and to month).
import type { ClaimState } from '../../lib/gql/graphql';
import { CARE_FORMS, CLAIM_STATES, LINE_RULES, isMonth, type LineFilter } from './billing';
import { defaultRange } from './dashboard-figures';

export interface QueueQuery {
  month: string;
  state: ClaimState | '';
  /** 1-based. */
  page: number;
}

const pageOf = (v: string | null) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : 1;
};

export function parseQueueQuery(querystring: string | undefined): QueueQuery {
  const p = new URLSearchParams(querystring ?? '');
  const state = p.get('state') ?? '';
  return {
    month: isMonth(p.get('month')) ? p.get('month')! : '',
    state: CLAIM_STATES.includes(state as ClaimState) ? (state as ClaimState) : '',
    page: pageOf(p.get('page')),
  };
}

export function queuePath(q: Partial<QueueQuery>): string {
  const p = new URLSearchParams();
  if (q.month) p.set('month', q.month);
  if (q.state) p.set('state', q.state);
  if (q.page && q.page > 1) p.set('page', String(q.page));
  const s = p.toString();
  return s ? `/billing/claims?${s}` : '/billing/claims';
}

export interface LinesQuery {
  form: string;
  rule: string;
  excess: boolean;
  /** Change from last month of at least this many percent; null: no such filter. */
  change: number | null;
  reviewed: boolean;
  page: number;
}

export function parseLinesQuery(querystring: string | undefined): LinesQuery {
  const p = new URLSearchParams(querystring ?? '');
  const form = p.get('form') ?? '';
  const rule = p.get('rule') ?? '';
  const change = p.get('change');
  const n = change === null || change === '' ? NaN : Number(change);
  return {
    form: (CARE_FORMS as readonly string[]).includes(form) ? form : '',
    rule: LINE_RULES.includes(rule) ? rule : '',
    excess: p.get('excess') === '1',
    change: Number.isInteger(n) && n >= 0 && n <= 100_000 ? n : null,
    reviewed: p.get('reviewed') === '1',
    page: pageOf(p.get('page')),
  };
}

export function linesPath(claimId: string, q: Partial<LinesQuery>): string {
  const p = new URLSearchParams();
  if (q.form) p.set('form', q.form);
  if (q.rule) p.set('rule', q.rule);
  if (q.excess) p.set('excess', '1');
  if (q.change !== null && q.change !== undefined) p.set('change', String(q.change));
  if (q.reviewed) p.set('reviewed', '1');
  if (q.page && q.page > 1) p.set('page', String(q.page));
  const s = p.toString();
  return `/billing/claims/${claimId}${s ? `?${s}` : ''}`;
}

export const lineFilterOf = (q: LinesQuery): LineFilter => ({
  form: q.form || null,
  rule: q.rule || null,
  excessOnly: q.excess || null,
  changePercent: q.change,
  reviewed: q.reviewed || null,
});

export const linesFiltered = (q: LinesQuery) => !!(q.form || q.rule || q.excess || q.change !== null || q.reviewed);

export interface DashboardQuery {
  /** One of the viewer's areas ('' when they have none). */
  area: string;
  /** YYYY-MM, both included. */
  from: string;
  to: string;
}

/** The dashboard's range from the query string; a month not given (or malformed) is the default range's. */
export function parseDashboardQuery(querystring: string | undefined, areas: readonly string[], now: Date = new Date()): DashboardQuery {
  const p = new URLSearchParams(querystring ?? '');
  const area = p.get('area');
  const d = defaultRange(now);
  return {
    area: area && areas.includes(area) ? area : (areas[0] ?? ''),
    from: isMonth(p.get('from')) ? p.get('from')! : d.from,
    to: isMonth(p.get('to')) ? p.get('to')! : d.to,
  };
}

export function dashboardPath(q: Partial<DashboardQuery>): string {
  const p = new URLSearchParams();
  if (q.area) p.set('area', q.area);
  if (q.from) p.set('from', q.from);
  if (q.to) p.set('to', q.to);
  const s = p.toString();
  return s ? `/billing/dashboard?${s}` : '/billing/dashboard';
}
