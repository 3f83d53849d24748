// The month's audit in SQL (visits.audit-sql.ts) against the rules' own month (auditMonth in visits.rules.ts): a
// generated month with every rule's trigger, then each rule at and beside its threshold with hand-made visits,
// a visit crossing midnight at the month's end, decisions kept across runs, and settings (a disabled rule, open
// findings not deducting, other actions). Every scenario compares the stored findings with auditMonth's, finding
// for finding: visit, rule, key, action, evidence and summary.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { startTestServer, type TestServer, sqlOn } from '../helpers/server.ts';
import { generateVisitMonth } from '../../seeds/visit-generator.ts';
import { runMonthlyAudit } from '../../server/src/visits/visits.audit-sql.ts';
import {
  auditMonth,
  DEFAULT_VISIT_SETTINGS,
  distanceMetres,
  findingKey,
  monthOf,
  type MonthInput,
  type VisitFacts,
  type VisitSettings,
} from '../../server/src/visits/visits.rules.ts';
import { unitsPerMonth, type Period } from '../../server/src/careplan/careplan.rules.ts';

// auditMonth asks for the Shanghai day of every neighbour of every visit, and localDate() builds a new
// Intl.DateTimeFormat on each call (~40 µs): the same function with its formatter built once keeps the oracle's
// month at a second instead of half a minute.
vi.mock('../../server/src/shared/clock.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../server/src/shared/clock.ts')>();
  const format = new Intl.DateTimeFormat('en-CA', { timeZone: real.ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
  return { ...real, localDate: (instant: Date) => format.format(instant) };
});

const AREA = '3702';
let s: TestServer;
const em = () => s.db.orm.em.fork() as unknown as EntityManager;
const sql = (q: string, params: unknown[] = []) => sqlOn(s)(q, params);
const settingsWith = (over: Partial<VisitSettings> = {}, rules: Partial<VisitSettings['rules']> = {}): VisitSettings => ({
  ...DEFAULT_VISIT_SETTINGS,
  ...over,
  rules: { ...DEFAULT_VISIT_SETTINGS.rules, ...rules },
});

// ---- the oracle's input, read from the tables ----------------------------------------------------------

/** The month's input to auditMonth: the area's completed visits whose Shanghai check-in day is in the month. */
async function monthInput(month: string): Promise<MonthInput> {
  const rows = await sql(
    `select id, caregiver_id, person_id, plan_id, plan_version_id, check_in_at, check_out_at, check_in_lat, check_in_lng, check_in_accuracy,
            check_out_lat, check_out_lng, check_out_accuracy, items, confirmation, recorded_at, checked_in_recorded_at, source
       from visit where pooling_area = ? and status = 'DONE'`,
    [AREA],
  );
  const visits: VisitFacts[] = [];
  const personOf: Record<string, string> = {};
  const planOf: Record<string, string> = {};
  const versionOf: Record<string, string> = {};
  for (const r of rows) {
    const checkInAt = new Date(r.check_in_at).toISOString();
    if (monthOf(checkInAt) !== month) continue;
    visits.push({
      id: r.id,
      caregiverId: r.caregiver_id,
      personId: r.person_id,
      checkInAt,
      checkOutAt: r.check_out_at ? new Date(r.check_out_at).toISOString() : null,
      checkIn: r.check_in_lat !== null && r.check_in_lng !== null ? { lat: r.check_in_lat, lng: r.check_in_lng, accuracy: r.check_in_accuracy ?? 0 } : null,
      checkOut: r.check_out_lat !== null && r.check_out_lng !== null ? { lat: r.check_out_lat, lng: r.check_out_lng, accuracy: r.check_out_accuracy ?? 0 } : null,
      items: r.items,
      confirmed: r.confirmation !== null,
      recordedAt: new Date(r.recorded_at ?? r.checked_in_recorded_at).toISOString(),
      source: r.source,
    });
    personOf[r.id] = r.person_id;
    planOf[r.id] = r.plan_id;
    versionOf[r.id] = r.plan_version_id;
  }
  const personIds = [...new Set(Object.values(personOf))];
  const people: MonthInput['people'] = {};
  if (personIds.length) {
    const persons = await sql(`select id, latitude, longitude, to_char(date_of_death, 'YYYY-MM-DD') as died from insured_person where id = any(?::uuid[])`, [`{${personIds.join(',')}}`]);
    const stays = await sql(
      `select person_id, to_char(admitted_on, 'YYYY-MM-DD') as a, to_char(discharged_on, 'YYYY-MM-DD') as d from hospital_stay where person_id = any(?::uuid[]) order by admitted_on, id`,
      [`{${personIds.join(',')}}`],
    );
    for (const p of persons) {
      people[p.id] = {
        home: p.latitude !== null && p.longitude !== null ? { lat: p.latitude, lng: p.longitude } : null,
        dateOfDeath: p.died,
        hospitalStays: stays.filter((h) => h.person_id === p.id).map((h) => ({ admittedOn: h.a, dischargedOn: h.d })),
      };
    }
  }
  const catalogue = await sql(
    `select distinct on (code) code, minutes from catalogue_item where pooling_area = ? and effective_from <= ?::date order by code, effective_from desc`,
    [AREA, `${month}-01`],
  );
  const itemMinutes = Object.fromEntries(catalogue.map((c) => [c.code, c.minutes]));
  const [y, m] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const lines = await sql(`select plan_version_id, code, times, per from care_plan_line where kind = 'ITEM'`);
  const limitsByVersion = new Map<string, Record<string, number>>();
  for (const l of lines) {
    const lim = limitsByVersion.get(l.plan_version_id) ?? {};
    lim[l.code] = (lim[l.code] ?? 0) + unitsPerMonth({ times: l.times, per: l.per as Period }, days);
    limitsByVersion.set(l.plan_version_id, lim);
  }
  const limitsOf = Object.fromEntries(visits.map((v) => [v.id, limitsByVersion.get(versionOf[v.id]!) ?? {}]));
  return { visits, personOf, planOf, people, limitsOf, itemMinutes };
}

