// Signing in and out, sessions and own passwords. Sessions live in PostgreSQL so that any server
// process can serve any request.
import { createHash, randomBytes } from 'node:crypto';
import { LockMode, type FilterQuery } from '@mikro-orm/core';
import { parse as parseCookie } from 'cookie';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Session } from './session.entity.ts';
import { User } from './user.entity.ts';
import { dummyHash, hashPassword, verifyPassword } from './password.ts';
import { afterFailure, checkPasswordPolicy, isLocked, SESSION_ABSOLUTE_MS, SESSION_TOUCH_MS, sessionVerdict } from './identity.rules.ts';
import type { Actor, Grant } from '../graphql/context.ts';
import type { AuditTrail } from '../audit/audit.service.ts';
import { AppError, InputError } from '../shared/errors.ts';
import type { Clock } from '../shared/clock.ts';
import { prepared, runPrepared } from '../shared/prepared.ts';
import { factCachesOf } from '../shared/fact-cache.ts';

export const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** The name of the HttpOnly cookie that carries the session token. */
export const SESSION_COOKIE = 'changhu_session';

/** The one answer to every failed sign-in, whether the name is unknown, the password wrong or the account locked. */
const SIGN_IN_FAILED = () => new AppError('UNAUTHENTICATED', 'Wrong username or password, or the account is locked for a while', { reason: 'SIGN_IN_FAILED' });

export interface ResolvedSession {
  actor: Actor | null;
  sessionHash: string | null;
  problem: 'SESSION_EXPIRED' | null;
}

const SESSION_COLUMNS = `s.token_hash, s.created_at, s.last_seen_at, s.revoked_at, u.id as user_id, u.username, u.pooling_area, u.status, u.must_change_password,
  coalesce((select json_agg(json_build_object('role', g.role, 'poolingArea', g.pooling_area, 'agencyId', g.agency_id, 'assessmentOrgId', g.assessment_org_id) order by g.id)
              from role_grant g where g.user_id = u.id), '[]') as grants`;

/** Several sessions (the live connections' check). */
const SESSIONS = prepared('session_lookup', `select ${SESSION_COLUMNS} from session s join app_user u on u.id = s.user_id where s.token_hash = any(?::text[])`);

/**
 * One session (every request): its own statement, because PostgreSQL re-plans `= any(array)` on every execution
 * (the generic plan's guess at the array's length makes it look dearer), which cost three times the lookup itself.
 */
const SESSION = prepared('session_lookup_one', `select ${SESSION_COLUMNS} from session s join app_user u on u.id = s.user_id where s.token_hash = ?`);

const TOUCH = prepared('session_touch', `update session set last_seen_at = ? where token_hash = ?`);

interface SessionRow {
  token_hash: string;
  created_at: string | Date;
  last_seen_at: string | Date;
  revoked_at: string | Date | null;
  user_id: string;
  username: string;
  pooling_area: string | null;
  status: string;
  must_change_password: boolean;
  grants: Grant[];
}

interface SessionFacts {
  tokenHash: string;
  createdAt: Date;
  lastSeenAt: Date;
  revokedAt: Date | null;
  active: boolean;
  actor: Actor;
}

/**
 * Revokes the sessions the filter names (every revocation goes through here), and drops the sessions this process
 * keeps: a bulk update is no flush, so the ORM's subscriber does not see it (the trigger's notification tells the
 * other processes). Returns how many were revoked.
 */
export async function revokeSessions(em: EntityManager, where: FilterQuery<Session>, at: Date, reason: string): Promise<number> {
  const revoked = await em.nativeUpdate(Session, { ...(where as object), revokedAt: null }, { revokedAt: at, revokeReason: reason });
  factCachesOf(em).changed('session');
  return revoked;
}

/** Valid sessions by token hash, as last read (or touched) by this process. */
const sessionCache = (em: EntityManager) => factCachesOf(em).cache<SessionFacts>('sessions', ['session', 'app_user', 'role_grant'], 20_000);

