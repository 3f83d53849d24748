// GraphQL subscriptions over WebSocket (the graphql-transport-ws protocol of graphql-ws) on the HTTP server's
// port and path: ws://host/graphql. Signed in by the session cookie of the upgrade request, like HTTP; refused
// across sites; each open socket's session is re-checked periodically and the socket closed once it has ended.
// Queries and mutations stay on HTTP, where the cost limit, CSRF prevention and request logs live.
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import { GraphQLError, getOperationAST, parse, specifiedRules, validate, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Actor, Context } from '../graphql/context.ts';
import { makeFormatError } from '../graphql/errors.ts';
import { depthLimitRule, operationCost } from '../graphql/limits.ts';
import { createLoaders } from '../graphql/loaders.ts';
import { AuditTrail } from '../audit/audit.service.ts';
import { AuthService } from '../identity/auth.service.ts';
import { systemClock } from '../shared/clock.ts';

/** Close codes of graphql-ws's protocol that we use ourselves. */
export const CLOSE_UNAUTHORIZED = 4401;
export const CLOSE_FORBIDDEN = 4403;
/** A client may keep this many subscriptions open on one socket: a screen needs a handful. */
const MAX_SUBSCRIPTIONS_PER_SOCKET = 20;
/** Subscribe messages are small; ws would otherwise accept 100 MiB. */
const MAX_MESSAGE_BYTES = 64 * 1024;
const REQUEST_ID = /^[\w-]{1,64}$/;

/** One signed-in socket. `actor` is replaced when the periodic check finds the user's grants changed. */
interface LiveConnection {
  id: string;
  actor: Actor;
  sessionHash: string;
  clientIp: string | null;
  userAgent: string | null;
  log: Logger;
}

export interface LiveUpdates {
  /** Closes every socket ("going away", so clients reconnect to another process) and stops accepting. */
  close(graceMs: number): Promise<void>;
}

