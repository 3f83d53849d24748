import { describe, expect, it } from 'vitest';
import {
  applyPercent,
  checkBenefits,
  costPlan,
  DEFAULT_BENEFITS,
  DEFAULT_FIT_ORDER,
  DEFAULT_PROPOSALS,
  draftItems,
  exclusivityClash,
  fitToCap,
  IllegalTransition,
  nextPlanState,
  nextVersionState,
  PLAN_TRANSITIONS,
  PLAN_VERBS,
  stepDown,
  unitsPerMonth,
  approvalRefusal,
  VERSION_TRANSITIONS,
  VERSION_VERBS,
  versionStatusOn,
  type BenefitSettings,
  type CostLine,
  type Findings,
  type PlanState,
  type VersionState,
} from '../../server/src/careplan/careplan.rules.ts';
import { NATIONAL_STANDARD_2021, type ItemCode } from '../../server/src/assessment/standard.ts';
import { DEMO_CATALOGUE } from '../../server/src/providers/catalogue.ts';

const byCode = new Map(DEMO_CATALOGUE.map((c) => [c.code, c]));
const names = {
  item: (code: ItemCode) => NATIONAL_STANDARD_2021.items.find((i) => i.code === code)!.name.zh,
  service: (code: string) => byCode.get(code)?.name ?? code,
};
/** Everyone independent: the best option of every item, intact cognition and perception. */
const independent = (): Findings => ({
  answers: Object.fromEntries(NATIONAL_STANDARD_2021.items.map((i) => [i.code, Math.max(...i.options.map((o) => o.points))])) as Findings['answers'],
  grades: { C2: 'INTACT', C3: 'INTACT' },
  tubeFeeding: false,
});
const draft = (change: (f: Findings) => void) => {
  const f = independent();
  change(f);
  return draftItems(f, DEFAULT_PROPOSALS, names);
};
const planOf = (items: ReturnType<typeof draftItems>) => Object.fromEntries(items.map((i) => [i.code, `${i.times}/${i.per}`]));
const BASE = { A10: '2/WEEK', A15: '1/DAY' };

