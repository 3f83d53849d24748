// Home-care visits (服务记录) as pure functions: the hard rules that reject a record, and the audit rules
// R01–R10 (shared/domain/visits-and-billing.md) over one visit and its neighbours. No GraphQL, no ORM, no clock:
// the server runs them when a visit is submitted, the caregiver's phone runs the very same module before
// check-out, and the monthly SQL run is tested against `auditMonth` below.
import { localDate } from '../shared/clock.ts';

// ---- positions -----------------------------------------------------------------------------------

export interface Position {
  lat: number;
  lng: number;
  /** Horizontal accuracy in metres, as the device reports it. */
  accuracy: number;
}

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in metres between two WGS-84 points (haversine). */
export function distanceMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

// ---- settings ------------------------------------------------------------------------------------

export const RULE_CODES = ['R01', 'R02', 'R03', 'R04', 'R05', 'R06', 'R07', 'R08', 'R09', 'R10'] as const;
export type RuleCode = (typeof RULE_CODES)[number];
export const RULE_NAMES: Record<RuleCode, { key: string; zh: string }> = {
  R01: { key: 'OVERLAP', zh: '同一护理员服务时间重叠' },
  R02: { key: 'HOSPITALISED', zh: '住院期间的服务' },
  R03: { key: 'AFTER_DEATH', zh: '死亡之后的服务' },
  R04: { key: 'GEOFENCE', zh: '签到签退位置偏离住址' },
  R05: { key: 'SHORT', zh: '服务时长不足' },
  R06: { key: 'OVER_PLAN', zh: '超出护理计划频次' },
  R07: { key: 'UNCONFIRMED', zh: '无参保人确认' },
  R08: { key: 'CAREGIVER_DAY', zh: '护理员单日服务过量' },
  R09: { key: 'TRAVEL', zh: '相邻服务间移动速度异常' },
  R10: { key: 'LATE_ENTRY', zh: '补录过晚' },
};

export type RuleAction = 'DEDUCT' | 'FLAG';

export interface VisitSettings {
  rules: Record<RuleCode, { enabled: boolean; action: RuleAction }>;
  /** R04: metres from the home. */
  geofenceMetres: number;
  /** R05: actual minutes below this share (percent) of the items' standard minutes. */
  shortSharePercent: number;
  /** R08: visits and minutes of one caregiver in one day. */
  dayMaxVisits: number;
  dayMaxMinutes: number;
  /** R09: km/h between consecutive visits. */
  travelKmh: number;
  /** R10: hours between the end of a visit and its recording. */
  lateEntryHours: number;
  /** Hard rules: the longest visit, the clock skew tolerated, how far from home a position may be at all. */
  maxVisitHours: number;
  clockSkewMinutes: number;
  maxDistanceKm: number;
  maxAccuracyMetres: number;
  /** Billing: whether open (undecided) findings with a DEDUCT action are deducted. */
  deductOpenFindings: boolean;
}

export const DEFAULT_VISIT_SETTINGS: VisitSettings = {
  rules: {
    R01: { enabled: true, action: 'DEDUCT' },
    R02: { enabled: true, action: 'DEDUCT' },
    R03: { enabled: true, action: 'DEDUCT' },
    R04: { enabled: true, action: 'FLAG' },
    R05: { enabled: true, action: 'FLAG' },
    R06: { enabled: true, action: 'DEDUCT' },
    R07: { enabled: true, action: 'FLAG' },
    R08: { enabled: true, action: 'FLAG' },
    R09: { enabled: true, action: 'FLAG' },
    R10: { enabled: true, action: 'FLAG' },
  },
  geofenceMetres: 300,
  shortSharePercent: 80,
  dayMaxVisits: 8,
  dayMaxMinutes: 600,
  travelKmh: 60,
  lateEntryHours: 48,
  maxVisitHours: 12,
  clockSkewMinutes: 5,
  maxDistanceKm: 50,
  maxAccuracyMetres: 500,
  deductOpenFindings: true,
};

