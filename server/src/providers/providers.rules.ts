// Pure rules of care providers: the contract state table, price lookup by date, caregiver eligibility,
// and the quarterly evaluation's arithmetic. Facts and dates in; results or coded rejections out.
import { AppError } from '../shared/errors.ts';
import type { ItemCategory } from './catalogue.ts';

// ---- contracts ---------------------------------------------------------------------------------------

/** Stored states. ACTIVE, SCHEDULED and EXPIRED are what an APPROVED contract is on a given day. */
export const CONTRACT_STATES = ['DRAFT', 'SUBMITTED', 'REJECTED', 'APPROVED', 'SUSPENDED', 'TERMINATED'] as const;
export type ContractState = (typeof CONTRACT_STATES)[number];
export const CONTRACT_VERBS = ['submit', 'approve', 'reject', 'suspend', 'resume', 'terminate'] as const;
export type ContractVerb = (typeof CONTRACT_VERBS)[number];

export const CONTRACT_TRANSITIONS: Record<ContractState, Partial<Record<ContractVerb, ContractState>>> = {
  DRAFT: { submit: 'SUBMITTED' },
  SUBMITTED: { approve: 'APPROVED', reject: 'REJECTED' },
  REJECTED: {},
  APPROVED: { suspend: 'SUSPENDED', terminate: 'TERMINATED' },
  SUSPENDED: { resume: 'APPROVED', terminate: 'TERMINATED' },
  TERMINATED: {},
};

export function nextContractState(current: ContractState, verb: ContractVerb): ContractState {
  const next = CONTRACT_TRANSITIONS[current][verb];
  if (!next) throw new AppError('CONFLICT', `Cannot ${verb} a contract that is ${current}`, { reason: 'ILLEGAL_TRANSITION', state: current });
  return next;
}

export type ContractStatus = 'DRAFT' | 'SUBMITTED' | 'REJECTED' | 'SCHEDULED' | 'ACTIVE' | 'SUSPENDED' | 'TERMINATED' | 'EXPIRED';

export interface ContractFacts {
  state: ContractState;
  startDate: string;
  endDate: string;
  suspendedFrom: string | null;
  suspendedUntil: string | null;
}

/** What a contract is on a day: an approved one is scheduled, active or expired by its term; a suspension has dates. */
export function contractStatusOn(c: ContractFacts, day: string): ContractStatus {
  if (c.state === 'SUSPENDED') {
    if (c.suspendedFrom && day < c.suspendedFrom) return day < c.startDate ? 'SCHEDULED' : 'ACTIVE';
    if (c.suspendedUntil && day > c.suspendedUntil) return day > c.endDate ? 'EXPIRED' : 'ACTIVE';
    return 'SUSPENDED';
  }
  if (c.state !== 'APPROVED') return c.state;
  if (day < c.startDate) return 'SCHEDULED';
  if (day > c.endDate) return 'EXPIRED';
  return 'ACTIVE';
}

export const isInForce = (c: ContractFacts, day: string) => contractStatusOn(c, day) === 'ACTIVE';

/** Two terms overlap when each starts before the other ends. */
export const termsOverlap = (a: { startDate: string; endDate: string }, b: { startDate: string; endDate: string }) =>
  a.startDate <= b.endDate && b.startDate <= a.endDate;

// ---- prices ------------------------------------------------------------------------------------------

export interface ScheduleVersion<T> {
  effectiveFrom: string;
  prices: T;
}

/** The version in force on a day: the latest that took effect on or before it (null before the first). */
export function versionOn<T>(versions: readonly ScheduleVersion<T>[], day: string): ScheduleVersion<T> | null {
  let found: ScheduleVersion<T> | null = null;
  for (const v of versions) if (v.effectiveFrom <= day && (!found || v.effectiveFrom > found.effectiveFrom)) found = v;
  return found;
}

// ---- caregivers --------------------------------------------------------------------------------------

export const QUALIFICATIONS = ['ELDERLY_CARE', 'MEDICAL_CAREGIVER', 'NURSE'] as const;
export type CaregiverQualification = (typeof QUALIFICATIONS)[number];

export type Ineligibility = 'CERTIFICATE_EXPIRED' | 'NOT_EMPLOYED' | 'NO_ACTIVE_CONTRACT' | 'QUALIFICATION' | 'INACTIVE';

export interface CaregiverFacts {
  active: boolean;
  qualification: CaregiverQualification;
  certificateExpiry: string;
  /** Employment periods: agency and dates (until null = still employed). */
  employments: { agencyId: string; from: string; until: string | null }[];
}

/** May the caregiver deliver these item categories for this agency on this day? The first reason that fails. */
export function caregiverEligibility(
  c: CaregiverFacts,
  f: { agencyId: string; day: string; contracts: ContractFacts[]; categories?: ItemCategory[] },
): { ok: true } | { ok: false; reason: Ineligibility } {
  if (!c.active) return { ok: false, reason: 'INACTIVE' };
  if (c.certificateExpiry < f.day) return { ok: false, reason: 'CERTIFICATE_EXPIRED' };
  if (!c.employments.some((e) => e.agencyId === f.agencyId && e.from <= f.day && (e.until === null || e.until >= f.day))) {
    return { ok: false, reason: 'NOT_EMPLOYED' };
  }
  if (!f.contracts.some((k) => isInForce(k, f.day))) return { ok: false, reason: 'NO_ACTIVE_CONTRACT' };
  if (f.categories?.includes('B') && c.qualification === 'ELDERLY_CARE') return { ok: false, reason: 'QUALIFICATION' };
  return { ok: true };
}

