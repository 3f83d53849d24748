// Monthly settlement as pure functions (server/src/billing/billing.rules.ts), by worked examples: each case builds
// a small month of facts by hand and checks settleMonth's lines and claimTotals against amounts computed by hand
// in the comments (shared/domain/visits-and-billing.md "Monthly settlement" and "Readings fixed for the
// arithmetic", catalogue.md "Benefits by level"). settleMonth is the oracle the SQL settlement is compared to, so
// these numbers pin the policy itself. Also the review deduction check, the claim workflow and its calendar.
import { describe, expect, it } from 'vitest';
import {
  CLAIM_STATES,
  CLAIM_VERBS,
  checkReviewDeduction,
  claimTotals,
  daysInMonth,
  divideHalfUp,
  dueDates,
  fromState,
  isLate,
  itemPrice,
  monthlyLimits,
  monthsOfQuarter,
  nextState,
  quarterOf,
  scheduleOn,
  settleMonth,
  type BillFinding,
  type BillPlanLine,
  type BillVisit,
  type CatalogueVersion,
  type ClaimLineResult,
  type ClaimState,
  type ClaimVerb,
  type CoverDay,
  type MonthFacts,
  type PriceVersion,
} from '../../server/src/billing/billing.rules.ts';
import { DEFAULT_BENEFITS, type BenefitSettings, type Entitlement, type Period } from '../../server/src/careplan/careplan.rules.ts';
import { DEMO_CATALOGUE, type CareForm } from '../../server/src/providers/catalogue.ts';
import { localDate } from '../../server/src/shared/clock.ts';
import { addDays } from '../../server/src/shared/dates.ts';
import type { ItemDone } from '../../server/src/visits/visits.rules.ts';

// ---- the month's facts, built by hand ------------------------------------------------------------
//
// Unless a case says otherwise: one beneficiary P at level 3 under HOME plan PLAN, version VER (lines A01, A02,
// A06 once a day each); the demo benefits (HOME 1,200 yuan a month at 75 %, INSTITUTION 70 yuan a day at level
// 4 at 70 %, FAMILY 450 yuan a month at level 3 at 100 %, DEVICE 100 yuan a month at 70 %); one contract running
// 2025-01-01 to 2027-12-31 whose schedule prices A01 at 13 yuan and A06 at 36 yuan, and a day's INSTITUTION bed
// at 65 / 75 / 85 yuan by level; the demo catalogue for everything else (A02 15 yuan, A01 15 minutes, A06 40).

const P = 'p1';
const PLAN = 'plan-home';
const VER = 'ver-home-1';

const CATALOGUE: CatalogueVersion[] = DEMO_CATALOGUE.map((c) => ({ code: c.code, effectiveFrom: '2020-01-01', defaultPriceFen: c.defaultPriceFen, minutes: c.minutes }));

/** A price schedule version of a contract running `contractFrom` to `contractTo`. */
const schedule = (effectiveFrom: string, itemPrices: Record<string, number>, o: Partial<PriceVersion> = {}): PriceVersion => ({
  effectiveFrom,
  contractFrom: '2025-01-01',
  contractTo: '2027-12-31',
  itemPrices,
  dayRates: {},
  ...o,
});
const SCHEDULE = schedule('2025-01-01', { A01: 1_300, A06: 3_600 }, { dayRates: { INSTITUTION: { '3': 6_500, '4': 7_500, '5': 8_500 } } });

const itemLine = (code: string, times: number, per: Period): BillPlanLine => ({ kind: 'ITEM', code, times, per, unitPriceFen: 0 });
const deviceLine = (code: string, monthlyFeeFen: number): BillPlanLine => ({ kind: 'DEVICE', code, times: 1, per: 'MONTH', unitPriceFen: monthlyFeeFen });

/** The demo benefits, changed by `change` (a copy: the defaults are never touched). */
function benefits(change: (forms: BenefitSettings['forms']) => void = () => {}): Pick<BenefitSettings, 'forms'> {
  const forms = structuredClone(DEFAULT_BENEFITS.forms);
  change(forms);
  return { forms };
}
const monthly = (amountFen: number): Entitlement => ({ kind: 'MONTHLY_AMOUNT', amountFen, hoursPerWeek: null });
const dailyAmount = (amountFen: number): Entitlement => ({ kind: 'DAILY_AMOUNT', amountFen, hoursPerWeek: null });
const weeklyHours = (hoursPerWeek: number): Entitlement => ({ kind: 'WEEKLY_HOURS', amountFen: null, hoursPerWeek });

/** The days from `from` to `to`, both included. */
function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Cover of P under HOME plan VER at level 3 from `from` to `to` (both included), changed by `o`. */
const cover = (from: string, to: string, o: Partial<CoverDay> = {}): CoverDay[] =>
  days(from, to).map((day) => ({ personId: P, form: 'HOME', day, level: 3, planId: PLAN, planVersionId: VER, versionFrom: '2026-01-01', ...o }));
const wholeMonth = (month: string, o: Partial<CoverDay> = {}) => cover(`${month}-01`, `${month}-${String(daysInMonth(month)).padStart(2, '0')}`, o);

type Items = [code: string, quantity: number][];
const items = (xs: Items): ItemDone[] => xs.map(([code, quantity]) => ({ code, quantity }));

/** A visit of P under VER checked in at an instant; its day is the instant's Shanghai date. */
const visitAt = (id: string, checkInAt: string, done: Items, findings: BillFinding[] = [], o: Partial<BillVisit> = {}): BillVisit => ({
  id,
  personId: P,
  planId: PLAN,
  planVersionId: VER,
  checkInAt,
  day: localDate(new Date(checkInAt)),
  items: items(done),
  findings,
  ...o,
});
/** A visit at 09:00 Shanghai time on `day`. */
const visit = (id: string, day: string, done: Items, findings: BillFinding[] = []) => visitAt(id, new Date(`${day}T09:00:00+08:00`).toISOString(), done, findings);

const confirmed = (rule: BillFinding['rule'], action: BillFinding['action'] = 'DEDUCT'): BillFinding => ({ rule, action, status: 'CONFIRMED' });
const open = (rule: BillFinding['rule'], action: BillFinding['action'] = 'DEDUCT'): BillFinding => ({ rule, action, status: 'OPEN' });
const dismissed = (rule: BillFinding['rule'], action: BillFinding['action'] = 'DEDUCT'): BillFinding => ({ rule, action, status: 'DISMISSED' });

/** A month's facts with the defaults above; a case states only what it is about. */
function facts(month: string, o: Partial<MonthFacts> = {}): MonthFacts {
  return {
    month,
    benefits: benefits(),
    deductOpenFindings: false,
    cover: wholeMonth(month),
    visits: [],
    lines: { [VER]: [itemLine('A01', 1, 'DAY'), itemLine('A02', 1, 'DAY'), itemLine('A06', 1, 'DAY')] },
    prices: [SCHEDULE],
    catalogue: CATALOGUE,
    stays: [],
    recoveries: [],
    releases: [],
    carried: [],
    ...o,
  };
}

