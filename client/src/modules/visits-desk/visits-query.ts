// The visit list's filters and cursor live in the hash's query string, so a reload, Back and a shared link show the
// same list.
import type { VisitStatus } from '../../lib/gql/graphql.ts';
import { VISIT_STATUSES } from './visit-words.ts';

/** What the list asks the server for. */
export interface VisitFilter {
  agencyId: string | null;
  caregiverId: string | null;
  personId: string | null;
  from: string | null;
  to: string | null;
  status: VisitStatus | null;
  withFindings: boolean | null;
}

export interface VisitsQuery {
  from: string;
  to: string;
  agency: string;
  caregiver: string;
  person: string;
  /** Shown in the beneficiary box without another request. */
  personName: string;
  status: VisitStatus | '';
  findings: boolean;
  after: string;
  /** 1-based; for display, as the cursor does the paging. */
  page: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseVisitsQuery(querystring: string | undefined): VisitsQuery {
  const p = new URLSearchParams(querystring ?? '');
  const date = (k: string) => (DATE.test(p.get(k) ?? '') ? p.get(k)! : '');
  const status = p.get('status') ?? '';
  const page = Number(p.get('page'));
  return {
    from: date('from'),
    to: date('to'),
    agency: p.get('agency') ?? '',
    caregiver: p.get('caregiver') ?? '',
    person: p.get('person') ?? '',
    personName: p.get('personName') ?? '',
    status: VISIT_STATUSES.includes(status as VisitStatus) ? (status as VisitStatus) : '',
    findings: p.get('findings') === '1',
    after: p.get('after') ?? '',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

export function visitsPath(q: Partial<VisitsQuery>): string {
  const p = new URLSearchParams();
  for (const k of ['from', 'to', 'agency', 'caregiver', 'person', 'personName', 'status'] as const) if (q[k]) p.set(k, q[k]);
  if (q.findings) p.set('findings', '1');
  if (q.after) p.set('after', q.after);
  if (q.page && q.page > 1) p.set('page', String(q.page));
  const s = p.toString();
  return s ? `/visits?${s}` : '/visits';
}

export const filterOf = (q: VisitsQuery, ownAgencyId: string | null): VisitFilter => ({
  agencyId: ownAgencyId ? null : q.agency || null,
  caregiverId: q.caregiver || null,
  personId: q.person || null,
  from: q.from || null,
  to: q.to || null,
  status: q.status || null,
  withFindings: q.findings || null,
});

/**
 * The cursor each page of a list was reached by, kept while the app runs, so "previous" can go back (Relay pages
 * forward only) also after the visit page was opened and left. Keyed by the filters and the page.
 */
const cursors = new Map<string, string>();
const cursorKey = (q: VisitsQuery, page: number) => `${visitsPath({ ...q, after: '', page: 1 })}#${page}`;
export const rememberCursor = (q: VisitsQuery, page: number, after: string) => void cursors.set(cursorKey(q, page), after);
export const cursorOf = (q: VisitsQuery, page: number): string | undefined => (page <= 1 ? '' : cursors.get(cursorKey(q, page)));
