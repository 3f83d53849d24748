// The user form's values and their translation to the API's inputs. As with people, the rules are the
// server's: its field errors are shown, nothing is checked twice here.
import type { CreateUserInput, Role, RoleGrantInput, UserInput } from '../../lib/gql/graphql';
import { ROLE_SCOPE, ROLES } from '../../lib/auth/roles';
import type { UserItem } from './users';

export interface GrantValues {
  role: Role;
  /** For agency roles. */
  agencyId: string;
  /** For assessors. */
  assessmentOrgId: string;
}

export interface UserFormValues {
  username: string;
  /** Initial password; new users only. */
  password: string;
  displayName: string;
  phone: string;
  /** '' for an administrator bound to no pooling area. */
  poolingArea: string;
  grants: GrantValues[];
}

export function emptyUserValues(poolingArea = ''): UserFormValues {
  return { username: '', password: '', displayName: '', phone: '', poolingArea, grants: [] };
}

export function valuesFromUser(u: UserItem): UserFormValues {
  return {
    username: u.username,
    password: '',
    displayName: u.displayName,
    phone: u.phone ?? '',
    poolingArea: u.poolingArea ?? '',
    grants: u.grants.map((g) => ({ role: g.role, agencyId: g.agency?.id ?? '', assessmentOrgId: g.assessmentOrg?.id ?? '' })),
  };
}

/** Roles in the order a new row offers them: the administrator last, as it is rarely the one meant. */
const OFFER_ORDER: readonly Role[] = [...ROLES.filter((r) => r !== 'SYSTEM_ADMIN'), 'SYSTEM_ADMIN'];

/** A new grant row: a role the user does not hold yet, so the server's "each role once" rarely fires. */
export function nextGrant(grants: GrantValues[]): GrantValues | null {
  const role = OFFER_ORDER.find((r) => !grants.some((g) => g.role === r));
  return role ? { role, agencyId: '', assessmentOrgId: '' } : null;
}

/**
 * Each role with its scope. Pooling-area roles take the user's pooling area (the server requires the two to
 * agree, so the form asks once); only the scope a role is bound to is sent.
 */
export function toGrantInputs(v: UserFormValues): RoleGrantInput[] {
  return v.grants.map((g) => {
    const scope = ROLE_SCOPE[g.role];
    if (scope === 'poolingArea') return { role: g.role, poolingArea: v.poolingArea || null };
    if (scope === 'agency') return { role: g.role, agencyId: g.agencyId || null };
    if (scope === 'assessmentOrg') return { role: g.role, assessmentOrgId: g.assessmentOrgId || null };
    return { role: g.role };
  });
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

export function toUserInput(v: UserFormValues): UserInput {
  return { displayName: v.displayName.trim(), phone: orNull(v.phone), poolingArea: v.poolingArea || null, grants: toGrantInputs(v) };
}

export function toCreateUserInput(v: UserFormValues, id: string): CreateUserInput {
  return { id, username: v.username.trim().toLowerCase(), password: v.password, ...toUserInput(v) };
}

/**
 * A random initial password that meets the policy (16 characters, all four classes). The administrator
 * hands it over; the user must change it at first sign-in anyway. Look-alike characters are left out.
 */
export function generatePassword(): string {
  const sets = ['abcdefghijkmnpqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '-_.!#%+='];
  const all = sets.join('');
  const pick = (chars: string) => chars[crypto.getRandomValues(new Uint32Array(1))[0]! % chars.length]!;
  const out = sets.map(pick);
  while (out.length < 16) out.push(pick(all));
  // Shuffle, so the classes do not always come in the same places.
  for (let i = out.length - 1; i > 0; i--) {
    const j = crypto.getRandomValues(new Uint32Array(1))[0]! % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out.join('');
}
