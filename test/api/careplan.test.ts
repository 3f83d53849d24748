// Care plans over HTTP: starting a plan and its refusals, the automatic draft, editing, approval and
// versions, events elsewhere (new conclusion, death, contract), devices, benefit settings, and who sees what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { codeOf, countStatements, startTestServer, type Gql, type TestServer, sqlOn } from '../helpers/server.ts';
import { assessedPerson, reassess } from '../helpers/careplan.ts';
import { localDate } from '../../server/src/shared/clock.ts';
import { addDays } from '../../server/src/shared/dates.ts';
import { monthOf } from '../../server/src/careplan/careplan.rules.ts';

let s: TestServer;
let officer: Gql, supervisor: Gql, agency: Gql, agency2: Gql, assessor: Gql, caregiver: Gql;
let agencyA = '';
let agencyB = '';
const today = localDate(new Date());
const sql = (q: string, params: unknown[] = []) => sqlOn(s)(q, params);
const nextMonth = addDays(monthOf(today).last, 1);

async function ok(client: Gql, query: string, variables?: Record<string, unknown>) {
  const r = await client(query, variables);
  expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
  return r.body.data;
}
const reasonOf = (r: any) => r.body.errors?.[0]?.extensions?.reason;
const fieldReasons = (r: any) => r.body.errors?.[0]?.extensions?.fieldErrors?.map((e: any) => `${e.field}:${e.reason}`) ?? [];

const VERSION = `id number state status allowedActions level effectiveFrom effectiveUntil version priceScheduleFrom returnReason autoApproved decidedByName
  consent { signedBy excessFen } fitChanges { code fromTimes fromPer toTimes toPer savedFen }
  cost { grossFen capFen fundFen copayFen excessFen personFen main { form grossFen capFen eligibleFen fundFen copayFen excessFen fundRatioPercent } device { grossFen capFen excessFen } }
  lines { kind code name category times per days timeOfDay unitPriceFen monthlyUnits monthlyCostFen reasons { rule text } alternatives { code times per } }`;
const PLAN = `id state careForm startDate endDate endReason agencyId personName personIdNumber level attention allowedActions versions { ${VERSION} } current { id number } open { id number state }`;

const REQUEST = `mutation($i: CarePlanRequestInput!) { requestCarePlan(input: $i) { ${PLAN} } }`;
const ACCEPT = `mutation($id: ID!) { acceptCarePlan(id: $id) { ${PLAN} } }`;
const SAVE = `mutation($v: ID!, $i: CarePlanDraftInput!) { saveCarePlanDraft(versionId: $v, input: $i) { ${VERSION} } }`;
const SUBMIT = `mutation($v: ID!) { submitCarePlan(versionId: $v) { ${VERSION} } }`;
const APPROVE = `mutation($v: ID!) { approveCarePlan(versionId: $v) { ${VERSION} } }`;
const PLAN_Q = `query($id: ID!) { carePlan(id: $id) { ${PLAN} } }`;

async function request(personId: string, over: Record<string, unknown> = {}, by: Gql = officer) {
  return by(REQUEST, { i: { personId, careForm: 'HOME', agencyId: agencyA, startDate: today, ...over } });
}
/** A qualifying person with an accepted HOME plan of agency A; returns the plan. */
async function acceptedPlan(level: 3 | 4 | 5 = 3, answers: Record<string, number> = {}) {
  const p = await assessedPerson(s, officer, { level, answers });
  const requested = (await ok(officer, REQUEST, { i: { personId: p.personId, careForm: 'HOME', agencyId: agencyA, startDate: today } })).requestCarePlan;
  const plan = (await ok(agency, ACCEPT, { id: requested.id })).acceptCarePlan;
  return { ...p, plan, draft: plan.versions[0] };
}
const linesOf = (v: any) => v.lines.map((l: any) => ({ kind: l.kind, code: l.code, times: l.times, per: l.per }));

