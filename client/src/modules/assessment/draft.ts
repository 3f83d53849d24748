// The assessor's form as a draft: what it holds, where a copy lives on the device, and which copy wins on load.
//
// On site the network comes and goes, and a tablet may reload or run out of battery mid-form. So every change is
// written to localStorage at once (per user and task), and to the server debounced and on demand. The server tells
// a draft's age only by its optimistic-lock `version`; the local copy remembers the version it was last in step
// with (`baseVersion`) and whether it holds changes the server has not seen (`synced`). That is enough to choose.
import { whenSessionEnds } from '../../lib/auth/auth';
import { fromShanghaiInput, toShanghaiInput } from '../../lib/format';
import type { AssessmentFormInput } from '../../lib/gql/graphql';
import { cleanAnswers, type ItemCode } from './standard';

export interface FormValues {
  answers: Partial<Record<ItemCode, number>>;
  notes: string;
  /** As the datetime-local input holds it, in Beijing time (YYYY-MM-DDTHH:mm). */
  visitedAt: string;
  visitPlace: string;
  visitLongitude: number | null;
  visitLatitude: number | null;
}

export interface LocalDraft {
  v: 1;
  values: FormValues;
  /** When the assessor last changed it (device clock, ms). */
  editedAt: number;
  /** The server version this copy was last loaded from or saved as. */
  baseVersion: number;
  /** False while it holds changes not yet saved to the server. */
  synced: boolean;
}

/** What the server holds for a task, as far as the draft goes. */
export interface ServerDraft {
  version: number;
  answers: Record<string, unknown>;
  notes?: string | null;
  visitedAt?: string | null;
  visitPlace?: string | null;
  visitLongitude?: number | null;
  visitLatitude?: number | null;
}

export type DraftSource = 'server' | 'local';

export interface DraftChoice {
  values: FormValues;
  source: DraftSource;
  /** The local copy has changes the server has not seen: save them. */
  push: boolean;
  /** Both changed since they were last in step (e.g. another device saved meanwhile); the local copy was kept. */
  diverged: boolean;
}

const PREFIX = 'changhu.assessmentDraft.';
const keyOf = (userId: string, taskId: string) => `${PREFIX}${userId}.${taskId}`;

/** The server's draft as form values; an empty time and place start as now and the person's address. */
export function valuesFromServer(s: ServerDraft, defaults: { now: Date; address: string }): FormValues {
  return {
    answers: cleanAnswers(s.answers),
    notes: s.notes ?? '',
    visitedAt: s.visitedAt ? toShanghaiInput(s.visitedAt) : toShanghaiInput(defaults.now),
    visitPlace: s.visitPlace ?? defaults.address,
    visitLongitude: s.visitLongitude ?? null,
    visitLatitude: s.visitLatitude ?? null,
  };
}

/**
 * Which draft to show: the local copy when it holds unsaved changes, else the server's (which is then at least as
 * new). When both moved on since they were last in step, the local copy is kept, because it is what the person
 * holding this device last saw and did, and the page offers the server's instead.
 */
export function chooseDraft(local: LocalDraft | null, server: ServerDraft, defaults: { now: Date; address: string }): DraftChoice {
  const fromServer = (): DraftChoice => ({ values: valuesFromServer(server, defaults), source: 'server', push: false, diverged: false });
  if (!local || local.synced) return fromServer();
  return { values: local.values, source: 'local', push: local.baseVersion >= server.version, diverged: local.baseVersion < server.version };
}

/** The API's input for the form; points only for the standard's items. */
export function toFormInput(v: FormValues): AssessmentFormInput {
  const num = (n: number | null | undefined) => (typeof n === 'number' && Number.isFinite(n) ? n : null);
  return {
    answers: { ...v.answers },
    notes: v.notes.trim() || null,
    visitedAt: fromShanghaiInput(v.visitedAt),
    visitPlace: v.visitPlace.trim() || null,
    visitLongitude: num(v.visitLongitude),
    visitLatitude: num(v.visitLatitude),
  };
}

function isLocalDraft(x: unknown): x is LocalDraft {
  const d = x as LocalDraft | null;
  return !!d && d.v === 1 && typeof d.values === 'object' && typeof d.baseVersion === 'number' && typeof d.synced === 'boolean';
}

// Storage may be disabled or full (private mode, policies): the draft then lives on the server only.

export function readLocal(userId: string, taskId: string): LocalDraft | null {
  try {
    const raw = localStorage.getItem(keyOf(userId, taskId));
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    return isLocalDraft(parsed) ? { ...parsed, values: { ...parsed.values, answers: cleanAnswers(parsed.values.answers) } } : null;
  } catch {
    return null;
  }
}

/** Writes the local copy; false when the device would not keep it. */
export function writeLocal(userId: string, taskId: string, draft: LocalDraft): boolean {
  try {
    localStorage.setItem(keyOf(userId, taskId), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function removeLocal(userId: string, taskId: string): void {
  try {
    localStorage.removeItem(keyOf(userId, taskId));
  } catch {
    // Nothing kept, nothing to remove.
  }
}

/**
 * Removes the drafts the server already has. Run when a user signs out: what is on the server needs no copy on a
 * device someone else may use next. Unsaved drafts stay (only their author, signed in again, is shown them), since
 * losing an on-site assessment would mean visiting the person again.
 */
export function forgetSyncedDrafts(): void {
  try {
    for (let i = localStorage.length - 1; i >= 0; i--) {
      const key = localStorage.key(i);
      if (!key?.startsWith(PREFIX)) continue;
      const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? 'null');
      if (!isLocalDraft(parsed) || parsed.synced) localStorage.removeItem(key);
    }
  } catch {
    // Storage unavailable: nothing was kept.
  }
}

whenSessionEnds((notice) => {
  if (notice === 'signedOut') forgetSyncedDrafts();
});
