// Home-care visits over HTTP: each hard rule, idempotent replay of check-ins, check-outs and sync batches, the
// audit rules on submission, findings explained and decided, manual entry and voiding, the caregiver's day, the
// Shanghai month boundary, and who sees what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { codeOf, countStatements, startTestServer, type Gql, type TestServer, sqlOn } from '../helpers/server.ts';
import { liveClient, subscribe } from '../helpers/live.ts';
import { localDate } from '../../server/src/shared/clock.ts';
import { addDays } from '../../server/src/shared/dates.ts';

let s: TestServer;
let caregiver: Gql, agency: Gql, agency2: Gql, supervisor: Gql, officer: Gql, assessor: Gql;
const sql = (q: string, params: unknown[] = []) => sqlOn(s)(q, params);
const today = localDate(new Date());
let plan: { person_id: string; version_id: string; lat: number; lng: number; effective_from: string };
let items: { code: string; category: string; minutes: number }[];
let caregiverId = '';

async function ok(client: Gql, query: string, variables?: Record<string, unknown>) {
  const r = await client(query, variables);
  expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
  return r.body.data;
}
const reasonOf = (r: any) => r.body.errors?.[0]?.extensions?.reason;

const VISIT = `id status day checkInAt checkOutAt minutes source confirmation confirmedBy signatureUrl claimed items { code quantity }
  checkIn { lat lng accuracy distanceMetres } checkOut { lat lng accuracy distanceMetres } personName caregiverName agencyName
  findings { id rule action status summary evidence }`;
const CHECK_IN = `mutation($i: CheckInInput!) { checkIn(input: $i) { ${VISIT} } }`;
const CHECK_OUT = `mutation($i: CheckOutInput!) { checkOut(input: $i) { ${VISIT} } }`;
const SYNC = `mutation($ops: [SyncOpInput!]!) { syncVisits(ops: $ops) { ok visitId error { code reason message } visit { ${VISIT} } } }`;
const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();
/** A point `metres` north of the home. */
const north = (metres: number, accuracy = 10) => ({ lat: plan.lat + metres / 111_320, lng: plan.lng, accuracy });
// A 1×1 transparent PNG padded to pass the size check.
const PNG = 'data:image/png;base64,' + Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex'), Buffer.alloc(64)]).toString('base64');

async function visitPair(start: number, end: number, over: { items?: { code: string; quantity: number }[]; out?: object; in?: object; confirmation?: object | null } = {}) {
  const id = randomUUID();
  await ok(caregiver, CHECK_IN, { i: { id, personId: plan.person_id, at: minutesAgo(start), position: north(20), ...over.in } });
  const out = await ok(caregiver, CHECK_OUT, {
    i: { visitId: id, at: minutesAgo(end), position: north(30), items: over.items ?? [{ code: items[0]!.code, quantity: 1 }], confirmation: over.confirmation === undefined ? { method: 'SIGNATURE', signature: PNG } : over.confirmation, ...over.out },
  });
  return out.checkOut;
}

beforeAll(async () => {
  s = await startTestServer();
  [caregiver, agency, agency2, supervisor, officer, assessor] = (await Promise.all(['caregiver', 'agency', 'agency2', 'supervisor', 'officer', 'assessor'].map((u) => s.as(u)))) as unknown as [Gql, Gql, Gql, Gql, Gql, Gql];
  // A beneficiary of the demo caregiver's agency with a home-care plan in force since at least last month's end.
  [plan] = await sql(
    `select p.person_id, v.id as version_id, ip.latitude as lat, ip.longitude as lng, to_char(v.effective_from, 'YYYY-MM-DD') as effective_from
       from care_plan_version v join care_plan p on p.id = v.plan_id join insured_person ip on ip.id = p.person_id
       join caregiver c on c.agency_id = p.agency_id join app_user u on u.id = c.user_id
      where u.username = 'caregiver' and p.care_form = 'HOME' and v.state = 'APPROVED' and v.effective_from <= current_date and v.effective_until is null
        and ip.status = 'ACTIVE' order by v.effective_from limit 1`,
  );
  expect(plan, 'a demo plan in force for the caregiver’s agency').toBeTruthy();
  items = await sql(`select code, category, minutes from care_plan_line where plan_version_id = ? and kind = 'ITEM' order by position`, [plan.version_id]);
  caregiverId = (await sql(`select c.id from caregiver c join app_user u on u.id = c.user_id where u.username = 'caregiver'`))[0].id;
}, 120_000);
afterAll(async () => {
  await s?.stop();
});

