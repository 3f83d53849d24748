import { describe, expect, it } from 'vitest';
import {
  auditMonth,
  auditVisit,
  checkTimesAndPlaces,
  dayOf,
  deducts,
  DEFAULT_VISIT_SETTINGS,
  distanceMetres,
  findingKey,
  visitSettingsFrom,
  VISIT_DEDUCTING,
  type VisitContext,
  type VisitFacts,
  type VisitSettings,
} from '../../server/src/visits/visits.rules.ts';
import { billableDays, checkStayDates } from '../../server/src/visits/stays.rules.ts';

const HOME = { lat: 36.06, lng: 120.38 };
/** A point `metres` due north of the home. */
const north = (metres: number, accuracy = 10) => ({ lat: HOME.lat + metres / ((Math.PI / 180) * 6_371_008.8), lng: HOME.lng, accuracy });
const S: VisitSettings = DEFAULT_VISIT_SETTINGS;
const T0 = Date.parse('2026-11-10T01:00:00Z'); // 09:00 in Shanghai
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

function visit(over: Partial<VisitFacts> & { from?: number; to?: number } = {}): VisitFacts {
  const { from = 0, to = 40, ...rest } = over;
  return { id: `v${from}`, caregiverId: 'c1', personId: 'p1', checkInAt: at(from), checkOutAt: at(to), checkIn: north(10), checkOut: north(10), items: [{ code: 'A05', quantity: 1 }], confirmed: true, recordedAt: at(to), source: 'DEVICE', ...rest };
}
const ctx = (over: Partial<VisitContext> = {}): VisitContext => ({ home: HOME, dateOfDeath: null, hospitalStays: [], itemMinutes: { A05: 30, A07: 20 }, monthlyLimits: { A05: 9, A07: 30 }, usedBefore: {}, caregiverVisits: [], ...over });
const rules = (v: VisitFacts, c: VisitContext = ctx(), s: VisitSettings = S) => auditVisit(v, c, s).map((f) => f.rule);

describe('a clean visit raises nothing', () => {
  it('near home, long enough, confirmed, within the plan, on time', () => expect(rules(visit())).toEqual([]));
});