/** Merges a pooling area's stored overrides over the defaults, ignoring unknown keys. */
export function visitSettingsFrom(stored: Partial<VisitSettings> | null | undefined): VisitSettings {
  // A copy of the defaults, two levels deep (on every check-in and check-out: cheaper than structuredClone).
  const rules = Object.fromEntries(RULE_CODES.map((code) => [code, { ...DEFAULT_VISIT_SETTINGS.rules[code] }])) as VisitSettings['rules'];
  const out: VisitSettings = { ...DEFAULT_VISIT_SETTINGS, rules };
  if (!stored) return out;
  for (const key of Object.keys(DEFAULT_VISIT_SETTINGS) as (keyof VisitSettings)[]) {
    if (key === 'rules') continue;
    if (stored[key] !== undefined) (out as unknown as Record<string, unknown>)[key] = stored[key];
  }
  for (const code of RULE_CODES) if (stored.rules?.[code]) out.rules[code] = { ...out.rules[code], ...stored.rules[code] };
  return out;
}

// ---- the record ------------------------------------------------------------------------------------

export interface ItemDone {
  code: string;
  quantity: number;
}

/** A visit as the rules see it. Times are ISO instants; the visit's day is its check-in's Shanghai date. */
export interface VisitFacts {
  id: string;
  caregiverId: string;
  personId: string;
  checkInAt: string;
  checkOutAt: string | null;
  checkIn: Position | null;
  checkOut: Position | null;
  items: ItemDone[];
  confirmed: boolean;
  /** When the server received the completed record (the check-out, or the manual entry). */
  recordedAt: string;
  /** From the caregiver's phone, which takes the position at check-in and check-out, or entered by the agency. */
  source: 'DEVICE' | 'MANUAL';
}

export const dayOf = (iso: string): string => localDate(new Date(iso));
export const monthOf = (iso: string): string => dayOf(iso).slice(0, 7);
export const minutesBetween = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / 60_000;

// ---- hard rules ------------------------------------------------------------------------------------

export const HARD_RULES = [
  'OUT_OF_SCOPE',
  'CAREGIVER_NOT_ELIGIBLE',
  'NO_PLAN_IN_FORCE',
  'ITEM_NOT_IN_PLAN',
  'ITEM_NOT_QUALIFIED',
  'CHECK_OUT_NOT_AFTER_CHECK_IN',
  'TOO_LONG',
  'POSITION_OUT_OF_RANGE',
  'IN_FUTURE',
] as const;
export type HardRule = (typeof HARD_RULES)[number];

export interface Rejection {
  code: HardRule;
  field: string;
  message: string;
}

/** Checks the times and positions of a record against the hard rules (the facts about people come from the caller). */
export function checkTimesAndPlaces(
  v: { checkInAt: string; checkOutAt: string | null; checkIn: Position | null; checkOut: Position | null },
  home: { lat: number; lng: number } | null,
  now: string,
  s: Pick<VisitSettings, 'maxVisitHours' | 'clockSkewMinutes' | 'maxDistanceKm' | 'maxAccuracyMetres'>,
): Rejection[] {
  const out: Rejection[] = [];
  const skewed = Date.parse(now) + s.clockSkewMinutes * 60_000;
  if (Number.isNaN(Date.parse(v.checkInAt))) out.push({ code: 'IN_FUTURE', field: 'checkInAt', message: 'Not a time' });
  else if (Date.parse(v.checkInAt) > skewed) out.push({ code: 'IN_FUTURE', field: 'checkInAt', message: 'The check-in lies in the future' });
  if (v.checkOutAt !== null) {
    if (Date.parse(v.checkOutAt) > skewed) out.push({ code: 'IN_FUTURE', field: 'checkOutAt', message: 'The check-out lies in the future' });
    const minutes = minutesBetween(v.checkInAt, v.checkOutAt);
    if (!(minutes > 0)) out.push({ code: 'CHECK_OUT_NOT_AFTER_CHECK_IN', field: 'checkOutAt', message: 'The check-out must come after the check-in' });
    else if (minutes > s.maxVisitHours * 60) out.push({ code: 'TOO_LONG', field: 'checkOutAt', message: `A visit lasts at most ${s.maxVisitHours} hours` });
  }
  for (const [field, p] of [['checkIn', v.checkIn], ['checkOut', v.checkOut]] as const) {
    if (!p) continue;
    const valid = Number.isFinite(p.lat) && Number.isFinite(p.lng) && Math.abs(p.lat) <= 90 && Math.abs(p.lng) <= 180 && Number.isFinite(p.accuracy) && p.accuracy >= 0;
    if (!valid || p.accuracy > s.maxAccuracyMetres) out.push({ code: 'POSITION_OUT_OF_RANGE', field, message: valid ? `The position is too imprecise (±${Math.round(p.accuracy)} m)` : 'Not a position' });
    else if (home && distanceMetres(p, home) > s.maxDistanceKm * 1000) out.push({ code: 'POSITION_OUT_OF_RANGE', field, message: `More than ${s.maxDistanceKm} km from the home` });
  }
  return out;
}

