// A visit's times, items and findings as the list shows them: pure functions, shared with the unit tests.
// Explicit extensions: the unit tests type-check these pure modules under the server's module resolution.
import { formatClock } from '../../lib/format.ts';
import type { VisitStatus } from '../../lib/gql/graphql.ts';

export const VISIT_STATUSES: readonly VisitStatus[] = ['DONE', 'OPEN', 'VOID'];

/** "09:05–10:10", with "+1" when the check-out falls on the next Shanghai day; "09:05–" while still open. */
export function timeRange(v: { checkInAt: string; checkOutAt: string | null; day: string }): { from: string; to: string | null; nextDay: boolean } {
  const from = formatClock(v.checkInAt);
  if (!v.checkOutAt) return { from, to: null, nextDay: false };
  const outDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(v.checkOutAt));
  return { from, to: formatClock(v.checkOutAt), nextDay: outDay !== v.day };
}

/** Items as "A01×2、A07" for a list cell. */
export const itemsText = (items: readonly { code: string; quantity: number }[], separator: string) =>
  items.map((i) => (i.quantity > 1 ? `${i.code}×${i.quantity}` : i.code)).join(separator);

/** Rules of a visit's findings, each once, with the most pressing status (open before confirmed before dismissed). */
export function findingBadges(findings: readonly { rule: string; status: string; ruleName: string; action: string }[]) {
  const rank = (s: string) => (s === 'OPEN' ? 0 : s === 'CONFIRMED' ? 1 : 2);
  const out = new Map<string, { rule: string; status: string; ruleName: string; action: string; count: number }>();
  for (const f of findings) {
    const seen = out.get(f.rule);
    if (!seen) out.set(f.rule, { ...f, count: 1 });
    else {
      seen.count++;
      if (rank(f.status) < rank(seen.status)) seen.status = f.status;
    }
  }
  return [...out.values()].sort((a, b) => a.rule.localeCompare(b.rule));
}
