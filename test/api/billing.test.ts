// Monthly settlement through the API: generating a claim from the demo agency's visits, scoping (an agency sees its
// own claims only, officers their area's), the workflow with request ids (declare, review, deduct, return,
// regenerate, approve, pay), two officers approving at once, immutability after approval (also against direct SQL),
// visits of a declared claim that cannot be voided, and the adjustments (recoveries, deposit releases, carried
// payables) taken once each.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, startTestServer, type Gql, type TestServer, sqlOn } from '../helpers/server.ts';
import { DEMO_AGENCIES } from '../../seeds/demo-users.ts';
import { localDate } from '../../server/src/shared/clock.ts';
import { applyPercent } from '../../server/src/careplan/careplan.rules.ts';

let s: TestServer;
let agency: Gql, agency2: Gql, officer: Gql, supervisor: Gql, caregiver: Gql;
const sql = (q: string, params: unknown[] = []) => sqlOn(s)(q, params);
const AGENCY = DEMO_AGENCIES[0]!.id;
const MONTH = localDate(new Date()).slice(0, 7);

const CLAIM = `id state version late lineCount visitCount grossFen capFen eligibleFen excessFen fundFen copayFen deductedFen reviewDeductedFen approvedFundFen depositFen adjustmentFen payableFen
  returnReason paidAmountFen paidOn paymentReference declareBy payBy agencyName month events { verb fromState toState reason actor }`;
const GENERATE = `mutation($m: String!, $a: ID, $p: String) { generateClaims(month: $m, agencyId: $a, poolingArea: $p) { claims { ${CLAIM} } skipped { agencyId state } } }`;
const LINES = `query($id: ID!, $rule: String, $excess: Boolean, $change: Int, $reviewed: Boolean) { claimLines(claimId: $id, rule: $rule, excessOnly: $excess, changePercent: $change, reviewed: $reviewed, first: 200) {
  totalCount nodes { id kind personId personName careForm level coveredDays visitCount grossFen capFen eligibleFen excessFen fundFen copayFen deductedFen reviewDeductedFen
  deductions { reason count amountFen visitIds } reviewDeductions { id reason amountFen note createdBy } adjustmentReason sourceId previousFundFen } } }`;
const move = (verb: string, extra = '') => `mutation($id: ID!, $r: ID!, $v: Int${extra ? ', ' + extra.split('|')[0] : ''}) { ${verb}(id: $id, requestId: $r, version: $v${extra ? ', ' + extra.split('|')[1] : ''}) { ${CLAIM} } }`;
const DECLARE = move('declareClaim');
const REVIEW = move('startClaimReview');
const RETURN = move('returnClaim', '$reason: String!|reason: $reason');
const APPROVE = move('approveClaim');
const PAY = move('recordClaimPayment', '$pay: ClaimPaymentInput!|payment: $pay');
const DEDUCT = `mutation($i: ReviewDeductionInput!) { addReviewDeduction(input: $i) { ${CLAIM} } }`;
const UNDEDUCT = `mutation($id: ID!) { removeReviewDeduction(id: $id) { ${CLAIM} } }`;

async function ok(client: Gql, query: string, variables?: Record<string, unknown>) {
  const r = await client(query, variables);
  expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
  return r.body.data;
}

beforeAll(async () => {
  s = await startTestServer();
  [agency, agency2, officer, supervisor, caregiver] = (await Promise.all(['agency', 'agency2', 'officer', 'supervisor', 'caregiver'].map((u) => s.as(u)))) as unknown as [Gql, Gql, Gql, Gql, Gql];
});
afterAll(async () => {
  await s?.stop();
});

