// The plan queue's tab, search and page live in the hash's query string, so a reload, Back and a shared link show
// the same list.
import type { CarePlanAttention } from '../../lib/gql/graphql';
import { AGENCY_ATTENTIONS, ATTENTIONS, type Counts } from './careplan';

/** A queue, or every plan in scope. */
export type Tab = CarePlanAttention | 'ALL';
export const TABS: readonly Tab[] = [...ATTENTIONS, 'ALL'];

export interface PlansQuery {
  /** Null: not chosen; the page picks the user's default once the counts are in. */
  tab: Tab | null;
  q: string;
  after: string;
  before: string;
  /** 1-based; for display only, as cursors do the paging. */
  page: number;
}

export function parsePlansQuery(querystring: string | undefined): PlansQuery {
  const p = new URLSearchParams(querystring ?? '');
  const tab = p.get('tab');
  const page = Number(p.get('page'));
  return {
    tab: TABS.includes(tab as Tab) ? (tab as Tab) : null,
    q: p.get('q') ?? '',
    after: p.get('after') ?? '',
    before: p.get('before') ?? '',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

export function plansPath(q: Partial<PlansQuery>): string {
  const p = new URLSearchParams();
  if (q.tab) p.set('tab', q.tab);
  if (q.q) p.set('q', q.q);
  if (q.after) p.set('after', q.after);
  if (q.before) p.set('before', q.before);
  if (q.page && q.page > 1) p.set('page', String(q.page));
  const s = p.toString();
  return s ? `/careplans?${s}` : '/careplans';
}

/**
 * Where a user starts: the fund office on the plans awaiting approval; an agency on the requests to accept, or
 * else its first queue with work in it; everyone else (and an agency with nothing waiting) on all plans.
 * Null while an agency's counts are still loading.
 */
export function defaultTab(role: { approves: boolean; responds: boolean }, counts: Counts | null): Tab | null {
  if (role.approves) return 'TO_APPROVE';
  if (!role.responds) return 'ALL';
  if (!counts) return null;
  return AGENCY_ATTENTIONS.find((a) => counts[a] > 0) ?? ATTENTIONS.find((a) => counts[a] > 0) ?? 'ALL';
}
