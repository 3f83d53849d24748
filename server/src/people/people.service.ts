// Use cases for insured persons: actor first, scope, rules, persist — one transaction each.
import { UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { InsuredPerson, type InsuranceType, type PersonStatus } from './insured-person.entity.ts';
import { Region } from '../regions/region.entity.ts';
import { checkDeath, checkPersonInput, classifySearch, type PersonInput } from './people.rules.ts';
import { AppError, conflict, InputError, notFound } from '../shared/errors.ts';
import { localDate, type Clock } from '../shared/clock.ts';
import { isUuid } from '../shared/identifiers.ts';
import { containsPattern } from '../shared/sql.ts';
import type { Actor } from '../graphql/context.ts';
import type { AuditTrail } from '../audit/audit.service.ts';
import { areasWith, personScope, requirePermission } from '../identity/identity.access.ts';
import type { Permission } from '../identity/permissions.ts';
import { findPage, type Page, type PageRequest } from '../graphql/pagination.ts';
import { CarePlanService } from '../careplan/careplan.service.ts';

export interface PersonFilter {
  regionCode?: string | null;
  search?: string | null;
  status?: PersonStatus | null;
  insuranceType?: InsuranceType | null;
}


export class PeopleService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  private today(): string {
    return localDate(this.clock.now());
  }

  /** One person in the actor's scope; "not yours" and "not there" answer alike. */
  get(actor: Actor | null, id: string): Promise<InsuredPerson> {
    return this.findInScope(this.em, actor, id, 'person.read');
  }

  /** The full ID number, for roles that need it; every reveal is audited. */
  async revealIdNumber(actor: Actor | null, id: string): Promise<string> {
    return this.em.transactional(async (em) => {
      const person = await this.findInScope(em, actor, id, 'person.revealId');
      await this.audit.record(em, actor, { operation: 'REVEAL_ID', entity: 'InsuredPerson', entityId: person.id, poolingArea: person.poolingArea });
      return person.idNumber;
    });
  }

  async list(actor: Actor | null, filter: PersonFilter, page: PageRequest): Promise<Page<InsuredPerson>> {
    const where: FilterQuery<InsuredPerson>[] = [personScope(requirePermission(actor, 'person.read'), 'person.read', this.today())];
    if (filter.regionCode) {
      const region = await this.em.findOne(Region, { code: filter.regionCode });
      if (!region) throw new InputError([{ field: 'filter.regionCode', reason: 'UNKNOWN_REGION', message: 'No such region' }]);
      where.push({ region: { $like: region.code + '%' } } as FilterQuery<InsuredPerson>);
    }
    const search = classifySearch(filter.search ?? '');
    if (search?.kind === 'idNumber') where.push({ idNumber: search.value });
    if (search?.kind === 'name') where.push({ name: { $ilike: containsPattern(search.value) } });
    if (filter.status) where.push({ status: filter.status });
    if (filter.insuranceType) where.push({ insuranceType: filter.insuranceType });
    return findPage(this.em, InsuredPerson, { $and: where }, { name: 'asc', id: 'asc' }, page);
  }

  async create(actor: Actor | null, input: PersonInput & { id?: string | null }): Promise<InsuredPerson> {
    if (input.id != null && !isUuid(input.id)) {
      throw new InputError([{ field: 'input.id', reason: 'FORMAT', message: 'A client id is a UUID' }]);
    }
    const a = requirePermission(actor, 'person.create');
    return this.em.transactional(async (em) => {
      if (input.id) {
        // A replayed create (same client id) returns what the first one stored.
        const existing = await em.findOne(InsuredPerson, { id: input.id });
        if (existing) {
          if (existing.idNumber !== input.idNumber.trim().toUpperCase()) throw conflict('This id belongs to another person', 'ID_REUSED');
          return this.findInScope(em, actor, existing.id, 'person.read');
        }
      }
      const region = await em.findOne(Region, { code: input.regionCode });
      const record = checkPersonInput(input, { today: this.today(), region });
      if (!areasWith(a, 'person.create').includes(record.poolingArea)) {
        throw new AppError('FORBIDDEN', 'This region lies outside your pooling areas', { reason: 'OUT_OF_SCOPE' });
      }
      await this.assertUniqueId(em, record.poolingArea, record.idNumber, null);
      const { regionCode: _code, ...fields } = record;
      const person = em.create(InsuredPerson, { ...fields, id: input.id ?? randomUUID(), region: region!, status: 'ACTIVE' });
      await this.flushUnique(em);
      await this.audit.record(em, actor, { operation: 'CREATE', entity: 'InsuredPerson', entityId: person.id, poolingArea: person.poolingArea, after: snapshot(person) });
      return person;
    });
  }

  /** Updates a person; an omitted idNumber keeps the stored one. */
  async update(
    actor: Actor | null,
    id: string,
    change: Omit<PersonInput, 'idNumber'> & { idNumber?: string | null },
    expectedVersion?: number | null,
  ): Promise<InsuredPerson> {
    return this.em.transactional(async (em) => {
      const person = await this.findInScope(em, actor, id, 'person.update');
      const before = snapshot(person);
      if (expectedVersion != null && expectedVersion !== person.version) {
        throw conflict('The record was changed by someone else; reload and try again', 'STALE_VERSION');
      }
      const input: PersonInput = { ...change, idNumber: change.idNumber ?? person.idNumber };
      const region = await em.findOne(Region, { code: input.regionCode });
      const record = checkPersonInput(input, { today: this.today(), region });
      if (record.poolingArea !== person.poolingArea) {
        throw new InputError([{ field: 'input.regionCode', reason: 'OTHER_POOLING_AREA', message: 'A person moves to another pooling area by transfer, not by edit' }]);
      }
      await this.assertUniqueId(em, record.poolingArea, record.idNumber, person.id);
      const { regionCode: _code, ...fields } = record;
      em.assign(person, { ...fields, region: region! });
      await this.flushUnique(em);
      await this.audit.record(em, actor, { operation: 'UPDATE', entity: 'InsuredPerson', entityId: person.id, poolingArea: person.poolingArea, before, after: snapshot(person) });
      return person;
    });
  }

  async recordDeath(actor: Actor | null, id: string, dateOfDeath: string): Promise<InsuredPerson> {
    return this.em.transactional(async (em) => {
      const person = await this.findInScope(em, actor, id, 'person.recordDeath');
      if (person.status === 'DECEASED') throw conflict('The death is already recorded', 'ALREADY_DECEASED');
      checkDeath(person, dateOfDeath, this.today());
      const before = snapshot(person);
      person.status = 'DECEASED';
      person.dateOfDeath = dateOfDeath;
      await em.flush();
      await this.audit.record(em, actor, { operation: 'RECORD_DEATH', entity: 'InsuredPerson', entityId: person.id, poolingArea: person.poolingArea, before, after: snapshot(person) });
      // Death ends the person's care plans on the date of death, in the same transaction, each change audited.
      await new CarePlanService(em, this.clock, this.audit).endOnDeath(em, actor!, person);
      return person;
    });
  }

  /** One person the actor may act on with `permission`; "not yours" and "not there" answer alike. */
  private async findInScope(em: EntityManager, actor: Actor | null, id: string, permission: Permission): Promise<InsuredPerson> {
    const a = requirePermission(actor, permission);
    if (!isUuid(id)) throw notFound('Insured person');
    const person = await em.findOne(InsuredPerson, { $and: [{ id }, personScope(a, permission, this.today())] });
    if (!person) throw notFound('Insured person');
    return person;
  }

  private async assertUniqueId(em: EntityManager, poolingArea: string, idNumber: string, self: string | null) {
    const clash = await em.findOne(InsuredPerson, { poolingArea, idNumber, ...(self ? { id: { $ne: self } } : {}) }, { fields: ['id'] });
    if (clash) duplicateId();
  }

  /** Flush, turning a lost race on the unique ID number into the same field error as the check above. */
  private async flushUnique(em: EntityManager) {
    try {
      await em.flush();
    } catch (e) {
      if (e instanceof UniqueConstraintViolationException) duplicateId();
      throw e;
    }
  }
}

/** The fields the audit trail compares. */
function snapshot(p: InsuredPerson): Record<string, unknown> {
  return {
    name: p.name,
    idNumber: p.idNumber,
    phone: p.phone,
    insuranceType: p.insuranceType,
    insuredSince: p.insuredSince,
    status: p.status,
    dateOfDeath: p.dateOfDeath,
    address: p.address,
    longitude: p.longitude,
    latitude: p.latitude,
    regionCode: p.region.code,
    emergencyContactName: p.emergencyContactName,
    emergencyContactRelation: p.emergencyContactRelation,
    emergencyContactPhone: p.emergencyContactPhone,
  };
}

function duplicateId(): never {
  throw new InputError([
    { field: 'input.idNumber', reason: 'DUPLICATE', message: 'A person with this ID number is already insured in this pooling area' },
  ]);
}
