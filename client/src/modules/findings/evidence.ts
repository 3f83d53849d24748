// A finding's evidence in words, and the words around it (distances, rule names). Pure functions of a translator:
// the visit page, the queue and the unit tests share them.
// Explicit extensions: the unit tests type-check these pure modules under the server's module resolution.
import type { FindingFieldsFragment, FindingStatus } from '../../lib/gql/graphql.ts';

/** svelte-i18n's `$_` as these functions use it (the same shape as lib/i18n/problems.ts Translate). */
export type Translate = (id: string, options?: { values?: Record<string, string | number>; default?: string }) => string;

export const RULES = ['R01', 'R02', 'R03', 'R04', 'R05', 'R06', 'R07', 'R08', 'R09', 'R10'] as const;
export type Rule = (typeof RULES)[number];
export const STATUSES: readonly FindingStatus[] = ['OPEN', 'CONFIRMED', 'DISMISSED'];

type Finding = Pick<FindingFieldsFragment, 'rule' | 'evidence' | 'summary'>;

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
export function evidenceLines(t: Translate, f: Finding, ctx: EvidenceContext = {}): EvidenceLine[] {
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
