// Administration of users, their roles and scopes, and of the organisations users are bound to.
import { randomBytes, randomUUID } from 'node:crypto';
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { RoleGrant, User, type UserStatus } from './user.entity.ts';
import { Agency, AssessmentOrg } from './org.entity.ts';
import { Region } from '../regions/region.entity.ts';
import { hashPassword } from './password.ts';
import { checkPasswordPolicy } from './identity.rules.ts';
import { policyMessage, revokeSessions } from './auth.service.ts';
import { ROLE_SCOPE, type Role } from './permissions.ts';
import { requirePermission } from './identity.access.ts';
import type { Actor } from '../graphql/context.ts';
import type { AuditTrail } from '../audit/audit.service.ts';
import { conflict, FieldErrors, InputError, notFound } from '../shared/errors.ts';
import { isUuid, parseCreditCode } from '../shared/identifiers.ts';
import { containsPattern } from '../shared/sql.ts';
import { findPage, type Page, type PageRequest } from '../graphql/pagination.ts';
import type { Clock } from '../shared/clock.ts';

export interface GrantInput {
  role: Role;
  poolingArea?: string | null;
  agencyId?: string | null;
  assessmentOrgId?: string | null;
}

export interface UserInput {
  displayName: string;
  phone?: string | null;
  poolingArea?: string | null;
  grants: GrantInput[];
}

export interface UserFilter {
  search?: string | null;
  role?: Role | null;
  status?: UserStatus | null;
  agencyId?: string | null;
}

const USERNAME = /^[a-z][a-z0-9._-]{2,39}$/;

function userSnapshot(u: User) {
  return {
    username: u.username,
    displayName: u.displayName,
    phone: u.phone,
    poolingArea: u.poolingArea,
    status: u.status,
    grants: u.grants.isInitialized()
      ? u.grants.getItems().map((g) => `${g.role}${g.poolingArea ? '@' + g.poolingArea : ''}${g.agency ? '@agency:' + g.agency.id : ''}${g.assessmentOrg ? '@org:' + g.assessmentOrg.id : ''}`).sort()
      : undefined,
  };
}