interface Row {
  visitId: string;
  rule: string;
  key: string;
  action: string;
  evidence: Record<string, unknown>;
  summary: string;
}
const order = (a: Row, b: Row) => a.visitId.localeCompare(b.visitId) || a.rule.localeCompare(b.rule) || a.key.localeCompare(b.key);

async function stored(month: string): Promise<(Row & { status: string; version: number })[]> {
  const rows = await sql(`select visit_id, rule, key, action, evidence, summary, status, version from visit_finding where pooling_area = ? and month = ?::date`, [AREA, `${month}-01`]);
  return rows.map((r) => ({ visitId: r.visit_id, rule: r.rule, key: r.key, action: r.action, evidence: r.evidence, summary: r.summary, status: r.status, version: r.version })).sort(order);
}

async function expected(month: string, settings: VisitSettings): Promise<Row[]> {
  return auditMonth(await monthInput(month), settings)
    .map((f) => ({ visitId: f.visitId, rule: f.rule, key: findingKey(f), action: f.action, evidence: f.evidence, summary: f.summary }))
    .sort(order);
}

/** Runs the SQL audit and requires exactly auditMonth's findings; returns them. */
async function agree(month: string, settings: VisitSettings = DEFAULT_VISIT_SETTINGS): Promise<Row[]> {
  const result = await runMonthlyAudit(em(), AREA, month, settings);
  const want = await expected(month, settings);
  const got = (await stored(month)).map(({ status: _s, version: _v, ...r }) => r);
  expect(got).toEqual(want);
  expect(result.findings).toBe(want.length);
  // The parts' staged rows went with the run.
  const [staged] = await sql(`select (select count(*) from visit_audit_stage_finding)::int + (select count(*) from visit_audit_stage_unit)::int as n`, []);
  expect(staged.n).toBe(0);
  return got;
}

// ---- hand-made visits --------------------------------------------------------------------------------------

interface Cast {
  userId: string;
  agencyId: string;
  caregivers: string[];
  /** People of the agency with one approved plan version each, no death, no hospital stay. */
  people: { id: string; lat: number; lng: number; planId: string; versionId: string }[];
}
let cast: Cast;

/** A point `metres` north of a place (along the meridian the haversine is exactly R × Δφ). */
const north = (p: { lat: number; lng: number }, metres: number) => ({ lat: p.lat + (metres / 6_371_008.8) * (180 / Math.PI), lng: p.lng });
/** Shanghai wall-clock time to an ISO instant. */
const sh = (local: string) => new Date(`${local}+08:00`).toISOString();

interface VisitSpec {
  person?: number;
  caregiver?: number;
  in: string;
  out: string;
  inPos?: { lat: number; lng: number } | null;
  outPos?: { lat: number; lng: number } | null;
  items?: { code: string; quantity: number }[];
  confirmed?: boolean;
  recordedAt?: string;
  versionId?: string;
  planId?: string;
  source?: 'DEVICE' | 'MANUAL';
}