describe('drafting table, row by row (catalogue.md)', () => {
  it('always: A10 twice a week and A15 daily, with A16 offered instead', () => {
    const items = draft(() => {});
    expect(planOf(items)).toEqual(BASE);
    expect(items.find((i) => i.code === 'A15')!.alternatives).toEqual([{ code: 'A16', times: 1, per: 'DAY' }]);
    expect(items[0]!.reasons[0]!.text).toBe('基础照护 → A10 整理床单位, 每周2次');
  });
  it.each([0, 5])('进食 %i → A07 daily, naming the finding', (score) => {
    const items = draft((f) => (f.answers.ADL_EATING = score));
    expect(planOf(items)).toEqual({ A07: '1/DAY', ...BASE });
    expect(items[0]!.reasons).toEqual([{ rule: 'EATING', source: 'ADL_EATING', score, grade: null, text: `进食 ${score} 分 → A07 协助进食/水, 每日` }]);
  });
  it('进食 0 with tube feeding → A07 and B02 daily; 5 with a tube flag proposes no B02', () => {
    expect(planOf(draft((f) => ((f.answers.ADL_EATING = 0), (f.tubeFeeding = true))))).toEqual({ A07: '1/DAY', B02: '1/DAY', ...BASE });
    expect(planOf(draft((f) => ((f.answers.ADL_EATING = 5), (f.tubeFeeding = true))))).toEqual({ A07: '1/DAY', ...BASE });
  });
  it('面部与口腔清洁 0 → A01 and A08 daily', () => {
    expect(planOf(draft((f) => (f.answers.ADL_FACE_MOUTH = 0)))).toEqual({ A01: '1/DAY', A08: '1/DAY', ...BASE });
  });
  it('洗澡 0 → A05 twice a week, A06 once a week offered instead', () => {
    const items = draft((f) => (f.answers.ADL_BATHING = 0));
    expect(planOf(items)).toEqual({ A05: '2/WEEK', ...BASE });
    expect(items[0]!.alternatives).toEqual([{ code: 'A06', times: 1, per: 'WEEK' }]);
  });
  it.each(['ADL_BOWEL', 'ADL_BLADDER'] as const)('%s 0 → A11, A12, A17 daily', (item) => {
    expect(planOf(draft((f) => (f.answers[item] = 0)))).toEqual({ A11: '1/DAY', A12: '1/DAY', A17: '1/DAY', ...BASE });
    expect(planOf(draft((f) => (f.answers[item] = 5)))).toEqual(BASE);
  });
  it('both incontinent: the items once, naming both findings', () => {
    const items = draft((f) => ((f.answers.ADL_BOWEL = 0), (f.answers.ADL_BLADDER = 0)));
    expect(items.find((i) => i.code === 'A11')!.reasons[0]!.text).toBe('大便控制 0 分、小便控制 0 分 → A11 排泄护理, 每日');
  });
  it.each([0, 5])('用厕 %i → A13 daily', (score) => {
    expect(planOf(draft((f) => (f.answers.ADL_TOILET = score)))).toEqual({ A13: '1/DAY', ...BASE });
  });
  it.each([
    ['ADL_WALKING', 5],
    ['ADL_WALKING', 0],
    ['ADL_TRANSFER', 5],
    ['ADL_TRANSFER', 0],
  ] as const)('%s %i → A19, A20, A22 daily, A21 3/week, C01 2/week', (item, score) => {
    expect(planOf(draft((f) => (f.answers[item] = score)))).toEqual({ A19: '1/DAY', A20: '1/DAY', A22: '1/DAY', A21: '3/WEEK', C01: '2/WEEK', ...BASE });
  });
  it('平地行走 10 proposes no mobility care', () => {
    expect(planOf(draft((f) => (f.answers.ADL_WALKING = 10)))).toEqual(BASE);
  });
  it('上下楼梯 0 → A27 once a week', () => {
    expect(planOf(draft((f) => (f.answers.ADL_STAIRS = 0)))).toEqual({ A27: '1/WEEK', ...BASE });
  });
  it.each(['MODERATE', 'SEVERE'] as const)('cognition %s → A25 daily and C02 twice a week', (grade) => {
    const items = draft((f) => (f.grades.C2 = grade));
    expect(planOf(items)).toEqual({ A25: '1/DAY', C02: '2/WEEK', ...BASE });
    expect(items[0]!.reasons[0]!.text).toMatch(/^认知能力(中度|重度)受损 → A25/);
  });
  it('cognition mildly impaired proposes nothing more', () => {
    expect(planOf(draft((f) => (f.grades.C2 = 'MILD')))).toEqual(BASE);
  });
  it.each(['MODERATE', 'SEVERE'] as const)('perception and communication %s → A25 daily', (grade) => {
    expect(planOf(draft((f) => (f.grades.C3 = grade)))).toEqual({ A25: '1/DAY', ...BASE });
  });
  it('A25 from cognition and from perception: listed once with both reasons', () => {
    const a25 = draft((f) => ((f.grades.C2 = 'SEVERE'), (f.grades.C3 = 'MODERATE'))).find((i) => i.code === 'A25')!;
    expect(a25.reasons.map((r) => r.rule)).toEqual(['COGNITION', 'PERCEPTION']);
  });
  it('the more frequent proposal wins when two rows propose one item', () => {
    const rows = [
      { id: 'X', when: { kind: 'ALWAYS' as const }, items: [{ code: 'A10', times: 1, per: 'WEEK' as const }] },
      { id: 'Y', when: { kind: 'ALWAYS' as const }, items: [{ code: 'A10', times: 1, per: 'DAY' as const }] },
    ];
    expect(planOf(draftItems(independent(), rows, names))).toEqual({ A10: '1/DAY' });
  });
});

