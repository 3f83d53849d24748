// Pure rules of sign-in: password policy, lockout and session expiry. Facts and `now` in, decisions out.

export const PASSWORD_MIN_LENGTH = 10;
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MS = 15 * 60_000;
export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000;
/** last_seen_at is written at most this often, so reads do not each cost a write. */
export const SESSION_TOUCH_MS = 60_000;

export type PasswordRejection = 'TOO_SHORT' | 'TOO_SIMPLE' | 'TOO_LONG' | 'CONTAINS_USERNAME';

/** At least 10 characters with 3 of the 4 classes: lower case, upper case, digits, other characters. */
export function checkPasswordPolicy(password: string, username?: string): PasswordRejection | null {
  if (password.length < PASSWORD_MIN_LENGTH) return 'TOO_SHORT';
  if (password.length > 128) return 'TOO_LONG';
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((re) => re.test(password)).length;
  if (classes < 3) return 'TOO_SIMPLE';
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) return 'CONTAINS_USERNAME';
  return null;
}

export interface LoginState {
  failedAttempts: number;
  lockedUntil: Date | null;
}

export function isLocked(state: LoginState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/** The state after a failed attempt: the fifth failure in a row locks the account for 15 minutes. */
export function afterFailure(state: LoginState, now: Date): LoginState & { lockedNow: boolean } {
  // A lock that has run out starts a fresh count.
  const base = state.lockedUntil && !isLocked(state, now) ? 0 : state.failedAttempts;
  const failedAttempts = base + 1;
  if (failedAttempts >= MAX_FAILED_ATTEMPTS) {
    return { failedAttempts: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MS), lockedNow: true };
  }
  return { failedAttempts, lockedUntil: null, lockedNow: false };
}

export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
  revokedAt: Date | null;
}

export type SessionVerdict = 'VALID' | 'REVOKED' | 'IDLE' | 'EXPIRED';

export function sessionVerdict(s: SessionTimes, now: Date): SessionVerdict {
  if (s.revokedAt) return 'REVOKED';
  if (now.getTime() - s.createdAt.getTime() >= SESSION_ABSOLUTE_MS) return 'EXPIRED';
  if (now.getTime() - s.lastSeenAt.getTime() >= SESSION_IDLE_MS) return 'IDLE';
  return 'VALID';
}