/**
 * The invariants of visits-and-billing.md on every care line: fund + co-payment = eligible, eligible ≤ cap,
 * eligible ≤ gross, excess = gross − eligible, every amount a whole number of fen ≥ 0; also what was deducted is
 * the sum of the deductions, and a HOME line's visits add up to its gross.
 */
function assertInvariants(lines: readonly ClaimLineResult[]) {
  for (const l of lines.filter((x) => x.kind === 'CARE')) {
    expect(l.fundFen + l.copayFen).toBe(l.eligibleFen);
    expect(l.eligibleFen).toBeLessThanOrEqual(l.capFen);
    expect(l.eligibleFen).toBeLessThanOrEqual(l.grossFen);
    expect(l.excessFen).toBe(l.grossFen - l.eligibleFen);
    for (const amount of [l.grossFen, l.capFen, l.eligibleFen, l.excessFen, l.fundFen, l.copayFen, l.deductedFen]) {
      expect(Number.isInteger(amount)).toBe(true);
      expect(amount).toBeGreaterThanOrEqual(0);
    }
    expect(l.deductedFen).toBe(l.deductions.reduce((s, d) => s + d.amountFen, 0));
    if (l.form === 'HOME') expect(l.visitFen.reduce((s, x) => s + x, 0)).toBe(l.grossFen);
  }
}

/** settleMonth, with the invariants checked on every line it gives. */
function settle(f: MonthFacts): ClaimLineResult[] {
  const { lines } = settleMonth(f);
  assertInvariants(lines);
  return lines;
}

/** The care line of a person and form. */
function lineOf(lines: readonly ClaimLineResult[], form: CareForm, personId = P): ClaimLineResult {
  const l = lines.find((x) => x.kind === 'CARE' && x.form === form && x.personId === personId);
  if (!l) throw new Error(`no ${form} line for ${personId}`);
  return l;
}

/** A line's six amounts, to compare in one go. */
const amounts = (l: ClaimLineResult) => ({ grossFen: l.grossFen, capFen: l.capFen, eligibleFen: l.eligibleFen, excessFen: l.excessFen, fundFen: l.fundFen, copayFen: l.copayFen });

// ---- HOME: rounding, the cap, prorating ----------------------------------------------------------

describe('HOME: the fund ratio, rounded half up once', () => {
  /** The HOME line of April 2026 at `ratio` percent: a visit of A01 priced at fen[0], then one of A02 at fen[1] if given. */
  const withEligible = (fen: number[], ratio: number) =>
    lineOf(
      settle(
        facts('2026-04', {
          benefits: benefits((b) => (b.HOME.fundRatioPercent = ratio)),
          prices: [schedule('2025-01-01', { A01: fen[0]!, A02: fen[1] ?? 0 })],
          visits: fen.map((_, i) => visit(`v${i}`, `2026-04-0${i + 1}`, [[i === 0 ? 'A01' : 'A02', 1]])),
        }),
      ),
      'HOME',
    );

  it('rounds half a fen up, a quarter down, and applies the ratio to the line once, not per visit', () => {
    // 1 fen × 50 % = 0.5 fen → 1 fen; co-payment 1 − 1 = 0.
    expect(amounts(withEligible([1], 50))).toMatchObject({ eligibleFen: 1, fundFen: 1, copayFen: 0 });
    // 3 fen × 75 % = 2.25 fen → 2 fen; co-payment 1 fen.
    expect(amounts(withEligible([3], 75))).toMatchObject({ eligibleFen: 3, fundFen: 2, copayFen: 1 });
    // 3 fen × 50 % = 1.5 fen → 2 fen; co-payment 1 fen.
    expect(amounts(withEligible([3], 50))).toMatchObject({ eligibleFen: 3, fundFen: 2, copayFen: 1 });
    // 101 fen × 50 % = 50.5 fen → 51 fen; co-payment 50 fen.
    expect(amounts(withEligible([101], 50))).toMatchObject({ eligibleFen: 101, fundFen: 51, copayFen: 50 });
    // 12,345 fen × 75 % = 9,258.75 fen → 9,259 fen; co-payment 3,086 fen.
    expect(amounts(withEligible([12_345], 75))).toMatchObject({ eligibleFen: 12_345, fundFen: 9_259, copayFen: 3_086 });
    // Two visits of 1 fen at 50 %: eligible 2 fen × 50 % = 1 fen (rounding each visit's 0.5 up would give 2).
    expect(amounts(withEligible([1, 1], 50))).toMatchObject({ eligibleFen: 2, fundFen: 1, copayFen: 1 });
  });

  it('takes a ratio with decimals (87.5 %) without a float error', () => {
    // 1 fen × 87.5 % = 0.875 → 1 fen.
    expect(amounts(withEligible([1], 87.5))).toMatchObject({ fundFen: 1, copayFen: 0 });
    // 4 fen × 87.5 % = 3.5 → 4 fen (half up).
    expect(amounts(withEligible([4], 87.5))).toMatchObject({ fundFen: 4, copayFen: 0 });
    // 5 fen × 87.5 % = 4.375 → 4 fen.
    expect(amounts(withEligible([5], 87.5))).toMatchObject({ fundFen: 4, copayFen: 1 });
    // 100 fen × 87.5 % = 87.5 → 88 fen.
    expect(amounts(withEligible([100], 87.5))).toMatchObject({ fundFen: 88, copayFen: 12 });
    // 12,345 fen × 87.5 % = 10,801.875 → 10,802 fen; co-payment 1,543 fen.
    expect(amounts(withEligible([12_345], 87.5))).toMatchObject({ fundFen: 10_802, copayFen: 1_543 });
  });
});

describe('HOME: the cap', () => {
  // April 2026, A01 at 40 yuan once a day, a visit every day: gross 30 × 4,000 = 120,000 fen.
  const everyDay = facts('2026-04', {
    prices: [schedule('2025-01-01', { A01: 4_000 })],
    visits: days('2026-04-01', '2026-04-30').map((d) => visit(`v${d}`, d, [['A01', 1]])),
  });

  it('gross exactly at the cap: no excess', () => {
    // Cap 1,200 yuan = 120,000 fen for the whole month = gross. Fund 120,000 × 75 % = 90,000; co-payment 30,000.
    const home = lineOf(settle(everyDay), 'HOME');
    expect(amounts(home)).toEqual({ grossFen: 120_000, capFen: 120_000, eligibleFen: 120_000, excessFen: 0, fundFen: 90_000, copayFen: 30_000 });
  });

  it('gross one fen over the cap: excess 1 fen, eligible = cap', () => {
    // The level's cap set to 119,999 fen: gross 120,000 = cap + 1. Eligible 119,999, excess 1.
    // Fund 119,999 × 75 % = 89,999.25 → 89,999; co-payment 119,999 − 89,999 = 30,000.
    const home = lineOf(settle({ ...everyDay, benefits: benefits((b) => (b.HOME.levels['3'] = monthly(119_999))) }), 'HOME');
    expect(amounts(home)).toEqual({ grossFen: 120_000, capFen: 119_999, eligibleFen: 119_999, excessFen: 1, fundFen: 89_999, copayFen: 30_000 });
  });
});