export class UsersService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  async get(actor: Actor | null, id: string): Promise<User> {
    requirePermission(actor, 'user.read');
    const user = isUuid(id) ? await this.em.findOne(User, { id }, { populate: ['grants'] }) : null;
    if (!user) throw notFound('User');
    return user;
  }

  async list(actor: Actor | null, filter: UserFilter, page: PageRequest): Promise<Page<User>> {
    requirePermission(actor, 'user.read');
    const where: FilterQuery<User>[] = [];
    if (filter.search?.trim()) {
      const like = containsPattern(filter.search.trim());
      where.push({ $or: [{ username: { $ilike: like } }, { displayName: { $ilike: like } }] });
    }
    if (filter.status) where.push({ status: filter.status });
    if (filter.role) where.push({ grants: { role: filter.role } });
    if (filter.agencyId) where.push({ grants: { agency: filter.agencyId } });
    const result = await findPage(this.em, User, where.length ? { $and: where } : {}, { username: 'asc', id: 'asc' }, page);
    await this.em.populate(result.items, ['grants']);
    return result;
  }

  async create(actor: Actor | null, username: string, input: UserInput, password: string, clientId?: string | null): Promise<User> {
    requirePermission(actor, 'user.manage');
    const errors = new FieldErrors('input');
    const name = username.trim().toLowerCase();
    if (!USERNAME.test(name)) errors.add('username', 'FORMAT', '3–40 characters: lower-case letters, digits, dot, dash or underscore, starting with a letter');
    const policy = checkPasswordPolicy(password, name);
    if (policy) errors.add('password', policy, policyMessage(policy));
    if (clientId != null && !isUuid(clientId)) errors.add('id', 'FORMAT', 'A client id is a UUID');
    return this.em.transactional(async (em) => {
      if (clientId && isUuid(clientId)) {
        const replay = await em.findOne(User, { id: clientId }, { populate: ['grants'] });
        if (replay) {
          if (replay.username !== name) throw conflict('This id belongs to another user', 'ID_REUSED');
          return replay;
        }
      }
      if (await em.findOne(User, { username: name }, { fields: ['id'] })) {
        errors.add('username', 'DUPLICATE', 'This username is taken');
      }
      // Every field error in one answer: the administrator fixes the form once.
      const grants = await this.checkGrants(em, input, errors);
      const user = em.create(User, {
        id: clientId ?? randomUUID(),
        username: name,
        displayName: input.displayName.trim(),
        phone: input.phone?.trim() || null,
        poolingArea: input.poolingArea ?? null,
        passwordHash: await hashPassword(password),
        mustChangePassword: true,
      });
      for (const g of grants) em.create(RoleGrant, { id: randomUUID(), user, ...g });
      await em.flush();
      await this.audit.record(em, actor, { operation: 'CREATE', entity: 'User', entityId: user.id, poolingArea: user.poolingArea, after: userSnapshot(user) });
      return user;
    });
  }

  async update(actor: Actor | null, id: string, input: UserInput): Promise<User> {
    requirePermission(actor, 'user.manage');
    return this.em.transactional(async (em) => {
      const user = await em.findOne(User, { id: isUuid(id) ? id : randomUUID() }, { populate: ['grants'] });
      if (!user) throw notFound('User');
      const before = userSnapshot(user);
      const grants = await this.checkGrants(em, input);
      if (user.id === actor!.userId && !grants.some((g) => g.role === 'SYSTEM_ADMIN')) {
        throw new InputError([{ field: 'input.grants', reason: 'SELF_DEMOTION', message: 'You cannot remove your own administrator role' }]);
      }
      user.displayName = input.displayName.trim();
      user.phone = input.phone?.trim() || null;
      user.poolingArea = input.poolingArea ?? null;
      user.grants.removeAll();
      await em.flush();
      for (const g of grants) user.grants.add(em.create(RoleGrant, { id: randomUUID(), user, ...g }));
      await em.flush();
      await this.audit.record(em, actor, { operation: 'UPDATE', entity: 'User', entityId: user.id, poolingArea: user.poolingArea, before, after: userSnapshot(user) });
      return user;
    });
  }

  /** Disables or re-enables a user; disabling revokes their sessions. */
  async setStatus(actor: Actor | null, id: string, status: UserStatus): Promise<User> {
    requirePermission(actor, 'user.manage');
    return this.em.transactional(async (em) => {
      const user = await em.findOne(User, { id: isUuid(id) ? id : randomUUID() }, { populate: ['grants'] });
      if (!user) throw notFound('User');
      if (user.id === actor!.userId && status === 'DISABLED') throw conflict('You cannot disable yourself', 'SELF_DISABLE');
      const before = userSnapshot(user);
      user.status = status;
      if (status === 'ACTIVE') {
        user.failedAttempts = 0;
        user.lockedUntil = null;
      } else {
        await revokeSessions(em, { user: user.id }, this.clock.now(), 'DISABLED');
      }
      await em.flush();
      await this.audit.record(em, actor, { operation: status === 'ACTIVE' ? 'ENABLE' : 'DISABLE', entity: 'User', entityId: user.id, poolingArea: user.poolingArea, before, after: userSnapshot(user) });
      return user;
    });
  }

  /** Sets a one-time password the user must change at next sign-in; revokes their sessions and unlocks them. */
  async resetPassword(actor: Actor | null, id: string): Promise<{ user: User; temporaryPassword: string }> {
    requirePermission(actor, 'user.manage');
    return this.em.transactional(async (em) => {
      const user = await em.findOne(User, { id: isUuid(id) ? id : randomUUID() }, { populate: ['grants'] });
      if (!user) throw notFound('User');
      // 12 random characters from every class, so the one-time password meets the policy.
      const temporaryPassword = 'Tmp-' + randomBytes(9).toString('base64url') + '7a';
      user.passwordHash = await hashPassword(temporaryPassword);
      user.mustChangePassword = true;
      user.failedAttempts = 0;
      user.lockedUntil = null;
      user.passwordChangedAt = this.clock.now();
      await revokeSessions(em, { user: user.id }, this.clock.now(), 'PASSWORD_RESET');
      await em.flush();
      await this.audit.record(em, actor, { operation: 'RESET_PASSWORD', entity: 'User', entityId: user.id, poolingArea: user.poolingArea });
      return { user, temporaryPassword };
    });
  }

  /** Each role's scope must be given, exist, and lie in the user's pooling area. */
  private async checkGrants(em: EntityManager, input: UserInput, errors = new FieldErrors('input')) {
    if (!input.displayName.trim() || input.displayName.trim().length > 50) errors.add('displayName', 'LENGTH', 'A name has 1 to 50 characters');
    if (input.poolingArea) {
      const area = await em.findOne(Region, { code: input.poolingArea });
      if (!area || area.poolingArea !== area.code) errors.add('poolingArea', 'UNKNOWN_POOLING_AREA', 'No such pooling area');
    }
    if (input.grants.length === 0) errors.add('grants', 'EMPTY', 'Give at least one role');
    const roles = new Set<Role>();
    const out: { role: Role; poolingArea: string | null; agency: Agency | null; assessmentOrg: AssessmentOrg | null }[] = [];
    for (const [i, g] of input.grants.entries()) {
      const field = `grants.${i}`;
      if (roles.has(g.role)) errors.add(`${field}.role`, 'DUPLICATE', 'Each role once');
      roles.add(g.role);
      const scope = ROLE_SCOPE[g.role];
      const grant = { role: g.role, poolingArea: null as string | null, agency: null as Agency | null, assessmentOrg: null as AssessmentOrg | null };
      if (scope === 'poolingArea') {
        if (!g.poolingArea) errors.add(`${field}.poolingArea`, 'REQUIRED', 'This role is bound to a pooling area');
        else if (g.poolingArea !== input.poolingArea) errors.add(`${field}.poolingArea`, 'OTHER_POOLING_AREA', "The role's pooling area must be the user's");
        grant.poolingArea = g.poolingArea ?? null;
      } else if (scope === 'agency') {
        const agency = g.agencyId && isUuid(g.agencyId) ? await em.findOne(Agency, { id: g.agencyId }) : null;
        if (!agency) errors.add(`${field}.agencyId`, 'UNKNOWN_AGENCY', 'This role is bound to an existing care agency');
        else if (agency.poolingArea !== input.poolingArea) errors.add(`${field}.agencyId`, 'OTHER_POOLING_AREA', "The agency must be in the user's pooling area");
        grant.agency = agency;
      } else if (scope === 'assessmentOrg') {
        const org = g.assessmentOrgId && isUuid(g.assessmentOrgId) ? await em.findOne(AssessmentOrg, { id: g.assessmentOrgId }) : null;
        if (!org) errors.add(`${field}.assessmentOrgId`, 'UNKNOWN_ORG', 'This role is bound to an existing assessment organisation');
        else if (org.poolingArea !== input.poolingArea) errors.add(`${field}.assessmentOrgId`, 'OTHER_POOLING_AREA', "The organisation must be in the user's pooling area");
        grant.assessmentOrg = org;
      }
      out.push(grant);
    }
    const agencies = new Set(out.filter((g) => g.agency).map((g) => g.agency!.id));
    if (agencies.size > 1) errors.add('grants', 'MANY_AGENCIES', 'Agency roles bind a user to one care agency');
    if (!input.poolingArea && out.some((g) => g.role !== 'SYSTEM_ADMIN')) errors.add('poolingArea', 'REQUIRED', 'Every role but administrator needs a pooling area');
    errors.throwIfAny();
    return out;
  }
}

