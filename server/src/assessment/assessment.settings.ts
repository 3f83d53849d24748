// The workflow's parameters per pooling area (defaults from the national practice in
// shared/domain/assessment.md) and calendar arithmetic on YYYY-MM-DD dates. Pure: no clock, no I/O.
import type { Level } from './standard.ts';
import { addDays, addMonths, toDate } from '../shared/dates.ts';

export interface AssessmentSettings {
  /** Disability must have lasted this long after treatment (declared by the applicant). */
  minDisabilityMonths: number;
  /** The fund office checks an application's completeness within this many working days. */
  acceptanceWorkingDays: number;
  minAssessors: number;
  minMedicalAssessors: number;
  /** The on-site assessment is due this many working days after assignment. */
  onSiteWorkingDays: number;
  /** Public notice (公示) lasts this many working days. */
  noticeWorkingDays: number;
  /** A conclusion may be appealed within this many days of its notice. */
  appealDays: number;
  /** A conclusion is valid this many years from its effective date. */
  validityYears: number;
  /** A re-assessment on changed condition no sooner than this many months after the last conclusion. */
  changedConditionMinMonths: number;
  /** Levels that open benefits. */
  qualifyingLevels: Level[];
  /** Public holidays (YYYY-MM-DD) that are not working days. */
  holidays: string[];
  /** Weekend days that are working days (调休). */
  workingWeekends: string[];
}

export const DEFAULT_ASSESSMENT_SETTINGS: Readonly<AssessmentSettings> = Object.freeze({
  minDisabilityMonths: 6,
  acceptanceWorkingDays: 5,
  minAssessors: 2,
  minMedicalAssessors: 1,
  onSiteWorkingDays: 15,
  noticeWorkingDays: 5,
  appealDays: 30,
  validityYears: 2,
  changedConditionMinMonths: 6,
  qualifyingLevels: [3, 4, 5] as Level[],
  holidays: [],
  workingWeekends: [],
});

export function isWorkingDay(date: string, s: Pick<AssessmentSettings, 'holidays' | 'workingWeekends'>): boolean {
  if (s.holidays.includes(date)) return false;
  if (s.workingWeekends.includes(date)) return true;
  const dow = toDate(date).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/** The date `n` working days after `date` (the day itself does not count). */
export function addWorkingDays(date: string, n: number, s: Pick<AssessmentSettings, 'holidays' | 'workingWeekends'>): string {
  let d = date;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(d, s)) left--;
  }
  return d;
}

/** The last day a conclusion effective on `effective` is valid. */
export function validUntil(effective: string, s: Pick<AssessmentSettings, 'validityYears'>): string {
  return addDays(addMonths(effective, 12 * s.validityYears), -1);
}

/** Merges a pooling area's stored overrides over the defaults, ignoring unknown keys. */
export function settingsFrom(stored: Partial<AssessmentSettings> | null | undefined): AssessmentSettings {
  const out: AssessmentSettings = { ...DEFAULT_ASSESSMENT_SETTINGS, qualifyingLevels: [...DEFAULT_ASSESSMENT_SETTINGS.qualifyingLevels], holidays: [], workingWeekends: [] };
  for (const key of Object.keys(DEFAULT_ASSESSMENT_SETTINGS) as (keyof AssessmentSettings)[]) {
    if (stored && stored[key] !== undefined) (out as unknown as Record<string, unknown>)[key] = stored[key];
  }
  return out;
}
