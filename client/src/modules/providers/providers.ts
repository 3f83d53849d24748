// Reads and writes of the care-providers module, each answering the data or the problem to show. Reads go to the
// network: contracts change state and caregivers are added while pages are open.
import type { AnyVariables, TypedDocumentNode } from '@urql/core';
import { client } from '../../lib/graphql/client';
import type {
  AgencyFieldsFragment,
  AgencyInput,
  AgencyKind,
  AgencyQuery as AgencyResult,
  CaregiverFieldsFragment,
  CaregiverInput,
  CaregiverQualification,
  CaregiverUpdateInput,
  CareForm,
  ContractApplicationInput,
  ContractFieldsFragment,
  ContractQuery as ContractResult,
  ContractStatus,
  EvaluationFieldsFragment,
  EvaluationsQuery as EvaluationsResult,
  PriceScheduleInput,
  ViolationAction,
  ViolationFieldsFragment,
  ViolationInput,
} from '../../lib/gql/graphql';
import { session } from '../../lib/session.svelte';
import { fresh, settle } from '../assessment/assessment';
import {
  AddCaregiverMutation,
  AddPriceScheduleMutation,
  AgenciesQuery,
  AgencyQuery,
  ApplyForContractMutation,
  ApproveContractMutation,
  CaregiversQuery,
  ContractQuery,
  ContractsQuery,
  EvaluateAgencyMutation,
  EvaluationsQuery,
  RecordViolationMutation,
  RegisterAgencyMutation,
  RejectContractMutation,
  ResumeContractMutation,
  SubmitContractMutation,
  SuspendContractMutation,
  TerminateContractMutation,
  UpdateAgencyMutation,
  UpdateCaregiverMutation,
} from './providers.operations';

export type Agency = AgencyFieldsFragment;
export type AgencyDetail = AgencyResult;
export type Contract = ContractFieldsFragment;
export type ContractDetail = ContractResult;
export type PriceScheduleVersion = ContractResult['priceSchedules'][number];
export type CatalogueEntry = ContractResult['catalogue'][number];
export type Caregiver = CaregiverFieldsFragment;
export type Evaluation = EvaluationFieldsFragment;
export type Violation = ViolationFieldsFragment;
export type EvaluationSheet = EvaluationsResult['evaluationSheet'];

export const AGENCY_KINDS: readonly AgencyKind[] = ['HOME_CARE', 'INSTITUTION', 'MEDICAL', 'MIXED'];
export const CARE_FORMS: readonly CareForm[] = ['HOME', 'INSTITUTION', 'HOSPITAL', 'FAMILY', 'DEVICE'];
/** Care forms paid by the day (per disability level) rather than by item. */
export const DAY_RATE_FORMS = ['INSTITUTION', 'HOSPITAL'] as const;
/** Day rates are set for the levels that long-term care pays: 3 to 5. */
export const DAY_RATE_LEVELS = ['3', '4', '5'] as const;
export const CONTRACT_STATUSES: readonly ContractStatus[] = ['DRAFT', 'SUBMITTED', 'REJECTED', 'SCHEDULED', 'ACTIVE', 'SUSPENDED', 'TERMINATED', 'EXPIRED'];
export const QUALIFICATIONS: readonly CaregiverQualification[] = ['ELDERLY_CARE', 'MEDICAL_CAREGIVER', 'NURSE'];
/** 养老护理员 levels from 初级 (5) up to 高级技师 (1). */
export const LEVELS = [5, 4, 3, 2, 1] as const;
export const VIOLATION_ACTIONS: readonly ViolationAction[] = ['WARNING', 'RECTIFICATION', 'SUSPENSION', 'TERMINATION'];
/** The server warns of certificates that expire within this many days; lists of contracts use the same horizon. */
export const EXPIRY_WARNING_DAYS = 60;

/** The agency an agency administrator or caregiver works for (one at most), from the viewer's grants. */
export function ownAgency(): { id: string; name: string } | null {
  for (const g of session.viewer?.user.grants ?? []) if (g.agency) return g.agency;
  return null;
}

/** The pooling area the signed-in user works in: their own, else that of their first grant. */
export function viewerPoolingArea(): string {
  const u = session.viewer?.user;
  return u?.poolingArea ?? u?.grants.find((g) => g.poolingArea)?.poolingArea ?? '3702';
}

const mutate = <D, V extends AnyVariables, T>(doc: TypedDocumentNode<D, V>, variables: V, pick: (d: D) => T) =>
  settle(client.mutation(doc, variables).toPromise(), pick);

// ---- agencies -----------------------------------------------------------------------------------------

