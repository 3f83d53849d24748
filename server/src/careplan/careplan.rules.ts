// Care plans (一人一方案) as pure functions: the benefit settings of a pooling area (shared/domain/catalogue.md),
// drafting a plan from an assessment's item scores, costing it against the level's entitlement, fitting it to
// the cap, and the plan's states. No GraphQL, no ORM, no clock: the server and the browser run the same code.
import type { CareForm } from '../providers/catalogue.ts';
import type { Grade, ItemCode, Level } from '../assessment/standard.ts';

export const MAIN_FORMS = ['HOME', 'INSTITUTION', 'HOSPITAL', 'FAMILY'] as const satisfies readonly CareForm[];
/** HOME, INSTITUTION, HOSPITAL and FAMILY exclude each other in a month; DEVICE goes with any. */
export const isMainForm = (f: CareForm): boolean => (MAIN_FORMS as readonly CareForm[]).includes(f);

// ---- frequencies ---------------------------------------------------------------------------------

export const PERIODS = ['DAY', 'WEEK', 'MONTH'] as const;
export type Period = (typeof PERIODS)[number];
export interface Frequency {
  times: number;
  per: Period;
}
/** The most a frequency may say, per period. */
export const MAX_TIMES: Record<Period, number> = { DAY: 6, WEEK: 21, MONTH: 62 };

/** A plan's monthly figures are for a standard month of 30 days (the usual 月 = 30 天 of pilot cities). */
export const STANDARD_MONTH_DAYS = 30;

/**
 * Units of an item a month allows. Weeks are counted up (a 30-day month holds 4 2/7 weeks: once a week is
 * 5 times), so that a caregiver keeping the weekly rhythm never runs over the monthly count billing uses.
 */
export function unitsPerMonth(f: Frequency, daysInMonth = STANDARD_MONTH_DAYS): number {
  if (f.per === 'DAY') return f.times * daysInMonth;
  if (f.per === 'WEEK') return Math.ceil((f.times * daysInMonth) / 7);
  return f.times;
}

export function frequencyText(f: Frequency): string {
  if (f.per === 'DAY') return f.times === 1 ? '每日' : `每日${f.times}次`;
  return `${f.per === 'WEEK' ? '每周' : '每月'}${f.times}次`;
}

export function checkFrequency(f: Frequency): string | null {
  if (!PERIODS.includes(f.per)) return 'Per day, week or month';
  if (!Number.isInteger(f.times) || f.times < 1 || f.times > MAX_TIMES[f.per]) return `1 to ${MAX_TIMES[f.per]} times per ${f.per.toLowerCase()}`;
  return null;
}

// ---- money ---------------------------------------------------------------------------------------

/** round(amount × percent / 100), half up, in whole fen: the one place a ratio is applied. */
export function applyPercent(amountFen: number, percent: number): number {
  // Percent may carry two decimals (e.g. 87.5); work in hundredths of a percent to stay in integers.
  const bp = Math.round(percent * 100);
  return Math.floor((amountFen * bp + 5000) / 10000);
}

// ---- benefit settings ----------------------------------------------------------------------------

export const ENTITLEMENT_KINDS = ['MONTHLY_AMOUNT', 'DAILY_AMOUNT', 'WEEKLY_HOURS'] as const;
export type EntitlementKind = (typeof ENTITLEMENT_KINDS)[number];

/** What a level is entitled to in a care form: an amount a month or a day (fen), or hours of service a week. */
export interface Entitlement {
  kind: EntitlementKind;
  amountFen: number | null;
  hoursPerWeek: number | null;
}

export interface FormBenefit {
  /** The share of eligible cost the fund pays, in percent (up to two decimals). */
  fundRatioPercent: number;
  /** Level ("3", "4", "5") → entitlement. A level without one has no benefit in this form. */
  levels: Partial<Record<string, Entitlement>>;
}

/** When a row of the proposal table applies. */
export type ProposalCondition =
  | { kind: 'ITEM'; items: ItemCode[]; scores?: number[]; atMost?: number; tubeFeeding?: boolean }
  | { kind: 'GRADE'; indicators: ('C2' | 'C3')[]; grades: Grade[] }
  | { kind: 'ALWAYS' };

export interface ProposedFrequency extends Frequency {
  code: string;
}

