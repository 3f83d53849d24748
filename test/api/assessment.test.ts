// Disability assessment over HTTP: application to conclusion, every transition and the illegal ones,
// assignment rules, review, notice and objections, documents, the PDF notice, and who may do what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { codeOf, startTestServer, type Gql, type TestServer, sqlOn } from '../helpers/server.ts';
import { personInput, residentId } from '../helpers/factories.ts';
import { ANSWERS_FOR_LEVEL } from '../../seeds/demo-assessments.ts';

let s: TestServer;
let officer: Gql, supervisor: Gql, agency: Gql, agency2: Gql;
const assessorClient: Record<string, Gql> = {};
const assessorId: Record<string, string> = {};
const sql = (q: string, params: unknown[] = []) => sqlOn(s)(q, params);

const APP_FIELDS = `id status round finalRound confirmedLevel noticeStart noticeEnd allowedActions acceptanceDue
  tasks { id round status level explanation assessor { name } } objections { id decision } conclusion { id level qualifies validUntil effectiveDate status noticeUrl }`;
const APPLY = `mutation($i: ApplyForAssessmentInput!) { applyForAssessment(input: $i) { ${APP_FIELDS} } }`;
const GET = `query($id: ID!) { assessmentApplication(id: $id) { ${APP_FIELDS} } }`;
const SUBMIT = `mutation($t: ID!, $i: AssessmentFormInput!) { submitAssessment(taskId: $t, input: $i) { id status level levelName explanation } }`;

async function newPerson(over: Record<string, unknown> = {}): Promise<string> {
  const r = await officer(`mutation($i: CreateInsuredPersonInput!) { createInsuredPerson(input: $i) { id } }`, { i: personInput({ idNumber: residentId({ birth: '19381111' }), ...over }) });
  expect(r.body.errors).toBeUndefined();
  return r.body.data.createInsuredPerson.id;
}

const applyInput = (personId: string, over: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  personId,
  type: 'FIRST',
  applicantName: '王小红',
  applicantRelation: '女儿',
  contactPhone: '13800001111',
  disabilityDeclared: true,
  ...over,
});

async function ok(client: Gql, query: string, variables?: Record<string, unknown>) {
  const r = await client(query, variables);
  expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
  return r.body.data;
}

const form = (level: 0 | 1 | 2 | 3 | 4 | 5) => ({ answers: ANSWERS_FOR_LEVEL[level], visitedAt: new Date(Date.now() - 3600_000).toISOString(), visitPlace: '家中', notes: '测试' });

async function taskOf(appId: string, assessor: string, round?: number) {
  const app = (await ok(officer, GET, { id: appId })).assessmentApplication;
  return app.tasks.find((t: any) => t.assessor.name === assessorName[assessor] && (round === undefined || t.round === round)).id as string;
}
const assessorName: Record<string, string> = { assessor: '张评估', assessor2: '陈评估', assessor3: '周医师', assessor4: '吴护士' };

/** Runs an application to IN_REVIEW with the given levels, by two assessors. */
async function toReview(personId: string, levels: [number, number], pair: [string, string] = ['assessor', 'assessor2']) {
  const app = (await ok(officer, APPLY, { i: applyInput(personId) })).applyForAssessment;
  await ok(officer, `mutation($id: ID!) { acceptApplication(id: $id) { status } }`, { id: app.id });
  await ok(officer, `mutation($id: ID!, $a: [ID!]!) { assignAssessors(id: $id, assessorIds: $a) { status } }`, { id: app.id, a: pair.map((p) => assessorId[p]) });
  for (const [i, who] of pair.entries()) {
    await ok(assessorClient[who]!, SUBMIT, { t: await taskOf(app.id, who), i: form(levels[i] as 3) });
  }
  return app.id as string;
}