describe('HOME: caps prorated by covered days', () => {
  const capOf = (month: string, from: string, to: string, b = benefits()) => {
    const home = lineOf(settle(facts(month, { benefits: b, cover: cover(from, to) })), 'HOME');
    return { coveredDays: home.coveredDays, capFen: home.capFen };
  };

  it('17 covered days in months of 28, 29, 30 and 31 days', () => {
    // February 2026 (28 days), 12th to 28th: 1,200 yuan × 17 / 28 = 2,040,000 / 28 = 72,857.14 → 72,857 fen.
    expect(capOf('2026-02', '2026-02-12', '2026-02-28')).toEqual({ coveredDays: 17, capFen: 72_857 });
    // February 2024 (29 days), 13th to 29th: 2,040,000 / 29 = 70,344.83 → 70,345 fen.
    expect(capOf('2024-02', '2024-02-13', '2024-02-29')).toEqual({ coveredDays: 17, capFen: 70_345 });
    // April 2026 (30 days), 14th to 30th: 1,200 yuan × 17 / 30 = 68,000 fen.
    expect(capOf('2026-04', '2026-04-14', '2026-04-30')).toEqual({ coveredDays: 17, capFen: 68_000 });
    // March 2026 (31 days), 15th to 31st: 2,040,000 / 31 = 65,806.45 → 65,806 fen.
    expect(capOf('2026-03', '2026-03-15', '2026-03-31')).toEqual({ coveredDays: 17, capFen: 65_806 });
    // March 2026, cover ending on the 17th: the same 17 days, the same 65,806 fen.
    expect(capOf('2026-03', '2026-03-01', '2026-03-17')).toEqual({ coveredDays: 17, capFen: 65_806 });
  });

  it('only the month’s days of the cover count', () => {
    // Cover 15 March to 10 April, settled for March: 17 days, 65,806 fen as above.
    expect(capOf('2026-03', '2026-03-15', '2026-04-10')).toEqual({ coveredDays: 17, capFen: 65_806 });
  });

  it('a division ending in exactly half a fen rounds up', () => {
    // A cap of 1,000.01 yuan = 100,001 fen, April 2026, 16th to 30th: 100,001 × 15 / 30 = 50,000.5 → 50,001 fen.
    expect(capOf('2026-04', '2026-04-16', '2026-04-30', benefits((b) => (b.HOME.levels['3'] = monthly(100_001))))).toEqual({ coveredDays: 15, capFen: 50_001 });
    // 150,001 fen, February 2026, 15th to 28th: 150,001 × 14 / 28 = 75,000.5 → 75,001 fen.
    expect(capOf('2026-02', '2026-02-15', '2026-02-28', benefits((b) => (b.HOME.levels['3'] = monthly(150_001))))).toEqual({ coveredDays: 14, capFen: 75_001 });
  });
});

describe('HOME: level changes and a day’s amount', () => {
  it('a level change mid-month: the cap is the sum over the days, rounded once', () => {
    // March 2026 (31 days). Version 1 (level 3) covers the whole month; version 2 (level 4, effective 10 March)
    // covers the 10th to the 31st and, being the later version, holds those days. Level 3 for 9 days, level 4 for 22.
    // Cap = (120,000 × 9 + 150,000 × 22) / 31 = (1,080,000 + 3,300,000) / 31 = 4,380,000 / 31 = 141,290.32 → 141,290 fen.
    // (Rounding each part would give 34,838.71 → 34,839 plus 106,451.61 → 106,452 = 141,291: one fen more.)
    const lines = settle(
      facts('2026-03', {
        cover: [...wholeMonth('2026-03'), ...cover('2026-03-10', '2026-03-31', { level: 4, planVersionId: 'ver-home-2', versionFrom: '2026-03-10' })],
      }),
    );
    const home = lineOf(lines, 'HOME');
    expect({ coveredDays: home.coveredDays, level: home.level, capFen: home.capFen }).toEqual({ coveredDays: 31, level: 4, capFen: 141_290 });
  });

  it('a daily-amount entitlement: the day’s amount × covered days, no rounding', () => {
    // 45.67 yuan a day, April 2026, 14th to 30th: 4,567 × 17 = 77,639 fen.
    const home = lineOf(
      settle(facts('2026-04', { benefits: benefits((b) => (b.HOME.levels['3'] = dailyAmount(4_567))), cover: cover('2026-04-14', '2026-04-30') })),
      'HOME',
    );
    expect({ coveredDays: home.coveredDays, capFen: home.capFen }).toEqual({ coveredDays: 17, capFen: 77_639 });
  });
});

// ---- HOME: prices ----------------------------------------------------------------------------------

describe('HOME: the price in force on the visit’s day', () => {
  it('a price change mid-month, and the catalogue’s default for an item the schedule lacks', () => {
    // March 2026. The contract's schedule prices A01 at 13 yuan from 1 January and at 14 yuan from 16 March; it
    // does not price A02, whose catalogue default is 15 yuan until 19 March and 16 yuan from 20 March.
    const f = facts('2026-03', {
      prices: [schedule('2026-01-01', { A01: 1_300 }), schedule('2026-03-16', { A01: 1_400 })],
      catalogue: [...CATALOGUE, { code: 'A02', effectiveFrom: '2026-03-20', defaultPriceFen: 1_600, minutes: 20 }],
      visits: [visit('v1', '2026-03-15', [['A01', 1]]), visit('v2', '2026-03-16', [['A01', 1], ['A02', 1]]), visit('v3', '2026-03-31', [['A01', 1], ['A02', 1]])],
    });
    const home = lineOf(settle(f), 'HOME');
    // v1 (15th): 1,300. v2 (16th): 1,400 + 1,500 = 2,900. v3 (31st): 1,400 + 1,600 = 3,000.
    expect(home.visitIds).toEqual(['v1', 'v2', 'v3']);
    expect(home.visitFen).toEqual([1_300, 2_900, 3_000]);
    // Gross 1,300 + 2,900 + 3,000 = 7,200; fund 7,200 × 75 % = 5,400; co-payment 1,800.
    expect(amounts(home)).toEqual({ grossFen: 7_200, capFen: 120_000, eligibleFen: 7_200, excessFen: 0, fundFen: 5_400, copayFen: 1_800 });
  });

  it('a schedule of a contract that has ended is not used, however late its date', () => {
    // Contract K1 ran 11 March 2025 to 10 March 2026, its last schedule (1 March 2026) pricing A01 at 13.50 yuan.
    // Contract K2 runs from 11 March 2026, with a schedule dated 1 January 2026 pricing A01 at 13 yuan.
    const k1 = { contractFrom: '2025-03-11', contractTo: '2026-03-10' };
    const k2 = { contractFrom: '2026-03-11', contractTo: '2027-03-10' };
    const prices = [schedule('2025-03-11', { A01: 1_250 }, k1), schedule('2026-03-01', { A01: 1_350 }, k1), schedule('2026-01-01', { A01: 1_300 }, k2)];
    expect(scheduleOn(prices, '2026-03-10')?.itemPrices.A01).toBe(1_350); // K1's last day: still in force
    expect(scheduleOn(prices, '2026-03-11')?.itemPrices.A01).toBe(1_300); // K1 ended: K2's earlier-dated schedule
    expect(scheduleOn(prices.slice(0, 2), '2026-03-11')).toBeNull(); // no contract running
    expect(itemPrice({ prices: prices.slice(0, 2), catalogue: CATALOGUE }, 'A01', '2026-03-11')).toBe(1_200); // the catalogue's 12 yuan

    const home = lineOf(settle(facts('2026-03', { prices, visits: [visit('v1', '2026-03-10', [['A01', 1]]), visit('v2', '2026-03-11', [['A01', 1]])] })), 'HOME');
    // v1 on the 10th: 1,350; v2 on the 11th: 1,300. Gross 2,650; fund 2,650 × 75 % = 1,987.5 → 1,988; co-payment 662.
    expect(home.visitFen).toEqual([1_350, 1_300]);
    expect(amounts(home)).toMatchObject({ grossFen: 2_650, fundFen: 1_988, copayFen: 662 });
  });
});

