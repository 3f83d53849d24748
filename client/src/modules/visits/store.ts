// What the caregiver's phone keeps in IndexedDB (through idb): the last day list fetched, the queue of check-ins
// and check-outs, and the visit being recorded (its ticks, notes and signature, after every change). IndexedDB
// keeps its writes across reloads, crashes and a flat battery, and holds far more than localStorage.
//
// Everything is per user. When a user signs out, the day list and the records the server already has are
// removed; a record not yet sent, and a visit under way, stay for their author to finish on signing in again
// (a lost visit means a visit the beneficiary's care insurance cannot pay).
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { MyDayQuery } from '../../lib/gql/graphql';
import type { QueueRecord } from './queue';
import type { Position } from './rules';

export type Day = MyDayQuery['myDay'];

export interface CachedDay {
  userId: string;
  /** When the day was fetched (device time, ms). */
  fetchedAt: number;
  day: Day;
}

export type ConfirmationMethod = 'SIGNATURE' | 'CARD_CODE' | 'FAMILY';

/** A visit under way on this phone: checked in, being filled in, not yet checked out. */
export interface VisitDraft {
  /** `${userId}:${visitId}` */
  key: string;
  userId: string;
  visitId: string;
  personId: string;
  personName: string;
  checkInAt: string;
  checkIn: Position | null;
  /** Ticked items and their quantities. */
  items: Record<string, number>;
  notes: string;
  method: ConfirmationMethod;
  /** The drawn signature as a PNG data URL. */
  signature: string | null;
  cardCode: string;
  familyName: string;
  updatedAt: number;
}

interface PhoneDB extends DBSchema {
  days: { key: string; value: CachedDay };
  queue: { key: number; value: QueueRecord; indexes: { byUser: string } };
  drafts: { key: string; value: VisitDraft; indexes: { byUser: string } };
}

export const STORE_NAME = 'changhu-phone';
let opened: Promise<IDBPDatabase<PhoneDB>> | null = null;

function db(): Promise<IDBPDatabase<PhoneDB>> {
  opened ??= openDB<PhoneDB>(STORE_NAME, 1, {
    upgrade(d) {
      d.createObjectStore('days', { keyPath: 'userId' });
      d.createObjectStore('queue', { keyPath: 'seq', autoIncrement: true }).createIndex('byUser', 'userId');
      d.createObjectStore('drafts', { keyPath: 'key' }).createIndex('byUser', 'userId');
    },
    // Another tab opened a newer version: let it have the database; this tab opens it again when next asked.
    blocking() {
      void opened?.then((d) => d.close());
      opened = null;
    },
  }).catch((e: unknown) => {
    opened = null;
    throw e;
  });
  return opened;
}

/** Svelte's state proxies cannot be cloned into IndexedDB: store plain copies. */
const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

// ---- the day ----------------------------------------------------------------------------------------

export async function readDay(userId: string): Promise<CachedDay | null> {
  return (await (await db()).get('days', userId)) ?? null;
}

export async function writeDay(userId: string, day: Day, fetchedAt: number): Promise<void> {
  await (await db()).put('days', plain({ userId, day, fetchedAt }));
}

// ---- the queue --------------------------------------------------------------------------------------

export async function readQueue(userId: string): Promise<QueueRecord[]> {
  return (await db()).getAllFromIndex('queue', 'byUser', userId);
}

/** Adds records in one transaction (a check-in, or a check-out) and returns them with their keys. */
export async function addRecords(records: QueueRecord[]): Promise<QueueRecord[]> {
  const tx = (await db()).transaction('queue', 'readwrite');
  const out: QueueRecord[] = [];
  for (const r of records) {
    const copy = plain(r);
    delete copy.seq;
    const seq = await tx.store.add(copy);
    out.push({ ...copy, seq });
  }
  await tx.done;
  return out;
}

export async function putRecords(records: QueueRecord[]): Promise<void> {
  const tx = (await db()).transaction('queue', 'readwrite');
  for (const r of records) await tx.store.put(plain(r));
  await tx.done;
}

export async function deleteRecords(seqs: number[]): Promise<void> {
  const tx = (await db()).transaction('queue', 'readwrite');
  for (const s of seqs) await tx.store.delete(s);
  await tx.done;
}

// ---- the visit under way ----------------------------------------------------------------------------

export const draftKey = (userId: string, visitId: string) => `${userId}:${visitId}`;

export async function readDrafts(userId: string): Promise<VisitDraft[]> {
  return (await db()).getAllFromIndex('drafts', 'byUser', userId);
}

export async function writeDraft(d: VisitDraft): Promise<void> {
  await (await db()).put('drafts', plain(d));
}

export async function deleteDraft(userId: string, visitId: string): Promise<void> {
  await (await db()).delete('drafts', draftKey(userId, visitId));
}

// ---- signing out ------------------------------------------------------------------------------------

/** Removes what the server already has: the day list, and sent records. Unsent records and visits under way stay. */
export async function forgetSent(userId: string | null): Promise<void> {
  const d = await db();
  const tx = d.transaction(['days', 'queue'], 'readwrite');
  if (userId) await tx.objectStore('days').delete(userId);
  else await tx.objectStore('days').clear();
  let cursor = await tx.objectStore('queue').openCursor();
  while (cursor) {
    if ((!userId || cursor.value.userId === userId) && cursor.value.state !== 'pending' && (cursor.value.state === 'sent' || cursor.value.acknowledged)) await cursor.delete();
    cursor = await cursor.continue();
  }
  await tx.done;
}