/** A row of the drafting table: a finding and the items it proposes (the first of `alternatives` is taken). */
export interface ProposalRow {
  id: string;
  when: ProposalCondition;
  items: (ProposedFrequency & { alternatives?: ProposedFrequency[] })[];
}

export interface BenefitSettings {
  qualifyingLevels: Level[];
  /** A submitted plan within its cap is approved without an officer. */
  autoApproveWithinCap: boolean;
  forms: Record<CareForm, FormBenefit>;
  proposals: ProposalRow[];
  /**
   * Cap fitting lowers items in this order, least essential first; items not named here are lowered before
   * all named ones, clinical (category B) items after all named ones.
   */
  fitOrder: string[];
}

const money = (yuan: number): Entitlement => ({ kind: 'MONTHLY_AMOUNT', amountFen: yuan * 100, hoursPerWeek: null });
const daily = (yuan: number): Entitlement => ({ kind: 'DAILY_AMOUNT', amountFen: yuan * 100, hoursPerWeek: null });

/** The drafting table of catalogue.md, as data. */
export const DEFAULT_PROPOSALS: ProposalRow[] = [
  { id: 'EATING', when: { kind: 'ITEM', items: ['ADL_EATING'], scores: [0, 5] }, items: [{ code: 'A07', times: 1, per: 'DAY' }] },
  { id: 'TUBE_FEEDING', when: { kind: 'ITEM', items: ['ADL_EATING'], scores: [0], tubeFeeding: true }, items: [{ code: 'B02', times: 1, per: 'DAY' }] },
  { id: 'FACE_MOUTH', when: { kind: 'ITEM', items: ['ADL_FACE_MOUTH'], scores: [0] }, items: [{ code: 'A01', times: 1, per: 'DAY' }, { code: 'A08', times: 1, per: 'DAY' }] },
  { id: 'BATHING', when: { kind: 'ITEM', items: ['ADL_BATHING'], scores: [0] }, items: [{ code: 'A05', times: 2, per: 'WEEK', alternatives: [{ code: 'A06', times: 1, per: 'WEEK' }] }] },
  {
    id: 'CONTINENCE',
    when: { kind: 'ITEM', items: ['ADL_BOWEL', 'ADL_BLADDER'], scores: [0] },
    items: [{ code: 'A11', times: 1, per: 'DAY' }, { code: 'A12', times: 1, per: 'DAY' }, { code: 'A17', times: 1, per: 'DAY' }],
  },
  { id: 'TOILET', when: { kind: 'ITEM', items: ['ADL_TOILET'], scores: [0, 5] }, items: [{ code: 'A13', times: 1, per: 'DAY' }] },
  {
    id: 'MOBILITY',
    when: { kind: 'ITEM', items: ['ADL_WALKING', 'ADL_TRANSFER'], atMost: 5 },
    items: [
      { code: 'A19', times: 1, per: 'DAY' },
      { code: 'A20', times: 1, per: 'DAY' },
      { code: 'A22', times: 1, per: 'DAY' },
      { code: 'A21', times: 3, per: 'WEEK' },
      { code: 'C01', times: 2, per: 'WEEK' },
    ],
  },
  { id: 'STAIRS', when: { kind: 'ITEM', items: ['ADL_STAIRS'], scores: [0] }, items: [{ code: 'A27', times: 1, per: 'WEEK' }] },
  { id: 'COGNITION', when: { kind: 'GRADE', indicators: ['C2'], grades: ['MODERATE', 'SEVERE'] }, items: [{ code: 'A25', times: 1, per: 'DAY' }, { code: 'C02', times: 2, per: 'WEEK' }] },
  { id: 'PERCEPTION', when: { kind: 'GRADE', indicators: ['C3'], grades: ['MODERATE', 'SEVERE'] }, items: [{ code: 'A25', times: 1, per: 'DAY' }] },
  {
    id: 'ALWAYS',
    when: { kind: 'ALWAYS' },
    items: [{ code: 'A10', times: 2, per: 'WEEK' }, { code: 'A15', times: 1, per: 'DAY', alternatives: [{ code: 'A16', times: 1, per: 'DAY' }] }],
  },
];

/**
 * Cap fitting order, least essential first: activities and training, then tidying and bathing, then hygiene,
 * then safety and pressure-sore care, then toileting, continence and feeding.
 */