// ---- HOME: the plan's frequencies ------------------------------------------------------------------

describe('HOME: units beyond the plan', () => {
  it('a weekly item allows ceil(days × times / 7) units in a month', () => {
    const weekly = [itemLine('A01', 1, 'WEEK'), itemLine('A05', 2, 'WEEK'), itemLine('A02', 2, 'MONTH')];
    // Once a week: 28 days → 4; 29, 30, 31 days → 5. Twice a week in 30 days: ceil(60 / 7) = 9. Twice a month: 2.
    expect(monthlyLimits(weekly, 28)).toEqual({ A01: 4, A05: 8, A02: 2 });
    expect(monthlyLimits(weekly, 29)).toEqual({ A01: 5, A05: 9, A02: 2 });
    expect(monthlyLimits(weekly, 30)).toEqual({ A01: 5, A05: 9, A02: 2 });
    expect(monthlyLimits(weekly, 31)).toEqual({ A01: 5, A05: 9, A02: 2 });
  });

  it('once a week in April: the 6th unit and beyond are excess, counted in check-in order, a quantity split at the limit', () => {
    // April 2026 (30 days): A01 once a week = ceil(30 / 7) = 5 units; A02 twice a month. A01 at 13 yuan, A02 15.
    // In check-in order: k (1st) A01, q (3rd) A01, b (8th) A01, x (15th) A01 — units 1 to 4;
    // m (22nd) A01 × 2 — unit 5 counted, unit 6 excess; d (29th) A01 — unit 7 excess — and A02, counted.
    const k = visit('k', '2026-04-01', [['A01', 1]]);
    const q = visit('q', '2026-04-03', [['A01', 1]]);
    const b = visit('b', '2026-04-08', [['A01', 1]]);
    const x = visit('x', '2026-04-15', [['A01', 1]]);
    const m = visit('m', '2026-04-22', [['A01', 2]]);
    const d = visit('d', '2026-04-29', [['A01', 1], ['A02', 1]]);
    const f = facts('2026-04', { lines: { [VER]: [itemLine('A01', 1, 'WEEK'), itemLine('A02', 2, 'MONTH')] }, visits: [d, b, m, k, x, q] });
    const home = lineOf(settle(f), 'HOME');
    expect(home.visitIds).toEqual(['k', 'q', 'b', 'x', 'm', 'd']);
    // m counts its first unit (1,300); d only its A02 (1,500).
    expect(home.visitFen).toEqual([1_300, 1_300, 1_300, 1_300, 1_300, 1_500]);
    // Over the plan: 2 units of A01 (m's second, d's) = 2 × 1,300 = 2,600 fen.
    expect(home.deductions).toEqual([{ reason: 'OVER_PLAN', count: 2, amountFen: 2_600, visitIds: ['m', 'd'] }]);
    expect(home.deductedFen).toBe(2_600);
    // Gross 5 × 1,300 + 1,500 = 8,000; fund 8,000 × 75 % = 6,000; co-payment 2,000.
    expect(amounts(home)).toEqual({ grossFen: 8_000, capFen: 120_000, eligibleFen: 8_000, excessFen: 0, fundFen: 6_000, copayFen: 2_000 });
  });
});

// ---- HOME: the visit's day ---------------------------------------------------------------------------

describe('HOME: visits either side of Shanghai midnight', () => {
  // A01 at 13 yuan until 31 March, 14 yuan from 1 April.
  const prices = [schedule('2026-01-01', { A01: 1_300 }), schedule('2026-04-01', { A01: 1_400 })];

  it('a check-in at 23:59 Shanghai time on 31 March is a March visit at March’s price; one at 00:00 is April’s', () => {
    const late = visitAt('late', '2026-03-31T15:59:00Z', [['A01', 1]]);
    const early = visitAt('early', '2026-03-31T16:00:00Z', [['A01', 1]]);
    // 15:59 UTC = 23:59 in Shanghai (UTC+8), still the 31st; 16:00 UTC = 00:00 on 1 April.
    expect(late.day).toBe('2026-03-31');
    expect(early.day).toBe('2026-04-01');

    const march = lineOf(settle(facts('2026-03', { prices, visits: [late] })), 'HOME');
    expect(march.visitFen).toEqual([1_300]);
    expect(march.grossFen).toBe(1_300);
    const april = lineOf(settle(facts('2026-04', { prices, visits: [early] })), 'HOME');
    expect(april.visitFen).toEqual([1_400]);
    // Gross 1,400; fund 1,400 × 75 % = 1,050; co-payment 350.
    expect(amounts(april)).toMatchObject({ grossFen: 1_400, fundFen: 1_050, copayFen: 350 });
  });

  it('a check-in at 00:00 Shanghai time on 1 March is 28 February 16:00 UTC and a March visit', () => {
    const first = visitAt('first', '2026-02-28T16:00:00Z', [['A01', 1]]);
    expect(first.day).toBe('2026-03-01');
    const march = lineOf(settle(facts('2026-03', { prices: [schedule('2026-01-01', { A01: 1_300 }), schedule('2026-03-01', { A01: 1_350 })], visits: [first] })), 'HOME');
    expect(march.visitFen).toEqual([1_350]);
  });
});

// ---- HOME: audit deductions ----------------------------------------------------------------------------