beforeAll(async () => {
  s = await startTestServer();
  [officer, supervisor, agency, agency2, assessor, caregiver] = (await Promise.all(['officer', 'supervisor', 'agency', 'agency2', 'assessor', 'caregiver'].map((u) => s.as(u)))) as unknown as [Gql, Gql, Gql, Gql, Gql, Gql];
  agencyA = (await ok(agency, `{ agencies { id } }`)).agencies[0].id;
  agencyB = (await ok(agency2, `{ agencies { id } }`)).agencies[0].id;
  await ok(officer, `mutation { a: setDeviceType(poolingArea: "3702", input: { code: "BED", name: "护理床", monthlyFeeFen: 6000 }) { id } b: setDeviceType(poolingArea: "3702", input: { code: "WHEELCHAIR", name: "轮椅", monthlyFeeFen: 3000 }) { id } c: setDeviceType(poolingArea: "3702", input: { code: "MATTRESS", name: "防褥疮气垫", monthlyFeeFen: 4500 }) { id } }`);
}, 120_000);
afterAll(async () => {
  await s?.stop();
});

describe('starting a plan', () => {
  it('the agency accepts and the first version is drafted from the assessment, each item naming its finding', async () => {
    const { plan, draft } = await acceptedPlan(3);
    expect(plan.state).toBe('ACTIVE');
    expect(draft).toMatchObject({ number: 1, state: 'DRAFT', level: 3, effectiveFrom: today });
    // Level 3's demo answers: eating 0, face 0, toilet 0, walking/transfer 5, stairs 0, bathing 0.
    const a07 = draft.lines.find((l: any) => l.code === 'A07');
    expect(a07.reasons[0].text).toBe('进食 0 分 → A07 协助进食/水, 每日');
    expect(draft.lines.map((l: any) => l.code)).toEqual(expect.arrayContaining(['A07', 'A01', 'A08', 'A05', 'A13', 'A19', 'A20', 'A22', 'A10', 'A15']));
    // Priced with the agency's schedule in force on the start date (the July 2026 version, 95% of the defaults).
    expect(draft.priceScheduleFrom).toBe('2026-07-01');
    expect(a07.unitPriceFen).toBe(1425);
    // The full proposal is far above 1,200 yuan: the fit lowered items and says which.
    expect(draft.fitChanges.length).toBeGreaterThan(0);
    expect(draft.cost.main).toMatchObject({ capFen: 120000, excessFen: 0, fundRatioPercent: 75 });
    expect(draft.cost.main.fundFen + draft.cost.main.copayFen).toBe(draft.cost.main.eligibleFen);
    // The agency now serves the person: it sees them.
    const [{ person_id }] = await sql(`select person_id from care_plan where id = ?`, [plan.id]);
    expect((await ok(agency, `query($id: ID!) { insuredPerson(id: $id) { id } }`, { id: person_id })).insuredPerson.id).toBe(person_id);
  });

  it('is refused for a person whose level does not qualify, who died, or whose insurance is suspended', async () => {
    const low = await assessedPerson(s, officer, { level: 2 });
    const r = await request(low.personId);
    expect([codeOf(r), reasonOf(r)]).toEqual(['CONFLICT', 'NOT_QUALIFYING']);
    const dead = await assessedPerson(s, officer, { level: 4 });
    await ok(officer, `mutation($id: ID!, $d: String!) { recordDeath(id: $id, input: { dateOfDeath: $d }) { id } }`, { id: dead.personId, d: addDays(today, -1) });
    expect(reasonOf(await request(dead.personId))).toBe('DECEASED');
    const suspended = await assessedPerson(s, officer, { level: 4 });
    await sql(`update insured_person set status = 'SUSPENDED' where id = ?`, [suspended.personId]);
    expect(reasonOf(await request(suspended.personId))).toBe('SUSPENDED');
  });

  it('is refused with an agency without a contract in force, one not covering the form, or not serving the region', async () => {
    const p = await assessedPerson(s, officer, { level: 4 });
    const [suspendedAgency] = await sql(`select agency_id from contract where state = 'SUSPENDED' limit 1`);
    expect(reasonOf(await request(p.personId, { agencyId: suspendedAgency.agency_id }))).toBe('AGENCY_NOT_CONTRACTED');
    expect(reasonOf(await request(p.personId, { careForm: 'INSTITUTION' }))).toBe('FORM_NOT_CONTRACTED');
    // Agency B serves district 370203; the person lives in 370202.
    expect(reasonOf(await request(p.personId, { agencyId: agencyB }))).toBe('OUTSIDE_SERVICE_AREA');
    const choices = (await ok(officer, `query($p: ID!) { carePlanAgencyChoices(personId: $p, careForm: HOME, on: "${today}") { id } }`, { p: p.personId })).carePlanAgencyChoices.map((a: any) => a.id);
    expect(choices).toContain(agencyA);
    expect(choices).not.toContain(agencyB);
  });

  it('keeps one main form a month; a device plan goes with any', async () => {
    const { personId } = await acceptedPlan(4);
    const [inst] = await sql(`select k.agency_id from contract k join agency a on a.id = k.agency_id where k.state = 'APPROVED' and 'INSTITUTION' = any(k.care_forms) and k.end_date > now() + interval '60 days' and ('370202' = any(a.service_area)) limit 1`);
    const r = await request(personId, { careForm: 'INSTITUTION', agencyId: inst.agency_id, startDate: addDays(today, 1) });
    expect([codeOf(r), reasonOf(r)]).toEqual(['CONFLICT', 'FORM_EXCLUSIVE']);
    expect(r.body.errors![0]!.extensions!.facts).toEqual({ form: 'HOME', from: today, to: null, nextStart: nextMonth });
    expect(reasonOf(await request(personId, { startDate: addDays(today, 3) }))).toBe('FORM_EXCLUSIVE'); // the same form again, overlapping
    expect((await ok(officer, REQUEST, { i: { personId, careForm: 'DEVICE', agencyId: agencyA, startDate: today } })).requestCarePlan.state).toBe('REQUESTED');
  });

  it('a retry of the same request returns the same plan; a declined request says why', async () => {
    const p = await assessedPerson(s, officer, { level: 5 });
    const id = randomUUID();
    const a = (await ok(officer, REQUEST, { i: { id, personId: p.personId, careForm: 'HOME', agencyId: agencyA, startDate: today } })).requestCarePlan;
    const b = (await ok(officer, REQUEST, { i: { id, personId: p.personId, careForm: 'HOME', agencyId: agencyA, startDate: today } })).requestCarePlan;
    expect(b.id).toBe(a.id);
    expect((await sql(`select count(*)::int as n from care_plan where person_id = ?`, [p.personId]))[0].n).toBe(1);
    expect((await ok(agency, `{ carePlans(attention: TO_ACCEPT, first: 100) { edges { node { id } } } }`)).carePlans.edges.map((e: any) => e.node.id)).toContain(a.id);
    const declined = (await ok(agency, `mutation($id: ID!) { declineCarePlan(id: $id, reason: "本月护理员已满") { state } }`, { id: a.id })).declineCarePlan;
    expect(declined.state).toBe('DECLINED');
    const again = await agency(ACCEPT, { id: a.id });
    expect([codeOf(again), again.body.errors![0]!.extensions!.state]).toEqual(['CONFLICT', 'DECLINED']);
  });
});

