// Demo care plans in every state for the demo city's qualifying people, spread over the agencies, made through
// the real use cases (the service clock set to the plan's start, so plans have been in force for some weeks).
import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../server/src/identity/user.entity.ts';
import { Agency } from '../server/src/identity/org.entity.ts';
import { Conclusion } from '../server/src/assessment/conclusion.entity.ts';
import { Contract } from '../server/src/providers/providers.entity.ts';
import { contractFacts } from '../server/src/providers/providers.service.ts';
import { contractStatusOn } from '../server/src/providers/providers.rules.ts';
import { CarePlanService } from '../server/src/careplan/careplan.service.ts';
import { CarePlanLine, CarePlanVersion } from '../server/src/careplan/careplan.entity.ts';
import { actorOf } from '../server/src/identity/auth.service.ts';
import { AuditTrail } from '../server/src/audit/audit.service.ts';
import { localDate, type Clock } from '../server/src/shared/clock.ts';
import { addDays, addMonths } from '../server/src/shared/dates.ts';
import type { Actor } from '../server/src/graphql/context.ts';
import type { CareForm } from '../server/src/providers/catalogue.ts';
import { DEMO_AGENCIES } from './demo-users.ts';

export const DEMO_DEVICES = [
  { code: 'BED', name: '护理床', monthlyFeeFen: 6000 },
  { code: 'WHEELCHAIR', name: '轮椅', monthlyFeeFen: 3000 },
  { code: 'MATTRESS', name: '防褥疮气垫', monthlyFeeFen: 4500 },
  { code: 'WALKER', name: '助行器', monthlyFeeFen: 1500 },
  { code: 'COMMODE', name: '坐便椅', monthlyFeeFen: 1000 },
];

/** What becomes of each demo plan, in turn. */
type Scenario = 'IN_FORCE' | 'IN_FORCE_WITH_DEVICE' | 'DRAFT' | 'SUBMITTED' | 'REQUESTED' | 'REVISION' | 'OVER_CAP' | 'DECLINED' | 'ENDED' | 'SUSPENDED_PERSON';
const SCENARIOS: Scenario[] = ['IN_FORCE', 'SUBMITTED', 'DRAFT', 'IN_FORCE_WITH_DEVICE', 'REQUESTED', 'REVISION', 'OVER_CAP', 'IN_FORCE', 'DECLINED', 'ENDED', 'SUBMITTED', 'SUSPENDED_PERSON'];