describe('HOME: audit deductions', () => {
  // April 2026; A01 13 yuan, A06 36 yuan.
  it('a confirmed finding of any rule, even one whose action is FLAG, leaves the visit out of gross', () => {
    const f = facts('2026-04', { visits: [visit('v1', '2026-04-02', [['A01', 1]], [confirmed('R04', 'FLAG')]), visit('v2', '2026-04-03', [['A01', 1]])] });
    const home = lineOf(settle(f), 'HOME');
    // v1's 1,300 under R04; gross v2's 1,300; fund 975, co-payment 325.
    expect(home.deductions).toEqual([{ reason: 'R04', count: 1, amountFen: 1_300, visitIds: ['v1'] }]);
    expect(home.deductedFen).toBe(1_300);
    expect(home.visitFen).toEqual([0, 1_300]);
    expect(amounts(home)).toMatchObject({ grossFen: 1_300, fundFen: 975, copayFen: 325 });
  });

  it('an open DEDUCT finding deducts only when the area deducts open findings; an open FLAG never', () => {
    const visits = [visit('v1', '2026-04-02', [['A06', 1]], [open('R01', 'DEDUCT')]), visit('v2', '2026-04-03', [['A01', 1]], [open('R07', 'FLAG')])];
    // Not deducting open findings: both count, 3,600 + 1,300 = 4,900.
    const kept = lineOf(settle(facts('2026-04', { visits })), 'HOME');
    expect(kept.deductions).toEqual([]);
    expect(kept.grossFen).toBe(4_900);
    // Deducting them: v1's 3,600 under R01; v2 (an open flag) still counts: gross 1,300.
    const taken = lineOf(settle(facts('2026-04', { visits, deductOpenFindings: true })), 'HOME');
    expect(taken.deductions).toEqual([{ reason: 'R01', count: 1, amountFen: 3_600, visitIds: ['v1'] }]);
    expect(taken.visitFen).toEqual([0, 1_300]);
    expect(taken.grossFen).toBe(1_300);
  });

  it('a dismissed finding never deducts', () => {
    const f = facts('2026-04', { deductOpenFindings: true, visits: [visit('v1', '2026-04-02', [['A01', 1]], [dismissed('R03', 'DEDUCT'), dismissed('R04', 'FLAG')])] });
    const home = lineOf(settle(f), 'HOME');
    expect(home.deductions).toEqual([]);
    expect(home.grossFen).toBe(1_300);
  });

  it('an R06 finding never removes the whole visit: only the units over the plan go', () => {
    // A01 once a month. v1 (with a confirmed R06) is the month's unit and counts 1,300; v2 (also R06) is over
    // the plan: 1 unit, 1,300 fen under OVER_PLAN, nothing under R06.
    const f = facts('2026-04', {
      lines: { [VER]: [itemLine('A01', 1, 'MONTH')] },
      visits: [visit('v1', '2026-04-02', [['A01', 1]], [confirmed('R06')]), visit('v2', '2026-04-09', [['A01', 1]], [confirmed('R06')])],
    });
    const home = lineOf(settle(f), 'HOME');
    expect(home.deductions).toEqual([{ reason: 'OVER_PLAN', count: 1, amountFen: 1_300, visitIds: ['v2'] }]);
    expect(home.visitFen).toEqual([1_300, 0]);
    expect(home.grossFen).toBe(1_300);
  });

  it('a deducted visit uses up none of the plan: the next visit’s units count instead', () => {
    // A01 once a month. v1 (A01 × 2, confirmed R02) is deducted whole: 2 × 1,300 = 2,600 under R02, none of it
    // over the plan. v2 then takes the month's unit: gross 1,300, no OVER_PLAN.
    const f = facts('2026-04', {
      lines: { [VER]: [itemLine('A01', 1, 'MONTH')] },
      visits: [visit('v2', '2026-04-05', [['A01', 1]]), visit('v1', '2026-04-02', [['A01', 2]], [confirmed('R02')])],
    });
    const home = lineOf(settle(f), 'HOME');
    expect(home.visitIds).toEqual(['v1', 'v2']);
    expect(home.visitFen).toEqual([0, 1_300]);
    expect(home.deductions).toEqual([{ reason: 'R02', count: 1, amountFen: 2_600, visitIds: ['v1'] }]);
    expect(home.grossFen).toBe(1_300);
  });

  it('a visit several rules deduct is listed once, under the lowest rule code', () => {
    // v1 (A06, 3,600): R07, R02, R05 and R10 confirmed → under R02. v2 (A01, 1,300): R10, R06 and R09 confirmed
    // → under R09 (R06 never takes the visit; R09 is below R10). v3 (A01) counts: gross 1,300.
    const f = facts('2026-04', {
      visits: [
        visit('v1', '2026-04-02', [['A06', 1]], [confirmed('R07', 'FLAG'), confirmed('R02'), confirmed('R05', 'FLAG'), confirmed('R10', 'FLAG')]),
        visit('v2', '2026-04-03', [['A01', 1]], [confirmed('R10', 'FLAG'), confirmed('R06'), confirmed('R09', 'FLAG')]),
        visit('v3', '2026-04-04', [['A01', 1]]),
      ],
    });
    const home = lineOf(settle(f), 'HOME');
    expect(home.deductions).toEqual([
      { reason: 'R02', count: 1, amountFen: 3_600, visitIds: ['v1'] },
      { reason: 'R09', count: 1, amountFen: 1_300, visitIds: ['v2'] },
    ]);
    // Deducted 3,600 + 1,300 = 4,900.
    expect(home.deductedFen).toBe(4_900);
    expect(home.grossFen).toBe(1_300);
  });

  it('a HOME line whose every visit was deducted still appears, gross 0, with its deductions', () => {
    // April 2026, level 4 from the 14th: cap 1,500 yuan × 17 / 30 = 2,550,000 / 30 = 85,000 fen.
    const f = facts('2026-04', {
      deductOpenFindings: true,
      cover: cover('2026-04-14', '2026-04-30', { level: 4 }),
      visits: [
        visit('v1', '2026-04-15', [['A01', 1]], [confirmed('R03')]),
        visit('v2', '2026-04-20', [['A06', 1]], [confirmed('R03')]),
        visit('v3', '2026-04-25', [['A01', 1]], [open('R01')]),
      ],
    });
    const lines = settle(f);
    expect(lines).toHaveLength(1);
    const home = lineOf(lines, 'HOME');
    expect({ level: home.level, coveredDays: home.coveredDays }).toEqual({ level: 4, coveredDays: 17 });
    expect(amounts(home)).toEqual({ grossFen: 0, capFen: 85_000, eligibleFen: 0, excessFen: 0, fundFen: 0, copayFen: 0 });
    // R01: v3's 1,300; R03: v1's 1,300 + v2's 3,600 = 4,900. Deducted 6,200 in all.
    expect(home.deductions).toEqual([
      { reason: 'R01', count: 1, amountFen: 1_300, visitIds: ['v3'] },
      { reason: 'R03', count: 2, amountFen: 4_900, visitIds: ['v1', 'v2'] },
    ]);
    expect(home.deductedFen).toBe(6_200);
    expect(home.visitIds).toEqual(['v1', 'v2', 'v3']);
    expect(home.visitFen).toEqual([0, 0, 0]);
  });
});