// ---- audit rules -----------------------------------------------------------------------------------

export interface Finding {
  visitId: string;
  rule: RuleCode;
  action: RuleAction;
  evidence: Record<string, unknown>;
  /** One line in Chinese for queues and notifications. */
  summary: string;
}

/** What the rules need to know beside the visit itself. */
export interface VisitContext {
  home: { lat: number; lng: number } | null;
  dateOfDeath: string | null;
  /** In-patient stays of the person: admitted and discharged days (discharged null: still in hospital). */
  hospitalStays: { admittedOn: string; dischargedOn: string | null }[];
  /** Standard minutes of each catalogue item. */
  itemMinutes: Record<string, number>;
  /** Units of each item the plan allows in the visit's month. */
  monthlyLimits: Record<string, number>;
  /** Units of each item used by the month's earlier accepted (not deducted) visits of the person, in check-in order. */
  usedBefore: Record<string, number>;
  /** The caregiver's other visits (not void), for overlaps, the day's load and travel. */
  caregiverVisits: VisitFacts[];
}

const km = (m: number) => Math.round(m / 10) / 100;
const hit = (v: VisitFacts, rule: RuleCode, s: VisitSettings, evidence: Record<string, unknown>, summary: string): Finding => ({ visitId: v.id, rule, action: s.rules[rule].action, evidence, summary });

/** Minutes the visit's items take by the catalogue's standard. */
export function standardMinutes(items: readonly ItemDone[], itemMinutes: Record<string, number>): number {
  return items.reduce((sum, i) => sum + (itemMinutes[i.code] ?? 0) * i.quantity, 0);
}

/** The order visits are counted in: check-in time, then id (two visits may start in the same second). */
export const byCheckIn = (a: VisitFacts, b: VisitFacts) => a.checkInAt.localeCompare(b.checkInAt) || a.id.localeCompare(b.id);

/**
 * The audit rules over one completed visit and its neighbours. R06 needs `usedBefore` from the visits counted
 * before it; R01, R08 and R09 look at the caregiver's other visits.
 */