describe('check-in and check-out', () => {
  it('records a visit with times, places, items and a drawn signature; the record shows the caregiver all it holds', async () => {
    const v = await visitPair(60, 10);
    expect(v).toMatchObject({ status: 'DONE', day: today, minutes: 50, source: 'DEVICE', confirmation: 'SIGNATURE', claimed: false });
    expect(v.checkIn.distanceMetres === null || v.checkIn.distanceMetres >= 0).toBe(true);
    expect(v.signatureUrl).toBe(`/api/visits/${v.id}/signature`);
    const png = await fetch(s.url + v.signatureUrl, { headers: { cookie: (caregiver as any).cookie } });
    expect(png.headers.get('content-type')).toBe('image/png');
    expect((await fetch(s.url + v.signatureUrl, { headers: { cookie: (agency2 as any).cookie } })).status).toBe(404);
    const mine = (await ok(caregiver, `query($id: ID!) { visit(id: $id) { ${VISIT} } }`, { id: v.id })).visit;
    expect(mine.checkIn).toMatchObject({ accuracy: 10 });
    const audit = await sql(`select operation from audit_log where entity = 'Visit' and entity_id = ? order by id`, [v.id]);
    expect(audit.map((a: any) => a.operation)).toEqual(['CHECK_IN', 'CHECK_OUT']);
  });

  it('confirms with the code on the beneficiary’s card or by the registered family member; a wrong one is refused', async () => {
    const byCard = await visitPair(2000, 1960, { confirmation: { method: 'CARD_CODE', cardCode: '246810' } });
    expect(byCard).toMatchObject({ confirmation: 'CARD_CODE' });
    const id = randomUUID();
    await ok(caregiver, CHECK_IN, { i: { id, personId: plan.person_id, at: minutesAgo(1900), position: north(5) } });
    const wrong = await caregiver(CHECK_OUT, { i: { visitId: id, at: minutesAgo(1860), position: north(5), items: [{ code: items[0]!.code, quantity: 1 }], confirmation: { method: 'CARD_CODE', cardCode: '000000' } } });
    expect(reasonOf(wrong)).toBe('CARD_CODE_WRONG');
    const [{ emergency_contact_name: family }] = await sql(`select emergency_contact_name from insured_person where id = ?`, [plan.person_id]);
    const stranger = await caregiver(CHECK_OUT, { i: { visitId: id, at: minutesAgo(1860), position: north(5), items: [{ code: items[0]!.code, quantity: 1 }], confirmation: { method: 'FAMILY', familyName: '路人甲' } } });
    expect(reasonOf(stranger)).toBe('FAMILY_NOT_REGISTERED');
    const byFamily = (await ok(caregiver, CHECK_OUT, { i: { visitId: id, at: minutesAgo(1860), position: north(5), items: [{ code: items[0]!.code, quantity: 1 }], confirmation: { method: 'FAMILY', familyName: family } } })).checkOut;
    expect(byFamily).toMatchObject({ confirmation: 'FAMILY', confirmedBy: family });
  });

  it('a replayed check-in or check-out changes nothing and answers the same', async () => {
    const id = randomUUID();
    const input = { id, personId: plan.person_id, at: minutesAgo(300), position: north(10) };
    const a = (await ok(caregiver, CHECK_IN, { i: input })).checkIn;
    const b = (await ok(caregiver, CHECK_IN, { i: input })).checkIn;
    expect(b).toEqual(a);
    const other = await caregiver(CHECK_IN, { i: { ...input, at: minutesAgo(299) } });
    expect([codeOf(other), reasonOf(other)]).toEqual(['CONFLICT', 'DUPLICATE_ID']);
    const out = { visitId: id, at: minutesAgo(280), position: north(10), items: [{ code: items[0]!.code, quantity: 1 }] };
    const c = (await ok(caregiver, CHECK_OUT, { i: out })).checkOut;
    const d = (await ok(caregiver, CHECK_OUT, { i: out })).checkOut;
    expect(d).toEqual(c);
    expect((await sql(`select count(*)::int as n from visit where id = ?`, [id]))[0].n).toBe(1);
    expect((await sql(`select count(*)::int as n from visit_finding where visit_id = ?`, [id]))[0].n).toBe(c.findings.length);
    const late = await caregiver(CHECK_OUT, { i: { ...out, at: minutesAgo(279) } });
    expect([codeOf(late), reasonOf(late)]).toEqual(['CONFLICT', 'NOT_OPEN']);
  });

  it('a sync batch sent twice stores each record once and returns the same results; a rejection names its reason', async () => {
    const id = randomUUID();
    const ops = [
      { kind: 'CHECK_IN', checkIn: { id, personId: plan.person_id, at: minutesAgo(500), position: north(5) } },
      { kind: 'CHECK_OUT', checkOut: { visitId: id, at: minutesAgo(470), position: north(5), items: [{ code: items[0]!.code, quantity: 1 }], confirmation: { method: 'SIGNATURE', signature: PNG } } },
      { kind: 'CHECK_IN', checkIn: { id: randomUUID(), personId: plan.person_id, at: new Date(Date.now() + 3_600_000).toISOString(), position: north(5) } },
    ];
    const first = (await ok(caregiver, SYNC, { ops })).syncVisits;
    expect(first.map((r: any) => [r.ok, r.error?.reason ?? null])).toEqual([[true, null], [true, null], [false, 'IN_FUTURE']]);
    const second = (await ok(caregiver, SYNC, { ops })).syncVisits;
    // The same outcome for every record; the check-out's answer is the same visit with the same findings
    // (a replayed check-in answers with the visit as it now stands, checked out).
    expect(second.map((r: any) => [r.ok, r.visitId, r.error])).toEqual(first.map((r: any) => [r.ok, r.visitId, r.error]));
    expect(second[1]).toEqual(first[1]);
    expect(second[0].visit).toEqual(first[1].visit);
    expect((await sql(`select count(*)::int as n from visit where id = ?`, [id]))[0].n).toBe(1);
  });
});

describe('hard rules: the record is refused, nothing stored', () => {
  const refused = async (r: any, reason: string) => {
    expect([codeOf(r), reasonOf(r)]).toEqual(['BAD_USER_INPUT', reason]);
  };
  it('out-of-scope beneficiary, no plan in force, future times, positions out of range', async () => {
    const [theirs] = await sql(`select ac.person_id from agency_client ac join agency a on a.id = ac.agency_id where a.name = '青岛福寿康养老护理中心' limit 1`);
    await refused(await caregiver(CHECK_IN, { i: { id: randomUUID(), personId: theirs.person_id, at: minutesAgo(5), position: north(5) } }), 'OUT_OF_SCOPE');
    const [unplanned] = await sql(
      `select ac.person_id from agency_client ac join caregiver c on c.agency_id = ac.agency_id join app_user u on u.id = c.user_id
        where u.username = 'caregiver' and ac.until is null and not exists (select 1 from care_plan p where p.person_id = ac.person_id) limit 1`,
    );
    await refused(await caregiver(CHECK_IN, { i: { id: randomUUID(), personId: unplanned.person_id, at: minutesAgo(5), position: north(5) } }), 'NO_PLAN_IN_FORCE');
    await refused(await caregiver(CHECK_IN, { i: { id: randomUUID(), personId: plan.person_id, at: new Date(Date.now() + 6 * 60_000).toISOString(), position: north(5) } }), 'IN_FUTURE');
    // Within the clock-skew allowance (5 minutes) a slightly early device clock is accepted.
    const skewed = (await ok(caregiver, CHECK_IN, { i: { id: randomUUID(), personId: plan.person_id, at: new Date(Date.now() + 2 * 60_000).toISOString(), position: north(5) } })).checkIn;
    expect(skewed.status).toBe('OPEN');
    await refused(await caregiver(CHECK_IN, { i: { id: randomUUID(), personId: plan.person_id, at: minutesAgo(5), position: north(5, 2000) } }), 'POSITION_OUT_OF_RANGE');
    await refused(await caregiver(CHECK_IN, { i: { id: randomUUID(), personId: plan.person_id, at: minutesAgo(5), position: north(60_000) } }), 'POSITION_OUT_OF_RANGE');
  });

  it('items not in the plan or beyond the qualification, check-out not after check-in, over 12 hours', async () => {
    const id = randomUUID();
    await ok(caregiver, CHECK_IN, { i: { id, personId: plan.person_id, at: minutesAgo(13 * 60), position: north(5) } });
    const out = (over: object) => caregiver(CHECK_OUT, { i: { visitId: id, at: minutesAgo(1), position: north(5), items: [{ code: items[0]!.code, quantity: 1 }], ...over } });
    await refused(await out({ items: [{ code: 'Z99', quantity: 1 }] }), 'ITEM_NOT_IN_PLAN');
    await refused(await out({}), 'TOO_LONG');
    await refused(await out({ at: minutesAgo(13 * 60 + 1) }), 'CHECK_OUT_NOT_AFTER_CHECK_IN');
    // Checked in days before: outside the two days the check-out is first looked up in, still found and refused.
    if (addDays(today, -3) >= plan.effective_from) {
      const earlier = randomUUID();
      await ok(caregiver, CHECK_IN, { i: { id: earlier, personId: plan.person_id, at: minutesAgo(3 * 24 * 60), position: north(5) } });
      await refused(await caregiver(CHECK_OUT, { i: { visitId: earlier, at: minutesAgo(1), position: north(5), items: [{ code: items[0]!.code, quantity: 1 }] } }), 'TOO_LONG');
    }
    // A clinical item needs a nurse or medical caregiver: the demo caregiver, made an elderly-care worker, may not.
    await sql(`insert into care_plan_line (id, pooling_area, plan_version_id, position, kind, code, name, category, times, per, unit_price_fen, minutes) values (gen_random_uuid(), '3702', ?, 99, 'ITEM', 'B05', '生命体征监测', 'B', 1, 'WEEK', 1500, 15) on conflict do nothing`, [plan.version_id]);
    await sql(`update caregiver set qualification = 'ELDERLY_CARE' where id = ?`, [caregiverId]);
    try {
      await refused(await out({ at: minutesAgo(12 * 60), items: [{ code: 'B05', quantity: 1 }] }), 'ITEM_NOT_QUALIFIED');
    } finally {
      await sql(`update caregiver set qualification = 'NURSE' where id = ?`, [caregiverId]);
      await sql(`delete from care_plan_line where plan_version_id = ? and code = 'B05' and position = 99`, [plan.version_id]);
    }
    expect((await sql(`select status from visit where id = ?`, [id]))[0].status).toBe('OPEN');
  });

  it('a caregiver whose certificate has expired may not record', async () => {
    const [c] = await sql(`select certificate_expiry from caregiver where id = ?`, [caregiverId]);
    await sql(`update caregiver set certificate_expiry = ? where id = ?`, [addDays(today, -1), caregiverId]);
    try {
      await refused(await caregiver(CHECK_IN, { i: { id: randomUUID(), personId: plan.person_id, at: minutesAgo(5), position: north(5) } }), 'CAREGIVER_NOT_ELIGIBLE');
    } finally {
      await sql(`update caregiver set certificate_expiry = ? where id = ?`, [c.certificate_expiry, caregiverId]);
    }
  });
});

