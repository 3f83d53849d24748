// Pure rules of care providers: contract states, status on a day, price versions, caregiver eligibility, evaluation.
import { describe, expect, it } from 'vitest';
import {
  caregiverEligibility,
  CONTRACT_STATES,
  CONTRACT_TRANSITIONS,
  CONTRACT_VERBS,
  contractStatusOn,
  DEFAULT_SHEET,
  evaluate,
  nextContractState,
  quarterDates,
  versionOn,
  type ContractFacts,
} from '../../server/src/providers/providers.rules.ts';
import { parseCreditCode, creditCodeCheckChar } from '../../server/src/shared/identifiers.ts';
import { AppError } from '../../server/src/shared/errors.ts';

describe('contract state table', () => {
  for (const state of CONTRACT_STATES) {
    for (const verb of CONTRACT_VERBS) {
      const target = CONTRACT_TRANSITIONS[state][verb];
      it(`${state} --${verb}--> ${target ?? 'CONFLICT'}`, () => {
        if (target) expect(nextContractState(state, verb)).toBe(target);
        else expect(() => nextContractState(state, verb)).toThrow(AppError);
      });
    }
  }
});

describe('what a contract is on a day', () => {
  const approved: ContractFacts = { state: 'APPROVED', startDate: '2026-01-01', endDate: '2026-12-31', suspendedFrom: null, suspendedUntil: null };
  it('is scheduled before its term, active within it, expired after', () => {
    expect(contractStatusOn(approved, '2025-12-31')).toBe('SCHEDULED');
    expect(contractStatusOn(approved, '2026-01-01')).toBe('ACTIVE');
    expect(contractStatusOn(approved, '2026-12-31')).toBe('ACTIVE');
    expect(contractStatusOn(approved, '2027-01-01')).toBe('EXPIRED');
  });
  it('is suspended only between the suspension dates', () => {
    const s = { ...approved, state: 'SUSPENDED' as const, suspendedFrom: '2026-06-01', suspendedUntil: '2026-06-30' };
    expect(contractStatusOn(s, '2026-05-31')).toBe('ACTIVE');
    expect(contractStatusOn(s, '2026-06-01')).toBe('SUSPENDED');
    expect(contractStatusOn(s, '2026-06-30')).toBe('SUSPENDED');
    expect(contractStatusOn(s, '2026-07-01')).toBe('ACTIVE');
  });
});

describe('prices by date across schedule versions', () => {
  const versions = [
    { effectiveFrom: '2026-01-01', prices: { A01: 1200 } },
    { effectiveFrom: '2026-07-01', prices: { A01: 1300 } },
  ];
  it('takes the version in force the day before, on and after a change', () => {
    expect(versionOn(versions, '2026-06-30')!.prices.A01).toBe(1200);
    expect(versionOn(versions, '2026-07-01')!.prices.A01).toBe(1300);
    expect(versionOn(versions, '2026-07-02')!.prices.A01).toBe(1300);
    expect(versionOn(versions, '2025-12-31')).toBeNull();
  });
  it('does not depend on the order versions come in', () => {
    expect(versionOn([...versions].reverse(), '2026-06-30')!.prices.A01).toBe(1200);
  });
});

