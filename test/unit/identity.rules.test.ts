import { describe, expect, it } from 'vitest';
import { afterFailure, checkPasswordPolicy, isLocked, LOCKOUT_MS, sessionVerdict } from '../../server/src/identity/identity.rules.ts';
import { hashPassword, verifyPassword } from '../../server/src/identity/password.ts';
import { hasPermission, ROLE_PERMISSIONS, ROLES } from '../../server/src/identity/permissions.ts';

const t0 = new Date('2026-11-23T02:00:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);
const MIN = 60_000;

describe('password policy', () => {
  it.each([
    ['Short1!', 'TOO_SHORT'],
    ['alllowercaseletters', 'TOO_SIMPLE'],
    ['lowercase123456', 'TOO_SIMPLE'],
    ['Lower-case-only', null],
    ['Mixed12345', null],
    ['zhang.san-Pw1', 'CONTAINS_USERNAME'],
  ])('%s → %s', (password, expected) => {
    expect(checkPasswordPolicy(password, 'zhang.san')).toBe(expected);
  });
});

describe('lockout', () => {
  it('locks on the fifth failure in a row for 15 minutes', () => {
    let state = { failedAttempts: 0, lockedUntil: null as Date | null };
    for (let i = 1; i <= 4; i++) {
      const next = afterFailure(state, t0);
      expect(next.lockedNow).toBe(false);
      state = next;
    }
    const fifth = afterFailure(state, t0);
    expect(fifth.lockedNow).toBe(true);
    expect(fifth.lockedUntil).toEqual(later(LOCKOUT_MS));
    expect(isLocked(fifth, later(14 * MIN))).toBe(true);
    expect(isLocked(fifth, later(15 * MIN))).toBe(false);
  });

  it('starts counting afresh once a lock has run out', () => {
    const expired = { failedAttempts: 0, lockedUntil: later(-1) };
    expect(afterFailure(expired, t0)).toMatchObject({ failedAttempts: 1, lockedNow: false, lockedUntil: null });
  });
});

describe('session expiry', () => {
  const s = { createdAt: t0, lastSeenAt: t0, revokedAt: null };
  it('ends after 30 idle minutes', () => {
    expect(sessionVerdict(s, later(29 * MIN))).toBe('VALID');
    expect(sessionVerdict(s, later(30 * MIN))).toBe('IDLE');
  });
  it('ends 12 hours after sign-in however active', () => {
    expect(sessionVerdict({ ...s, lastSeenAt: later(12 * 60 * MIN - 1) }, later(12 * 60 * MIN))).toBe('EXPIRED');
  });
  it('ends when revoked', () => {
    expect(sessionVerdict({ ...s, revokedAt: t0 }, t0)).toBe('REVOKED');
  });
});

describe('password hashing', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('Correct-Horse-1');
    const b = await hashPassword('Correct-Horse-1');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('Correct-Horse-1', a)).toBe(true);
    expect(await verifyPassword('Correct-Horse-2', a)).toBe(false);
  });
});

describe('permissions', () => {
  it('gives every role at least one verb and only the administrator user management', () => {
    for (const r of ROLES) expect(ROLE_PERMISSIONS[r].length).toBeGreaterThan(0);
    expect(ROLES.filter((r) => hasPermission([r], 'user.manage'))).toEqual(['SYSTEM_ADMIN']);
  });
});