describe('audit rules on submission', () => {
  it('far from home, too short, unconfirmed: flagged with evidence, the visit kept', async () => {
    const standard = items[0]!.minutes;
    const v = await visitPair(200, 200 - Math.max(1, Math.floor(standard * 0.5)), { out: { position: north(1500) }, confirmation: null });
    const rules = v.findings.map((f: any) => f.rule).sort();
    expect(rules).toEqual(expect.arrayContaining(['R04', 'R05', 'R07']));
    const r04 = v.findings.find((f: any) => f.rule === 'R04');
    expect(r04).toMatchObject({ action: 'FLAG', status: 'OPEN', summary: '签退位置距住址 1.5 公里' });
    expect(Math.abs(r04.evidence.checkOutMetres - 1500)).toBeLessThan(5);
  });

  it('pushes the findings of a check-out live to the agency and the supervisors, not to another agency', async () => {
    const live = (who: Gql) => liveClient(s.url, { cookie: (who as any).cookie });
    const [mine, theirs, sup] = [live(agency), live(agency2), live(supervisor)];
    await Promise.all([mine.connected, theirs.connected, sup.connected]);
    const Q = `subscription { findingRaised { visitId rule summary agencyName personName caregiverName } }`;
    const [a, b, c] = [subscribe(mine, Q), subscribe(theirs, Q), subscribe(sup, Q)];
    try {
      await new Promise((r) => setTimeout(r, 200));
      const v = await visitPair(2300, 2260, { confirmation: null });
      await expect.poll(() => a.data.filter((d: any) => d.findingRaised.visitId === v.id).map((d: any) => d.findingRaised.rule)).toContain('R07');
      await expect.poll(() => c.data.some((d: any) => d.findingRaised.visitId === v.id)).toBe(true);
      const event = a.data.find((d: any) => d.findingRaised.visitId === v.id && d.findingRaised.rule === 'R07').findingRaised;
      expect(event).toMatchObject({ summary: '无参保人确认', agencyName: '青岛颐康居家护理服务有限公司' });
      expect(event.personName).toBeTruthy();
      await new Promise((r) => setTimeout(r, 300));
      expect(b.data.some((d: any) => d.findingRaised.visitId === v.id)).toBe(false);
    } finally {
      for (const x of [a, b, c]) x.unsubscribe();
      await Promise.all([mine, theirs, sup].map((l) => l.dispose()));
    }
  });

  it('two visits of one caregiver overlapping: a finding on each, deducted until reviewed, and both pushed with their beneficiary', async () => {
    const feed = liveClient(s.url, { cookie: (agency as any).cookie });
    await feed.connected;
    const sub = subscribe(feed, `subscription { findingRaised { visitId rule personName evidence } }`);
    await new Promise((r) => setTimeout(r, 200));
    const a = await visitPair(900, 840);
    const b = await visitPair(850, 800);
    try {
      // The finding mirrored onto the earlier visit is pushed too, naming that visit's beneficiary.
      const [person] = await sql(`select name from insured_person where id = ?`, [plan.person_id]);
      await expect
        .poll(() => sub.data.find((d: any) => d.findingRaised.visitId === a.id && d.findingRaised.rule === 'R01' && d.findingRaised.evidence.otherVisitId === b.id)?.findingRaised.personName)
        .toBe(person.name);
    } finally {
      sub.unsubscribe();
      await feed.dispose();
    }
    // The demo month gives this caregiver visits of its own, which the wall clock may put beside these two:
    // each finding is looked up by the visit it names.
    const onB = b.findings.find((f: any) => f.rule === 'R01' && f.evidence.otherVisitId === a.id);
    expect(onB).toMatchObject({ action: 'DEDUCT', evidence: { otherVisitId: a.id, overlapMinutes: 10 } });
    const onA = (await ok(supervisor, `query($id: ID!) { visit(id: $id) { findings { rule evidence } } }`, { id: a.id })).visit.findings.find((f: any) => f.rule === 'R01' && f.evidence.otherVisitId === b.id);
    expect(onA.evidence).toEqual({ otherVisitId: b.id, overlapMinutes: 10 });
  });

  it('a visit recorded by the agency long after it ended is flagged late (R10)', async () => {
    const id = randomUUID();
    const at = new Date(Date.now() - 3 * 86_400_000);
    const v = (await ok(agency, `mutation($i: ManualVisitInput!) { recordVisit(input: $i) { ${VISIT} } }`, {
      i: { id, caregiverId, personId: plan.person_id, checkInAt: at.toISOString(), checkOutAt: new Date(at.getTime() + 3_600_000).toISOString(), items: [{ code: items[0]!.code, quantity: 1 }] },
    })).recordVisit;
    expect(v.source).toBe('MANUAL');
    expect(v.findings.map((f: any) => f.rule)).toContain('R10');
    // A paper record signed by the family member: no R07.
    const [{ emergency_contact_name: family }] = await sql(`select emergency_contact_name from insured_person where id = ?`, [plan.person_id]);
    const at2 = new Date(Date.now() - 4 * 86_400_000);
    const w = (await ok(agency, `mutation($i: ManualVisitInput!) { recordVisit(input: $i) { confirmation findings { rule } checkIn { distanceMetres } } }`, {
      i: { id: randomUUID(), caregiverId, personId: plan.person_id, checkInAt: at2.toISOString(), checkOutAt: new Date(at2.getTime() + 3_600_000).toISOString(), items: [{ code: items[0]!.code, quantity: 1 }], confirmation: { method: 'FAMILY', familyName: family } },
    })).recordVisit;
    expect(w.confirmation).toBe('FAMILY');
    expect(w.findings.map((f: any) => f.rule)).not.toContain('R07');
  });
});