export const DEFAULT_FIT_ORDER = ['C02', 'C01', 'A27', 'A21', 'A10', 'A06', 'A05', 'A16', 'A15', 'A01', 'A08', 'A25', 'A20', 'A19', 'A22', 'A13', 'A17', 'A12', 'A11', 'A07', 'B02'];

export const DEFAULT_BENEFITS: BenefitSettings = {
  qualifyingLevels: [3, 4, 5],
  autoApproveWithinCap: false,
  forms: {
    HOME: { fundRatioPercent: 75, levels: { 3: money(1200), 4: money(1500), 5: money(1800) } },
    INSTITUTION: { fundRatioPercent: 70, levels: { 3: daily(60), 4: daily(70), 5: daily(80) } },
    HOSPITAL: { fundRatioPercent: 80, levels: { 3: daily(150), 4: daily(150), 5: daily(150) } },
    FAMILY: { fundRatioPercent: 100, levels: { 3: money(450), 4: money(500), 5: money(600) } },
    DEVICE: { fundRatioPercent: 70, levels: { 3: money(100), 4: money(100), 5: money(100) } },
  },
  proposals: DEFAULT_PROPOSALS,
  fitOrder: DEFAULT_FIT_ORDER,
};

export interface SettingsProblem {
  field: string;
  reason: string;
  message: string;
}

/** Checks a settings version; `knownCodes` are the catalogue's item codes. Empty when sound. */
export function checkBenefits(s: BenefitSettings, knownCodes: ReadonlySet<string>): SettingsProblem[] {
  const out: SettingsProblem[] = [];
  const add = (field: string, reason: string, message: string) => out.push({ field, reason, message });
  if (!s.qualifyingLevels.length || s.qualifyingLevels.some((l) => !Number.isInteger(l) || l < 0 || l > 5)) add('qualifyingLevels', 'RANGE', 'One or more levels 0 to 5');
  for (const [form, b] of Object.entries(s.forms)) {
    if (!(b.fundRatioPercent >= 0 && b.fundRatioPercent <= 100) || Math.round(b.fundRatioPercent * 100) !== b.fundRatioPercent * 100) {
      add(`forms.${form}.fundRatioPercent`, 'RANGE', '0 to 100, at most two decimals');
    }
    for (const [level, e] of Object.entries(b.levels)) {
      if (!e) continue;
      const f = `forms.${form}.levels.${level}`;
      if (!/^[0-5]$/.test(level)) add(f, 'RANGE', 'Levels 0 to 5');
      if (!ENTITLEMENT_KINDS.includes(e.kind)) add(`${f}.kind`, 'UNKNOWN', 'Monthly amount, daily amount or weekly hours');
      else if (e.kind === 'WEEKLY_HOURS') {
        if (form !== 'HOME') add(`${f}.kind`, 'NOT_FOR_FORM', 'Service hours apply to home care only');
        if (e.hoursPerWeek == null || !(e.hoursPerWeek > 0 && e.hoursPerWeek <= 84) || Math.round(e.hoursPerWeek * 2) !== e.hoursPerWeek * 2) add(`${f}.hoursPerWeek`, 'RANGE', 'Half hours, up to 84 a week');
      } else if (e.amountFen == null || !Number.isInteger(e.amountFen) || e.amountFen < 0 || e.amountFen > 100_000_00) add(`${f}.amountFen`, 'RANGE', 'Whole fen, up to 100,000 yuan');
    }
  }
  s.proposals.forEach((row, i) => {
    for (const item of [...row.items, ...row.items.flatMap((x) => x.alternatives ?? [])]) {
      if (!knownCodes.has(item.code)) add(`proposals.${i}.items`, 'UNKNOWN_ITEM', `${item.code} is not in the catalogue`);
      const bad = checkFrequency(item);
      if (bad) add(`proposals.${i}.items`, 'FREQUENCY', bad);
    }
  });
  for (const code of s.fitOrder) if (!knownCodes.has(code)) add('fitOrder', 'UNKNOWN_ITEM', `${code} is not in the catalogue`);
  return out;
}

/** The version of the settings in force on a day: the latest effective on or before it, else the defaults. */
export function settingsOn<T extends { effectiveFrom: string }>(versions: readonly T[], day: string): T | null {
  let found: T | null = null;
  for (const v of versions) if (v.effectiveFrom <= day && (!found || v.effectiveFrom > found.effectiveFrom)) found = v;
  return found;
}

// ---- drafting ------------------------------------------------------------------------------------

