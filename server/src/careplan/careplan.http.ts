// The care-plan module's file endpoint: a version as a printable PDF. Same session, same scope as GraphQL.
import express, { type Router } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import { fileRequestContext, sendFailure, sendPdf } from '../app/file-routes.ts';
import { CarePlanService } from './careplan.service.ts';
import { renderPlan } from './careplan-document.ts';
import { versionStatusOn } from './careplan.rules.ts';
import { systemClock } from '../shared/clock.ts';
import { maskIdNumber } from '../shared/masking.ts';

export function carePlanRoutes(orm: MikroORM): Router {
  const router = express.Router();

  router.get('/care-plan-versions/:id/pdf', async (req, res, next) => {
    try {
      const { em, audit, actor } = await fileRequestContext(orm, req);
      const service = new CarePlanService(em, systemClock, audit);
      const v = await service.version(actor, String(req.params.id));
      const lines = await service.linesOf(em, [v.id]);
      const plan = v.plan;
      const pdf = await renderPlan({
        versionId: v.id,
        number: v.number,
        status: versionStatusOn(v, service.today()),
        personName: plan.person.name,
        idNumberMasked: maskIdNumber(plan.person.idNumber),
        address: plan.person.address,
        level: v.level,
        careForm: plan.careForm,
        agencyName: plan.agency.name,
        effectiveFrom: v.effectiveFrom,
        effectiveUntil: v.effectiveUntil,
        goals: v.goals,
        notes: v.notes,
        lines,
        cost: v.cost,
        consent: v.consentBy ? { signedBy: v.consentBy, relation: v.consentRelation ?? '', excessFen: v.consentExcessFen ?? 0 } : null,
        printedOn: service.today(),
      });
      sendPdf(res, pdf, `care-plan-${v.id}.pdf`);
    } catch (e) {
      sendFailure(res, e, next);
    }
  });

  return router;
}
