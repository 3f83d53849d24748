// Reads and writes of the assessment module, each answering the data or the problem to show. Reads always go to
// the network: applications move through their states while a page is open, and the screens act on what is stored.
import type { AnyVariables, OperationResult, TypedDocumentNode } from '@urql/core';
import { client } from '../../lib/graphql/client';
import { noDataProblem, toProblem, type Loaded, type Problem } from '../../lib/graphql/errors';
import type {
  ApplicationDetailFieldsFragment,
  ObjectionDecision,
  ReviewDecision,
  ApplicationState,
  AssessmentApplicationFilter,
  AssessmentApplicationsQuery,
  AssessmentFormInput,
  AssessorInput,
  ConclusionFilter,
  ConclusionsQuery as ConclusionsResult,
  MyAssessmentTasksQuery,
  TaskFieldsFragment,
} from '../../lib/gql/graphql';
import {
  AssessorCandidatesQuery,
  RegisterAssessorMutation,
  AcceptMutation,
  ApplicationQuery,
  ApplicationsQuery,
  AssessorsQuery,
  AssignMutation,
  ConcludeMutation,
  DecideObjectionMutation,
  RecordObjectionMutation,
  RejectMutation,
  ReviewMutation,
  WithdrawMutation,
  ConclusionLevelsQuery,
  ConclusionsQuery,
  MyTasksQuery,
  OverdueTasksQuery,
  SaveDraftMutation,
  SettingsQuery,
  SubmitAssessmentMutation,
  TaskQuery,
} from './assessment.operations';

export type Application = ApplicationDetailFieldsFragment;
export type ApplicationTask = Application['tasks'][number];
export type ApplicationsPage = AssessmentApplicationsQuery['assessmentApplications'];
export type ApplicationListItem = ApplicationsPage['nodes'][number];
export type MyTask = MyAssessmentTasksQuery['myAssessmentTasks'][number];
export type Task = TaskFieldsFragment;
export type ConclusionsPage = ConclusionsResult['conclusions'];
export type ConclusionListItem = ConclusionsPage['nodes'][number];

export const PAGE_SIZE = 20;

/** The states in the order an application passes them; the last two end it early. */
export const APPLICATION_STATES: readonly ApplicationState[] = [
  'SUBMITTED',
  'ACCEPTED',
  'ASSESSING',
  'IN_REVIEW',
  'IN_NOTICE',
  'CONCLUDED',
  'REJECTED',
  'WITHDRAWN',
];

export const OPEN_STATES: readonly ApplicationState[] = ['SUBMITTED', 'ACCEPTED', 'ASSESSING', 'IN_REVIEW', 'IN_NOTICE'];

/** The data of a response, or the problem it carries. */
export async function settle<D, T>(pending: Promise<OperationResult<D, AnyVariables>>, pick: (data: D) => T): Promise<Loaded<T>> {
  const r = await pending;
  if (r.error) return { ok: false, problem: toProblem(r.error) };
  if (!r.data) return { ok: false, problem: noDataProblem() };
  return { ok: true, value: pick(r.data) };
}

/** A read that skips the cache. */
export function fresh<D, V extends AnyVariables>(query: TypedDocumentNode<D, V>, variables: V) {
  return client.query(query, variables, { requestPolicy: 'network-only' }).toPromise();
}

/** Cursor paging as the lists use it: forwards from `after`, or backwards to `before`. */
export function paging(req: { after?: string; before?: string }, size = PAGE_SIZE) {
  return req.before ? { last: size, before: req.before } : { first: size, after: req.after || null };
}

// ---- the assessor's forms ---------------------------------------------------------------------------

export const loadMyTasks = (open: boolean) => settle(fresh(MyTasksQuery, { open }), (d) => d.myAssessmentTasks);

export const loadTask = (id: string) => settle(fresh(TaskQuery, { id }), (d) => d.assessmentTask);

export const saveDraft = (taskId: string, input: AssessmentFormInput) =>
  settle(client.mutation(SaveDraftMutation, { taskId, input }).toPromise(), (d) => d.saveAssessmentDraft);

export const submitForm = (taskId: string, input: AssessmentFormInput) =>
  settle(client.mutation(SubmitAssessmentMutation, { taskId, input }).toPromise(), (d) => d.submitAssessment);

// ---- the fund office ----------------------------------------------------------------------------------

export const loadApplications = (filter: AssessmentApplicationFilter, req: { after?: string; before?: string }) =>
  settle(fresh(ApplicationsQuery, { filter, ...paging(req) }), (d) => d.assessmentApplications);

export const loadApplication = (id: string) => settle(fresh(ApplicationQuery, { id }), (d) => d.assessmentApplication);

export const loadOverdueTasks = () => settle(fresh(OverdueTasksQuery, {}), (d) => d.overdueAssessmentTasks);