export function actorOf(user: User): Actor {
  const grants: Grant[] = user.grants.getItems().map((g) => ({
    role: g.role,
    poolingArea: g.poolingArea,
    agencyId: g.agency?.id ?? null,
    assessmentOrgId: g.assessmentOrg?.id ?? null,
  }));
  return {
    userId: user.id,
    username: user.username,
    poolingArea: user.poolingArea,
    roles: grants.map((g) => g.role),
    grants,
    mustChangePassword: user.mustChangePassword,
  };
}

export class AuthService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  /** Checks the password and opens a session; returns the token for the cookie. */
  async login(username: string, password: string, meta: { clientIp: string | null; userAgent: string | null }) {
    const name = username.trim().toLowerCase();
    const now = this.clock.now();
    const outcome = await this.em.transactional(async (em) => {
      const user = await em.findOne(User, { username: name }, { populate: ['passwordHash', 'grants'], lockMode: LockMode.PESSIMISTIC_WRITE, lockTableAliases: ['u0'] });
      if (!user) {
        await verifyPassword(password, await dummyHash());
        await this.audit.record(em, null, { operation: 'LOGIN_FAILED', entity: 'User', entityId: null, subject: { userId: null, username: name.slice(0, 40) }, detail: { reason: 'UNKNOWN_USER' } });
        return { ok: false as const };
      }
      const subject = { userId: user.id, username: user.username };
      const passwordOk = await verifyPassword(password, user.passwordHash);
      if (user.status !== 'ACTIVE' || isLocked(user, now) || !passwordOk) {
        const reason = user.status !== 'ACTIVE' ? 'DISABLED' : isLocked(user, now) ? 'LOCKED' : 'WRONG_PASSWORD';
        if (reason === 'WRONG_PASSWORD') {
          const next = afterFailure(user, now);
          user.failedAttempts = next.failedAttempts;
          user.lockedUntil = next.lockedUntil;
          if (next.lockedNow) {
            await this.audit.record(em, null, { operation: 'ACCOUNT_LOCKED', entity: 'User', entityId: user.id, poolingArea: user.poolingArea, subject, detail: { until: next.lockedUntil!.toISOString() } });
          }
        }
        await this.audit.record(em, null, { operation: 'LOGIN_FAILED', entity: 'User', entityId: user.id, poolingArea: user.poolingArea, subject, detail: { reason } });
        return { ok: false as const };
      }
      user.failedAttempts = 0;
      user.lockedUntil = null;
      const token = randomBytes(32).toString('base64url');
      em.create(Session, { tokenHash: sha256(token), user, createdAt: now, lastSeenAt: now, clientIp: meta.clientIp, userAgent: meta.userAgent?.slice(0, 200) ?? null });
      const actor = actorOf(user);
      await this.audit.record(em, actor, { operation: 'LOGIN', entity: 'User', entityId: user.id, poolingArea: user.poolingArea });
      return { ok: true as const, token, actor, sessionHash: sha256(token) };
    });
    if (!outcome.ok) throw SIGN_IN_FAILED();
    return { ...outcome, maxAgeMs: SESSION_ABSOLUTE_MS };
  }

  /** The session of a request, from its Cookie header. */
  resolveCookieHeader(header: string | undefined): Promise<ResolvedSession> {
    return this.resolve(parseCookie(header ?? '')[SESSION_COOKIE]);
  }

  /**
   * Sessions by token hash with their users and grants, in one plain statement: every request asks this first, so
   * it stays off the ORM's entity machinery.
   */
  private async sessionsOf(hashes: readonly string[]): Promise<SessionFacts[]> {
    const rows = hashes.length === 1 ? await runPrepared<SessionRow>(this.em, SESSION, [hashes[0]]) : await runPrepared<SessionRow>(this.em, SESSIONS, [`{${hashes.join(',')}}`]);
    return rows.map((r) => ({
      tokenHash: r.token_hash,
      createdAt: new Date(r.created_at),
      lastSeenAt: new Date(r.last_seen_at),
      revokedAt: r.revoked_at ? new Date(r.revoked_at) : null,
      active: r.status === 'ACTIVE',
      actor: { userId: r.user_id, username: r.username, poolingArea: r.pooling_area, roles: r.grants.map((g) => g.role), grants: r.grants, mustChangePassword: r.must_change_password },
    }));
  }

  /** Finds the actor of a session token; an idle, expired or revoked session gives none. */
  async resolve(token: string | undefined): Promise<ResolvedSession> {
    if (!token) return { actor: null, sessionHash: null, problem: null };
    const hash = sha256(token);
    const now = this.clock.now();
    // A session read within the last touch interval is answered from the process's cache (a revocation, or a
    // change to the user or their grants, empties it); the database decides whenever a touch is due.
    const cache = sessionCache(this.em);
    const cached = cache.get(hash);
    if (cached && sessionVerdict(cached, now) === 'VALID' && now.getTime() - cached.lastSeenAt.getTime() < SESSION_TOUCH_MS) {
      return { actor: cached.actor, sessionHash: hash, problem: null };
    }
    const generation = factCachesOf(this.em).generation;
    const [session] = await this.sessionsOf([hash]);
    if (!session || !session.active) return { actor: null, sessionHash: null, problem: session ? 'SESSION_EXPIRED' : null };
    if (sessionVerdict(session, now) !== 'VALID') return { actor: null, sessionHash: null, problem: 'SESSION_EXPIRED' };
    if (now.getTime() - session.lastSeenAt.getTime() >= SESSION_TOUCH_MS) {
      await runPrepared(this.em, TOUCH, [now.toISOString(), hash]);
      session.lastSeenAt = now;
    }
    cache.set(hash, session, generation);
    return { actor: session.actor, sessionHash: hash, problem: null };
  }

  /**
   * The actors of those sessions (by token hash) that are still valid, without touching them: an open WebSocket is
   * not activity, so a session left alone still ends after its idle time even while live updates flow.
   */
  async stillValid(sessionHashes: readonly string[]): Promise<Map<string, Actor>> {
    const hashes = sessionHashes.filter((h) => /^[0-9a-f]{64}$/.test(h));
    if (hashes.length === 0) return new Map();
    const sessions = await this.sessionsOf(hashes);
    const now = this.clock.now();
    return new Map(sessions.filter((s) => s.active && sessionVerdict(s, now) === 'VALID').map((s) => [s.tokenHash, s.actor]));
  }

  async logout(actor: Actor, sessionHash: string): Promise<void> {
    await this.em.transactional(async (em) => {
      await revokeSessions(em, { tokenHash: sessionHash }, this.clock.now(), 'LOGOUT');
      await this.audit.record(em, actor, { operation: 'LOGOUT', entity: 'User', entityId: actor.userId, poolingArea: actor.poolingArea });
    });
  }

  /** Changes the actor's own password and revokes every other session of theirs. */
  async changePassword(actor: Actor, sessionHash: string, current: string, next: string): Promise<void> {
    await this.em.transactional(async (em) => {
      const user = await em.findOneOrFail(User, { id: actor.userId }, { populate: ['passwordHash'] });
      if (!(await verifyPassword(current, user.passwordHash))) {
        throw new InputError([{ field: 'currentPassword', reason: 'WRONG_PASSWORD', message: 'The current password is wrong' }]);
      }
      const policy = checkPasswordPolicy(next, user.username);
      if (policy) throw new InputError([{ field: 'newPassword', reason: policy, message: policyMessage(policy) }]);
      if (await verifyPassword(next, user.passwordHash)) {
        throw new InputError([{ field: 'newPassword', reason: 'SAME_AS_CURRENT', message: 'Choose a password different from the current one' }]);
      }
      const now = this.clock.now();
      user.passwordHash = await hashPassword(next);
      user.passwordChangedAt = now;
      user.mustChangePassword = false;
      const revoked = await revokeSessions(em, { user: user.id, tokenHash: { $ne: sessionHash } }, now, 'PASSWORD_CHANGED');
      await this.audit.record(em, actor, { operation: 'PASSWORD_CHANGED', entity: 'User', entityId: user.id, poolingArea: user.poolingArea, detail: { otherSessionsRevoked: revoked } });
    });
  }
}

export function policyMessage(reason: string): string {
  switch (reason) {
    case 'TOO_SHORT':
      return 'At least 10 characters';
    case 'TOO_SIMPLE':
      return 'Use at least 3 of: lower case, upper case, digits, other characters';
    case 'TOO_LONG':
      return 'At most 128 characters';
    default:
      return 'The password may not contain the username';
  }
}
