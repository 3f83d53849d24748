// The visits module's file endpoint: a visit's drawn signature, to those who may read the visit.
import express, { type Router } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import { fileRequestContext, sendFailure } from '../app/file-routes.ts';
import { VisitsService } from './visits.service.ts';
import { notFound } from '../shared/errors.ts';
import { systemClock } from '../shared/clock.ts';

export function visitRoutes(orm: MikroORM): Router {
  const router = express.Router();
  router.get('/visits/:id/signature', async (req, res, next) => {
    try {
      const { em, audit, actor } = await fileRequestContext(orm, req);
      const png = await new VisitsService(em, systemClock, audit).signature(actor, String(req.params.id));
      if (!png) throw notFound('Signature');
      res.setHeader('content-type', 'image/png');
      res.setHeader('cache-control', 'private, no-store');
      res.setHeader('x-content-type-options', 'nosniff');
      res.send(png);
    } catch (e) {
      sendFailure(res, e, next);
    }
  });
  return router;
}
