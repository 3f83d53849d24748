// Publish/subscribe between server processes through PostgreSQL LISTEN/NOTIFY: no broker to run, every process
// on the database hears every message, and a message sent inside a transaction goes out at COMMIT or not at all.
//
// Publishing is a `select pg_notify(…)` on the caller's EntityManager, so it joins the caller's transaction.
// Receiving is one dedicated connection per process that LISTENs on one channel and fans each message out, by
// topic, to the local subscribers (GraphQL subscriptions). That connection is not from the pool: a pooled one
// would be handed to other queries and would stop listening.
//
// Delivery is at most once: a message sent while a process's listener is reconnecting is lost to that process
// (PostgreSQL queues notifications only for sessions that are listening). Live updates are a convenience over the
// lists, which stay the truth; the reconnect is logged.
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PubSub } from 'type-graphql';
import type { Logger } from 'pino';
import { prepared, txOf, type Tx } from './prepared.ts';
import { CHANGED_TOPIC, type FactCaches } from './fact-cache.ts';

/** The one channel of the application; messages carry their topic. NOTIFY is per database, so one name is enough. */
export const CHANNEL = 'changhu_events';

/** The topic of `settled()`'s markers. */
const SETTLED_TOPIC = 'settled';

/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more (with the default 8 kB block size). */
export const MAX_PAYLOAD_BYTES = 7999;

/** A message on the wire: `{ topic, data }` as JSON. */
export interface Message {
  topic: string;
  data: unknown;
}

export class PayloadTooLargeError extends Error {
  constructor(
    readonly topic: string,
    readonly bytes: number,
  ) {
    super(`A "${topic}" message of ${bytes} bytes exceeds PostgreSQL's NOTIFY limit of ${MAX_PAYLOAD_BYTES} bytes`);
    this.name = 'PayloadTooLargeError';
  }
}

/** The JSON of a message, refused when PostgreSQL would refuse it (better here, with the topic named, than as a SQL error). */
export function encodeMessage(topic: string, data: unknown): string {
  const json = JSON.stringify({ topic, data } satisfies Message);
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > MAX_PAYLOAD_BYTES) throw new PayloadTooLargeError(topic, bytes);
  return json;
}

const NOTIFY = prepared('pubsub_notify', 'select count(pg_notify(?, payload)) from json_array_elements_text(?::json) as payload');

/**
 * Sends messages on `target` (an EntityManager or a prepared-statement transaction): inside a transaction they are delivered when the transaction commits, and never
 * when it rolls back; outside one, at once. All in one statement, whatever their number. PostgreSQL delivers
 * identical payloads sent in one transaction once, so a message should carry what makes it unique (an id).
 */
export async function publish(target: EntityManager | Tx, messages: readonly Message[]): Promise<void> {
  if (messages.length === 0) return;
  const payloads = messages.map((m) => encodeMessage(m.topic, m.data));
  // Either runs in the target's transaction when there is one. The payloads travel as one JSON array of strings.
  await ('rows' in target ? target : txOf(target)).rows(NOTIFY, [CHANNEL, JSON.stringify(payloads)]);
}

/** The key of a topic with type-graphql's optional dynamic id (a subscription to one record, say). */
const keyOf = (routingKey: string, dynamicId?: unknown) => (dynamicId === undefined || dynamicId === null ? routingKey : `${routingKey}:${String(dynamicId)}`);

export interface PgPubSubOptions {
  /** The database to LISTEN on (the ORM's connection string). */
  connectionString: string;
  log: Logger;
  /** Where type-graphql's `publish` (outside any transaction) sends from: a fresh EntityManager. */
  em: () => EntityManager;
  /** Reconnection delays: the first, doubling up to the longest, with jitter. */
  retryMinMs?: number;
  retryMaxMs?: number;
  /** Messages one subscriber may have waiting before it is ended as too slow (so a stuck socket cannot grow memory without bound). */
  maxQueued?: number;
  /** The process's caches of seldom-changing facts: on while this listener listens, told of each change (fact-cache.ts). */
  caches?: FactCaches;
}

/**
 * The process's PubSub. It is type-graphql's `PubSub` (buildSchema's `pubSub` option): `subscribe(topic, id?)`
 * gives an AsyncIterable of the data published on that topic by any process; `publish(topic, [id,] data)` sends
 * at once. Domain code publishes with `publish(em, …)` above instead, inside its transaction.
 */
