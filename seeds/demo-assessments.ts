// Demo assessments in every state and at every level, made through the real use cases (with a clock set
// in the past where the workflow needs time to have passed), so the demo data obeys every rule.
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Assessor } from '../server/src/assessment/assessor.entity.ts';
import { Task } from '../server/src/assessment/application.entity.ts';
import { AssessmentService } from '../server/src/assessment/assessment.service.ts';
import { User } from '../server/src/identity/user.entity.ts';
import { InsuredPerson } from '../server/src/people/insured-person.entity.ts';
import { AgencyClient } from '../server/src/identity/agency-client.entity.ts';
import { actorOf } from '../server/src/identity/auth.service.ts';
import { AuditTrail } from '../server/src/audit/audit.service.ts';
import type { Clock } from '../server/src/shared/clock.ts';
import type { ItemCode, Level } from '../server/src/assessment/standard.ts';
import { DEMO_AGENCIES, DEMO_USERS } from './demo-users.ts';

const ADL_MAX = { ADL_EATING: 10, ADL_DRESSING: 10, ADL_FACE_MOUTH: 5, ADL_BOWEL: 10, ADL_BLADDER: 10, ADL_TOILET: 10, ADL_WALKING: 15, ADL_TRANSFER: 15, ADL_STAIRS: 10, ADL_BATHING: 5 };
const ADL_90 = { ...ADL_MAX, ADL_EATING: 5, ADL_DRESSING: 5 };
const ADL_50 = { ADL_EATING: 5, ADL_DRESSING: 5, ADL_FACE_MOUTH: 0, ADL_BOWEL: 5, ADL_BLADDER: 5, ADL_TOILET: 5, ADL_WALKING: 5, ADL_TRANSFER: 10, ADL_STAIRS: 5, ADL_BATHING: 5 };
const ADL_20 = { ADL_EATING: 0, ADL_DRESSING: 0, ADL_FACE_MOUTH: 0, ADL_BOWEL: 5, ADL_BLADDER: 5, ADL_TOILET: 0, ADL_WALKING: 5, ADL_TRANSFER: 5, ADL_STAIRS: 0, ADL_BATHING: 0 };
const COG_16 = { COG_TIME: 4, COG_PERSON: 4, COG_PLACE: 4, COG_MEMORY: 4 };
const COG_3 = { COG_TIME: 1, COG_PERSON: 1, COG_PLACE: 0, COG_MEMORY: 1 };
const COG_1 = { COG_TIME: 0, COG_PERSON: 0, COG_PLACE: 0, COG_MEMORY: 1 };
const PC_12 = { PC_VISION: 4, PC_HEARING: 4, PC_COMMUNICATION: 4 };

/** Answers that score the given level (checked by the scoring tests through the same tables). */
export const ANSWERS_FOR_LEVEL: Record<Level, Record<ItemCode, number>> = {
  0: { ...ADL_MAX, ...COG_16, ...PC_12 },
  1: { ...ADL_90, ...COG_16, ...PC_12 },
  2: { ...ADL_50, ...COG_16, ...PC_12 },
  3: { ...ADL_20, ...COG_16, ...PC_12 },
  4: { ...ADL_20, ...COG_3, ...PC_12 },
  5: { ...ADL_20, ...COG_1, ...PC_12 },
};

const daysAgo = (n: number): Clock => ({ now: () => new Date(Date.now() - n * 86_400_000) });

