// The findings queue's filters and page live in the hash's query string, so a reload, Back and a shared link show
// the same list. Status defaults to open: that is the work.
import type { FindingStatus } from '../../lib/gql/graphql.ts';
import { RULES, STATUSES } from './evidence.ts';

export type StatusTab = FindingStatus | 'ALL';

export interface QueueQuery {
  status: StatusTab;
  rule: string;
  agency: string;
  from: string;
  to: string;
  /** 1-based. */
  page: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseQueueQuery(querystring: string | undefined): QueueQuery {
  const p = new URLSearchParams(querystring ?? '');
  const status = p.get('status');
  const rule = p.get('rule') ?? '';
  const page = Number(p.get('page'));
  const date = (k: string) => (DATE.test(p.get(k) ?? '') ? p.get(k)! : '');
  return {
    status: status === 'ALL' || STATUSES.includes(status as FindingStatus) ? (status as StatusTab) : 'OPEN',
    rule: (RULES as readonly string[]).includes(rule) ? rule : '',
    agency: p.get('agency') ?? '',
    from: date('from'),
    to: date('to'),
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

export function queuePath(q: Partial<QueueQuery>): string {
  const p = new URLSearchParams();
  if (q.status && q.status !== 'OPEN') p.set('status', q.status);
  if (q.rule) p.set('rule', q.rule);
  if (q.agency) p.set('agency', q.agency);
  if (q.from) p.set('from', q.from);
  if (q.to) p.set('to', q.to);
  if (q.page && q.page > 1) p.set('page', String(q.page));
  const s = p.toString();
  return s ? `/findings?${s}` : '/findings';
}
