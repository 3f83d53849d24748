// One open form's draft while the assessor works on it: the values the page binds to, a copy on the device after
// every change, and saves to the server, debounced and on demand, one at a time. See draft.ts for the design.
import type { Problem } from '../../lib/graphql/errors';
import { saveDraft } from './assessment';
import { chooseDraft, removeLocal, readLocal, toFormInput, valuesFromServer, writeLocal, type FormValues, type ServerDraft } from './draft';
import type { ItemCode } from './standard';

/** Quiet time after the last change before the draft goes to the server. */
export const SAVE_DELAY_MS = 2500;

export class TaskDraft {
  values = $state<FormValues>() as FormValues;
  /** Where the values shown came from when the page opened. */
  source = $state<'server' | 'local'>('server');
  /** The server's draft changed elsewhere while this device held unsaved changes (this device's copy is shown). */
  diverged = $state(false);
  /** False while the device holds changes the server has not seen. */
  synced = $state(true);
  saving = $state(false);
  /** Device time of the last save to the server in this visit, and of the last local write. */
  savedAt = $state<number | null>(null);
  keptLocallyAt = $state<number | null>(null);
  /** The device refuses to keep a copy (storage disabled or full). */
  localUnavailable = $state(false);
  problem = $state<Problem | null>(null);

  readonly #userId: string;
  readonly #taskId: string;
  #server: ServerDraft;
  #defaults: { now: Date; address: string };
  #baseVersion: number;
  /** Counts changes; a save that returns while a newer change waits leaves the draft unsynced. */
  #edits = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #inFlight: Promise<void> | null = null;
  #again = false;
  #closed = false;
  #discarded = false;

  constructor(userId: string, taskId: string, server: ServerDraft, address: string) {
    this.#userId = userId;
    this.#taskId = taskId;
    this.#server = server;
    this.#defaults = { now: new Date(), address };
    this.#baseVersion = server.version;
    const local = readLocal(userId, taskId);
    const choice = chooseDraft(local, server, this.#defaults);
    this.values = choice.values;
    this.source = choice.source;
    this.diverged = choice.diverged;
    this.synced = choice.source === 'server';
    if (choice.source === 'local' && local) {
      this.#baseVersion = local.baseVersion;
      this.keptLocallyAt = local.editedAt;
    }
    if (choice.push) this.#schedule(0);
  }

  setAnswer(code: ItemCode, points: number): void {
    if (this.values.answers[code] === points) return;
    this.values.answers[code] = points;
    this.changed();
  }

  /** Call after any change of `values` (inputs bind to it directly). */
  changed(): void {
    if (this.#closed) return;
    this.#edits += 1;
    this.synced = false;
    this.#keepLocally();
    this.#schedule(SAVE_DELAY_MS);
  }

  /** Saves to the server now (the "save draft" button, leaving the page, the network coming back). */
  saveNow(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (this.synced && !this.diverged) return this.#inFlight ?? Promise.resolve();
    return this.#push();
  }

  /** Drops this device's copy for the server's draft. */
  useServerDraft(): void {
    this.values = valuesFromServer(this.#server, this.#defaults);
    this.#baseVersion = this.#server.version;
    this.diverged = false;
    this.synced = true;
    this.source = 'server';
    removeLocal(this.#userId, this.#taskId);
  }

  /** Lets a save under way finish and holds the next one back, so a submission does not race a draft save. */
  async quiesce(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#inFlight;
  }

  /** The form went to the server for good: no draft to keep anywhere. */
  submitted(): void {
    this.close();
    this.#discarded = true;
    removeLocal(this.#userId, this.#taskId);
  }

  /** Stops saving (the page is leaving); unsaved changes stay on the device. */
  close(): void {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  get answered(): number {
    return Object.keys(this.values.answers).length;
  }

  #keepLocally(): void {
    const now = Date.now();
    const kept = writeLocal(this.#userId, this.#taskId, {
      v: 1,
      values: $state.snapshot(this.values) as FormValues,
      editedAt: now,
      baseVersion: this.#baseVersion,
      synced: this.synced,
    });
    this.localUnavailable = !kept;
    if (kept) this.keptLocallyAt = now;
  }

  #schedule(ms: number): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.#push();
    }, ms);
  }

  /** One save at a time; a change during a save makes another one follow it. */
  #push(): Promise<void> {
    if (this.#inFlight) {
      this.#again = true;
      return this.#inFlight;
    }
    this.#inFlight = (async () => {
      do {
        this.#again = false;
        const edits = this.#edits;
        this.saving = true;
        const r = await saveDraft(this.#taskId, toFormInput($state.snapshot(this.values) as FormValues));
        this.saving = false;
        if (!r.ok) {
          this.problem = r.problem;
          break;
        }
        this.problem = null;
        this.diverged = false;
        this.#baseVersion = r.value.version;
        this.#server = { ...this.#server, version: r.value.version };
        this.savedAt = Date.now();
        if (edits === this.#edits) this.synced = true;
        // The local copy learns the version it is now in step with, and whether it is synced.
        if (!this.#discarded) this.#keepLocally();
      } while (this.#again && !this.synced);
      this.#inFlight = null;
    })();
    return this.#inFlight;
  }
}