describe('pricing', () => {
  it('uses the price schedule in force on the start date, on either side of a change', async () => {
    const [c] = await sql(`select c.id from contract c where c.agency_id = ? and c.state = 'APPROVED' and c.start_date <= current_date and c.end_date >= current_date`, [agencyA]);
    const change = addDays(today, 10);
    const prices = { A07: 2000, A10: 1000, A15: 1500 };
    await ok(officer, `mutation($c: ID!, $i: PriceScheduleInput!) { addPriceSchedule(contractId: $c, input: $i) { id } }`, { c: c.id, i: { effectiveFrom: change, itemPrices: prices, notes: { A07: '人工成本上涨' } } });
    const before = await assessedPerson(s, officer, { level: 4 });
    const after = await assessedPerson(s, officer, { level: 4 });
    const start = async (personId: string, startDate: string) => {
      const r = (await ok(officer, REQUEST, { i: { personId, careForm: 'HOME', agencyId: agencyA, startDate } })).requestCarePlan;
      return (await ok(agency, ACCEPT, { id: r.id })).acceptCarePlan.versions[0];
    };
    const v1 = await start(before.personId, addDays(change, -1));
    const v2 = await start(after.personId, change);
    expect(v1.priceScheduleFrom).toBe('2026-07-01');
    expect(v1.lines.find((l: any) => l.code === 'A07').unitPriceFen).toBe(1425);
    expect(v2.priceScheduleFrom).toBe(change);
    expect(v2.lines.find((l: any) => l.code === 'A07').unitPriceFen).toBe(2000);
  });
});

