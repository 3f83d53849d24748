// The assessment workflow's state table, application and assignment checks, and working-day arithmetic.
import { describe, expect, it } from 'vitest';
import { APPLICATION_STATES, APPLICATION_TRANSITIONS, APPLICATION_VERBS, nextState } from '../../server/src/assessment/assessment.workflow.ts';
import { checkApplication, checkAssignment, checkReviewLevel, type ApplicationFacts, type AssessorFact } from '../../server/src/assessment/application.rules.ts';
import { addWorkingDays, DEFAULT_ASSESSMENT_SETTINGS, settingsFrom, validUntil } from '../../server/src/assessment/assessment.settings.ts';
import { addMonths } from '../../server/src/shared/dates.ts';
import { AppError, InputError } from '../../server/src/shared/errors.ts';

const settings = settingsFrom(null);
const reasons = (fn: () => void): string[] => {
  try {
    fn();
    return [];
  } catch (e) {
    if (e instanceof InputError) return e.fieldErrors.map((f) => `${f.field}:${f.reason}`);
    throw e;
  }
};

describe('the state table', () => {
  for (const state of APPLICATION_STATES) {
    for (const verb of APPLICATION_VERBS) {
      const target = APPLICATION_TRANSITIONS[state][verb];
      it(`${state} --${verb}--> ${target ?? 'CONFLICT'}`, () => {
        if (target) expect(nextState(state, verb)).toBe(target);
        else {
          try {
            nextState(state, verb);
            expect.unreachable();
          } catch (e) {
            expect(e).toBeInstanceOf(AppError);
            expect((e as AppError).code).toBe('CONFLICT');
            expect((e as AppError).details).toMatchObject({ reason: 'ILLEGAL_TRANSITION', state });
          }
        }
      });
    }
  }

  it('has no way out of the final states, and a way to a conclusion from every open one', () => {
    for (const s of ['CONCLUDED', 'REJECTED', 'WITHDRAWN'] as const) expect(APPLICATION_TRANSITIONS[s]).toEqual({});
    const reach = new Set<string>(['CONCLUDED']);
    for (let changed = true; changed; ) {
      changed = false;
      for (const s of APPLICATION_STATES) {
        if (!reach.has(s) && Object.values(APPLICATION_TRANSITIONS[s]).some((t) => reach.has(t!))) {
          reach.add(s);
          changed = true;
        }
      }
    }
    expect([...reach].sort()).toEqual(['ACCEPTED', 'ASSESSING', 'CONCLUDED', 'IN_NOTICE', 'IN_REVIEW', 'SUBMITTED']);
  });
});

describe('applications', () => {
  const base: ApplicationFacts = { today: '2026-11-23', person: { status: 'ACTIVE' }, hasOpenApplication: false, conclusionInForce: null, challenged: null, settings };
  const input = { type: 'FIRST' as const, applicantName: '王小红', applicantRelation: '女儿', contactPhone: '13800001111', disabilityDeclared: true };
  const conclusion = (effectiveDate: string, validUntil = '2028-01-01') => ({ id: 'c', level: 3 as const, effectiveDate, validUntil, issuedOn: effectiveDate });

  it('accepts a complete first application', () => {
    expect(reasons(() => checkApplication(input, base))).toEqual([]);
  });
  it('refuses the deceased, the suspended and a second open application', () => {
    expect(reasons(() => checkApplication(input, { ...base, person: { status: 'DECEASED' } }))).toEqual(['input.personId:DECEASED']);
    expect(reasons(() => checkApplication(input, { ...base, person: { status: 'SUSPENDED' } }))).toEqual(['input.personId:NOT_ACTIVE']);
    expect(reasons(() => checkApplication(input, { ...base, hasOpenApplication: true }))).toEqual(['input.personId:OPEN_APPLICATION']);
  });
  it('needs the six-month declaration', () => {
    expect(reasons(() => checkApplication({ ...input, disabilityDeclared: false }, base))).toEqual(['input.disabilityDeclared:REQUIRED']);
  });
  it('allows a re-assessment on changed condition from six months after the last conclusion, not a day before', () => {
    const change = { ...input, type: 'REASSESS_CHANGE' as const };
    expect(reasons(() => checkApplication(change, { ...base, conclusionInForce: conclusion('2026-05-24') }))).toEqual(['input.type:TOO_SOON']);
    expect(reasons(() => checkApplication(change, { ...base, conclusionInForce: conclusion('2026-05-23') }))).toEqual([]);
  });
  it('allows an appeal within 30 days of the notice', () => {
    const appeal = { ...input, type: 'APPEAL' as const, challengedConclusionId: 'c' };
    expect(reasons(() => checkApplication(appeal, { ...base, challenged: conclusion('2026-10-24') }))).toEqual([]);
    expect(reasons(() => checkApplication(appeal, { ...base, challenged: conclusion('2026-10-23') }))).toEqual(['input.challengedConclusionId:APPEAL_TOO_LATE']);
  });
  it('renews only a conclusion expiring within 60 days', () => {
    const renew = { ...input, type: 'REASSESS_EXPIRY' as const };
    expect(reasons(() => checkApplication(renew, { ...base, conclusionInForce: conclusion('2025-01-01', '2027-01-22') }))).toEqual([]);
    expect(reasons(() => checkApplication(renew, { ...base, conclusionInForce: conclusion('2025-01-01', '2027-01-23') }))).toEqual(['input.type:NOT_EXPIRING']);
  });
});