export async function seedDemoCarePlans(em: EntityManager, poolingArea: string): Promise<void> {
  const today = localDate(new Date());
  const users = await em.find(User, { username: { $in: ['officer', 'agency', 'agency2'] } }, { populate: ['grants', 'grants.agency', 'grants.assessmentOrg'] });
  const officerUser = users.find((u) => u.username === 'officer')!;
  const officer = actorOf(officerUser);
  const audit = new AuditTrail({ requestId: 'seed', clientIp: null });
  const at = (day: string): CarePlanService => new CarePlanService(em, { now: () => new Date(`${day}T02:00:00Z`) } satisfies Clock, audit);
  const now = at(today);

  for (const d of DEMO_DEVICES) await now.setDevice(officer, poolingArea, d);

  // The staff of each agency: the demo users for the two demo agencies; for the others, a seeding actor with an
  // agency grant (named so in the audit trail).
  const staff = (agencyId: string): Actor => {
    const own = users.find((u) => u.grants.getItems().some((g) => g.agency?.id === agencyId));
    if (own) return actorOf(own);
    return { userId: officerUser.id, username: 'demo-seed', poolingArea, roles: ['AGENCY_ADMIN'], grants: [{ role: 'AGENCY_ADMIN', poolingArea: null, agencyId, assessmentOrgId: null }], mustChangePassword: false };
  };

  // Agencies with a contract in force, by the forms they cover and the districts they serve.
  const contracts = (await em.find(Contract, { poolingArea }, { populate: ['agency'] })).filter((c) => contractStatusOn(contractFacts(c), today) === 'ACTIVE');
  const agencyFor = (form: CareForm, region: string, n: number): Agency | null => {
    const fit = contracts.filter((c) => c.careForms.includes(form) && (!c.agency.serviceArea.length || c.agency.serviceArea.some((a) => region.startsWith(a))));
    fit.sort((a, b) => Number(!DEMO_AGENCIES.some((d) => d.id === a.agency.id)) - Number(!DEMO_AGENCIES.some((d) => d.id === b.agency.id)));
    // Mostly the two demo agencies (their users can sign in); every third plan goes to the others in turn.
    return fit.length ? fit[n % 3 === 0 ? n % fit.length : 0]!.agency : null;
  };

  const conclusions = await em.find(Conclusion, { poolingArea, status: 'IN_FORCE', qualifies: true, validUntil: { $gte: today } }, { populate: ['person'], orderBy: { issuedOn: 'asc', id: 'asc' } });
  let n = 0;
  for (const c of conclusions) {
    const person = c.person;
    if (person.status !== 'ACTIVE') continue;
    const scenario = SCENARIOS[n % SCENARIOS.length]!;
    // Every fifth plan is institutional care, one family care; the rest home care.
    const form: CareForm = n % 5 === 4 ? 'INSTITUTION' : n === 7 ? 'FAMILY' : 'HOME';
    const agency = agencyFor(form, person.region.code, n);
    n++;
    if (!agency) continue;
    // From the first of the month three months back (or the conclusion's date, if later): the demo city has three
    // months of visits, which its claims settle.
    const start = [c.effectiveDate, addMonths(`${today.slice(0, 7)}-01`, -3)].sort().at(-1)!;
    const on = at(start);
    const agencyActor = staff(agency.id);
    const plan = await on.requestPlan(officer, { personId: person.id, careForm: form, agencyId: agency.id, startDate: start, tubeFeeding: n % 6 === 0 });
    if (scenario === 'REQUESTED') continue;
    if (scenario === 'DECLINED') {
      await on.declinePlan(agencyActor, plan.id, '服务区域内护理员已满，暂无法接收');
      continue;
    }
    await on.acceptPlan(agencyActor, plan.id);
    const versions = await on.versionsOf(em, [plan.id]);
    const v1 = versions[0]!;
    if (scenario === 'DRAFT') continue;
    const lines = await em.find(CarePlanLine, { planVersion: v1.id }, { orderBy: { position: 'asc' } });
    const asInput = lines.map((l) => ({ kind: l.kind, code: l.code, times: l.times, per: l.per, days: l.days, timeOfDay: l.timeOfDay, goal: l.goal, note: l.note }));
    const goals = '维持现有生活自理能力，预防压疮、跌倒等并发症，减轻家庭照护负担。';
    if (plan.careForm === 'HOME') {
      const extra = scenario === 'IN_FORCE_WITH_DEVICE' ? [{ kind: 'DEVICE' as const, code: 'BED', times: 1, per: 'MONTH' as const }] : scenario === 'OVER_CAP' ? [{ kind: 'ITEM' as const, code: 'A06', times: 3, per: 'WEEK' as const }] : [];
      const withTimes = asInput.map((l, i) => ({ ...l, timeOfDay: l.per === 'DAY' ? (i % 2 ? '16:00' : '09:00') : '10:30', days: l.per === 'WEEK' ? [1, 3, 5, 2, 4, 6, 7].slice(0, l.times) : [] }));
      await on.saveDraft(agencyActor, v1.id, { lines: [...withTimes.filter((l) => !extra.some((e) => e.code === l.code)), ...extra], goals });
    } else await on.saveDraft(agencyActor, v1.id, { lines: asInput, goals });
    const consentAndSubmit = async (svc: CarePlanService, versionId: string) => {
      const saved = await em.findOneOrFail(CarePlanVersion, versionId, { refresh: true });
      if (saved.cost.excessFen > 0) await svc.recordConsent(agencyActor, versionId, { signedBy: person.emergencyContactName ?? person.name, relation: person.emergencyContactRelation ?? '本人' });
      await svc.submitVersion(agencyActor, versionId);
    };
    await consentAndSubmit(on, v1.id);
    if (scenario === 'SUBMITTED') continue;
    await on.approveVersion(officer, v1.id);
    if (scenario === 'REVISION') {
      // A second version approved a week later (the first is superseded), and a third being drafted.
      const later = at(addDays(start, 7));
      const v2 = await later.revisePlan(agencyActor, plan.id, false);
      await later.saveDraft(agencyActor, v2.id, { lines: [...asInput, { kind: 'ITEM' as const, code: 'A18', times: 1, per: 'DAY' as const }].filter((l, i, all) => all.findIndex((x) => x.code === l.code) === i), goals, notes: '家属反映近期服药不规律，增加药物管理。' });
      await consentAndSubmit(later, v2.id);
      await later.approveVersion(officer, v2.id);
      await now.revisePlan(agencyActor, plan.id, false);
    }
    if (scenario === 'ENDED') await now.endPlan(officer, plan.id, { date: addDays(today, -3), reason: 'WITHDRAWN', note: '家属决定改由子女自行照护' });
    if (scenario === 'SUSPENDED_PERSON') {
      // The person's insurance is suspended afterwards: the plan waits in the fund office's queue to be ended.
      person.status = 'SUSPENDED';
      await em.flush();
    }
  }
}