export type OrgKind = 'AGENCY' | 'ASSESSMENT_ORG';

export class OrgsService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditTrail,
  ) {}

  async list(actor: Actor | null, kind: OrgKind, poolingArea: string | null): Promise<(Agency | AssessmentOrg)[]> {
    requirePermission(actor, 'org.read');
    const entity = kind === 'AGENCY' ? Agency : AssessmentOrg;
    const where: FilterQuery<Agency> = poolingArea ? { poolingArea } : {};
    // Agency staff see their own agency only; officers and supervisors their areas; administrators all.
    const a = actor!;
    const scoped: FilterQuery<Agency>[] = [];
    if (!a.roles.includes('SYSTEM_ADMIN')) {
      const areas = a.grants.filter((g) => g.role === 'FUND_OFFICER' || g.role === 'SUPERVISOR').map((g) => g.poolingArea!);
      const agencies = a.grants.filter((g) => g.agencyId).map((g) => g.agencyId!);
      if (areas.length) scoped.push({ poolingArea: { $in: areas } });
      if (agencies.length && kind === 'AGENCY') scoped.push({ id: { $in: agencies } });
      if (scoped.length === 0) return [];
    }
    return this.em.find(entity as typeof Agency, { $and: [where, ...(scoped.length ? [{ $or: scoped }] : [])] }, { orderBy: { name: 'asc' }, limit: 500 });
  }

  async create(actor: Actor | null, kind: OrgKind, input: { id?: string | null; name: string; creditCode: string; poolingArea: string }) {
    requirePermission(actor, 'org.manage');
    const errors = new FieldErrors('input');
    const name = input.name.trim();
    if (!name || name.length > 100) errors.add('name', 'LENGTH', 'A name has 1 to 100 characters');
    const code = parseCreditCode(input.creditCode);
    if (!code.ok) errors.add('creditCode', code.reason, code.message);
    if (input.id != null && !isUuid(input.id)) errors.add('id', 'FORMAT', 'A client id is a UUID');
    const area = await this.em.findOne(Region, { code: input.poolingArea });
    if (!area || area.poolingArea !== area.code) errors.add('poolingArea', 'UNKNOWN_POOLING_AREA', 'No such pooling area');
    errors.throwIfAny();
    const entity = kind === 'AGENCY' ? Agency : AssessmentOrg;
    return this.em.transactional(async (em) => {
      if (input.id) {
        const replay = await em.findOne(entity as typeof Agency, { id: input.id });
        if (replay) return replay;
      }
      const creditCode = (code as { value: string }).value;
      if (await em.findOne(entity as typeof Agency, { poolingArea: input.poolingArea, creditCode })) {
        throw new InputError([{ field: 'input.creditCode', reason: 'DUPLICATE', message: 'An organisation with this code is registered' }]);
      }
      const org = em.create(entity as typeof Agency, { id: input.id ?? randomUUID(), name, creditCode, poolingArea: input.poolingArea });
      await em.flush();
      await this.audit.record(em, actor, { operation: 'CREATE', entity: kind === 'AGENCY' ? 'Agency' : 'AssessmentOrg', entityId: org.id, poolingArea: org.poolingArea, after: { name, creditCode } });
      return org;
    });
  }
}