export interface Findings {
  /** Item scores: per item, the greater need (the lower score) of the round's assessors. */
  answers: Partial<Record<ItemCode, number>>;
  grades: { C2: Grade; C3: Grade };
  /** 进食 0 with a feeding tube (the option's "有留置营养管"). */
  tubeFeeding: boolean;
}

/** Why an item was proposed: the finding, and the sentence people read. */
export interface Reason {
  rule: string;
  /** The assessment item or indicator that triggered it; null for rows that always apply. */
  source: string | null;
  score: number | null;
  grade: Grade | null;
  text: string;
}

export interface DraftItem extends Frequency {
  code: string;
  reasons: Reason[];
  /** What people may take instead (e.g. A06 once a week instead of A05 twice). */
  alternatives: ProposedFrequency[];
}

const GRADE_ZH: Record<Grade, string> = { INTACT: '完好', MILD: '轻度受损', MODERATE: '中度受损', SEVERE: '重度受损' };
const INDICATOR_ZH = { C2: '认知能力', C3: '感知觉与沟通能力' } as const;

/**
 * Proposes items from the findings with the proposal table. An item proposed by several findings is listed
 * once, at the most frequent of the proposals, naming every finding.
 */
export function draftItems(
  f: Findings,
  proposals: readonly ProposalRow[],
  names: { item: (code: ItemCode) => string; service: (code: string) => string },
): DraftItem[] {
  const out = new Map<string, DraftItem>();
  for (const row of proposals) {
    const hits: { source: string | null; score: number | null; grade: Grade | null; label: string }[] = [];
    const w = row.when;
    if (w.kind === 'ALWAYS') hits.push({ source: null, score: null, grade: null, label: '基础照护' });
    else if (w.kind === 'GRADE') {
      for (const ind of w.indicators) if (w.grades.includes(f.grades[ind])) hits.push({ source: ind, score: null, grade: f.grades[ind], label: `${INDICATOR_ZH[ind]}${GRADE_ZH[f.grades[ind]]}` });
    } else {
      if (w.tubeFeeding && !f.tubeFeeding) continue;
      for (const item of w.items) {
        const score = f.answers[item];
        if (score == null) continue;
        if ((w.scores && !w.scores.includes(score)) || (w.atMost != null && score > w.atMost)) continue;
        hits.push({ source: item, score, grade: null, label: `${names.item(item)} ${score} 分${w.tubeFeeding ? '（留置营养管）' : ''}` });
      }
    }
    if (!hits.length) continue;
    for (const p of row.items) {
      const text = `${hits.map((h) => h.label).join('、')} → ${p.code} ${names.service(p.code)}, ${frequencyText(p)}`;
      const reason: Reason = { rule: row.id, source: hits[0]!.source, score: hits[0]!.score, grade: hits[0]!.grade, text };
      const seen = out.get(p.code);
      if (!seen) {
        out.set(p.code, { code: p.code, times: p.times, per: p.per, reasons: [reason], alternatives: [...(p.alternatives ?? [])] });
      } else {
        seen.reasons.push(reason);
        if (unitsPerMonth(p) > unitsPerMonth(seen)) Object.assign(seen, { times: p.times, per: p.per });
      }
    }
  }
  return [...out.values()];
}

// ---- costing -------------------------------------------------------------------------------------

export const LINE_KINDS = ['ITEM', 'DEVICE'] as const;
export type LineKind = (typeof LINE_KINDS)[number];

/** A line of a plan as costing sees it: a service item or a rented device, its price and frequency. */
export interface CostLine extends Frequency {
  kind: LineKind;
  code: string;
  /** Unit price of an item, or the monthly fee of a device, in fen. */
  unitPriceFen: number;
  /** Standard minutes of an item (0 for devices). */
  minutes: number;
}

/** One form's month: the planned cost against the entitlement, in fen. */
export interface FormCost {
  form: CareForm;
  entitlement: Entitlement | null;
  fundRatioPercent: number;
  grossFen: number;
  capFen: number;
  eligibleFen: number;
  fundFen: number;
  copayFen: number;
  excessFen: number;
  /** Service minutes a month planned, and entitled under weekly hours (else null). */
  minutes: number;
  entitledMinutes: number | null;
}

export interface PlanCost {
  main: FormCost | null;
  device: FormCost | null;
  grossFen: number;
  capFen: number;
  fundFen: number;
  copayFen: number;
  excessFen: number;
  /** What the beneficiary pays: co-payment plus self-paid excess. */
  personFen: number;
}