async function addVisit(v: VisitSpec): Promise<string> {
  const id = randomUUID();
  const p = cast.people[v.person ?? 0]!;
  const home = { lat: p.lat, lng: p.lng };
  const inPos = v.inPos === undefined ? home : v.inPos;
  const outPos = v.outPos === undefined ? home : v.outPos;
  await sql(
    `insert into visit (id, pooling_area, agency_id, caregiver_id, person_id, plan_id, plan_version_id, source, status, local_date, check_in_at,
       check_in_lat, check_in_lng, check_in_accuracy, check_out_at, check_out_lat, check_out_lng, check_out_accuracy, items, confirmation,
       checked_in_recorded_at, recorded_at, recorded_by)
     values (?, ?, ?, ?, ?, ?, ?, ?, 'DONE', (?::timestamptz at time zone 'Asia/Shanghai')::date, ?, ?, ?, 10, ?, ?, ?, 10, ?::jsonb, ?, ?, ?, ?)`,
    [
      id, AREA, cast.agencyId, cast.caregivers[v.caregiver ?? 0], p.id, v.planId ?? p.planId, v.versionId ?? p.versionId, v.source ?? 'DEVICE', v.in, v.in,
      inPos?.lat ?? null, inPos?.lng ?? null, v.out, outPos?.lat ?? null, outPos?.lng ?? null,
      JSON.stringify(v.items ?? [{ code: 'A25', quantity: 1 }]), v.confirmed === false ? null : 'CARD_CODE', v.in, v.recordedAt ?? v.out, cast.userId,
    ],
  );
  return id;
}

const only = <R extends Row>(rows: R[], rule: string): R[] => rows.filter((r) => r.rule === rule);

beforeAll(async () => {
  s = await startTestServer();
  // The demo city's visits follow the wall clock (its last weeks), so they would fall into the months these
  // scenarios use on some days and not on others: this file's database starts without them.
  await sql(`delete from visit_finding`);
  await sql(`delete from visit`);
  await generateVisitMonth(em(), { poolingArea: AREA, month: '2026-10', beneficiaries: 100, agencies: 3, visitsTarget: 3000, seed: 7 });
  await sql(`select visit_ensure_partitions('2026-11-01', 6)`);
  // The cast of the hand-made scenarios: generated people of one agency whose plan has a single version (daily
  // A25 among its lines), alive and never in hospital.
  const people = await sql(
    `select p.id, p.latitude as lat, p.longitude as lng, cp.id as plan_id, v.id as version_id, cp.agency_id
       from insured_person p join care_plan cp on cp.person_id = p.id join care_plan_version v on v.plan_id = cp.id
      where p.address like '生成地址%' and p.date_of_death is null and not exists (select 1 from hospital_stay h where h.person_id = p.id)
        and (select count(*) from care_plan_version x where x.plan_id = cp.id) = 1
      order by cp.agency_id, p.id limit 40`,
  );
  const agencyId = people[0].agency_id as string;
  const mine = people.filter((p) => p.agency_id === agencyId).slice(0, 4);
  const caregivers = await sql(`select id from caregiver where agency_id = ? order by id limit 3`, [agencyId]);
  const [user] = await sql(`select id from app_user where username like 'visit-gen-%' limit 1`);
  cast = { userId: user.id, agencyId, caregivers: caregivers.map((c) => c.id), people: mine.map((p) => ({ id: p.id, lat: p.lat, lng: p.lng, planId: p.plan_id, versionId: p.version_id })) };
  expect(cast.people.length).toBe(4);
}, 120_000);

afterAll(async () => {
  await s?.stop();
});

describe('the monthly audit in SQL agrees with auditMonth', () => {
  it('on a generated month with every rule triggered', async () => {
    const rows = await agree('2026-10');
    const rules = new Set(rows.map((r) => r.rule));
    expect([...rules].sort()).toEqual(['R01', 'R02', 'R03', 'R04', 'R05', 'R06', 'R07', 'R08', 'R09', 'R10']);
    // Both R04 wordings (metres and km) and both sides of each overlap.
    expect(only(rows, 'R04').some((r) => r.summary.endsWith('米')) && only(rows, 'R04').some((r) => r.summary.endsWith('公里'))).toBe(true);
    expect(only(rows, 'R01').length % 2).toBe(0);
  });

  it('runs again without changing anything', async () => {
    const before = await stored('2026-10');
    const result = await runMonthlyAudit(em(), AREA, '2026-10', DEFAULT_VISIT_SETTINGS);
    const after = await stored('2026-10');
    expect(after).toEqual(before);
    expect(after.every((f) => f.version === 1 && f.status === 'OPEN')).toBe(true);
    expect(result.findings).toBe(before.length);
  });

  it('with open findings not deducting, R01 as a flag and R03 off', async () => {
    await agree('2026-10', settingsWith({ deductOpenFindings: false }));
    const rows = await agree('2026-10', settingsWith({}, { R01: { enabled: true, action: 'FLAG' }, R03: { enabled: false, action: 'DEDUCT' } }));
    expect(only(rows, 'R03')).toEqual([]);
    expect(only(rows, 'R01').every((r) => r.action === 'FLAG')).toBe(true);
    await agree('2026-10');
  });
});