export function auditVisit(v: VisitFacts, c: VisitContext, s: VisitSettings): Finding[] {
  const out: Finding[] = [];
  const on = (r: RuleCode) => s.rules[r].enabled;
  const day = dayOf(v.checkInAt);
  const end = v.checkOutAt ?? v.checkInAt;
  const others = c.caregiverVisits.filter((o) => o.id !== v.id && o.checkOutAt !== null);

  if (on('R01')) {
    for (const o of others) {
      const overlap = Math.min(Date.parse(end), Date.parse(o.checkOutAt!)) - Math.max(Date.parse(v.checkInAt), Date.parse(o.checkInAt));
      if (overlap > 0) out.push(hit(v, 'R01', s, { otherVisitId: o.id, overlapMinutes: Math.round(overlap / 60_000) }, `与另一服务重叠 ${Math.round(overlap / 60_000)} 分钟`));
    }
  }
  if (on('R02')) {
    const stay = c.hospitalStays.find((h) => h.admittedOn < day && (h.dischargedOn === null || day < h.dischargedOn));
    if (stay) out.push(hit(v, 'R02', s, { admittedOn: stay.admittedOn, dischargedOn: stay.dischargedOn }, `住院期间（${stay.admittedOn} 入院）的服务`));
  }
  if (on('R03') && c.dateOfDeath && day >= c.dateOfDeath) out.push(hit(v, 'R03', s, { dateOfDeath: c.dateOfDeath }, `参保人已于 ${c.dateOfDeath} 死亡`));
  if (on('R04') && c.home) {
    const dIn = v.checkIn ? Math.round(distanceMetres(v.checkIn, c.home)) : null;
    const dOut = v.checkOut ? Math.round(distanceMetres(v.checkOut, c.home)) : null;
    const worst = Math.max(dIn ?? 0, dOut ?? 0);
    // A phone's record without a position proves no presence at the home (an agency's entry has none to give).
    const missing = v.source === 'DEVICE' ? [...(v.checkIn ? [] : ['checkIn']), ...(v.checkOutAt !== null && !v.checkOut ? ['checkOut'] : [])] : [];
    const evidence = { checkInMetres: dIn, checkOutMetres: dOut, limitMetres: s.geofenceMetres, missing };
    if (worst > s.geofenceMetres) out.push(hit(v, 'R04', s, evidence, `${dIn !== null && dIn === worst ? '签到' : '签退'}位置距住址 ${worst >= 1000 ? `${km(worst)} 公里` : `${worst} 米`}`));
    else if (missing.length) out.push(hit(v, 'R04', s, evidence, `未记录${missing.length === 2 ? '签到和签退' : missing[0] === 'checkIn' ? '签到' : '签退'}位置`));
  }
  if (on('R05') && v.checkOutAt) {
    const actual = minutesBetween(v.checkInAt, v.checkOutAt);
    const standard = standardMinutes(v.items, c.itemMinutes);
    if (standard > 0 && actual * 100 < standard * s.shortSharePercent) {
      out.push(hit(v, 'R05', s, { actualMinutes: Math.round(actual), standardMinutes: standard, sharePercent: s.shortSharePercent }, `服务 ${Math.round(actual)} 分钟，项目标准 ${standard} 分钟`));
    }
  }
  if (on('R06')) {
    for (const i of v.items) {
      const allowed = c.monthlyLimits[i.code] ?? 0;
      const used = c.usedBefore[i.code] ?? 0;
      const excess = Math.min(i.quantity, used + i.quantity - allowed);
      if (excess > 0) out.push(hit(v, 'R06', s, { code: i.code, allowed, usedBefore: used, quantity: i.quantity, excess }, `${i.code} 本月已做 ${used} 次，计划 ${allowed} 次，超出 ${excess} 次`));
    }
  }
  if (on('R07') && !v.confirmed) out.push(hit(v, 'R07', s, {}, '无参保人确认'));
  if (on('R08')) {
    const sameDay = [...others.filter((o) => dayOf(o.checkInAt) === day), v].sort(byCheckIn);
    const index = sameDay.findIndex((o) => o.id === v.id);
    const minutes = sameDay.slice(0, index + 1).reduce((sum, o) => sum + minutesBetween(o.checkInAt, o.checkOutAt ?? o.checkInAt), 0);
    if (index + 1 > s.dayMaxVisits || minutes > s.dayMaxMinutes) {
      out.push(hit(v, 'R08', s, { visitOfDay: index + 1, minutesSoFar: Math.round(minutes), maxVisits: s.dayMaxVisits, maxMinutes: s.dayMaxMinutes }, `当日第 ${index + 1} 次服务，累计 ${Math.round(minutes)} 分钟`));
    }
  }
  if (on('R09') && v.checkIn) {
    const before = [...others, v].sort(byCheckIn);
    const prev = before[before.findIndex((o) => o.id === v.id) - 1];
    if (prev?.checkOut && prev.checkOutAt && Date.parse(prev.checkOutAt) <= Date.parse(v.checkInAt)) {
      const metres = distanceMetres(prev.checkOut!, v.checkIn);
      const hours = minutesBetween(prev.checkOutAt!, v.checkInAt) / 60;
      const kmh = hours > 0 ? metres / 1000 / hours : Infinity;
      if (metres > s.geofenceMetres && kmh > s.travelKmh) {
        out.push(hit(v, 'R09', s, { previousVisitId: prev.id, km: km(metres), minutes: Math.round(hours * 60), kmh: Number.isFinite(kmh) ? Math.round(kmh) : null }, `距上一服务 ${km(metres)} 公里，仅隔 ${Math.round(hours * 60)} 分钟`));
      }
    }
  }
  if (on('R10') && v.checkOutAt) {
    const late = minutesBetween(v.checkOutAt, v.recordedAt) / 60;
    if (late > s.lateEntryHours) out.push(hit(v, 'R10', s, { hoursLate: Math.round(late), limitHours: s.lateEntryHours }, `服务结束 ${Math.round(late)} 小时后才录入`));
  }
  return out;
}

