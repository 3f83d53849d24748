// The phone's one door to the visit rules. They are the server's own module (server/src/visits through the `@visits`
// alias of vite.config.ts and client/tsconfig.json), so what the caregiver is warned of before check-out is what
// the server's audit finds when the record arrives: the same code, fed with the facts `myDay` sent for the purpose.
import {
  auditVisit,
  checkTimesAndPlaces,
  distanceMetres,
  RULE_NAMES,
  visitSettingsFrom,
  type Finding,
  type ItemDone,
  type Position,
  type Rejection,
  type RuleCode,
  type VisitContext,
  type VisitFacts,
  type VisitSettings,
} from '@visits/visits.rules.ts';
import type { LocalVisit } from './queue';

export { distanceMetres, RULE_NAMES, visitSettingsFrom };
export type { Finding, ItemDone, Position, Rejection, RuleCode, VisitContext, VisitFacts, VisitSettings };

/** A stop's `context` as `myDay` sends it: the rules' VisitContext without the caregiver's visits. */
export type StopContext = Omit<VisitContext, 'caregiverVisits'>;

/** Reads a stop's context JSON; anything missing counts as "nothing known" rather than breaking the check. */
export function stopContext(json: Record<string, unknown> | null | undefined): StopContext {
  const j = (json ?? {}) as Partial<StopContext>;
  const home = j.home && typeof j.home.lat === 'number' && typeof j.home.lng === 'number' ? { lat: j.home.lat, lng: j.home.lng } : null;
  return {
    home,
    dateOfDeath: typeof j.dateOfDeath === 'string' ? j.dateOfDeath : null,
    hospitalStays: Array.isArray(j.hospitalStays) ? j.hospitalStays : [],
    itemMinutes: j.itemMinutes ?? {},
    monthlyLimits: j.monthlyLimits ?? {},
    usedBefore: j.usedBefore ?? {},
  };
}

/** A visit as the API describes it (the fields the rules read). */
export interface ApiVisit {
  id: string;
  status: string;
  personId: string;
  caregiverId: string;
  checkInAt: string;
  checkOutAt?: string | null;
  checkIn?: { lat: number; lng: number; accuracy: number } | null;
  checkOut?: { lat: number; lng: number; accuracy: number } | null;
  items: ItemDone[];
  confirmation?: string | null;
  recordedAt?: string | null;
  checkedInRecordedAt: string;
  source?: string | null;
}

const pos = (p: { lat: number; lng: number; accuracy: number } | null | undefined): Position | null => (p ? { lat: p.lat, lng: p.lng, accuracy: p.accuracy } : null);

export function factsOfApiVisit(v: ApiVisit): VisitFacts {
  return {
    id: v.id,
    caregiverId: v.caregiverId,
    personId: v.personId,
    checkInAt: v.checkInAt,
    checkOutAt: v.checkOutAt ?? null,
    checkIn: pos(v.checkIn),
    checkOut: pos(v.checkOut),
    items: v.items.map((i) => ({ code: i.code, quantity: i.quantity })),
    confirmed: !!v.confirmation,
    recordedAt: v.recordedAt ?? v.checkedInRecordedAt,
    source: v.source === 'MANUAL' ? 'MANUAL' : 'DEVICE',
  };
}

/** A visit the phone completed (check-in and check-out in its queue), as the rules see it. */
export function factsOfLocalVisit(v: LocalVisit, caregiverId: string): VisitFacts | null {
  const ci = v.checkIn?.checkIn;
  const co = v.checkOut?.state === 'rejected' ? null : v.checkOut?.checkOut;
  if (!ci) return null;
  return {
    id: v.visitId,
    caregiverId,
    personId: v.personId,
    checkInAt: ci.at,
    checkOutAt: co?.at ?? null,
    checkIn: pos(ci.position),
    checkOut: pos(co?.position),
    items: co?.items.map((i) => ({ code: i.code, quantity: i.quantity })) ?? [],
    confirmed: !!co?.confirmation,
    recordedAt: co?.at ?? ci.at,
    source: 'DEVICE',
  };
}

/**
 * The caregiver's visits as the phone knows them: the server's (from `myDay`, not void) and, for visits the server
 * had not yet heard of when the day was fetched (or had only as checked in), the phone's own queue.
 */
export function knownVisits(server: readonly ApiVisit[], local: readonly LocalVisit[], caregiverId: string): VisitFacts[] {
  const done = new Set(server.filter((v) => v.status === 'DONE').map((v) => v.id));
  const fromLocal = local
    .filter((v) => !done.has(v.visitId) && v.checkOut && v.checkOut.state !== 'rejected')
    .map((v) => factsOfLocalVisit(v, caregiverId))
    .filter((f): f is VisitFacts => f !== null);
  const localIds = new Set(fromLocal.map((f) => f.id));
  return [...server.filter((v) => v.status !== 'VOID' && !localIds.has(v.id)).map(factsOfApiVisit), ...fromLocal];
}

/**
 * Units of each item the month's visits of one person used that the day's `context.usedBefore` (counted on the
 * server when the day was fetched) does not include yet: the phone's completed visits not yet DONE on the server.
 */
export function usedSinceFetch(personId: string, server: readonly ApiVisit[], local: readonly LocalVisit[]): Record<string, number> {
  const done = new Set(server.filter((v) => v.status === 'DONE').map((v) => v.id));
  const out: Record<string, number> = {};
  for (const v of local) {
    if (v.personId !== personId || done.has(v.visitId) || !v.checkOut || v.checkOut.state === 'rejected') continue;
    for (const i of v.checkOut.checkOut?.items ?? []) out[i.code] = (out[i.code] ?? 0) + i.quantity;
  }
  return out;
}

export interface PrecheckInput {
  visit: VisitFacts;
  context: StopContext;
  settings: VisitSettings;
  /** The caregiver's other visits (knownVisits); this visit is left out of them. */
  others: readonly VisitFacts[];
  /** usedSinceFetch for the person. */
  usedSinceFetch: Record<string, number>;
  /** The device's time now (ISO). */
  now: string;
}

export interface Precheck {
  /** Hard rules the record breaks: the server would refuse it. */
  refusals: Rejection[];
  /** Audit rules it would trip: the server would record a finding. */
  findings: Finding[];
}

/** Runs the server's rules over the record being made, before it is sent. */
export function precheck(p: PrecheckInput): Precheck {
  const usedBefore = { ...p.context.usedBefore };
  for (const [code, n] of Object.entries(p.usedSinceFetch)) usedBefore[code] = (usedBefore[code] ?? 0) + n;
  const context: VisitContext = { ...p.context, usedBefore, caregiverVisits: p.others.filter((o) => o.id !== p.visit.id) };
  const refusals = checkTimesAndPlaces(p.visit, p.context.home, p.now, p.settings);
  // R10 (late entry) is the server's business alone: it is measured from when the record arrives.
  const findings = auditVisit(p.visit, context, p.settings).filter((f) => f.rule !== 'R10');
  return { refusals, findings };
}

/** Metres between a position and the home, when both are known. */
export function metresFromHome(p: { lat: number; lng: number } | null | undefined, home: { lat: number; lng: number } | null | undefined): number | null {
  return p && home ? Math.round(distanceMetres(p, home)) : null;
}
