// Monthly settlement (月度结算) as pure functions: an agency's claim for a month from the month's facts, the
// claim's totals after review, and the workflow's states and calendar. No ORM, no SQL, no clock.
//
// The settlement itself runs as set-based SQL (billing.generate-sql.ts); `settleMonth` states the same rules in
// TypeScript and serves the tests as the oracle: on any month both must give the same lines to the fen. The
// arithmetic and its readings are those of shared/domain/visits-and-billing.md:
//   gross      HOME: Σ unit price × units over the month's accepted visits (deducted visits left out, units beyond
//              the plan's monthly count left out, counted in check-in order); INSTITUTION / HOSPITAL: billable days
//              × the contract's daily rate; FAMILY: the allowance for the covered days; DEVICE: the rental fees
//   cap        the level's entitlement for the covered days (a month's amount × covered ÷ days in month, rounded
//              half up once; a day's amount × covered days; a week's hours at the contracted prices)
//   eligible   min(gross, cap), excess = gross − eligible
//   fund       eligible × the form's fund ratio, rounded half up once; co-payment = eligible − fund
// Prices are those in force on the visit's day; entitlements and ratios those in force on the month's first day.
import { applyPercent, unitsPerMonth, type BenefitSettings, type Entitlement, type Frequency } from '../careplan/careplan.rules.ts';
import { billableDays } from '../visits/stays.rules.ts';
import { deducts, VISIT_DEDUCTING, type ItemDone, type RuleAction, type RuleCode } from '../visits/visits.rules.ts';
import type { CareForm } from '../providers/catalogue.ts';
import { addDays } from '../shared/dates.ts';

export type ClaimState = 'DRAFT' | 'DECLARED' | 'UNDER_REVIEW' | 'APPROVED' | 'PAID';
export const CLAIM_STATES: readonly ClaimState[] = ['DRAFT', 'DECLARED', 'UNDER_REVIEW', 'APPROVED', 'PAID'];

/** The share of a claim's fund amount withheld as the quality deposit (质量保证金), in percent. */
export const DEPOSIT_PERCENT = 5;

/** The forms a beneficiary holds one of at a time; DEVICE rental comes on top. */
export const MAIN_FORMS: readonly CareForm[] = ['HOME', 'INSTITUTION', 'HOSPITAL', 'FAMILY'];

// ---- arithmetic ----------------------------------------------------------------------------------

/** round(numerator ÷ denominator), half up, for a numerator ≥ 0 and a denominator > 0. */
export function divideHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** Days in a month (YYYY-MM). */
export function daysInMonth(month: string): number {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
}