export interface CostInput {
  form: CareForm;
  level: number;
  lines: readonly CostLine[];
  /** The agency's contracted daily rate for the bed forms at this level (else the entitlement's). */
  dayRateFen: number | null;
  benefits: Pick<BenefitSettings, 'forms'>;
}

function formCost(form: CareForm, level: number, grossFen: number, minutes: number, benefits: Pick<BenefitSettings, 'forms'>): FormCost {
  const b = benefits.forms[form];
  const e = b?.levels[String(level)] ?? null;
  let capFen = 0;
  let entitledMinutes: number | null = null;
  if (e?.kind === 'MONTHLY_AMOUNT') capFen = e.amountFen ?? 0;
  else if (e?.kind === 'DAILY_AMOUNT') capFen = (e.amountFen ?? 0) * STANDARD_MONTH_DAYS;
  else if (e?.kind === 'WEEKLY_HOURS') {
    // The hours' worth at the contracted prices: the plan's own average price per minute × the entitled minutes.
    entitledMinutes = Math.round(((e.hoursPerWeek ?? 0) * 60 * STANDARD_MONTH_DAYS) / 7);
    capFen = minutes <= entitledMinutes ? grossFen : Math.floor((grossFen * entitledMinutes) / minutes);
  }
  const eligibleFen = Math.min(grossFen, capFen);
  const fundFen = applyPercent(eligibleFen, b?.fundRatioPercent ?? 0);
  return { form, entitlement: e, fundRatioPercent: b?.fundRatioPercent ?? 0, grossFen, capFen, eligibleFen, fundFen, copayFen: eligibleFen - fundFen, excessFen: grossFen - eligibleFen, minutes, entitledMinutes };
}

/** A plan's standard month: planned cost, cap, fund share, co-payment and self-paid excess, per form and in all. */
export function costPlan(input: CostInput): PlanCost {
  const items = input.lines.filter((l) => l.kind === 'ITEM');
  const devices = input.lines.filter((l) => l.kind === 'DEVICE');
  let main: FormCost | null = null;
  if (input.form !== 'DEVICE') {
    const e = input.benefits.forms[input.form]?.levels[String(input.level)] ?? null;
    const minutes = items.reduce((s, l) => s + l.minutes * unitsPerMonth(l), 0);
    let gross: number;
    if (input.form === 'HOME') gross = items.reduce((s, l) => s + l.unitPriceFen * unitsPerMonth(l), 0);
    else if (input.form === 'FAMILY') gross = e ? (e.kind === 'DAILY_AMOUNT' ? (e.amountFen ?? 0) * STANDARD_MONTH_DAYS : (e.amountFen ?? 0)) : 0;
    else gross = (input.dayRateFen ?? (e?.kind === 'DAILY_AMOUNT' ? (e.amountFen ?? 0) : 0)) * STANDARD_MONTH_DAYS;
    main = formCost(input.form, input.level, gross, minutes, input.benefits);
  }
  const device = devices.length || input.form === 'DEVICE' ? formCost('DEVICE', input.level, devices.reduce((s, l) => s + l.unitPriceFen * unitsPerMonth(l), 0), 0, input.benefits) : null;
  const parts = [main, device].filter((p): p is FormCost => p !== null);
  const sum = (k: 'grossFen' | 'capFen' | 'fundFen' | 'copayFen' | 'excessFen') => parts.reduce((s, p) => s + p[k], 0);
  return { main, device, grossFen: sum('grossFen'), capFen: sum('capFen'), fundFen: sum('fundFen'), copayFen: sum('copayFen'), excessFen: sum('excessFen'), personFen: sum('copayFen') + sum('excessFen') };
}

// ---- fitting to the cap --------------------------------------------------------------------------

/** One step down a frequency: daily → fewer times daily → 5, 4 … 1 a week → 2, 1 a month → dropped (null). */
export function stepDown(f: Frequency): Frequency | null {
  if (f.per === 'DAY') return f.times > 1 ? { times: f.times - 1, per: 'DAY' } : { times: 5, per: 'WEEK' };
  if (f.per === 'WEEK') return f.times > 5 ? { times: 5, per: 'WEEK' } : f.times > 1 ? { times: f.times - 1, per: 'WEEK' } : { times: 2, per: 'MONTH' };
  return f.times > 2 ? { times: 2, per: 'MONTH' } : f.times > 1 ? { times: 1, per: 'MONTH' } : null;
}

