// Roles and the workflow verbs each may perform: the one table of who may do what.
// Object scope (which pooling area, agency or assignment) is applied separately, in SQL, by identity.access.ts.

export const ROLES = ['SYSTEM_ADMIN', 'FUND_OFFICER', 'SUPERVISOR', 'ASSESSOR', 'AGENCY_ADMIN', 'CAREGIVER'] as const;
export type Role = (typeof ROLES)[number];

/** What scope each role is bound to. */
export const ROLE_SCOPE: Record<Role, 'none' | 'poolingArea' | 'assessmentOrg' | 'agency'> = {
  SYSTEM_ADMIN: 'none',
  FUND_OFFICER: 'poolingArea',
  SUPERVISOR: 'poolingArea',
  ASSESSOR: 'assessmentOrg',
  AGENCY_ADMIN: 'agency',
  CAREGIVER: 'agency',
};

export const PERMISSIONS = [
  'region.read',
  'person.read',
  'person.create',
  'person.update',
  'person.recordDeath',
  'person.revealId',
  'org.read',
  'org.manage',
  'user.read',
  'user.manage',
  'audit.read',
  'assessment.read',
  'assessment.apply',
  'assessment.process',
  'assessment.fill',
  'assessment.configure',
  'assessor.manage',
  'conclusion.read',
  'provider.read',
  'agency.manage',
  'agency.register',
  'contract.apply',
  'contract.process',
  'caregiver.manage',
  'evaluation.manage',
  'catalogue.manage',
  'careplan.read',
  'careplan.request',
  'careplan.respond',
  'careplan.edit',
  'careplan.approve',
  'careplan.end',
  'benefit.configure',
  'visit.read',
  'visit.record',
  'visit.correct',
  'assignment.manage',
  'finding.read',
  'finding.decide',
  'finding.explain',
  'stay.manage',
  'hospital.manage',
  'audit.run',
  'claim.read',
  'claim.generate',
  'claim.declare',
  'claim.review',
  'claim.pay',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Operations anyone may call (signing in), and those any signed-in user may call (own session). */
export const PUBLIC = 'public';
export const SIGNED_IN = 'signedIn';
export type Rule = Permission | typeof PUBLIC | typeof SIGNED_IN;

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  SYSTEM_ADMIN: ['region.read', 'org.read', 'org.manage', 'user.read', 'user.manage', 'audit.read', 'catalogue.manage'],
  FUND_OFFICER: [
    'region.read',
    'person.read',
    'person.create',
    'person.update',
    'person.recordDeath',
    'person.revealId',
    'org.read',
    'assessment.read',
    'assessment.apply',
    'assessment.process',
    'assessment.configure',
    'assessor.manage',
    'conclusion.read',
    'provider.read',
    'agency.manage',
    'agency.register',
    'contract.process',
    'caregiver.manage',
    'evaluation.manage',
    'careplan.read',
    'careplan.request',
    'careplan.approve',
    'careplan.end',
    'benefit.configure',
    'visit.read',
    'finding.read',
    'hospital.manage',
    'audit.run',
    'claim.read',
    'claim.generate',
    'claim.review',
    'claim.pay',
  ],
  SUPERVISOR: ['region.read', 'person.read', 'org.read', 'audit.read', 'assessment.read', 'conclusion.read', 'provider.read', 'careplan.read', 'visit.read', 'finding.read', 'finding.decide', 'audit.run', 'claim.read'],
  ASSESSOR: ['region.read', 'person.read', 'assessment.fill'],
  AGENCY_ADMIN: ['region.read', 'person.read', 'org.read', 'conclusion.read', 'provider.read', 'agency.manage', 'contract.apply', 'caregiver.manage', 'careplan.read', 'careplan.respond', 'careplan.edit', 'careplan.end', 'visit.read', 'visit.correct', 'assignment.manage', 'finding.read', 'finding.explain', 'stay.manage', 'claim.read', 'claim.generate', 'claim.declare'],
  CAREGIVER: ['region.read', 'person.read', 'conclusion.read', 'careplan.read', 'visit.read', 'visit.record'],
};

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((r) => ROLE_PERMISSIONS[r].includes(permission));
}

/** Roles that need phone numbers in full to do their work (contacting the person); others see them masked. */
export const SEES_FULL_PHONE: readonly Role[] = ['FUND_OFFICER', 'AGENCY_ADMIN', 'CAREGIVER'];
