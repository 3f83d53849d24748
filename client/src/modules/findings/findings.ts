// Reads and writes of the findings module (稽核发现), each answering the data or the problem to show, and the words
// for a finding's evidence. Reads go to the network: caregivers' phones raise findings and supervisors decide them
// while a page is open.
import type { AnyVariables, TypedDocumentNode } from '@urql/core';
import { client } from '../../lib/graphql/client';
import type { FindingCountsQuery as CountsResult, FindingFieldsFragment, FindingStatus, FindingsQueueQuery as QueueResult } from '../../lib/gql/graphql';
import type { Translate } from '../../lib/i18n/problems';
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

export const RULES = ['R01', 'R02', 'R03', 'R04', 'R05', 'R06', 'R07', 'R08', 'R09', 'R10'] as const;
export type Rule = (typeof RULES)[number];
export const STATUSES: readonly FindingStatus[] = ['OPEN', 'CONFIRMED', 'DISMISSED'];
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

// ---- words ---------------------------------------------------------------------------------------------

/** A rule's name in the language shown, else the server's (Chinese) name. */
export const ruleName = (t: Translate, rule: string, fallback = rule) => t(`findings.rule.${rule}`, { default: fallback });

/** Metres as people read a distance: "850 米", "1.2 公里". */
export function distanceText(t: Translate, metres: number | null | undefined): string {
  if (metres === null || metres === undefined || !Number.isFinite(metres)) return t('common.empty');
  if (Math.abs(metres) < 1000) return t('findings.unit.metres', { values: { n: Math.round(metres) } });
  const km = Math.round(metres / 100) / 10;
  return t('findings.unit.km', { values: { n: km.toLocaleString('en-US', { maximumFractionDigits: 1 }) } });
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** One line of evidence; a link where it points at another visit. */
export interface EvidenceLine {
  text: string;
  link?: { href: string; label: string };
}

/** What the page knows beside the finding: item names from the plan, the area's settings. */
export interface EvidenceContext {
  itemName?: (code: string) => string | null;
  settings?: Record<string, unknown> | null;
}

/** The finding's evidence in words, e.g. R06 "A07 协助进食：计划本月 8 次，此前已做 8 次，本次 1 次，超出 1 次". */
export function evidenceLines(t: Translate, f: Pick<Finding, 'rule' | 'evidence' | 'summary'>, ctx: EvidenceContext = {}): EvidenceLine[] {
  const e = f.evidence ?? {};
  const v = (values: Record<string, string | number>) => ({ values });
  const visitLink = (id: string | null, label: string) => (id ? { href: `#/visits/${id}`, label } : undefined);
  switch (f.rule) {
    case 'R01':
      return [{ text: t('findings.evidence.R01', v({ minutes: num(e.overlapMinutes) ?? 0 })), link: visitLink(str(e.otherVisitId), t('findings.evidence.R01link')) }];
    case 'R02':
      return [
        {
          text: str(e.dischargedOn)
            ? t('findings.evidence.R02', v({ admitted: str(e.admittedOn) ?? '', discharged: str(e.dischargedOn)! }))
            : t('findings.evidence.R02open', v({ admitted: str(e.admittedOn) ?? '' })),
        },
      ];
    case 'R03':
      return [{ text: t('findings.evidence.R03', v({ date: str(e.dateOfDeath) ?? '' })) }];
    case 'R04': {
      const limit = num(e.limitMetres) ?? 300;
      const lines: EvidenceLine[] = [];
      for (const [key, m] of [['in', num(e.checkInMetres)], ['out', num(e.checkOutMetres)]] as const) {
        if (m === null) lines.push({ text: t(`findings.evidence.R04none.${key}`) });
        else if (m > limit) lines.push({ text: t(`findings.evidence.R04over.${key}`, v({ distance: distanceText(t, m), limit: distanceText(t, limit), over: distanceText(t, m - limit) })) });
        else lines.push({ text: t(`findings.evidence.R04within.${key}`, v({ distance: distanceText(t, m), limit: distanceText(t, limit) })) });
      }
      return lines;
    }
    case 'R05': {
      const actual = num(e.actualMinutes) ?? 0;
      const standard = num(e.standardMinutes) ?? 0;
      const share = num(e.sharePercent) ?? 80;
      return [{ text: t('findings.evidence.R05', v({ actual, standard, share, threshold: Math.ceil((standard * share) / 100) })) }];
    }
    case 'R06': {
      const code = str(e.code) ?? '';
      const name = ctx.itemName?.(code);
      return [
        {
          text: t('findings.evidence.R06', v({ item: name ? `${code} ${name}` : code, allowed: num(e.allowed) ?? 0, used: num(e.usedBefore) ?? 0, quantity: num(e.quantity) ?? 0, excess: num(e.excess) ?? 0 })),
        },
      ];
    }
    case 'R07':
      return [{ text: t('findings.evidence.R07') }];
    case 'R08':
      return [
        {
          text: t('findings.evidence.R08', v({ n: num(e.visitOfDay) ?? 0, maxVisits: num(e.maxVisits) ?? 0, minutes: num(e.minutesSoFar) ?? 0, maxMinutes: num(e.maxMinutes) ?? 0 })),
        },
      ];
    case 'R09': {
      const kmh = num(e.kmh);
      const limit = num(ctx.settings?.travelKmh);
      const speed = kmh === null ? t('findings.evidence.R09instant') : t('findings.evidence.R09speed', v({ kmh }));
      return [
        {
          text: t('findings.evidence.R09', v({ km: num(e.km) ?? 0, minutes: num(e.minutes) ?? 0, speed })) + (limit !== null ? t('findings.evidence.R09limit', v({ limit })) : ''),
          link: visitLink(str(e.previousVisitId), t('findings.evidence.R09link')),
        },
      ];
    }
    case 'R10': {
      const hours = num(e.hoursLate) ?? 0;
      const limit = num(e.limitHours) ?? 48;
      return [{ text: t('findings.evidence.R10', v({ hours, limit, late: Math.max(0, hours - limit) })) }];
    }
    default:
      return [{ text: f.summary }];
  }
}

/** The visit a finding points at, if any (R01 the overlapping one, R09 the one before). */
export function relatedVisitId(f: Pick<Finding, 'rule' | 'evidence'>): string | null {
  if (f.rule === 'R01') return str(f.evidence?.otherVisitId);
  if (f.rule === 'R09') return str(f.evidence?.previousVisitId);
  return null;
}
