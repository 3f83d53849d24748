// The queue's filters and page live in the hash's query string, so a reload, Back and a shared link show the same.
import type { ApplicationState, AssessmentApplicationFilter } from '../../lib/gql/graphql';
import { APPLICATION_STATES } from './assessment';

export interface QueueQuery {
  status: ApplicationState | '';
  overdue: boolean;
  after: string;
  before: string;
  /** 1-based; for display only, as cursors do the paging. */
  page: number;
}

export function parseQueueQuery(querystring: string | undefined): QueueQuery {
  const p = new URLSearchParams(querystring ?? '');
  const status = p.get('status') ?? '';
  const page = Number(p.get('page'));
  return {
    status: APPLICATION_STATES.includes(status as ApplicationState) ? (status as ApplicationState) : '',
    overdue: p.get('overdue') === '1',
    after: p.get('after') ?? '',
    before: p.get('before') ?? '',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

export function queuePath(q: Partial<QueueQuery>): string {
  const p = new URLSearchParams();
  if (q.status) p.set('status', q.status);
  if (q.overdue) p.set('overdue', '1');
  if (q.after) p.set('after', q.after);
  if (q.before) p.set('before', q.before);
  if (q.page && q.page > 1) p.set('page', String(q.page));
  const s = p.toString();
  return s ? `/assessment/applications?${s}` : '/assessment/applications';
}

export function toQueueFilter(q: QueueQuery): AssessmentApplicationFilter {
  return { ...(q.status ? { status: q.status } : {}), ...(q.overdue ? { overdue: true } : {}) };
}