// ---- quarterly evaluation ---------------------------------------------------------------------------

export interface Criterion {
  code: string;
  name: string;
  weight: number;
}

export interface GradeBand {
  grade: 'EXCELLENT' | 'GOOD' | 'PASS' | 'POOR' | 'FAIL';
  min: number;
  /** Share of the quarter's quality deposit released, in per cent. */
  releasePercent: number;
}

export interface EvaluationSheet {
  criteria: Criterion[];
  grades: GradeBand[];
}

/** The default sheet of providers.md: 100 points over seven criteria; grades release the quality deposit. */
export const DEFAULT_SHEET: EvaluationSheet = {
  criteria: [
    { code: 'PLAN_DELIVERY', name: '按计划提供服务', weight: 25 },
    { code: 'AUDIT_FINDINGS', name: '稽核问题', weight: 20 },
    { code: 'RECORD_QUALITY', name: '服务记录质量', weight: 15 },
    { code: 'STAFF', name: '人员资质与培训', weight: 10 },
    { code: 'SATISFACTION', name: '参保人满意度', weight: 15 },
    { code: 'COMPLAINTS', name: '有效投诉', weight: 10 },
    { code: 'MANAGEMENT', name: '内部管理', weight: 5 },
  ],
  grades: [
    { grade: 'EXCELLENT', min: 90, releasePercent: 100 },
    { grade: 'GOOD', min: 80, releasePercent: 100 },
    { grade: 'PASS', min: 70, releasePercent: 80 },
    { grade: 'POOR', min: 60, releasePercent: 50 },
    { grade: 'FAIL', min: 0, releasePercent: 0 },
  ],
};

/**
 * Scores per criterion (0..weight each) → total, grade and the share of the quality deposit released.
 * Throws the field errors of scores that are missing or out of range.
 */
export function evaluate(scores: Record<string, number>, sheet: EvaluationSheet = DEFAULT_SHEET) {
  const errors: { field: string; reason: string; message: string }[] = [];
  let total = 0;
  for (const c of sheet.criteria) {
    const v = scores[c.code];
    if (v === undefined || v === null) errors.push({ field: `input.scores.${c.code}`, reason: 'MISSING', message: 'Score this criterion' });
    else if (!Number.isFinite(v) || v < 0 || v > c.weight) errors.push({ field: `input.scores.${c.code}`, reason: 'RANGE', message: `0 to ${c.weight}` });
    else total += v;
  }
  for (const k of Object.keys(scores)) if (!sheet.criteria.some((c) => c.code === k)) errors.push({ field: `input.scores.${k}`, reason: 'UNKNOWN', message: 'Not a criterion of the sheet' });
  if (errors.length) throw new AppError('BAD_USER_INPUT', errors.map((e) => e.message).join('; '), { fieldErrors: errors });
  total = Math.round(total * 10) / 10;
  const band = [...sheet.grades].sort((a, b) => b.min - a.min).find((g) => total >= g.min)!;
  return { total, grade: band.grade, releasePercent: band.releasePercent };
}

/** Problems of a pooling area's sheet: criteria with unique codes and positive weights summing to 100; grades from 0. */
export function checkSheet(sheet: EvaluationSheet): { field: string; reason: string; message: string }[] {
  const errors: { field: string; reason: string; message: string }[] = [];
  const codes = new Set<string>();
  sheet.criteria.forEach((c, i) => {
    if (!/^[A-Z_]{2,30}$/.test(c.code)) errors.push({ field: `input.criteria.${i}.code`, reason: 'FORMAT', message: 'Upper-case letters and _' });
    if (codes.has(c.code)) errors.push({ field: `input.criteria.${i}.code`, reason: 'DUPLICATE', message: 'Each code once' });
    codes.add(c.code);
    if (!c.name.trim()) errors.push({ field: `input.criteria.${i}.name`, reason: 'REQUIRED', message: 'Name the criterion' });
    if (!Number.isInteger(c.weight) || c.weight <= 0) errors.push({ field: `input.criteria.${i}.weight`, reason: 'RANGE', message: 'A positive whole number' });
  });
  if (sheet.criteria.reduce((s, c) => s + c.weight, 0) !== 100) errors.push({ field: 'input.criteria', reason: 'TOTAL', message: 'The weights add up to 100' });
  if (!sheet.grades.some((g) => g.min === 0)) errors.push({ field: 'input.grades', reason: 'NO_FLOOR', message: 'One grade starts at 0' });
  sheet.grades.forEach((g, i) => {
    if (g.min < 0 || g.min > 100 || g.releasePercent < 0 || g.releasePercent > 100) errors.push({ field: `input.grades.${i}`, reason: 'RANGE', message: '0 to 100' });
  });
  return errors;
}

/** `2026Q3` → its first and last day. */
export function quarterDates(quarter: string): { from: string; to: string } | null {
  const m = /^(\d{4})Q([1-4])$/.exec(quarter);
  if (!m) return null;
  const y = Number(m[1]);
  const q = Number(m[2]);
  const from = `${y}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
  const end = new Date(Date.UTC(y, q * 3, 0));
  return { from, to: end.toISOString().slice(0, 10) };
}
