// The pooling area's benefit settings (待遇标准) and rentable devices (辅具): reading them, the editable draft of a
// new version and its conversion to the API's input (yuan typed, fen sent), and the drafting table in words.
// The server checks every value again (careplan.rules.ts checkBenefits) and answers field errors by path, e.g.
// settings.forms.HOME.levels.3.amountFen; the draft keys its own errors the same way so both show in one place.
import { client } from '../../lib/graphql/client';
import type { FieldProblem } from '../../lib/graphql/errors';
import type {
  BenefitSettingsFieldsFragment,
  BenefitSettingsInput,
  BenefitsPageQuery,
  CareForm,
  DeviceTypeFieldsFragment,
  DeviceTypeInput,
  EntitlementKind,
} from '../../lib/gql/graphql';
import { fieldErrorText, type Translate } from '../../lib/i18n/problems';
import { fresh, settle } from '../assessment/assessment';
import { STANDARD, isItemCode, itemDef, type Grade, type IndicatorCode, type StandardLanguage, type nameIn } from '../assessment/standard';
import { fenToInput, yuanToFen } from '../providers/money';
import { BenefitsPageQuery as PageQuery, SetBenefitSettingsMutation, SetDeviceTypeMutation } from './admin.operations';

export type Settings = BenefitSettingsFieldsFragment;
export type Entitlement = Settings['forms'][number]['levels'][number];
export type DeviceType = DeviceTypeFieldsFragment;
export type BenefitsPage = BenefitsPageQuery;

/** Rows of the matrix: the four main forms, then device rental. */
export const FORMS: readonly CareForm[] = ['HOME', 'INSTITUTION', 'HOSPITAL', 'FAMILY', 'DEVICE'];
export const ENTITLEMENT_KINDS: readonly EntitlementKind[] = ['MONTHLY_AMOUNT', 'DAILY_AMOUNT', 'WEEKLY_HOURS'];
/** Service hours a week are a home-care entitlement only (the server answers NOT_FOR_FORM otherwise). */
export const kindsFor = (form: CareForm): readonly EntitlementKind[] => (form === 'HOME' ? ENTITLEMENT_KINDS : ENTITLEMENT_KINDS.filter((k) => k !== 'WEEKLY_HOURS'));
/** The levels of the national standard, 0 (basically normal) to 5. */
export const ALL_LEVELS = [0, 1, 2, 3, 4, 5] as const;
/** A plan's monthly figures are for a standard month of 30 days, as costing on the server. */
export const STANDARD_MONTH_DAYS = 30;

export const loadBenefitsPage = (poolingArea: string) => settle(fresh(PageQuery, { poolingArea }), (d) => d);

export const saveBenefitSettings = (poolingArea: string, effectiveFrom: string, settings: BenefitSettingsInput) =>
  settle(client.mutation(SetBenefitSettingsMutation, { poolingArea, effectiveFrom, settings }).toPromise(), (d) => d.setBenefitSettings);

export const saveDeviceType = (poolingArea: string, input: DeviceTypeInput) =>
  settle(client.mutation(SetDeviceTypeMutation, { poolingArea, input }).toPromise(), (d) => d.setDeviceType);

export function entitlementOf(s: Settings, form: CareForm, level: number): Entitlement | null {
  return s.forms.find((f) => f.form === form)?.levels.find((l) => l.level === level) ?? null;
}

export const ratioOf = (s: Settings, form: CareForm): number | null => s.forms.find((f) => f.form === form)?.fundRatioPercent ?? null;

/** The level columns of a matrix: the qualifying levels and any other level that has an entitlement. */
export function levelsShown(s: Pick<Settings, 'qualifyingLevels' | 'forms'>): number[] {
  const set = new Set<number>(s.qualifyingLevels);
  for (const f of s.forms) for (const l of f.levels) set.add(l.level);
  return [...set].sort((a, b) => a - b);
}

/** The monthly cap an entitlement in money means (a daily amount for a standard month); null for hours. */
export function monthlyCapFen(e: Pick<Entitlement, 'kind' | 'amountFen'>): number | null {
  if (e.amountFen == null) return null;
  if (e.kind === 'MONTHLY_AMOUNT') return e.amountFen;
  if (e.kind === 'DAILY_AMOUNT') return e.amountFen * STANDARD_MONTH_DAYS;
  return null;
}

/** A percentage as people write it: 75%, 87.5%. */
export const formatPercent = (p: number) => `${Number(p.toFixed(2))}%`;

