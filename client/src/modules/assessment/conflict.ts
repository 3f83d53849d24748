// Words for a workflow CONFLICT: the server refuses a verb that the record's current state does not allow and
// names that state, which someone else (or another tab) has usually just changed.
import type { Problem } from '../../lib/graphql/errors';
import type { Translate } from '../../lib/i18n/problems';

/** The name of a state as the server reports it: an application's, a form's, or an objection's decision. */
export function stateName(t: Translate, state: string): string {
  return t(`enum.applicationState.${state}`, {
    default: t(`enum.taskState.${state}`, { default: t(`enum.objectionDecision.${state}`, { default: state }) }),
  });
}

/** Extra banner lines for a problem: for a conflict, the state the record is in now. */
export function conflictDetails(t: Translate, p: Problem | null): string[] {
  if (!p || p.code !== 'CONFLICT' || !p.state) return [];
  return [t('assessment.conflict.currentState', { values: { state: stateName(t, p.state) } })];
}
