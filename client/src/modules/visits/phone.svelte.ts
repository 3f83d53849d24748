// The caregiver's phone as one store: the day list (from the network, else the copy kept on the phone), the queue
// of check-ins and check-outs and its sending, and the visits under way. Pages read its state and call its verbs;
// the ordering rules are pure functions in queue.ts, the storing is store.ts.
//
// Sending: every record is stored first, then the queue is sent in order with `syncVisits`, right away when the
// phone seems online, again when the browser says the network is back, when the app comes to the front, and
// after a failure on a backoff (2 s doubling to 5 minutes). One tab sends at a time (Web Locks where the browser
// has them; a replay is harmless anyway). A server error about the batch as a whole makes the next try send one
// record alone, to find the record it is about; one that fails alone three times is set aside as refused, so a
// single bad record cannot hold the caregiver's other visits back for ever.
import { client } from '../../lib/graphql/client';
import { toProblem, type Problem } from '../../lib/graphql/errors';
import { whenSessionEnds } from '../../lib/auth/auth';
import type { CheckInInput, CheckOutInput, SyncOpInput } from '../../lib/gql/graphql';
import { newId } from '../../lib/uuid';
import { MyDayQuery, SyncVisitsMutation } from './visits.operations';
import { applyAnswers, backoffMs, heldBack, holdBack, localVisits, nextBatch, openLocalVisits, stale, unreadRejections, type QueueRecord, type SyncAnswer } from './queue';
import { addRecords, deleteDraft, deleteRecords, draftKey, putRecords, readDay, readDrafts, readQueue, writeDay, writeDraft, type CachedDay, type Day, type VisitDraft } from './store';
import type { Position } from './rules';

/** How long one request may take before it counts as failed (a stairwell's one bar of signal is slow, not dead). */
const DAY_TIMEOUT_MS = 20_000;
const SYNC_TIMEOUT_MS = 90_000;
/** Failures of a record sent alone after which it is set aside as refused. */
const ALONE_LIMIT = 3;

/** A fetch that gives up after `ms`, so a hanging connection becomes a retry instead of a wait for ever. */
const timedFetch =
  (ms: number, onDate?: (skewMs: number) => void): typeof fetch =>
  async (input, init) => {
    // AbortSignal.any and .timeout are recent; an older phone's browser gets the same by hand.
    const ctrl = new AbortController();
    // Not cleared when the headers arrive, since the body may still hang; aborting a finished request does nothing.
    setTimeout(() => ctrl.abort(new DOMException('Timed out', 'TimeoutError')), ms);
    init?.signal?.addEventListener('abort', () => ctrl.abort(init.signal?.reason), { once: true });
    const sent = Date.now();
    const res = await fetch(input, { ...init, signal: ctrl.signal });
    // The server's clock, to the second, from its Date header: how far the phone's own is off.
    const server = Date.parse(res.headers.get('date') ?? '');
    if (onDate && Number.isFinite(server)) onDate((sent + Date.now()) / 2 - server);
    return res;
  };

/** The server refuses times more than its tolerance (5 minutes) ahead; a phone 2 minutes off is told to fix its clock. */
export const CLOCK_WARNING_MS = 120_000;

type Outcome = 'done' | 'network' | 'auth' | 'server';

class Phone {
  userId = $state<string | null>(null);
  /** The queue, oldest first. */
  records = $state<QueueRecord[]>([]);
  drafts = $state<VisitDraft[]>([]);
  cached = $state<CachedDay | null>(null);
  /** True once the phone's own copies (queue, drafts, day) have been read. */
  ready = $state(false);
  loadingDay = $state(false);
  /** Why the last fetch of the day failed (the kept copy is shown meanwhile). */
  dayProblem = $state<Problem | null>(null);
  /** What the browser says; a request that fails for want of network also sets it false until one succeeds. */
  online = $state(typeof navigator === 'undefined' ? true : navigator.onLine);
  syncing = $state(false);
  failures = $state(0);
  nextRetryAt = $state<number | null>(null);
  lastSyncAt = $state<number | null>(null);
  /** Sending waits for the caregiver to sign in again. */
  needsSignIn = $state(false);
  /** The storage refused to keep something (private mode, storage full): shown, since visits could be lost. */
  storageProblem = $state(false);
  /** How far the phone's clock is ahead of the server's (ms), from the last answer; null until one came. */
  clockSkewMs = $state<number | null>(null);

  #timer: ReturnType<typeof setTimeout> | null = null;
  #probe: ReturnType<typeof setTimeout> | null = null;
  #flushing: Promise<void> | null = null;
  #again = false;
  #alone = 0;
  #single = false;
  #force = false;
  #listening = false;
  #starting: Promise<void> | null = null;