const line = (code: string, times: number, per: 'DAY' | 'WEEK' | 'MONTH', unitPriceFen = byCode.get(code)!.defaultPriceFen): CostLine => ({ kind: 'ITEM', code, times, per, unitPriceFen, minutes: byCode.get(code)?.minutes ?? 0 });

describe('costing', () => {
  it('counts weeks up in a 30-day month', () => {
    expect(unitsPerMonth({ times: 1, per: 'DAY' })).toBe(30);
    expect(unitsPerMonth({ times: 2, per: 'DAY' })).toBe(60);
    expect(unitsPerMonth({ times: 1, per: 'WEEK' })).toBe(5);
    expect(unitsPerMonth({ times: 2, per: 'WEEK' })).toBe(9);
    expect(unitsPerMonth({ times: 7, per: 'WEEK' })).toBe(30);
    expect(unitsPerMonth({ times: 3, per: 'MONTH' })).toBe(3);
    expect(unitsPerMonth({ times: 1, per: 'WEEK' }, 28)).toBe(4);
  });
  it('rounds the fund share half up, once', () => {
    expect(applyPercent(1, 50)).toBe(1);
    expect(applyPercent(3, 50)).toBe(2);
    expect(applyPercent(101, 75)).toBe(76); // 75.75
    expect(applyPercent(102, 75)).toBe(77); // 76.5 → 77
    expect(applyPercent(1000, 87.5)).toBe(875);
  });
  it('home care: gross, cap, fund, co-payment and excess; fund + co-payment = eligible', () => {
    // A07 daily (15 × 30 = 450 yuan) + A05 twice a week (25 × 9 = 225 yuan) at level 3: 675 yuan within 1,200.
    const c = costPlan({ form: 'HOME', level: 3, lines: [line('A07', 1, 'DAY'), line('A05', 2, 'WEEK')], dayRateFen: null, benefits: DEFAULT_BENEFITS });
    expect(c.main).toMatchObject({ grossFen: 67500, capFen: 120000, eligibleFen: 67500, fundFen: 50625, copayFen: 16875, excessFen: 0 });
    expect(c.personFen).toBe(16875);
  });
  it('institution and hospital: the contracted daily rate × 30 against the level daily rate', () => {
    const inst = costPlan({ form: 'INSTITUTION', level: 4, lines: [], dayRateFen: 7500, benefits: DEFAULT_BENEFITS });
    expect(inst.main).toMatchObject({ grossFen: 225000, capFen: 210000, eligibleFen: 210000, fundFen: 147000, excessFen: 15000 });
    const hosp = costPlan({ form: 'HOSPITAL', level: 5, lines: [], dayRateFen: null, benefits: DEFAULT_BENEFITS });
    expect(hosp.main).toMatchObject({ grossFen: 450000, capFen: 450000, fundFen: 360000 });
  });
  it('family care: the allowance, all paid by the fund', () => {
    expect(costPlan({ form: 'FAMILY', level: 5, lines: [], dayRateFen: null, benefits: DEFAULT_BENEFITS }).main).toMatchObject({ grossFen: 60000, fundFen: 60000, copayFen: 0 });
  });
  it('devices have their own cap beside the main form', () => {
    const bed: CostLine = { kind: 'DEVICE', code: 'BED', times: 1, per: 'MONTH', unitPriceFen: 8000, minutes: 0 };
    const chair: CostLine = { ...bed, code: 'WHEELCHAIR', unitPriceFen: 3000 };
    const c = costPlan({ form: 'HOME', level: 3, lines: [line('A07', 1, 'DAY'), bed, chair], dayRateFen: null, benefits: DEFAULT_BENEFITS });
    expect(c.device).toMatchObject({ grossFen: 11000, capFen: 10000, eligibleFen: 10000, fundFen: 7000, excessFen: 1000 });
    expect(c.grossFen).toBe(45000 + 11000);
    expect(approvalRefusal('HOME', c, 3, true)).toBe('DEVICE_CAP_EXCEEDED');
  });
  it('a daily amount cap is 30 days of it; weekly hours are the hours’ worth at the plan’s prices', () => {
    const benefits: BenefitSettings = structuredClone(DEFAULT_BENEFITS);
    benefits.forms.HOME.levels['3'] = { kind: 'DAILY_AMOUNT', amountFen: 4500, hoursPerWeek: null };
    expect(costPlan({ form: 'HOME', level: 3, lines: [line('A07', 2, 'DAY')], dayRateFen: null, benefits }).main).toMatchObject({ grossFen: 90000, capFen: 135000 });
    benefits.forms.HOME.levels['3'] = { kind: 'WEEKLY_HOURS', amountFen: null, hoursPerWeek: 3 };
    // 3 h a week = 771 min a month (3 × 60 × 30 / 7, rounded). A06 daily: 40 min × 30 = 1,200 min, 1,050 yuan.
    const c = costPlan({ form: 'HOME', level: 3, lines: [line('A06', 1, 'DAY')], dayRateFen: null, benefits }).main!;
    expect(c).toMatchObject({ minutes: 1200, entitledMinutes: 771, grossFen: 105000, capFen: Math.floor((105000 * 771) / 1200) });
    expect(c.excessFen).toBe(105000 - c.capFen);
  });
});