export function attachSubscriptions(server: http.Server, schema: GraphQLSchema, orm: MikroORM, config: Config, log: Logger): LiveUpdates {
  // Our own upgrade handler rather than ws's `server` option, which would also forward the HTTP server's errors
  // (a port in use) to the WebSocket server.
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const onUpgrade = (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    if (String(request.url).split('?')[0] !== '/graphql') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  };
  server.on('upgrade', onUpgrade);
  const connections = new Map<WebSocket, LiveConnection>();
  const formatError = makeFormatError(log, { exposeStack: false });
  // Refusals made here carry their code already; anything else gets HTTP's mapping and masking.
  const refusals = new WeakSet<GraphQLError>();
  const refuse = (message: string, extensions: Record<string, unknown>) => {
    const e = new GraphQLError(message, { extensions });
    refusals.add(e);
    return e;
  };
  const format = (errors: readonly GraphQLError[]) => errors.map((e) => (refusals.has(e) ? e.toJSON() : formatError(e.toJSON(), e)));

  const disposable = useServer(
    {
      schema,
      // Never put error text into close reasons, whatever NODE_ENV says: it may carry SQL.
      isProd: true,

      onConnect: async (ctx) => {
        const { socket, request } = ctx.extra;
        // A page of another site may open a socket to us with the user's cookie: only our own pages may.
        if (isCrossSite(request)) {
          log.warn({ origin: request.headers.origin }, 'websocket refused: cross-site');
          return false; // graphql-ws closes with 4403 Forbidden
        }
        const id = requestIdOf(request);
        const clientIp = clientIpOf(request);
        try {
          const session = await new AuthService(orm.em.fork(), systemClock, new AuditTrail({ requestId: id, clientIp })).resolveCookieHeader(request.headers.cookie);
          if (!session.actor || !session.sessionHash) {
            socket.close(CLOSE_UNAUTHORIZED, 'Unauthorized');
            return false;
          }
          // The client may have gone while we asked the database: onClose has run already, keep nothing.
          if (socket.readyState !== socket.OPEN) return false;
          const connLog = log.child({ ws: id, user: session.actor.username });
          connections.set(socket, { id, actor: session.actor, sessionHash: session.sessionHash, clientIp, userAgent: request.headers['user-agent'] ?? null, log: connLog });
          connLog.debug('websocket signed in');
          return true;
        } catch (err) {
          log.error({ err, ws: id }, 'websocket sign-in failed');
          socket.close(4500, 'Internal server error');
          return false;
        }
      },

      onSubscribe: (ctx, _id, payload) => {
        const conn = connections.get(ctx.extra.socket);
        // A message that arrived just before its socket was closed for an ended session.
        if (!conn) return [refuse('Your session has ended; sign in again', { code: 'UNAUTHENTICATED', reason: 'SESSION_EXPIRED' })];
        if (Object.keys(ctx.subscriptions).length > MAX_SUBSCRIPTIONS_PER_SOCKET) {
          return [refuse(`At most ${MAX_SUBSCRIPTIONS_PER_SOCKET} subscriptions on one connection`, { code: 'BAD_REQUEST' })];
        }
        let document: DocumentNode;
        try {
          document = parse(payload.query);
        } catch (e) {
          return [e instanceof GraphQLError ? withCode(e, 'GRAPHQL_PARSE_FAILED') : refuse('Syntax error', { code: 'GRAPHQL_PARSE_FAILED' })];
        }
        const invalid = validate(schema, document, [...specifiedRules, depthLimitRule(config.maxDepth)]);
        if (invalid.length) return invalid.map((e) => (e.extensions.code || e.extensions.limitCode ? e : withCode(e, 'GRAPHQL_VALIDATION_FAILED')));
        const operation = getOperationAST(document, payload.operationName);
        if (operation?.operation !== 'subscription') {
          return [refuse('Only subscriptions go over WebSocket; send queries and mutations to POST /graphql', { code: 'BAD_REQUEST' })];
        }
        let cost: number;
        try {
          cost = operationCost(schema, document, payload.operationName, payload.variables);
        } catch (e) {
          // Variables that do not fit the operation.
          return [refuse(e instanceof Error ? e.message : 'Invalid variables', { code: 'BAD_USER_INPUT' })];
        }
        if (cost > config.maxCost) {
          return [refuse(`Query cost ${cost} exceeds the limit of ${config.maxCost}`, { code: 'QUERY_TOO_COSTLY', cost, maxCost: config.maxCost })];
        }
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: operationContext(conn),
        };
      },

      // Errors get the same codes and masking as over HTTP (a FORBIDDEN at subscribe time arrives as a result).
      onNext: (_ctx, _id, _payload, _args, result: ExecutionResult) => (result.errors ? { ...result, errors: format(result.errors) } : undefined),
      onError: (_ctx, _id, _payload, errors) => format(errors),

      onClose: (ctx, code) => {
        // Every subscription of the socket has been ended by graphql-ws before this (their PubSub queues freed).
        const conn = connections.get(ctx.extra.socket);
        connections.delete(ctx.extra.socket);
        conn?.log.debug({ code }, 'websocket closed');
      },
    },
    wss,
  );

  /**
   * The context of one subscription: the shape of HTTP's, with its own EntityManager. It lives as long as the
   * subscription and serves every event's resolvers: a resolver that loads entities should clear it.
   */
  function operationContext(conn: LiveConnection): Context {
    const em = orm.em.fork() as Context['em'];
    return {
      em,
      requestId: conn.id,
      log: conn.log,
      // Read through the connection, so that filters see the actor as last re-checked.
      get actor() {
        return conn.actor;
      },
      sessionProblem: null,
      sessionHash: conn.sessionHash,
      clientIp: conn.clientIp,
      userAgent: conn.userAgent,
      audit: new AuditTrail({ requestId: conn.id, clientIp: conn.clientIp }),
      loaders: createLoaders(em),
      cookie: {
        set: () => {
          throw new Error('No cookie can be set over a WebSocket');
        },
        clear: () => {
          throw new Error('No cookie can be cleared over a WebSocket');
        },
      },
    };
  }

  // One statement every interval re-checks every open socket's session; there is no session-ended notification to
  // wait for, and sessions also end by the clock (idle, absolute).
  let checking = false;
  const checkSessions = async () => {
    if (checking || connections.size === 0) return;
    checking = true;
    try {
      // Only the sockets open when asking: one that signs in meanwhile is not in the answer, and is not stale.
      const checked = [...connections];
      const hashes = [...new Set(checked.map(([, c]) => c.sessionHash))];
      const valid = await new AuthService(orm.em.fork(), systemClock, new AuditTrail({ requestId: 'session-check', clientIp: null })).stillValid(hashes);
      for (const [socket, conn] of checked) {
        if (connections.get(socket) !== conn) continue; // closed meanwhile
        const actor = valid.get(conn.sessionHash);
        if (actor) {
          conn.actor = actor;
        } else {
          conn.log.info('websocket closed: the session ended');
          connections.delete(socket);
          socket.close(CLOSE_UNAUTHORIZED, 'Unauthorized');
        }
      }
    } catch (err) {
      // The database is away: keep the sockets, try again next time.
      log.error({ err }, 'websocket session check failed');
    } finally {
      checking = false;
    }
  };
  const timer = setInterval(() => void checkSessions(), config.wsSessionCheckMs);
  timer.unref();

  return {
    async close(graceMs) {
      clearInterval(timer);
      server.off('upgrade', onUpgrade);
      // dispose() closes each socket with 1001 and waits for the closing handshakes; a client that does not answer
      // is cut off after the grace period rather than holding up shutdown for ws's 30 s.
      const force = setTimeout(() => {
        for (const socket of wss.clients) socket.terminate();
      }, graceMs);
      try {
        await disposable.dispose();
      } finally {
        clearTimeout(force);
      }
    },
  };
}

function withCode(e: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(e.message, { nodes: e.nodes, source: e.source, positions: e.positions, path: e.path, originalError: e.originalError, extensions: { ...e.extensions, code } });
}

/** A browser always sends Origin on a WebSocket upgrade; it must name this host. Other clients send none. */
export function isCrossSite(request: http.IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  try {
    return new URL(origin).host.toLowerCase() !== (request.headers.host ?? '').toLowerCase();
  } catch {
    return true; // "null" (a sandboxed frame, a file) or garbage
  }
}

function requestIdOf(request: http.IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** The client's address as Express's `trust proxy: loopback` gives it for HTTP: skip this machine's proxies. */
function clientIpOf(request: http.IncomingMessage): string | null {
  const forwarded = String(request.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean)
    .reverse();
  const chain = [request.socket.remoteAddress ?? '', ...forwarded].filter(Boolean);
  const loopback = (a: string) => a === '::1' || a.startsWith('127.') || a.startsWith('::ffff:127.');
  return chain.find((a) => !loopback(a)) ?? chain.at(-1) ?? null;
}
