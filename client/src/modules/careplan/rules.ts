// The client's one door to the care-plan rules. They are the server's own module (server/src/careplan through the
// `@careplan` alias of vite.config.ts and client/tsconfig.json), so the cost the editor shows while lines change is
// computed by the very code that prices the plan when it is saved, and cap fitting lowers the same items.
import {
  MAX_TIMES,
  PERIODS,
  checkFrequency,
  STANDARD_MONTH_DAYS,
  costPlan,
  fitToCap,
  frequencyText,
  stepDown,
  unitsPerMonth,
  type BenefitSettings,
  type CostLine,
  type FitChange,
  type FormCost,
  type Frequency,
  type Period,
  type PlanCost,
} from '@careplan/careplan.rules.ts';

export { MAX_TIMES, PERIODS, STANDARD_MONTH_DAYS, costPlan, fitToCap, frequencyText, stepDown, unitsPerMonth };
export type { BenefitSettings, CostLine, FitChange, FormCost, Frequency, Period, PlanCost };

/**
 * The benefit settings as `carePlanEditorOptions.benefits` sends them: the rules' own shape as JSON. Only the parts
 * costing and fitting read are checked; a malformed answer yields null and the editor falls back to the saved cost.
 */
export function benefitsFrom(json: Record<string, unknown> | null | undefined): BenefitSettings | null {
  if (!json || typeof json.forms !== 'object' || json.forms === null || !Array.isArray(json.fitOrder)) return null;
  return json as unknown as BenefitSettings;
}

/** Whether a frequency is one the rules accept: whole times, 1 up to the period's maximum. */
export function frequencyValid(f: { times: number; per: Period }): boolean {
  return checkFrequency(f) === null;
}

/** A frequency in the UI language: the rules' own words in Chinese (as the drafting reasons say them). */
export function frequencyLabel(f: Frequency, lang: 'zh' | 'en'): string {
  if (lang === 'zh') return frequencyText(f);
  if (f.per === 'DAY') return f.times === 1 ? 'daily' : `${f.times}× a day`;
  return `${f.times}× a ${f.per === 'WEEK' ? 'week' : 'month'}`;
}