describe('findings: explained by the agency, decided by a supervisor', () => {
  it('confirm or dismiss with a note, once; the agency explains first; every decision in the audit trail', async () => {
    const v = await visitPair(1200, 1150, { confirmation: null });
    const f = v.findings.find((x: any) => x.rule === 'R07');
    expect(codeOf(await agency(`mutation($id: ID!) { decideFinding(id: $id, decision: CONFIRM) { id } }`, { id: f.id }))).toBe('FORBIDDEN');
    await ok(agency, `mutation($id: ID!) { explainFinding(id: $id, explanation: "老人当天手部受伤，无法签字") { explanation } }`, { id: f.id });
    const noNote = await supervisor(`mutation($id: ID!) { decideFinding(id: $id, decision: DISMISS) { id } }`, { id: f.id });
    expect(codeOf(noNote)).toBe('BAD_USER_INPUT');
    const d = (await ok(supervisor, `mutation($id: ID!) { decideFinding(id: $id, decision: DISMISS, note: "情况属实") { status decisionNote decidedByName explanation } }`, { id: f.id })).decideFinding;
    expect(d).toMatchObject({ status: 'DISMISSED', decisionNote: '情况属实', explanation: '老人当天手部受伤，无法签字' });
    const again = await supervisor(`mutation($id: ID!) { decideFinding(id: $id, decision: CONFIRM) { id } }`, { id: f.id });
    expect([codeOf(again), again.body.errors![0]!.extensions!.state]).toEqual(['CONFLICT', 'DISMISSED']);
    const counts = (await ok(supervisor, `{ findingCounts { rule open confirmed dismissed dismissedShare } }`)).findingCounts;
    expect(counts.find((c: any) => c.rule === 'R07')).toMatchObject({ dismissed: 1, dismissedShare: 1 });
    const queue = (await ok(supervisor, `{ findingsQueue(status: OPEN, rule: "R04", first: 50) { totalCount nodes { rule status agencyName } } }`)).findingsQueue;
    expect(queue.nodes.every((n: any) => n.rule === 'R04' && n.status === 'OPEN')).toBe(true);
    const ops = await sql(`select operation from audit_log where entity = 'VisitFinding' and entity_id = ? order by id`, [f.id]);
    expect(ops.map((o: any) => o.operation)).toEqual(['EXPLAIN_FINDING', 'DISMISS_FINDING']);
  });
});

describe('corrections', () => {
  it('the agency voids a visit with a reason; a claimed visit cannot change', async () => {
    const v = await visitPair(1500, 1450);
    const voided = (await ok(agency, `mutation($id: ID!) { voidVisit(id: $id, reason: "重复录入") { status findings { status decisionNote } } }`, { id: v.id })).voidVisit;
    expect(voided.status).toBe('VOID');
    // Its open findings leave the queue, closed with the reason.
    expect(voided.findings.every((f: any) => f.status === 'DISMISSED' && f.decisionNote === '服务记录已作废：重复录入')).toBe(true);
    const w = await visitPair(1600, 1550);
    await sql(`update visit set claim_id = gen_random_uuid() where id = ?`, [w.id]);
    const r = await agency(`mutation($id: ID!) { voidVisit(id: $id, reason: "x") { status } }`, { id: w.id });
    expect([codeOf(r), reasonOf(r)]).toEqual(['CONFLICT', 'CLAIMED']);
    expect(codeOf(await caregiver(`mutation($id: ID!) { voidVisit(id: $id, reason: "x") { status } }`, { id: w.id }))).toBe('FORBIDDEN');
  });

  it('voiding one of two overlapping visits closes the overlap finding on the other, which names it', async () => {
    const a = await visitPair(2300, 2240);
    const b = await visitPair(2250, 2200);
    const onA = async () => (await ok(supervisor, `query($id: ID!) { visit(id: $id) { findings { rule status evidence decisionNote } } }`, { id: a.id })).visit.findings.find((f: any) => f.rule === 'R01' && f.evidence.otherVisitId === b.id);
    expect((await onA()).status).toBe('OPEN');
    await ok(agency, `mutation($id: ID!) { voidVisit(id: $id, reason: "重复录入") { status } }`, { id: b.id });
    expect(await onA()).toMatchObject({ status: 'DISMISSED', decisionNote: '服务记录已作废：重复录入' });
  });

  it('an entry replayed under another agency’s visit id is a conflict, and shows nothing of that visit', async () => {
    const v = await visitPair(2400, 2350);
    const r = await agency2(`mutation($i: ManualVisitInput!) { recordVisit(input: $i) { id notes } }`, {
      i: { id: v.id, caregiverId, personId: plan.person_id, checkInAt: minutesAgo(2400), checkOutAt: minutesAgo(2350), items: [{ code: items[0]!.code, quantity: 1 }] },
    });
    expect([codeOf(r), reasonOf(r), r.body.data]).toEqual(['CONFLICT', 'DUPLICATE_ID', null]);
  });
});

describe('the Shanghai month boundary', () => {
  it('a visit starting at 23:30 on the last day of a month belongs to that day and month', async () => {
    const lastDay = addDays(`${today.slice(0, 7)}-01`, -1);
    if (lastDay < plan.effective_from) return; // the plan began this month: nothing to test against
    const id = randomUUID();
    const at = new Date(`${lastDay}T23:30:00+08:00`);
    const v = (await ok(agency, `mutation($i: ManualVisitInput!) { recordVisit(input: $i) { day checkInAt } }`, {
      i: { id, caregiverId, personId: plan.person_id, checkInAt: at.toISOString(), checkOutAt: new Date(at.getTime() + 60 * 60_000).toISOString(), items: [{ code: items[0]!.code, quantity: 1 }] },
    })).recordVisit;
    expect(v.day).toBe(lastDay);
    const [row] = await sql(`select tableoid::regclass::text as part from visit where id = ?`, [id]);
    expect(row.part).toBe(`visit_${lastDay.slice(0, 4)}_${lastDay.slice(5, 7)}`);
  });
});