describe('fitting to the cap', () => {
  // Level 3: 1,200 yuan. A07 daily 450 + A19 daily 360 + A22 daily 540 = 1,350 yuan.
  const over = [line('A07', 1, 'DAY'), line('A19', 1, 'DAY'), line('A22', 1, 'DAY')];
  // A10 daily at 1 fen (30 fen) + A07 daily at 39.99 yuan (1,199.70 yuan) = 1,200 yuan, level 3's cap.
  const atCap = [line('A10', 1, 'DAY', 1), line('A07', 1, 'DAY', 3999)];
  it('a plan exactly at the cap is left alone', () => {
    const r = fitToCap({ form: 'HOME', level: 3, lines: atCap, dayRateFen: null, benefits: DEFAULT_BENEFITS }, DEFAULT_FIT_ORDER);
    expect(r).toMatchObject({ changes: [], fits: true });
    expect(r.cost.main!.grossFen).toBe(120000);
    expect(r.lines).toEqual(atCap);
  });
  it('one fen over: the least essential item is lowered one step, and the change is shown', () => {
    const lines = [...atCap, line('B05', 1, 'MONTH', 1)];
    const r = fitToCap({ form: 'HOME', level: 3, lines, dayRateFen: null, benefits: DEFAULT_BENEFITS }, DEFAULT_FIT_ORDER);
    expect(r.fits).toBe(true);
    expect(r.changes).toEqual([{ code: 'A10', from: { times: 1, per: 'DAY' }, to: { times: 5, per: 'WEEK' }, savedFen: 8 }]);
    expect(r.cost.main!.grossFen).toBe(119993);
  });
  it('lowers the least essential first, down to once a week, and stops as soon as it fits', () => {
    const r = fitToCap({ form: 'HOME', level: 3, lines: over, dayRateFen: null, benefits: DEFAULT_BENEFITS }, DEFAULT_FIT_ORDER);
    // A19 (rank before A22 and A07) goes daily → 5/week (22 units): saves 8 × 12 = 96 yuan; 1,254 yuan still over;
    // → 4/week (18): saves 48 more → 1,206; → 3/week (13): saves 60 → 1,146 yuan, within.
    expect(r.changes).toEqual([{ code: 'A19', from: { times: 1, per: 'DAY' }, to: { times: 3, per: 'WEEK' }, savedFen: 20400 }]);
    expect(r.cost.main!.grossFen).toBe(114600);
    expect(r.fits).toBe(true);
  });
  it('items named in no order are lowered first, clinical ones last', () => {
    // B10 weekly 225 + A07 daily 450 + A03 daily 360 + A11 daily 450 = 1,485 yuan: A03 alone goes to once a week.
    const lines = [line('B10', 1, 'WEEK'), line('A07', 1, 'DAY'), line('A03', 1, 'DAY'), line('A11', 1, 'DAY')];
    const r = fitToCap({ form: 'HOME', level: 3, lines, dayRateFen: null, benefits: DEFAULT_BENEFITS }, DEFAULT_FIT_ORDER);
    expect(r.changes).toEqual([{ code: 'A03', from: { times: 1, per: 'DAY' }, to: { times: 1, per: 'WEEK' }, savedFen: 30000 }]);
  });
  it('drops an item when lowering it to once a month is not enough', () => {
    const r = fitToCap({ form: 'HOME', level: 3, lines: [line('A06', 1, 'WEEK', 1_000_000)], dayRateFen: null, benefits: DEFAULT_BENEFITS }, DEFAULT_FIT_ORDER);
    expect(r.changes).toEqual([{ code: 'A06', from: { times: 1, per: 'WEEK' }, to: null, savedFen: 5_000_000 }]);
    expect(r.lines).toEqual([]);
    expect(r.fits).toBe(true);
  });
  it('other forms are not fitted: their cost does not depend on items', () => {
    const r = fitToCap({ form: 'INSTITUTION', level: 3, lines: [line('A07', 1, 'DAY')], dayRateFen: 9000, benefits: DEFAULT_BENEFITS }, DEFAULT_FIT_ORDER);
    expect(r).toMatchObject({ changes: [], fits: false });
  });
  it('steps frequencies down one at a time', () => {
    expect(stepDown({ times: 2, per: 'DAY' })).toEqual({ times: 1, per: 'DAY' });
    expect(stepDown({ times: 1, per: 'DAY' })).toEqual({ times: 5, per: 'WEEK' });
    expect(stepDown({ times: 9, per: 'WEEK' })).toEqual({ times: 5, per: 'WEEK' });
    expect(stepDown({ times: 1, per: 'WEEK' })).toEqual({ times: 2, per: 'MONTH' });
    expect(stepDown({ times: 1, per: 'MONTH' })).toBeNull();
  });
});

