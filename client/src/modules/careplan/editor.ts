// The editor's model of a draft: its lines as the form holds them, what is sent on saving, and the live cost with
// the shared rules. Prices come from the editor options (the agency's schedule on the version's date), which are
// the prices the server applies when it saves.
import type { CareForm, CarePlanDraftInput, ItemCategory, Period, PlanLineKind } from '../../lib/gql/graphql';
import type { Device, EditorOptions, Line, PricedItem, Version } from './careplan';
import { benefitsFrom, costPlan, fitToCap, frequencyValid, type CostLine, type FitChange, type PlanCost } from './rules';

export interface EditLine {
  /** Stable across edits, for keyed lists and input ids. */
  key: string;
  kind: PlanLineKind;
  code: string;
  name: string;
  category: ItemCategory | null;
  times: number;
  per: Period;
  days: number[];
  /** HH:MM or empty. */
  timeOfDay: string;
  goal: string;
  note: string;
  unitPriceFen: number;
  minutes: number;
  reasons: Line['reasons'];
  alternatives: Line['alternatives'];
}

export interface DraftFields {
  goals: string;
  notes: string;
  effectiveFrom: string;
}

let counter = 0;
const nextKey = () => `l${++counter}`;

export function fromLine(l: Line): EditLine {
  return {
    key: nextKey(),
    kind: l.kind,
    code: l.code,
    name: l.name,
    category: l.category,
    times: l.times,
    per: l.per,
    days: [...l.days],
    timeOfDay: l.timeOfDay ?? '',
    goal: l.goal ?? '',
    note: l.note ?? '',
    unitPriceFen: l.unitPriceFen,
    minutes: l.minutes,
    reasons: l.reasons,
    alternatives: l.alternatives,
  };
}

export const fieldsOf = (v: Version): DraftFields => ({ goals: v.goals ?? '', notes: v.notes ?? '', effectiveFrom: v.effectiveFrom ?? '' });

/** A catalogue item newly taken into the plan: once a week until someone says otherwise. */
export const itemLine = (i: PricedItem): EditLine => ({
  key: nextKey(),
  kind: 'ITEM',
  code: i.code,
  name: i.name,
  category: i.category,
  times: 1,
  per: 'WEEK',
  days: [],
  timeOfDay: '',
  goal: '',
  note: '',
  unitPriceFen: i.unitPriceFen,
  minutes: i.minutes,
  reasons: [],
  alternatives: [],
});

/** A rented device: its monthly fee, once a month (the only frequency a device has). */
export const deviceLine = (d: Device): EditLine => ({
  key: nextKey(),
  kind: 'DEVICE',
  code: d.code,
  name: d.name,
  category: null,
  times: 1,
  per: 'MONTH',
  days: [],
  timeOfDay: '',
  goal: '',
  note: '',
  unitPriceFen: d.monthlyFeeFen,
  minutes: 0,
  reasons: [],
  alternatives: [],
});

/**
 * A line swapped for one of its alternatives (A05 twice a week → A06 once a week). The findings that proposed it
 * still apply, and the item given up becomes the alternative, so the swap can be undone the same way.
 */
export function swapLine(l: EditLine, alt: { code: string; times: number; per: Period }, item: PricedItem): EditLine {
  return {
    ...l,
    code: item.code,
    name: item.name,
    category: item.category,
    unitPriceFen: item.unitPriceFen,
    minutes: item.minutes,
    times: alt.times,
    per: alt.per,
    days: alt.per === 'WEEK' ? l.days : [],
    alternatives: [{ code: l.code, times: l.times, per: l.per }, ...l.alternatives.filter((a) => a.code !== alt.code)],
  };
}

/** What saving sends: the lines as typed, with the version read (a newer one answers STALE). */
export function draftInput(lines: readonly EditLine[], f: DraftFields, expectedVersion: number | null): CarePlanDraftInput {
  return {
    lines: lines.map((l) => ({
      kind: l.kind,
      code: l.code,
      times: l.times,
      per: l.per,
      days: l.per === 'WEEK' ? [...l.days].sort((a, b) => a - b) : [],
      timeOfDay: l.timeOfDay || null,
      goal: l.goal.trim() || null,
      note: l.note.trim() || null,
    })),
    goals: f.goals.trim() || null,
    notes: f.notes.trim() || null,
    effectiveFrom: f.effectiveFrom || null,
    expectedVersion,
  };
}

/** A fingerprint of what would be saved, to tell unsaved changes. */
export const fingerprint = (lines: readonly EditLine[], f: DraftFields) => JSON.stringify(draftInput(lines, f, null));

export interface Costing {
  form: CareForm;
  level: number;
  options: EditorOptions;
}

type CostedLine = CostLine & { line: EditLine };

function costInput(c: Costing, lines: readonly EditLine[]) {
  const benefits = benefitsFrom(c.options.benefits);
  if (!benefits) return null;
  const costLines: CostedLine[] = lines
    .filter((l) => frequencyValid(l))
    .map((l) => ({ kind: l.kind, code: l.code, times: l.times, per: l.per, unitPriceFen: l.unitPriceFen, minutes: l.minutes, line: l }));
  return { input: { form: c.form, level: c.level, lines: costLines, dayRateFen: c.options.dayRateFen, benefits }, fitOrder: benefits.fitOrder };
}

/** The plan's standard month with the shared rules; null when the settings could not be read. */
export function liveCost(c: Costing, lines: readonly EditLine[]): PlanCost | null {
  const x = costInput(c, lines);
  return x ? costPlan(x.input) : null;
}

export interface Fitted {
  lines: EditLine[];
  changes: FitChange[];
  fits: boolean;
}

/** Fits the lines to the cap with the shared rules; lines with a frequency still being typed are kept as they are. */
export function fitLines(c: Costing, lines: readonly EditLine[]): Fitted | null {
  const x = costInput(c, lines);
  if (!x) return null;
  const r = fitToCap(x.input, x.fitOrder);
  const kept = new Map(r.lines.map((l) => [l.line.key, l]));
  const out: EditLine[] = [];
  for (const l of lines) {
    if (!frequencyValid(l)) out.push(l);
    else {
      const k = kept.get(l.key);
      if (k) out.push({ ...l, times: k.times, per: k.per, days: k.per === 'WEEK' ? l.days : [] });
    }
  }
  return { lines: out, changes: r.changes, fits: r.fits };
}
