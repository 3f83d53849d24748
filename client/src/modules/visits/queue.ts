// The phone's queue of check-ins and check-outs, as pure functions (no IndexedDB, no network, no clock): which
// records go in the next batch, what the server's answers make of them, when to try again, and what the queue
// says about the caregiver's visits that the server may not know yet. sync.svelte.ts does the storing and sending.
//
// The promises: a record is written to the phone before anything is sent, with its client UUID and the device's
// own times; records go to the server in the order they were made, so a visit's check-out never goes before its
// check-in; a record the server refused stays, with the reason, until the caregiver has read it. Sending twice
// is harmless: the server knows a replay by its UUID and answers as before.
import type { CheckInInput, CheckOutInput } from '../../lib/gql/graphql.ts';

export type RecordKind = 'CHECK_IN' | 'CHECK_OUT';
/** 待发送, 已发送, 被拒绝. */
export type RecordState = 'pending' | 'sent' | 'rejected';

export interface RecordError {
  /** `extensions.code` (BAD_USER_INPUT, CONFLICT, NOT_FOUND…), or LOCAL when the phone held the record back. */
  code: string;
  /** `extensions.reason`, e.g. POSITION_OUT_OF_RANGE; CHECK_IN_REJECTED when the visit's check-in was refused. */
  reason: string | null;
  message: string;
}

/** A finding of the server's audit on a record, as `syncVisits` answers it. */
export interface RecordFinding {
  rule: string;
  summary: string;
  evidence?: Record<string, unknown>;
}

export interface QueueRecord {
  /** IndexedDB's increasing key: the order the records were made in. Absent until stored. */
  seq?: number;
  userId: string;
  kind: RecordKind;
  visitId: string;
  personId: string;
  personName: string;
  /** The device's time of the check-in or check-out (ISO), as sent. */
  at: string;
  checkIn: CheckInInput | null;
  checkOut: CheckOutInput | null;
  state: RecordState;
  /** Sending attempts so far, and when the last one started (device time, ISO). */
  attempts: number;
  lastTriedAt: string | null;
  /** When the server accepted it (device time, ISO). */
  sentAt: string | null;
  error: RecordError | null;
  /** A rejection stays in sight until the caregiver says they have read it. */
  acknowledged: boolean;
  /** What the audit rules found when the server took the check-out. */
  findings: RecordFinding[];
}

/** One answer of `syncVisits`, in the order of the batch. */
export interface SyncAnswer {
  ok: boolean;
  visitId: string;
  error: RecordError | null;
  findings: RecordFinding[];
}

/** The server's limits on one `syncVisits` call: 200 records, and a 1 MB body (a drawn signature may be 300 KB). */
export const MAX_BATCH = 50;
export const MAX_BATCH_BYTES = 600_000;

const bySeq = (a: QueueRecord, b: QueueRecord) => (a.seq ?? Infinity) - (b.seq ?? Infinity);

/** The size of a record as sent: what counts against the server's body limit. */
export function recordBytes(r: QueueRecord): number {
  return JSON.stringify(r.checkIn ?? r.checkOut ?? {}).length;
}

/**
 * Check-outs that must not be sent because their visit's check-in was refused: the server has no such visit, so
 * they could only fail. They are refused on the phone, naming why, and the caregiver is told.
 */
export function heldBack(records: readonly QueueRecord[]): QueueRecord[] {
  const refused = new Set(records.filter((r) => r.kind === 'CHECK_IN' && r.state === 'rejected').map((r) => r.visitId));
  return records.filter((r) => r.kind === 'CHECK_OUT' && r.state === 'pending' && refused.has(r.visitId));
}

/**
 * The next records to send, in the order they were made. A check-out goes only when its check-in is already with
 * the server or goes before it in the same batch (a check-in made on another phone, or before this queue existed,
 * is not in the queue at all: then the server is the judge). `single` sends just the first record, to find out
 * which record a server error is about. Always at least one record when any is waiting, however large.
 */