describe('approval', () => {
  const cost = (lines: CostLine[]) => costPlan({ form: 'HOME', level: 3, lines, dayRateFen: null, benefits: DEFAULT_BENEFITS });
  it('a plan above its cap needs the beneficiary’s consent to the self-paid excess', () => {
    const over = cost([line('A07', 1, 'DAY', 4001)]);
    expect(over.excessFen).toBe(30);
    expect(approvalRefusal('HOME', over, 1, false)).toBe('EXCESS_NOT_CONSENTED');
    expect(approvalRefusal('HOME', over, 1, true)).toBeNull();
    expect(approvalRefusal('HOME', cost([line('A07', 1, 'DAY', 4000)]), 1, false)).toBeNull();
    expect(approvalRefusal('HOME', cost([]), 0, false)).toBe('EMPTY_PLAN');
  });
});

describe('states', () => {
  const planCases = Object.entries(PLAN_TRANSITIONS).flatMap(([s, t]) => PLAN_VERBS.map((v) => [s as PlanState, v, t[v] ?? null] as const));
  it.each(planCases)('plan %s --%s--> %s', (state, verb, next) => {
    if (next) expect(nextPlanState(state, verb)).toBe(next);
    else expect(() => nextPlanState(state, verb)).toThrow(IllegalTransition);
  });
  const versionCases = Object.entries(VERSION_TRANSITIONS).flatMap(([s, t]) => VERSION_VERBS.map((v) => [s as VersionState, v, t[v] ?? null] as const));
  it.each(versionCases)('version %s --%s--> %s', (state, verb, next) => {
    if (next) expect(nextVersionState(state, verb)).toBe(next);
    else expect(() => nextVersionState(state, verb)).toThrow(IllegalTransition);
  });
  it('an approved version is in force from its effective date until its last day', () => {
    const v = { state: 'APPROVED' as const, effectiveFrom: '2026-12-01', effectiveUntil: null };
    expect(versionStatusOn(v, '2026-11-30')).toBe('APPROVED');
    expect(versionStatusOn(v, '2026-12-01')).toBe('IN_FORCE');
    const s = { state: 'SUPERSEDED' as const, effectiveFrom: '2026-12-01', effectiveUntil: '2027-01-31' };
    expect(versionStatusOn(s, '2027-01-31')).toBe('IN_FORCE');
    expect(versionStatusOn(s, '2027-02-01')).toBe('SUPERSEDED');
    expect(versionStatusOn({ state: 'SUPERSEDED', effectiveFrom: '2026-12-01', effectiveUntil: '2026-11-30' }, '2026-12-05')).toBe('SUPERSEDED');
    expect(versionStatusOn({ state: 'DRAFT', effectiveFrom: null, effectiveUntil: null }, '2026-12-05')).toBe('DRAFT');
  });
});

