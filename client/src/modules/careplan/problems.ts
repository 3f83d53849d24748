// Words for the care-plan API's refusals. A CONFLICT names its reason (EXCESS_NOT_CONSENTED, STALE, …) and the state
// the plan or version is in now; a field error names the line it is about (`lines.3.code`). The module's own words
// come first, the app's general ones after.
import type { FieldProblem, Problem } from '../../lib/graphql/errors';
import { fieldErrorText, problemText, type Translate } from '../../lib/i18n/problems';

/** The banner's first line for a problem of this module. */
export function planProblemText(t: Translate, p: Problem): string {
  if (p.code === 'CONFLICT' && p.reason) return t(`careplan.conflict.${p.reason}`, { default: problemText(t, p) });
  if (p.code === 'NOT_FOUND') return t('careplan.notFound');
  return problemText(t, p);
}

/** Further lines: for a conflict, the state the plan or version is in now. */
export function planProblemDetails(t: Translate, p: Problem): string[] {
  if (p.code !== 'CONFLICT' || !p.state || p.reason === 'STALE') return [];
  const state = t(`careplan.versionState.${p.state}`, { default: t(`careplan.planState.${p.state}`, { default: p.state }) });
  return [t('careplan.conflict.currentState', { values: { state } })];
}

/** A field error in this module's words, e.g. "该机构没有在岗护士或医疗护理员，不能安排医疗护理项目". */
export function planFieldText(t: Translate, e: FieldProblem): string {
  return t(`careplan.fieldError.${e.reason}`, { default: fieldErrorText(t, e) });
}

/** The line a field error is about: `lines.3.code` → 3. */
export function lineIndexOf(e: FieldProblem): number | null {
  const m = /^lines\.(\d+)\b/.exec(e.field);
  return m ? Number(m[1]) : null;
}
