// The settlement module's file endpoints: a claim's XLSX and PDF statement, an area's payment list (XLSX) and
// summary (PDF) for a month, and the settlement dashboard of a range of months (XLSX). Same session and scope as
// GraphQL; written straight into the response.
import express, { type Router } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { fileRequestContext, sendFailure } from '../app/file-routes.ts';
import { BillingService } from './billing.service.ts';
import { writeDashboardXlsx, type DashboardFigures } from './billing-dashboard-export.ts';
import { paymentRows, writeClaimPdf, writeClaimXlsx, writePaymentXlsx, writeSummaryPdf } from './billing-statements.ts';
import { areasWith, requirePermission } from '../identity/identity.access.ts';
import { notFound, requireMonth } from '../shared/errors.ts';
import { systemClock } from '../shared/clock.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function headers(res: express.Response, type: string, filename: string, disposition: 'inline' | 'attachment') {
  res.setHeader('content-type', type);
  res.setHeader('content-disposition', `${disposition}; filename="${filename}"`);
  // Personal data: never cached.
  res.setHeader('cache-control', 'private, no-store');
}

/**
 * A route that writes its document straight into the response: a failure before the first byte is answered as
 * the API's error; one after it can only cut the response off.
 */
const streamed = (write: (req: express.Request, res: express.Response) => Promise<void>): express.RequestHandler => async (req, res, next) => {
  try {
    await write(req, res);
  } catch (e) {
    if (res.headersSent) res.destroy(e as Error);
    else sendFailure(res, e, next);
  }
};

export function billingRoutes(orm: MikroORM): Router {
  const router = express.Router();

  const claimOf = async (req: express.Request) => {
    const { em, audit, actor } = await fileRequestContext(orm, req);
    const c = await new BillingService(em as unknown as EntityManager, systemClock, audit).claim(actor, String(req.params.id));
    return { em: em as unknown as EntityManager, c };
  };
  const areaMonth = async (req: express.Request) => {
    const { em, actor } = await fileRequestContext(orm, req);
    const a = requirePermission(actor, 'claim.read');
    const area = String(req.query.poolingArea ?? '');
    const month = String(req.query.month ?? '');
    if (!areasWith(a, 'claim.read').includes(area)) throw notFound('Pooling area');
    requireMonth(month);
    return { rows: await paymentRows(em as unknown as EntityManager, area, month), area, month };
  };

  router.get('/claims/:id/statement.xlsx', streamed(async (req, res) => {
    const { em, c } = await claimOf(req);
    headers(res, XLSX, `claim-${c.month}-${c.id}.xlsx`, 'attachment');
    await writeClaimXlsx(em, c, res);
  }));

  router.get('/claims/:id/statement.pdf', streamed(async (req, res) => {
    const { em, c } = await claimOf(req);
    headers(res, 'application/pdf', `claim-${c.month}-${c.id}.pdf`, 'inline');
    await writeClaimPdf(em, c, res);
  }));

  router.get('/claims/payment-list.xlsx', streamed(async (req, res) => {
    const { rows, area, month } = await areaMonth(req);
    headers(res, XLSX, `payment-list-${area}-${month}.xlsx`, 'attachment');
    await writePaymentXlsx(rows, area, month, res);
  }));

  router.get('/claims/summary.pdf', streamed(async (req, res) => {
    const { rows, area, month } = await areaMonth(req);
    headers(res, 'application/pdf', `settlement-summary-${area}-${month}.pdf`, 'inline');
    await writeSummaryPdf(rows, area, month, res);
  }));

  // The dashboard's figures as the settlementDashboard query has them: the service checks the permission, the area
  // (NOT_FOUND outside the actor's) and the months (BAD_USER_INPUT on `from` or `to`).
  router.get('/claims/dashboard.xlsx', streamed(async (req, res) => {
    const { em, audit, actor } = await fileRequestContext(orm, req);
    const [area, from, to] = (['poolingArea', 'from', 'to'] as const).map((k) => String(req.query[k] ?? '')) as [string, string, string];
    const d = (await new BillingService(em as unknown as EntityManager, systemClock, audit).dashboard(actor, area, from, to)) as DashboardFigures;
    headers(res, XLSX, `settlement-dashboard-${area}-${from}-${to}.xlsx`, 'attachment');
    await writeDashboardXlsx(d, res);
  }));

  return router;
}
