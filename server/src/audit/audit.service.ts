// The append-only audit trail: every write, every reveal of a full ID number, and every sign-in event,
// recorded in the same transaction as the change. PostgreSQL refuses UPDATE, DELETE and TRUNCATE on it.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../graphql/context.ts';
import { maskIdNumber, maskPhone } from '../shared/masking.ts';
import { prepared, type Tx } from '../shared/prepared.ts';

export interface AuditEntry {
  operation: string;
  entity: string;
  entityId: string | null;
  poolingArea?: string | null;
  /** Field values before the change (only changed fields are kept). */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** For events without a signed-in actor, e.g. a failed login. */
  subject?: { userId: string | null; username: string | null };
  detail?: Record<string, unknown>;
}

/** How each sensitive field is kept in the trail. */
const SENSITIVE: Record<string, (v: string) => string> = {
  idNumber: maskIdNumber,
  phone: maskPhone,
  emergencyContactPhone: maskPhone,
  passwordHash: () => '[redacted]',
  password: () => '[redacted]',
};

function scrub(values: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  if (!values) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) out[k] = typeof v === 'string' && SENSITIVE[k] ? SENSITIVE[k]!(v) : v;
  return out;
}

/** Keeps only the fields whose values differ; both sides masked. */
export function diff(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): { before: Record<string, unknown> | null; after: Record<string, unknown> | null } {
  if (!before || !after) return { before: scrub(before), after: scrub(after) };
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const x = before[key] instanceof Date ? (before[key] as Date).toISOString() : before[key];
    const y = after[key] instanceof Date ? (after[key] as Date).toISOString() : after[key];
    if (JSON.stringify(x) !== JSON.stringify(y)) {
      b[key] = x;
      a[key] = y;
    }
  }
  return { before: scrub(b), after: scrub(a) };
}

/**
 * The columns of an audit row, and placeholders for the values `AuditTrail.values` gives, in that order: for a
 * statement that writes its change and the change's audit row at once (`insert … select AUDIT_VALUES from …`).
 */
export const AUDIT_COLUMNS = 'user_id, username, roles, operation, entity, entity_id, pooling_area, changes, client_ip, request_id';
export const AUDIT_VALUES = '?::uuid, ?::text, ?::text[], ?::text, ?::text, ?::text, ?::text, ?::jsonb, ?::inet, ?::text';

const INSERT = prepared('audit_insert', `insert into audit_log (${AUDIT_COLUMNS}) values (${AUDIT_VALUES})`);

export class AuditTrail {
  constructor(private readonly meta: { requestId: string; clientIp: string | null }) {}

  /** Appends one row inside the transaction of `target` (an EntityManager, or a prepared-statement transaction). */
  async record(target: EntityManager | Tx, actor: Actor | null, entry: AuditEntry): Promise<void> {
    const params = this.values(actor, entry);
    if ('rows' in target) await target.rows(INSERT, params);
    else await target.getConnection().execute(INSERT.text, params, 'run', target.getTransactionContext());
  }

  /** The values of one audit row, in the order of AUDIT_COLUMNS. */
  values(actor: Actor | null, entry: AuditEntry): unknown[] {
    const changes = diff(entry.before ?? null, entry.after ?? null);
    return [
      actor?.userId ?? entry.subject?.userId ?? null,
      actor?.username ?? entry.subject?.username ?? null,
      `{${(actor?.roles ?? []).join(',')}}`,
      entry.operation,
      entry.entity,
      entry.entityId,
      entry.poolingArea ?? null,
      JSON.stringify({ before: changes.before, after: changes.after, ...(entry.detail ? { detail: entry.detail } : {}) }),
      this.meta.clientIp,
      this.meta.requestId,
    ];
  }
}