describe('generating a claim', () => {
  let claim: any;

  it('the agency generates its month from its visits: a line per beneficiary and form, totals as the sums of the lines', async () => {
    const visits = await sql(`select count(*)::int as n from visit where agency_id = ? and status = 'DONE' and local_date >= ?::date and local_date < (?::date + interval '1 month')`, [AGENCY, `${MONTH}-01`, `${MONTH}-01`]);
    expect(visits[0].n).toBeGreaterThan(0);
    const d = await ok(agency, GENERATE, { m: MONTH, a: AGENCY });
    expect(d.generateClaims.claims).toHaveLength(1);
    claim = d.generateClaims.claims[0];
    expect(claim).toMatchObject({ state: 'DRAFT', month: MONTH, late: false, version: 1 });
    expect(claim.visitCount).toBe(visits[0].n);
    const lines = (await ok(agency, LINES, { id: claim.id })).claimLines;
    expect(lines.totalCount).toBe(claim.lineCount);
    const care = lines.nodes.filter((l: any) => l.kind === 'CARE');
    for (const k of ['grossFen', 'capFen', 'eligibleFen', 'excessFen', 'fundFen', 'copayFen', 'deductedFen']) expect(claim[k]).toBe(care.reduce((n: number, l: any) => n + l[k], 0));
    for (const l of care) {
      expect(l.fundFen + l.copayFen).toBe(l.eligibleFen);
      expect(l.eligibleFen).toBe(Math.min(l.grossFen, l.capFen));
      expect(l.personName).toBeTruthy();
    }
    expect(claim.depositFen).toBe(applyPercent(claim.approvedFundFen, 5));
    expect(claim.payableFen).toBe(claim.approvedFundFen - claim.depositFen + claim.adjustmentFen);
    expect(claim.declareBy).toBe(`${localDate(new Date(Date.parse(`${MONTH}-28T00:00:00Z`) + 5 * 86_400_000)).slice(0, 7)}-08`);
  });

  it('is scoped: the officer and supervisor of the area see it, the other agency does not, and nobody else generates it', async () => {
    expect((await ok(officer, `query($id: ID!) { claim(id: $id) { id } }`, { id: claim.id })).claim.id).toBe(claim.id);
    expect((await ok(supervisor, `query($id: ID!) { claim(id: $id) { id } }`, { id: claim.id })).claim.id).toBe(claim.id);
    expect(codeOf(await agency2(`query($id: ID!) { claim(id: $id) { id } }`, { id: claim.id }))).toBe('NOT_FOUND');
    expect(codeOf(await agency2(LINES, { id: claim.id }))).toBe('NOT_FOUND');
    expect((await ok(agency2, `{ claims { totalCount nodes { id } } }`)).claims.nodes.map((c: any) => c.id)).not.toContain(claim.id);
    expect(codeOf(await agency2(GENERATE, { m: MONTH, a: AGENCY }))).toBe('NOT_FOUND');
    expect(codeOf(await caregiver(GENERATE, { m: MONTH, a: AGENCY }))).toBe('FORBIDDEN');
    expect(codeOf(await agency(GENERATE, { m: MONTH, p: '3702' }))).toBe('NOT_FOUND');
  });

  it('refuses a month that has not begun, a malformed month, and both or neither of agency and area', async () => {
    const next = localDate(new Date(Date.now() + 40 * 86_400_000)).slice(0, 7);
    const r = await agency(GENERATE, { m: next, a: AGENCY });
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.body.errors![0]!.extensions!.fieldErrors[0]).toMatchObject({ field: 'month', reason: 'FUTURE' });
    expect(codeOf(await agency(GENERATE, { m: '2026-13', a: AGENCY }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await officer(GENERATE, { m: MONTH, a: AGENCY, p: '3702' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await officer(GENERATE, { m: MONTH }))).toBe('BAD_USER_INPUT');
  });

  it('regenerating replaces the draft whole: the same claim, the same amounts, a new version', async () => {
    const again = (await ok(agency, GENERATE, { m: MONTH, a: AGENCY })).generateClaims.claims[0];
    expect(again.id).toBe(claim.id);
    expect(again.version).toBe(claim.version + 1);
    for (const k of ['lineCount', 'visitCount', 'grossFen', 'fundFen', 'payableFen']) expect(again[k]).toBe(claim[k]);
    const [n] = await sql(`select count(*)::int as n from claim_line where claim_id = ?`, [claim.id]);
    expect(n.n).toBe(claim.lineCount);
  });

  it('an officer generates every contracted agency of the area at once', async () => {
    const d = await ok(officer, GENERATE, { m: MONTH, p: '3702' });
    const ids = d.generateClaims.claims.map((c: any) => c.agencyName);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    expect(d.generateClaims.skipped).toEqual([]);
  });
});

describe('the workflow', () => {
  let claim: any;
  let line: any;
  const id = () => claim.id;

  beforeAll(async () => {
    claim = (await ok(agency, GENERATE, { m: MONTH, a: AGENCY })).generateClaims.claims[0];
    line = (await ok(agency, LINES, { id: claim.id })).claimLines.nodes.find((l: any) => l.kind === 'CARE' && l.fundFen > 100);
    expect(line).toBeTruthy();
  });

  it('the agency declares, once: a retry with the same request id answers the same, a stale version is a CONFLICT', async () => {
    expect(codeOf(await officer(DECLARE, { id: id(), r: randomUUID() }))).toBe('FORBIDDEN');
    const stale = await agency(DECLARE, { id: id(), r: randomUUID(), v: claim.version - 1 });
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(stale.body.errors![0]!.extensions!.reason).toBe('STALE');
    const r = randomUUID();
    const d = (await ok(agency, DECLARE, { id: id(), r, v: claim.version })).declareClaim;
    expect(d).toMatchObject({ state: 'DECLARED', late: false });
    const replay = (await ok(agency, DECLARE, { id: id(), r })).declareClaim;
    expect(replay.version).toBe(d.version);
    const again = await agency(DECLARE, { id: id(), r: randomUUID() });
    expect(codeOf(again)).toBe('CONFLICT');
    expect(again.body.errors![0]!.extensions).toMatchObject({ reason: 'STATE', state: 'DECLARED' });
    claim = d;
  });

  it('a declared claim is not regenerated, and its visits cannot be voided', async () => {
    const r = await agency(GENERATE, { m: MONTH, a: AGENCY });
    expect(codeOf(r)).toBe('CONFLICT');
    const [v] = await sql(`select unnest(visit_ids) as id from claim_line where claim_id = ? and cardinality(visit_ids) > 0 limit 1`, [id()]);
    const [flag] = await sql(`select claim_id from visit where id = ?`, [v.id]);
    expect(flag.claim_id).toBe(id());
    const voided = await agency(`mutation($id: ID!) { voidVisit(id: $id, reason: "录入错误") { id } }`, { id: v.id });
    expect(codeOf(voided)).toBe('CONFLICT');
    // The area's run leaves it alone and says so.
    const all = (await ok(officer, GENERATE, { m: MONTH, p: '3702' })).generateClaims;
    expect(all.skipped).toContainEqual({ agencyId: AGENCY, state: 'DECLARED' });
  });

  it('the officer takes it under review and deducts on a line: never above its fund amount; totals and deposit follow', async () => {
    expect(codeOf(await officer(DEDUCT, { i: { id: randomUUID(), lineId: line.id, reason: 'RECORD_DEFECT', amountFen: 100 } }))).toBe('CONFLICT');
    claim = (await ok(officer, REVIEW, { id: id(), r: randomUUID(), v: claim.version })).startClaimReview;
    expect(claim.state).toBe('UNDER_REVIEW');
    const over = await officer(DEDUCT, { i: { id: randomUUID(), lineId: line.id, reason: 'RECORD_DEFECT', amountFen: line.fundFen + 1 } });
    expect(codeOf(over)).toBe('BAD_USER_INPUT');
    expect(over.body.errors![0]!.extensions!.fieldErrors[0]).toMatchObject({ field: 'amountFen', reason: 'OVER_FUND' });
    expect(codeOf(await officer(DEDUCT, { i: { id: randomUUID(), lineId: line.id, reason: 'WHATEVER', amountFen: 100 } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await agency(DEDUCT, { i: { id: randomUUID(), lineId: line.id, reason: 'OTHER', amountFen: 100 } }))).toBe('FORBIDDEN');
    const dId = randomUUID();
    const input = { id: dId, lineId: line.id, reason: 'RECORD_DEFECT', amountFen: 101, note: '签名缺失' };
    const after = (await ok(officer, DEDUCT, { i: input })).addReviewDeduction;
    expect(after.reviewDeductedFen).toBe(101);
    expect(after.approvedFundFen).toBe(claim.fundFen - 101);
    expect(after.depositFen).toBe(applyPercent(claim.fundFen - 101, 5));
    expect(after.payableFen).toBe(after.approvedFundFen - after.depositFen + after.adjustmentFen);
    // A retry changes nothing; the same id for another deduction is a CONFLICT.
    expect((await ok(officer, DEDUCT, { i: input })).addReviewDeduction.reviewDeductedFen).toBe(101);
    expect(codeOf(await officer(DEDUCT, { i: { ...input, amountFen: 5 } }))).toBe('CONFLICT');
    // Up to the line's whole fund amount, and not a fen more.
    const rest = line.fundFen - 101;
    expect(codeOf(await officer(DEDUCT, { i: { id: randomUUID(), lineId: line.id, reason: 'OTHER', amountFen: rest + 1 } }))).toBe('BAD_USER_INPUT');
    const extra = randomUUID();
    expect((await ok(officer, DEDUCT, { i: { id: extra, lineId: line.id, reason: 'OTHER', amountFen: rest } })).addReviewDeduction.reviewDeductedFen).toBe(line.fundFen);
    claim = (await ok(officer, UNDEDUCT, { id: extra })).removeReviewDeduction;
    expect(claim.reviewDeductedFen).toBe(101);
    const reviewed = (await ok(officer, LINES, { id: id(), reviewed: true })).claimLines;
    expect(reviewed.totalCount).toBe(1);
    expect(reviewed.nodes[0].reviewDeductions).toMatchObject([{ reason: 'RECORD_DEFECT', amountFen: 101, note: '签名缺失', createdBy: '王经办' }]);
  });

  it('returned with reasons, it is a draft again: the visits are free, regeneration drops the review', async () => {
    expect(codeOf(await officer(RETURN, { id: id(), r: randomUUID(), reason: '  ' }))).toBe('BAD_USER_INPUT');
    claim = (await ok(officer, RETURN, { id: id(), r: randomUUID(), reason: '第3行缺少签名' })).returnClaim;
    expect(claim).toMatchObject({ state: 'DRAFT', returnReason: '第3行缺少签名' });
    const [n] = await sql(`select count(*)::int as n from visit where claim_id = ?`, [id()]);
    expect(n.n).toBe(0);
    claim = (await ok(agency, GENERATE, { m: MONTH, a: AGENCY })).generateClaims.claims[0];
    expect(claim.reviewDeductedFen).toBe(0);
    line = (await ok(agency, LINES, { id: id() })).claimLines.nodes.find((l: any) => l.personId === line.personId && l.careForm === line.careForm);
    claim = (await ok(agency, DECLARE, { id: id(), r: randomUUID() })).declareClaim;
    claim = (await ok(officer, REVIEW, { id: id(), r: randomUUID() })).startClaimReview;
    claim = (await ok(officer, DEDUCT, { i: { id: randomUUID(), lineId: line.id, reason: 'NOT_PROVIDED', amountFen: 50 } })).addReviewDeduction;
    expect(claim.events.map((e: any) => e.verb)).toEqual(['declare', 'review', 'return', 'declare', 'review']);
  });

  it('two officers approving at once: exactly one succeeds, the other gets CONFLICT', async () => {
    const officer2 = (await s.as('officer')) as unknown as Gql;
    const results = await Promise.all([officer(APPROVE, { id: id(), r: randomUUID() }), officer2(APPROVE, { id: id(), r: randomUUID() })]);
    const codes = results.map((r) => codeOf(r) ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    claim = results.find((r) => !r.body.errors)!.body.data.approveClaim;
    expect(claim.state).toBe('APPROVED');
    expect(claim.reviewDeductedFen).toBe(50);
  });

  it('an approved claim never changes: not through the API, not by direct SQL', async () => {
    expect(codeOf(await officer(DEDUCT, { i: { id: randomUUID(), lineId: line.id, reason: 'OTHER', amountFen: 1 } }))).toBe('CONFLICT');
    expect(codeOf(await agency(GENERATE, { m: MONTH, a: AGENCY }))).toBe('CONFLICT');
    expect(codeOf(await officer(RETURN, { id: id(), r: randomUUID(), reason: '再看看' }))).toBe('CONFLICT');
    await expect(sql(`update claim_line set fund_fen = fund_fen + 1, eligible_fen = eligible_fen + 1, gross_fen = gross_fen + 1 where id = ?`, [line.id])).rejects.toThrow(/APPROVED/);
    await expect(sql(`delete from claim_line where id = ?`, [line.id])).rejects.toThrow(/APPROVED/);
    await expect(sql(`insert into claim_line (id, pooling_area, claim_id, position, kind, fund_fen, adjustment_reason, source_id) values (?, '3702', ?, 9999, 'ADJUSTMENT', 1, 'CARRIED', ?)`, [randomUUID(), id(), randomUUID()])).rejects.toThrow(/APPROVED/);
    await expect(sql(`update claim set payable_fen = payable_fen + 1 where id = ?`, [id()])).rejects.toThrow(/APPROVED/);
    await expect(sql(`update claim set state = 'DRAFT' where id = ?`, [id()])).rejects.toThrow(/APPROVED/);
    await expect(sql(`delete from claim where id = ?`, [id()])).rejects.toThrow(/APPROVED/);
    await expect(sql(`delete from claim_review_deduction where claim_id = ?`, [id()])).rejects.toThrow(/APPROVED/);
  });

  it('the payment is recorded once, for the approved payable, by a fund officer', async () => {
    const today = localDate(new Date());
    const pay = { amountFen: claim.payableFen, paidOn: today, reference: 'CBS-2026-0001' };
    expect(codeOf(await agency(PAY, { id: id(), r: randomUUID(), pay }))).toBe('FORBIDDEN');
    const wrong = await officer(PAY, { id: id(), r: randomUUID(), pay: { ...pay, amountFen: pay.amountFen + 1 } });
    expect(wrong.body.errors![0]!.extensions!.fieldErrors[0]).toMatchObject({ field: 'payment.amountFen', reason: 'AMOUNT_MISMATCH' });
    const future = await officer(PAY, { id: id(), r: randomUUID(), pay: { ...pay, paidOn: '2099-01-01' } });
    expect(future.body.errors![0]!.extensions!.fieldErrors[0]).toMatchObject({ field: 'payment.paidOn' });
    const paid = (await ok(officer, PAY, { id: id(), r: randomUUID(), pay })).recordClaimPayment;
    expect(paid).toMatchObject({ state: 'PAID', paidAmountFen: claim.payableFen, paidOn: today, paymentReference: 'CBS-2026-0001' });
    await expect(sql(`update claim set payment_reference = 'X' where id = ?`, [id()])).rejects.toThrow(/PAID/);
    const audit = await sql(`select operation from audit_log where entity = 'Claim' and entity_id = ? order by id`, [id()]);
    expect(audit.map((a) => a.operation)).toEqual(expect.arrayContaining(['GENERATE_CLAIM', 'CLAIM_DECLARE', 'CLAIM_REVIEW', 'CLAIM_RETURN', 'CLAIM_APPROVE', 'CLAIM_PAY']));
  });
});

describe('adjustments', () => {
  it('a recovery, a quarter’s deposit release and a negative payable land once each, on the next claim generated', async () => {
    const A2 = DEMO_AGENCIES[1]!.id;
    const user = (await sql(`select id from app_user where username = 'officer'`))[0].id;
    // Two approved claims of the first quarter of 2025 withheld 1,000 and 2,001 fen; a later payable was −500 fen.
    const q3 = [randomUUID(), randomUUID()];
    const oct = randomUUID();
    for (const [i, cid] of q3.entries()) {
      await sql(`insert into claim (id, pooling_area, agency_id, month, state, deposit_fen, generated_at, generated_by_id) values (?, '3702', ?, ?::date, 'APPROVED', ?, now(), ?)`, [cid, A2, `2025-0${1 + i}-01`, i ? 2001 : 1000, user]);
    }
    await sql(`insert into claim (id, pooling_area, agency_id, month, state, payable_fen, generated_at, generated_by_id) values (?, '3702', ?, '2025-04-01', 'PAID', -500, now(), ?)`, [oct, A2, user]);
    // The quarter's evaluation (the demo may have one already): a pass releases 80%.
    const [{ id: evaluation }] = await sql(
      `insert into evaluation (id, pooling_area, agency_id, quarter, scores, total, grade, release_percent, violation_count, penalty_fen, evaluated_by_id) values (?, '3702', ?, '2025Q1', '{}', 75, 'PASS', 80, 0, 0, ?)
       on conflict (agency_id, quarter) do update set release_percent = 80 returning id`,
      [randomUUID(), A2, user],
    );
    const violation = randomUUID();
    await sql(`insert into violation (id, pooling_area, agency_id, date, rule, recover_fen, penalty_fen, action, recorded_by_id) values (?, '3702', ?, ?::date, '虚报服务', 12345, 0, 'WARNING', ?)`, [violation, A2, `${MONTH}-01`, user]);

    const draft = (await ok(officer, GENERATE, { m: MONTH, a: A2 })).generateClaims.claims[0];
    const adjustments = (await ok(officer, LINES, { id: draft.id })).claimLines.nodes.filter((l: any) => l.kind === 'ADJUSTMENT');
    expect(adjustments.map((l: any) => [l.adjustmentReason, l.sourceId, l.fundFen])).toEqual([
      ['CARRIED', oct, -500],
      ['DEPOSIT_RELEASE', evaluation, applyPercent(3001, 80)],
      ['RECOVERY', violation, -12345],
    ]);
    expect(draft.adjustmentFen).toBe(-500 + 2401 - 12345);
    expect(draft.payableFen).toBe(draft.approvedFundFen - draft.depositFen + draft.adjustmentFen);
    // Regenerating keeps them (the draft's own are replaced); another month's claim does not take them again.
    const again = (await ok(officer, GENERATE, { m: MONTH, a: A2 })).generateClaims.claims[0];
    expect(again.adjustmentFen).toBe(draft.adjustmentFen);
    const prev = localDate(new Date(Date.parse(`${MONTH}-01T00:00:00Z`) - 86_400_000)).slice(0, 7);
    const [existing] = await sql(`select state from claim where agency_id = ? and month = ?::date`, [A2, `${prev}-01`]);
    if (!existing || existing.state === 'DRAFT') {
      const other = (await ok(officer, GENERATE, { m: prev, a: A2 })).generateClaims.claims[0];
      expect(other.adjustmentFen).toBe(0);
    }
  });
});