export interface FitChange {
  code: string;
  from: Frequency;
  /** null: the item was dropped. */
  to: Frequency | null;
  savedFen: number;
}

export interface FitResult<L extends CostLine> {
  lines: L[];
  changes: FitChange[];
  /** Whether the result is within the cap (false only when nothing more could be lowered). */
  fits: boolean;
  cost: PlanCost;
}

/** Least essential first: unnamed A/C items, then the named order, then unnamed clinical items. */
export function fitRank(code: string, fitOrder: readonly string[]): number {
  const i = fitOrder.indexOf(code);
  if (i >= 0) return i + 1;
  return code.startsWith('B') ? fitOrder.length + 1 : 0;
}

const overCap = (c: PlanCost) => (c.main ? c.main.excessFen > 0 : false);

/**
 * Fits a home-care plan's items to the level's cap. In three passes over the items, least essential first, it
 * lowers each item step by step: first down to once a week, then down to once a month, then drops items,
 * stopping as soon as the planned cost is within the cap. A plan within the cap is returned unchanged.
 * Devices are not touched (they have their own cap, checked when a line is saved).
 */
export function fitToCap<L extends CostLine>(input: Omit<CostInput, 'lines'> & { lines: readonly L[] }, fitOrder: readonly string[]): FitResult<L> {
  let lines = input.lines.map((l) => ({ ...l }));
  let cost = costPlan({ ...input, lines });
  const changes = new Map<string, FitChange>();
  if (input.form !== 'HOME' || !overCap(cost)) return { lines, changes: [], fits: !overCap(cost), cost };
  const order = lines
    .filter((l) => l.kind === 'ITEM')
    .map((l) => l.code)
    .sort((a, b) => fitRank(a, fitOrder) - fitRank(b, fitOrder) || a.localeCompare(b));
  const floors: ((f: Frequency) => boolean)[] = [
    (f) => f.per !== 'MONTH' && !(f.per === 'WEEK' && f.times === 1), // pass 1: down to once a week
    (f) => !(f.per === 'MONTH' && f.times === 1), // pass 2: down to once a month
    () => true, // pass 3: drop
  ];
  for (const canLower of floors) {
    for (const code of order) {
      for (;;) {
        if (!overCap(cost)) break;
        const line = lines.find((l) => l.code === code && l.kind === 'ITEM');
        if (!line || !canLower(line)) break;
        const before = cost.grossFen;
        const next = stepDown(line);
        const from = changes.get(code)?.from ?? { times: line.times, per: line.per };
        lines = next ? lines.map((l) => (l === line ? { ...l, ...next } : l)) : lines.filter((l) => l !== line);
        cost = costPlan({ ...input, lines });
        changes.set(code, { code, from, to: next, savedFen: (changes.get(code)?.savedFen ?? 0) + before - cost.grossFen });
      }
    }
  }
  return { lines, changes: [...changes.values()], fits: !overCap(cost), cost };
}

// ---- states ----------------------------------------------------------------------------------------

/** The choice of a form and an agency (the case): requested, accepted or declined by the agency, ended. */
export const PLAN_STATES = ['REQUESTED', 'DECLINED', 'ACTIVE', 'ENDED'] as const;
export type PlanState = (typeof PLAN_STATES)[number];
export const PLAN_VERBS = ['accept', 'decline', 'end'] as const;
export type PlanVerb = (typeof PLAN_VERBS)[number];
export const PLAN_TRANSITIONS: Record<PlanState, Partial<Record<PlanVerb, PlanState>>> = {
  REQUESTED: { accept: 'ACTIVE', decline: 'DECLINED', end: 'ENDED' },
  DECLINED: {},
  ACTIVE: { end: 'ENDED' },
  ENDED: {},
};

/** A version of the plan's content. */
export const VERSION_STATES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'SUPERSEDED', 'ENDED', 'DISCARDED'] as const;
export type VersionState = (typeof VERSION_STATES)[number];
export const VERSION_VERBS = ['submit', 'return', 'approve', 'supersede', 'end', 'discard'] as const;
export type VersionVerb = (typeof VERSION_VERBS)[number];
export const VERSION_TRANSITIONS: Record<VersionState, Partial<Record<VersionVerb, VersionState>>> = {
  DRAFT: { submit: 'SUBMITTED', discard: 'DISCARDED' },
  SUBMITTED: { approve: 'APPROVED', return: 'DRAFT', discard: 'DISCARDED' },
  APPROVED: { supersede: 'SUPERSEDED', end: 'ENDED' },
  SUPERSEDED: {},
  ENDED: {},
  DISCARDED: {},
};