// ---- bed forms, the allowance, devices -------------------------------------------------------------

describe('INSTITUTION: billable days × the contract’s daily rate', () => {
  // April 2026 (30 days); level 4 in the institution from the 6th (25 covered days). Stay s1: admitted 20 March,
  // on leave 10 to 12 April, discharged 25 April. Stay s2: admitted 28 April, still there.
  const f = (o: Partial<MonthFacts> = {}) =>
    facts('2026-04', {
      cover: cover('2026-04-06', '2026-04-30', { form: 'INSTITUTION', level: 4, planId: 'plan-inst', planVersionId: 'ver-inst' }),
      stays: [
        { id: 's2', personId: P, form: 'INSTITUTION', admittedOn: '2026-04-28', dischargedOn: null, leaves: [] },
        { id: 's1', personId: P, form: 'INSTITUTION', admittedOn: '2026-03-20', dischargedOn: '2026-04-25', leaves: [{ from: '2026-04-10', to: '2026-04-12' }] },
      ],
      ...o,
    });

  it('days present, not on leave, within the cover: the admission day counts, the discharge day does not', () => {
    const lines = settle(f());
    expect(lines).toHaveLength(1);
    const bed = lineOf(lines, 'INSTITUTION');
    // s1 within the cover: 6th to 24th = 19 days, less the 3 days of leave = 16 (the 1st to 5th are not covered,
    // the 25th is the discharge day). s2: 28th, 29th, 30th = 3. Billable 16 + 3 = 19 days.
    expect({ coveredDays: bed.coveredDays, billableDays: bed.billableDays, level: bed.level, stayIds: bed.stayIds }).toEqual({ coveredDays: 25, billableDays: 19, level: 4, stayIds: ['s1', 's2'] });
    // Gross 19 × 7,500 = 142,500 fen; cap 7,000 × 25 = 175,000 fen. Fund 142,500 × 70 % = 99,750; co-payment 42,750.
    expect(amounts(bed)).toEqual({ grossFen: 142_500, capFen: 175_000, eligibleFen: 142_500, excessFen: 0, fundFen: 99_750, copayFen: 42_750 });
  });

  it('a whole month at a rate above the entitlement: the excess is the beneficiary’s', () => {
    const bed = lineOf(
      settle(
        f({
          cover: wholeMonth('2026-04', { form: 'INSTITUTION', level: 4, planId: 'plan-inst', planVersionId: 'ver-inst' }),
          stays: [{ id: 's1', personId: P, form: 'INSTITUTION', admittedOn: '2026-01-05', dischargedOn: null, leaves: [] }],
        }),
      ),
      'INSTITUTION',
    );
    // Gross 30 × 7,500 = 225,000; cap 30 × 7,000 = 210,000; excess 15,000. Fund 210,000 × 70 % = 147,000; co-payment 63,000.
    expect(amounts(bed)).toEqual({ grossFen: 225_000, capFen: 210_000, eligibleFen: 210_000, excessFen: 15_000, fundFen: 147_000, copayFen: 63_000 });
  });

  it('falls back to the entitlement’s daily amount when the schedule has no rate', () => {
    const bed = lineOf(settle(f({ prices: [schedule('2025-01-01', { A01: 1_300 })] })), 'INSTITUTION');
    // Gross 19 × 7,000 = 133,000; cap 175,000. Fund 133,000 × 70 % = 93,100; co-payment 39,900.
    expect(amounts(bed)).toEqual({ grossFen: 133_000, capFen: 175_000, eligibleFen: 133_000, excessFen: 0, fundFen: 93_100, copayFen: 39_900 });
  });
});

describe('FAMILY: the allowance for the covered days', () => {
  const family = (month: string, from: string, to: string, level: number, b = benefits()) =>
    lineOf(settle(facts(month, { benefits: b, cover: cover(from, to, { form: 'FAMILY', level, planId: 'plan-fam', planVersionId: 'ver-fam' }) })), 'FAMILY');

  it('part of a month: allowance × covered ÷ days in month, rounded half up; gross = cap', () => {
    // February 2026, 12th to 28th, level 3: 450 yuan × 17 / 28 = 765,000 / 28 = 27,321.43 → 27,321 fen; fund 100 %.
    expect(amounts(family('2026-02', '2026-02-12', '2026-02-28', 3))).toEqual({ grossFen: 27_321, capFen: 27_321, eligibleFen: 27_321, excessFen: 0, fundFen: 27_321, copayFen: 0 });
    // An allowance of 450.01 yuan, 15th to 28th: 45,001 × 14 / 28 = 22,500.5 → 22,501 fen.
    const odd = family('2026-02', '2026-02-15', '2026-02-28', 3, benefits((b) => (b.FAMILY.levels['3'] = monthly(45_001))));
    expect(amounts(odd)).toMatchObject({ grossFen: 22_501, capFen: 22_501, fundFen: 22_501 });
  });

  it('a whole month: the whole allowance', () => {
    // March 2026, level 5: 600 yuan = 60,000 fen.
    expect(amounts(family('2026-03', '2026-03-01', '2026-03-31', 5))).toEqual({ grossFen: 60_000, capFen: 60_000, eligibleFen: 60_000, excessFen: 0, fundFen: 60_000, copayFen: 0 });
  });
});

describe('DEVICE: rental fees for the covered days, held to the device cap', () => {
  it('a device plan from mid-month: fees and cap both prorated', () => {
    // March 2026 (31 days), a wheelchair at 30 yuan and a bed at 90 yuan a month, 15th to 31st (17 days).
    // Gross 12,000 × 17 / 31 = 204,000 / 31 = 6,580.65 → 6,581 fen. Cap 10,000 × 17 / 31 = 170,000 / 31 = 5,483.87
    // → 5,484 fen. Excess 6,581 − 5,484 = 1,097. Fund 5,484 × 70 % = 3,838.8 → 3,839; co-payment 1,645.
    const lines = settle(
      facts('2026-03', {
        cover: cover('2026-03-15', '2026-03-31', { form: 'DEVICE', planId: 'plan-dev', planVersionId: 'ver-dev' }),
        lines: { 'ver-dev': [deviceLine('WHEELCHAIR', 3_000), deviceLine('BED', 9_000)] },
      }),
    );
    expect(lines).toHaveLength(1);
    const device = lineOf(lines, 'DEVICE');
    expect({ coveredDays: device.coveredDays, level: device.level }).toEqual({ coveredDays: 17, level: 3 });
    expect(amounts(device)).toEqual({ grossFen: 6_581, capFen: 5_484, eligibleFen: 5_484, excessFen: 1_097, fundFen: 3_839, copayFen: 1_645 });
  });

  it('a device line on a HOME plan version gives a DEVICE line besides the HOME line', () => {
    // April 2026, whole month: A01 once a day and a walker at 25 yuan a month on VER; one A01 visit (1,300).
    const lines = settle(
      facts('2026-04', {
        lines: { [VER]: [itemLine('A01', 1, 'DAY'), deviceLine('WALKER', 2_500)] },
        visits: [visit('v1', '2026-04-02', [['A01', 1]])],
      }),
    );
    expect(lines.map((l) => l.form)).toEqual(['HOME', 'DEVICE']);
    // HOME: gross 1,300, fund 975. DEVICE: gross 2,500 × 30 / 30 = 2,500, cap 10,000; fund 2,500 × 70 % = 1,750; co-payment 750.
    expect(amounts(lineOf(lines, 'HOME'))).toMatchObject({ grossFen: 1_300, fundFen: 975 });
    expect(amounts(lineOf(lines, 'DEVICE'))).toEqual({ grossFen: 2_500, capFen: 10_000, eligibleFen: 2_500, excessFen: 0, fundFen: 1_750, copayFen: 750 });
    expect(lineOf(lines, 'DEVICE').coveredDays).toBe(30);
  });
});

