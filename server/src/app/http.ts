// One HTTP server on one port: GraphQL at /graphql (HTTP, and WebSocket for subscriptions), probes, and the built
// client with SPA fallback.
import express from 'express';
import http from 'node:http';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { pinoHttp } from 'pino-http';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { buildAppSchema } from './schema.ts';
import { attachSubscriptions, type LiveUpdates } from './websocket.ts';
import { isReady } from './database.ts';
import { makeFormatError } from '../graphql/errors.ts';
import { costLimitPlugin, depthLimitRule } from '../graphql/limits.ts';
import { createLoaders } from '../graphql/loaders.ts';
import { legacyJsonStatusPlugin } from '../graphql/http-status.ts';
import { serialize as serializeCookie } from 'cookie';
import type { Jobs } from './jobs.ts';
import { AuditTrail } from '../audit/audit.service.ts';
import { AuthService, SESSION_COOKIE } from '../identity/auth.service.ts';
import { assessmentRoutes } from '../assessment/assessment.http.ts';
import { carePlanRoutes } from '../careplan/careplan.http.ts';
import { visitRoutes } from '../visits/visits.http.ts';
import { billingRoutes } from '../billing/billing.http.ts';
import { systemClock } from '../shared/clock.ts';
import type { PgPubSub } from '../shared/pubsub.ts';

import type { Context } from '../graphql/context.ts';

const REQUEST_ID = /^[\w-]{1,64}$/;

export interface HttpApp {
  server: http.Server;
  apollo: ApolloServer<Context>;
  live: LiveUpdates;
}

export async function createHttpApp(config: Config, orm: MikroORM, log: Logger, pubSub: PgPubSub, jobs: Jobs | null = null): Promise<HttpApp> {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  const server = http.createServer(app);
  const schema = await buildAppSchema(pubSub);

  const apollo = new ApolloServer<Context>({
    schema,
    csrfPrevention: true,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    validationRules: [depthLimitRule(config.maxDepth)],
    formatError: makeFormatError(log, { exposeStack: false }),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      ApolloServerPluginLandingPageDisabled(),
      costLimitPlugin(schema, config.maxCost),
      legacyJsonStatusPlugin,
    ],
  });
  await apollo.start();

  app.use(
    pinoHttp({
      logger: log,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      // Paths only: query strings may carry GraphQL variables with personal data.
      serializers: {
        req: (req) => ({ id: req.id, method: req.method, path: String(req.url).split('?')[0] }),
        res: (res) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
    }),
  );

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const ready = await isReady(orm);
    res.status(ready.ok ? 200 : 503).json(ready.ok ? { status: 'ready' } : { status: 'not ready', reason: ready.reason });
  });

  app.use(
    '/graphql',
    express.json({ limit: '1mb', type: ['application/json', 'application/graphql-response+json'] }),
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<Context> => {
        const em = orm.em.fork() as Context['em'];
        const requestId = String(req.id);
        const clientIp = req.ip ?? null;
        const audit = new AuditTrail({ requestId, clientIp });
        const session = await new AuthService(em, systemClock, audit).resolveCookieHeader(req.headers.cookie);
        const secure = config.cookieSecure || req.secure;
        const writeCookie = (value: string, maxAge: number) =>
          res.append('set-cookie', serializeCookie(SESSION_COOKIE, value, { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge }));
        return {
          em,
          requestId,
          log: req.log,
          actor: session.actor,
          sessionProblem: session.problem,
          sessionHash: session.sessionHash,
          clientIp,
          userAgent: req.headers['user-agent'] ?? null,
          audit,
          jobs,
          loaders: createLoaders(em),
          cookie: {
            set: (value, maxAgeMs) => writeCookie(value, Math.floor(maxAgeMs / 1000)),
            clear: () => writeCookie('', 0),
          },
        };
      },
    }),
  );

  app.use('/api', assessmentRoutes(orm));
  app.use('/api', carePlanRoutes(orm));
  app.use('/api', visitRoutes(orm));
  app.use('/api', billingRoutes(orm));

  const index = path.join(config.clientDir, 'index.html');
  app.use(express.static(config.clientDir, { index: false, maxAge: '1h', fallthrough: true }));
  // SPA fallback: any other GET that wants a page gets the client's index.html.
  app.get(/^(?!\/graphql|\/api\/).*/, (req, res, next) => {
    if (!req.accepts('html')) return next();
    if (!existsSync(index)) {
      res.status(503).type('text/plain').send('The client is not built: run `npm run build:client`.');
      return;
    }
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
  const live = attachSubscriptions(server, schema, orm, config, log);
  return { server, apollo, live };
}