describe('exclusivity of the main forms within a month', () => {
  const home = { form: 'HOME' as const, from: '2026-01-01', to: null };
  it('another main form covering a day of the month clashes; DEVICE never does', () => {
    expect(exclusivityClash('INSTITUTION', '2026-12-01', [home])).toEqual(home);
    expect(exclusivityClash('DEVICE', '2026-12-01', [home])).toBeNull();
    expect(exclusivityClash('HOME', '2026-12-01', [{ form: 'DEVICE', from: '2026-01-01', to: null }])).toBeNull();
  });
  it('a home plan that ended mid-month keeps the month: the new form starts the next month', () => {
    const ended = { ...home, to: '2026-12-10' };
    expect(exclusivityClash('FAMILY', '2026-12-11', [ended])).toEqual(ended);
    expect(exclusivityClash('FAMILY', '2027-01-01', [ended])).toBeNull();
  });
  it('the same form with another agency may follow the old plan, not overlap it', () => {
    const ended = { ...home, to: '2026-12-10' };
    expect(exclusivityClash('HOME', '2026-12-11', [ended])).toBeNull();
    expect(exclusivityClash('HOME', '2026-12-10', [ended])).toEqual(ended);
  });
});

describe('benefit settings', () => {
  const codes = new Set(DEMO_CATALOGUE.map((c) => c.code));
  it('the defaults are sound', () => expect(checkBenefits(DEFAULT_BENEFITS, codes)).toEqual([]));
  it('names what is wrong', () => {
    const s: BenefitSettings = structuredClone(DEFAULT_BENEFITS);
    s.forms.HOME.fundRatioPercent = 101;
    s.forms.FAMILY.levels['3'] = { kind: 'WEEKLY_HOURS', amountFen: null, hoursPerWeek: 3 };
    s.forms.DEVICE.levels['4'] = { kind: 'MONTHLY_AMOUNT', amountFen: -1, hoursPerWeek: null };
    s.proposals = [{ id: 'X', when: { kind: 'ALWAYS' }, items: [{ code: 'Z99', times: 0, per: 'DAY' }] }];
    s.qualifyingLevels = [];
    expect(checkBenefits(s, codes).map((p) => `${p.field}:${p.reason}`)).toEqual([
      'qualifyingLevels:RANGE',
      'forms.HOME.fundRatioPercent:RANGE',
      'forms.FAMILY.levels.3.kind:NOT_FOR_FORM',
      'forms.DEVICE.levels.4.amountFen:RANGE',
      'proposals.0.items:UNKNOWN_ITEM',
      'proposals.0.items:FREQUENCY',
    ]);
  });
});
