// Reads and writes of monthly settlement (月度结算), each answering the data or the problem to show, and the
// calendar of a claim as the screens mark it. Reads go to the network: agencies and the fund office move a claim
// along while a page is open. The workflow's verbs carry a request id made here (a retry after a lost answer is
// then answered as the first time) and the version of the claim on screen (a claim changed since is refused).
import type { AnyVariables, TypedDocumentNode } from '@urql/core';
import { client } from '../../lib/graphql/client';
import type { Loaded } from '../../lib/graphql/errors';
import type {
  ClaimFieldsFragment,
  ClaimLineFieldsFragment,
  ClaimLineVisitsQuery,
  ClaimLinesQuery as LinesResult,
  ClaimsQuery as ClaimsResult,
  ClaimListFieldsFragment,
  ClaimRunFieldsFragment,
  ClaimState,
  GenerateClaimsMutation as GenerateResult,
} from '../../lib/gql/graphql';
import { todayInShanghai } from '../../lib/format';
import { newId } from '../../lib/uuid';
import { fresh, settle } from '../assessment/assessment';
import { RULES } from '../findings/evidence';
import {
  AddReviewDeductionMutation,
  ApproveClaimMutation,
  ClaimLineVisitsQuery as LineVisitsQuery,
  ClaimLinesQuery,
  ClaimQuery,
  ClaimRunQuery,
  ClaimRunsQuery,
  ClaimsQuery,
  DeclareClaimMutation,
  GenerateClaimsMutation,
  RecordClaimPaymentMutation,
  RemoveReviewDeductionMutation,
  ReturnClaimMutation,
  StartClaimReviewMutation,
  StartClaimRunMutation,
} from './billing.operations';

export type Claim = ClaimFieldsFragment;
export type ClaimListItem = ClaimListFieldsFragment;
export type ClaimLine = ClaimLineFieldsFragment;
export type ClaimEvent = Claim['events'][number];
export type ClaimVisit = ClaimLineVisitsQuery['claimLineVisits'][number];
export type ReviewDeduction = ClaimLine['reviewDeductions'][number];
export type Generation = GenerateResult['generateClaims'];
export type ClaimList = ClaimsResult['claims'];
export type ClaimRun = ClaimRunFieldsFragment;
export type LineList = LinesResult['claimLines'];

export const CLAIM_STATES: readonly ClaimState[] = ['DRAFT', 'DECLARED', 'UNDER_REVIEW', 'APPROVED', 'PAID'];
/** Care forms in the order the server sorts lines. */
export const CARE_FORMS = ['HOME', 'INSTITUTION', 'HOSPITAL', 'FAMILY', 'DEVICE'] as const;
/** What the audit deducts a line for: a rule's findings, or units beyond the plan. */
export const LINE_RULES: readonly string[] = [...RULES, 'OVER_PLAN'];
/** Reason codes of a fund officer's deduction (审核扣减), as the server accepts them. */
export const REVIEW_REASONS = ['NOT_PROVIDED', 'RECORD_DEFECT', 'OVER_PLAN', 'DUPLICATE', 'PRICE', 'OTHER'] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

export const CLAIMS_PAGE_SIZE = 25;
export const LINES_PAGE_SIZE = 50;

// ---- the calendar ------------------------------------------------------------------------------------

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
export const isMonth = (s: string | null | undefined): s is string => !!s && MONTH.test(s);

/** This month (YYYY-MM) in Asia/Shanghai. */
export const thisMonth = (now: Date = new Date()) => todayInShanghai(now).slice(0, 7);