describe('each rule at and beside its threshold', () => {
  it('R04: exactly at the geofence no finding, a metre over a finding; kilometres from 1,000 m', async () => {
    const home = cast.people[0]!;
    expect(Math.round(distanceMetres(north(home, 300.2), home))).toBe(300);
    expect(Math.round(distanceMetres(north(home, 301), home))).toBe(301);
    const at = await addVisit({ in: sh('2026-11-02T09:00:00'), out: sh('2026-11-02T09:40:00'), inPos: north(home, 300.2), outPos: north(home, 12) });
    const over = await addVisit({ in: sh('2026-11-03T09:00:00'), out: sh('2026-11-03T09:40:00'), inPos: north(home, 20), outPos: north(home, 301) });
    const far = await addVisit({ in: sh('2026-11-04T09:00:00'), out: sh('2026-11-04T09:40:00'), inPos: north(home, 1234.6), outPos: null });
    // A phone's record without a position is flagged; an agency's entry without one is not.
    const noCheckIn = await addVisit({ in: sh('2026-11-05T14:00:00'), out: sh('2026-11-05T14:40:00'), inPos: null });
    const none = await addVisit({ in: sh('2026-11-06T14:00:00'), out: sh('2026-11-06T14:40:00'), inPos: null, outPos: null });
    const entered = await addVisit({ in: sh('2026-11-07T14:00:00'), out: sh('2026-11-07T14:40:00'), inPos: null, outPos: null, source: 'MANUAL' });
    const rows = only(await agree('2026-11'), 'R04');
    expect(rows.find((r) => r.visitId === at)).toBeUndefined();
    expect(rows.find((r) => r.visitId === over)).toMatchObject({ evidence: { checkInMetres: 20, checkOutMetres: 301, limitMetres: 300 }, summary: '签退位置距住址 301 米' });
    expect(rows.find((r) => r.visitId === far)).toMatchObject({ evidence: { checkInMetres: 1235, checkOutMetres: null, missing: ['checkOut'] }, summary: '签到位置距住址 1.24 公里' });
    expect(rows.find((r) => r.visitId === over)!.evidence.missing).toEqual([]);
    expect(rows.find((r) => r.visitId === noCheckIn)).toMatchObject({ evidence: { checkInMetres: null, checkOutMetres: 0, missing: ['checkIn'] }, summary: '未记录签到位置' });
    expect(rows.find((r) => r.visitId === none)).toMatchObject({ evidence: { checkInMetres: null, checkOutMetres: null, missing: ['checkIn', 'checkOut'] }, summary: '未记录签到和签退位置' });
    expect(rows.find((r) => r.visitId === entered)).toBeUndefined();
  });

  it('R05: 80% of the standard minutes exactly is enough, a second less is short', async () => {
    // A15 (20 min) + A01 (15 min) = 35 standard minutes; 80% = 28 minutes.
    const items = [{ code: 'A15', quantity: 1 }, { code: 'A01', quantity: 1 }];
    const exact = await addVisit({ person: 1, in: sh('2026-11-05T09:00:00'), out: sh('2026-11-05T09:28:00'), items });
    const short = await addVisit({ person: 1, in: sh('2026-11-06T09:00:00'), out: sh('2026-11-06T09:27:59'), items });
    const rows = only(await agree('2026-11'), 'R05');
    expect(rows.find((r) => r.visitId === exact)).toBeUndefined();
    expect(rows.find((r) => r.visitId === short)).toMatchObject({ evidence: { actualMinutes: 28, standardMinutes: 35, sharePercent: 80 }, summary: '服务 28 分钟，项目标准 35 分钟' });
  });

  it('R08: the 8th visit of a day passes, the 9th is flagged; 600 minutes pass, 601 are flagged', async () => {
    const ids: string[] = [];
    for (let k = 0; k < 9; k++) {
      const start = new Date(Date.parse(sh('2026-11-10T07:00:00')) + k * 20 * 60_000);
      ids.push(await addVisit({ caregiver: 1, person: k % 4, in: start.toISOString(), out: new Date(start.getTime() + 15 * 60_000).toISOString() }));
    }
    const six = await addVisit({ caregiver: 2, in: sh('2026-11-11T06:00:00'), out: sh('2026-11-11T11:00:00') });
    const ten = await addVisit({ caregiver: 2, in: sh('2026-11-11T12:00:00'), out: sh('2026-11-11T17:00:00') });
    const sixAgain = await addVisit({ caregiver: 2, in: sh('2026-11-12T06:00:00'), out: sh('2026-11-12T11:00:00') });
    const tenAndOne = await addVisit({ caregiver: 2, in: sh('2026-11-12T12:00:00'), out: sh('2026-11-12T17:01:00') });
    const rows = only(await agree('2026-11'), 'R08');
    expect(rows.filter((r) => ids.includes(r.visitId)).map((r) => r.visitId)).toEqual([ids[8]]);
    expect(rows.find((r) => r.visitId === ids[8])).toMatchObject({ evidence: { visitOfDay: 9, minutesSoFar: 135, maxVisits: 8, maxMinutes: 600 } });
    expect(rows.filter((r) => [six, ten, sixAgain].includes(r.visitId))).toEqual([]);
    expect(rows.find((r) => r.visitId === tenAndOne)).toMatchObject({ evidence: { visitOfDay: 2, minutesSoFar: 601 }, summary: '当日第 2 次服务，累计 601 分钟' });
  });

  it('R09: just under 60 km/h passes, just over is flagged, no gap is infinitely fast', async () => {
    const home = cast.people[0]!;
    // 10 minutes apart: 60 km/h is 10,000 m.
    await addVisit({ caregiver: 0, in: sh('2026-11-15T08:00:00'), out: sh('2026-11-15T08:30:00'), outPos: home });
    const under = await addVisit({ caregiver: 0, in: sh('2026-11-15T08:40:00'), out: sh('2026-11-15T09:10:00'), inPos: north(home, 9999.6), outPos: home });
    const over = await addVisit({ caregiver: 0, in: sh('2026-11-15T09:20:00'), out: sh('2026-11-15T09:50:00'), inPos: north(home, 10000.6), outPos: home });
    const instant = await addVisit({ caregiver: 0, in: sh('2026-11-15T09:50:00'), out: sh('2026-11-15T10:20:00'), inPos: north(home, 400), outPos: home });
    const rows = only(await agree('2026-11'), 'R09');
    expect(rows.find((r) => r.visitId === under)).toBeUndefined();
    expect(rows.find((r) => r.visitId === over)).toMatchObject({ evidence: { km: 10, minutes: 10, kmh: 60 }, summary: '距上一服务 10 公里，仅隔 10 分钟' });
    expect(rows.find((r) => r.visitId === instant)).toMatchObject({ evidence: { km: 0.4, minutes: 0, kmh: null } });
  });

  it('R10: 48 hours late passes, a second more is flagged', async () => {
    const onTime = await addVisit({ person: 2, in: sh('2026-11-18T09:00:00'), out: sh('2026-11-18T09:30:00'), recordedAt: sh('2026-11-20T09:30:00') });
    const late = await addVisit({ person: 2, in: sh('2026-11-19T09:00:00'), out: sh('2026-11-19T09:30:00'), recordedAt: sh('2026-11-21T09:30:01') });
    const rows = only(await agree('2026-11'), 'R10');
    expect(rows.find((r) => r.visitId === onTime)).toBeUndefined();
    expect(rows.find((r) => r.visitId === late)).toMatchObject({ evidence: { hoursLate: 48, limitHours: 48 }, summary: '服务结束 48 小时后才录入' });
  });

  it('R05 takes each item’s catalogue version in force on the visit’s day when the catalogue changes mid-month', async () => {
    // A25 goes from 15 to 60 standard minutes on 2027-04-16 (auditMonth takes one catalogue for the month, so R05
    // is held to auditVisit with the day's minutes, everything else to auditMonth).
    await sql(
      `insert into catalogue_item (id, pooling_area, code, effective_from, name, category, minutes, default_price_fen, care_forms)
       select ?, pooling_area, code, '2027-04-16', name, category, 60, default_price_fen, care_forms from catalogue_item
        where pooling_area = ? and code = 'A25' order by effective_from desc limit 1`,
      [randomUUID(), AREA],
    );
    const before = await addVisit({ person: 2, in: sh('2027-04-15T09:00:00'), out: sh('2027-04-15T09:13:00') });
    const after = await addVisit({ person: 2, in: sh('2027-04-16T09:00:00'), out: sh('2027-04-16T09:40:00') });
    const settings = DEFAULT_VISIT_SETTINGS;
    await runMonthlyAudit(em(), AREA, '2027-04', settings);
    const rows = await stored('2027-04');
    expect(only(rows, 'R05').map((r) => [r.visitId, r.evidence, r.summary])).toEqual([
      [after, { actualMinutes: 40, standardMinutes: 60, sharePercent: 80 }, '服务 40 分钟，项目标准 60 分钟'],
    ]);
    expect(only(rows, 'R05').map((r) => r.visitId)).not.toContain(before);
    const want = (await expected('2027-04', settings)).filter((r) => r.rule !== 'R05');
    expect(rows.filter((r) => r.rule !== 'R05').map(({ status: _s, version: _v, ...r }) => r)).toEqual(want);
  });

  it('R01: an overlap flags both visits; visits that only touch do not overlap', async () => {
    const a = await addVisit({ caregiver: 0, person: 1, in: sh('2026-11-22T09:00:00'), out: sh('2026-11-22T10:00:00') });
    const b = await addVisit({ caregiver: 0, person: 2, in: sh('2026-11-22T09:30:30'), out: sh('2026-11-22T10:30:00') });
    const c = await addVisit({ caregiver: 0, person: 3, in: sh('2026-11-22T10:30:00'), out: sh('2026-11-22T11:00:00') });
    const rows = only(await agree('2026-11'), 'R01');
    expect(rows.filter((r) => [a, b, c].includes(r.visitId))).toEqual([
      { visitId: a, rule: 'R01', key: b, action: 'DEDUCT', evidence: { otherVisitId: b, overlapMinutes: 30 }, summary: '与另一服务重叠 30 分钟' },
      { visitId: b, rule: 'R01', key: a, action: 'DEDUCT', evidence: { otherVisitId: a, overlapMinutes: 30 }, summary: '与另一服务重叠 30 分钟' },
    ].sort(order));
  });

  it('R02 strictly inside a hospital stay; R03 from the day of death', async () => {
    const p = cast.people[3]!;
    await sql(`insert into hospital_stay (id, pooling_area, person_id, hospital, admitted_on, discharged_on, source, recorded_by_id) values (?, ?, ?, '青岛市立医院', '2026-12-10', '2026-12-14', 'MANUAL', ?)`, [randomUUID(), AREA, p.id, cast.userId]);
    const days = ['2026-12-10', '2026-12-11', '2026-12-13', '2026-12-14', '2026-12-19', '2026-12-20'];
    const ids: string[] = [];
    for (const d of days) ids.push(await addVisit({ person: 3, in: sh(`${d}T09:00:00`), out: sh(`${d}T09:30:00`) }));
    await sql(`update insured_person set date_of_death = '2026-12-20' where id = ?`, [p.id]);
    try {
      const rows = await agree('2026-12');
      expect(only(rows, 'R02').filter((r) => ids.includes(r.visitId)).map((r) => ids.indexOf(r.visitId))).toEqual(expect.arrayContaining([1, 2]));
      expect(only(rows, 'R02').filter((r) => ids.includes(r.visitId))).toHaveLength(2);
      expect(only(rows, 'R02').find((r) => r.visitId === ids[1])).toMatchObject({ evidence: { admittedOn: '2026-12-10', dischargedOn: '2026-12-14' }, summary: '住院期间（2026-12-10 入院）的服务' });
      expect(only(rows, 'R03').filter((r) => ids.includes(r.visitId)).map((r) => r.visitId)).toEqual([ids[5]]);
      expect(only(rows, 'R03').find((r) => r.visitId === ids[5])).toMatchObject({ evidence: { dateOfDeath: '2026-12-20' }, summary: '参保人已于 2026-12-20 死亡' });
    } finally {
      await sql(`update insured_person set date_of_death = null where id = ?`, [p.id]);
    }
  });
});