export const loadAgencies = (kind: AgencyKind | null, search: string | null) =>
  settle(fresh(AgenciesQuery, { kind, search }), (d) => d.agencies);

export const loadAgency = (id: string) => settle(fresh(AgencyQuery, { id }), (d) => d);

export const registerAgency = (poolingArea: string, input: AgencyInput) =>
  mutate(RegisterAgencyMutation, { poolingArea, input }, (d) => d.registerAgency);

export const updateAgency = (id: string, input: AgencyInput) => mutate(UpdateAgencyMutation, { id, input }, (d) => d.updateAgency);

// ---- contracts ----------------------------------------------------------------------------------------

export const loadContracts = (filter: { agencyId?: string | null; state?: string | null; expiringWithinDays?: number | null }) =>
  settle(fresh(ContractsQuery, filter), (d) => d.contracts);

export const loadContract = (id: string) => settle(fresh(ContractQuery, { id, poolingArea: viewerPoolingArea() }), (d) => d);

export const applyForContract = (input: ContractApplicationInput) => mutate(ApplyForContractMutation, { input }, (d) => d.applyForContract);

export const submitContract = (id: string) => mutate(SubmitContractMutation, { id }, (d) => d.submitContract);
export const approveContract = (id: string) => mutate(ApproveContractMutation, { id }, (d) => d.approveContract);
export const rejectContract = (id: string, reason: string) => mutate(RejectContractMutation, { id, reason }, (d) => d.rejectContract);
export const suspendContract = (id: string, reason: string, from: string, until: string | null) =>
  mutate(SuspendContractMutation, { id, reason, from, until }, (d) => d.suspendContract);
export const resumeContract = (id: string) => mutate(ResumeContractMutation, { id }, (d) => d.resumeContract);
export const terminateContract = (id: string, reason: string) => mutate(TerminateContractMutation, { id, reason }, (d) => d.terminateContract);

export const addPriceSchedule = (contractId: string, input: PriceScheduleInput) =>
  mutate(AddPriceScheduleMutation, { contractId, input }, (d) => d.addPriceSchedule);

/** The version in force on a day: the latest that took effect on or before it (as the server's rule). */
export function versionOn(versions: readonly PriceScheduleVersion[], day: string): PriceScheduleVersion | null {
  let found: PriceScheduleVersion | null = null;
  for (const v of versions) if (v.effectiveFrom <= day && (!found || v.effectiveFrom > found.effectiveFrom)) found = v;
  return found;
}

// ---- caregivers ---------------------------------------------------------------------------------------

/** Caregivers a page at a time (a city has thousands), with the certificate counts of the whole scope. */
export const CAREGIVER_PAGE_SIZE = 50;
export const loadCaregivers = (
  filter: { agencyId?: string | null; search?: string | null; certificateExpiringWithinDays?: number | null },
  cursor: { after?: string | null; before?: string | null } = {},
) =>
  settle(
    fresh(CaregiversQuery, {
      ...filter,
      ...(cursor.before ? { last: CAREGIVER_PAGE_SIZE, before: cursor.before } : { first: CAREGIVER_PAGE_SIZE, after: cursor.after ?? null }),
    }),
    (d) => ({ page: d.caregivers, counts: d.caregiverCertificateCounts }),
  );

export const addCaregiver = (input: CaregiverInput) => mutate(AddCaregiverMutation, { input }, (d) => d.addCaregiver);

export const updateCaregiver = (id: string, input: CaregiverUpdateInput) => mutate(UpdateCaregiverMutation, { id, input }, (d) => d.updateCaregiver);

// ---- evaluations and violations -----------------------------------------------------------------------

export const loadEvaluations = (agencyId: string | null) => settle(fresh(EvaluationsQuery, { agencyId }), (d) => d);

export const evaluateAgency = (agencyId: string, quarter: string, scores: Record<string, number>) =>
  mutate(EvaluateAgencyMutation, { agencyId, quarter, scores }, (d) => d.evaluateAgency);

export const recordViolation = (input: ViolationInput) => mutate(RecordViolationMutation, { input }, (d) => d.recordViolation);

/**
 * The grade a total would get on the sheet: the band with the highest minimum the total reaches. A preview only;
 * the server scores the sheet again and decides.
 */
export function gradeFor(total: number, grades: EvaluationSheet['grades']): EvaluationSheet['grades'][number] | null {
  return [...grades].sort((a, b) => b.min - a.min).find((g) => total >= g.min) ?? null;
}

/** The quarter a day falls in, e.g. 2026Q4. */
export function quarterOf(day: string): string {
  return `${day.slice(0, 4)}Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}