export class PgPubSub implements PubSub {
  private readonly log: Logger;
  private readonly retryMinMs: number;
  private readonly retryMaxMs: number;
  private readonly maxQueued: number;
  private readonly topics = new Map<string, Set<Subscriber>>();
  /** The listening connection; null while (re)connecting. */
  private client: pg.Client | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private attempt = 0;
  private closed = false;
  /** `settled()` calls waiting for their marker to come back, by marker. */
  private readonly markers = new Map<string, () => void>();

  constructor(private readonly options: PgPubSubOptions) {
    this.log = options.log.child({ component: 'pubsub' });
    this.retryMinMs = options.retryMinMs ?? 250;
    this.retryMaxMs = options.retryMaxMs ?? 30_000;
    this.maxQueued = options.maxQueued ?? 1000;
  }

  /** Connects and LISTENs; fails when the database cannot be reached (the server should not start then). */
  async start(): Promise<void> {
    await this.connect();
  }

  /** True while the listening connection is up. */
  get listening(): boolean {
    return this.client !== null;
  }

  /** The PostgreSQL backend pid of the listening connection (for operators and tests), or null while reconnecting. */
  get backendPid(): number | null {
    return (this.client as (pg.Client & { processID?: number }) | null)?.processID ?? null;
  }

  /** How many local subscriptions are open (each GraphQL subscription holds one until it ends). */
  get subscriberCount(): number {
    let n = 0;
    for (const set of this.topics.values()) n += set.size;
    return n;
  }

  /**
   * Resolves once this process has heard every notification committed before the call (PostgreSQL delivers them in
   * commit order, and this one's own marker comes last): after a change made behind the server's back (psql, a
   * test's SQL), its caches no longer hold what the change replaced. At once when not listening (nothing is cached).
   */
  async settled(): Promise<void> {
    const client = this.client;
    if (!client) return;
    const marker = randomUUID();
    const back = new Promise<void>((resolve) => this.markers.set(marker, resolve));
    try {
      await client.query('select pg_notify($1, $2)', [CHANNEL, encodeMessage(SETTLED_TOPIC, marker)]);
    } catch {
      // The connection is going: once it is gone nothing is cached, and until then there is no marker to wait for.
      this.markers.delete(marker);
      return;
    }
    await back;
  }

  publish(routingKey: string, ...args: unknown[]): Promise<void> {
    // type-graphql's two forms: publish(topic, data) and publish(topic, dynamicId, data).
    const [topic, data] = args.length >= 2 ? [keyOf(routingKey, args[0]), args[1]] : [routingKey, args[0]];
    return publish(this.options.em(), [{ topic, data }]);
  }

  subscribe(routingKey: string, dynamicId?: unknown): AsyncIterableIterator<unknown> {
    const topic = keyOf(routingKey, dynamicId);
    if (this.closed) return new Subscriber(() => {}, 0).endNow();
    let set = this.topics.get(topic);
    if (!set) this.topics.set(topic, (set = new Set()));
    const subscriber: Subscriber = new Subscriber(() => {
      set.delete(subscriber);
      if (set.size === 0 && this.topics.get(topic) === set) this.topics.delete(topic);
    }, this.maxQueued);
    set.add(subscriber);
    return subscriber;
  }

  /** Stops listening and ends every subscription (their GraphQL subscriptions complete). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    for (const set of [...this.topics.values()]) for (const s of [...set]) s.endNow();
    this.topics.clear();
    const client = this.client;
    this.client = null;
    this.deaf();
    if (client) await client.end().catch((err: unknown) => this.log.warn({ err }, 'closing the listener failed'));
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.options.connectionString,
      application_name: 'changhu-listener',
      // A peer that vanishes without closing (network cut) is noticed by TCP keep-alive, not only by a broken write.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    // Until it is lost, errors on an idle connection (the backend terminated, the server restarting) arrive here.
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client, null));
    client.on('notification', (n) => {
      if (n.channel === CHANNEL) this.dispatch(n.payload);
    });
    try {
      await client.connect();
      await client.query(`listen ${CHANNEL}`);
    } catch (err) {
      client.removeAllListeners('end');
      client.on('error', () => {});
      await client.end().catch(() => {});
      throw err;
    }
    if (this.closed) {
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    this.options.caches?.listening();
    if (this.attempt > 0) this.log.info({ attempts: this.attempt }, 'listener reconnected; messages sent meanwhile were not received');
    this.attempt = 0;
  }

  /** The connection dropped: forget it and reconnect with backoff (unless we are closing). */
  private lost(client: pg.Client, err: Error | null): void {
    if (client !== this.client) return;
    this.client = null;
    this.deaf();
    // The dead client may still emit; a listener-less 'error' event would crash the process.
    client.removeAllListeners();
    client.on('error', () => {});
    client.end().catch(() => {});
    if (this.closed) return;
    this.log.error({ err }, 'listener connection lost; reconnecting');
    this.scheduleReconnect();
  }

