// Roles as the client shows and edits them. The server's tables are the truth; these mirror what the
// screens need: the order roles are offered in and the kind of scope each is bound to.
import type { Role } from '../gql/graphql';

export const ROLES: readonly Role[] = ['SYSTEM_ADMIN', 'FUND_OFFICER', 'SUPERVISOR', 'ASSESSOR', 'AGENCY_ADMIN', 'CAREGIVER'];

export type ScopeKind = 'none' | 'poolingArea' | 'agency' | 'assessmentOrg';

export const ROLE_SCOPE: Record<Role, ScopeKind> = {
  SYSTEM_ADMIN: 'none',
  FUND_OFFICER: 'poolingArea',
  SUPERVISOR: 'poolingArea',
  ASSESSOR: 'assessmentOrg',
  AGENCY_ADMIN: 'agency',
  CAREGIVER: 'agency',
};

/** A role grant as both the viewer and the user queries return it. */
export interface GrantView {
  role: Role;
  poolingArea: string | null;
  agency: { name: string } | null;
  assessmentOrg: { name: string } | null;
}

/** What a grant is bound to, for display: the pooling area's code or the organisation's name. */
export function scopeOf(g: GrantView): { kind: ScopeKind; value: string } | null {
  const kind = ROLE_SCOPE[g.role];
  if (kind === 'poolingArea' && g.poolingArea) return { kind, value: g.poolingArea };
  if (kind === 'agency' && g.agency) return { kind, value: g.agency.name };
  if (kind === 'assessmentOrg' && g.assessmentOrg) return { kind, value: g.assessmentOrg.name };
  return null;
}

/**
 * The pooling areas a user's grants are bound to (fund officers, supervisors), each once: where they read and act
 * area-wide. Agency staff and assessors have none. The server scopes area-wide reads by the same grants.
 */
export function poolingAreasOf(grants: readonly Pick<GrantView, 'role' | 'poolingArea'>[]): string[] {
  const areas = grants.filter((g) => ROLE_SCOPE[g.role] === 'poolingArea' && g.poolingArea).map((g) => g.poolingArea!);
  return [...new Set(areas)];
}