describe('each audit rule at and beside its threshold', () => {
  it('R01: touching visits do not overlap, one minute does', () => {
    const a = visit({ from: 0, to: 40 });
    expect(rules(a, ctx({ caregiverVisits: [a, visit({ from: 40, to: 80 })] }))).toEqual([]);
    const f = auditVisit(a, ctx({ caregiverVisits: [a, visit({ from: 39, to: 80 })] }), S);
    expect(f).toMatchObject([{ rule: 'R01', action: 'DEDUCT', evidence: { otherVisitId: 'v39', overlapMinutes: 1 } }]);
    expect(findingKey(f[0]!)).toBe('v39');
  });
  it('R02: days wholly in hospital (not the admission or discharge day)', () => {
    const stay = (admittedOn: string, dischargedOn: string | null) => ctx({ hospitalStays: [{ admittedOn, dischargedOn }] });
    expect(rules(visit(), stay('2026-11-10', null))).toEqual([]);
    expect(rules(visit(), stay('2026-11-09', '2026-11-10'))).toEqual([]);
    expect(rules(visit(), stay('2026-11-09', '2026-11-11'))).toEqual(['R02']);
    expect(rules(visit(), stay('2026-11-09', null))).toEqual(['R02']);
  });
  it('R03: on or after the date of death', () => {
    expect(rules(visit(), ctx({ dateOfDeath: '2026-11-11' }))).toEqual([]);
    expect(rules(visit(), ctx({ dateOfDeath: '2026-11-10' }))).toEqual(['R03']);
  });
  it('R04: a phone’s record without a position is flagged, an agency’s entry without one is not', () => {
    expect(auditVisit(visit({ checkIn: null }), ctx(), S)).toMatchObject([{ rule: 'R04', evidence: { checkInMetres: null, checkOutMetres: 10, missing: ['checkIn'] }, summary: '未记录签到位置' }]);
    expect(auditVisit(visit({ checkIn: null, checkOut: null }), ctx(), S)).toMatchObject([{ rule: 'R04', evidence: { missing: ['checkIn', 'checkOut'] }, summary: '未记录签到和签退位置' }]);
    // Checked in only: no check-out position is missing yet.
    expect(auditVisit(visit({ checkOutAt: null, checkOut: null }), ctx(), S)).toEqual([]);
    expect(auditVisit(visit({ checkIn: null, checkOut: null, source: 'MANUAL' }), ctx(), S)).toEqual([]);
    // Far away and missing the other: the distance is said, the missing one listed.
    expect(auditVisit(visit({ checkIn: north(500), checkOut: null }), ctx(), S)).toMatchObject([{ rule: 'R04', evidence: { checkInMetres: 500, missing: ['checkOut'] }, summary: '签到位置距住址 500 米' }]);
  });
  it('R04: 300 m is within the geofence, 301 m is not', () => {
    expect(rules(visit({ checkOut: north(300) }))).toEqual([]);
    const f = auditVisit(visit({ checkIn: north(301) }), ctx(), S);
    expect(f).toMatchObject([{ rule: 'R04', action: 'FLAG', evidence: { checkInMetres: 301, checkOutMetres: 10 }, summary: '签到位置距住址 301 米' }]);
  });
  it('R05: exactly 80 % of the standard minutes passes, less does not', () => {
    expect(rules(visit({ from: 0, to: 24 }))).toEqual([]); // 24 of 30 minutes
    expect(rules(visit({ from: 0, to: 23.9 }))).toEqual(['R05']);
  });
  it('R06: up to the plan’s monthly count, then the excess only', () => {
    expect(rules(visit(), ctx({ usedBefore: { A05: 8 } }))).toEqual([]);
    const f = auditVisit(visit({ to: 60, items: [{ code: 'A05', quantity: 2 }] }), ctx({ usedBefore: { A05: 8 } }), S);
    expect(f).toMatchObject([{ rule: 'R06', action: 'DEDUCT', evidence: { code: 'A05', allowed: 9, usedBefore: 8, quantity: 2, excess: 1 } }]);
  });
  it('R07: no confirmation', () => expect(rules(visit({ confirmed: false }))).toEqual(['R07']));
  it('R08: the 8th visit of a day passes, the 9th does not; 600 minutes pass, 601 do not', () => {
    const day = Array.from({ length: 9 }, (_, i) => visit({ id: `d${i}`, from: i * 45, to: i * 45 + 40 }));
    expect(rules(day[7]!, ctx({ caregiverVisits: day }))).toEqual([]);
    expect(rules(day[8]!, ctx({ caregiverVisits: day }))).toEqual(['R08']);
    const long = [visit({ id: 'l1', from: 0, to: 300 }), visit({ id: 'l2', from: 300, to: 600 })];
    expect(rules(long[1]!, ctx({ caregiverVisits: long, itemMinutes: { A05: 0 } }))).toEqual([]);
    const longer = [visit({ id: 'l1', from: 0, to: 300 }), visit({ id: 'l2', from: 300, to: 601 })];
    expect(rules(longer[1]!, ctx({ caregiverVisits: longer, itemMinutes: { A05: 0 } }))).toEqual(['R08']);
  });
  it('R09: 60 km/h between visits passes, faster does not', () => {
    const prev = visit({ id: 'p', from: 0, to: 40, checkOut: north(0) });
    // 10 km in 10 minutes = 60 km/h: allowed; in 9 minutes it is not.
    const ok = visit({ id: 'n', from: 50, to: 90, checkIn: { ...north(10_000), accuracy: 10 } });
    expect(rules(ok, ctx({ caregiverVisits: [prev, ok], home: null }))).toEqual([]);
    const fast = visit({ id: 'n', from: 49, to: 90, checkIn: { ...north(10_000), accuracy: 10 } });
    expect(auditVisit(fast, ctx({ caregiverVisits: [prev, fast], home: null }), S)).toMatchObject([{ rule: 'R09', evidence: { previousVisitId: 'p', km: 10, minutes: 9 } }]);
  });
  it('R10: recorded 48 hours after the end passes, later does not', () => {
    expect(rules(visit({ recordedAt: at(40 + 48 * 60) }))).toEqual([]);
    expect(rules(visit({ recordedAt: at(41 + 48 * 60) }))).toEqual(['R10']);
  });
  it('a disabled rule raises nothing; an action follows the settings', () => {
    const s = visitSettingsFrom({ rules: { R07: { enabled: false, action: 'FLAG' }, R04: { enabled: true, action: 'DEDUCT' } } } as never);
    expect(rules(visit({ confirmed: false }), ctx(), s)).toEqual([]);
    expect(auditVisit(visit({ checkIn: north(500) }), ctx(), s)[0]!.action).toBe('DEDUCT');
  });
});