describe('caregiver eligibility', () => {
  const contract: ContractFacts = { state: 'APPROVED', startDate: '2026-01-01', endDate: '2026-12-31', suspendedFrom: null, suspendedUntil: null };
  const cg = { active: true, qualification: 'ELDERLY_CARE' as const, certificateExpiry: '2026-06-30', employments: [{ agencyId: 'a', from: '2026-01-01', until: null }] };
  const on = (day: string, over: object = {}) => caregiverEligibility({ ...cg, ...over }, { agencyId: 'a', day, contracts: [contract] });
  it('is eligible with a valid certificate, employed, under a contract in force', () => {
    expect(on('2026-06-30')).toEqual({ ok: true });
  });
  it('fails on an expired certificate, another agency, no contract, or a clinical item for an elderly-care worker', () => {
    expect(on('2026-07-01')).toEqual({ ok: false, reason: 'CERTIFICATE_EXPIRED' });
    expect(caregiverEligibility(cg, { agencyId: 'b', day: '2026-03-01', contracts: [contract] })).toEqual({ ok: false, reason: 'NOT_EMPLOYED' });
    expect(caregiverEligibility(cg, { agencyId: 'a', day: '2026-03-01', contracts: [{ ...contract, state: 'TERMINATED' }] })).toEqual({ ok: false, reason: 'NO_ACTIVE_CONTRACT' });
    expect(caregiverEligibility(cg, { agencyId: 'a', day: '2026-03-01', contracts: [contract], categories: ['B'] })).toEqual({ ok: false, reason: 'QUALIFICATION' });
    expect(caregiverEligibility({ ...cg, qualification: 'NURSE' }, { agencyId: 'a', day: '2026-03-01', contracts: [contract], categories: ['B'] })).toEqual({ ok: true });
  });
  it('follows a move between agencies by its dates', () => {
    const moved = { ...cg, certificateExpiry: '2027-01-01', employments: [{ agencyId: 'a', from: '2026-01-01', until: '2026-03-31' }, { agencyId: 'b', from: '2026-04-01', until: null }] };
    expect(caregiverEligibility(moved, { agencyId: 'a', day: '2026-03-31', contracts: [contract] }).ok).toBe(true);
    expect(caregiverEligibility(moved, { agencyId: 'a', day: '2026-04-01', contracts: [contract] })).toEqual({ ok: false, reason: 'NOT_EMPLOYED' });
  });
});

describe('quarterly evaluation', () => {
  const full = Object.fromEntries(DEFAULT_SHEET.criteria.map((c) => [c.code, c.weight]));
  it('has a default sheet of 100 points', () => {
    expect(DEFAULT_SHEET.criteria.reduce((s, c) => s + c.weight, 0)).toBe(100);
  });
  it.each([
    [100, 'EXCELLENT', 100],
    [90, 'EXCELLENT', 100],
    [89.5, 'GOOD', 100],
    [80, 'GOOD', 100],
    [79, 'PASS', 80],
    [70, 'PASS', 80],
    [69, 'POOR', 50],
    [60, 'POOR', 50],
    [59.5, 'FAIL', 0],
  ])("%s points → %s, releases %s per cent", (total, grade, release) => {
    // Take the missing points from the criteria in order.
    let missing = 100 - total;
    const scores: Record<string, number> = {};
    for (const c of DEFAULT_SHEET.criteria) {
      const cut = Math.min(c.weight, missing);
      scores[c.code] = c.weight - cut;
      missing -= cut;
    }
    expect(evaluate(scores)).toEqual({ total, grade, releasePercent: release });
  });
  it('refuses a missing, an out-of-range or an unknown criterion', () => {
    const { PLAN_DELIVERY: _p, ...missing } = full;
    expect(() => evaluate(missing)).toThrow(/Score this criterion/);
    expect(() => evaluate({ ...full, STAFF: 11 })).toThrow(/0 to 10/);
    expect(() => evaluate({ ...full, EXTRA: 1 })).toThrow(/Not a criterion/);
  });
  it('knows the days of a quarter', () => {
    expect(quarterDates('2026Q1')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(quarterDates('2024Q1')!.to).toBe('2024-03-31');
    expect(quarterDates('2026Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(quarterDates('2026Q5')).toBeNull();
  });
});

describe('credit codes of agencies', () => {
  it('validates the check character of generated codes', () => {
    const first17 = '91370202MA3CK7QL2';
    expect(parseCreditCode(first17 + creditCodeCheckChar(first17)).ok).toBe(true);
    expect(parseCreditCode(first17 + (creditCodeCheckChar(first17) === '0' ? '1' : '0'))).toMatchObject({ ok: false, reason: 'CHECK_DIGIT' });
  });
});
