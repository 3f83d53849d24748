// Use cases for insured persons: actor first, scope, rules, persist — one transaction each.
import { UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { InsuredPerson, type InsuranceType, type PersonStatus } from './insured-person.entity.ts';
import { Region } from '../regions/region.entity.ts';
import { checkDeath, checkPersonInput, classifySearch, type PersonInput } from './people.rules.ts';
import { conflict, InputError, notFound } from '../shared/errors.ts';
import { localDate, type Clock } from '../shared/clock.ts';
import type { Actor } from '../graphql/context.ts';
import { findPage, type Page, type PageRequest } from '../graphql/pagination.ts';

export interface PersonFilter {
  regionCode?: string | null;
  search?: string | null;
  status?: PersonStatus | null;
  insuranceType?: InsuranceType | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

/** Object scope for insured persons. Before identity lands every caller sees everything; identity narrows it. */
export function personScope(_actor: Actor | null): FilterQuery<InsuredPerson> {
  return {};
}

export class PeopleService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  private today(): string {
    return localDate(this.clock.now());
  }

  /** One person in the actor's scope; "not yours" and "not there" answer alike. */
  get(actor: Actor | null, id: string): Promise<InsuredPerson> {
    return findInScope(this.em, actor, id);
  }

  async list(actor: Actor | null, filter: PersonFilter, page: PageRequest): Promise<Page<InsuredPerson>> {
    const where: FilterQuery<InsuredPerson>[] = [personScope(actor)];
    if (filter.regionCode) {
      const region = await this.em.findOne(Region, { code: filter.regionCode });
      if (!region) throw new InputError([{ field: 'filter.regionCode', reason: 'UNKNOWN_REGION', message: 'No such region' }]);
      where.push({ region: { $like: likeEscape(region.code) + '%' } } as FilterQuery<InsuredPerson>);
    }
    const search = classifySearch(filter.search ?? '');
    if (search?.kind === 'idNumber') where.push({ idNumber: search.value });
    if (search?.kind === 'name') where.push({ name: { $ilike: '%' + likeEscape(search.value) + '%' } });
    if (filter.status) where.push({ status: filter.status });
    if (filter.insuranceType) where.push({ insuranceType: filter.insuranceType });
    return findPage(this.em, InsuredPerson, { $and: where }, { name: 'asc', id: 'asc' }, page);
  }

  async create(actor: Actor | null, input: PersonInput & { id?: string | null }): Promise<InsuredPerson> {
    if (input.id != null && !UUID.test(input.id)) {
      throw new InputError([{ field: 'input.id', reason: 'FORMAT', message: 'A client id is a UUID' }]);
    }
    return this.em.transactional(async (em) => {
      if (input.id) {
        // A replayed create (same client id) returns what the first one stored.
        const existing = await em.findOne(InsuredPerson, { id: input.id });
        if (existing) {
          if (existing.idNumber !== input.idNumber.trim().toUpperCase()) throw conflict('This id belongs to another person', 'ID_REUSED');
          return findInScope(em, actor, existing.id);
        }
      }
      const region = await em.findOne(Region, { code: input.regionCode });
      const record = checkPersonInput(input, { today: this.today(), region });
      await this.assertUniqueId(em, record.poolingArea, record.idNumber, null);
      const { regionCode: _code, ...fields } = record;
      const person = em.create(InsuredPerson, { ...fields, id: input.id ?? randomUUID(), region: region!, status: 'ACTIVE' });
      await this.flushUnique(em);
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
      const person = await findInScope(em, actor, id);
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
      return person;
    });
  }

  async recordDeath(actor: Actor | null, id: string, dateOfDeath: string): Promise<InsuredPerson> {
    return this.em.transactional(async (em) => {
      const person = await findInScope(em, actor, id);
      if (person.status === 'DECEASED') throw conflict('The death is already recorded', 'ALREADY_DECEASED');
      checkDeath(person, dateOfDeath, this.today());
      person.status = 'DECEASED';
      person.dateOfDeath = dateOfDeath;
      await em.flush();
      return person;
    });
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

async function findInScope(em: EntityManager, actor: Actor | null, id: string): Promise<InsuredPerson> {
  if (!UUID.test(id)) throw notFound('Insured person');
  const person = await em.findOne(InsuredPerson, { $and: [{ id }, personScope(actor)] });
  if (!person) throw notFound('Insured person');
  return person;
}

function duplicateId(): never {
  throw new InputError([
    { field: 'input.idNumber', reason: 'DUPLICATE', message: 'A person with this ID number is already insured in this pooling area' },
  ]);
}
