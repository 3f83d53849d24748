// In-process caches of facts that change seldom (a session's user and grants, a caregiver's employment, the plan
// in force), so that the hottest requests (a caregiver's check-in and check-out) need one statement instead of
// three. Server processes stay stateless: every write to a table a cache reads NOTIFYs (a trigger on the table,
// whoever writes: the server, a migration, psql), and every listening process drops what it had from that table.
//
// What keeps a cached fact from outliving its row:
// - Nothing is cached while the process is not listening (before its listener connects, and from the moment the
//   connection drops until it is back, when every cache starts empty: notifications sent meanwhile are lost).
// - A value read from the database is kept only when no change was announced while it was being read (the
//   generation below), so a read that raced a commit cannot store the old row after its notification passed.
// - A notification arrives a few milliseconds after its commit. A request in that window decides on the facts as
//   they were just before, as it would had it arrived a moment earlier: the same as reading them outside the write's
//   transaction, which the check-in always did.
import { LRUCache } from 'lru-cache';
import type { EventSubscriber, FlushEventArgs } from '@mikro-orm/core';

/** The topic of the notifications (on pubsub's channel) that announce a change to a cached table: data is the table's name. */
export const CHANGED_TOPIC = 'facts-changed';

/** Every table some cache reads; each has the trigger `changhu_facts_changed` (migration 20261210010000). */
export const CACHED_TABLES = [
  'session', 'app_user', 'role_grant',
  'caregiver', 'employment', 'contract', 'agency', 'insured_person', 'agency_client',
  'care_plan', 'care_plan_version', 'care_plan_line', 'catalogue_item', 'visit_settings', 'beneficiary_card', 'hospital_stay',
] as const;
export type CachedTable = (typeof CACHED_TABLES)[number];

/** One cache: values by key, read from the tables named, at most `max` of them (the least recently used go first). */
export class FactCache<V extends {}> {
  private readonly values: LRUCache<string, V>;

  constructor(
    private readonly owner: FactCaches,
    readonly tables: readonly CachedTable[],
    max: number,
  ) {
    this.values = new LRUCache<string, V>({ max });
  }

  /** The cached value, or undefined (always while the process is not listening). */
  get(key: string): V | undefined {
    return this.owner.enabled ? this.values.get(key) : undefined;
  }

  /** Keeps a value read when the generation was `generation` (see FactCaches.generation); dropped when a change came since. */
  set(key: string, value: V, generation: number): void {
    if (this.owner.enabled && generation === this.owner.generation) this.values.set(key, value);
  }

  delete(key: string): void {
    this.values.delete(key);
  }

  clear(): void {
    this.values.clear();
  }
}

/** The caches of one database (one per ORM connection), switched on by the process's listener while it listens. */
export class FactCaches {
  private readonly caches = new Map<string, FactCache<{}>>();
  private on = false;
  private gen = 0;

  /** Counts the changes announced (and the listener's losses): read it before reading facts, pass it to `set`. */
  get generation(): number {
    return this.gen;
  }

  get enabled(): boolean {
    return this.on;
  }

  /** The cache of that name (made at its first use): what it holds, read from which tables, at most how many. */
  cache<V extends {}>(name: string, tables: readonly CachedTable[], max: number): FactCache<V> {
    let c = this.caches.get(name);
    if (!c) this.caches.set(name, (c = new FactCache<V>(this, tables, max) as unknown as FactCache<{}>));
    return c as unknown as FactCache<V>;
  }

  /** A table changed (a notification): what was read from it goes. */
  changed(table: string): void {
    this.gen++;
    for (const c of this.caches.values()) if ((c.tables as readonly string[]).includes(table)) c.clear();
  }

  /** The listener is up (again): cache from now on, starting empty. */
  listening(): void {
    this.drop();
    this.on = true;
  }

  /** The listener is down: changes may go unheard, so nothing is cached until it is back. */
  deaf(): void {
    this.on = false;
    this.drop();
  }

  private drop(): void {
    this.gen++;
    for (const c of this.caches.values()) c.clear();
  }
}

const byConnection = new WeakMap<object, FactCaches>();

/** The caches of the database behind an EntityManager's connection (shared by all its forks). */
export function factCachesOf(em: { getConnection(): object }): FactCaches {
  const connection = em.getConnection();
  let caches = byConnection.get(connection);
  if (!caches) byConnection.set(connection, (caches = new FactCaches()));
  return caches;
}

/**
 * Drops, in this process and at once, what the caches read from the tables a flush wrote (the notification that
 * follows the commit does the same in every process, this one included), so that a request right after a write
 * in the same process (a sign-out, a plan approved) cannot be answered from what was cached before it.
 */
export class FactsChangedSubscriber implements EventSubscriber {
  afterFlush({ em, uow }: FlushEventArgs): void {
    const tables = new Set<string>();
    for (const cs of uow.getChangeSets()) tables.add(cs.meta.tableName);
    if (tables.size === 0) return;
    const caches = factCachesOf(em);
    for (const t of tables) if ((CACHED_TABLES as readonly string[]).includes(t)) caches.changed(t);
  }
}
