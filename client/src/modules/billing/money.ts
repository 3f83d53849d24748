// Money in the settlement screens: whole fen on the wire, yuan with two decimals and thousands separators on screen
// (123456 → "1,234.56"), a minus sign in front of negative amounts. Typing goes through the providers module's
// yuanToFen, which parses the decimal string itself (no float drift) and allows at most two decimals.
// Explicit extensions: pure module, importable by the unit tests under the server's module resolution.
export { fenToInput, yuanToFen } from '../providers/money.ts';

/** "1,234.56" from 123456 fen; "-12.30" from -1230. */
export function formatFen(fen: number): string {
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${fen < 0 ? '-' : ''}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** A signed difference, "+12.00" or "-12.00" (zero without a sign). */
export function formatFenChange(fen: number): string {
  return fen > 0 ? `+${formatFen(fen)}` : formatFen(fen);
}

/** The change from `before` to `after` in percent, rounded to a whole number; null when there is no before. */
export function changePercent(before: number | null, after: number): number | null {
  if (before === null) return null;
  if (before === 0) return after === 0 ? 0 : null;
  return Math.round(((after - before) * 100) / Math.abs(before));
}

/** The quality deposit withheld on an approved fund amount: 5%, rounded half up once (as the server does). */
export const DEPOSIT_PERCENT = 5;
export function depositOn(approvedFundFen: number): number {
  return Math.floor((approvedFundFen * DEPOSIT_PERCENT * 100 + 5000) / 10000);
}