describe('editing, approval and versions', () => {
  it('edits a draft; costs update; category B needs clinical staff; items must fit the form; devices within their cap', async () => {
    const { draft } = await acceptedPlan(4);
    const lines = [
      { kind: 'ITEM', code: 'A07', times: 1, per: 'DAY', days: [1, 3, 5], timeOfDay: '08:30', goal: '保证营养摄入' },
      { kind: 'ITEM', code: 'B05', times: 2, per: 'WEEK' },
      { kind: 'DEVICE', code: 'BED', times: 1, per: 'MONTH' },
    ];
    const saved = (await ok(agency, SAVE, { v: draft.id, i: { lines, goals: '维持现有自理能力', expectedVersion: draft.version } })).saveCarePlanDraft;
    expect(linesOf(saved)).toEqual(lines.map(({ kind, code, times, per }) => ({ kind, code, times, per })));
    expect(saved.lines[0]).toMatchObject({ days: [1, 3, 5], timeOfDay: '08:30', monthlyUnits: 30 });
    // The reason of a drafted item stays with it, also when it is swapped for its alternative.
    expect(saved.lines[0].reasons[0].text).toContain('进食');
    const { draft: other } = await acceptedPlan(4);
    const a15 = other.lines.find((l: any) => l.code === 'A15');
    const swap = linesOf(other).map((l: any) => (l.code === 'A15' ? { ...l, code: 'A16' } : l));
    const swapped = (await ok(agency, SAVE, { v: other.id, i: { lines: swap } })).saveCarePlanDraft;
    expect(swapped.lines.find((l: any) => l.code === 'A16')).toMatchObject({ reasons: a15.reasons, alternatives: [{ code: 'A15', times: a15.times, per: a15.per }] });
    const back = saved;
    expect(saved.cost.main.grossFen).toBe(30 * 1425 + 9 * 1425);
    expect(saved.cost.device).toMatchObject({ grossFen: 6000, capFen: 10000, excessFen: 0 });
    // A stale editor is told so.
    const stale = await agency(SAVE, { v: draft.id, i: { lines, expectedVersion: back.version - 1 } });
    expect(reasonOf(stale)).toBe('STALE');
    // Not for the form, two devices over the cap.
    const bad = await agency(SAVE, { v: draft.id, i: { lines: [{ kind: 'ITEM', code: 'Z99', times: 1, per: 'DAY' }, { kind: 'DEVICE', code: 'BED', times: 1, per: 'MONTH' }, { kind: 'DEVICE', code: 'MATTRESS', times: 1, per: 'MONTH' }] } });
    expect(fieldReasons(bad)).toEqual(['input.lines.0.code:ITEM_NOT_FOR_FORM', 'input.lines.1.code:DEVICE_CAP_EXCEEDED']);
    // Without a nurse or medical caregiver, B items are refused.
    const clinical = await sql(`update caregiver set active = false where agency_id = ? and active and qualification in ('NURSE', 'MEDICAL_CAREGIVER') returning id`, [agencyA]);
    try {
      const noNurse = await agency(SAVE, { v: draft.id, i: { lines } });
      expect(fieldReasons(noNurse)).toEqual(['input.lines.1.code:NO_QUALIFIED_CAREGIVER']);
    } finally {
      await sql(`update caregiver set active = true where id::text = any(string_to_array(?, ','))`, [clinical.map((c: any) => c.id).join(',')]);
    }
    // Nothing changed by the refused saves.
    expect(linesOf((await ok(agency, `query($id: ID!) { carePlanVersion(id: $id) { ${VERSION} } }`, { id: draft.id })).carePlanVersion)).toEqual(linesOf(saved));
  });

  it('over the cap: submitted only with consent to the self-paid excess; approved by a fund officer; every illegal move is a conflict', async () => {
    const { plan, draft } = await acceptedPlan(3);
    // 10 A06 baths a week at 33.25 yuan: 1,429.75 yuan a month... plus A07: far over the 1,200 cap.
    const lines = [{ kind: 'ITEM', code: 'A06', times: 2, per: 'DAY' }];
    const saved = (await ok(agency, SAVE, { v: draft.id, i: { lines } })).saveCarePlanDraft;
    expect(saved.cost.excessFen).toBe(60 * 3325 - 120000);
    const refused = await agency(SUBMIT, { v: draft.id });
    expect([codeOf(refused), reasonOf(refused)]).toEqual(['CONFLICT', 'EXCESS_NOT_CONSENTED']);
    const consented = (await ok(agency, `mutation($v: ID!) { recordSelfPayConsent(versionId: $v, input: { signedBy: "王秀英", relation: "女儿" }) { consent { signedBy excessFen } } }`, { v: draft.id })).recordSelfPayConsent;
    expect(consented.consent).toEqual({ signedBy: '王秀英', excessFen: saved.cost.excessFen });
    const submitted = (await ok(agency, SUBMIT, { v: draft.id })).submitCarePlan;
    expect(submitted.state).toBe('SUBMITTED');
    // Only fund officers approve; editing a submitted version is refused.
    expect(codeOf(await agency(APPROVE, { v: draft.id }))).toBe('FORBIDDEN');
    expect(codeOf(await supervisor(APPROVE, { v: draft.id }))).toBe('FORBIDDEN');
    const edit = await agency(SAVE, { v: draft.id, i: { lines } });
    expect([codeOf(edit), edit.body.errors![0]!.extensions!.state]).toEqual(['CONFLICT', 'SUBMITTED']);
    const approved = (await ok(officer, APPROVE, { v: draft.id })).approveCarePlan;
    expect(approved).toMatchObject({ state: 'APPROVED', status: 'IN_FORCE', effectiveFrom: today, decidedByName: expect.any(String) });
    for (const [q, v] of [[SUBMIT, draft.id], [APPROVE, draft.id]] as const) {
      const r = await (q === SUBMIT ? agency : officer)(q, { v });
      expect([codeOf(r), r.body.errors![0]!.extensions!.state]).toEqual(['CONFLICT', 'APPROVED']);
    }
    const returned = await officer(`mutation($v: ID!) { returnCarePlan(versionId: $v, reason: "x") { id } }`, { v: draft.id });
    expect(reasonOf(returned)).toBe('ILLEGAL_TRANSITION');
    expect((await ok(officer, PLAN_Q, { id: plan.id })).carePlan.current.number).toBe(1);
  });

  it('a change after approval is a new version; approving it supersedes the old one from its date', async () => {
    const { plan, draft } = await acceptedPlan(4);
    await ok(agency, SUBMIT, { v: draft.id });
    await ok(officer, APPROVE, { v: draft.id });
    const v2 = (await ok(agency, `mutation($p: ID!) { reviseCarePlan(planId: $p) { ${VERSION} } }`, { p: plan.id })).reviseCarePlan;
    expect(v2).toMatchObject({ number: 2, state: 'DRAFT' });
    expect(linesOf(v2)).toEqual(linesOf(draft));
    // Only one open version at a time.
    expect(reasonOf(await agency(`mutation($p: ID!) { reviseCarePlan(planId: $p) { id } }`, { p: plan.id }))).toBe('OPEN_VERSION');
    const from = addDays(today, 5);
    await ok(agency, SAVE, { v: v2.id, i: { lines: [{ kind: 'ITEM', code: 'A07', times: 1, per: 'DAY' }], effectiveFrom: from } });
    await ok(agency, SUBMIT, { v: v2.id });
    // Returned with a reason, fixed, submitted again, approved.
    const ret = (await ok(officer, `mutation($v: ID!) { returnCarePlan(versionId: $v, reason: "请补充护理目标") { state returnReason } }`, { v: v2.id })).returnCarePlan;
    expect(ret).toEqual({ state: 'DRAFT', returnReason: '请补充护理目标' });
    await ok(agency, SAVE, { v: v2.id, i: { lines: [{ kind: 'ITEM', code: 'A07', times: 1, per: 'DAY' }], effectiveFrom: from, goals: '保证进食' } });
    await ok(agency, SUBMIT, { v: v2.id });
    expect((await ok(officer, APPROVE, { v: v2.id })).approveCarePlan).toMatchObject({ status: 'APPROVED', effectiveFrom: from });
    const after = (await ok(officer, PLAN_Q, { id: plan.id })).carePlan;
    expect(after.versions.map((v: any) => [v.number, v.state, v.status, v.effectiveUntil])).toEqual([
      [1, 'SUPERSEDED', 'IN_FORCE', addDays(from, -1)],
      [2, 'APPROVED', 'APPROVED', null],
    ]);
    expect(after.current.number).toBe(1);
  });

  it('two officers approving at once: exactly one succeeds', async () => {
    const { draft } = await acceptedPlan(5);
    await ok(agency, SUBMIT, { v: draft.id });
    const officer2 = await s.as('officer');
    const results = await Promise.all([officer(APPROVE, { v: draft.id }), officer2(APPROVE, { v: draft.id })]);
    expect(results.map((r) => codeOf(r) ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
  });

  it('within the cap and where the area allows it, a submitted plan is approved at once', async () => {
    const { draft } = await acceptedPlan(4);
    const [row] = await sql(`insert into benefit_settings (id, pooling_area, effective_from, settings, created_by_id) select gen_random_uuid(), '3702', ?, jsonb_set(?::jsonb, '{autoApproveWithinCap}', 'true'), id from app_user where username = 'officer' returning id`, [addDays(today, -1), JSON.stringify((await import('../../server/src/careplan/careplan.rules.ts')).DEFAULT_BENEFITS)]);
    try {
      const v = (await ok(agency, SUBMIT, { v: draft.id })).submitCarePlan;
      expect(v).toMatchObject({ state: 'APPROVED', status: 'IN_FORCE', autoApproved: true });
    } finally {
      await sql(`delete from benefit_settings where id = ?`, [row.id]);
    }
  });
});

describe('plan document', () => {
  it('prints a version as PDF with Chinese embedded, for those who may read the plan', async () => {
    const { draft } = await acceptedPlan(4);
    await ok(agency, SUBMIT, { v: draft.id });
    await ok(officer, APPROVE, { v: draft.id });
    const url = `${s.url}/api/care-plan-versions/${draft.id}/pdf`;
    const pdf = await fetch(url, { headers: { cookie: (agency as any).cookie } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.toString('latin1')).toMatch(/NotoSansSC/);
    expect((await fetch(url, { headers: { cookie: (agency2 as any).cookie } })).status).toBe(404);
    expect((await fetch(url, { headers: { cookie: (assessor as any).cookie } })).status).toBe(403);
    expect((await fetch(url)).status).toBe(401);
  });
});

describe('events elsewhere', () => {
  it('a new conclusion lists the plan for revision; a redraft follows the new level', async () => {
    const { plan, draft, personId, conclusionId } = await acceptedPlan(3);
    await ok(agency, SUBMIT, { v: draft.id });
    await ok(officer, APPROVE, { v: draft.id });
    expect((await ok(agency, PLAN_Q, { id: plan.id })).carePlan.attention).toEqual([]);
    // An appeal concludes level 5: the plan is listed for the agency, and nothing about it changed by itself.
    await reassess(s, personId, conclusionId, 5);
    const listed = (await ok(agency, PLAN_Q, { id: plan.id })).carePlan;
    expect(listed).toMatchObject({ attention: ['TO_REVISE'], level: 3, state: 'ACTIVE', current: { number: 1 } });
    expect((await ok(agency, `{ carePlans(attention: TO_REVISE, first: 100) { edges { node { id } } } }`)).carePlans.edges.map((e: any) => e.node.id)).toContain(plan.id);
    // The agency redrafts from the new conclusion: level 5, its cap, proposals again.
    const v2 = (await ok(agency, `mutation($p: ID!) { reviseCarePlan(planId: $p, redraft: true) { ${VERSION} } }`, { p: plan.id })).reviseCarePlan;
    expect(v2).toMatchObject({ number: 2, level: 5, cost: { main: { capFen: 180000 } } });
    expect(v2.lines.find((l: any) => l.code === 'A25').reasons[0].text).toMatch(/^认知能力重度受损/);
    await ok(agency, SUBMIT, { v: v2.id });
    await ok(officer, APPROVE, { v: v2.id });
    expect((await ok(agency, PLAN_Q, { id: plan.id })).carePlan).toMatchObject({ attention: [], level: 5 });
  });

  it('a new conclusion below the qualifying levels: no revision, the plan is ended with that reason', async () => {
    const { plan, draft, personId, conclusionId } = await acceptedPlan(4);
    await ok(agency, SUBMIT, { v: draft.id });
    await ok(officer, APPROVE, { v: draft.id });
    await reassess(s, personId, conclusionId, 2);
    expect((await ok(agency, PLAN_Q, { id: plan.id })).carePlan.attention).toEqual(['TO_REVISE']);
    expect(reasonOf(await agency(`mutation($p: ID!) { reviseCarePlan(planId: $p) { id } }`, { p: plan.id }))).toBe('NOT_QUALIFYING');
    const ended = (await ok(agency, `mutation($id: ID!) { endCarePlan(id: $id, input: { date: "${today}", reason: NEW_CONCLUSION }) { ${PLAN} } }`, { id: plan.id })).endCarePlan;
    expect(ended).toMatchObject({ state: 'ENDED', endReason: 'NEW_CONCLUSION', endDate: today, attention: [] });
    // The agency no longer serves the person from tomorrow on; today still counts.
    expect((await sql(`select until from agency_client where person_id = ? and agency_id = ?`, [personId, agencyA])).map((r: any) => r.until)).toEqual([today]);
  });

  it('death ends the plan on the date of death, with its versions', async () => {
    const { plan, draft, personId } = await acceptedPlan(4);
    await ok(agency, SUBMIT, { v: draft.id });
    await ok(officer, APPROVE, { v: draft.id });
    await ok(officer, `mutation($id: ID!, $d: String!) { recordDeath(id: $id, input: { dateOfDeath: $d }) { id } }`, { id: personId, d: today });
    const after = (await ok(officer, PLAN_Q, { id: plan.id })).carePlan;
    expect(after).toMatchObject({ state: 'ENDED', endDate: today, endReason: 'DEATH' });
    expect(after.versions[0]).toMatchObject({ state: 'ENDED', effectiveUntil: today });
    const audit = await sql(`select operation from audit_log where entity_id in (?, ?) order by id`, [plan.id, draft.id]);
    expect(audit.map((a: any) => a.operation)).toContain('END_CARE_PLAN');
  });

  it('a suspended contract lists the plans for transfer; the officer moves them to another agency', async () => {
    const { plan, draft, personId } = await acceptedPlan(4);
    await ok(agency, SUBMIT, { v: draft.id });
    await ok(officer, APPROVE, { v: draft.id });
    const [c] = await sql(`select id from contract where agency_id = ? and state = 'APPROVED' and start_date <= current_date and end_date >= current_date`, [agencyA]);
    await sql(`update contract set state = 'SUSPENDED', suspended_from = ? where id = ?`, [addDays(today, -1), c.id]);
    try {
      const queue = (await ok(officer, `{ carePlans(attention: TO_TRANSFER, first: 100) { totalCount edges { node { id } } } }`)).carePlans;
      expect(queue.edges.map((e: any) => e.node.id)).toContain(plan.id);
      // Move to another home-care agency serving the district.
      // Agency B is asked to take over; it now serves the person's district too.
      await sql(`update agency set service_area = array['370202', '370203'] where id = ?`, [agencyB]);
      const T = `mutation($id: ID!, $i: CarePlanTransferInput!) { transferCarePlan(id: $id, input: $i) { id state agencyId startDate } }`;
      const i = { id: randomUUID(), agencyId: agencyB, date: addDays(today, 1) };
      const moved = (await ok(officer, T, { id: plan.id, i })).transferCarePlan;
      expect(moved).toMatchObject({ id: i.id, state: 'REQUESTED', agencyId: agencyB, startDate: addDays(today, 1) });
      // A retry (the answer was lost) returns the same new plan.
      expect((await ok(officer, T, { id: plan.id, i })).transferCarePlan.id).toBe(i.id);
      // Agency B accepts and drafts anew; agency A keeps reading the ended plan's history.
      expect((await ok(agency2, ACCEPT, { id: moved.id })).acceptCarePlan.versions[0].state).toBe('DRAFT');
      expect((await ok(agency, PLAN_Q, { id: plan.id })).carePlan.state).toBe('ENDED');
      const old = (await ok(officer, PLAN_Q, { id: plan.id })).carePlan;
      expect(old).toMatchObject({ state: 'ENDED', endDate: today, endReason: 'AGENCY_CHANGE' });
      void personId;
    } finally {
      await sql(`update contract set state = 'APPROVED', suspended_from = null where id = ?`, [c.id]);
      await sql(`update agency set service_area = array['370203'] where id = ?`, [agencyB]);
    }
  });
});

describe('benefit settings', () => {
  it('a fund officer adds a version from a future date; the past stays; a past date is refused', async () => {
    const q = `query($on: String) { benefitSettings(poolingArea: "3702", on: $on) { effectiveFrom qualifyingLevels forms { form fundRatioPercent levels { level kind amountFen hoursPerWeek } } } }`;
    const now = (await ok(officer, q, {})).benefitSettings;
    expect(now.forms.find((f: any) => f.form === 'HOME')).toMatchObject({ fundRatioPercent: 75, levels: [{ level: 3, kind: 'MONTHLY_AMOUNT', amountFen: 120000, hoursPerWeek: null }, { level: 4, amountFen: 150000 }, { level: 5, amountFen: 180000 }].map((x) => expect.objectContaining(x)) });
    const input = {
      qualifyingLevels: [3, 4, 5],
      autoApproveWithinCap: false,
      forms: [{ form: 'HOME', fundRatioPercent: 90, levels: [{ level: 3, kind: 'WEEKLY_HOURS', hoursPerWeek: 3 }, { level: 4, kind: 'WEEKLY_HOURS', hoursPerWeek: 5 }, { level: 5, kind: 'DAILY_AMOUNT', amountFen: 6000 }] }],
    };
    const m = `mutation($d: String!, $s: BenefitSettingsInput!) { setBenefitSettings(poolingArea: "3702", effectiveFrom: $d, settings: $s) { effectiveFrom } }`;
    const past = await officer(m, { d: today, s: input });
    expect(fieldReasons(past)).toEqual(['effectiveFrom:NOT_FUTURE']);
    expect(codeOf(await agency(m, { d: '2099-01-01', s: input }))).toBe('FORBIDDEN');
    await ok(officer, m, { d: '2099-01-01', s: input });
    const future = (await ok(officer, q, { on: '2099-01-01' })).benefitSettings;
    expect(future.effectiveFrom).toBe('2099-01-01');
    expect(future.forms.find((f: any) => f.form === 'HOME').levels[0]).toEqual({ level: 3, kind: 'WEEKLY_HOURS', amountFen: null, hoursPerWeek: 3 });
    // Forms left out keep what the version in force gives them.
    expect(future.forms.find((f: any) => f.form === 'DEVICE')).toEqual(now.forms.find((f: any) => f.form === 'DEVICE'));
    expect((await ok(officer, q, {})).benefitSettings).toEqual(now);
    const bad = await officer(m, { d: '2099-02-01', s: { ...input, forms: [{ form: 'FAMILY', fundRatioPercent: 120, levels: [{ level: 3, kind: 'WEEKLY_HOURS', hoursPerWeek: 2 }] }] } });
    expect(fieldReasons(bad)).toEqual(['settings.forms.FAMILY.fundRatioPercent:RANGE', 'settings.forms.FAMILY.levels.3.kind:NOT_FOR_FORM']);
  });
});

describe('who sees what', () => {
  it('agencies see only their plans, fund officers and supervisors their area, assessors none', async () => {
    const { plan } = await acceptedPlan(3);
    expect(codeOf(await agency2(PLAN_Q, { id: plan.id }))).toBe('NOT_FOUND');
    expect((await ok(agency2, `{ carePlans(first: 100) { edges { node { agencyId } } } }`)).carePlans.edges.every((e: any) => e.node.agencyId === agencyB)).toBe(true);
    expect((await ok(supervisor, PLAN_Q, { id: plan.id })).carePlan.id).toBe(plan.id);
    expect((await ok(caregiver, PLAN_Q, { id: plan.id })).carePlan.id).toBe(plan.id);
    expect(codeOf(await assessor(PLAN_Q, { id: plan.id }))).toBe('FORBIDDEN');
    expect(codeOf(await assessor(`{ carePlans { totalCount } }`))).toBe('FORBIDDEN');
    expect(codeOf(await agency2(`mutation($v: ID!, $i: CarePlanDraftInput!) { saveCarePlanDraft(versionId: $v, input: $i) { id } }`, { v: plan.versions[0].id, i: { lines: [] } }))).toBe('NOT_FOUND');
    expect(codeOf(await agency(REQUEST, { i: { personId: plan.id, careForm: 'HOME', agencyId: agencyA, startDate: today } }))).toBe('FORBIDDEN');
  });

  it('a page of plans costs a fixed number of statements, whatever its size', async () => {
    const statements = (first: number) =>
      countStatements(s, async () => {
        const r = await officer(`query($n: Int) { carePlans(first: $n) { edges { node { id personName agencyName level attention versions { id decidedByName lines { code } } current { id } open { id } } } } }`, { n: first });
        expect(r.body.errors).toBeUndefined();
        expect(r.body.data.carePlans.edges.length).toBe(first);
      });
    // session, page, count, persons, agencies, conclusions, versions, lines, queues, deciders' names
    const small = await statements(2);
    const large = await statements(12);
    expect(small).toBeLessThanOrEqual(11);
    expect(large).toBeLessThanOrEqual(11);
  });
});
