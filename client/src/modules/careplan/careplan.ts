// Reads and writes of the care-plan module, each answering the data or the problem to show. Reads go to the
// network: plans are accepted, submitted and approved by others while a page is open.
import type { AnyVariables, TypedDocumentNode } from '@urql/core';
import { client } from '../../lib/graphql/client';
import type {
  CarePlanAttention,
  CarePlanDraftInput,
  CarePlanEndReason,
  CarePlanFieldsFragment,
  CarePlanLineFieldsFragment,
  CarePlanVersionFieldsFragment,
  CarePlanVersionQuery as VersionPageResult,
  CarePlansQuery as CarePlansResult,
  PlanCostFieldsFragment,
} from '../../lib/gql/graphql';
import { fresh, paging, settle } from '../assessment/assessment';
import {
  AcceptCarePlanMutation,
  ApproveCarePlanMutation,
  CarePlanCountsQuery,
  CarePlanQuery,
  CarePlansQuery,
  CarePlanVersionQuery,
  DeclineCarePlanMutation,
  DiscardCarePlanVersionMutation,
  EndCarePlanMutation,
  RecordSelfPayConsentMutation,
  ReturnCarePlanMutation,
  ReviseCarePlanMutation,
  SaveCarePlanDraftMutation,
  SubmitCarePlanMutation,
} from './careplan.operations';

export type PlansPage = CarePlansResult['carePlans'];
export type PlanListItem = PlansPage['nodes'][number];
export type Plan = CarePlanFieldsFragment;
export type VersionSummary = Plan['versions'][number];
export type Version = CarePlanVersionFieldsFragment;
export type Line = CarePlanLineFieldsFragment;
export type SavedCost = PlanCostFieldsFragment;
export type EditorOptions = VersionPageResult['carePlanEditorOptions'];
export type PricedItem = EditorOptions['items'][number];
export type Device = EditorOptions['devices'][number];
export type AssessmentSummary = NonNullable<VersionPageResult['carePlanAssessment']>;
export type Counts = Record<CarePlanAttention, number>;

/** The queues in the order of the work: the agency's first, then the fund office's. */
export const ATTENTIONS: readonly CarePlanAttention[] = ['TO_ACCEPT', 'TO_DRAFT', 'TO_REVISE', 'TO_APPROVE', 'TO_TRANSFER', 'TO_END'];
/** The queues an agency works; the others wait for the fund office. */
export const AGENCY_ATTENTIONS: readonly CarePlanAttention[] = ['TO_ACCEPT', 'TO_DRAFT', 'TO_REVISE'];
export const END_REASONS: readonly CarePlanEndReason[] = ['DEATH', 'SUSPENSION', 'NEW_CONCLUSION', 'AGENCY_CHANGE', 'FORM_CHANGE', 'WITHDRAWN', 'CONCLUSION_EXPIRED'];
/** Stored states of a version that was approved once: its approved plan can be printed. */
export const APPROVED_STATES = ['APPROVED', 'SUPERSEDED', 'ENDED'];

export const PAGE_SIZE = 20;

/** The printable plan of an approved version (a PDF from the same server and session). */
export const pdfUrl = (versionId: string) => `/api/care-plan-versions/${encodeURIComponent(versionId)}/pdf`;

const mutate = <D, V extends AnyVariables, T>(doc: TypedDocumentNode<D, V>, variables: V, pick: (d: D) => T) =>
  settle(client.mutation(doc, variables).toPromise(), pick);

// ---- reading ------------------------------------------------------------------------------------------

export const loadPlans = (attention: CarePlanAttention | null, search: string | null, req: { after?: string; before?: string }) =>
  settle(fresh(CarePlansQuery, { attention, search, ...paging(req, PAGE_SIZE) }), (d) => d.carePlans);

export const loadCounts = () =>
  settle(fresh(CarePlanCountsQuery, {}), (d) => Object.fromEntries(ATTENTIONS.map((a) => [a, d.carePlanCounts[a]])) as Counts);

export const loadPlan = (id: string) => settle(fresh(CarePlanQuery, { id }), (d) => d.carePlan);

export const loadVersionPage = (id: string, withAssessment: boolean) =>
  settle(fresh(CarePlanVersionQuery, { id, withAssessment }), (d) => ({
    version: d.carePlanVersion,
    options: d.carePlanEditorOptions,
    assessment: d.carePlanAssessment ?? null,
  }));

// ---- the agency ---------------------------------------------------------------------------------------

export const acceptPlan = (id: string) => mutate(AcceptCarePlanMutation, { id }, (d) => d.acceptCarePlan);
export const declinePlan = (id: string, reason: string) => mutate(DeclineCarePlanMutation, { id, reason }, (d) => d.declineCarePlan);
export const revisePlan = (planId: string, redraft: boolean) => mutate(ReviseCarePlanMutation, { planId, redraft }, (d) => d.reviseCarePlan);
export const saveDraft = (versionId: string, input: CarePlanDraftInput) =>
  mutate(SaveCarePlanDraftMutation, { versionId, input }, (d) => d.saveCarePlanDraft);
export const recordConsent = (versionId: string, signedBy: string, relation: string) =>
  mutate(RecordSelfPayConsentMutation, { versionId, input: { signedBy, relation } }, (d) => d.recordSelfPayConsent);
export const submitVersion = (versionId: string) => mutate(SubmitCarePlanMutation, { versionId }, (d) => d.submitCarePlan);
export const discardVersion = (versionId: string) => mutate(DiscardCarePlanVersionMutation, { versionId }, (d) => d.discardCarePlanVersion);

// ---- the fund office, and both ------------------------------------------------------------------------

export const approveVersion = (versionId: string) => mutate(ApproveCarePlanMutation, { versionId }, (d) => d.approveCarePlan);
export const returnVersion = (versionId: string, reason: string) => mutate(ReturnCarePlanMutation, { versionId, reason }, (d) => d.returnCarePlan);
export const endPlan = (id: string, date: string, reason: CarePlanEndReason, note: string | null) =>
  mutate(EndCarePlanMutation, { id, input: { date, reason, note } }, (d) => d.endCarePlan);
