// Words for the refusals of the settlement API. A CONFLICT names its reason (STATE: the claim is no longer where
// the verb applies; STALE: it changed since it was read; REQUEST_ID: a request id reused) and the state the claim is
// in now. Field errors name the field and the reason; where the server's message carries the amount that decides
// (at most X fen remain, the approved payable is X fen) the words say it in yuan. The module's own words come
// first, the app's general ones after.
import type { FieldProblem, Problem } from '../../lib/graphql/errors';
import { fieldErrorText, problemText, type Translate } from '../../lib/i18n/problems';
import { formatFen } from './money';

export const stateName = (t: Translate, state: string) => t(`billing.state.${state}`, { default: state });

/** The first of some keys the dictionary has, formatted; null when it has none. (A `default` would be formatted as
 * a message too, which would mangle a server message with an apostrophe or braces in it.) */
function first(t: Translate, keys: string[], values: Record<string, string | number>): string | null {
  for (const key of keys) {
    const text = t(key, { values });
    if (text !== key) return text;
  }
  return null;
}

/** The banner's first line for a problem of the settlement screens. */
export function billingProblemText(t: Translate, p: Problem): string {
  if (p.code === 'CONFLICT' && p.reason) {
    const state = p.state ? stateName(t, p.state) : '';
    return first(t, [`billing.conflict.${p.reason}`], { state }) ?? problemText(t, p);
  }
  if (p.code === 'NOT_FOUND') return t('billing.notFound');
  return problemText(t, p);
}

/** The figure in fen a server message names ("At most 1234 fen remain…", "The approved payable is 1234 fen"). */
export function fenInMessage(message: string): number | null {
  const m = /(-?\d+) fen/.exec(message);
  return m ? Number(m[1]) : null;
}

/**
 * A field error in this module's words: `billing.error.<field>.<reason>`, then `billing.error.<reason>`, then the
 * app's. `{amount}` is the yuan of the figure in the server's message, else `fallbackFen`.
 */
export function billingFieldText(t: Translate, e: FieldProblem, fallbackFen: number | null = null): string {
  const fen = fenInMessage(e.message) ?? fallbackFen;
  const values = { amount: fen === null ? '' : formatFen(fen) };
  return first(t, [`billing.error.${e.field}.${e.reason}`, `billing.error.${e.reason}`], values) ?? fieldErrorText(t, e);
}
