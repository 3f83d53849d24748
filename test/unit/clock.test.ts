import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { localDate } from '../../server/src/shared/clock.ts';

const byFormatter = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

describe('the Shanghai date of an instant', () => {
  it('is the time-zone database’s, before, at and after the end of China’s daylight saving time', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1980-01-01T00:00:00Z'), max: new Date('2100-12-31T23:59:59Z'), noInvalidDate: true }), (d) => localDate(d) === byFormatter.format(d)),
      { numRuns: 20_000 },
    );
    for (const iso of ['1991-09-14T16:59:59.999Z', '1991-09-14T17:00:00Z', '1991-09-14T15:59:59Z', '2026-11-30T15:59:59.999Z', '2026-11-30T16:00:00Z']) {
      expect(localDate(new Date(iso)), iso).toBe(byFormatter.format(new Date(iso)));
    }
    expect(localDate(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12-01');
  });
});
