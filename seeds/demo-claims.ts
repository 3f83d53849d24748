// Demo claims: the last three months of the demo city settled as a pilot city would have them today. Every
// contracted agency's claim is generated from the demo visits and stays, then taken along the workflow with the
// clock of its day: three months ago all paid; two months ago approved or under review (one declared late); last
// month declared, or a draft the officer sent back with a reason, or not yet declared. So the queue shows every
// state, the deposits withheld, and the third quarter's deposit released after its evaluation.
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BillingService } from '../server/src/billing/billing.service.ts';
import { AuditTrail } from '../server/src/audit/audit.service.ts';
import { actorOf } from '../server/src/identity/auth.service.ts';
import { User } from '../server/src/identity/user.entity.ts';
import type { Actor } from '../server/src/graphql/context.ts';
import { localDate, type Clock } from '../server/src/shared/clock.ts';
import { DEMO_AGENCIES } from './demo-users.ts';

/** A clock fixed at a Shanghai wall-clock time on `day`. */
const at = (day: string, hour: number): Clock => ({ now: () => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`) });

const monthBefore = (month: string, n: number) => {
  const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 - n, 1));
  return d.toISOString().slice(0, 7);
};
const nextMonth = (month: string) => monthBefore(month, -1);

export async function seedDemoClaims(em: EntityManager, poolingArea: string): Promise<void> {
  const audit = new AuditTrail({ requestId: 'demo-seed', clientIp: null });
  const officerUser = await em.findOneOrFail(User, { username: 'officer' }, { populate: ['grants', 'grants.agency', 'grants.assessmentOrg'] });
  const officer = actorOf(officerUser);
  /** The agency's administrator: a demo user where there is one, else an administrator of that agency for the seed. */
  const admins = new Map<string, Actor>();
  for (const username of ['agency', 'agency2']) {
    const u = await em.findOne(User, { username }, { populate: ['grants', 'grants.agency', 'grants.assessmentOrg'] });
    const a = u ? actorOf(u) : null;
    const agencyId = a?.grants.find((g) => g.role === 'AGENCY_ADMIN')?.agencyId;
    if (a && agencyId) admins.set(agencyId, a);
  }
  const agencyActor = (agencyId: string): Actor => admins.get(agencyId) ?? ({
    userId: officer.userId,
    username: 'demo-seed',
    poolingArea,
    roles: ['AGENCY_ADMIN'],
    grants: [{ role: 'AGENCY_ADMIN', poolingArea: null, agencyId, assessmentOrgId: null }],
    mustChangePassword: false,
  });
  const today = localDate(new Date());
  const thisMonth = today.slice(0, 7);
  const months = [3, 2, 1].map((n) => monthBefore(thisMonth, n));

  for (const [k, month] of months.entries()) {
    const after = nextMonth(month);
    const generating = new BillingService(em, at(`${after}-02`, 9), audit);
    const agencies = await generating.contractedAgencies(em, poolingArea, month);
    await em.transactional((tem) => generating.generateIn(tem as unknown as EntityManager, officer, poolingArea, month, agencies));
    const claims = await em.getConnection().execute<{ id: string; agency_id: string; version: number }[]>(
      `select id, agency_id, version from claim where pooling_area = ? and month = ?::date order by agency_id`,
      [poolingArea, `${month}-01`],
    );
    for (const [i, c] of claims.entries()) {
      const step = async (verb: 'declare' | 'review' | 'return' | 'approve' | 'pay', day: number, who: Actor, extra: { reason?: string } = {}) => {
        // Steps of last month's claims happen this month, not after today.
        if (after === thisMonth) day = Math.min(day, Number(today.slice(8)));
        const s = new BillingService(em, at(`${after}-${String(day).padStart(2, '0')}`, 10), audit);
        let payment: { amountFen: number; paidOn: string; reference: string } | null = null;
        if (verb === 'pay') {
          const current = await s.claim(officer, c.id);
          payment = { amountFen: Math.max(0, current.payable_fen), paidOn: `${after}-${String(day).padStart(2, '0')}`, reference: `LTC-${after.replace('-', '')}-${String(i + 1).padStart(3, '0')}` };
        }
        await s.transition(who, { claimId: c.id, verb, requestId: randomUUID(), reason: extra.reason ?? null, payment });
      };
      const agency = agencyActor(c.agency_id);
      const late = i % 4 === 3;
      if (k === 0) {
        // Three months ago: declared, reviewed, approved and paid.
        await step('declare', late ? 11 : 6, agency);
        await step('review', 12, officer);
        await step('approve', 18, officer);
        await step('pay', 27, officer);
      } else if (k === 1) {
        // Two months ago: approved, or still under review.
        await step('declare', late ? 10 : 7, agency);
        await step('review', 12, officer);
        if (i % 2 === 0) await step('approve', 19, officer);
      } else {
        // Last month: declared; sent back to the agency with a reason (the first demo agency's, which its
        // administrator then finds as a draft to correct); or a draft not yet declared.
        const returned = c.agency_id === DEMO_AGENCIES[0]!.id || (i % 3 === 2 && c.agency_id !== DEMO_AGENCIES[1]!.id);
        if (!returned && i % 3 === 0 && c.agency_id !== DEMO_AGENCIES[1]!.id) continue;
        await step('declare', 5, agency);
        if (returned) {
          await step('review', 6, officer);
          await step('return', 6, officer, { reason: '部分服务记录缺少参保人确认，请核实后重新申报' });
        }
      }
    }
  }
}