describe('the plan’s frequency on submission (R06)', () => {
  it('counts the plan’s earlier visits of the month, leaving out those another rule deducts (confirmed flags too)', async () => {
    // A beneficiary of the caregiver's agency whose plan allows B05 once a month (copied from the demo plan).
    const personId = randomUUID();
    const planId = randomUUID();
    const versionId = randomUUID();
    await sql(
      `insert into insured_person (id, pooling_area, name, id_number, birth_date, sex, insurance_type, insured_since, address, region_code, status, latitude, longitude, emergency_contact_name)
       select ?, pooling_area, '频次测试', '37020219400102' || lpad((random() * 9999)::int::text, 4, '0'), birth_date, sex, insurance_type, insured_since, address, region_code, 'ACTIVE', latitude, longitude, emergency_contact_name
         from insured_person where id = ?`,
      [personId, plan.person_id],
    );
    await sql(`insert into agency_client (id, pooling_area, agency_id, person_id, since) select ?, pooling_area, agency_id, ?, current_date - 150 from care_plan where person_id = ? limit 1`, [randomUUID(), personId, plan.person_id]);
    await sql(
      `insert into care_plan (id, pooling_area, person_id, agency_id, care_form, state, start_date, conclusion_id, tube_feeding, requested_by_id, created_at, version)
       select ?, pooling_area, ?, agency_id, 'HOME', 'ACTIVE', current_date - 120, conclusion_id, false, requested_by_id, now(), 1 from care_plan where id = (select plan_id from care_plan_version where id = ?)`,
      [planId, personId, plan.version_id],
    );
    await sql(
      `insert into care_plan_version (id, pooling_area, plan_id, number, state, conclusion_id, level, effective_from, fit_changes, cost, auto_approved, created_by_id, created_at, updated_at, version)
       select ?, pooling_area, ?, 1, 'APPROVED', conclusion_id, level, current_date - 120, '[]', cost, false, created_by_id, now(), now(), 1 from care_plan_version where id = ?`,
      [versionId, planId, plan.version_id],
    );
    await sql(
      `insert into care_plan_line (id, pooling_area, plan_version_id, position, kind, code, name, category, times, per, unit_price_fen, minutes)
       values (?, '3702', ?, 1, 'ITEM', 'B05', '生命体征监测', 'B', 1, 'MONTH', 1500, 15)`,
      [randomUUID(), versionId],
    );
    // Three visits entered by the agency early last month, at night (away from the caregiver's demo visits).
    const first = addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7) + '-02';
    const record = async (day: string) => {
      const at = new Date(`${day}T03:00:00+08:00`);
      const v = (await ok(agency, `mutation($i: ManualVisitInput!) { recordVisit(input: $i) { ${VISIT} } }`, {
        i: { id: randomUUID(), caregiverId, personId, checkInAt: at.toISOString(), checkOutAt: new Date(at.getTime() + 20 * 60_000).toISOString(), items: [{ code: 'B05', quantity: 1 }] },
      })).recordVisit;
      return { id: v.id as string, r06: v.findings.find((f: any) => f.rule === 'R06'), findings: v.findings };
    };
    const one = await record(first);
    expect(one.r06).toBeUndefined();
    const two = await record(addDays(first, 1));
    expect(two.r06?.evidence).toEqual({ code: 'B05', allowed: 1, usedBefore: 1, quantity: 1, excess: 1 });
    // The first visit is then deducted (a confirmed stay in hospital): it no longer uses up the plan.
    await sql(
      `insert into visit_finding (id, pooling_area, visit_id, visit_at, month, agency_id, person_id, caregiver_id, rule, action, key, evidence, summary, status, version)
       select ?, pooling_area, id, check_in_at, date_trunc('month', local_date)::date, agency_id, person_id, caregiver_id, 'R02', 'DEDUCT', '', '{}', '住院期间的服务', 'CONFIRMED', 1 from visit where id = ?`,
      [randomUUID(), one.id],
    );
    const three = await record(addDays(first, 2));
    expect(three.r06?.evidence).toEqual({ code: 'B05', allowed: 1, usedBefore: 1, quantity: 1, excess: 1 });
    // A flag confirmed by a supervisor is a violation too. Entered without confirmation, the second visit has an
    // open R07 (a flag), which leaves it counted; confirmed too short (R05), it no longer uses up the plan.
    expect(two.findings.some((f: any) => f.rule === 'R07' && f.action === 'FLAG')).toBe(true);
    expect((await record(addDays(first, 3))).r06?.evidence).toMatchObject({ usedBefore: 2 });
    await sql(
      `insert into visit_finding (id, pooling_area, visit_id, visit_at, month, agency_id, person_id, caregiver_id, rule, action, key, evidence, summary, status, version)
       select ?, pooling_area, id, check_in_at, date_trunc('month', local_date)::date, agency_id, person_id, caregiver_id, 'R05', 'FLAG', '', '{}', '服务时长不足', 'CONFIRMED', 1 from visit where id = ?
       on conflict (visit_id, rule, key) do update set status = 'CONFIRMED'`,
      [randomUUID(), two.id],
    );
    expect((await record(addDays(first, 4))).r06?.evidence).toMatchObject({ usedBefore: 2 });
  });
});

describe('the caregiver’s day', () => {
  it('lists the assigned beneficiaries with their items due, counts so far and distance', async () => {
    const assigned = (await ok(agency, `query($p: ID!) { caregiverAssignments(personId: $p) { caregiverId role until } }`, { p: plan.person_id })).caregiverAssignments;
    if (!assigned.some((a: any) => a.caregiverId === caregiverId && a.until === null)) {
      await ok(agency, `mutation($i: AssignmentInput!) { assignCaregiver(input: $i) { id role } }`, { i: { personId: plan.person_id, caregiverId, role: 'PRIMARY', since: addDays(today, -1) } });
    }
    const again = await agency(`mutation($i: AssignmentInput!) { assignCaregiver(input: $i) { id role } }`, { i: { personId: plan.person_id, caregiverId, role: 'SUBSTITUTE', since: today } });
    expect(reasonOf(again)).toBe('ALREADY_ASSIGNED');
    const day = (await ok(caregiver, `query($lat: Float, $lng: Float) { myDay(lat: $lat, lng: $lng) { day stops { personId role distanceMetres items { code dueToday doneThisMonth allowedThisMonth } context } visits { id } settings } }`, { lat: plan.lat, lng: plan.lng })).myDay;
    const stop = day.stops.find((x: any) => x.personId === plan.person_id);
    expect(stop).toMatchObject({ role: 'PRIMARY', distanceMetres: 0 });
    expect(stop.items.length).toBe(items.length);
    expect(stop.items[0].doneThisMonth).toBeGreaterThan(0);
    expect(stop.context.home).toEqual({ lat: plan.lat, lng: plan.lng });
    expect(day.settings.geofenceMetres).toBe(300);
    expect(day.visits.length).toBeGreaterThan(0);
  });

  it('costs a fixed number of statements, however many beneficiaries the caregiver has', async () => {
    const q = `{ myDay { stops { personId items { code doneThisWeek doneThisMonth } context } visits { id } } }`;
    const measure = async () => {
      let stops = 0;
      const n = await countStatements(s, async () => {
        stops = (await ok(caregiver, q)).myDay.stops.length;
      });
      return { n, stops };
    };
    const before = await measure();
    // More beneficiaries of the agency with home-care plans in force (up to three), as a substitute.
    const more = await sql(
      `select distinct p.person_id from care_plan p join care_plan_version v on v.plan_id = p.id join caregiver c on c.agency_id = p.agency_id
        where c.id = ? and p.care_form = 'HOME' and v.state = 'APPROVED' and v.effective_from <= current_date and v.effective_until is null
          and not exists (select 1 from caregiver_assignment a where a.person_id = p.person_id and a.caregiver_id = c.id and a.until is null) limit 3`,
      [caregiverId],
    );
    expect(more.length).toBeGreaterThan(0);
    for (const m of more) await ok(agency, `mutation($i: AssignmentInput!) { assignCaregiver(input: $i) { id } }`, { i: { personId: m.person_id, caregiverId, role: 'SUBSTITUTE', since: today } });
    const after = await measure();
    expect(after.stops).toBe(before.stops + more.length);
    expect(after.n).toBe(before.n);
  });
});

