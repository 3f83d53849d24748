// Care providers over HTTP: agencies, the contract lifecycle, price versions by date, caregivers and their
// eligibility, evaluations and violations, and who sees what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { codeOf, startTestServer, type Gql, type TestServer, sqlOn } from '../helpers/server.ts';
import { residentId } from '../helpers/factories.ts';
import { creditCodeCheckChar } from '../../server/src/shared/identifiers.ts';
import { localDate } from '../../server/src/shared/clock.ts';
import { addDays } from '../../server/src/shared/dates.ts';

let s: TestServer;
let officer: Gql, supervisor: Gql, agency: Gql, agency2: Gql, admin: Gql;
let agencyAId = '';
let agencyBId = '';
const today = localDate(new Date());
const sql = (q: string, params: unknown[] = []) => sqlOn(s)(q, params);

async function ok(client: Gql, query: string, variables?: Record<string, unknown>) {
  const r = await client(query, variables);
  expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
  return r.body.data;
}
const fieldReasons = (r: any) => r.body.errors?.[0]?.extensions?.fieldErrors?.map((e: any) => `${e.field}:${e.reason}`) ?? [];
const C_FIELDS = 'id status state allowedActions startDate endDate stateReason suspendedFrom suspendedUntil';

let codeSeq = 50;
function creditCode() {
  const first17 = `9137020${String(codeSeq++).padStart(2, '0')}MA3T5Q8N`.slice(0, 17);
  return first17 + creditCodeCheckChar(first17);
}

async function newAgency(name: string) {
  return (await ok(officer, `mutation($i: AgencyInput!) { registerAgency(poolingArea: "3702", input: $i) { id name kind } }`, { i: { name, creditCode: creditCode(), kind: 'HOME_CARE', serviceArea: ['370202'] } })).registerAgency.id as string;
}

beforeAll(async () => {
  s = await startTestServer();
  [officer, supervisor, agency, agency2, admin] = [await s.as('officer'), await s.as('supervisor'), await s.as('agency'), await s.as('agency2'), await s.as('admin')];
  const own = (await ok(agency, `{ agencies { id name } }`)).agencies;
  expect(own).toHaveLength(1);
  agencyAId = own[0].id;
  agencyBId = (await ok(agency2, `{ agencies { id } }`)).agencies[0].id;
});
afterAll(async () => {
  await s?.stop();
});

describe('agencies', () => {
  it('are registered with a valid credit code, and refused with a wrong one', async () => {
    const bad = await officer(`mutation($i: AgencyInput!) { registerAgency(poolingArea: "3702", input: $i) { id } }`, { i: { name: '某机构', creditCode: '91370200MA3T5Q8N01', kind: 'INSTITUTION' } });
    expect(fieldReasons(bad)).toContain('input.creditCode:CHECK_DIGIT');
    expect((await newAgency('测试新机构')).length).toBe(36);
  });

  it('show the bank account in full to the fund office and the agency itself, masked to others', async () => {
    const q = `query($id: ID!) { agency(id: $id) { bankAccount } }`;
    const full = (await ok(officer, q, { id: agencyAId })).agency.bankAccount;
    expect(full).toMatch(/^\d+$/);
    expect((await ok(agency, q, { id: agencyAId })).agency.bankAccount).toBe(full);
    expect((await ok(supervisor, q, { id: agencyAId })).agency.bankAccount).toMatch(/^\*+\d{4}$/);
  });

  it('keep the profile fields an update leaves out, and clear those sent as null', async () => {
    const q = `query($id: ID!) { agency(id: $id) { name contactName contactPhone bankAccount address } }`;
    const before = (await ok(agency, q, { id: agencyAId })).agency;
    const [row] = await sql(`select credit_code from agency where id = ?`, [agencyAId]);
    const upd = `mutation($id: ID!, $i: AgencyInput!) { updateAgency(id: $id, input: $i) { contactName contactPhone bankAccount address } }`;
    const kept = (await ok(agency, upd, { id: agencyAId, i: { name: before.name, creditCode: row.credit_code, kind: 'HOME_CARE', contactName: '新联系人' } })).updateAgency;
    expect(kept).toEqual({ contactName: '新联系人', contactPhone: before.contactPhone, bankAccount: before.bankAccount, address: before.address });
    const cleared = (await ok(agency, upd, { id: agencyAId, i: { name: before.name, creditCode: row.credit_code, kind: 'HOME_CARE', address: null } })).updateAgency;
    expect(cleared.address).toBeNull();
  });

  it('are visible to an agency only for itself', async () => {
    expect(codeOf(await agency(`query($id: ID!) { agency(id: $id) { id } }`, { id: agencyBId }))).toBe('NOT_FOUND');
    expect(codeOf(await agency(`query($id: ID!) { contracts(agencyId: $id) { id } }`, { id: agencyBId }))).toBeUndefined();
    expect((await ok(agency, `query($id: ID!) { contracts(agencyId: $id) { id } }`, { id: agencyBId })).contracts).toEqual([]);
    expect(codeOf(await agency(`mutation($id: ID!, $i: AgencyInput!) { updateAgency(id: $id, input: $i) { id } }`, { id: agencyBId, i: { name: 'x', creditCode: creditCode(), kind: 'HOME_CARE' } }))).toBe('NOT_FOUND');
  });
});

