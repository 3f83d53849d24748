// The audit rules' settings of a pooling area (审核规则设置) and the month's audit on demand. The shape is the
// server's VisitSettings (server/src/visits/visits.rules.ts); the server checks the values (stays.service.ts
// setSettings) and answers field errors as `settings.<key>`, which this module strips to `<key>`.
import { client } from '../../lib/graphql/client';
import type { Loaded, Problem } from '../../lib/graphql/errors';
import { todayInShanghai } from '../../lib/format';
import { fresh, settle } from '../assessment/assessment';
import { RULES, type Rule } from './evidence';
import { RunMonthlyAuditMutation, SetVisitSettingsMutation, VisitSettingsQuery } from './rule-settings.operations';

export type RuleAction = 'DEDUCT' | 'FLAG';
export const ACTIONS: readonly RuleAction[] = ['DEDUCT', 'FLAG'];

/** The numeric parameters in the order the page shows them, each with its unit (an i18n key under findings.rules.unit). */
export const PARAMETERS = [
  { key: 'geofenceMetres', unit: 'metres', rule: 'R04', step: 1 },
  { key: 'shortSharePercent', unit: 'percent', rule: 'R05', step: 1 },
  { key: 'dayMaxVisits', unit: 'visits', rule: 'R08', step: 1 },
  { key: 'dayMaxMinutes', unit: 'minutes', rule: 'R08', step: 1 },
  { key: 'travelKmh', unit: 'kmh', rule: 'R09', step: 1 },
  { key: 'lateEntryHours', unit: 'hours', rule: 'R10', step: 1 },
  { key: 'maxVisitHours', unit: 'hours', rule: null, step: 0.5 },
  { key: 'clockSkewMinutes', unit: 'minutes', rule: null, step: 1 },
  { key: 'maxDistanceKm', unit: 'km', rule: null, step: 1 },
  { key: 'maxAccuracyMetres', unit: 'metres', rule: null, step: 1 },
] as const;
export type ParameterKey = (typeof PARAMETERS)[number]['key'];

export interface RuleSettings {
  rules: Record<Rule, { enabled: boolean; action: RuleAction }>;
  /** A number, or null while the input is empty. */
  values: Record<ParameterKey, number | null>;
  deductOpenFindings: boolean;
}

export interface AuditOutcome {
  findings: number;
  byRule: Record<string, number>;
  ms: number;
}

/** The server's JSON as the form edits it; anything missing or odd takes a safe reading (the server fills defaults). */
export function fromJson(json: Record<string, unknown>): RuleSettings {
  const rawRules = (json.rules ?? {}) as Record<string, { enabled?: unknown; action?: unknown } | undefined>;
  const rules = Object.fromEntries(
    RULES.map((r) => [r, { enabled: rawRules[r]?.enabled !== false, action: rawRules[r]?.action === 'DEDUCT' ? 'DEDUCT' : 'FLAG' }]),
  ) as RuleSettings['rules'];
  const values = Object.fromEntries(PARAMETERS.map((p) => [p.key, typeof json[p.key] === 'number' ? (json[p.key] as number) : null])) as RuleSettings['values'];
  return { rules, values, deductOpenFindings: json.deductOpenFindings !== false };
}

export function toJson(s: RuleSettings): Record<string, unknown> {
  return { rules: s.rules, ...s.values, deductOpenFindings: s.deductOpenFindings };
}

/** The inputs left empty (or not a number): said on the page before anything is sent. */
export const emptyParameters = (s: RuleSettings): ParameterKey[] =>
  PARAMETERS.filter((p) => typeof s.values[p.key] !== 'number' || !Number.isFinite(s.values[p.key])).map((p) => p.key);

/** The field errors without the `settings.` prefix of the argument, so they match the keys above. */
function unprefixed(r: Loaded<Record<string, unknown>>): Loaded<Record<string, unknown>> {
  if (r.ok) return r;
  const problem: Problem = { ...r.problem, fieldErrors: r.problem.fieldErrors.map((e) => ({ ...e, field: e.field.replace(/^settings\./, '') })) };
  return { ok: false, problem };
}

export const loadRuleSettings = async (poolingArea: string): Promise<Loaded<RuleSettings>> => {
  const r = await settle(fresh(VisitSettingsQuery, { poolingArea }), (d) => d.visitSettings);
  return r.ok ? { ok: true, value: fromJson(r.value) } : r;
};

export const saveRuleSettings = async (poolingArea: string, s: RuleSettings): Promise<Loaded<RuleSettings>> => {
  const r = unprefixed(await settle(client.mutation(SetVisitSettingsMutation, { poolingArea, settings: toJson(s) }).toPromise(), (d) => d.setVisitSettings));
  return r.ok ? { ok: true, value: fromJson(r.value) } : r;
};

export const runMonthlyAudit = (poolingArea: string, month: string) =>
  settle(client.mutation(RunMonthlyAuditMutation, { poolingArea, month }).toPromise(), (d) => d.runMonthlyAudit as unknown as AuditOutcome);

/** This month (YYYY-MM) in Asia/Shanghai. */
export const currentMonth = (now: Date = new Date()) => todayInShanghai(now).slice(0, 7);
