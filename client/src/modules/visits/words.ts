// The rules' findings, the hard rules' refusals and the server's rejections in plain words, from their evidence,
// in the language shown (the rules' own one-line summaries are Chinese only, and terse).
import type { Translate } from '../../lib/i18n/problems';
import type { RecordError } from './queue';
import type { Finding, Rejection, VisitSettings } from './rules';

/** Metres as people say them: "850 米", "1.2 公里". */
export function distanceText(t: Translate, metres: number): string {
  if (metres < 1000) return t('visits.distance.metres', { values: { n: Math.round(metres) } });
  return t('visits.distance.km', { values: { n: (Math.round(metres / 100) / 10).toString() } });
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A finding (from the phone's precheck or the server) as a sentence; `itemName` names plan items by code. */
export function findingText(t: Translate, f: Pick<Finding, 'rule' | 'evidence' | 'summary'>, itemName: (code: string) => string = (c) => c): string {
  const e = f.evidence ?? {};
  const key = `visits.rule.${f.rule}`;
  switch (f.rule) {
    case 'R01':
      return t(key, { values: { minutes: num(e.overlapMinutes) } });
    case 'R02':
      return t(key, { values: { date: str(e.admittedOn) } });
    case 'R03':
      return t(key, { values: { date: str(e.dateOfDeath) } });
    case 'R04': {
      const dIn = e.checkInMetres == null ? null : num(e.checkInMetres);
      const dOut = e.checkOutMetres == null ? null : num(e.checkOutMetres);
      const worst = Math.max(dIn ?? 0, dOut ?? 0);
      const missing = Array.isArray(e.missing) ? (e.missing as string[]) : [];
      if (worst <= num(e.limitMetres) && missing.length) {
        const which = t(missing.length === 2 ? 'visits.rule.R04both' : missing[0] === 'checkIn' ? 'visits.rule.R04in' : 'visits.rule.R04out');
        return t('visits.rule.R04missing', { values: { which } });
      }
      const which = t(dIn !== null && dIn === worst ? 'visits.rule.R04in' : 'visits.rule.R04out');
      return t(key, { values: { which, distance: distanceText(t, worst), limit: num(e.limitMetres) } });
    }
    case 'R05':
      return t(key, { values: { actual: num(e.actualMinutes), standard: num(e.standardMinutes) } });
    case 'R06':
      return t(key, { values: { item: itemName(str(e.code)), used: num(e.usedBefore), allowed: num(e.allowed), excess: num(e.excess) } });
    case 'R07':
      return t(key);
    case 'R08':
      return t(key, { values: { visit: num(e.visitOfDay), minutes: num(e.minutesSoFar), maxVisits: num(e.maxVisits), maxMinutes: num(e.maxMinutes) } });
    case 'R09':
      return t(key, { values: { km: num(e.km), minutes: num(e.minutes) } });
    case 'R10':
      return t(key, { values: { hours: num(e.hoursLate) } });
    default:
      return f.summary;
  }
}

/** A hard rule the record would break, as the phone's precheck finds it. */
export function refusalText(t: Translate, r: Rejection, position: { accuracy: number } | null, s: Pick<VisitSettings, 'maxDistanceKm' | 'maxVisitHours' | 'maxAccuracyMetres'>): string {
  switch (r.code) {
    case 'POSITION_OUT_OF_RANGE':
      if (!position || !Number.isFinite(position.accuracy) || position.accuracy < 0) return t('visits.refusal.POSITION_INVALID');
      return position.accuracy > s.maxAccuracyMetres
        ? t('visits.refusal.POSITION_ACCURACY', { values: { accuracy: Math.round(position.accuracy) } })
        : t('visits.refusal.POSITION_FAR', { values: { km: s.maxDistanceKm } });
    case 'TOO_LONG':
      return t('visits.refusal.TOO_LONG', { values: { hours: s.maxVisitHours } });
    case 'CHECK_OUT_NOT_AFTER_CHECK_IN':
    case 'IN_FUTURE':
      return t(`visits.refusal.${r.code}`);
    default:
      return r.message;
  }
}

/** Why the server (or the phone, for a check-out whose check-in was refused) refused a record. */
export function rejectionText(t: Translate, e: RecordError | null): string {
  if (!e) return t('visits.reason.other');
  const key = e.reason ?? e.code;
  return t(`visits.reason.${key}`, { default: t(`visits.reason.${e.code}`, { default: e.message ? `${t('visits.reason.other')} (${e.message})` : t('visits.reason.other') }) });
}

/** Whether the caregiver can correct a refused record on the phone (a check-out the server refused under a hard rule). */
export function correctable(kind: 'CHECK_IN' | 'CHECK_OUT', e: RecordError | null): boolean {
  return kind === 'CHECK_OUT' && e?.code === 'BAD_USER_INPUT' && e.reason !== 'TOO_LONG';
}