describe('months, decisions and settings', () => {
  it('a visit crossing Shanghai midnight at the end of a month belongs to the day and month it started', async () => {
    // 2026-12-31 23:30 in Shanghai is 15:30 UTC; 2027-01-01 00:10 in Shanghai is still 2026-12-31 in UTC.
    const lastNight = await addVisit({ caregiver: 2, person: 0, in: sh('2026-12-31T23:30:00'), out: sh('2027-01-01T00:30:00'), confirmed: false });
    const newYear = await addVisit({ caregiver: 2, person: 1, in: sh('2027-01-01T00:40:00'), out: sh('2027-01-01T01:10:00'), confirmed: false });
    const december = await agree('2026-12');
    const january = await agree('2027-01');
    expect(only(december, 'R07').map((r) => r.visitId)).toContain(lastNight);
    expect(january.map((r) => r.visitId)).not.toContain(lastNight);
    expect(only(january, 'R07').map((r) => r.visitId)).toEqual([newYear]);
    const [row] = await sql(`select to_char(month, 'YYYY-MM-DD') as month from visit_finding where visit_id = ? and rule = 'R07'`, [lastNight]);
    expect(row.month).toBe('2026-12-01');
  });

  it('keeps decisions when run again: a dismissed overlap stays dismissed and its visit then counts toward the plan', async () => {
    // A version of person 0's plan allowing B05 once in the month.
    const p = cast.people[0]!;
    const versionId = randomUUID();
    await sql(
      `insert into care_plan_version (id, pooling_area, plan_id, number, state, conclusion_id, level, effective_from, cost, created_by_id)
       select ?, pooling_area, plan_id, 9, 'APPROVED', conclusion_id, level, '2027-02-01', cost, created_by_id from care_plan_version where id = ?`,
      [versionId, p.versionId],
    );
    await sql(
      `insert into care_plan_line (id, pooling_area, plan_version_id, position, kind, code, name, category, times, per, unit_price_fen, minutes)
       values (?, ?, ?, 1, 'ITEM', 'B05', '生命体征监测', 'B', 1, 'MONTH', 1500, 15)`,
      [randomUUID(), AREA, versionId],
    );
    const b05 = [{ code: 'B05', quantity: 1 }];
    const first = await addVisit({ caregiver: 0, in: sh('2027-02-02T09:00:00'), out: sh('2027-02-02T09:30:00'), items: b05, versionId });
    const overlapping = await addVisit({ caregiver: 0, person: 1, in: sh('2027-02-02T09:20:00'), out: sh('2027-02-02T09:50:00') });
    const later = await addVisit({ caregiver: 0, in: sh('2027-02-05T09:00:00'), out: sh('2027-02-05T09:30:00'), items: b05, versionId });

    // The overlap deducts the first visit, so the later one is the month's first B05: within the plan.
    const raised = await agree('2027-02');
    expect(only(raised, 'R01').map((r) => r.visitId).sort()).toEqual([first, overlapping].sort());
    expect(only(raised, 'R06')).toEqual([]);

    // A supervisor dismisses the overlap on the first visit (the other side stays open).
    const [user] = await sql(`select id from app_user where username = 'supervisor'`);
    await sql(`update visit_finding set status = 'DISMISSED', decision_note = '同一人协助，已核实', decided_by_id = ?, decided_at = now(), version = version + 1 where visit_id = ? and rule = 'R01'`, [user.id, first]);
    const result = await runMonthlyAudit(em(), AREA, '2027-02', DEFAULT_VISIT_SETTINGS);
    const rows = await stored('2027-02');
    expect(rows.find((r) => r.visitId === first && r.rule === 'R01')).toMatchObject({ status: 'DISMISSED', version: 2, evidence: { otherVisitId: overlapping } });
    const [note] = await sql(`select decision_note from visit_finding where visit_id = ? and rule = 'R01'`, [first]);
    expect(note.decision_note).toBe('同一人协助，已核实');
    expect(rows.find((r) => r.visitId === overlapping && r.rule === 'R01')).toMatchObject({ status: 'OPEN' });
    // The first visit now counts: the later one is the second B05 of a month that allows one.
    expect(only(rows, 'R06').map(({ status: _s, version: _v, ...r }) => r)).toEqual([
      { visitId: later, rule: 'R06', key: 'B05', action: 'DEDUCT', evidence: { code: 'B05', allowed: 1, usedBefore: 1, quantity: 1, excess: 1 }, summary: 'B05 本月已做 1 次，计划 1 次，超出 1 次' },
    ]);
    expect(result.byRule.R06).toBe(1);

    // Confirming the dismissed side instead deducts the first visit again; the later B05 is within the plan.
    await sql(`update visit_finding set status = 'CONFIRMED' where visit_id = ? and rule = 'R01'`, [first]);
    await runMonthlyAudit(em(), AREA, '2027-02', DEFAULT_VISIT_SETTINGS);
    expect(only(await stored('2027-02'), 'R06')).toEqual([]);

    // A confirmed flag is a violation too: with the overlap dismissed again, a confirmed R07 (a flag) on the first
    // visit still takes it out of the plan's count; dismissed, it counts again.
    await sql(`update visit_finding set status = 'DISMISSED' where visit_id = ? and rule = 'R01'`, [first]);
    await sql(
      `insert into visit_finding (id, pooling_area, visit_id, visit_at, month, agency_id, person_id, caregiver_id, rule, action, key, evidence, summary, status, version)
       select ?, pooling_area, id, check_in_at, date_trunc('month', local_date)::date, agency_id, person_id, caregiver_id, 'R07', 'FLAG', '', '{}', '未经参保人确认', 'CONFIRMED', 1 from visit where id = ?
       on conflict (visit_id, rule, key) do update set status = 'CONFIRMED'`,
      [randomUUID(), first],
    );
    await runMonthlyAudit(em(), AREA, '2027-02', DEFAULT_VISIT_SETTINGS);
    expect(only(await stored('2027-02'), 'R06')).toEqual([]);
    await sql(`update visit_finding set status = 'DISMISSED' where visit_id = ? and rule = 'R07'`, [first]);
    await runMonthlyAudit(em(), AREA, '2027-02', DEFAULT_VISIT_SETTINGS);
    expect(only(await stored('2027-02'), 'R06').map((r) => r.visitId)).toEqual([later]);
  });

  it('a disabled rule raises nothing and its open findings go, decided ones stay', async () => {
    const before = only(await stored('2026-10'), 'R07');
    expect(before.length).toBeGreaterThan(2);
    await sql(`update visit_finding set status = 'CONFIRMED' where visit_id = ? and rule = 'R07'`, [before[0]!.visitId]);
    const off = settingsWith({}, { R07: { enabled: false, action: 'FLAG' } });
    const result = await runMonthlyAudit(em(), AREA, '2026-10', off);
    expect(result.byRule.R07).toBeUndefined();
    const left = only(await stored('2026-10'), 'R07');
    expect(left.map((r) => [r.visitId, r.status])).toEqual([[before[0]!.visitId, 'CONFIRMED']]);
    // Everything else as auditMonth says with R07 off.
    const want = (await expected('2026-10', off)).filter((r) => r.rule !== 'R07');
    expect((await stored('2026-10')).filter((r) => r.rule !== 'R07').map(({ status: _s, version: _v, ...r }) => r)).toEqual(want);
  });

  it('removes what a run killed mid-way left staged a day ago, and leaves another run’s rows alone', async () => {
    const stage = (runId: string, age: string) =>
      sql(
        `insert into visit_audit_stage_finding (run_id, pooling_area, visit_id, rule, key, action, evidence, summary, visit_at, agency_id, person_id, caregiver_id, staged_at)
         values (?, ?, gen_random_uuid(), 'R07', '', 'FLAG', '{}', '-', now(), gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), now() - ?::interval)`,
        [runId, AREA, age],
      );
    const [old, running] = [randomUUID(), randomUUID()];
    await stage(old, '25 hours');
    await stage(running, '1 minute');
    await runMonthlyAudit(em(), AREA, '2026-10', DEFAULT_VISIT_SETTINGS);
    const left = await sql(`select run_id from visit_audit_stage_finding`);
    expect(left.map((r) => r.run_id)).toEqual([running]);
    await sql(`delete from visit_audit_stage_finding`);
  });

  it('refuses a malformed month or area before touching the database', async () => {
    await expect(runMonthlyAudit(em(), AREA, '2026-13', DEFAULT_VISIT_SETTINGS)).rejects.toThrow(/month/);
    await expect(runMonthlyAudit(em(), "3702'; drop table visit; --", '2026-10', DEFAULT_VISIT_SETTINGS)).rejects.toThrow(/poolingArea/);
  });
});

