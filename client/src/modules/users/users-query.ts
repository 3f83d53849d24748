// The user list's search, filters and page live in the hash's query string, as the people list's do.
import type { Role, UserFilter, UserStatus } from '../../lib/gql/graphql';
import { ROLES } from '../../lib/auth/roles';

export interface UsersQuery {
  q: string;
  role: Role | '';
  status: UserStatus | '';
  after: string;
  before: string;
  /** 1-based; for display only, as cursors do the paging. */
  page: number;
}

export type UserFilterValues = Pick<UsersQuery, 'q' | 'role' | 'status'>;

const STATUSES: readonly UserStatus[] = ['ACTIVE', 'DISABLED'];

export function parseUsersQuery(querystring: string | undefined): UsersQuery {
  const p = new URLSearchParams(querystring ?? '');
  const role = p.get('role') ?? '';
  const status = p.get('status') ?? '';
  const page = Number(p.get('page'));
  return {
    q: p.get('q') ?? '',
    role: ROLES.includes(role as Role) ? (role as Role) : '',
    status: STATUSES.includes(status as UserStatus) ? (status as UserStatus) : '',
    after: p.get('after') ?? '',
    before: p.get('before') ?? '',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

export function usersPath(q: Partial<UsersQuery>): string {
  const p = new URLSearchParams();
  if (q.q?.trim()) p.set('q', q.q.trim());
  if (q.role) p.set('role', q.role);
  if (q.status) p.set('status', q.status);
  if (q.after) p.set('after', q.after);
  if (q.before) p.set('before', q.before);
  if (q.page && q.page > 1) p.set('page', String(q.page));
  const s = p.toString();
  return s ? `/users?${s}` : '/users';
}

export function toUserFilter(q: UsersQuery): UserFilter {
  return {
    ...(q.q.trim() ? { search: q.q.trim() } : {}),
    ...(q.role ? { role: q.role } : {}),
    ...(q.status ? { status: q.status } : {}),
  };
}