export async function seedDemoAssessments(em: EntityManager, poolingArea: string): Promise<void> {
  const users = await em.find(User, { username: { $in: ['officer', ...DEMO_USERS.filter((u) => u.role === 'ASSESSOR').map((u) => u.username)] } }, { populate: ['grants', 'grants.assessmentOrg', 'grants.agency'] });
  const byName = (n: string) => users.find((u) => u.username === n)!;
  const officer = actorOf(byName('officer'));
  const audit = new AuditTrail({ requestId: 'seed', clientIp: null });
  const at = (clock: Clock) => new AssessmentService(em, clock, audit);
  const now = at({ now: () => new Date() });

  // The assessors' qualifications and certificates; assessor4 is tied to the first demo agency.
  const assessors: Record<string, Assessor> = {};
  for (const u of DEMO_USERS.filter((d) => d.role === 'ASSESSOR')) {
    assessors[u.username] = await now.registerAssessor(officer, {
      userId: byName(u.username).id,
      qualification: u.qualification ?? 'OTHER',
      certificateNo: `PG-3702-${u.username.toUpperCase()}`,
      certificateExpiry: '2028-12-31',
      agencyIds: u.relatedAgency !== undefined ? [DEMO_AGENCIES[u.relatedAgency]!.id] : [],
    });
  }
  const assessorActor = (name: string) => actorOf(byName(name));

  // People of the first demo agency's district who are its clients (their conclusions show to the agency) and others.
  const clients = new Set((await em.find(AgencyClient, { agency: DEMO_AGENCIES[0]!.id })).map((c) => c.person.id));
  const people = await em.find(InsuredPerson, { poolingArea, status: 'ACTIVE' }, { orderBy: { region: 'asc', name: 'asc' } });
  const clientPeople = people.filter((p) => clients.has(p.id));
  const others = people.filter((p) => !clients.has(p.id));
  let nextClient = 0;
  let nextOther = 0;
  const person = (client: boolean) => (client ? clientPeople[nextClient++] : others[nextOther++])!;

  const form = (level: Level, place: string, daysBack: number) => ({
    answers: ANSWERS_FOR_LEVEL[level],
    notes: '现场评估，家属在场。',
    visitedAt: new Date(Date.now() - daysBack * 86_400_000),
    visitPlace: place,
  });

  /** Runs one application up to `until`, `daysBack` days in the past. */
  async function run(opts: { until: string; levels?: [Level, Level]; client?: boolean; daysBack?: number; pair?: [string, string]; who?: InsuredPerson; answers?: Partial<Record<ItemCode, number>> }) {
    const back = opts.daysBack ?? 30;
    const svc = at(daysAgo(back));
    const p = opts.who ?? person(opts.client ?? false);
    const app = await svc.apply(officer, { id: randomUUID(), personId: p.id, type: 'FIRST', applicantName: p.emergencyContactName ?? p.name, applicantRelation: p.emergencyContactRelation ?? '本人', contactPhone: p.emergencyContactPhone ?? p.phone ?? '13800000000', disabilityDeclared: true });
    if (opts.until === 'SUBMITTED') return app;
    if (opts.until === 'REJECTED') return svc.reject(officer, app.id, '材料不全：缺少近六个月的病历资料');
    if (opts.until === 'WITHDRAWN') return svc.withdraw(officer, app.id, '申请人撤回申请');
    await svc.accept(officer, app.id);
    if (opts.until === 'ACCEPTED') return app;
    const [first, second] = opts.pair ?? ['assessor', 'assessor2'];
    await svc.assign(officer, app.id, [assessors[first]!.id, assessors[second]!.id], null);
    if (opts.until === 'ASSESSING') return app;
    const tasks = await em.find(Task, { application: app.id, round: 1 }, { populate: ['assessor', 'assessor.user'] });
    const [l1, l2] = opts.levels!;
    for (const [i, t] of tasks.entries()) {
      const who = t.assessor.user.username;
      if (opts.until === 'HALF' && who === 'assessor') continue;
      const f = form(i === 0 ? l1 : l2, p.address, back - 2);
      await at(daysAgo(back - 2)).submitForm(assessorActor(who), t.id, { ...f, answers: { ...f.answers, ...opts.answers } });
    }
    if (opts.until === 'HALF' || opts.until === 'IN_REVIEW') return app;
    const review = at(daysAgo(back - 4));
    await review.review(officer, app.id, 'CONFIRM', l1 === l2 ? null : l1, '两位评估员结论一致，确认。');
    if (opts.until === 'IN_NOTICE') return app;
    return at(daysAgo(back - 14)).conclude(officer, app.id);
  }

  await run({ until: 'SUBMITTED', daysBack: 1 });
  await run({ until: 'ACCEPTED', daysBack: 2 });
  await run({ until: 'ASSESSING', daysBack: 3 });
  await run({ until: 'ASSESSING', daysBack: 25 }); // overdue by now
  await run({ until: 'HALF', levels: [3, 3], daysBack: 6 });
  await run({ until: 'IN_REVIEW', levels: [3, 4], daysBack: 8 });
  const noticed = await run({ until: 'IN_NOTICE', levels: [4, 4], daysBack: 4 });
  await now.recordObjection(officer, noticed.id as string, { raisedBy: '家属 王女士', reason: '认为评估时老人状态较好，实际夜间需要持续照护，申请复核。' });
  await run({ until: 'REJECTED', daysBack: 5 });
  await run({ until: 'WITHDRAWN', daysBack: 5 });
  for (const level of [0, 1, 2, 3, 4, 5] as Level[]) await run({ until: 'CONCLUDED', levels: [level, level], client: level >= 2, daysBack: 40 + level });
  // One conclusion about to expire: issued almost two years ago.
  await run({ until: 'CONCLUDED', levels: [3, 3], client: true, daysBack: 700 });

  // More people of every district concluded at the qualifying levels, with varied findings, for the demo care
  // plans (seeds/demo-careplans.ts). Taken from the end of the list, so other districts than the first.
  const variations: Partial<Record<ItemCode, number>>[] = [{}, { ADL_BOWEL: 0, ADL_BLADDER: 0 }, { ADL_EATING: 5 }, { ADL_FACE_MOUTH: 5, ADL_TOILET: 5 }];
  const spare = others.slice(nextOther).reverse();
  const byDistrict = (d: string) => spare.filter((p) => p.region.code.startsWith(d));
  const picks = [...byDistrict('370203').slice(0, 7), ...byDistrict('370212').slice(0, 5), ...byDistrict('370202').slice(0, 4)];
  for (const [i, who] of picks.entries()) {
    await run({ until: 'CONCLUDED', levels: [(3 + (i % 3)) as Level, (3 + (i % 3)) as Level], daysBack: 60 + i, who, answers: variations[i % variations.length] });
  }
}