beforeAll(async () => {
  s = await startTestServer();
  officer = await s.as('officer');
  supervisor = await s.as('supervisor');
  agency = await s.as('agency');
  agency2 = await s.as('agency2');
  for (const who of ['assessor', 'assessor2', 'assessor3', 'assessor4']) assessorClient[who] = await s.as(who);
  const list = (await ok(officer, `{ assessors { id name qualification assignable } }`)).assessors;
  for (const [who, name] of Object.entries(assessorName)) assessorId[who] = list.find((a: any) => a.name === name).id;
});
afterAll(async () => {
  await s?.stop();
});

describe('from application to conclusion', () => {
  it('runs the whole way, scoring on the server, with a notice period, a conclusion and a PDF notice', async () => {
    const personId = await newPerson({ name: '全流程' });
    const appId = await toReview(personId, [3, 3]);
    let app = (await ok(officer, GET, { id: appId })).assessmentApplication;
    expect(app.status).toBe('IN_REVIEW');
    expect(app.tasks.map((t: any) => [t.status, t.level])).toEqual([
      ['SUBMITTED', 3],
      ['SUBMITTED', 3],
    ]);
    expect(app.tasks[0].explanation).toMatch(/重度受损.*3 重度失能Ⅰ级/);

    app = (await ok(officer, `mutation($id: ID!) { reviewAssessment(id: $id, decision: CONFIRM, note: "一致") { ${APP_FIELDS} } }`, { id: appId })).reviewAssessment;
    expect(app).toMatchObject({ status: 'IN_NOTICE', confirmedLevel: 3 });
    expect(app.noticeEnd > app.noticeStart).toBe(true);

    const early = await officer(`mutation($id: ID!) { concludeAssessment(id: $id) { id } }`, { id: appId });
    expect(early.body.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOTICE_RUNNING', state: 'IN_NOTICE' });

    await sql(`update assessment_application set notice_end = current_date - 1 where id = ?`, [appId]);
    const c = (await ok(officer, `mutation($id: ID!) { concludeAssessment(id: $id) { id level qualifies effectiveDate validUntil status noticeUrl person { id } } }`, { id: appId })).concludeAssessment;
    expect(c).toMatchObject({ level: 3, qualifies: true, status: 'IN_FORCE' });
    const eff = new Date(c.effectiveDate + 'T00:00:00Z');
    eff.setUTCFullYear(eff.getUTCFullYear() + 2);
    eff.setUTCDate(eff.getUTCDate() - 1);
    expect(c.validUntil).toBe(eff.toISOString().slice(0, 10));

    const pdf = await fetch(s.url + c.noticeUrl, { headers: { cookie: (officer as any).cookie } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.toString('latin1')).toMatch(/NotoSansSC/);

    // The transitions are in the audit trail with who did them.
    const rows = await sql(`select operation, username from audit_log where (entity = 'AssessmentApplication' and entity_id = ?) or changes->'after'->>'applicationId' = ? order by at, id`, [appId, appId]);
    expect(rows.map((r) => `${r.operation} ${r.username}`)).toEqual([
      'APPLY officer',
      'ACCEPT officer',
      'ASSIGN officer',
      'SUBMIT_FORM assessor',
      'SUBMIT_FORM assessor2',
      'ALLSUBMITTED assessor2',
      'CONFIRM officer',
      'CONCLUDE officer',
    ]);
    // The same trail, as the application's history: the states it went through, who moved it, and why.
    const history = (await ok(supervisor, `query($id: ID!) { assessmentApplication(id: $id) { history { operation username toState detail } } }`, { id: appId })).assessmentApplication.history;
    expect(history.map((h: any) => h.toState)).toEqual(['SUBMITTED', 'ACCEPTED', 'ASSESSING', 'IN_REVIEW', 'IN_NOTICE', 'CONCLUDED']);
    expect(history.find((h: any) => h.operation === 'CONFIRM')).toMatchObject({ username: 'officer', detail: { level: 3, note: '一致' } });
  });

  it('supersedes the earlier conclusion when a new one is issued, keeping the history', async () => {
    const personId = await newPerson({ name: '复评人' });
    const first = await toReview(personId, [2, 2]);
    await ok(officer, `mutation($id: ID!) { reviewAssessment(id: $id, decision: CONFIRM) { status } }`, { id: first });
    await sql(`update assessment_application set notice_end = current_date - 1 where id = ?`, [first]);
    await ok(officer, `mutation($id: ID!) { concludeAssessment(id: $id) { id } }`, { id: first });
    // A re-assessment on changed condition, once the minimum interval has passed.
    await sql(`update conclusion set effective_date = current_date - 200, issued_on = current_date - 200 where person_id = ?`, [personId]);
    const re = await officer(APPLY, { i: applyInput(personId, { type: 'REASSESS_CHANGE' }) });
    expect(re.body.errors).toBeUndefined();
    const second = re.body.data.applyForAssessment.id;
    await ok(officer, `mutation($id: ID!) { acceptApplication(id: $id) { status } }`, { id: second });
    await ok(officer, `mutation($id: ID!, $a: [ID!]!) { assignAssessors(id: $id, assessorIds: $a) { status } }`, { id: second, a: [assessorId.assessor3, assessorId.assessor2] });
    for (const who of ['assessor3', 'assessor2']) await ok(assessorClient[who]!, SUBMIT, { t: await taskOf(second, who), i: form(4) });
    await ok(officer, `mutation($id: ID!) { reviewAssessment(id: $id, decision: CONFIRM) { status } }`, { id: second });
    await sql(`update assessment_application set notice_end = current_date - 1 where id = ?`, [second]);
    await ok(officer, `mutation($id: ID!) { concludeAssessment(id: $id) { id } }`, { id: second });
    const history = (await ok(officer, `query($p: ID!) { conclusions(filter: { personId: $p }) { nodes { level status supersededOn } } }`, { p: personId })).conclusions.nodes;
    expect(history.map((h: any) => [h.level, h.status])).toEqual([
      [4, 'IN_FORCE'],
      [2, 'SUPERSEDED'],
    ]);
  });
});

describe('applications', () => {
  it.each([
    ['a deceased person', async (p: string) => { await officer(`mutation($id: ID!) { recordDeath(id: $id, input: { dateOfDeath: "2026-01-01" }) { id } }`, { id: p }); }, {}, 'input.personId', 'DECEASED'],
    ['an undeclared disability', async () => {}, { disabilityDeclared: false }, 'input.disabilityDeclared', 'REQUIRED'],
    ['a bad phone', async () => {}, { contactPhone: '123' }, 'input.contactPhone', 'FORMAT'],
    ['a re-assessment without a conclusion', async () => {}, { type: 'REASSESS_CHANGE' }, 'input.type', 'NO_CONCLUSION'],
    ['an appeal naming no conclusion', async () => {}, { type: 'APPEAL' }, 'input.challengedConclusionId', 'REQUIRED'],
  ])('refuses %s with its code and stores nothing', async (_what, prepare, over, field, reason) => {
    const personId = await newPerson();
    await prepare(personId);
    const [before] = await sql('select count(*)::int n from assessment_application');
    const r = await officer(APPLY, { i: applyInput(personId, over) });
    expect(r.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(r.body.errors![0]!.extensions!.fieldErrors).toEqual(expect.arrayContaining([expect.objectContaining({ field, reason })]));
    const [after] = await sql('select count(*)::int n from assessment_application');
    expect(after.n).toBe(before.n);
  });

  it('refuses a second open application, and a first assessment while a conclusion is in force', async () => {
    const personId = await newPerson();
    await ok(officer, APPLY, { i: applyInput(personId) });
    const again = await officer(APPLY, { i: applyInput(personId) });
    expect(again.body.errors![0]!.extensions!.fieldErrors[0]).toMatchObject({ field: 'input.personId', reason: 'OPEN_APPLICATION' });
    const [concluded] = await sql(`select person_id from conclusion where status = 'IN_FORCE' limit 1`);
    const first = await officer(APPLY, { i: applyInput(concluded.person_id) });
    expect(first.body.errors![0]!.extensions!.fieldErrors.map((e: any) => e.reason)).toContain('HAS_CONCLUSION');
  });

  it('refuses a re-assessment on changed condition sooner than the minimum interval', async () => {
    const [c] = await sql(`select c.person_id from conclusion c where c.status = 'IN_FORCE' and c.effective_date > current_date - 100
      and not exists (select 1 from assessment_application a where a.person_id = c.person_id and a.status in ('SUBMITTED','ACCEPTED','ASSESSING','IN_REVIEW','IN_NOTICE')) limit 1`);
    const r = await officer(APPLY, { i: applyInput(c.person_id, { type: 'REASSESS_CHANGE' }) });
    expect(r.body.errors![0]!.extensions!.fieldErrors[0]).toMatchObject({ field: 'input.type', reason: 'TOO_SOON' });
  });

  it('answers a replayed application with the first result', async () => {
    const i = applyInput(await newPerson());
    const a = (await ok(officer, APPLY, { i })).applyForAssessment;
    const b = (await ok(officer, APPLY, { i })).applyForAssessment;
    expect(b.id).toBe(a.id);
  });

  it('lets exactly one of two concurrent acceptances through', async () => {
    const app = (await ok(officer, APPLY, { i: applyInput(await newPerson()) })).applyForAssessment;
    const other = await s.as('officer');
    const results = await Promise.all([officer, other].map((c) => c(`mutation($id: ID!) { acceptApplication(id: $id) { status } }`, { id: app.id })));
    expect(results.map((r) => codeOf(r) ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
    const refused = results.find((r) => codeOf(r))!;
    expect(refused.body.errors![0]!.extensions).toMatchObject({ reason: 'ILLEGAL_TRANSITION', state: 'ACCEPTED' });
  });

  it('refuses an illegal transition with CONFLICT and the current state', async () => {
    const app = (await ok(officer, APPLY, { i: applyInput(await newPerson()) })).applyForAssessment;
    for (const m of [`concludeAssessment(id: $id) { id }`, `reviewAssessment(id: $id, decision: CONFIRM) { id }`, `assignAssessors(id: $id, assessorIds: []) { id }`]) {
      const r = await officer(`mutation($id: ID!) { ${m} }`, { id: app.id });
      expect(r.body.errors![0]!.extensions, m).toMatchObject({ code: 'CONFLICT', state: 'SUBMITTED' });
    }
    await ok(officer, `mutation($id: ID!) { rejectApplication(id: $id, reason: "材料不全") { status } }`, { id: app.id });
    const r = await officer(`mutation($id: ID!) { acceptApplication(id: $id) { id } }`, { id: app.id });
    expect(r.body.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', state: 'REJECTED' });
  });

  it('lists overdue tasks and conclusions expiring within 60 days', async () => {
    const overdue = (await ok(officer, `{ overdueAssessmentTasks { id dueDate overdue } }`)).overdueAssessmentTasks;
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((t: any) => t.overdue)).toBe(true);
    const expiring = (await ok(officer, `{ conclusions(filter: { expiringWithinDays: 60 }) { totalCount nodes { validUntil } } }`)).conclusions;
    expect(expiring.totalCount).toBeGreaterThan(0);
    const overdueApps = (await ok(officer, `{ assessmentApplications(filter: { overdue: true }) { totalCount } }`)).assessmentApplications;
    expect(overdueApps.totalCount).toBeGreaterThan(0);
  });
});

describe('assignment', () => {
  const assign = (appId: string, who: string[]) =>
    officer(`mutation($id: ID!, $a: [ID!]!) { assignAssessors(id: $id, assessorIds: $a) { status } }`, { id: appId, a: who.map((w) => assessorId[w] ?? w) });
  async function accepted(over: Record<string, unknown> = {}) {
    const app = (await ok(officer, APPLY, { i: applyInput(await newPerson(over)) })).applyForAssessment;
    await ok(officer, `mutation($id: ID!) { acceptApplication(id: $id) { status } }`, { id: app.id });
    return app.id as string;
  }
  const reasons = (r: any) => r.body.errors?.[0]?.extensions?.fieldErrors?.map((e: any) => e.reason) ?? [];

  it('needs at least two assessors, one of them medical', async () => {
    const id = await accepted();
    expect(reasons(await assign(id, ['assessor']))).toContain('TOO_FEW_ASSESSORS');
    await sql(`update assessor set qualification = 'OTHER' where name = '周医师'`);
    try {
      expect(reasons(await assign(id, ['assessor2', 'assessor3']))).toContain('NO_MEDICAL_ASSESSOR');
    } finally {
      await sql(`update assessor set qualification = 'MEDICAL' where name = '周医师'`);
    }
    const ok2 = await assign(id, ['assessor', 'assessor2']);
    expect(ok2.body.data.assignAssessors.status).toBe('ASSESSING');
  });

  it('refuses an assessor whose certificate has expired', async () => {
    const id = await accepted();
    await sql(`update assessor set certificate_expiry = current_date - 1 where name = '陈评估'`);
    try {
      expect(reasons(await assign(id, ['assessor', 'assessor2']))).toContain('CERTIFICATE_EXPIRED');
    } finally {
      await sql(`update assessor set certificate_expiry = '2028-12-31' where name = '陈评估'`);
    }
  });

  it('refuses an assessor tied to a care agency that serves the person (conflict of interest)', async () => {
    const [client] = await sql(`select ac.person_id from agency_client ac join agency a on a.id = ac.agency_id where a.name = '青岛颐康居家护理服务有限公司'
      and not exists (select 1 from assessment_application x where x.person_id = ac.person_id) limit 1`);
    const app = (await ok(officer, APPLY, { i: applyInput(client.person_id) })).applyForAssessment;
    await ok(officer, `mutation($id: ID!) { acceptApplication(id: $id) { status } }`, { id: app.id });
    const r = await assign(app.id, ['assessor4', 'assessor2']);
    expect(r.body.errors![0]!.extensions!.fieldErrors).toEqual([expect.objectContaining({ field: 'input.assessorIds.0', reason: 'CONFLICT_OF_INTEREST' })]);
  });
});

describe('review, notice and objections', () => {
  it('shows differing levels side by side; the review confirms one of them or orders other assessors', async () => {
    const appId = await toReview(await newPerson(), [3, 4]);
    const noLevel = await officer(`mutation($id: ID!) { reviewAssessment(id: $id, decision: CONFIRM) { status } }`, { id: appId });
    expect(noLevel.body.errors![0]!.extensions!.fieldErrors[0]).toMatchObject({ field: 'input.level', reason: 'REQUIRED' });
    const wrong = await officer(`mutation($id: ID!) { reviewAssessment(id: $id, decision: CONFIRM, level: 1) { status } }`, { id: appId });
    expect(wrong.body.errors![0]!.extensions!.fieldErrors[0]).toMatchObject({ reason: 'NOT_ASSESSED' });
    const re = (await ok(officer, `mutation($id: ID!) { reviewAssessment(id: $id, decision: REASSESS, note: "两位评估员结论不一致") { status round } }`, { id: appId })).reviewAssessment;
    expect(re).toEqual({ status: 'ACCEPTED', round: 2 });
    const same = await officer(`mutation($id: ID!, $a: [ID!]!) { assignAssessors(id: $id, assessorIds: $a) { status } }`, { id: appId, a: [assessorId.assessor, assessorId.assessor3] });
    expect(same.body.errors![0]!.extensions!.fieldErrors.map((e: any) => e.reason)).toContain('SAME_ASSESSOR');
  });

  it('an upheld objection sends the case to other assessors whose result is final', async () => {
    const appId = await toReview(await newPerson(), [3, 3]);
    await ok(officer, `mutation($id: ID!) { reviewAssessment(id: $id, decision: CONFIRM) { status } }`, { id: appId });
    const o = (await ok(officer, `mutation($id: ID!) { recordObjection(id: $id, input: { raisedBy: "家属", reason: "夜间需要持续照护" }) { id decision } }`, { id: appId })).recordObjection;
    expect(o.decision).toBe('PENDING');
    await sql(`update assessment_application set notice_end = current_date - 1 where id = ?`, [appId]);
    const blocked = await officer(`mutation($id: ID!) { concludeAssessment(id: $id) { id } }`, { id: appId });
    expect(blocked.body.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'OBJECTION_PENDING' });
    const upheld = await ok(officer, `mutation($o: ID!) { decideObjection(objectionId: $o, decision: UPHELD, note: "复核") { decision } }`, { o: o.id });
    expect(upheld.decideObjection.decision).toBe('UPHELD');
    let app = (await ok(officer, GET, { id: appId })).assessmentApplication;
    expect(app).toMatchObject({ status: 'ACCEPTED', round: 2, finalRound: true });
    await ok(officer, `mutation($id: ID!, $a: [ID!]!) { assignAssessors(id: $id, assessorIds: $a) { status } }`, { id: appId, a: [assessorId.assessor3, assessorId.assessor4] });
    for (const who of ['assessor3', 'assessor4']) await ok(assessorClient[who]!, SUBMIT, { t: await taskOf(appId, who, 2), i: form(5) });
    app = (await ok(officer, `mutation($id: ID!) { reviewAssessment(id: $id, decision: CONFIRM) { ${APP_FIELDS} } }`, { id: appId })).reviewAssessment;
    expect(app.status).toBe('CONCLUDED');
    expect(app.conclusion).toMatchObject({ level: 5, qualifies: true });
  });
});

describe('the assessor', () => {
  it('sees and edits only their own unsubmitted forms', async () => {
    const appId = await (async () => {
      const app = (await ok(officer, APPLY, { i: applyInput(await newPerson()) })).applyForAssessment;
      await ok(officer, `mutation($id: ID!) { acceptApplication(id: $id) { status } }`, { id: app.id });
      await ok(officer, `mutation($id: ID!, $a: [ID!]!) { assignAssessors(id: $id, assessorIds: $a) { status } }`, { id: app.id, a: [assessorId.assessor, assessorId.assessor2] });
      return app.id;
    })();
    const mine = await taskOf(appId, 'assessor');
    const tasks = (await ok(assessorClient.assessor!, `{ myAssessmentTasks { id person { name idNumber } } }`)).myAssessmentTasks;
    expect(tasks.map((t: any) => t.id)).toContain(mine);
    // Another assessor's task answers like a missing one.
    expect(codeOf(await assessorClient.assessor2!(`query($t: ID!) { assessmentTask(id: $t) { id } }`, { t: mine }))).toBe('NOT_FOUND');
    expect(codeOf(await assessorClient.assessor2!(SUBMIT, { t: mine, i: form(2) }))).toBe('NOT_FOUND');
    // A draft may be partial and survives; a submission must be complete.
    const draft = await ok(assessorClient.assessor!, `mutation($t: ID!, $i: AssessmentFormInput!) { saveAssessmentDraft(taskId: $t, input: $i) { answers } }`, { t: mine, i: { answers: { ADL_EATING: 5 } } });
    expect(draft.saveAssessmentDraft.answers).toEqual({ ADL_EATING: 5 });
    const [trail] = await sql(`select username, changes from audit_log where operation = 'SAVE_DRAFT' and entity_id = ?`, [mine]);
    expect(trail).toMatchObject({ username: 'assessor', changes: { after: { ADL_EATING: 5 } } });
    const incomplete = await assessorClient.assessor!(SUBMIT, { t: mine, i: { ...form(2), answers: { ...ANSWERS_FOR_LEVEL[2], ADL_EATING: 7, COG_TIME: null } } });
    expect(incomplete.body.errors![0]!.extensions!.fieldErrors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'input.answers.ADL_EATING', reason: 'NOT_AN_OPTION' }),
        expect.objectContaining({ field: 'input.answers.COG_TIME', reason: 'MISSING' }),
      ]),
    );
    const done = (await ok(assessorClient.assessor!, SUBMIT, { t: mine, i: form(2) })).submitAssessment;
    expect(done).toMatchObject({ status: 'SUBMITTED', level: 2, levelName: '中度失能' });
    const again = await assessorClient.assessor!(SUBMIT, { t: mine, i: form(3) });
    expect(again.body.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', state: 'SUBMITTED' });
    // The assessor sees the people assigned to them, and no other.
    const people = (await ok(assessorClient.assessor!, `{ insuredPersons(first: 100) { nodes { id } } }`)).insuredPersons.nodes;
    const assigned = await sql(
      `select distinct ap.person_id::text as id from assessment_task t join assessor a on a.id = t.assessor_id join app_user u on u.id = a.user_id
        join assessment_application ap on ap.id = t.application_id where u.username = 'assessor'`,
    );
    expect(people.length).toBeGreaterThan(0);
    expect(people.map((p: { id: string }) => p.id).sort()).toEqual(assigned.map((r) => r.id).sort());
  });
});

describe('who sees what', () => {
  it('agencies see only the conclusions of the people they serve', async () => {
    const a = (await ok(agency, `{ conclusions(first: 100) { nodes { id person { id } } } }`)).conclusions.nodes;
    const b = (await ok(agency2, `{ conclusions(first: 100) { nodes { id } } }`)).conclusions.nodes;
    expect(a.length).toBeGreaterThan(0);
    const aIds = new Set(a.map((c: any) => c.id));
    expect(b.filter((c: any) => aIds.has(c.id))).toEqual([]);
    expect(codeOf(await agency2(`query($id: ID!) { conclusion(id: $id) { id } }`, { id: a[0].id }))).toBe('NOT_FOUND');
    const pdf = await fetch(`${s.url}/api/conclusions/${a[0].id}/notice.pdf`, { headers: { cookie: (agency2 as any).cookie } });
    expect(pdf.status).toBe(404);
  });

  it('supervisors read applications but cannot act on them', async () => {
    const list = (await ok(supervisor, `{ assessmentApplications(first: 5) { totalCount nodes { id } } }`)).assessmentApplications;
    expect(list.totalCount).toBeGreaterThan(0);
    expect(codeOf(await supervisor(`mutation($id: ID!) { acceptApplication(id: $id) { id } }`, { id: list.nodes[0].id }))).toBe('FORBIDDEN');
  });
});

describe('documents', () => {
  it('stores uploads as large objects, checks type and size, and serves them to those in scope', async () => {
    const app = (await ok(officer, APPLY, { i: applyInput(await newPerson()) })).applyForAssessment;
    const upload = (body: Buffer, type: string, who: Gql = officer) =>
      fetch(`${s.url}/api/assessment-applications/${app.id}/documents?kind=MEDICAL_RECORD`, {
        method: 'POST',
        headers: { 'content-type': type, 'x-filename': encodeURIComponent('病历.pdf'), cookie: (who as any).cookie },
        body: new Uint8Array(body),
      });
    const pdf = Buffer.from('%PDF-1.4 病历 test');
    const r = await upload(pdf, 'application/pdf');
    expect(r.status).toBe(201);
    const doc = (await r.json()) as any;
    expect(doc.size).toBe(pdf.length);
    expect((await upload(Buffer.from('MZ'), 'application/x-msdownload')).status).toBe(400);
    expect((await upload(Buffer.alloc(10 * 1024 * 1024 + 10), 'application/pdf')).status).toBe(413);
    expect((await upload(pdf, 'application/pdf', agency)).status).toBe(403);
    const listed = (await ok(officer, GET.replace('tasks {', 'documents { id filename size url } tasks {'), { id: app.id })).assessmentApplication.documents;
    expect(listed).toEqual([expect.objectContaining({ filename: '病历.pdf', size: pdf.length })]);
    const got = await fetch(s.url + doc.url, { headers: { cookie: (officer as any).cookie } });
    expect(Buffer.from(await got.arrayBuffer())).toEqual(pdf);
    expect((await fetch(s.url + doc.url, { headers: { cookie: (agency as any).cookie } })).status).toBe(404);
    expect((await fetch(s.url + doc.url)).status).toBe(401);
  });
});

describe('settings', () => {
  it('are per pooling area with the rules’ defaults, and a change applies to what follows', async () => {
    const q = `{ assessmentSettings(poolingArea: "3702") { noticeWorkingDays validityYears qualifyingLevels minAssessors } }`;
    expect((await ok(officer, q)).assessmentSettings).toEqual({ noticeWorkingDays: 5, validityYears: 2, qualifyingLevels: [3, 4, 5], minAssessors: 2 });
    const bad = await officer(`mutation { setAssessmentSettings(poolingArea: "3702", input: { minAssessors: 1 }) { minAssessors } }`);
    expect(bad.body.errors![0]!.extensions!.fieldErrors[0]).toMatchObject({ field: 'input.minAssessors', reason: 'RANGE' });
    await ok(officer, `mutation { setAssessmentSettings(poolingArea: "3702", input: { qualifyingLevels: [2, 3, 4, 5] }) { qualifyingLevels } }`);
    try {
      const appId = await toReview(await newPerson(), [2, 2]);
      await ok(officer, `mutation($id: ID!) { reviewAssessment(id: $id, decision: CONFIRM) { status } }`, { id: appId });
      await sql(`update assessment_application set notice_end = current_date - 1 where id = ?`, [appId]);
      const c = (await ok(officer, `mutation($id: ID!) { concludeAssessment(id: $id) { level qualifies } }`, { id: appId })).concludeAssessment;
      expect(c).toEqual({ level: 2, qualifies: true });
    } finally {
      await ok(officer, `mutation { setAssessmentSettings(poolingArea: "3702", input: { qualifyingLevels: [3, 4, 5] }) { qualifyingLevels } }`);
    }
  });
});

describe('assessors', () => {
  it('lists users with the assessor role still to be registered, and registers them with their certificate', async () => {
    const admin = await s.as('admin');
    const [org] = await sql(`select id from assessment_org limit 1`);
    const created = await ok(admin, `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`, {
      i: { username: 'assessor.new', displayName: '郑评估', password: 'Start-Pass-2026', poolingArea: '3702', grants: [{ role: 'ASSESSOR', assessmentOrgId: org.id }] },
    });
    const candidates = (await ok(officer, `{ assessorCandidates { userId displayName orgName } }`)).assessorCandidates;
    expect(candidates).toEqual([expect.objectContaining({ userId: created.createUser.id, displayName: '郑评估' })]);
    const registered = (
      await ok(officer, `mutation($i: AssessorInput!) { registerAssessor(input: $i) { name qualification certificateExpiry assignable } }`, {
        i: { userId: created.createUser.id, qualification: 'MEDICAL', certificateNo: 'PG-NEW-1', certificateExpiry: '2028-01-31' },
      })
    ).registerAssessor;
    expect(registered).toEqual({ name: '郑评估', qualification: 'MEDICAL', certificateExpiry: '2028-01-31', assignable: true });
    expect((await ok(officer, `{ assessorCandidates { userId } }`)).assessorCandidates).toEqual([]);
  });
});
