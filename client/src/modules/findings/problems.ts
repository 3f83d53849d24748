// Words for the refusals of the visit and finding API. A CONFLICT names its reason (DECIDED, CLAIMED, …) and the
// state the record is in now; a refused record (BAD_USER_INPUT) names the hard rule it broke. The module's own
// words come first, the app's general ones after.
import type { FieldProblem, Problem } from '../../lib/graphql/errors';
import { fieldErrorText, problemText, type Translate } from '../../lib/i18n/problems';

/** The banner's first line for a problem of the visit desk or the findings queue. */
export function findingProblemText(t: Translate, p: Problem): string {
  if (p.code === 'CONFLICT' && p.reason) {
    const state = p.state ? t(`findings.status.${p.state}`, { default: t(`findings.visit.status.${p.state}`, { default: p.state }) }) : '';
    return t(`findings.conflict.${p.reason}`, { values: { state }, default: problemText(t, p) });
  }
  if (p.code === 'BAD_USER_INPUT' && p.reason) return t(`findings.reject.${p.reason}`, { default: problemText(t, p) });
  if (p.code === 'NOT_FOUND') return t('findings.notFound');
  return problemText(t, p);
}

/** A field error in this module's words. */
export function findingFieldText(t: Translate, e: FieldProblem): string {
  return t(`findings.reject.${e.reason}`, { default: fieldErrorText(t, e) });
}
