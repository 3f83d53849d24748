// Reading the audit trail: supervisors see their pooling areas, administrators everything.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../graphql/context.ts';
import { areasWith, requirePermission } from '../identity/identity.access.ts';
import { FieldErrors } from '../shared/errors.ts';
import { MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE, type Page } from '../graphql/pagination.ts';

export interface AuditFilter {
  userId?: string | null;
  username?: string | null;
  operation?: string | null;
  entity?: string | null;
  entityId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

export interface AuditRow {
  id: string;
  at: Date;
  userId: string | null;
  username: string | null;
  roles: string[];
  operation: string;
  entity: string;
  entityId: string | null;
  poolingArea: string | null;
  changes: Record<string, unknown>;
  clientIp: string | null;
  requestId: string | null;
}

const encode = (r: AuditRow) => Buffer.from(JSON.stringify([r.at.toISOString(), r.id])).toString('base64url');
function decode(cursor: string): [string, string] | null {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(v) && typeof v[0] === 'string' && !Number.isNaN(Date.parse(v[0])) && /^\d+$/.test(String(v[1])) ? [v[0], String(v[1])] : null;
  } catch {
    return null;
  }
}

export async function queryAuditLog(
  em: EntityManager,
  actor: Actor | null,
  filter: AuditFilter,
  page: { first?: number | null; after?: string | null },
): Promise<Page<AuditRow>> {
  const a = requirePermission(actor, 'audit.read');
  const errors = new FieldErrors('');
  const first = page.first ?? DEFAULT_PAGE_SIZE;
  if (first < 0 || first > MAX_PAGE_SIZE) errors.add('first', 'PAGE_SIZE', `first must be between 0 and ${MAX_PAGE_SIZE}`);
  const after = page.after ? decode(page.after) : null;
  if (page.after && !after) errors.add('after', 'CURSOR', 'after is not a cursor of this list');
  errors.throwIfAny();

  const where: string[] = [];
  const params: unknown[] = [];
  if (!a.roles.includes('SYSTEM_ADMIN')) {
    const areas = areasWith(a, 'audit.read');
    where.push(areas.length ? `pooling_area in (${areas.map(() => '?').join(', ')})` : 'false');
    params.push(...areas);
  }
  const eq = (column: string, value: string | null | undefined) => {
    if (value) {
      where.push(`${column} = ?`);
      params.push(value);
    }
  };
  eq('user_id::text', filter.userId);
  eq('username', filter.username?.toLowerCase());
  eq('operation', filter.operation);
  eq('entity', filter.entity);
  eq('entity_id', filter.entityId);
  if (filter.from) {
    where.push('at >= ?');
    params.push(filter.from);
  }
  if (filter.to) {
    where.push('at < ?');
    params.push(filter.to);
  }
  const base = where.length ? 'where ' + where.join(' and ') : '';
  const pageWhere = after ? `${base ? base + ' and' : 'where'} (at, id) < (?::timestamptz, ?::bigint)` : base;
  const conn = em.getConnection();
  const rows = await conn.execute<Record<string, any>[]>(
    `select id::text, at, user_id, username, roles, operation, entity, entity_id, pooling_area, changes, host(client_ip) as client_ip, request_id
       from audit_log ${pageWhere} order by at desc, id desc limit ?`,
    [...params, ...(after ? after : []), first + 1],
  );
  const [count] = await conn.execute<{ n: number }[]>(`select count(*)::int as n from audit_log ${base}`, params);
  const items: AuditRow[] = rows.slice(0, first).map((r) => ({
    id: r.id,
    at: new Date(r.at),
    userId: r.user_id,
    username: r.username,
    roles: r.roles ?? [],
    operation: r.operation,
    entity: r.entity,
    entityId: r.entity_id,
    poolingArea: r.pooling_area,
    changes: r.changes ?? {},
    clientIp: r.client_ip,
    requestId: r.request_id,
  }));
  return {
    items,
    totalCount: count?.n ?? 0,
    hasNextPage: rows.length > first,
    hasPreviousPage: !!after,
    startCursor: items[0] ? encode(items[0]) : null,
    endCursor: items.at(-1) ? encode(items.at(-1)!) : null,
    cursorOf: encode,
  };
}