describe('hard rules on times and places', () => {
  const now = at(100);
  const hard = (v: Partial<Parameters<typeof checkTimesAndPlaces>[0]>) => checkTimesAndPlaces({ checkInAt: at(0), checkOutAt: at(40), checkIn: north(10), checkOut: north(10), ...v }, HOME, now, S).map((r) => r.code);
  it('check-out after check-in, at most 12 hours, not in the future beyond the skew, positions in range', () => {
    expect(hard({})).toEqual([]);
    expect(hard({ checkOutAt: at(0) })).toEqual(['CHECK_OUT_NOT_AFTER_CHECK_IN']);
    expect(checkTimesAndPlaces({ checkInAt: at(-700), checkOutAt: at(20), checkIn: null, checkOut: null }, HOME, now, S).map((r) => r.code)).toEqual([]);
    expect(checkTimesAndPlaces({ checkInAt: at(-701), checkOutAt: at(20), checkIn: null, checkOut: null }, HOME, now, S).map((r) => r.code)).toEqual(['TOO_LONG']);
    expect(hard({ checkInAt: at(105), checkOutAt: null })).toEqual([]);
    expect(hard({ checkInAt: at(106), checkOutAt: null })).toEqual(['IN_FUTURE']);
    expect(hard({ checkIn: north(10, 501) })).toEqual(['POSITION_OUT_OF_RANGE']);
    expect(hard({ checkOut: north(50_001) })).toEqual(['POSITION_OUT_OF_RANGE']);
    expect(hard({ checkIn: { lat: 91, lng: 0, accuracy: 5 } })).toEqual(['POSITION_OUT_OF_RANGE']);
  });
  it('the day of a visit is its Shanghai day: 23:30 on the last day of a month stays in that month', () => {
    expect(dayOf('2026-11-30T15:30:00Z')).toBe('2026-11-30');
    expect(dayOf('2026-11-30T16:00:00Z')).toBe('2026-12-01');
  });
  it('measures distances on the sphere', () => expect(Math.round(distanceMetres(HOME, north(1000)))).toBe(1000));
});

describe('what deducts', () => {
  it('a confirmed violation whatever its rule’s action, a dismissed one never, an open one when its action deducts and the area says so', () => {
    const open = { deductOpenFindings: true };
    expect(deducts({ action: 'FLAG', status: 'CONFIRMED' }, open)).toBe(true);
    expect(deducts({ action: 'DEDUCT', status: 'CONFIRMED' }, { deductOpenFindings: false })).toBe(true);
    expect(deducts({ action: 'DEDUCT', status: 'DISMISSED' }, open)).toBe(false);
    expect(deducts({ action: 'FLAG', status: 'OPEN' }, open)).toBe(false);
    expect(deducts({ action: 'DEDUCT', status: 'OPEN' }, open)).toBe(true);
    expect(deducts({ action: 'DEDUCT', status: 'OPEN' }, { deductOpenFindings: false })).toBe(false);
    expect(VISIT_DEDUCTING).toEqual(['R01', 'R02', 'R03', 'R04', 'R05', 'R07', 'R08', 'R09', 'R10']);
  });
});

describe('the month’s audit', () => {
  it('skips visits deducted by another rule when counting a plan’s units', () => {
    const a = visit({ id: 'a', from: 0, to: 40 });
    const b = visit({ id: 'b', from: 30, to: 70, caregiverId: 'c1' }); // overlaps a: both deducted
    const c = visit({ id: 'c', from: 100, to: 140, caregiverId: 'c2' });
    const m = { visits: [a, b, c], personOf: { a: 'p1', b: 'p1', c: 'p1' }, planOf: { a: 'x', b: 'x', c: 'x' }, people: { p1: { home: HOME, dateOfDeath: null, hospitalStays: [] } }, limitsOf: { a: { A05: 1 }, b: { A05: 1 }, c: { A05: 1 } }, itemMinutes: { A05: 30 } };
    const found = auditMonth(m, S).map((f) => `${f.visitId}:${f.rule}`).sort();
    // a and b overlap (R01 each); c is the first counted visit, within the plan: no R06 at all.
    expect(found).toEqual(['a:R01', 'b:R01']);
  });
});

describe('stays', () => {
  it('billable days: admission day counts, discharge day and leave do not', () => {
    const days = billableDays([{ admittedOn: '2026-10-28', dischargedOn: '2026-11-05', leaves: [{ from: '2026-11-02', to: '2026-11-03' }] }], '2026-11');
    expect(days).toEqual(['2026-11-01', '2026-11-04']);
    expect(billableDays([{ admittedOn: '2026-11-29', dischargedOn: null, leaves: [] }], '2026-11')).toEqual(['2026-11-29', '2026-11-30']);
    expect(billableDays([{ admittedOn: '2026-11-01', dischargedOn: null, leaves: [] }], '2026-02'.replace('2026-02', '2026-12')).length).toBe(31);
  });
  it('checks dates', () => {
    expect(checkStayDates({ admittedOn: '2026-11-02', dischargedOn: '2026-11-01' }, '2026-11-23').map((p) => p.reason)).toEqual(['BEFORE_ADMISSION']);
    expect(checkStayDates({ admittedOn: '2026-11-30' }, '2026-11-23').map((p) => p.reason)).toEqual(['FUTURE']);
    expect(checkStayDates({ admittedOn: '2026-02-30' }, '2026-11-23').map((p) => p.reason)).toEqual(['DATE']);
    expect(checkStayDates({ admittedOn: '2026-11-01', leaves: [{ from: '2026-10-30', to: '2026-11-02' }] }, '2026-11-23').map((p) => p.reason)).toEqual(['OUTSIDE_STAY']);
  });
});
