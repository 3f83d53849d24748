// Pure checks of the assessment workflow: who may apply, who may be assigned, what a review may decide.
// Facts and `today` (YYYY-MM-DD, Asia/Shanghai) in; field errors or a decision out.
import { FieldErrors } from '../shared/errors.ts';
import { isPhoneNumber } from '../shared/identifiers.ts';
import type { AssessmentSettings } from './assessment.settings.ts';
import { addDays, addMonths } from '../shared/dates.ts';
import type { Level } from './standard.ts';

export const APPLICATION_TYPES = ['FIRST', 'REASSESS_EXPIRY', 'REASSESS_CHANGE', 'APPEAL'] as const;
export type ApplicationType = (typeof APPLICATION_TYPES)[number];

export interface ConclusionFact {
  id: string;
  level: Level;
  effectiveDate: string;
  validUntil: string;
  /** The day the conclusion was issued (its notice to the person). */
  issuedOn: string;
}

export interface ApplicationFacts {
  today: string;
  person: { status: 'ACTIVE' | 'SUSPENDED' | 'DECEASED' };
  hasOpenApplication: boolean;
  /** The conclusion in force for the person, if any. */
  conclusionInForce: ConclusionFact | null;
  /** The conclusion the application challenges (appeal) or renews, when it names one. */
  challenged: ConclusionFact | null;
  settings: AssessmentSettings;
}

export interface ApplicationInput {
  type: ApplicationType;
  applicantName: string;
  applicantRelation: string;
  contactPhone: string;
  disabilityDeclared: boolean;
  challengedConclusionId?: string | null;
}


/** Checks an application for an insured person; throws the field errors, each with its reason. */
export function checkApplication(input: ApplicationInput, f: ApplicationFacts): void {
  const e = new FieldErrors('input');
  if (f.person.status === 'DECEASED') e.add('personId', 'DECEASED', 'The insured person has died');
  else if (f.person.status !== 'ACTIVE') e.add('personId', 'NOT_ACTIVE', 'The insurance of this person is suspended');
  if (f.hasOpenApplication) e.add('personId', 'OPEN_APPLICATION', 'This person already has an open application');
  if (!input.applicantName.trim() || input.applicantName.trim().length > 50) e.add('applicantName', 'LENGTH', 'A name has 1 to 50 characters');
  if (!input.applicantRelation.trim() || input.applicantRelation.trim().length > 20) e.add('applicantRelation', 'LENGTH', '1 to 20 characters');
  if (!isPhoneNumber(input.contactPhone.trim())) e.add('contactPhone', 'FORMAT', 'Not a mainland mobile or landline number');
  if (!input.disabilityDeclared) {
    e.add('disabilityDeclared', 'REQUIRED', `The applicant must declare that the disability has lasted at least ${f.settings.minDisabilityMonths} months after treatment`);
  }
  const inForce = f.conclusionInForce;
  switch (input.type) {
    case 'FIRST':
      if (inForce) e.add('type', 'HAS_CONCLUSION', 'A conclusion is in force: apply for a re-assessment instead');
      break;
    case 'REASSESS_EXPIRY':
      if (!inForce) e.add('type', 'NO_CONCLUSION', 'There is no conclusion in force to renew');
      else if (inForce.validUntil > addDays(f.today, 60)) e.add('type', 'NOT_EXPIRING', 'The conclusion does not expire within 60 days');
      break;
    case 'REASSESS_CHANGE': {
      if (!inForce) {
        e.add('type', 'NO_CONCLUSION', 'There is no conclusion in force to re-assess');
        break;
      }
      const earliest = addMonths(inForce.effectiveDate, f.settings.changedConditionMinMonths);
      if (f.today < earliest) e.add('type', 'TOO_SOON', `A re-assessment on changed condition is possible from ${earliest}`);
      break;
    }
    case 'APPEAL': {
      const c = f.challenged;
      if (!c) e.add('challengedConclusionId', 'REQUIRED', 'Name the conclusion appealed against');
      else if (f.today > addDays(c.issuedOn, f.settings.appealDays)) {
        e.add('challengedConclusionId', 'APPEAL_TOO_LATE', `An appeal is possible until ${f.settings.appealDays} days after the notice`);
      }
      break;
    }
  }
  e.throwIfAny();
}