describe('assignment', () => {
  const a = (id: string, over: Partial<AssessorFact> = {}): AssessorFact => ({ id, orgId: 'org', qualification: 'MEDICAL', certificateExpiry: '2027-01-01', active: true, agencyIds: [], ...over });
  const facts = (assessors: AssessorFact[], over = {}) => ({ today: '2026-11-23', assessors, servingAgencyIds: ['agency-a'], excludedAssessorIds: [], dueDate: null, settings, ...over });

  it('accepts two certified assessors of one organisation with one medical', () => {
    expect(reasons(() => checkAssignment(['x', 'y'], facts([a('x'), a('y', { qualification: 'OTHER' })])))).toEqual([]);
  });
  it.each([
    [['x'], [a('x')], {}, 'input.assessorIds:TOO_FEW_ASSESSORS'],
    [['x', 'y'], [a('x', { qualification: 'OTHER' }), a('y', { qualification: 'OTHER' })], {}, 'input.assessorIds:NO_MEDICAL_ASSESSOR'],
    [['x', 'y'], [a('x'), a('y', { orgId: 'other' })], {}, 'input.assessorIds:MIXED_ORGANISATIONS'],
    [['x', 'y'], [a('x'), a('y', { certificateExpiry: '2026-11-22' })], {}, 'input.assessorIds.1:CERTIFICATE_EXPIRED'],
    [['x', 'y'], [a('x', { agencyIds: ['agency-a'] }), a('y')], {}, 'input.assessorIds.0:CONFLICT_OF_INTEREST'],
    [['x', 'y'], [a('x'), a('y')], { excludedAssessorIds: ['y'] }, 'input.assessorIds.1:SAME_ASSESSOR'],
    [['x', 'z'], [a('x')], {}, 'input.assessorIds.1:UNKNOWN_ASSESSOR'],
  ])('%j refused: %s', (ids, assessors, over, expected) => {
    expect(reasons(() => checkAssignment(ids, facts(assessors, over)))).toContain(expected);
  });
  it('accepts a certificate valid on the day itself', () => {
    expect(reasons(() => checkAssignment(['x', 'y'], facts([a('x', { certificateExpiry: '2026-11-23' }), a('y')])))).toEqual([]);
  });
});

describe('review', () => {
  it('confirms an agreed level without being told it', () => {
    expect(checkReviewLevel([3, 3], null)).toBe(3);
  });
  it('needs a choice among differing levels, and only one of them', () => {
    expect(reasons(() => checkReviewLevel([3, 4], null))).toEqual(['input.level:REQUIRED']);
    expect(reasons(() => checkReviewLevel([3, 4], 5))).toEqual(['input.level:NOT_ASSESSED']);
    expect(checkReviewLevel([3, 4], 4)).toBe(4);
  });
});

describe('calendar', () => {
  it('counts working days past weekends and holidays, and counts make-up weekend days', () => {
    // 2026-11-20 is a Friday.
    expect(addWorkingDays('2026-11-20', 5, settings)).toBe('2026-11-27');
    expect(addWorkingDays('2026-11-20', 1, { holidays: ['2026-11-23'], workingWeekends: [] })).toBe('2026-11-24');
    expect(addWorkingDays('2026-11-20', 1, { holidays: [], workingWeekends: ['2026-11-21'] })).toBe('2026-11-21');
  });
  it('keeps a conclusion valid two years less a day, and month ends in shorter months', () => {
    expect(validUntil('2026-11-23', settings)).toBe('2028-11-22');
    expect(validUntil('2024-02-29', settings)).toBe('2026-02-27');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
  });
  it('takes a pooling area’s overrides over the defaults', () => {
    expect(settingsFrom({ noticeWorkingDays: 7 })).toMatchObject({ noticeWorkingDays: 7, validityYears: DEFAULT_ASSESSMENT_SETTINGS.validityYears });
  });
});