export function nextBatch(records: readonly QueueRecord[], opts: { single?: boolean; maxOps?: number; maxBytes?: number } = {}): QueueRecord[] {
  const maxOps = opts.single ? 1 : (opts.maxOps ?? MAX_BATCH);
  const maxBytes = opts.maxBytes ?? MAX_BATCH_BYTES;
  const held = new Set(heldBack(records).map((r) => r.seq));
  const checkIns = new Map(records.filter((r) => r.kind === 'CHECK_IN').map((r) => [r.visitId, r]));
  const out: QueueRecord[] = [];
  let bytes = 0;
  for (const r of [...records].sort(bySeq)) {
    if (r.state !== 'pending' || held.has(r.seq)) continue;
    if (r.kind === 'CHECK_OUT') {
      const ci = checkIns.get(r.visitId);
      const ready = !ci || ci.state === 'sent' || (ci.state === 'pending' && out.includes(ci));
      // Its check-in waits (the batch was cut before it could go): then so does everything after it.
      if (!ready) break;
    }
    const size = recordBytes(r);
    if (out.length && (out.length >= maxOps || bytes + size > maxBytes)) break;
    out.push(r);
    bytes += size;
  }
  return out;
}

/** The records of a batch as the server's answers leave them (answers come in the batch's order). */
export function applyAnswers(batch: readonly QueueRecord[], answers: readonly SyncAnswer[], now: string): QueueRecord[] {
  if (answers.length !== batch.length) throw new Error(`${answers.length} answers for ${batch.length} records`);
  return batch.map((r, i) => {
    const a = answers[i]!;
    if (a.visitId !== r.visitId) throw new Error(`The answer for ${r.visitId} names ${a.visitId}`);
    return a.ok
      ? { ...r, state: 'sent', sentAt: now, error: null, findings: a.findings }
      : { ...r, state: 'rejected', error: a.error ?? { code: 'UNKNOWN', reason: null, message: '' }, acknowledged: false, findings: [] };
  });
}

/** Refuses on the phone a check-out whose check-in the server refused. */
export function holdBack(r: QueueRecord): QueueRecord {
  return { ...r, state: 'rejected', acknowledged: false, error: { code: 'LOCAL', reason: 'CHECK_IN_REJECTED', message: 'The check-in of this visit was refused' } };
}

/**
 * How long to wait before trying again after `failures` failed attempts in a row: 2 s, 4 s, 8 s … up to 5 minutes,
 * spread by up to a fifth (`random` in [0, 1)) so that phones coming back online together do not all call at once.
 */
export function backoffMs(failures: number, random = 0.5): number {
  const base = Math.min(2_000 * 2 ** Math.max(0, failures - 1), 300_000);
  return Math.round(base * (0.9 + random * 0.2));
}

/** Records no longer worth keeping on the phone: sent ones after a week, read rejections after a month. */
export function stale(records: readonly QueueRecord[], now: string): QueueRecord[] {
  const age = (iso: string | null) => (iso ? Date.parse(now) - Date.parse(iso) : 0);
  const DAY = 86_400_000;
  return records.filter((r) => (r.state === 'sent' && age(r.sentAt) > 7 * DAY) || (r.state === 'rejected' && r.acknowledged && age(r.at) > 30 * DAY));
}

/** Rejections the caregiver has not read yet, oldest first. */
export function unreadRejections(records: readonly QueueRecord[]): QueueRecord[] {
  return records.filter((r) => r.state === 'rejected' && !r.acknowledged).sort(bySeq);
}

/** What the queue knows of one visit: its check-in and check-out records, when made. */
export interface LocalVisit {
  visitId: string;
  personId: string;
  personName: string;
  checkIn: QueueRecord | null;
  checkOut: QueueRecord | null;
}

/** The visits in the queue, in the order they were begun; a visit whose check-in was refused is left out. */
export function localVisits(records: readonly QueueRecord[]): LocalVisit[] {
  const out = new Map<string, LocalVisit>();
  for (const r of [...records].sort(bySeq)) {
    const v = out.get(r.visitId) ?? { visitId: r.visitId, personId: r.personId, personName: r.personName, checkIn: null, checkOut: null };
    if (r.kind === 'CHECK_IN') v.checkIn = r;
    else v.checkOut = r;
    out.set(r.visitId, v);
  }
  return [...out.values()].filter((v) => v.checkIn?.state !== 'rejected');
}

/**
 * Visits this phone checked in and has not checked out (the caregiver continues them). A check-out the server
 * refused under a hard rule (a wrong card code, an item not in the plan…) leaves the visit open there: the
 * caregiver corrects it and checks out again. One refused because the visit is no longer open (voided by the
 * agency) does not.
 */
export function openLocalVisits(records: readonly QueueRecord[]): LocalVisit[] {
  return localVisits(records).filter((v) => {
    if (!v.checkIn) return false;
    if (!v.checkOut) return true;
    return v.checkOut.state === 'rejected' && v.checkOut.error?.code === 'BAD_USER_INPUT';
  });
}