  // ---- starting and stopping --------------------------------------------------------------------------

  /** Loads the phone's copies for the signed-in user (once per user) and starts sending what waits. */
  ensure(userId: string): Promise<void> {
    if (this.userId === userId && this.#starting) return this.#starting;
    this.stop();
    this.userId = userId;
    this.ready = false;
    this.#listen();
    this.#starting = (async () => {
      try {
        const [records, drafts, cached] = await Promise.all([readQueue(userId), readDrafts(userId), readDay(userId)]);
        if (this.userId !== userId) return;
        const old = stale(records, new Date().toISOString());
        if (old.length) await deleteRecords(old.map((r) => r.seq!));
        const gone = new Set(old.map((r) => r.seq));
        this.records = records.filter((r) => !gone.has(r.seq));
        this.drafts = drafts;
        this.cached = cached;
      } catch {
        this.storageProblem = true;
      }
      this.ready = true;
      this.needsSignIn = false;
      void this.flush();
      // Also tells whether the server can be reached: a browser may think it is online when it is not.
      void this.refreshDay();
    })();
    return this.#starting;
  }

  /** Forgets the user in memory (their copies stay in IndexedDB as store.ts says). */
  stop(): void {
    if (this.#timer) clearTimeout(this.#timer);
    if (this.#probe) clearTimeout(this.#probe);
    this.#timer = null;
    this.#probe = null;
    this.userId = null;
    this.records = [];
    this.drafts = [];
    this.cached = null;
    this.dayProblem = null;
    this.failures = 0;
    this.nextRetryAt = null;
    this.#starting = null;
    this.#alone = 0;
    this.#single = false;
  }

  #listen(): void {
    if (this.#listening || typeof window === 'undefined') return;
    this.#listening = true;
    window.addEventListener('online', () => {
      this.online = true;
      // The network is back: try now, from a short wait, whatever the backoff had reached.
      this.failures = Math.min(this.failures, 1);
      void this.flush();
      void this.refreshDay();
    });
    window.addEventListener('offline', () => {
      this.online = false;
    });
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible' && this.pending.length) void this.flush();
    });
  }

  // ---- reading ----------------------------------------------------------------------------------------

  get day(): Day | null {
    return this.cached?.day ?? null;
  }
  get pending(): QueueRecord[] {
    return this.records.filter((r) => r.state === 'pending');
  }
  get unread(): QueueRecord[] {
    return unreadRejections(this.records);
  }
  get local() {
    return localVisits(this.records);
  }
  /** Visits checked in on this phone and not checked out, with their drafts. */
  get open() {
    return openLocalVisits(this.records);
  }
  draftOf(visitId: string): VisitDraft | null {
    return this.drafts.find((d) => d.visitId === visitId) ?? null;
  }

  // ---- the day ----------------------------------------------------------------------------------------

  /** Fetches the day; on failure the copy on the phone stays, and the banner says how old it is. */
  async refreshDay(): Promise<void> {
    const userId = this.userId;
    if (!userId || this.loadingDay) return;
    this.loadingDay = true;
    try {
      const r = await client.query(MyDayQuery, {}, { requestPolicy: 'network-only', fetch: timedFetch(DAY_TIMEOUT_MS, (skew) => (this.clockSkewMs = skew)) }).toPromise();
      if (this.userId !== userId) return;
      if (r.data?.myDay) {
        const fetchedAt = Date.now();
        this.cached = { userId, day: r.data.myDay, fetchedAt };
        this.dayProblem = null;
        const wasOffline = !this.online;
        this.online = true;
        // The server answers again: what waits goes now, not at the end of a backoff.
        if (wasOffline && this.pending.length) void this.flush(true);
        try {
          await writeDay(userId, r.data.myDay, fetchedAt);
        } catch {
          this.storageProblem = true;
        }
      } else if (r.error) {
        this.dayProblem = toProblem(r.error);
        if (this.dayProblem.code === 'NETWORK') {
          this.online = false;
          // The browser may never say "online" again if it thinks it never left: ask again in a minute.
          if (this.#probe) clearTimeout(this.#probe);
          this.#probe = setTimeout(() => {
            this.#probe = null;
            if (!this.online) void this.refreshDay();
          }, 60_000);
        }
      }
    } finally {
      this.loadingDay = false;
    }
  }

  // ---- recording --------------------------------------------------------------------------------------

  /** Stores a check-in (and the visit's draft), then sends it. Returns the new visit's id. */
  async checkIn(stop: { personId: string; personName: string }, at: string, position: Position | null): Promise<string> {
    const userId = this.#user();
    const visitId = newId();
    const input: CheckInInput = { id: visitId, personId: stop.personId, at, position };
    const draft: VisitDraft = {
      key: draftKey(userId, visitId),
      userId,
      visitId,
      personId: stop.personId,
      personName: stop.personName,
      checkInAt: at,
      checkIn: position,
      items: {},
      notes: '',
      method: 'SIGNATURE',
      signature: null,
      cardCode: '',
      familyName: '',
      updatedAt: Date.now(),
    };
    // The record first: were the draft lost, the queue still knows the visit is open.
    const [stored] = await this.#store([this.#record(userId, 'CHECK_IN', visitId, stop, at, { checkIn: input })]);
    this.records = [...this.records, stored!];
    await this.saveDraft(draft);
    void this.flush();
    return visitId;
  }

  /** Keeps the visit under way after every change. */
  async saveDraft(d: VisitDraft): Promise<void> {
    const copy = { ...d, updatedAt: Date.now() };
    this.drafts = [...this.drafts.filter((x) => x.key !== d.key), copy];
    try {
      await writeDraft(copy);
      this.storageProblem = false;
    } catch {
      this.storageProblem = true;
    }
  }

  /** A draft for a visit that is open on the server but has none on this phone (its draft was lost or made elsewhere). */
  async adoptDraft(v: { visitId: string; personId: string; personName: string; checkInAt: string; checkIn: Position | null }): Promise<VisitDraft> {
    const userId = this.#user();
    const d: VisitDraft = { key: draftKey(userId, v.visitId), userId, ...v, items: {}, notes: '', method: 'SIGNATURE', signature: null, cardCode: '', familyName: '', updatedAt: Date.now() };
    await this.saveDraft(d);
    return d;
  }

  /** Stores the check-out, drops the draft, and sends. */
  async checkOut(draft: VisitDraft, input: CheckOutInput): Promise<void> {
    const userId = this.#user();
    const [stored] = await this.#store([this.#record(userId, 'CHECK_OUT', draft.visitId, draft, input.at, { checkOut: input })]);
    this.records = [...this.records, stored!];
    this.drafts = this.drafts.filter((d) => d.key !== draft.key);
    await deleteDraft(userId, draft.visitId).catch(() => {});
    void this.flush();
  }

  /** The caregiver has read a rejection. */
  async acknowledge(seq: number): Promise<void> {
    const r = this.records.find((x) => x.seq === seq);
    if (!r) return;
    const next = { ...r, acknowledged: true };
    this.records = this.records.map((x) => (x.seq === seq ? next : x));
    await putRecords([next]).catch(() => {
      this.storageProblem = true;
    });
  }

  #user(): string {
    if (!this.userId) throw new Error('No caregiver signed in');
    return this.userId;
  }

  #record(userId: string, kind: QueueRecord['kind'], visitId: string, who: { personId: string; personName: string }, at: string, body: { checkIn?: CheckInInput; checkOut?: CheckOutInput }): QueueRecord {
    return {
      userId,
      kind,
      visitId,
      personId: who.personId,
      personName: who.personName,
      at,
      checkIn: body.checkIn ?? null,
      checkOut: body.checkOut ?? null,
      state: 'pending',
      attempts: 0,
      lastTriedAt: null,
      sentAt: null,
      error: null,
      acknowledged: false,
      findings: [],
    };
  }

  async #store(records: QueueRecord[]): Promise<QueueRecord[]> {
    try {
      const stored = await addRecords(records);
      this.storageProblem = false;
      return stored;
    } catch (e) {
      this.storageProblem = true;
      throw e;
    }
  }

  // ---- sending ----------------------------------------------------------------------------------------

  /**
   * Sends what waits, one batch after another, until nothing waits or a try fails. While the browser knows it
   * is offline nothing is tried (the online event starts the next try), unless the caregiver asks (`force`).
   */
  flush(force = false): Promise<void> {
    if (force) this.#force = true;
    if (this.#flushing) {
      this.#again = true;
      return this.#flushing;
    }
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#flushing = (async () => {
      try {
        do {
          this.#again = false;
          await this.#exclusively(() => this.#sendAll());
        } while (this.#again);
      } finally {
        this.#flushing = null;
        this.#force = false;
        this.syncing = false;
      }
    })();
    return this.#flushing;
  }

  /** Web Locks keep two tabs of the app from sending the same queue at the same moment. */
  async #exclusively(run: () => Promise<void>): Promise<void> {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    if (locks?.request) await locks.request('changhu-visit-queue', run);
    else await run();
  }

  async #sendAll(): Promise<void> {
    const userId = this.userId;
    if (!userId) return;
    let sentSome = false;
    for (;;) {
      // Read the queue afresh: another tab may have sent or added records.
      let records: QueueRecord[];
      try {
        records = await readQueue(userId);
      } catch {
        this.storageProblem = true;
        return;
      }
      if (this.userId !== userId) return;
      const held = heldBack(records).map(holdBack);
      if (held.length) {
        await putRecords(held);
        records = records.map((r) => held.find((h) => h.seq === r.seq) ?? r);
      }
      this.#adopt(records);
      const batch = nextBatch(records, { single: this.#single });
      if (!batch.length) break;
      if (!this.#force && typeof navigator !== 'undefined' && navigator.onLine === false) {
        this.online = false;
        this.nextRetryAt = null;
        return;
      }
      this.syncing = true;
      const outcome = await this.#send(userId, batch);
      if (outcome === 'done') {
        sentSome = true;
        continue;
      }
      if (outcome === 'auth') {
        this.needsSignIn = true;
        return;
      }
      this.failures += 1;
      const wait = backoffMs(this.failures, Math.random());
      this.nextRetryAt = Date.now() + wait;
      this.#timer = setTimeout(() => void this.flush(), wait);
      return;
    }
    this.syncing = false;
    this.nextRetryAt = null;
    if (sentSome) {
      this.lastSyncAt = Date.now();
      // The counts of the day come from the server: fetch them again now that it knows these visits.
      void this.refreshDay();
    }
  }

  /**
   * Takes the queue as just read from storage, keeping records added in memory meanwhile (a check-in stored while
   * the read was under way must not vanish from the screen, or the caregiver might check in twice).
   */
  #adopt(read: QueueRecord[]): void {
    const known = new Set(read.map((r) => r.seq));
    const added = this.records.filter((r) => r.seq !== undefined && !known.has(r.seq));
    this.records = [...read, ...added].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  }

  async #send(userId: string, batch: QueueRecord[]): Promise<Outcome> {
    const startedAt = new Date().toISOString();
    const tried = batch.map((r) => ({ ...r, attempts: r.attempts + 1, lastTriedAt: startedAt }));
    await putRecords(tried).catch(() => {});
    const ops: SyncOpInput[] = tried.map((r) => (r.kind === 'CHECK_IN' ? { kind: 'CHECK_IN', checkIn: r.checkIn! } : { kind: 'CHECK_OUT', checkOut: r.checkOut! }));
    const r = await client.mutation(SyncVisitsMutation, { ops }, { fetch: timedFetch(SYNC_TIMEOUT_MS, (skew) => (this.clockSkewMs = skew)) }).toPromise();
    if (this.userId !== userId) return 'auth';
    if (r.data?.syncVisits) {
      this.online = true;
      const answers: SyncAnswer[] = r.data.syncVisits.map((a) => ({ ok: a.ok, visitId: a.visitId, error: a.error ?? null, findings: a.visit?.findings ?? [] }));
      let updated: QueueRecord[];
      try {
        updated = applyAnswers(tried, answers, new Date().toISOString());
      } catch {
        return this.#serverFailure(tried, { code: 'UNKNOWN', reason: null, message: 'The answers do not match the records sent', fieldErrors: [] });
      }
      await putRecords(updated);
      this.records = this.records.map((x) => updated.find((u) => u.seq === x.seq) ?? x);
      this.failures = 0;
      this.#alone = 0;
      this.#single = false;
      this.needsSignIn = false;
      return 'done';
    }
    const problem = r.error ? toProblem(r.error) : { code: 'UNKNOWN', reason: null, message: '', fieldErrors: [] };
    if (problem.code === 'NETWORK') {
      this.online = false;
      return 'network';
    }
    this.online = true;
    if (problem.code === 'UNAUTHENTICATED' || (problem.code === 'FORBIDDEN' && problem.reason === 'PASSWORD_CHANGE_REQUIRED')) return 'auth';
    return this.#serverFailure(tried, problem);
  }

  /** The server answered the batch with an error: find the record it is about by sending records alone. */
  async #serverFailure(batch: QueueRecord[], problem: Problem): Promise<Outcome> {
    if (batch.length > 1 || !this.#single) {
      this.#single = true;
      this.#alone = 0;
      return 'server';
    }
    this.#alone += 1;
    if (this.#alone < ALONE_LIMIT) return 'server';
    const refused: QueueRecord = { ...batch[0]!, state: 'rejected', acknowledged: false, error: { code: problem.code, reason: problem.reason, message: problem.message } };
    await putRecords([refused]);
    this.records = this.records.map((x) => (x.seq === refused.seq ? refused : x));
    this.#alone = 0;
    this.#single = false;
    return 'done';
  }
}

export const phone = new Phone();

// The copies on the phone are cleaned by signout.ts; here the memory.
whenSessionEnds(() => phone.stop());