export class IllegalTransition extends Error {
  constructor(
    readonly state: string,
    readonly verb: string,
  ) {
    super(`Cannot ${verb} a plan that is ${state}`);
  }
}

export function nextPlanState(s: PlanState, verb: PlanVerb): PlanState {
  const next = PLAN_TRANSITIONS[s][verb];
  if (!next) throw new IllegalTransition(s, verb);
  return next;
}

export function nextVersionState(s: VersionState, verb: VersionVerb): VersionState {
  const next = VERSION_TRANSITIONS[s][verb];
  if (!next) throw new IllegalTransition(s, verb);
  return next;
}

export type VersionStatus = 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'IN_FORCE' | 'SUPERSEDED' | 'ENDED' | 'DISCARDED';

/** What a version is on a day: approved versions are in force from their effective date until their last day. */
export function versionStatusOn(v: { state: VersionState; effectiveFrom: string | null; effectiveUntil: string | null }, day: string): VersionStatus {
  if (v.state === 'DRAFT' || v.state === 'SUBMITTED' || v.state === 'DISCARDED') return v.state;
  if (!v.effectiveFrom) return v.state;
  if (v.effectiveUntil && v.effectiveUntil < v.effectiveFrom) return v.state; // superseded before it began
  if (day < v.effectiveFrom) return 'APPROVED';
  if (v.effectiveUntil && day > v.effectiveUntil) return v.state;
  return 'IN_FORCE';
}

export type ApprovalRefusal = 'EXCESS_NOT_CONSENTED' | 'DEVICE_CAP_EXCEEDED' | 'EMPTY_PLAN';

/** Whether a costed version may be approved: an excess needs the beneficiary's consent to pay it. */
export function approvalRefusal(form: CareForm, cost: PlanCost, lineCount: number, consented: boolean): ApprovalRefusal | null {
  if ((form === 'HOME' || form === 'DEVICE') && lineCount === 0) return 'EMPTY_PLAN';
  if (cost.device && cost.device.excessFen > 0) return 'DEVICE_CAP_EXCEEDED';
  if (cost.excessFen > 0 && !consented) return 'EXCESS_NOT_CONSENTED';
  return null;
}

export const END_REASONS = ['DEATH', 'SUSPENSION', 'NEW_CONCLUSION', 'AGENCY_CHANGE', 'FORM_CHANGE', 'WITHDRAWN', 'CONCLUSION_EXPIRED'] as const;
export type EndReason = (typeof END_REASONS)[number];

/** Month arithmetic for exclusivity: the first and last day of a day's month. */
export function monthOf(day: string): { first: string; last: string } {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { first: `${day.slice(0, 7)}-01`, last: `${day.slice(0, 7)}-${String(last).padStart(2, '0')}` };
}

/** Whether two periods (open-ended when `to` is null) share a day. */
export function periodsOverlap(a: { from: string; to: string | null }, b: { from: string; to: string | null }): boolean {
  return (a.to === null || b.from <= a.to) && (b.to === null || a.from <= b.to);
}

/**
 * Exclusivity of main forms: a new plan in `form` from `start` clashes with another plan of the person in a
 * different main form that covers any day of the start's month, or with one in the same form whose period
 * overlaps (a change of agency starts after the old plan ends). DEVICE plans clash with nothing.
 */
export function exclusivityClash(
  form: CareForm,
  start: string,
  others: readonly { form: CareForm; from: string; to: string | null }[],
): { form: CareForm; from: string; to: string | null } | null {
  if (!isMainForm(form)) return null;
  const month = monthOf(start);
  for (const o of others) {
    if (!isMainForm(o.form)) continue;
    if (o.form !== form && periodsOverlap({ from: month.first, to: null }, o) && periodsOverlap({ from: month.first, to: month.last }, o)) return o;
    if (o.form !== form && periodsOverlap({ from: start, to: null }, o)) return o;
    if (o.form === form && periodsOverlap({ from: start, to: null }, o)) return o;
  }
  return null;
}