describe('contracts', () => {
  it('run draft → submitted → approved, audited, with prices required first', async () => {
    // The agency's administrator applies (a renewal-like contract after the current one); the officer cannot.
    const apply = `mutation($i: ContractApplicationInput!) { applyForContract(input: $i) { ${C_FIELDS} } }`;
    expect(codeOf(await officer(apply, { i: { agencyId: agencyAId, careForms: ['HOME'], startDate: addDays(today, 400), endDate: addDays(today, 1500) } }))).toBe('FORBIDDEN');
    const c = (
      await ok(agency, `mutation($i: ContractApplicationInput!) { applyForContract(input: $i) { ${C_FIELDS} } }`, {
        i: { id: randomUUID(), agencyId: agencyAId, careForms: ['HOME'], startDate: addDays(today, 400), endDate: addDays(today, 1500) },
      })
    ).applyForContract;
    expect(c).toMatchObject({ status: 'DRAFT', allowedActions: ['submit'] });
    const early = await officer(`mutation($id: ID!) { approveContract(id: $id) { id } }`, { id: c.id });
    expect(early.body.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', state: 'DRAFT' });
    expect((await ok(agency, `mutation($id: ID!) { submitContract(id: $id) { status } }`, { id: c.id })).submitContract.status).toBe('SUBMITTED');
    const noPrices = await officer(`mutation($id: ID!) { approveContract(id: $id) { id } }`, { id: c.id });
    expect(noPrices.body.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NO_PRICES' });
    await ok(officer, `mutation($id: ID!, $i: PriceScheduleInput!) { addPriceSchedule(contractId: $id, input: $i) { effectiveFrom } }`, { id: c.id, i: { effectiveFrom: addDays(today, 400), itemPrices: { A01: 1200, A05: 2500 } } });
    const approved = (await ok(officer, `mutation($id: ID!) { approveContract(id: $id) { ${C_FIELDS} } }`, { id: c.id })).approveContract;
    expect(approved).toMatchObject({ state: 'APPROVED', status: 'SCHEDULED' });
    const rows = await sql(`select operation from audit_log where entity = 'Contract' and entity_id = ? order by at, id`, [c.id]);
    expect(rows.map((r) => r.operation)).toEqual(['APPLY', 'SUBMIT', 'SET_PRICES', 'APPROVE']);
  });

  it('allow only one contract in force per agency and area (overlapping terms refused)', async () => {
    const c = (await ok(agency, `mutation($i: ContractApplicationInput!) { applyForContract(input: $i) { id } }`, { i: { agencyId: agencyAId, careForms: ['HOME'], startDate: today, endDate: addDays(today, 300) } })).applyForContract;
    await ok(agency, `mutation($id: ID!) { submitContract(id: $id) { id } }`, { id: c.id });
    await ok(officer, `mutation($id: ID!, $i: PriceScheduleInput!) { addPriceSchedule(contractId: $id, input: $i) { id } }`, { id: c.id, i: { effectiveFrom: today, itemPrices: { A01: 1200 } } });
    const r = await officer(`mutation($id: ID!) { approveContract(id: $id) { id } }`, { id: c.id });
    expect(r.body.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'OVERLAPPING_CONTRACT' });
  });

  it('refuse illegal transitions with CONFLICT and the state', async () => {
    const [terminated] = await sql(`select id from contract where state = 'TERMINATED' limit 1`);
    for (const m of ['approveContract(id: $id) { id }', 'resumeContract(id: $id) { id }', 'submitContract(id: $id) { id }']) {
      const client = m.startsWith('submit') ? agency : officer;
      const r = await client(`mutation($id: ID!) { ${m} }`, { id: terminated.id });
      expect(['CONFLICT', 'NOT_FOUND']).toContain(codeOf(r));
    }
    const r = await officer(`mutation($id: ID!) { approveContract(id: $id) { id } }`, { id: terminated.id });
    expect(r.body.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', state: 'TERMINATED' });
  });

  it('suspend with dates and reason, resume, terminate', async () => {
    const [active] = await sql(`select c.id from contract c join agency a on a.id = c.agency_id where c.state = 'APPROVED' and c.end_date > current_date + 100 and c.start_date <= current_date limit 1`);
    const sus = (await ok(officer, `mutation($id: ID!, $f: String!) { suspendContract(id: $id, reason: "整改", from: $f) { ${C_FIELDS} } }`, { id: active.id, f: today })).suspendContract;
    expect(sus).toMatchObject({ status: 'SUSPENDED', stateReason: '整改', suspendedFrom: today });
    expect((await ok(officer, `mutation($id: ID!) { resumeContract(id: $id) { status } }`, { id: active.id })).resumeContract.status).toBe('ACTIVE');
    expect((await ok(officer, `mutation($id: ID!) { terminateContract(id: $id, reason: "解除") { status } }`, { id: active.id })).terminateContract.status).toBe('TERMINATED');
  });

  it('list those expiring within 60 days', async () => {
    const list = (await ok(officer, `{ contracts(expiringWithinDays: 60) { endDate agencyName } }`)).contracts;
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((c: any) => c.endDate >= today && c.endDate <= addDays(today, 60))).toBe(true);
  });
});

describe('price schedules', () => {
  it('price an item by the version in force on the day before, on and after a change', async () => {
    const [c] = await sql(`select c.id from contract c join price_schedule p on p.contract_id = c.id where p.effective_from = '2026-07-01' limit 1`);
    const price = async (on: string) => (await ok(officer, `query($c: ID!, $on: String!) { itemPrice(contractId: $c, code: "A05", on: $on) { priceFen effectiveFrom } }`, { c: c.id, on })).itemPrice;
    expect(await price('2026-06-30')).toEqual({ priceFen: 2500, effectiveFrom: '2025-01-01' });
    expect(await price('2026-07-01')).toEqual({ priceFen: 2375, effectiveFrom: '2026-07-01' });
    expect(await price('2026-07-02')).toEqual({ priceFen: 2375, effectiveFrom: '2026-07-01' });
  });

  it('refuse a change in the past of an approved contract, an unknown item, and a price above the default without a note', async () => {
    const [c] = await sql(`select id from contract where state = 'APPROVED' and start_date <= current_date and end_date > current_date + 30 limit 1`);
    const add = (i: Record<string, unknown>) => officer(`mutation($id: ID!, $i: PriceScheduleInput!) { addPriceSchedule(contractId: $id, input: $i) { id } }`, { id: c.id, i });
    expect(fieldReasons(await add({ effectiveFrom: addDays(today, -1), itemPrices: { A01: 1200 } }))).toContain('input.effectiveFrom:PAST');
    expect(fieldReasons(await add({ effectiveFrom: addDays(today, 1), itemPrices: { Z99: 1200 } }))).toContain('input.itemPrices.Z99:UNKNOWN_ITEM');
    expect(fieldReasons(await add({ effectiveFrom: addDays(today, 1), itemPrices: { A01: 1300 } }))).toContain('input.notes.A01:NOTE_REQUIRED');
    const okAdd = await add({ effectiveFrom: addDays(today, 1), itemPrices: { A01: 1300 }, notes: { A01: '人工成本上涨' } });
    expect(okAdd.body.errors).toBeUndefined();
  });

  it('are not visible to another agency', async () => {
    const [c] = await sql(`select c.id from contract c where c.agency_id = ? limit 1`, [agencyAId]);
    expect(codeOf(await agency2(`query($id: ID!) { priceSchedules(contractId: $id) { id } }`, { id: c.id }))).toBe('NOT_FOUND');
    expect((await ok(agency, `query($id: ID!) { priceSchedules(contractId: $id) { id } }`, { id: c.id })).priceSchedules.length).toBeGreaterThan(0);
  });
});

describe('catalogue', () => {
  it('has the 44 demo items and new versions take effect from their date', async () => {
    const now = (await ok(officer, `{ catalogue(poolingArea: "3702") { code defaultPriceFen category } }`)).catalogue;
    expect(now).toHaveLength(44);
    expect(now.find((i: any) => i.code === 'B15')).toMatchObject({ defaultPriceFen: 6000, category: 'B' });
    const tomorrow = addDays(today, 1);
    await ok(admin, `mutation($i: CatalogueItemInput!) { setCatalogueItem(poolingArea: "3702", input: $i) { code } }`, { i: { code: 'A01', name: '头面部清洁、梳理', category: 'A', minutes: 15, defaultPriceFen: 1300, careForms: ['HOME'], effectiveFrom: tomorrow } });
    const before = (await ok(officer, `query($on: String) { catalogue(poolingArea: "3702", on: $on) { code defaultPriceFen } }`, { on: today })).catalogue;
    const after = (await ok(officer, `query($on: String) { catalogue(poolingArea: "3702", on: $on) { code defaultPriceFen } }`, { on: tomorrow })).catalogue;
    expect(before.find((i: any) => i.code === 'A01').defaultPriceFen).toBe(1200);
    expect(after.find((i: any) => i.code === 'A01').defaultPriceFen).toBe(1300);
    expect(codeOf(await officer(`mutation($i: CatalogueItemInput!) { setCatalogueItem(poolingArea: "3702", input: $i) { code } }`, { i: { code: 'A01', name: 'x', category: 'A', minutes: 1, defaultPriceFen: 1, careForms: ['HOME'], effectiveFrom: tomorrow } }))).toBe('FORBIDDEN');
  });
});

describe('caregivers', () => {
  const ADD = `mutation($i: CaregiverInput!) { addCaregiver(input: $i) { id name idNumber qualification level certificateExpiring employments { agencyName from until } } }`;
  const input = (over: Record<string, unknown> = {}) => ({ id: randomUUID(), agencyId: agencyAId, name: '新护理员', idNumber: residentId({ birth: '19800101', male: false }), qualification: 'ELDERLY_CARE', level: 4, certificateNo: 'QDHL900001', certificateExpiry: addDays(today, 365), trainingHours: 60, phone: '13912340000', ...over });

  it('are added by their agency with a validated resident ID, masked in reads', async () => {
    const c = (await ok(agency, ADD, { i: input() })).addCaregiver;
    expect(c).toMatchObject({ name: '新护理员', qualification: 'ELDERLY_CARE', level: 4 });
    expect(c.idNumber).toMatch(/^\d{6}\*{10}..$/);
    expect(c.employments).toEqual([{ agencyName: '青岛颐康居家护理服务有限公司', from: today, until: null }]);
    expect(fieldReasons(await agency(ADD, { i: input({ idNumber: '370203198001010011' }) }))).toContain('input.idNumber:CHECK_DIGIT');
    expect(fieldReasons(await agency(ADD, { i: input({ qualification: 'NURSE', level: null }) }))).toContain('input.licenceNo:REQUIRED');
    expect(fieldReasons(await agency(ADD, { i: input({ certificateExpiry: addDays(today, -1) }) }))).toContain('input.certificateExpiry:CERTIFICATE_EXPIRED');
    expect(codeOf(await agency(ADD, { i: input({ agencyId: agencyBId }) }))).toBe('NOT_FOUND');
  });

  it('belong to one agency at a time; a move keeps the dates', async () => {
    const id = residentId({ birth: '19790505', male: false });
    const c = (await ok(agency, ADD, { i: input({ idNumber: id }) })).addCaregiver;
    expect(fieldReasons(await agency2(ADD, { i: input({ idNumber: id, agencyId: agencyBId }) }))).toContain('input.idNumber:EMPLOYED_ELSEWHERE');
    const moved = (await ok(officer, `mutation($id: ID!, $to: ID!, $on: String!) { moveCaregiver(id: $id, toAgencyId: $to, on: $on) { agencyId employments { agencyName from until } } }`, { id: c.id, to: agencyBId, on: addDays(today, 1) })).moveCaregiver;
    expect(moved.agencyId).toBe(agencyBId);
    expect(moved.employments).toEqual([
      { agencyName: '青岛颐康居家护理服务有限公司', from: today, until: today },
      { agencyName: '青岛福寿康养老护理中心', from: addDays(today, 1), until: null },
    ]);
  });

  it('are eligible only with a valid certificate, employed, under a contract in force, qualified for the items', async () => {
    const [cg] = await sql(`select c.id from caregiver c join contract k on k.agency_id = c.agency_id where k.state = 'APPROVED' and k.start_date <= current_date and k.end_date >= current_date and c.certificate_expiry > current_date + 60 and c.qualification = 'ELDERLY_CARE' limit 1`);
    const q = `query($id: ID!, $on: String!, $c: [ItemCategory!]) { caregiverEligibility(id: $id, on: $on, categories: $c) { eligible reason } }`;
    expect((await ok(officer, q, { id: cg.id, on: today })).caregiverEligibility).toEqual({ eligible: true, reason: null });
    expect((await ok(officer, q, { id: cg.id, on: today, c: ['B'] })).caregiverEligibility).toEqual({ eligible: false, reason: 'QUALIFICATION' });
    const [expired] = await sql(`select c.id from caregiver c where c.certificate_expiry < current_date limit 1`);
    expect((await ok(officer, q, { id: expired.id, on: today })).caregiverEligibility.reason).toBe('CERTIFICATE_EXPIRED');
    const [suspendedAgency] = await sql(`select c.id from caregiver c join contract k on k.agency_id = c.agency_id where k.state = 'SUSPENDED' and c.certificate_expiry > current_date limit 1`);
    expect((await ok(officer, q, { id: suspendedAgency.id, on: today })).caregiverEligibility.reason).toBe('NO_ACTIVE_CONTRACT');
  });

  it('warn of certificates expiring within 60 days', async () => {
    const list = (await ok(agency, `{ caregivers(certificateExpiringWithinDays: 60) { totalCount nodes { certificateExpiry certificateExpiring certificateExpired } } }`)).caregivers;
    expect(list.nodes.every((c: any) => c.certificateExpiring || c.certificateExpired)).toBe(true);
    const counts = (await ok(agency, `{ caregiverCertificateCounts { total expired expiring } }`)).caregiverCertificateCounts;
    expect(counts.expired + counts.expiring).toBe(list.totalCount);
    expect(counts.total).toBeGreaterThanOrEqual(10);
  });

  it("page through a city's caregivers with cursors", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await ok(officer, `query($after: String) { caregivers(first: 40, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`, { after })).caregivers;
      seen.push(...page.nodes.map((n: any) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen.length).toBeGreaterThanOrEqual(150);
    expect(new Set(seen).size).toBe(seen.length);
  });
});