describe('stays and settings', () => {
  it('imports a hospital’s list: a wrong row stores nothing and is named; then the stay flags visits during it (R02)', async () => {
    const [p] = await sql(`select id_number from insured_person where id = ?`, [plan.person_id]);
    const m = `mutation($csv: String!) { importHospitalStays(poolingArea: "3702", csv: $csv) { imported rows { row ok errors { field reason } } } }`;
    const bad = (await ok(officer, m, { csv: `身份证号,医院,入院日期,出院日期\n${p.id_number},青岛市立医院,${addDays(today, -3)},\n110101199003070000,某医院,2026-13-01,\n` })).importHospitalStays;
    expect(bad.imported).toBe(0);
    expect(bad.rows.map((r: any) => [r.row, r.ok, r.errors.map((e: any) => e.reason)])).toEqual([[2, true, []], [3, false, ['CHECK_DIGIT', 'DATE']]]);
    expect((await sql(`select count(*)::int as n from hospital_stay where person_id = ?`, [plan.person_id]))[0].n).toBe(0);
    const good = (await ok(officer, m, { csv: `\uFEFF身份证号,医院,入院日期,出院日期\n${p.id_number},青岛市立医院,${addDays(today, -3)},\n` })).importHospitalStays;
    expect(good.imported).toBe(1);
    const v = await visitPair(30, 5);
    expect(v.findings.map((f: any) => f.rule)).toContain('R02');
    // The discharge today: a second report of the same admission records it.
    await ok(officer, `mutation($i: HospitalStayInput!) { recordHospitalStay(input: $i) { dischargedOn } }`, { i: { personId: plan.person_id, hospital: '青岛市立医院', admittedOn: addDays(today, -3), dischargedOn: today } });
    expect((await ok(agency, `query($p: ID!) { hospitalStays(personId: $p) { dischargedOn source } }`, { p: plan.person_id })).hospitalStays).toEqual([{ dischargedOn: today, source: 'IMPORT' }]);
    // Health data: the agencies that serve the person see the stays, and no other.
    expect((await ok(supervisor, `query($p: ID!) { hospitalStays(personId: $p) { source } }`, { p: plan.person_id })).hospitalStays).toHaveLength(1);
    expect(codeOf(await agency2(`query($p: ID!) { hospitalStays(personId: $p) { source } }`, { p: plan.person_id }))).toBe('NOT_FOUND');
  });

  it('institutional care: admission, leave and discharge give the billable days; only the institution records them', async () => {
    const [inst] = await sql(`select p.id, p.agency_id, to_char(p.start_date, 'YYYY-MM-DD') as start from care_plan p where p.care_form = 'INSTITUTION' and p.state = 'ACTIVE' limit 1`);
    expect(inst, 'a demo institutional plan').toBeTruthy();
    expect(codeOf(await agency(`mutation($p: ID!, $d: String!) { admitToCare(planId: $p, admittedOn: $d) { id } }`, { p: inst.id, d: inst.start }))).toBe('NOT_FOUND');
    // The institution's administrator (no demo sign-in: the service with its grant).
    const { StaysService } = await import('../../server/src/visits/stays.service.ts');
    const { AuditTrail } = await import('../../server/src/audit/audit.service.ts');
    const [u] = await sql(`select id from app_user where username = 'officer'`);
    const admin = { userId: u.id, username: 'institution-admin', poolingArea: '3702', roles: ['AGENCY_ADMIN'], grants: [{ role: 'AGENCY_ADMIN', poolingArea: null, agencyId: inst.agency_id, assessmentOrgId: null }], mustChangePassword: false } as never;
    const stays = new StaysService(s.db.orm.em.fork() as never, { now: () => new Date() }, new AuditTrail({ requestId: 'test', clientIp: null }));
    const admitted = addDays(today, -10);
    const stay = await stays.admit(admin, { planId: inst.id, admittedOn: admitted < inst.start ? inst.start : admitted });
    await expect(stays.admit(admin, { planId: inst.id, admittedOn: today })).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'ALREADY_ADMITTED' } });
    await stays.addLeave(admin, stay.id, { from: addDays(stay.admittedOn, 2), to: addDays(stay.admittedOn, 3), reason: '回家过周末' });
    await expect(stays.addLeave(admin, stay.id, { from: addDays(stay.admittedOn, -5), to: stay.admittedOn })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await stays.discharge(admin, stay.id, addDays(stay.admittedOn, 6));
    const month = stay.admittedOn.slice(0, 7);
    const days = (await ok(officer, `query($p: ID!, $m: String!) { billableDays(planId: $p, month: $m) { count days } }`, { p: inst.id, m: month })).billableDays;
    const expected = [0, 1, 4, 5].map((n) => addDays(stay.admittedOn, n)).filter((d) => d.startsWith(month));
    expect(days.days).toEqual(expected);
  });

  it('the area’s rule parameters: set by a supervisor, read back, checked', async () => {
    const m = `mutation($s: JSONObject!) { setVisitSettings(poolingArea: "3702", settings: $s) }`;
    const saved = (await ok(supervisor, m, { s: { geofenceMetres: 500 } })).setVisitSettings;
    expect(saved.geofenceMetres).toBe(500);
    expect((await ok(agency, `{ visitSettings(poolingArea: "3702") }`)).visitSettings.geofenceMetres).toBe(500);
    expect(codeOf(await supervisor(m, { s: { geofenceMetres: -1 } }))).toBe('BAD_USER_INPUT');
    await ok(supervisor, m, { s: {} });
  });
});

