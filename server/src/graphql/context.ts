// The per-request GraphQL context: a forked EntityManager, the request id, the logger and the actor.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Loaders } from './loaders.ts';

/** Who is calling, and on what they may act. Identity fills this from the session. */
export interface Actor {
  userId: string;
  roles: string[];
  /** Pooling areas the actor works in (officers, supervisors). */
  poolingAreas: string[];
  agencyId: string | null;
  assessmentOrgId: string | null;
}

export interface Context {
  em: EntityManager;
  requestId: string;
  log: Logger;
  /** null until the caller has signed in. */
  actor: Actor | null;
  clientIp: string | null;
  loaders: Loaders;
}
