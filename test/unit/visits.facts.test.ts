import { describe, expect, it } from 'vitest';
import { minutesOn, planInForce, servedOn, staysBefore } from '../../server/src/visits/visits.facts.ts';

describe('a visit day’s facts', () => {
  it('an agency serves a person on the days of its periods, both ends included', () => {
    const periods = [
      { since: '2026-01-01', until: '2026-03-31' },
      { since: '2026-06-01', until: null },
    ];
    expect(['2025-12-31', '2026-01-01', '2026-03-31', '2026-04-01', '2026-05-31', '2026-06-01', '2030-01-01'].map((d) => servedOn(periods, d))).toEqual([false, true, true, false, false, true, true]);
    expect(servedOn([], '2026-01-01')).toBe(false);
  });

  it('the plan in force is the latest version by number whose period holds the day', () => {
    const v = (n: number, from: string, until: string | null) => ({ version_id: `v${n}`, plan_id: 'p', number: n, from, until });
    const versions = [v(1, '2026-01-01', '2026-02-14'), v(2, '2026-02-15', null), v(3, '2026-03-01', '2026-02-28')];
    expect(planInForce(versions, '2025-12-31')).toBeNull();
    expect(planInForce(versions, '2026-02-14')?.version_id).toBe('v1');
    expect(planInForce(versions, '2026-02-15')?.version_id).toBe('v2');
    // Version 3 ended before it began: it never was in force.
    expect(planInForce(versions, '2026-03-01')?.version_id).toBe('v2');
    // Overlapping periods (a new version from a day the old one still covers): the higher number.
    expect(planInForce([v(1, '2026-01-01', '2026-12-31'), v(2, '2026-05-01', null)], '2026-06-01')?.version_id).toBe('v2');
    expect(planInForce([], '2026-06-01')).toBeNull();
  });

  it('an item’s minutes are those of the catalogue version in force on the day', () => {
    const catalogue = [
      { code: 'A01', minutes: 20, from: '2025-01-01' },
      { code: 'A01', minutes: 30, from: '2026-07-01' },
      { code: 'B02', minutes: 45, from: '2026-08-01' },
    ];
    expect(Object.fromEntries(minutesOn(catalogue, '2026-06-30'))).toEqual({ A01: 20 });
    expect(Object.fromEntries(minutesOn(catalogue, '2026-07-01'))).toEqual({ A01: 30 });
    expect(Object.fromEntries(minutesOn(catalogue, '2026-08-01'))).toEqual({ A01: 30, B02: 45 });
  });

  it('R02 looks at the hospital stays that began before the visit’s day', () => {
    const stays = [
      { admittedOn: '2026-05-01', dischargedOn: '2026-05-10' },
      { admittedOn: '2026-06-01', dischargedOn: null },
    ];
    expect(staysBefore(stays, '2026-06-01')).toEqual([stays[0]]);
    expect(staysBefore(stays, '2026-06-02')).toEqual(stays);
  });
});