// ---- HOME: hours a week ----------------------------------------------------------------------------

describe('HOME: an entitlement of hours a week', () => {
  // 3 hours a week at level 3, fund 90 %. A06 (40 minutes, 36 yuan) once a day; A01 (15 minutes, 13 yuan) once a month.
  const hours = (visits: BillVisit[], c = wholeMonth('2026-04')) =>
    lineOf(
      settle(
        facts('2026-04', {
          benefits: benefits((b) => {
            b.HOME.levels['3'] = weeklyHours(3);
            b.HOME.fundRatioPercent = 90;
          }),
          cover: c,
          lines: { [VER]: [itemLine('A06', 1, 'DAY'), itemLine('A01', 1, 'MONTH')] },
          visits,
        }),
      ),
      'HOME',
    );
  /** An A06 visit a day for `n` days from `from`. */
  const a06 = (n: number, from = '2026-04-01') => days(from, '2026-04-30').slice(0, n).map((d) => visit(`a06-${d}`, d, [['A06', 1]]));

  it('within the entitled minutes the cap is the gross', () => {
    // Whole April: entitled 3 × 60 × 30 / 7 = 5,400 / 7 = 771.43 → 771 minutes. 19 × A06 = 760 minutes ≤ 771.
    // Gross = cap = 19 × 3,600 = 68,400; fund 68,400 × 90 % = 61,560; co-payment 6,840.
    expect(amounts(hours(a06(19)))).toEqual({ grossFen: 68_400, capFen: 68_400, eligibleFen: 68_400, excessFen: 0, fundFen: 61_560, copayFen: 6_840 });
  });

  it('beyond them the cap is floor(gross × entitled ÷ minutes), minutes of the counted units only', () => {
    // 20 × A06 (800 minutes, 72,000 fen) and two A01 visits, the second over the plan (not in gross, no minutes):
    // minutes 800 + 15 = 815 > 771; gross 72,000 + 1,300 = 73,300.
    // Cap = floor(73,300 × 771 / 815) = floor(56,514,300 / 815) = floor(69,342.70) = 69,342 (half up would give 69,343).
    // Excess 73,300 − 69,342 = 3,958. Fund 69,342 × 90 % = 62,407.8 → 62,408; co-payment 6,934.
    const home = hours([...a06(20), visit('a01-1', '2026-04-21', [['A01', 1]]), visit('a01-2', '2026-04-22', [['A01', 1]])]);
    expect(amounts(home)).toEqual({ grossFen: 73_300, capFen: 69_342, eligibleFen: 69_342, excessFen: 3_958, fundFen: 62_408, copayFen: 6_934 });
    expect(home.deductions).toEqual([{ reason: 'OVER_PLAN', count: 1, amountFen: 1_300, visitIds: ['a01-2'] }]);
  });

  it('part of a month: the entitled minutes are prorated by covered days', () => {
    // April 14th to 30th (17 days): entitled 3 × 60 × 17 / 7 = 3,060 / 7 = 437.14 → 437 minutes.
    const part = cover('2026-04-14', '2026-04-30');
    // 10 × A06 + 1 × A01 = 400 + 15 = 415 minutes ≤ 437: cap = gross = 36,000 + 1,300 = 37,300.
    expect(amounts(hours([...a06(10, '2026-04-14'), visit('a01', '2026-04-25', [['A01', 1]])], part))).toMatchObject({ grossFen: 37_300, capFen: 37_300 });
    // 11 × A06 = 440 minutes > 437: cap = floor(39,600 × 437 / 440) = floor(39,330) = 39,330; excess 270.
    expect(amounts(hours(a06(11, '2026-04-14'), part))).toMatchObject({ grossFen: 39_600, capFen: 39_330, excessFen: 270 });
  });
});

// ---- adjustments and totals -------------------------------------------------------------------------

