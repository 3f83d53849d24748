// Reads and writes of the findings module (稽核发现), each answering the data or the problem to show, and the words
// for a finding's evidence. Reads go to the network: caregivers' phones raise findings and supervisors decide them
// while a page is open.
import type { AnyVariables, TypedDocumentNode } from '@urql/core';
import { client } from '../../lib/graphql/client';
import type { FindingCountsQuery as CountsResult, FindingFieldsFragment, FindingStatus, FindingsQueueQuery as QueueResult } from '../../lib/gql/graphql';
import { fresh, settle } from '../assessment/assessment';
import {
  DecideFindingMutation,
  ExplainFindingMutation,
  FindingAgenciesQuery,
  FindingCountsQuery,
  FindingsQueueQuery,
  ImportHospitalStaysMutation,
} from './findings.operations';

export type Finding = FindingFieldsFragment;
export type QueuePage = QueueResult['findingsQueue'];
export type RuleCount = CountsResult['findingCounts'][number];

export const QUEUE_PAGE_SIZE = 25;
/** A rule whose decided findings are mostly dismissed raises false alarms: its parameters want another look. */
export const FALSE_ALARM_SHARE = 0.5;

const mutate = <D, V extends AnyVariables, T>(doc: TypedDocumentNode<D, V>, variables: V, pick: (d: D) => T) =>
  settle(client.mutation(doc, variables).toPromise(), pick);

export interface QueueFilter {
  status: FindingStatus | null;
  rule: string | null;
  agencyId: string | null;
  from: string | null;
  to: string | null;
}

export const loadQueue = (f: QueueFilter, offset: number) =>
  settle(fresh(FindingsQueueQuery, { ...f, first: QUEUE_PAGE_SIZE, offset }), (d) => d.findingsQueue);

export const loadCounts = (f: Pick<QueueFilter, 'agencyId' | 'from' | 'to'>) => settle(fresh(FindingCountsQuery, f), (d) => d.findingCounts);

export const loadAgencies = () => settle(fresh(FindingAgenciesQuery, {}), (d) => d.agencies);

export const explainFinding = (id: string, explanation: string) => mutate(ExplainFindingMutation, { id, explanation }, (d) => d.explainFinding);

export const decideFinding = (id: string, decision: 'CONFIRM' | 'DISMISS', note: string | null) =>
  mutate(DecideFindingMutation, { id, decision, note }, (d) => d.decideFinding);

export const importHospitalStays = (poolingArea: string, csv: string) =>
  mutate(ImportHospitalStaysMutation, { poolingArea, csv }, (d) => d.importHospitalStays);

/** Open findings of all rules: the number a supervisor has still to work through. */
export const openTotal = (counts: readonly RuleCount[]) => counts.reduce((sum, c) => sum + c.open, 0);

export { RULES, STATUSES, distanceText, evidenceLines, relatedVisitId, ruleName, type EvidenceContext, type EvidenceLine, type Rule } from './evidence';
