import { describe, expect, it } from 'vitest';
import { fenToInput, formatYuan, yuanToFen } from '../../client/src/modules/providers/money.ts';

describe('money in fen', () => {
  it('parses typed yuan into whole fen without float drift', () => {
    expect(yuanToFen('12')).toBe(1200);
    expect(yuanToFen('12.5')).toBe(1250);
    expect(yuanToFen('0.29')).toBe(29);
    expect(yuanToFen('¥1,200.07')).toBe(120007);
    expect(yuanToFen('12.345')).toBeNull();
    expect(yuanToFen('-1')).toBeNull();
    expect(yuanToFen('abc')).toBeNull();
  });
  it('shows fen as yuan', () => {
    expect(formatYuan(120007)).toBe('¥1,200.07');
    expect(formatYuan(-500)).toBe('-¥5.00');
    expect(fenToInput(2375)).toBe('23.75');
  });
});
