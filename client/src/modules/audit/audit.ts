// The audit trail as the viewer pages through it: filters from the URL, pages by cursor, and each entry's
// changes as rows of "field: old → new".
import { client } from '../../lib/graphql/client';
import { noDataProblem, toProblem, type Loaded } from '../../lib/graphql/errors';
import { startOfDayInShanghai } from '../../lib/format';
import type { AuditFilter, AuditLogQuery as AuditLogResult } from '../../lib/gql/graphql';
import { AuditLogQuery } from './audit.operations';

export type AuditPage = AuditLogResult['auditLog'];
export type AuditEntry = AuditPage['nodes'][number];

export const PAGE_SIZE = 30;

/** The operations the server writes; a free-text filter would only invite typos. */
export const OPERATIONS = [
  'CREATE',
  'UPDATE',
  'RECORD_DEATH',
  'REVEAL_ID',
  'LOGIN',
  'LOGIN_FAILED',
  'ACCOUNT_LOCKED',
  'LOGOUT',
  'PASSWORD_CHANGED',
  'RESET_PASSWORD',
  'DISABLE',
  'ENABLE',
  'APPLY',
  'ACCEPT',
  'REJECT',
  'WITHDRAW',
  'ASSIGN',
  'SAVE_DRAFT',
  'SUBMIT_FORM',
  'ALLSUBMITTED',
  'CONFIRM',
  'CONFIRMFINAL',
  'REASSESS',
  'RECORD_OBJECTION',
  'UPHOLDOBJECTION',
  'DISMISSOBJECTION',
  'CONCLUDE',
  'ISSUE_CONCLUSION',
  'ADD_DOCUMENT',
  'CONFIGURE',
] as const;

export const ENTITIES = [
  'InsuredPerson',
  'User',
  'Agency',
  'AssessmentOrg',
  'AssessmentApplication',
  'AssessmentTask',
  'Conclusion',
  'AssessmentSettings',
  'Assessor',
] as const;

export interface AuditQuery {
  operation: string;
  entity: string;
  username: string;
  /** Calendar days (YYYY-MM-DD) in Asia/Shanghai, both included. */
  from: string;
  to: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function parseAuditQuery(querystring: string | undefined): AuditQuery {
  const p = new URLSearchParams(querystring ?? '');
  const pick = (key: string, allowed: readonly string[]) => (allowed.includes(p.get(key) ?? '') ? p.get(key)! : '');
  const day = (key: string) => (DAY.test(p.get(key) ?? '') ? p.get(key)! : '');
  return {
    operation: pick('operation', OPERATIONS),
    entity: pick('entity', ENTITIES),
    username: p.get('user') ?? '',
    from: day('from'),
    to: day('to'),
  };
}

export function auditPath(q: AuditQuery): string {
  const p = new URLSearchParams();
  if (q.operation) p.set('operation', q.operation);
  if (q.entity) p.set('entity', q.entity);
  if (q.username.trim()) p.set('user', q.username.trim());
  if (q.from) p.set('from', q.from);
  if (q.to) p.set('to', q.to);
  const s = p.toString();
  return s ? `/audit?${s}` : '/audit';
}

export function toAuditFilter(q: AuditQuery): AuditFilter {
  return {
    ...(q.operation ? { operation: q.operation } : {}),
    ...(q.entity ? { entity: q.entity } : {}),
    ...(q.username.trim() ? { username: q.username.trim() } : {}),
    ...(q.from ? { from: startOfDayInShanghai(q.from) } : {}),
    // The server's `to` is exclusive: the day after the last one chosen.
    ...(q.to ? { to: startOfDayInShanghai(q.to, 1) } : {}),
  };
}

export async function loadAudit(filter: AuditFilter, after: string | null): Promise<Loaded<AuditPage>> {
  // Always from the network: the trail grows with every action, including the viewer's own.
  const r = await client.query(AuditLogQuery, { filter, first: PAGE_SIZE, after }, { requestPolicy: 'network-only' }).toPromise();
  if (r.error) return { ok: false, problem: toProblem(r.error) };
  if (!r.data) return { ok: false, problem: noDataProblem() };
  return { ok: true, value: r.data.auditLog };
}

export interface ChangeRow {
  field: string;
  before: unknown;
  after: unknown;
}

const asRecord = (v: unknown): Record<string, unknown> | null =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

/**
 * The fields an entry changed, in the order the server wrote them. A create has only "after"; its empty
 * fields are left out, as they changed nothing.
 */
export function changeRows(changes: Record<string, unknown>): ChangeRow[] {
  const before = asRecord(changes.before) ?? {};
  const after = asRecord(changes.after) ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields
    .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }))
    .filter((r) => r.before !== null || r.after !== null);
}

/** Extra facts of an entry, e.g. why a sign-in failed or until when an account is locked. */
export function detailRows(changes: Record<string, unknown>): [string, unknown][] {
  return Object.entries(asRecord(changes.detail) ?? {});
}