describe('adjustments and the claim’s totals', () => {
  // April 2026: P on FAMILY level 3 for the whole month (45,000 fen, fund 100 %).
  const familyMonth = (o: Partial<MonthFacts> = {}) => facts('2026-04', { cover: wholeMonth('2026-04', { form: 'FAMILY', planId: 'plan-fam', planVersionId: 'ver-fam' }), ...o });

  it('recoveries are negative, a deposit release is a share of what was withheld, a carried amount is kept; all after the care lines', () => {
    const lines = settle(
      familyMonth({
        recoveries: [
          { violationId: 'viol-2', amountFen: 5_000 },
          { violationId: 'viol-1', amountFen: 2_000 },
        ],
        // 50 % of 12,345 fen = 6,172.5 → 6,173 fen.
        releases: [{ evaluationId: 'eval-1', quarter: '2026Q1', releasePercent: 50, withheldFen: 12_345 }],
        carried: [{ claimId: 'claim-0', amountFen: -3_000 }],
      }),
    );
    expect(lines.map((l) => [l.kind, l.form ?? l.adjustment?.reason, l.adjustment?.sourceId ?? l.personId, l.fundFen])).toEqual([
      ['CARE', 'FAMILY', P, 45_000],
      ['ADJUSTMENT', 'CARRIED', 'claim-0', -3_000],
      ['ADJUSTMENT', 'DEPOSIT_RELEASE', 'eval-1', 6_173],
      ['ADJUSTMENT', 'RECOVERY', 'viol-1', -2_000],
      ['ADJUSTMENT', 'RECOVERY', 'viol-2', -5_000],
    ]);
    for (const l of lines.filter((x) => x.kind === 'ADJUSTMENT')) {
      expect({ personId: l.personId, grossFen: l.grossFen, eligibleFen: l.eligibleFen, copayFen: l.copayFen }).toEqual({ personId: null, grossFen: 0, eligibleFen: 0, copayFen: 0 });
    }

    // A review deduction of 990 fen on the FAMILY line: approved fund 45,000 − 990 = 44,010.
    // Deposit 5 % × 44,010 = 2,200.5 → 2,201. Adjustments −3,000 + 6,173 − 2,000 − 5,000 = −3,827.
    // Payable 44,010 − 2,201 − 3,827 = 37,982.
    const totals = claimTotals(lines.map((l) => (l.kind === 'CARE' ? { ...l, reviewDeductedFen: 990 } : l)));
    expect(totals).toEqual({
      lines: 5,
      visits: 0,
      grossFen: 45_000,
      capFen: 45_000,
      eligibleFen: 45_000,
      excessFen: 0,
      fundFen: 45_000,
      copayFen: 0,
      deductedFen: 0,
      reviewDeductedFen: 990,
      approvedFundFen: 44_010,
      depositFen: 2_201,
      adjustmentFen: -3_827,
      payableFen: 37_982,
    });
  });

  it('totals are the sums of the care lines; the payable may be negative', () => {
    // Two beneficiaries: P on HOME (two A01 visits, 2,600 gross, fund 1,950) and p2 on FAMILY (45,000), and a
    // recovery of 60,000 fen. Fund 1,950 + 45,000 = 46,950; deposit 5 % = 2,347.5 → 2,348.
    // Payable 46,950 − 2,348 − 60,000 = −15,398 (carried to the next claim).
    const lines = settle(
      facts('2026-04', {
        cover: [...wholeMonth('2026-04'), ...wholeMonth('2026-04', { personId: 'p2', form: 'FAMILY', planId: 'plan-fam', planVersionId: 'ver-fam' })],
        visits: [visit('v1', '2026-04-02', [['A01', 1]]), visit('v2', '2026-04-03', [['A01', 1]])],
        recoveries: [{ violationId: 'viol-1', amountFen: 60_000 }],
      }),
    );
    expect(lines.map((l) => l.form ?? l.adjustment?.reason)).toEqual(['HOME', 'FAMILY', 'RECOVERY']);
    const totals = claimTotals(lines);
    expect(totals).toMatchObject({ lines: 3, visits: 2, grossFen: 47_600, capFen: 165_000, fundFen: 46_950, copayFen: 650, approvedFundFen: 46_950, depositFen: 2_348, adjustmentFen: -60_000, payableFen: -15_398 });
    const care = lines.filter((l) => l.kind === 'CARE');
    for (const k of ['grossFen', 'capFen', 'eligibleFen', 'excessFen', 'fundFen', 'copayFen', 'deductedFen'] as const) expect(totals[k]).toBe(care.reduce((s, l) => s + l[k], 0));
  });
});

// ---- review deductions ------------------------------------------------------------------------------

describe('checkReviewDeduction', () => {
  const care = (reviewDeductedFen = 0) => ({ kind: 'CARE' as const, fundFen: 10_000, reviewDeductedFen });

  it('refuses adjustment lines', () => expect(checkReviewDeduction({ kind: 'ADJUSTMENT', fundFen: 10_000, reviewDeductedFen: 0 }, 100)).toBe('ADJUSTMENT_LINE'));

  it('refuses amounts that are not whole positive fen', () => {
    for (const amount of [0, -1, 1.5, Number.NaN]) expect(checkReviewDeduction(care(), amount)).toBe('AMOUNT');
    expect(checkReviewDeduction(care(), 1)).toBeNull();
  });

  it('allows deductions up to exactly the line’s fund amount, not a fen more', () => {
    expect(checkReviewDeduction(care(), 10_000)).toBeNull();
    expect(checkReviewDeduction(care(), 10_001)).toBe('OVER_FUND');
    // 6,000 already deducted: 4,000 more reaches the fund amount, 4,001 goes over.
    expect(checkReviewDeduction(care(6_000), 4_000)).toBeNull();
    expect(checkReviewDeduction(care(6_000), 4_001)).toBe('OVER_FUND');
  });
});

// ---- workflow and calendar ---------------------------------------------------------------------------

describe('claim workflow', () => {
  const MOVES: Partial<Record<`${ClaimState} ${ClaimVerb}`, ClaimState>> = {
    'DRAFT declare': 'DECLARED',
    'DECLARED review': 'UNDER_REVIEW',
    'UNDER_REVIEW return': 'DRAFT',
    'UNDER_REVIEW approve': 'APPROVED',
    'APPROVED pay': 'PAID',
  };
  for (const state of CLAIM_STATES) {
    for (const verb of CLAIM_VERBS) {
      const target = MOVES[`${state} ${verb}`] ?? null;
      it(`${state} --${verb}--> ${target ?? 'none'}`, () => {
        expect(nextState(state, verb)).toBe(target);
        if (target) expect(fromState(verb)).toBe(state);
      });
    }
  }
});

describe('calendar and arithmetic', () => {
  it('declare by the 8th of the next month, pay by its 30th or its last day', () => {
    expect(dueDates('2026-01')).toEqual({ declareBy: '2026-02-08', payBy: '2026-02-28' });
    expect(dueDates('2026-03')).toEqual({ declareBy: '2026-04-08', payBy: '2026-04-30' });
    expect(dueDates('2025-12')).toEqual({ declareBy: '2026-01-08', payBy: '2026-01-30' });
    expect(dueDates('2024-01')).toEqual({ declareBy: '2024-02-08', payBy: '2024-02-29' });
  });

  it('a declaration on the 8th is on time, on the 9th late', () => {
    expect(isLate('2026-03', '2026-04-08')).toBe(false);
    expect(isLate('2026-03', '2026-04-09')).toBe(true);
    expect(isLate('2025-12', '2026-01-08')).toBe(false);
    expect(isLate('2025-12', '2026-01-09')).toBe(true);
  });

  it('quarters and their months', () => {
    expect(['2026-01', '2026-03', '2026-04', '2026-06', '2026-07', '2026-09', '2026-10', '2026-12'].map(quarterOf)).toEqual(['2026Q1', '2026Q1', '2026Q2', '2026Q2', '2026Q3', '2026Q3', '2026Q4', '2026Q4']);
    expect(monthsOfQuarter('2026Q1')).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(monthsOfQuarter('2026Q4')).toEqual(['2026-10', '2026-11', '2026-12']);
  });

  it('divideHalfUp rounds halves up, less than half down', () => {
    expect(divideHalfUp(0, 7)).toBe(0);
    expect(divideHalfUp(1, 4)).toBe(0); // 0.25
    expect(divideHalfUp(1, 2)).toBe(1); // 0.5
    expect(divideHalfUp(5, 2)).toBe(3); // 2.5
    expect(divideHalfUp(7, 3)).toBe(2); // 2.33
    expect(divideHalfUp(8, 3)).toBe(3); // 2.67
    expect(divideHalfUp(2_040_000, 31)).toBe(65_806); // 65,806.45
    expect(divideHalfUp(1_500_015, 30)).toBe(50_001); // 50,000.5
  });

  it('days in a month', () => {
    expect(['2024-02', '2026-02', '2000-02', '2100-02', '2026-04', '2026-03', '2026-12'].map(daysInMonth)).toEqual([29, 28, 29, 28, 30, 31, 31]);
  });
});