describe('the generator', () => {
  it('gives the same month for the same seed', async () => {
    const digest = async () =>
      (await sql(`select md5(string_agg(id::text || check_in_at::text || items::text || coalesce(check_in_lat::text, '') || status, ',' order by id)) as d from visit where pooling_area = ? and check_in_at >= '2027-03-01' and check_in_at < '2027-04-01'`, [AREA]))[0].d;
    await generateVisitMonth(em(), { poolingArea: AREA, month: '2027-03', beneficiaries: 100, agencies: 3, visitsTarget: 500, seed: 7 });
    const first = await digest();
    await generateVisitMonth(em(), { poolingArea: AREA, month: '2027-03', beneficiaries: 100, agencies: 3, visitsTarget: 500, seed: 7 });
    expect(await digest()).toBe(first);
    const [n] = await sql(`select count(*)::int as n from visit where check_in_at >= '2027-02-28T16:00:00Z' and check_in_at < '2027-03-31T16:00:00Z'`);
    expect(n.n).toBe(500);
    // Bulk-loaded or inserted, every visit has its id in visit_key, and nothing else is there.
    const [keys] = await sql(
      `select (select count(*) from visit v where not exists (select 1 from visit_key k where k.id = v.id and k.check_in_at = v.check_in_at and k.caregiver_id = v.caregiver_id))::int as missing,
              (select count(*) from visit_key k where not exists (select 1 from visit v where v.id = k.id and v.check_in_at = k.check_in_at))::int as stale`,
    );
    expect(keys).toEqual({ missing: 0, stale: 0 });
  });
});