// ---- versions ---------------------------------------------------------------------------------------------

export type VersionStatus = 'IN_FORCE' | 'UPCOMING' | 'SUPERSEDED';

/** A version is upcoming before its date, in force from it until the next one begins, superseded after. */
export function versionStatus(versions: readonly Settings[], v: Settings, today: string): VersionStatus {
  if (!v.effectiveFrom || v.effectiveFrom > today) return 'UPCOMING';
  const inForce = versions.filter((x) => x.effectiveFrom && x.effectiveFrom <= today).sort((a, b) => (a.effectiveFrom! < b.effectiveFrom! ? 1 : -1))[0];
  return inForce?.effectiveFrom === v.effectiveFrom ? 'IN_FORCE' : 'SUPERSEDED';
}

// ---- the draft of a new version -------------------------------------------------------------------------

export interface CellDraft {
  /** '' for no entitlement at this level in this form. */
  kind: EntitlementKind | '';
  /** Yuan, as typed. */
  amount: string;
  /** Hours a week, as typed. */
  hours: string;
}

export interface SettingsDraft {
  effectiveFrom: string;
  qualifyingLevels: number[];
  autoApproveWithinCap: boolean;
  forms: Record<CareForm, { ratio: string; levels: Record<number, CellDraft> }>;
}

/** A draft holding a version's values, for a new version to start from. */
export function draftFrom(s: Settings, effectiveFrom: string): SettingsDraft {
  const forms = {} as SettingsDraft['forms'];
  for (const form of FORMS) {
    const levels: Record<number, CellDraft> = {};
    for (const level of ALL_LEVELS) {
      const e = entitlementOf(s, form, level);
      levels[level] = {
        kind: e?.kind ?? '',
        amount: e && e.kind !== 'WEEKLY_HOURS' && e.amountFen != null ? fenToInput(e.amountFen) : '',
        hours: e?.kind === 'WEEKLY_HOURS' && e.hoursPerWeek != null ? String(e.hoursPerWeek) : '',
      };
    }
    const ratio = ratioOf(s, form);
    forms[form] = { ratio: ratio == null ? '' : String(ratio), levels };
  }
  return { effectiveFrom, qualifyingLevels: [...s.qualifyingLevels].sort(), autoApproveWithinCap: s.autoApproveWithinCap, forms };
}

/** Level columns of the draft: the levels ticked as qualifying and those still holding an entitlement. */
export function draftLevels(d: SettingsDraft): number[] {
  const set = new Set<number>(d.qualifyingLevels);
  for (const form of FORMS) for (const level of ALL_LEVELS) if (d.forms[form].levels[level]?.kind) set.add(level);
  return [...set].sort((a, b) => a - b);
}

/** Paths of a cell's inputs, as the server names them in its field errors. */
export const cellPath = (form: CareForm, level: number, part: 'kind' | 'amountFen' | 'hoursPerWeek') => `settings.forms.${form}.levels.${level}.${part}`;
export const ratioPath = (form: CareForm) => `settings.forms.${form}.fundRatioPercent`;

/**
 * The API's input from the draft, or the problems found before sending (amounts that are not amounts),
 * keyed by the server's paths. Drafting table and fit order are left out: the server keeps those in force.
 */
export function toInput(d: SettingsDraft, t: Translate): { input: BenefitSettingsInput | null; problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  const forms: BenefitSettingsInput['forms'] = [];
  for (const form of FORMS) {
    const f = d.forms[form];
    const ratio = f.ratio.trim().replace(/%$/, '');
    const ratioValue = /^\d{1,3}(\.\d{1,2})?$/.test(ratio) ? Number(ratio) : null;
    if (ratioValue === null || ratioValue > 100) problems[ratioPath(form)] = t('careplanAdmin.errors.fundRatioPercent.RANGE');
    const levels: BenefitSettingsInput['forms'][number]['levels'] = [];
    for (const level of ALL_LEVELS) {
      const c = f.levels[level];
      if (!c?.kind) continue;
      if (c.kind === 'WEEKLY_HOURS') {
        const hours = /^\d{1,2}(\.[05])?$/.test(c.hours.trim()) ? Number(c.hours.trim()) : null;
        if (hours === null) problems[cellPath(form, level, 'hoursPerWeek')] = t('careplanAdmin.errors.hoursPerWeek.RANGE');
        else levels.push({ level, kind: c.kind, amountFen: null, hoursPerWeek: hours });
      } else {
        const fen = yuanToFen(c.amount);
        if (fen === null) problems[cellPath(form, level, 'amountFen')] = t('careplanAdmin.errors.amountInvalid');
        else levels.push({ level, kind: c.kind, amountFen: fen, hoursPerWeek: null });
      }
    }
    forms.push({ form, fundRatioPercent: ratioValue ?? 0, levels });
  }
  if (!d.qualifyingLevels.length) problems['settings.qualifyingLevels'] = t('careplanAdmin.errors.qualifyingLevels.RANGE');
  if (Object.keys(problems).length) return { input: null, problems };
  return { input: { qualifyingLevels: [...d.qualifyingLevels].sort(), autoApproveWithinCap: d.autoApproveWithinCap, forms }, problems };
}