describe('evaluations and violations', () => {
  const full = { PLAN_DELIVERY: 22, AUDIT_FINDINGS: 18, RECORD_QUALITY: 13, STAFF: 9, SATISFACTION: 12, COMPLAINTS: 8, MANAGEMENT: 4 };
  it('score a quarter into a grade and a release of the quality deposit, counting the quarter’s violations', async () => {
    const id = await newAgency('考核机构');
    await ok(officer, `mutation($i: ViolationInput!) { recordViolation(input: $i) { id } }`, { i: { agencyId: id, date: '2026-10-15', rule: 'R03 服务时长不足', recoverFen: 1000, penaltyFen: 5000, action: 'WARNING' } });
    const e = (await ok(officer, `mutation($a: ID!, $s: JSONObject!) { evaluateAgency(agencyId: $a, quarter: "2026Q4", scores: $s) { total grade releasePercent violationCount penaltyFen } }`, { a: id, s: full })).evaluateAgency;
    expect(e).toEqual({ total: 86, grade: 'GOOD', releasePercent: 100, violationCount: 1, penaltyFen: 5000 });
    const again = await officer(`mutation($a: ID!, $s: JSONObject!) { evaluateAgency(agencyId: $a, quarter: "2026Q4", scores: $s) { total } }`, { a: id, s: full });
    expect(again.body.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_EVALUATED' });
    const bad = await officer(`mutation($a: ID!, $s: JSONObject!) { evaluateAgency(agencyId: $a, quarter: "2026Q3", scores: $s) { total } }`, { a: id, s: { ...full, STAFF: 12 } });
    expect(fieldReasons(bad)).toContain('input.scores.STAFF:RANGE');
  });

  it('a suspension recorded as a violation suspends the contract in force', async () => {
    const [c] = await sql(`select c.id, c.agency_id from contract c where c.state = 'APPROVED' and c.start_date <= current_date and c.end_date > current_date + 30 limit 1`);
    await ok(officer, `mutation($i: ViolationInput!) { recordViolation(input: $i) { id } }`, { i: { agencyId: c.agency_id, date: today, rule: 'R10 伪造确认', recoverFen: 0, penaltyFen: 100000, action: 'SUSPENSION', suspendedFrom: today, suspendedUntil: addDays(today, 30) } });
    expect((await ok(officer, `query($id: ID!) { contract(id: $id) { status suspendedUntil } }`, { id: c.id })).contract).toEqual({ status: 'SUSPENDED', suspendedUntil: addDays(today, 30) });
  });

  it('are visible to the agency for itself only', async () => {
    const mine = (await ok(agency, `{ evaluations { agencyId } }`)).evaluations;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((e: any) => e.agencyId === agencyAId)).toBe(true);
  });
});

