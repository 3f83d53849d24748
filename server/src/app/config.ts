// Configuration from environment variables; README lists every one.
import path from 'node:path';

export interface Config {
  env: 'production' | 'development' | 'test';
  port: number;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  pgPort: number | null;
  seedDemo: boolean;
  introspection: boolean;
  logLevel: string;
  maxDepth: number;
  maxCost: number;
  clientDir: string;
  shutdownGraceMs: number;
  /** Mark the session cookie Secure (HTTPS only). */
  cookieSecure: boolean;
  /** How often open WebSockets have their session re-checked (closed once it expired or was revoked). */
  wsSessionCheckMs: number;
}

export const ROOT = path.resolve(import.meta.dirname, '../../..');

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

function bool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const mode = env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  return {
    env: mode,
    port: int(env.PORT, 4000, 'PORT'),
    host: env.HOST || '0.0.0.0',
    databaseUrl: env.DATABASE_URL || null,
    dataDir: path.resolve(ROOT, env.DATA_DIR || '.data'),
    pgPort: env.PG_PORT ? int(env.PG_PORT, 0, 'PG_PORT') : null,
    seedDemo: bool(env.SEED_DEMO, mode !== 'production'),
    introspection: bool(env.GRAPHQL_INTROSPECTION, mode !== 'production'),
    logLevel: env.LOG_LEVEL || (mode === 'test' ? 'silent' : 'info'),
    maxDepth: int(env.GRAPHQL_MAX_DEPTH, 10, 'GRAPHQL_MAX_DEPTH'),
    maxCost: int(env.GRAPHQL_MAX_COST, 5000, 'GRAPHQL_MAX_COST'),
    clientDir: path.resolve(ROOT, env.CLIENT_DIR || 'client/dist'),
    shutdownGraceMs: int(env.SHUTDOWN_GRACE_MS, 10000, 'SHUTDOWN_GRACE_MS'),
    cookieSecure: bool(env.COOKIE_SECURE, mode === 'production'),
    wsSessionCheckMs: Math.max(100, int(env.WS_SESSION_CHECK_MS, 60_000, 'WS_SESSION_CHECK_MS')),
  };
}
