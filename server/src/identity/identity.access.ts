// Object-level access: which rows each actor may touch for a permission, as SQL filters (never a check
// after loading). A grant contributes its scope only when its role carries the permission.
import { raw, type FilterQuery } from '@mikro-orm/core';
import type { Actor, Grant } from '../graphql/context.ts';
import { hasPermission, ROLE_PERMISSIONS, SEES_FULL_PHONE, type Permission } from './permissions.ts';
import type { InsuredPerson } from '../people/insured-person.entity.ts';
import { AppError } from '../shared/errors.ts';

/** Matches nothing: the answer for an actor with no scope, so that lists come back empty. */
export const NOTHING = { [raw('false')]: true } as never;

export function grantsWith(actor: Actor, permission: Permission): Grant[] {
  return actor.grants.filter((g) => ROLE_PERMISSIONS[g.role].includes(permission));
}

/** Throws unless the actor holds the permission through some role (the role check; scope is separate). */
export function requirePermission(actor: Actor | null, permission: Permission): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  if (!hasPermission(actor.roles, permission)) throw new AppError('FORBIDDEN', 'Your roles do not allow this');
  return actor;
}

/**
 * Insured persons the actor may see or change with `permission`: officers and supervisors their pooling
 * areas, agency staff the people their agency serves today, assessors the people they are assigned to assess.
 */
export function personScope(actor: Actor, permission: Permission, today: string): FilterQuery<InsuredPerson> {
  const or: FilterQuery<InsuredPerson>[] = [];
  const grants = grantsWith(actor, permission);
  const areas = grants.filter((g) => g.role === 'FUND_OFFICER' || g.role === 'SUPERVISOR').map((g) => g.poolingArea!);
  if (areas.length) or.push({ poolingArea: { $in: areas } });
  const agencies = grants.filter((g) => g.role === 'AGENCY_ADMIN' || g.role === 'CAREGIVER').map((g) => g.agencyId!);
  if (agencies.length) {
    or.push(servedBy<InsuredPerson>(agencies, today, 'id'));
  }
  // Assessors: the people of the assessments assigned to them.
  if (grants.some((g) => g.role === 'ASSESSOR')) {
    or.push({
      [raw(
        (alias) =>
          `exists (select 1 from assessment_task t join assessor a on a.id = t.assessor_id join assessment_application ap on ap.id = t.application_id where ap.person_id = ${alias}.id and a.user_id = ?)`,
        [actor.userId],
      )]: true,
    } as FilterQuery<InsuredPerson>);
  }
  if (or.length === 0) return NOTHING;
  return or.length === 1 ? or[0]! : { $or: or };
}

/**
 * Rows whose person (`personColumn` of the row) one of these agencies serves on `today`: the one definition of
 * "an agency's people", shared by every module that scopes by it.
 */
export function servedBy<T>(agencies: string[], today: string, personColumn: 'id' | 'person_id'): FilterQuery<T> {
  return {
    [raw(
      (alias) =>
        `exists (select 1 from agency_client ac where ac.person_id = ${alias}.${personColumn} and ac.agency_id in (${agencies.map(() => '?').join(', ')}) and ac.since <= ? and (ac.until is null or ac.until >= ?))`,
      [...agencies, today, today],
    )]: true,
  } as FilterQuery<T>;
}

/** The agencies the actor works for with `permission` (agency administrator and caregiver grants). */
export function agenciesWith(actor: Actor, permission: Permission): string[] {
  return grantsWith(actor, permission)
    .filter((g) => g.role === 'AGENCY_ADMIN' || g.role === 'CAREGIVER')
    .map((g) => g.agencyId!);
}

/** Pooling areas in which the actor may act with `permission` (officer and supervisor grants). */
export function areasWith(actor: Actor, permission: Permission): string[] {
  return grantsWith(actor, permission)
    .map((g) => g.poolingArea)
    .filter((a): a is string => a !== null);
}

export function seesFullPhone(actor: Actor | null): boolean {
  return !!actor && actor.roles.some((r) => SEES_FULL_PHONE.includes(r));
}

export function isAdmin(actor: Actor | null): boolean {
  return !!actor && actor.roles.includes('SYSTEM_ADMIN');
}
