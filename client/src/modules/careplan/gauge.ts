// The cost gauge reads one shape, whether the cost was computed here with the shared rules (while editing) or
// stored by the server (a saved or decided version).
import type { CareForm, EntitlementKind } from '../../lib/gql/graphql';
import type { SavedCost } from './careplan';
import type { FormCost, PlanCost } from './rules';

export interface GaugePart {
  form: CareForm;
  kind: EntitlementKind | null;
  /** Monthly or daily amount of the entitlement, in fen. */
  amountFen: number | null;
  hoursPerWeek: number | null;
  fundRatioPercent: number;
  grossFen: number;
  capFen: number;
  fundFen: number;
  copayFen: number;
  excessFen: number;
  minutes: number;
  entitledMinutes: number | null;
}

export interface GaugeCost {
  main: GaugePart | null;
  device: GaugePart | null;
  grossFen: number;
  capFen: number;
  fundFen: number;
  copayFen: number;
  excessFen: number;
  personFen: number;
}

const livePart = (p: FormCost | null): GaugePart | null =>
  p && {
    form: p.form,
    kind: p.entitlement?.kind ?? null,
    amountFen: p.entitlement?.amountFen ?? null,
    hoursPerWeek: p.entitlement?.hoursPerWeek ?? null,
    fundRatioPercent: p.fundRatioPercent,
    grossFen: p.grossFen,
    capFen: p.capFen,
    fundFen: p.fundFen,
    copayFen: p.copayFen,
    excessFen: p.excessFen,
    minutes: p.minutes,
    entitledMinutes: p.entitledMinutes,
  };

export const fromLive = (c: PlanCost): GaugeCost => ({ ...c, main: livePart(c.main), device: livePart(c.device) });

const savedPart = (p: SavedCost['main']): GaugePart | null =>
  p && {
    form: p.form,
    kind: p.entitlementKind,
    amountFen: p.entitlementAmountFen,
    hoursPerWeek: p.entitlementHoursPerWeek,
    fundRatioPercent: p.fundRatioPercent,
    grossFen: p.grossFen,
    capFen: p.capFen,
    fundFen: p.fundFen,
    copayFen: p.copayFen,
    excessFen: p.excessFen,
    minutes: p.minutes,
    entitledMinutes: p.entitledMinutes,
  };

export const fromSaved = (c: SavedCost): GaugeCost => ({
  main: savedPart(c.main),
  device: savedPart(c.device),
  grossFen: c.grossFen,
  capFen: c.capFen,
  fundFen: c.fundFen,
  copayFen: c.copayFen,
  excessFen: c.excessFen,
  personFen: c.personFen,
});

/** Where the bar ends and the cap's marker stands, in percent of the track: a little room beyond the larger. */
export function barGeometry(grossFen: number, capFen: number): { fill: number; withinFill: number; marker: number | null } {
  const scale = Math.max(grossFen, capFen) * 1.08 || 1;
  const pct = (n: number) => Math.min(100, Math.max(0, (n / scale) * 100));
  return { fill: pct(grossFen), withinFill: pct(Math.min(grossFen, capFen)), marker: capFen > 0 ? pct(capFen) : null };
}