// The workflow's verbs. Each answers little; the page reloads the application afterwards.
const mutate = <D, V extends AnyVariables>(doc: TypedDocumentNode<D, V>, variables: V) =>
  settle(client.mutation(doc, variables).toPromise(), () => true as const);

export const accept = (id: string) => mutate(AcceptMutation, { id });
export const reject = (id: string, reason: string) => mutate(RejectMutation, { id, reason });
export const withdraw = (id: string, reason: string) => mutate(WithdrawMutation, { id, reason });
export const assign = (id: string, assessorIds: string[], dueDate: string | null) => mutate(AssignMutation, { id, assessorIds, dueDate });
export const review = (id: string, decision: ReviewDecision, level: number | null, note: string | null) =>
  mutate(ReviewMutation, { id, decision, level, note });
export const recordObjection = (id: string, raisedBy: string, reason: string) => mutate(RecordObjectionMutation, { id, input: { raisedBy, reason } });
export const decideObjection = (objectionId: string, decision: Exclude<ObjectionDecision, 'PENDING'>, note: string) =>
  mutate(DecideObjectionMutation, { objectionId, decision, note });
export const conclude = (id: string) => mutate(ConcludeMutation, { id });

export const loadAssessors = () => settle(fresh(AssessorsQuery, {}), (d) => d.assessors);

export const loadAssessorCandidates = () => settle(fresh(AssessorCandidatesQuery, {}), (d) => d.assessorCandidates);

export const registerAssessor = (input: AssessorInput) => mutate(RegisterAssessorMutation, { input });

export const loadSettings = (poolingArea: string) => settle(fresh(SettingsQuery, { poolingArea }), (d) => d.assessmentSettings);

export const loadConclusions = (filter: ConclusionFilter, req: { after?: string; before?: string }, size = PAGE_SIZE) =>
  settle(fresh(ConclusionsQuery, { filter, ...paging(req, size) }), (d) => d.conclusions);

/** The most pages the chart reads (100 each); beyond that it says it counted only part. */
const MAX_CHART_PAGES = 10;

/**
 * Conclusions per level (index = level) for a filter. The API has no aggregate, so this pages through the levels
 * alone, 100 at a time; `partial` tells that the cap was reached.
 */
export async function countByLevel(filter: ConclusionFilter): Promise<Loaded<{ counts: number[]; total: number; partial: boolean }>> {
  const counts = [0, 0, 0, 0, 0, 0];
  let after: string | null = null;
  let total = 0;
  for (let page = 0; page < MAX_CHART_PAGES; page++) {
    const r: Loaded<{ total: number; levels: number[]; next: string | null }> = await settle(
      fresh(ConclusionLevelsQuery, { filter, first: 100, after }),
      (d) => ({ total: d.conclusions.totalCount, levels: d.conclusions.nodes.map((n) => n.level), next: d.conclusions.pageInfo.hasNextPage ? d.conclusions.pageInfo.endCursor ?? null : null }),
    );
    if (!r.ok) return r;
    total = r.value.total;
    for (const l of r.value.levels) if (l >= 0 && l < counts.length) counts[l]! += 1;
    after = r.value.next;
    if (!after) return { ok: true, value: { counts, total, partial: false } };
  }
  return { ok: true, value: { counts, total, partial: true } };
}

// ---- documents (plain HTTP, same session cookie) ------------------------------------------------------

export const DOCUMENT_KINDS = ['MEDICAL_RECORD', 'ID_DOCUMENT', 'DISABILITY_PROOF', 'OTHER'] as const;
export type DocumentKindValue = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** Uploads one file to an application; the server answers the same error shape as GraphQL, in JSON. */
export async function uploadDocument(applicationId: string, kind: DocumentKindValue, file: File): Promise<Problem | null> {
  let res: Response;
  try {
    res = await fetch(`/api/assessment-applications/${encodeURIComponent(applicationId)}/documents?kind=${kind}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': file.type || 'application/octet-stream', 'x-filename': encodeURIComponent(file.name) },
      body: file,
    });
  } catch (e) {
    return { code: 'NETWORK', reason: null, message: String(e), fieldErrors: [] };
  }
  if (res.ok) return null;
  const body = (await res.json().catch(() => null)) as {
    error?: { code?: string; message?: string; reason?: string; fieldErrors?: { field: string; reason: string; message: string }[] };
  } | null;
  const e = body?.error;
  return {
    code: e?.code ?? (res.status === 413 ? 'BAD_USER_INPUT' : 'UNKNOWN'),
    reason: e?.reason ?? null,
    message: e?.message ?? res.statusText,
    fieldErrors: (e?.fieldErrors ?? []).map((f) => ({ field: `document.${f.field}`, reason: f.reason, message: f.message })),
  };
}
