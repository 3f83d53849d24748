// Money is whole fen on the wire. People read and type yuan; the conversion parses the decimal string itself,
// since 0.1 + 0.2 style float drift would move a price by a fen.

/** ¥12.00 from 1200 fen; negative amounts keep their sign in front. */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** 12.00 from 1200 fen, as an input's value (no currency sign, no grouping). */
export function fenToInput(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

/**
 * Fen from what was typed in yuan: digits with at most two decimals ("12", "12.5", "12.50", "¥1,200.00").
 * Null when it is not such an amount, so the form can say so instead of guessing.
 */
export function yuanToFen(input: string): number | null {
  const s = input.trim().replace(/^¥/, '').replace(/,/g, '');
  const m = /^(\d{1,9})(?:\.(\d{0,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}
