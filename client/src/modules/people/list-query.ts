// The list's search, filters and page live in the hash's query string, so a reload, the back button and a
// shared link all show the same page.
import type { InsuredPersonFilter, PersonStatus } from '../../lib/gql/graphql';

export interface ListQuery {
  q: string;
  region: string;
  status: PersonStatus | '';
  after: string;
  before: string;
  /** 1-based; for display only, as cursors do the paging. */
  page: number;
}

export type FilterValues = Pick<ListQuery, 'q' | 'region' | 'status'>;

const STATUSES: readonly PersonStatus[] = ['ACTIVE', 'SUSPENDED', 'DECEASED'];

export function parseListQuery(querystring: string | undefined): ListQuery {
  const p = new URLSearchParams(querystring ?? '');
  const status = p.get('status') ?? '';
  const page = Number(p.get('page'));
  return {
    q: p.get('q') ?? '',
    region: /^\d{4,12}$/.test(p.get('region') ?? '') ? p.get('region')! : '',
    status: STATUSES.includes(status as PersonStatus) ? (status as PersonStatus) : '',
    after: p.get('after') ?? '',
    before: p.get('before') ?? '',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

export function listPath(q: Partial<ListQuery>): string {
  const p = new URLSearchParams();
  if (q.q?.trim()) p.set('q', q.q.trim());
  if (q.region) p.set('region', q.region);
  if (q.status) p.set('status', q.status);
  if (q.after) p.set('after', q.after);
  if (q.before) p.set('before', q.before);
  if (q.page && q.page > 1) p.set('page', String(q.page));
  const s = p.toString();
  return s ? `/people?${s}` : '/people';
}

export function toFilter(q: ListQuery): InsuredPersonFilter {
  return {
    ...(q.q.trim() ? { search: q.q.trim() } : {}),
    ...(q.region ? { regionCode: q.region } : {}),
    ...(q.status ? { status: q.status } : {}),
  };
}
