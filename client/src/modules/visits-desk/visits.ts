// Reads and writes of the visit desk (服务记录), each answering the data or the problem to show. Reads go to the
// network: caregivers check in and out, and supervisors decide findings, while a page is open.
import type { AnyVariables, TypedDocumentNode } from '@urql/core';
import { client } from '../../lib/graphql/client';
import type {
  AssignmentFieldsFragment,
  AssignmentRole,
  CarePlanState,
  DeskBeneficiariesQuery,
  DeskCaregiversQuery,
  DeskPlanLinesQuery,
  DeskRelatedVisitQuery,
  DeskVisitQuery,
  DeskVisitsQuery,
  ManualVisitInput,
} from '../../lib/gql/graphql';
import { fresh, settle } from '../assessment/assessment';
import type { VisitFilter } from './visits-query';
import {
  AgencyCaregiversQuery,
  AssignCaregiverMutation,
  AssignmentsQuery,
  BeneficiarySearchQuery,
  EndAssignmentMutation,
  PlanLinesQuery,
  RecordVisitMutation,
  RelatedVisitQuery,
  VisitDetailQuery,
  VisitSettingsQuery,
  VisitsQuery,
  VoidVisitMutation,
} from './visits.operations';

export type VisitsPage = DeskVisitsQuery['visits'];
export type VisitRow = VisitsPage['nodes'][number];
export type Visit = DeskVisitQuery['visit'];
export type RelatedVisit = DeskRelatedVisitQuery['visit'];
export type PlanVersionLines = DeskPlanLinesQuery['carePlanVersion'];
export type PlanLine = PlanVersionLines['lines'][number];
export type Beneficiary = DeskBeneficiariesQuery['carePlans']['nodes'][number];
export type CaregiverOption = DeskCaregiversQuery['caregivers']['nodes'][number];
export type Assignment = AssignmentFieldsFragment;

export { VISIT_STATUSES, findingBadges, itemsText, timeRange } from './visit-words';

export const VISITS_PAGE_SIZE = 25;
/** The geofence (R04) when the area's settings could not be read. */
export const DEFAULT_GEOFENCE_METRES = 300;

const mutate = <D, V extends AnyVariables, T>(doc: TypedDocumentNode<D, V>, variables: V, pick: (d: D) => T) =>
  settle(client.mutation(doc, variables).toPromise(), pick);

export type { VisitFilter } from './visits-query';

export const loadVisits = (f: VisitFilter, after: string | null) =>
  settle(fresh(VisitsQuery, { ...f, first: VISITS_PAGE_SIZE, after }), (d) => d.visits);

export const loadVisit = (id: string) => settle(fresh(VisitDetailQuery, { id }), (d) => d.visit);

export const loadRelatedVisit = (id: string) => settle(fresh(RelatedVisitQuery, { id }), (d) => d.visit);

export const loadPlanLines = (versionId: string) => settle(fresh(PlanLinesQuery, { id: versionId }), (d) => d.carePlanVersion);

export const loadVisitSettings = (poolingArea: string) => settle(fresh(VisitSettingsQuery, { poolingArea }), (d) => d.visitSettings);

export const voidVisit = (id: string, reason: string) => mutate(VoidVisitMutation, { id, reason }, (d) => d.voidVisit);

export const recordVisit = (input: ManualVisitInput) => mutate(RecordVisitMutation, { input }, (d) => d.recordVisit);

/** Beneficiaries with a home-care plan, one entry per person (their plan in force first). */
export async function searchBeneficiaries(search: string | null, opts: { agencyId?: string | null; state?: CarePlanState | null; first?: number } = {}) {
  const r = await settle(fresh(BeneficiarySearchQuery, { search, agencyId: opts.agencyId ?? null, state: opts.state ?? null, first: opts.first ?? 10 }), (d) => d.carePlans.nodes);
  if (!r.ok) return r;
  const byPerson = new Map<string, Beneficiary>();
  for (const p of r.value) {
    const seen = byPerson.get(p.personId);
    if (!seen || (seen.state !== 'ACTIVE' && p.state === 'ACTIVE')) byPerson.set(p.personId, p);
  }
  return { ok: true as const, value: [...byPerson.values()].sort((a, b) => a.personName.localeCompare(b.personName, 'zh-CN')) };
}

export const loadCaregivers = (agencyId: string | null) =>
  settle(fresh(AgencyCaregiversQuery, { agencyId, first: 100 }), (d) => [...d.caregivers.nodes].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')));

export const loadAssignments = (f: { personId?: string | null; caregiverId?: string | null; activeOn?: string | null }) =>
  settle(fresh(AssignmentsQuery, { personId: f.personId ?? null, caregiverId: f.caregiverId ?? null, activeOn: f.activeOn ?? null }), (d) => d.caregiverAssignments);

export const assignCaregiver = (input: { personId: string; caregiverId: string; role: AssignmentRole; since: string }) =>
  mutate(AssignCaregiverMutation, { input }, (d) => d.assignCaregiver);

export const endAssignment = (id: string, until: string) => mutate(EndAssignmentMutation, { id, until }, (d) => d.endCaregiverAssignment);

/** The queue a supervisor came from: the visit page leads back to it, and on to its next finding. */
export interface QueueTrail {
  path: string;
  items: { id: string; visitId: string }[];
}
let trail: QueueTrail | null = null;
export const rememberQueue = (t: QueueTrail) => void (trail = t);
export const lastQueue = (): QueueTrail | null => trail;

/** The queue's next finding after this one (on another visit), if any. */
export function nextInQueue(findingIds: readonly string[]): { id: string; visitId: string } | null {
  if (!trail) return null;
  const at = Math.max(-1, ...findingIds.map((id) => trail!.items.findIndex((i) => i.id === id)));
  if (at < 0) return null;
  return trail.items.slice(at + 1).find((i) => !findingIds.includes(i.id)) ?? null;
}