describe('evaluation sheet', () => {
  it('is configurable per pooling area, with weights that add up to 100', async () => {
    const sheet = (await ok(officer, `{ evaluationSheet(poolingArea: "3702") { criteria { code name weight } grades { grade min releasePercent } } }`)).evaluationSheet;
    expect(sheet.criteria.reduce((s: number, c: any) => s + c.weight, 0)).toBe(100);
    const bad = await officer(`mutation($i: EvaluationSheetInput!) { setEvaluationSheet(poolingArea: "3702", input: $i) { criteria { code } } }`, { i: { ...sheet, criteria: [{ ...sheet.criteria[0], weight: 30 }, ...sheet.criteria.slice(1)] } });
    expect(fieldReasons(bad)).toContain('input.criteria:TOTAL');
    const criteria = [{ code: 'DELIVERY', name: '服务', weight: 60 }, { code: 'QUALITY', name: '质量', weight: 40 }];
    await ok(officer, `mutation($i: EvaluationSheetInput!) { setEvaluationSheet(poolingArea: "3702", input: $i) { criteria { code } } }`, { i: { criteria, grades: sheet.grades } });
    const id = await newAgency('新考核表机构');
    const e = (await ok(officer, `mutation($a: ID!, $s: JSONObject!) { evaluateAgency(agencyId: $a, quarter: "2026Q4", scores: $s) { total grade } }`, { a: id, s: { DELIVERY: 50, QUALITY: 25 } })).evaluateAgency;
    expect(e).toEqual({ total: 75, grade: 'PASS' });
  });
});