/** The month before this one in Asia/Shanghai: the one an agency settles. */
export function lastMonth(now: Date = new Date()): string {
  const [y, m] = thisMonth(now).split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The declaration is due (by the 8th of the next month) and has not been made: overdue once that day has passed. */
export const declareOverdue = (c: Pick<Claim, 'state' | 'declareBy'>, today = todayInShanghai()) => c.state === 'DRAFT' && today > c.declareBy;

/** Payment is due by the 30th of the next month: overdue after it for any claim not yet paid. */
export const payOverdue = (c: Pick<Claim, 'state' | 'payBy'>, today = todayInShanghai()) => c.state !== 'PAID' && today > c.payBy;

// ---- reads -------------------------------------------------------------------------------------------

export interface ClaimsFilter {
  month: string | null;
  state: ClaimState | null;
  agencyId: string | null;
}

export const loadClaims = (f: ClaimsFilter, offset: number, first = CLAIMS_PAGE_SIZE) =>
  settle(fresh(ClaimsQuery, { ...f, first, offset }), (d) => d.claims);

export const loadClaim = (id: string) => settle(fresh(ClaimQuery, { id }), (d) => d.claim);

export interface LineFilter {
  form: string | null;
  rule: string | null;
  excessOnly: boolean | null;
  changePercent: number | null;
  reviewed: boolean | null;
}

export const loadLines = (claimId: string, f: LineFilter, offset: number) =>
  settle(fresh(ClaimLinesQuery, { claimId, ...f, first: LINES_PAGE_SIZE, offset }), (d) => d.claimLines);

/**
 * One line, read again after a change when the list's filter no longer shows it (a review deduction removed under
 * "reviewed only"). Lines are numbered 1…n in the server's order, so position n is the nth of the unfiltered list.
 */
export async function loadLineAt(claimId: string, line: Pick<ClaimLine, 'id' | 'position'>): Promise<ClaimLine | null> {
  const none: LineFilter = { form: null, rule: null, excessOnly: null, changePercent: null, reviewed: null };
  const r = await settle(fresh(ClaimLinesQuery, { claimId, ...none, first: 1, offset: line.position - 1 }), (d) => d.claimLines.nodes[0] ?? null);
  return r.ok && r.value?.id === line.id ? r.value : null;
}

export const loadLineVisits = (lineId: string) => settle(fresh(LineVisitsQuery, { lineId }), (d) => d.claimLineVisits);

// ---- writes ------------------------------------------------------------------------------------------

const mutate = <D, V extends AnyVariables, T>(doc: TypedDocumentNode<D, V>, variables: V, pick: (d: D) => T) =>
  settle(client.mutation(doc, variables).toPromise(), pick);

/** An agency's claim of a month (a draft is replaced whole). */
export const generateForAgency = (month: string, agencyId: string) => mutate(GenerateClaimsMutation, { month, agencyId }, (d) => d.generateClaims);

/**
 * Starts generating the month's claims of every agency contracted in a pooling area in the background (claims past
 * draft are left as they are), or answers the run already under way for that area and month.
 */
export const startClaimRun = (month: string, poolingArea: string) => mutate(StartClaimRunMutation, { month, poolingArea }, (d) => d.startClaimRun);

export const loadClaimRun = (id: string) => settle(fresh(ClaimRunQuery, { id }), (d) => d.claimRun);

/** The area's run of a month still queued or running, if any: a page opened again shows its progress. */
export const loadActiveRun = (poolingArea: string, month: string) =>
  settle(fresh(ClaimRunsQuery, { poolingArea, month }), (d) => d.claimRuns.find((r) => r.state === 'QUEUED' || r.state === 'RUNNING') ?? null);

/** A run has ended (done, or failed after its retries). */
export const runEnded = (r: Pick<ClaimRun, 'state'>) => r.state === 'DONE' || r.state === 'FAILED';

export type Verb = 'declare' | 'review' | 'return' | 'approve' | 'pay';

export interface Payment {
  amountFen: number;
  paidOn: string;
  reference: string;
}

/**
 * One request id per verb and claim until the verb is answered: pressing again after a lost answer repeats the
 * same request (the server answers it as the first time) rather than making a second one.
 */
const pendingIds = new Map<string, string>();
const requestIdFor = (claimId: string, verb: Verb) => {
  const key = `${claimId}:${verb}`;
  let id = pendingIds.get(key);
  if (!id) pendingIds.set(key, (id = newId()));
  return id;
};

/** Moves a claim one step. `version` is the one on screen: a claim changed since is refused as STALE. */
export async function move(claim: Pick<Claim, 'id' | 'version'>, verb: Verb, extra: { reason?: string; payment?: Payment } = {}): Promise<Loaded<Claim>> {
  const base = { id: claim.id, requestId: requestIdFor(claim.id, verb), version: claim.version };
  const r =
    verb === 'declare' ? await mutate(DeclareClaimMutation, base, (d) => d.declareClaim)
    : verb === 'review' ? await mutate(StartClaimReviewMutation, base, (d) => d.startClaimReview)
    : verb === 'return' ? await mutate(ReturnClaimMutation, { ...base, reason: extra.reason ?? '' }, (d) => d.returnClaim)
    : verb === 'approve' ? await mutate(ApproveClaimMutation, base, (d) => d.approveClaim)
    : await mutate(RecordClaimPaymentMutation, { ...base, payment: extra.payment! }, (d) => d.recordClaimPayment);
  // Answered (done or refused): the next press is a new request. Only an unreachable server keeps the id.
  if (r.ok || r.problem.code !== 'NETWORK') pendingIds.delete(`${claim.id}:${verb}`);
  return r;
}

export interface DeductionInput {
  lineId: string;
  reason: ReviewReason;
  amountFen: number;
  note: string | null;
}

/** The id of a deduction being entered: kept while the same deduction is retried, new for any other. */
let pendingDeduction: { key: string; id: string } | null = null;

export async function addReviewDeduction(input: DeductionInput): Promise<Loaded<Claim>> {
  const key = JSON.stringify(input);
  if (pendingDeduction?.key !== key) pendingDeduction = { key, id: newId() };
  const r = await mutate(AddReviewDeductionMutation, { input: { id: pendingDeduction.id, ...input } }, (d) => d.addReviewDeduction);
  if (r.ok || r.problem.code !== 'NETWORK') pendingDeduction = null;
  return r;
}

export const removeReviewDeduction = (id: string) => mutate(RemoveReviewDeductionMutation, { id }, (d) => d.removeReviewDeduction);