/** Tells apart several findings of one rule on one visit: R01 the other visit, R06 the item; else empty. */
export function findingKey(f: Pick<Finding, 'rule' | 'evidence'>): string {
  if (f.rule === 'R01') return String(f.evidence.otherVisitId);
  if (f.rule === 'R06') return String(f.evidence.code);
  return '';
}

/**
 * Whether a finding deducts: a confirmed violation always (whatever its rule's action: a supervisor who confirms a
 * flag confirms a violation), a dismissed one never, an open one when its rule's action is DEDUCT and the area
 * deducts open findings. R06 deducts the units over the plan, every other rule its whole visit (which then uses up
 * none of the plan).
 */
export function deducts(f: { action: RuleAction; status: 'OPEN' | 'CONFIRMED' | 'DISMISSED' }, s: Pick<VisitSettings, 'deductOpenFindings'>): boolean {
  if (f.status === 'DISMISSED') return false;
  return f.status === 'CONFIRMED' || (f.action === 'DEDUCT' && s.deductOpenFindings);
}

/** Rules whose findings, when they deduct, take the whole visit out of billing (R06 deducts only the units over the plan). */
export const VISIT_DEDUCTING: readonly RuleCode[] = RULE_CODES.filter((r) => r !== 'R06');

export interface MonthInput {
  visits: VisitFacts[];
  /** visit id → person id, and → the plan whose frequencies it uses up (R06 counts per plan). */
  personOf: Record<string, string>;
  planOf: Record<string, string>;
  /** Per person: home, death, hospital stays. */
  people: Record<string, Pick<VisitContext, 'home' | 'dateOfDeath' | 'hospitalStays'>>;
  /** Per visit: the units of each item its plan version allows in the month. */
  limitsOf: Record<string, Record<string, number>>;
  itemMinutes: Record<string, number>;
}

/**
 * The whole month's audit, as pure functions: every completed visit with full knowledge of its neighbours. R06
 * counts units per plan in check-in order and skips visits another rule's finding deducts (open findings
 * counting as the area says). The monthly SQL run must give exactly these findings.
 */
export function auditMonth(m: MonthInput, s: VisitSettings): Finding[] {
  const done = m.visits.filter((v) => v.checkOutAt !== null).sort(byCheckIn);
  const byCaregiver = new Map<string, VisitFacts[]>();
  for (const v of done) byCaregiver.set(v.caregiverId, [...(byCaregiver.get(v.caregiverId) ?? []), v]);
  const noR06 = { ...s, rules: { ...s.rules, R06: { ...s.rules.R06, enabled: false } } };
  const findings: Finding[] = [];
  const deducted = new Set<string>();
  for (const v of done) {
    const p = m.people[m.personOf[v.id]!]!;
    const fs = auditVisit(v, { ...p, itemMinutes: m.itemMinutes, monthlyLimits: {}, usedBefore: {}, caregiverVisits: byCaregiver.get(v.caregiverId)! }, noR06);
    findings.push(...fs);
    if (fs.some((f) => VISIT_DEDUCTING.includes(f.rule) && deducts({ action: f.action, status: 'OPEN' }, s))) deducted.add(v.id);
  }
  if (s.rules.R06.enabled) {
    const used = new Map<string, Record<string, number>>();
    const r06 = onlyRule(s, 'R06');
    for (const v of done) {
      if (deducted.has(v.id)) continue;
      const plan = m.planOf[v.id]!;
      const u = used.get(plan) ?? {};
      const p = m.people[m.personOf[v.id]!]!;
      findings.push(...auditVisit(v, { ...p, itemMinutes: m.itemMinutes, monthlyLimits: m.limitsOf[v.id] ?? {}, usedBefore: { ...u }, caregiverVisits: [] }, r06));
      for (const i of v.items) u[i.code] = (u[i.code] ?? 0) + i.quantity;
      used.set(plan, u);
    }
  }
  return findings;
}

function onlyRule(s: VisitSettings, rule: RuleCode): VisitSettings {
  return { ...s, rules: Object.fromEntries(RULE_CODES.map((r) => [r, { ...s.rules[r], enabled: r === rule }])) as VisitSettings['rules'] };
}
