// Qualifying people for care-plan tests: a new insured person taken through the real assessment workflow
// (apply, accept, two assessors, review, notice, conclusion) with the service clocks set in the past.
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AssessmentService } from '../../server/src/assessment/assessment.service.ts';
import { Assessor } from '../../server/src/assessment/assessor.entity.ts';
import { Task } from '../../server/src/assessment/application.entity.ts';
import { User } from '../../server/src/identity/user.entity.ts';
import { actorOf } from '../../server/src/identity/auth.service.ts';
import { AuditTrail } from '../../server/src/audit/audit.service.ts';
import type { ItemCode, Level } from '../../server/src/assessment/standard.ts';
import { ANSWERS_FOR_LEVEL } from '../../seeds/demo-assessments.ts';
import { personInput } from './factories.ts';
import type { Gql, TestServer } from './server.ts';

const daysAgo = (n: number) => ({ now: () => new Date(Date.now() - n * 86_400_000) });

/** A person with a conclusion in force at `level`; `answers` override the level's demo answers. */
export async function assessedPerson(s: TestServer, officer: Gql, opts: { level: Level; answers?: Partial<Record<ItemCode, number>>; village?: string; name?: string }) {
  const created = await officer(`mutation($i: CreateInsuredPersonInput!) { createInsuredPerson(input: $i) { id } }`, { i: personInput({ name: opts.name ?? '计划测试人', ...(opts.village ? { regionCode: opts.village } : {}) }) });
  if (created.body.errors) throw new Error(JSON.stringify(created.body.errors));
  const personId = created.body.data.createInsuredPerson.id as string;
  const conclusion = await conclude(s, personId, { level: opts.level, answers: opts.answers, type: 'FIRST', daysBack: 30 });
  return { personId, conclusionId: conclusion.id, level: conclusion.level };
}

/** An appeal against the person's conclusion in force, concluded today at `level` (it supersedes the old one). */
export async function reassess(s: TestServer, personId: string, conclusionId: string, level: Level) {
  return conclude(s, personId, { level, type: 'APPEAL', challengedConclusionId: conclusionId, daysBack: 9 });
}

async function conclude(s: TestServer, personId: string, o: { level: Level; answers?: Partial<Record<ItemCode, number>>; type: 'FIRST' | 'APPEAL'; challengedConclusionId?: string; daysBack: number }) {
  const em = s.db.orm.em.fork() as unknown as EntityManager;
  const users = await em.find(User, { username: { $in: ['officer', 'assessor', 'assessor2'] } }, { populate: ['grants', 'grants.assessmentOrg', 'grants.agency'] });
  const actor = (n: string) => actorOf(users.find((u) => u.username === n)!);
  const assessors = await em.find(Assessor, { user: { username: { $in: ['assessor', 'assessor2'] } } });
  const audit = new AuditTrail({ requestId: 'test', clientIp: null });
  const at = (back: number) => new AssessmentService(em, daysAgo(back), audit);
  const back = o.daysBack;
  const app = await at(back).apply(actor('officer'), { id: randomUUID(), personId, type: o.type, challengedConclusionId: o.challengedConclusionId ?? null, applicantName: '家属', applicantRelation: '女儿', contactPhone: '13812345678', disabilityDeclared: true });
  await at(back).accept(actor('officer'), app.id);
  await at(back).assign(actor('officer'), app.id, assessors.map((a) => a.id), null);
  const tasks = await em.find(Task, { application: app.id, round: 1 }, { populate: ['assessor', 'assessor.user'] });
  const answers = { ...ANSWERS_FOR_LEVEL[o.level], ...o.answers };
  for (const t of tasks) await at(back).submitForm(actor(t.assessor.user.username), t.id, { answers, notes: null, visitedAt: new Date(Date.now() - back * 86_400_000), visitPlace: '家中' } as never);
  await at(back).review(actor('officer'), app.id, 'CONFIRM', null, '确认');
  return at(0).conclude(actor('officer'), app.id);
}