/**
 * Words for a field error of this module: by the field's last named part and the reason (e.g.
 * careplanAdmin.errors.fundRatioPercent.RANGE), then by the reason alone, then the app's shared words.
 */
export function benefitErrorText(t: Translate, e: FieldProblem): string {
  const part = e.field.split('.').filter((s) => !/^\d+$/.test(s)).at(-1) ?? e.field;
  return t(`careplanAdmin.errors.${part}.${e.reason}`, { default: t(`careplanAdmin.errors.${e.reason}`, { default: fieldErrorText(t, e) }) });
}

// ---- the drafting table ---------------------------------------------------------------------------------

/** A row of the drafting table as the server stores it (careplan.rules.ts ProposalRow). */
interface ProposedFrequency {
  code: string;
  times: number;
  per: 'DAY' | 'WEEK' | 'MONTH';
}
type Condition =
  | { kind: 'ITEM'; items: string[]; scores?: number[]; atMost?: number; tubeFeeding?: boolean }
  | { kind: 'GRADE'; indicators: string[]; grades: string[] }
  | { kind: 'ALWAYS' };
export interface ProposalRow {
  id: string;
  when: Condition;
  items: (ProposedFrequency & { alternatives?: ProposedFrequency[] })[];
}

/** The rows the server sent, kept to the shape this page can word; others are counted, not guessed at. */
export function proposalRows(raw: readonly Record<string, unknown>[]): ProposalRow[] {
  return raw.filter((r): r is Record<string, unknown> & ProposalRow => {
    const when = r.when as { kind?: unknown } | undefined;
    return typeof r.id === 'string' && !!when && ['ITEM', 'GRADE', 'ALWAYS'].includes(String(when.kind)) && Array.isArray(r.items);
  });
}

/** 每日, 每周 2 次, 每月 1 次. */
export function frequencyText(t: Translate, f: ProposedFrequency): string {
  if (f.per === 'DAY' && f.times === 1) return t('careplanAdmin.freq.daily');
  return t(`careplanAdmin.freq.${f.per}`, { values: { times: f.times } });
}

/** The finding of a row in words: 进食 0 或 5 分, 平地行走或床椅转移 不高于 5 分, 认知能力中度受损或重度受损. */
export function findingText(t: Translate, when: Condition, lang: StandardLanguage): string {
  const or = t('careplanAdmin.proposals.or');
  // The standard's names as they read inside a sentence (English in lower case); the sentence starts with a capital.
  const word = (name: Parameters<typeof nameIn>[0]) => (lang === 'en' ? name.en : name.zh);
  const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  if (when.kind === 'ALWAYS') return t('careplanAdmin.proposals.always');
  if (when.kind === 'GRADE') {
    const indicators = when.indicators.map((i) => (i in STANDARD.indicators ? word(STANDARD.indicators[i as IndicatorCode].name) : i)).join(or);
    const grades = when.grades.map((g) => (g in STANDARD.gradeNames ? word(STANDARD.gradeNames[g as Grade]) : g)).join(or);
    return sentence(t('careplanAdmin.proposals.grade', { values: { indicators, grades } }));
  }
  const items = when.items.map((i) => (isItemCode(i) ? word(itemDef(i).name) : i)).join(or);
  let text =
    when.atMost != null
      ? t('careplanAdmin.proposals.atMost', { values: { items, max: when.atMost } })
      : when.scores?.length
        ? t('careplanAdmin.proposals.scores', { values: { items, scores: when.scores.join(` ${or.trim()} `) } })
        : items;
  if (when.tubeFeeding) text += t('careplanAdmin.proposals.tubeFeeding');
  return sentence(text);
}
