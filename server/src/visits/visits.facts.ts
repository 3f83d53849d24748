// The facts a check-in or check-out is decided on, as of the visit's day, from facts read without the day: an
// agency's periods of serving a person, a person's plan versions, the catalogue's versions, hospital stays. The
// server reads those facts once and keeps them (shared/fact-cache.ts), so every day's question is answered here,
// in one place, for the facts read a moment ago and for those kept. Days are `YYYY-MM-DD` strings (Shanghai).

/** A period in which an agency serves a person (agency_client). */
export interface ServicePeriod {
  since: string;
  until: string | null;
}

/** Whether one of the periods holds the day. */
export function servedOn(periods: readonly ServicePeriod[], day: string): boolean {
  return periods.some((p) => p.since <= day && (p.until === null || p.until >= day));
}

/** An approved (or since superseded or ended) version of a person's home-care plan with the agency. */
export interface PlanVersionPeriod {
  version_id: string;
  plan_id: string;
  number: number;
  from: string;
  until: string | null;
}

/**
 * The version in force on the day: of those whose period holds it, the latest by number. A version ended before
 * it took effect (until before from) never was in force.
 */
export function planInForce(versions: readonly PlanVersionPeriod[], day: string): { version_id: string; plan_id: string } | null {
  let best: PlanVersionPeriod | null = null;
  for (const v of versions) {
    if (v.from > day || (v.until !== null && (v.until < day || v.until < v.from))) continue;
    if (!best || v.number > best.number) best = v;
  }
  return best ? { version_id: best.version_id, plan_id: best.plan_id } : null;
}

/** A version of a catalogue item (catalogue_item): its standard minutes from a date on. */
export interface CatalogueMinutes {
  code: string;
  minutes: number;
  from: string;
}

/** Each item's standard minutes in force on the day (the version with the latest start on or before it); items without one are absent. */
export function minutesOn(catalogue: readonly CatalogueMinutes[], day: string): Map<string, number> {
  const latest = new Map<string, CatalogueMinutes>();
  for (const c of catalogue) {
    if (c.from > day) continue;
    const seen = latest.get(c.code);
    if (!seen || c.from > seen.from) latest.set(c.code, c);
  }
  return new Map([...latest].map(([code, c]) => [code, c.minutes]));
}

export interface Stay {
  admittedOn: string;
  dischargedOn: string | null;
}

/** The hospital stays that began before the day (R02 asks whether the visit falls inside one). */
export const staysBefore = (stays: readonly Stay[], day: string): Stay[] => stays.filter((s) => s.admittedOn < day);