export interface AssessorFact {
  id: string;
  orgId: string;
  qualification: 'MEDICAL' | 'OTHER';
  certificateExpiry: string;
  active: boolean;
  /** Agencies the assessor is employed by or related to. */
  agencyIds: string[];
}

/**
 * At least N assessors of one organisation, at least M of them medical, each certified on the day and
 * active, none tied to an agency serving the person, none who assessed an earlier round when a
 * re-assessment by other assessors is due.
 */
export function checkAssignment(
  assessorIds: string[],
  f: { today: string; assessors: AssessorFact[]; servingAgencyIds: string[]; excludedAssessorIds: string[]; dueDate: string | null; settings: AssessmentSettings },
): void {
  const e = new FieldErrors('input');
  const ids = [...new Set(assessorIds)];
  if (ids.length !== assessorIds.length) e.add('assessorIds', 'DUPLICATE', 'Each assessor once');
  const found = ids.map((id) => f.assessors.find((a) => a.id === id));
  found.forEach((a, i) => {
    if (!a) e.add(`assessorIds.${i}`, 'UNKNOWN_ASSESSOR', 'No such assessor in this pooling area');
  });
  const list = found.filter((a): a is AssessorFact => !!a);
  if (ids.length < f.settings.minAssessors) e.add('assessorIds', 'TOO_FEW_ASSESSORS', `At least ${f.settings.minAssessors} assessors`);
  if (new Set(list.map((a) => a.orgId)).size > 1) e.add('assessorIds', 'MIXED_ORGANISATIONS', 'All assessors come from one assessment organisation');
  if (list.filter((a) => a.qualification === 'MEDICAL').length < f.settings.minMedicalAssessors) {
    e.add('assessorIds', 'NO_MEDICAL_ASSESSOR', `At least ${f.settings.minMedicalAssessors} assessor(s) with a medical or nursing qualification`);
  }
  list.forEach((a) => {
    const i = ids.indexOf(a.id);
    if (!a.active) e.add(`assessorIds.${i}`, 'INACTIVE', 'This assessor is not active');
    else if (a.certificateExpiry < f.today) e.add(`assessorIds.${i}`, 'CERTIFICATE_EXPIRED', 'The certificate has expired');
    if (a.agencyIds.some((id) => f.servingAgencyIds.includes(id))) {
      e.add(`assessorIds.${i}`, 'CONFLICT_OF_INTEREST', 'Employed by or related to a care agency that serves this person');
    }
    if (f.excludedAssessorIds.includes(a.id)) e.add(`assessorIds.${i}`, 'SAME_ASSESSOR', 'The re-assessment needs assessors other than the earlier ones');
  });
  if (f.dueDate !== null && f.dueDate < f.today) e.add('dueDate', 'PAST', 'The due date lies in the past');
  e.throwIfAny();
}

/** What a review may confirm: when the assessors agree, their level; when they differ, one of theirs. */
export function checkReviewLevel(levels: Level[], chosen: Level | null | undefined): Level {
  const distinct = [...new Set(levels)];
  const e = new FieldErrors('input');
  if (distinct.length === 1 && (chosen == null || chosen === distinct[0])) return distinct[0]!;
  if (chosen == null) e.add('level', 'REQUIRED', 'The assessors differ: choose the level to confirm, or order a re-assessment');
  else if (!distinct.includes(chosen)) e.add('level', 'NOT_ASSESSED', 'Confirm one of the levels the assessors found');
  e.throwIfAny();
  return chosen!;
}