describe('the month’s audit on demand', () => {
  it('a supervisor runs the rules over the month as SQL: the same findings stay, decisions kept, in the audit trail', async () => {
    const month = today.slice(0, 7);
    const before = await sql(`select id, rule, status from visit_finding where month = ? order by id`, [`${month}-01`]);
    const r = (await ok(supervisor, `mutation($m: String!) { runMonthlyAudit(poolingArea: "3702", month: $m) }`, { m: month })).runMonthlyAudit;
    expect(r.findings).toBeGreaterThan(0);
    expect(Object.values(r.byRule as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(r.findings);
    const after = await sql(`select id, rule, status from visit_finding where month = ? order by id`, [`${month}-01`]);
    // Decided findings are kept exactly; the live run and the monthly run agree on what is found.
    for (const f of before.filter((x: any) => x.status !== 'OPEN')) expect(after).toContainEqual(f);
    expect(codeOf(await agency(`mutation { runMonthlyAudit(poolingArea: "3702", month: "${month}") }`))).toBe('FORBIDDEN');
    expect(codeOf(await supervisor(`mutation { runMonthlyAudit(poolingArea: "3702", month: "2026-13") }`))).toBe('BAD_USER_INPUT');
    const [audit] = await sql(`select count(*)::int as n from audit_log where operation = 'RUN_MONTHLY_AUDIT'`);
    expect(audit.n).toBe(1);
  });
});

describe('partitions', () => {
  it('visits are partitioned by Shanghai month, with the coming months created ahead', async () => {
    const parts = (await sql(`select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent where p.relname = 'visit'`)).map((r: any) => r.relname);
    const month = (n: number) => { const d = new Date(`${today.slice(0, 7)}-01T00:00:00Z`); d.setUTCMonth(d.getUTCMonth() + n); return `visit_${d.toISOString().slice(0, 7).replace('-', '_')}`; };
    expect(parts).toEqual(expect.arrayContaining([month(0), month(1), month(2)]));
    // Each keeps 30% of a page free, so that a check-out updates its row in place.
    await sql(`select visit_ensure_partitions(?::date, 1)`, [`${Number(today.slice(0, 4)) + 3}-01-01`]);
    const options = await sql(`select c.relname, c.reloptions from pg_class c where c.relname = any(?::text[])`, [`{${month(1)},visit_${Number(today.slice(0, 4)) + 3}_01}`]);
    expect(options.map((r: any) => r.reloptions)).toEqual([['fillfactor=70'], ['fillfactor=70']]);
  });

  it('an id is unique across all months (visit_key), and found by id alone in its own month only', async () => {
    const v = await visitPair(900, 870);
    // The same id a month earlier: refused through the API, and by the database for any writer.
    const monthAgo = new Date(Date.parse(v.checkInAt) - 31 * 86_400_000).toISOString();
    const again = await caregiver(CHECK_IN, { i: { id: v.id, personId: plan.person_id, at: monthAgo, position: north(5) } });
    expect([codeOf(again), reasonOf(again)]).toEqual(['CONFLICT', 'DUPLICATE_ID']);
    await sql(`select visit_ensure_partitions(?::date, 1)`, [monthAgo.slice(0, 10)]);
    const copy = sql(
      `insert into visit (id, pooling_area, agency_id, caregiver_id, person_id, plan_id, plan_version_id, source, status, local_date, check_in_at, recorded_by)
       select id, pooling_area, agency_id, caregiver_id, person_id, plan_id, plan_version_id, source, status, local_date - 31, ?::timestamptz, recorded_by from visit where id = ?`,
      [monthAgo, v.id],
    );
    await expect(copy).rejects.toThrow(/visit_key_pkey/);
    expect((await sql(`select count(*)::int as n from visit where id = ?`, [v.id]))[0].n).toBe(1);
    // A visit's id, check-in time and caregiver never change.
    await expect(sql(`update visit set check_in_at = check_in_at - interval '1 minute' where id = ?`, [v.id])).rejects.toThrow(/do not change/);
    await expect(sql(`update visit set caregiver_id = gen_random_uuid() where id = ?`, [v.id])).rejects.toThrow(/do not change/);
    expect(await sql(`select caregiver_id, check_in_at from visit_key where id = ?`, [v.id])).toEqual([{ caregiver_id: caregiverId, check_in_at: expect.anything() }]);
    // Looked up by id alone, PostgreSQL reads one month's partition, however many months there are.
    for (let n = 1; n <= 6; n++) await sql(`select visit_ensure_partitions(?::date, 1)`, [addDays(`${today.slice(0, 7)}-01`, -31 * n)]);
    const explained = await sql(
      `explain (analyze, costs off, timing off, summary off) select v.id from visit v where (v.id, v.check_in_at) = (select id, check_in_at from visit_key where id = ?)`,
      [v.id],
    );
    const text = explained.map((r: any) => r['QUERY PLAN']).join('\n');
    const scanned = text.split('\n').filter((l: string) => /Scan .* on visit_\d{4}_\d{2}/.test(l) && !/never executed/.test(l));
    expect(scanned, text).toHaveLength(1);
    // Deleting a visit (tests do; the system voids) frees its id.
    const id = randomUUID();
    await ok(caregiver, CHECK_IN, { i: { id, personId: plan.person_id, at: minutesAgo(860), position: north(5) } });
    await sql(`delete from visit where id = ?`, [id]);
    expect((await sql(`select count(*)::int as n from visit_key where id = ?`, [id]))[0].n).toBe(0);
  });
});

describe('who sees what', () => {
  it('agencies their own visits, supervisors and officers their area, caregivers their own; assessors none', async () => {
    const v = await visitPair(1700, 1650);
    const q = `query($id: ID!) { visit(id: $id) { id } }`;
    expect(codeOf(await agency2(q, { id: v.id }))).toBe('NOT_FOUND');
    for (const c of [agency, supervisor, officer, caregiver]) expect((await ok(c, q, { id: v.id })).visit.id).toBe(v.id);
    expect(codeOf(await assessor(q, { id: v.id }))).toBe('FORBIDDEN');
    const mineListed = (await ok(agency, `query($p: ID!) { visits(personId: $p, first: 5) { nodes { checkIn { distanceMetres } } } }`, { p: plan.person_id })).visits.nodes;
    expect(mineListed.some((n: any) => n.checkIn && n.checkIn.distanceMetres !== null)).toBe(true);
    const list = (await ok(agency2, `{ visits(first: 100) { nodes { agencyName } } }`)).visits.nodes;
    expect(list.every((n: any) => n.agencyName === '青岛福寿康养老护理中心')).toBe(true);
    expect(codeOf(await officer(CHECK_IN, { i: { id: randomUUID(), personId: plan.person_id, at: minutesAgo(1) } }))).toBe('FORBIDDEN');
  });
});

describe('standard minutes (R05) after a catalogue change', () => {
  it('are the catalogue’s in force on the visit’s day, on submission and in the day list, not the plan line’s copy', async () => {
    const code = items[0]!.code;
    const [line] = await sql(`select minutes from care_plan_line where plan_version_id = ? and code = ?`, [plan.version_id, code]);
    // The item's new version, from yesterday: three times the minutes the plan was written with.
    const id = randomUUID();
    await sql(
      `insert into catalogue_item (id, pooling_area, code, effective_from, name, category, minutes, default_price_fen, care_forms)
       select ?, pooling_area, code, ?::date, name, category, ?, default_price_fen, care_forms from catalogue_item where pooling_area = '3702' and code = ? order by effective_from desc limit 1`,
      [id, addDays(today, -1), line.minutes * 3, code],
    );
    try {
      // A visit exactly as long as the plan line says: short against the catalogue in force.
      const v = await visitPair(line.minutes + 5, 5);
      expect(v.findings.find((f: any) => f.rule === 'R05')?.evidence).toMatchObject({ actualMinutes: line.minutes, standardMinutes: line.minutes * 3 });
      const day = (await ok(caregiver, `{ myDay { stops { personId items { code minutes } context } } }`)).myDay;
      const stop = day.stops.find((x: any) => x.personId === plan.person_id);
      expect(stop.items.find((i: any) => i.code === code).minutes).toBe(line.minutes * 3);
      expect(stop.context.itemMinutes[code]).toBe(line.minutes * 3);
    } finally {
      await sql(`delete from catalogue_item where id = ?`, [id]);
    }
  });
});

describe('assignments', () => {
  it('a caregiver sees her own; a new primary ends the previous one, each with its audit row', async () => {
    const mine = (await ok(caregiver, `{ caregiverAssignments { caregiverId } }`)).caregiverAssignments;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((x: any) => x.caregiverId === caregiverId)).toBe(true);
    const [agencyId] = (await sql(`select agency_id from caregiver where id = ?`, [caregiverId])).map((r: any) => r.agency_id);
    const others = await sql(`select id from caregiver where agency_id = ? and id <> ? and active order by id limit 2`, [agencyId, caregiverId]);
    expect(others).toHaveLength(2);
    const [person] = await sql(
      `select ac.person_id from agency_client ac where ac.agency_id = ? and ac.until is null and ac.since <= current_date
          and not exists (select 1 from caregiver_assignment a where a.person_id = ac.person_id and a.until is null and a.role = 'PRIMARY') limit 1`,
      [agencyId],
    );
    const assign = (c: string) => ok(agency, `mutation($i: AssignmentInput!) { assignCaregiver(input: $i) { id } }`, { i: { personId: person.person_id, caregiverId: c, role: 'PRIMARY', since: today } });
    const first = (await assign(others[0].id)).assignCaregiver.id;
    const second = (await assign(others[1].id)).assignCaregiver.id;
    const [ended] = await sql(`select to_char(until, 'YYYY-MM-DD') as until from caregiver_assignment where id = ?`, [first]);
    expect(ended.until).toBe(addDays(today, -1));
    const [row] = await sql(`select changes from audit_log where entity = 'CaregiverAssignment' and entity_id = ? and operation = 'END_ASSIGNMENT'`, [first]);
    expect(JSON.stringify(row.changes)).toContain(second);
  });
});

describe('kept facts', () => {
  /** How often the server's pool handed out a connection while `run` ran: every statement outside a transaction takes one. */
  async function statementsOf(run: () => Promise<unknown>): Promise<number> {
    const pool = (await s.db.orm.em.getConnection().getNativeClient()) as unknown as import('pg').Pool;
    let n = 0;
    const count = () => n++;
    pool.on('acquire', count);
    try {
      await run();
    } finally {
      pool.off('acquire', count);
    }
    return n;
  }
  const checkIn = (id: string, start: number) => ok(caregiver, `mutation($i: CheckInInput!) { checkIn(input: $i) { id } }`, { i: { id, personId: plan.person_id, at: minutesAgo(start), position: north(20) } });
  const checkOut = (id: string, end: number | string) =>
    ok(caregiver, `mutation($i: CheckOutInput!) { checkOut(input: $i) { id status } }`, {
      i: { visitId: id, at: typeof end === 'string' ? end : minutesAgo(end), position: north(30), items: [{ code: items[0]!.code, quantity: 1 }], confirmation: { method: 'SIGNATURE', signature: PNG } },
    });

  it('a check-in is one statement once the caregiver’s facts are kept, and so is its check-out when it raises no finding', async () => {
    const first = randomUUID();
    await checkIn(first, 1300);
    await checkOut(first, 1270);
    const id = randomUUID();
    expect(await statementsOf(() => checkIn(id, 1200))).toBe(1);
    const out = await statementsOf(() => checkOut(id, 1170));
    // Earlier tests' visits of the day may give this one findings (the day's load, the plan's frequency): they
    // are stored and pushed in two more statements, and an overlap names the other visit's beneficiary in one more.
    const rules: string[] = (await sql(`select rule from visit_finding where visit_id = ? order by rule`, [id])).map((f: any) => f.rule);
    expect(out).toBe(1 + (rules.length > 0 ? 2 : 0) + (rules.includes('R01') ? 1 : 0));
    expect((await ok(caregiver, `query($id: ID!) { visit(id: $id) { findings { rule } } }`, { id })).visit.findings.map((f: any) => f.rule).sort()).toEqual(rules);
  });

  it('a change to what was kept reaches it: a caregiver made inactive may not check in at once, nor check out a visit begun before', async () => {
    const open = randomUUID();
    await checkIn(open, 1100);
    await sql(`update caregiver set active = false where id = ?`, [caregiverId]);
    try {
      const r = await caregiver(`mutation($i: CheckInInput!) { checkIn(input: $i) { id } }`, { i: { id: randomUUID(), personId: plan.person_id, at: minutesAgo(1000), position: north(20) } });
      expect(reasonOf(r)).toBe('CAREGIVER_NOT_ELIGIBLE');
      const out = await caregiver(`mutation($i: CheckOutInput!) { checkOut(input: $i) { id } }`, { i: { visitId: open, at: minutesAgo(1070), position: north(30), items: [{ code: items[0]!.code, quantity: 1 }] } });
      expect(reasonOf(out)).toBe('CAREGIVER_NOT_ELIGIBLE');
    } finally {
      await sql(`update caregiver set active = true where id = ?`, [caregiverId]);
    }
    expect((await checkOut(open, 1070)).checkOut.status).toBe('DONE');
  });

  it('a replay of a check-out done on kept facts answers the same, from the database', async () => {
    const id = randomUUID();
    await checkIn(id, 950);
    const at = minutesAgo(920);
    const a = await checkOut(id, at);
    const b = await checkOut(id, at);
    expect(b).toEqual(a);
  });
});
