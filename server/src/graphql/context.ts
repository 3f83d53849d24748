// The per-request GraphQL context: a forked EntityManager, the request id, the logger, the actor and the session.
import type { Jobs } from '../app/jobs.ts';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Loaders } from './loaders.ts';
import type { Role } from '../identity/permissions.ts';
import type { AuditTrail } from '../audit/audit.service.ts';

/** One role a user holds with the scope it is bound to. */
export interface Grant {
  role: Role;
  poolingArea: string | null;
  agencyId: string | null;
  assessmentOrgId: string | null;
}

/** Who is calling, and on what they may act. */
export interface Actor {
  userId: string;
  username: string;
  /** The pooling area the user works in (null for administrators). */
  poolingArea: string | null;
  roles: Role[];
  grants: Grant[];
  mustChangePassword: boolean;
}

export interface SessionCookie {
  /** Sets the session cookie on the response (login). */
  set(token: string, maxAgeMs: number): void;
  /** Clears it (logout). */
  clear(): void;
}

export interface Context {
  em: EntityManager;
  requestId: string;
  log: Logger;
  /** null until the caller has signed in. */
  actor: Actor | null;
  /** Why there is no actor although a session cookie came: it expired or was revoked. */
  sessionProblem: 'SESSION_EXPIRED' | null;
  /** SHA-256 of the current session's token, when signed in. */
  sessionHash: string | null;
  clientIp: string | null;
  userAgent: string | null;
  cookie: SessionCookie;
  audit: AuditTrail;
  /** Background jobs (pg-boss), where the process runs them. */
  jobs?: Jobs | null;
  loaders: Loaders;
}