  /** Not listening: nothing may be cached, and whoever waits for a marker has nothing stale left to wait for. */
  private deaf(): void {
    this.options.caches?.deaf();
    for (const resolve of this.markers.values()) resolve();
    this.markers.clear();
  }

  private scheduleReconnect(): void {
    const ceiling = Math.min(this.retryMaxMs, this.retryMinMs * 2 ** this.attempt);
    // Jitter, so that the processes of a restarted database do not all knock at the same instant.
    const delay = Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
    this.attempt++;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect().catch((err: unknown) => {
        if (this.closed) return;
        this.log.warn({ err, attempt: this.attempt }, 'listener reconnect failed; trying again');
        this.scheduleReconnect();
      });
    }, delay);
    // A pending reconnect must not keep a stopping process alive.
    this.retryTimer.unref();
  }

  private dispatch(payload: string | undefined): void {
    let message: Message;
    try {
      message = JSON.parse(payload ?? '') as Message;
    } catch {
      this.log.warn('ignored a notification that is not JSON');
      return;
    }
    if (typeof message?.topic !== 'string') return;
    if (message.topic === CHANGED_TOPIC) {
      this.options.caches?.changed(String(message.data));
      return;
    }
    if (message.topic === SETTLED_TOPIC) {
      this.markers.get(String(message.data))?.();
      this.markers.delete(String(message.data));
      return;
    }
    const set = this.topics.get(message.topic);
    if (!set) return;
    for (const s of [...set]) s.push(message.data);
  }
}

/** Raised in a subscription whose consumer stopped reading. */
export class SubscriberTooSlowError extends Error {
  constructor() {
    super('Live updates were stopped because they were not read in time; subscribe again');
    this.name = 'SubscriberTooSlowError';
  }
}

/**
 * One local subscription: a queue between the listener (push) and the consumer (next). `return()` (the client
 * unsubscribed, the socket closed) removes it from its topic at once, so nothing is left behind.
 */
class Subscriber implements AsyncIterableIterator<unknown> {
  private readonly queue: unknown[] = [];
  private waiting: { resolve: (r: IteratorResult<unknown>) => void; reject: (e: Error) => void } | null = null;
  private done = false;
  private failure: Error | null = null;

  constructor(
    private readonly unsubscribe: () => void,
    private readonly maxQueued: number,
  ) {}

  push(value: unknown): void {
    if (this.done) return;
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = null;
      w.resolve({ value, done: false });
      return;
    }
    if (this.queue.length >= this.maxQueued) {
      this.fail(new SubscriberTooSlowError());
      return;
    }
    this.queue.push(value);
  }

  next(): Promise<IteratorResult<unknown>> {
    if (this.queue.length > 0) return Promise.resolve({ value: this.queue.shift(), done: false });
    if (this.failure) {
      const failure = this.failure;
      this.failure = null;
      return Promise.reject(failure);
    }
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }

  return(): Promise<IteratorResult<unknown>> {
    this.endNow();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<unknown>> {
    this.endNow();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<unknown> {
    return this;
  }

  /** Ends the subscription: no more values, a waiting consumer is told it is over. */
  endNow(): this {
    if (!this.done) {
      this.done = true;
      this.queue.length = 0;
      this.unsubscribe();
    }
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = null;
      w.resolve({ value: undefined, done: true });
    }
    return this;
  }

  private fail(error: Error): void {
    this.failure = error;
    this.done = true;
    this.queue.length = 0;
    this.unsubscribe();
  }
}
