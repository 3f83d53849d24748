// The settlement dashboard's layout of the server's figures (client/src/modules/billing/dashboard-figures.ts): the
// default range in Beijing time, every month and state given a row, deductions told apart by who made them.
import { describe, expect, it } from 'vitest';
import { addMonths, deductionOf, defaultRange, everyMonth, everyState, monthsOf } from '../../client/src/modules/billing/dashboard-figures.ts';

describe('the dashboard’s months', () => {
  it('counts months across the turn of a year', () => {
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(addMonths('2026-06', -17)).toBe('2025-01');
    expect(monthsOf('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsOf('2026-03', '2026-02')).toEqual([]);
  });

  it('defaults to the six months ending last month in Asia/Shanghai, whatever the device’s zone', () => {
    expect(defaultRange(new Date('2026-12-07T03:00:00Z'))).toEqual({ from: '2026-06', to: '2026-11' });
    // 00:30 on 1 January in Beijing is still 31 December in UTC (and in New York).
    expect(defaultRange(new Date('2026-12-31T16:30:00Z'))).toEqual({ from: '2026-07', to: '2026-12' });
    expect(defaultRange(new Date('2026-12-31T15:59:59Z'))).toEqual({ from: '2026-06', to: '2026-11' });
  });

  it('gives every month of the range a row, those without claims as zeros', () => {
    const nov = { month: '2026-11', claims: 3, late: 1, fundFen: 100, approvedFundFen: 90, depositFen: 5, payableFen: 85, paidFen: 0 };
    const rows = everyMonth([nov], '2026-09', '2026-11');
    expect(rows.map((r) => r.month)).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(rows[0]).toEqual({ month: '2026-09', claims: 0, late: 0, fundFen: 0, approvedFundFen: 0, depositFen: 0, payableFen: 0, paidFen: 0 });
    expect(rows[2]).toBe(nov);
  });

  it('gives every claim state a row in workflow order', () => {
    const rows = everyState([{ state: 'PAID', claims: 2, late: 1 }, { state: 'DRAFT', claims: 1, late: 0 }], ['DRAFT', 'DECLARED', 'PAID']);
    expect(rows).toEqual([{ state: 'DRAFT', claims: 1, late: 0 }, { state: 'DECLARED', claims: 0, late: 0 }, { state: 'PAID', claims: 2, late: 1 }]);
  });

  it('tells the audit’s deductions from the review’s', () => {
    expect(deductionOf('R01')).toEqual({ kind: 'audit', code: 'R01' });
    expect(deductionOf('OVER_PLAN')).toEqual({ kind: 'audit', code: 'OVER_PLAN' });
    expect(deductionOf('REVIEW:OVER_PLAN')).toEqual({ kind: 'review', code: 'OVER_PLAN' });
  });
});