/** The days of a month (YYYY-MM) as YYYY-MM-DD. */
export function daysOf(month: string): string[] {
  const n = daysInMonth(month);
  return Array.from({ length: n }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

// ---- the month's facts ---------------------------------------------------------------------------

/** A day of a beneficiary's cover under one of the agency's plans: the form, the level, the plan version. */
export interface CoverDay {
  personId: string;
  form: CareForm;
  day: string;
  level: number;
  planId: string;
  planVersionId: string;
  /** The version's effective date: when two versions of a form cover a day, the later one holds it. */
  versionFrom: string;
}

export interface BillFinding {
  rule: RuleCode;
  action: RuleAction;
  status: 'OPEN' | 'CONFIRMED' | 'DISMISSED';
}

/** A completed home visit of the agency in the month (its Shanghai check-in day in the month). */
export interface BillVisit {
  id: string;
  personId: string;
  planId: string;
  planVersionId: string;
  /** ISO instant: the order in which visits use up the plan. */
  checkInAt: string;
  /** The Shanghai day of the check-in: the price day. */
  day: string;
  items: ItemDone[];
  findings: BillFinding[];
}

/** A price schedule version of one of the agency's contracts (item prices and daily rates in fen). */
export interface PriceVersion {
  effectiveFrom: string;
  contractFrom: string;
  contractTo: string;
  itemPrices: Record<string, number>;
  /** Care form → level → daily rate. */
  dayRates: Record<string, Record<string, number>>;
}

export interface CatalogueVersion {
  code: string;
  effectiveFrom: string;
  defaultPriceFen: number;
  minutes: number;
}

export interface BillStay {
  id: string;
  personId: string;
  form: CareForm;
  admittedOn: string;
  dischargedOn: string | null;
  leaves: { from: string; to: string }[];
}

/** A plan version's lines as billing reads them: items with their frequency, devices with their monthly fee. */
export interface BillPlanLine extends Frequency {
  kind: 'ITEM' | 'DEVICE';
  code: string;
  unitPriceFen: number;
}

export interface Recovery {
  violationId: string;
  amountFen: number;
}

/** A quarter's evaluation whose deposit is due for release: the deposits its quarter's claims withheld. */
export interface DepositRelease {
  evaluationId: string;
  quarter: string;
  releasePercent: number;
  withheldFen: number;
}

/** An earlier claim whose payable was negative: carried to this one. */
export interface Carried {
  claimId: string;
  amountFen: number;
}

export interface MonthFacts {
  /** YYYY-MM */
  month: string;
  benefits: Pick<BenefitSettings, 'forms'>;
  deductOpenFindings: boolean;
  cover: CoverDay[];
  visits: BillVisit[];
  /** Plan version id → its lines. */
  lines: Record<string, BillPlanLine[]>;
  prices: PriceVersion[];
  catalogue: CatalogueVersion[];
  stays: BillStay[];
  recoveries: Recovery[];
  releases: DepositRelease[];
  carried: Carried[];
}

// ---- the claim -----------------------------------------------------------------------------------

export type AdjustmentReason = 'RECOVERY' | 'DEPOSIT_RELEASE' | 'CARRIED';

export interface Deduction {
  /** An audit rule (its findings took whole visits out), or OVER_PLAN (units beyond the plan's monthly count). */
  reason: RuleCode | 'OVER_PLAN';
  /** Visits (a rule), or units (OVER_PLAN). */
  count: number;
  amountFen: number;
  /** The visits concerned, in check-in order. */
  visitIds: string[];
}

export interface ClaimLineResult {
  kind: 'CARE' | 'ADJUSTMENT';
  personId: string | null;
  form: CareForm | null;
  /** The level of the last covered day. */
  level: number | null;
  coveredDays: number;
  /** Bed forms: days present and not on leave, within the cover. */
  billableDays: number | null;
  grossFen: number;
  capFen: number;
  eligibleFen: number;
  excessFen: number;
  fundFen: number;
  copayFen: number;
  /** What the audit deducted (left out of gross), by reason. */
  deductedFen: number;
  deductions: Deduction[];
  /** Every visit of the line, counted or deducted, in check-in order, with what each counts for (0 when deducted). */
  visitIds: string[];
  visitFen: number[];
  stayIds: string[];
  adjustment: { reason: AdjustmentReason; sourceId: string } | null;
}

export interface Settlement {
  lines: ClaimLineResult[];
}

/** Ordinal order of ids and codes (as PostgreSQL orders uuids and C-collated text), not the locale's. */
export const ordinal = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const latest = <T extends { effectiveFrom: string }>(xs: readonly T[], day: string, accept: (x: T) => boolean = () => true): T | null => {
  let found: T | null = null;
  for (const x of xs) if (x.effectiveFrom <= day && accept(x) && (!found || x.effectiveFrom > found.effectiveFrom)) found = x;
  return found;
};

/** The schedule in force on a day: of a contract running that day, the version with the latest date on or before it. */
export function scheduleOn(prices: readonly PriceVersion[], day: string): PriceVersion | null {
  return latest(prices, day, (p) => p.contractFrom <= day && day <= p.contractTo);
}

/** An item's unit price on a day: the schedule's, else the catalogue's default, else 0. */
export function itemPrice(f: Pick<MonthFacts, 'prices' | 'catalogue'>, code: string, day: string): number {
  const s = scheduleOn(f.prices, day);
  if (s && s.itemPrices[code] !== undefined) return s.itemPrices[code]!;
  return latest(f.catalogue.filter((c) => c.code === code), day)?.defaultPriceFen ?? 0;
}

function itemMinutes(f: Pick<MonthFacts, 'catalogue'>, code: string, day: string): number {
  return latest(f.catalogue.filter((c) => c.code === code), day)?.minutes ?? 0;
}

/** Units of each item a plan version's lines allow in a month of `dim` days. */
export function monthlyLimits(lines: readonly BillPlanLine[], dim: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l of lines) if (l.kind === 'ITEM') out[l.code] = (out[l.code] ?? 0) + unitsPerMonth(l, dim);
  return out;
}

/** A version's rental fees for a month of `dim` days. */
export function deviceFee(lines: readonly BillPlanLine[], dim: number): number {
  return lines.filter((l) => l.kind === 'DEVICE').reduce((s, l) => s + l.unitPriceFen * unitsPerMonth(l, dim), 0);
}

interface CapDay {
  level: number;
}

/**
 * The entitlement of a form for the covered days: a month's amount prorated (rounded half up once), a day's
 * amount per day, or (HOME) a week's hours at the line's own prices.
 */
export function capFor(form: CareForm, days: readonly CapDay[], dim: number, benefits: Pick<BenefitSettings, 'forms'>, gross: { fen: number; minutes: number }): number {
  const levels = benefits.forms[form]?.levels ?? {};
  const ent = (level: number): Entitlement | null => levels[String(level)] ?? null;
  let monthly = 0;
  let daily = 0;
  let hoursTimes60 = 0;
  for (const d of days) {
    const e = ent(d.level);
    if (!e) continue;
    if (e.kind === 'MONTHLY_AMOUNT') monthly += e.amountFen ?? 0;
    else if (e.kind === 'DAILY_AMOUNT') daily += e.amountFen ?? 0;
    else if (e.kind === 'WEEKLY_HOURS' && form === 'HOME') hoursTimes60 += (e.hoursPerWeek ?? 0) * 60;
  }
  let cap = divideHalfUp(monthly, dim) + daily;
  if (hoursTimes60 > 0) {
    // The hours' worth at the contracted prices: the line's own price per minute × the entitled minutes.
    const entitled = divideHalfUp(hoursTimes60, 7);
    cap += gross.minutes <= entitled ? gross.fen : Math.floor((gross.fen * entitled) / gross.minutes);
  }
  return cap;
}

const fundRatio = (benefits: Pick<BenefitSettings, 'forms'>, form: CareForm) => benefits.forms[form]?.fundRatioPercent ?? 0;

function careLine(form: CareForm, personId: string, level: number | null, coveredDays: number, grossFen: number, capFen: number, ratio: number): ClaimLineResult {
  const eligibleFen = Math.min(grossFen, capFen);
  const fundFen = applyPercent(eligibleFen, ratio);
  return {
    kind: 'CARE',
    personId,
    form,
    level,
    coveredDays,
    billableDays: null,
    grossFen,
    capFen,
    eligibleFen,
    excessFen: grossFen - eligibleFen,
    fundFen,
    copayFen: eligibleFen - fundFen,
    deductedFen: 0,
    deductions: [],
    visitIds: [],
    visitFen: [],
    stayIds: [],
    adjustment: null,
  };
}

const adjustmentLine = (reason: AdjustmentReason, sourceId: string, amountFen: number): ClaimLineResult => ({
  kind: 'ADJUSTMENT',
  personId: null,
  form: null,
  level: null,
  coveredDays: 0,
  billableDays: null,
  grossFen: 0,
  capFen: 0,
  eligibleFen: 0,
  excessFen: 0,
  fundFen: amountFen,
  copayFen: 0,
  deductedFen: 0,
  deductions: [],
  visitIds: [],
  visitFen: [],
  stayIds: [],
  adjustment: { reason, sourceId },
});

/** The order lines are listed in: care lines by person and form, then adjustments by reason and source. */
export const FORM_ORDER: readonly CareForm[] = ['HOME', 'INSTITUTION', 'HOSPITAL', 'FAMILY', 'DEVICE'];
export function lineOrder(a: ClaimLineResult, b: ClaimLineResult): number {
  if (a.kind !== b.kind) return a.kind === 'CARE' ? -1 : 1;
  if (a.kind === 'CARE') return ordinal(a.personId!, b.personId!) || FORM_ORDER.indexOf(a.form!) - FORM_ORDER.indexOf(b.form!);
  return ordinal(a.adjustment!.reason, b.adjustment!.reason) || ordinal(a.adjustment!.sourceId, b.adjustment!.sourceId);
}

/** The day's cover of each person and form: when versions overlap, the one with the latest effective date. */
function coverByPersonForm(cover: readonly CoverDay[]): Map<string, Map<string, CoverDay>> {
  const out = new Map<string, Map<string, CoverDay>>();
  for (const c of cover) {
    const key = `${c.personId}|${c.form}`;
    let days = out.get(key);
    if (!days) out.set(key, (days = new Map()));
    const held = days.get(c.day);
    if (!held || c.versionFrom > held.versionFrom || (c.versionFrom === held.versionFrom && c.planVersionId > held.planVersionId)) days.set(c.day, c);
  }
  return out;
}

/** An agency's claim for a month: a line per beneficiary and covered form, then the adjustments. */
export function settleMonth(f: MonthFacts): Settlement {
  const dim = daysInMonth(f.month);
  const lines: ClaimLineResult[] = [];
  const cover = coverByPersonForm(f.cover.filter((c) => c.day.startsWith(f.month)));
  const coverOf = (personId: string, form: CareForm) => [...(cover.get(`${personId}|${form}`)?.values() ?? [])].sort((a, b) => ordinal(a.day, b.day));
  const lastLevel = (days: readonly CoverDay[]) => (days.length ? days[days.length - 1]!.level : null);
  const people = new Set([...f.cover.map((c) => c.personId), ...f.visits.map((v) => v.personId)]);

  // HOME: visits in check-in order use up each plan's monthly units; deducted visits use up nothing.
  const homeVisits = [...f.visits].sort((a, b) => ordinal(a.checkInAt, b.checkInAt) || ordinal(a.id, b.id));
  const used = new Map<string, number>();
  const perPerson = new Map<string, { gross: number; minutes: number; deductions: Map<string, Deduction>; visitIds: string[]; visitFen: number[] }>();
  for (const v of homeVisits) {
    const reasons = VISIT_DEDUCTING.filter((r) => v.findings.some((x) => x.rule === r && deducts(x, { deductOpenFindings: f.deductOpenFindings })));
    const limits = monthlyLimits(f.lines[v.planVersionId] ?? [], dim);
    let counted = 0;
    let over = 0;
    let value = 0;
    let minutes = 0;
    let overUnits = 0;
    for (const i of v.items) {
      const price = itemPrice(f, i.code, v.day);
      value += price * i.quantity;
      if (reasons.length) continue;
      const key = `${v.planId}|${i.code}`;
      const before = used.get(key) ?? 0;
      const n = Math.max(0, Math.min(i.quantity, (limits[i.code] ?? 0) - before));
      used.set(key, before + i.quantity);
      counted += price * n;
      minutes += itemMinutes(f, i.code, v.day) * n;
      over += price * (i.quantity - n);
      overUnits += i.quantity - n;
    }
    const p = perPerson.get(v.personId) ?? { gross: 0, minutes: 0, deductions: new Map<string, Deduction>(), visitIds: [] as string[], visitFen: [] as number[] };
    perPerson.set(v.personId, p);
    p.visitIds.push(v.id);
    p.visitFen.push(reasons.length ? 0 : counted);
    const deduct = (reason: Deduction['reason'], count: number, amountFen: number) => {
      const d = p.deductions.get(reason) ?? { reason, count: 0, amountFen: 0, visitIds: [] };
      d.count += count;
      d.amountFen += amountFen;
      d.visitIds.push(v.id);
      p.deductions.set(reason, d);
    };
    if (reasons.length) deduct(reasons[0]!, 1, value);
    else {
      p.gross += counted;
      p.minutes += minutes;
      if (overUnits > 0) deduct('OVER_PLAN', overUnits, over);
    }
  }

  for (const personId of [...people].sort(ordinal)) {
    for (const form of MAIN_FORMS) {
      const days = coverOf(personId, form);
      const home = form === 'HOME' ? perPerson.get(personId) : undefined;
      if (!days.length && !home) continue;
      let gross = 0;
      let billable: number | null = null;
      const stayIds: string[] = [];
      if (form === 'HOME') gross = home?.gross ?? 0;
      else if (form === 'FAMILY') gross = capFor(form, days, dim, f.benefits, { fen: 0, minutes: 0 });
      else {
        const stays = f.stays.filter((s) => s.personId === personId && s.form === form);
        const covered = new Map(days.map((d) => [d.day, d]));
        const present = billableDays(stays, f.month).filter((d) => covered.has(d));
        billable = present.length;
        for (const d of present) {
          const level = covered.get(d)!.level;
          const rate = scheduleOn(f.prices, d)?.dayRates[form]?.[String(level)];
          const ent = f.benefits.forms[form]?.levels[String(level)];
          gross += rate ?? (ent?.kind === 'DAILY_AMOUNT' ? (ent.amountFen ?? 0) : 0);
        }
        for (const s of stays) if (billableDays([s], f.month).some((d) => covered.has(d))) stayIds.push(s.id);
        stayIds.sort();
      }
      const cap = capFor(form, days, dim, f.benefits, { fen: gross, minutes: home?.minutes ?? 0 });
      const line = careLine(form, personId, lastLevel(days), days.length, gross, cap, fundRatio(f.benefits, form));
      line.billableDays = billable;
      line.stayIds = stayIds;
      if (home) {
        line.visitIds = home.visitIds;
        line.visitFen = home.visitFen;
        line.deductions = [...home.deductions.values()].sort((a, b) => ordinal(a.reason, b.reason));
        line.deductedFen = line.deductions.reduce((s, d) => s + d.amountFen, 0);
      }
      lines.push(line);
    }
    // DEVICE: the rental fees of the versions covering each day (any form), the device cap for those days.
    const feeDays = new Map<string, { fee: number; level: number }>();
    for (const [key, days] of cover) {
      if (!key.startsWith(`${personId}|`)) continue;
      for (const d of days.values()) {
        const fee = deviceFee(f.lines[d.planVersionId] ?? [], dim);
        if (fee <= 0) continue;
        const held = feeDays.get(d.day);
        feeDays.set(d.day, { fee: (held?.fee ?? 0) + fee, level: Math.max(held?.level ?? 0, d.level) });
      }
    }
    if (feeDays.size) {
      const days = [...feeDays.entries()].sort(([a], [b]) => ordinal(a, b)).map(([, v]) => v);
      const gross = divideHalfUp(
        days.reduce((s, d) => s + d.fee, 0),
        dim,
      );
      const cap = capFor('DEVICE', days, dim, f.benefits, { fen: gross, minutes: 0 });
      lines.push(careLine('DEVICE', personId, days[days.length - 1]!.level, days.length, gross, cap, fundRatio(f.benefits, 'DEVICE')));
    }
  }

  for (const r of f.recoveries) lines.push(adjustmentLine('RECOVERY', r.violationId, -r.amountFen));
  for (const r of f.releases) lines.push(adjustmentLine('DEPOSIT_RELEASE', r.evaluationId, applyPercent(r.withheldFen, r.releasePercent)));
  for (const c of f.carried) lines.push(adjustmentLine('CARRIED', c.claimId, c.amountFen));
  lines.sort(lineOrder);
  return { lines };
}

// ---- totals --------------------------------------------------------------------------------------

export interface ClaimTotals {
  lines: number;
  visits: number;
  grossFen: number;
  capFen: number;
  eligibleFen: number;
  excessFen: number;
  fundFen: number;
  copayFen: number;
  deductedFen: number;
  reviewDeductedFen: number;
  /** Fund amount after the review's deductions. */
  approvedFundFen: number;
  depositFen: number;
  adjustmentFen: number;
  /** approved fund − deposit + adjustments; may be negative (carried to the next claim). */
  payableFen: number;
}

/** A claim's totals: sums of its care lines, review deductions, the deposit on what remains, the adjustments. */
export function claimTotals(lines: readonly (Pick<ClaimLineResult, 'kind' | 'grossFen' | 'capFen' | 'eligibleFen' | 'excessFen' | 'fundFen' | 'copayFen' | 'deductedFen' | 'visitIds'> & { reviewDeductedFen?: number })[]): ClaimTotals {
  const care = lines.filter((l) => l.kind === 'CARE');
  const sum = (k: 'grossFen' | 'capFen' | 'eligibleFen' | 'excessFen' | 'fundFen' | 'copayFen' | 'deductedFen') => care.reduce((s, l) => s + l[k], 0);
  const reviewDeductedFen = care.reduce((s, l) => s + (l.reviewDeductedFen ?? 0), 0);
  const fundFen = sum('fundFen');
  const approvedFundFen = fundFen - reviewDeductedFen;
  const depositFen = applyPercent(approvedFundFen, DEPOSIT_PERCENT);
  const adjustmentFen = lines.filter((l) => l.kind === 'ADJUSTMENT').reduce((s, l) => s + l.fundFen, 0);
  return {
    lines: lines.length,
    visits: care.reduce((s, l) => s + l.visitIds.length, 0),
    grossFen: sum('grossFen'),
    capFen: sum('capFen'),
    eligibleFen: sum('eligibleFen'),
    excessFen: sum('excessFen'),
    fundFen,
    copayFen: sum('copayFen'),
    deductedFen: sum('deductedFen'),
    reviewDeductedFen,
    approvedFundFen,
    depositFen,
    adjustmentFen,
    payableFen: approvedFundFen - depositFen + adjustmentFen,
  };
}

/** Checks a review deduction on a line: a whole positive amount, the line's deductions never above its fund amount. */
export function checkReviewDeduction(line: { kind: 'CARE' | 'ADJUSTMENT'; fundFen: number; reviewDeductedFen: number }, amountFen: number): string | null {
  if (line.kind !== 'CARE') return 'ADJUSTMENT_LINE';
  if (!Number.isInteger(amountFen) || amountFen <= 0) return 'AMOUNT';
  if (line.reviewDeductedFen + amountFen > line.fundFen) return 'OVER_FUND';
  return null;
}

/** Reason codes of a review deduction (审核扣减). */
export const REVIEW_REASONS = ['NOT_PROVIDED', 'RECORD_DEFECT', 'OVER_PLAN', 'DUPLICATE', 'PRICE', 'OTHER'] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

// ---- workflow and calendar -----------------------------------------------------------------------

export const CLAIM_VERBS = ['declare', 'review', 'return', 'approve', 'pay'] as const;
export type ClaimVerb = (typeof CLAIM_VERBS)[number];

const MOVES: Record<ClaimVerb, { from: ClaimState; to: ClaimState }> = {
  declare: { from: 'DRAFT', to: 'DECLARED' },
  review: { from: 'DECLARED', to: 'UNDER_REVIEW' },
  return: { from: 'UNDER_REVIEW', to: 'DRAFT' },
  approve: { from: 'UNDER_REVIEW', to: 'APPROVED' },
  pay: { from: 'APPROVED', to: 'PAID' },
};

/** The state a verb leads to from `state`, or null when it does not apply there. */
export function nextState(state: ClaimState, verb: ClaimVerb): ClaimState | null {
  return MOVES[verb].from === state ? MOVES[verb].to : null;
}

/** The state a verb applies to. */
export const fromState = (verb: ClaimVerb): ClaimState => MOVES[verb].from;

/** A claim for `month` (YYYY-MM) is declared by the 8th of the next month and paid by its 30th (its last day if shorter). */
export function dueDates(month: string): { declareBy: string; payBy: string } {
  const next = addDays(`${month}-${String(daysInMonth(month)).padStart(2, '0')}`, 1).slice(0, 7);
  return { declareBy: `${next}-08`, payBy: `${next}-${String(Math.min(30, daysInMonth(next))).padStart(2, '0')}` };
}

/** Whether a declaration on `day` (Shanghai) is late. */
export const isLate = (month: string, day: string) => day > dueDates(month).declareBy;

/** The quarter (YYYYQn) a month (YYYY-MM) lies in. */
export const quarterOf = (month: string) => `${month.slice(0, 4)}Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;

/** The months (YYYY-MM) of a quarter. */
export function monthsOfQuarter(quarter: string): string[] {
  const y = quarter.slice(0, 4);
  const q = Number(quarter.slice(5));
  return [1, 2, 3].map((i) => `${y}-${String((q - 1) * 3 + i).padStart(2, '0')}`);
}
