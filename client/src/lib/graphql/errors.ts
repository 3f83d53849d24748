// Turns urql's CombinedError into what the screens show: field errors next to their inputs, one banner otherwise.
import type { CombinedError } from '@urql/core';

export interface FieldProblem {
  /** The input field without the `input.` prefix, e.g. `idNumber`. */
  field: string;
  reason: string;
  message: string;
}

export interface Problem {
  /** `extensions.code`, or NETWORK when the server could not be reached. */
  code: string;
  /** `extensions.reason` for CONFLICT, e.g. STALE_VERSION. */
  reason: string | null;
  /** `extensions.state` for CONFLICT in a workflow: the state the record is in now, e.g. WITHDRAWN. */
  state?: string | null;
  message: string;
  fieldErrors: FieldProblem[];
}

/** The outcome of a read: the data, or the problem to show instead. */
export type Loaded<T> = { ok: true; value: T } | { ok: false; problem: Problem };

/** A response with neither data nor errors; the server should never send one. */
export const noDataProblem = (): Problem => ({ code: 'UNKNOWN', reason: null, message: '', fieldErrors: [] });

const stripInput = (path: string) => path.replace(/^input\./, '');

export function toProblem(error: CombinedError): Problem {
  const first = error.graphQLErrors[0];
  if (!first) {
    return { code: 'NETWORK', reason: null, message: error.networkError?.message ?? error.message, fieldErrors: [] };
  }
  const ext = (first.extensions ?? {}) as Record<string, unknown>;
  const raw = Array.isArray(ext.fieldErrors) ? (ext.fieldErrors as { field?: unknown; reason?: unknown; message?: unknown }[]) : [];
  const fieldErrors = raw
    .filter((e) => typeof e.field === 'string')
    .map((e) => ({ field: stripInput(String(e.field)), reason: String(e.reason ?? ''), message: String(e.message ?? '') }));
  return {
    code: typeof ext.code === 'string' ? ext.code : 'INTERNAL_SERVER_ERROR',
    reason: typeof ext.reason === 'string' ? ext.reason : null,
    state: typeof ext.state === 'string' ? ext.state : null,
    message: first.message,
    fieldErrors,
  };
}

/** The first error per field: one message next to an input is enough to act on. */
export function byField(problem: Problem | null): Record<string, FieldProblem> {
  const out: Record<string, FieldProblem> = {};
  for (const e of problem?.fieldErrors ?? []) out[e.field] ??= e;
  return out;
}
