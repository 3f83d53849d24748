// What the modules' file endpoints (PDF, documents) share: the request's session and audit trail, and
// domain errors as JSON with the same codes and status as the GraphQL API.
import type express from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import { AuthService } from '../identity/auth.service.ts';
import { AuditTrail } from '../audit/audit.service.ts';
import { AppError } from '../shared/errors.ts';
import { systemClock } from '../shared/clock.ts';

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };

/** A fresh EntityManager, the audit trail of this request and who is calling (by the session cookie). */
export async function fileRequestContext(orm: MikroORM, req: express.Request) {
  const em = orm.em.fork();
  const audit = new AuditTrail({ requestId: String(req.id), clientIp: req.ip ?? null });
  const session = await new AuthService(em, systemClock, audit).resolveCookieHeader(req.headers.cookie);
  return { em, audit, actor: session.actor };
}

/** Answers a domain error as JSON; anything else goes to the app's error handler (masked). */
export function sendFailure(res: express.Response, e: unknown, next: express.NextFunction): void {
  if (e instanceof AppError) {
    res.status(STATUS[e.code] ?? 400).json({ error: { code: e.code, message: e.message, ...(e.details.fieldErrors ? { fieldErrors: e.details.fieldErrors } : {}), ...(e.details.reason ? { reason: e.details.reason } : {}), ...(e.details.state ? { state: e.details.state } : {}) } });
    return;
  }
  next(e);
}

/** Sends a generated PDF inline, never cached (it holds personal data). */
export function sendPdf(res: express.Response, pdf: Buffer, filename: string): void {
  res.setHeader('content-type', 'application/pdf');
  res.setHeader('content-disposition', `inline; filename="${filename}"`);
  res.setHeader('cache-control', 'private, no-store');
  res.send(pdf);
}
