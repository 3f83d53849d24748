// Domain errors: services throw these; the GraphQL layer maps them to `extensions.code` in one place.
import { isMonth } from './dates.ts';

export const ERROR_CODES = ['BAD_USER_INPUT', 'NOT_FOUND', 'UNAUTHENTICATED', 'FORBIDDEN', 'CONFLICT'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldError {
  /** Path of the offending input field, e.g. `input.idNumber`. */
  field: string;
  /** Stable machine reason, e.g. `CHECK_DIGIT`; the client turns it into words. */
  reason: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { fieldErrors?: FieldError[]; reason?: string; /** The current state, for a refused transition. */ state?: string; /** Facts behind a refusal that a client shows (dates, the clashing record). */ facts?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export class InputError extends AppError {
  constructor(readonly fieldErrors: FieldError[]) {
    super('BAD_USER_INPUT', fieldErrors.map((e) => `${e.field}: ${e.message}`).join('; '), { fieldErrors });
  }
}

/** Checks that `value` is a month as YYYY-MM; the error names `field`. */
export function requireMonth(value: string, field = 'month'): void {
  if (!isMonth(value)) throw new InputError([{ field, reason: 'MONTH', message: 'YYYY-MM' }]);
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
export const conflict = (message: string, reason?: string) => new AppError('CONFLICT', message, { reason });

/** Collects field errors while checking an input, then throws them together. */
export class FieldErrors {
  readonly list: FieldError[] = [];
  constructor(private readonly prefix = 'input') {}
  add(field: string, reason: string, message: string): void {
    this.list.push({ field: this.prefix ? `${this.prefix}.${field}` : field, reason, message });
  }
  has(field: string): boolean {
    return this.list.some((e) => e.field === `${this.prefix}.${field}`);
  }
  throwIfAny(): void {
    if (this.list.length > 0) throw new InputError(this.list);
  }
}
