// Use cases of care providers: agencies, contracts and their price schedules, the catalogue, caregivers,
// quarterly evaluations and violations. Actor first; scope as SQL filters; one transaction; audited.
import { randomUUID } from 'node:crypto';
import { LockMode, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Agency, type AgencyKind } from '../identity/org.entity.ts';
import { User } from '../identity/user.entity.ts';
import { Region } from '../regions/region.entity.ts';
import { CatalogueItem, Caregiver, Contract, Employment, Evaluation, EvaluationSheetRow, PriceSchedule, Violation, type ViolationAction } from './providers.entity.ts';
import { CARE_FORMS, type CareForm, type ItemCategory } from './catalogue.ts';
import {
  caregiverEligibility,
  checkSheet,
  contractStatusOn,
  DEFAULT_SHEET,
  evaluate,
  nextContractState,
  quarterDates,
  termsOverlap,
  versionOn,
  type CaregiverQualification,
  type ContractFacts,
  type ContractVerb,
  type EvaluationSheet,
} from './providers.rules.ts';
import { agenciesWith, areasWith, NOTHING, requirePermission } from '../identity/identity.access.ts';
import { containsPattern } from '../shared/sql.ts';
import type { Actor } from '../graphql/context.ts';
import type { AuditTrail } from '../audit/audit.service.ts';
import { AppError, FieldErrors, InputError, notFound } from '../shared/errors.ts';
import { isPhoneNumber, isUuid, parseCreditCode, parseResidentId } from '../shared/identifiers.ts';
import { localDate, type Clock } from '../shared/clock.ts';
import { addDays } from '../shared/dates.ts';
import type { Permission } from '../identity/permissions.ts';
import { findPage, type Page, type PageRequest } from '../graphql/pagination.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const contractFacts = (c: Contract): ContractFacts => ({ state: c.state, startDate: c.startDate, endDate: c.endDate, suspendedFrom: c.suspendedFrom, suspendedUntil: c.suspendedUntil });

export interface AgencyInput {
  name: string;
  creditCode: string;
  kind: AgencyKind;
  address?: string | null;
  longitude?: number | null;
  latitude?: number | null;
  serviceArea?: string[] | null;
  beds?: number | null;
  legalRepresentative?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
  bankName?: string | null;
  bankAccount?: string | null;
}

export interface CaregiverInput {
  id?: string | null;
  agencyId: string;
  name: string;
  idNumber: string;
  qualification: CaregiverQualification;
  level?: number | null;
  certificateNo: string;
  certificateExpiry: string;
  licenceNo?: string | null;
  trainingHours?: number | null;
  phone?: string | null;
}

export class ProvidersService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  today(): string {
    return localDate(this.clock.now());
  }

  /** Agencies the actor may act on with `permission`: officers and supervisors their areas, agency staff their own. */
  agencyScope(actor: Actor, permission: Permission, alias: 'id' | 'agency' = 'id'): FilterQuery<never> {
    const or: Record<string, unknown>[] = [];
    const areas = areasWith(actor, permission);
    if (areas.length) or.push({ poolingArea: { $in: areas } });
    const own = agenciesWith(actor, permission);
    if (own.length) or.push({ [alias]: { $in: own } });
    if (or.length === 0) return NOTHING;
    return (or.length === 1 ? or[0] : { $or: or }) as never;
  }

  private async findAgency(em: EntityManager, actor: Actor | null, id: string, permission: Permission): Promise<Agency> {
    const a = requirePermission(actor, permission);
    const agency = isUuid(id) ? await em.findOne(Agency, { $and: [{ id }, this.agencyScope(a, permission)] } as never) : null;
    if (!agency) throw notFound('Agency');
    return agency;
  }

  // ---- agencies ---------------------------------------------------------------------------------

  async agencies(actor: Actor | null, filter: { kind?: AgencyKind | null; search?: string | null }): Promise<Agency[]> {
    const a = requirePermission(actor, 'provider.read');
    const where: FilterQuery<Agency>[] = [this.agencyScope(a, 'provider.read') as never];
    if (filter.kind) where.push({ kind: filter.kind });
    if (filter.search?.trim()) where.push({ name: { $ilike: containsPattern(filter.search.trim()) } });
    return this.em.find(Agency, { $and: where }, { orderBy: { name: 'asc' }, limit: 500 });
  }

  agency(actor: Actor | null, id: string): Promise<Agency> {
    return this.findAgency(this.em, actor, id, 'provider.read');
  }

  private async checkAgency(em: EntityManager, input: AgencyInput): Promise<{ creditCode: string }> {
    const e = new FieldErrors('input');
    if (!input.name.trim() || input.name.trim().length > 100) e.add('name', 'LENGTH', '1 to 100 characters');
    const code = parseCreditCode(input.creditCode);
    if (!code.ok) e.add('creditCode', code.reason, code.message);
    if (input.contactPhone && !isPhoneNumber(input.contactPhone)) e.add('contactPhone', 'FORMAT', 'Not a mainland mobile or landline number');
    if (input.beds != null && (!Number.isInteger(input.beds) || input.beds < 0 || input.beds > 100000)) e.add('beds', 'RANGE', 'A whole number of beds');
    if ((input.longitude == null) !== (input.latitude == null)) e.add('longitude', 'INCOMPLETE', 'Give both longitude and latitude, or neither');
    if (input.longitude != null && (input.longitude < 73.4 || input.longitude > 135.1)) e.add('longitude', 'OUT_OF_RANGE', 'Longitude in China (WGS-84)');
    if (input.latitude != null && (input.latitude < 3.8 || input.latitude > 53.6)) e.add('latitude', 'OUT_OF_RANGE', 'Latitude in China (WGS-84)');
    if (input.bankAccount && !/^\d{8,30}$/.test(input.bankAccount.replace(/\s/g, ''))) e.add('bankAccount', 'FORMAT', '8 to 30 digits');
    const area = [...new Set(input.serviceArea ?? [])];
    if (area.length && (await em.count(Region, { code: { $in: area } })) !== area.length) e.add('serviceArea', 'UNKNOWN_REGION', 'No such region');
    e.throwIfAny();
    return { creditCode: (code as { value: string }).value };
  }

  private agencyFields(input: AgencyInput) {
    return {
      name: input.name.trim(),
      kind: input.kind,
      address: input.address?.trim() || null,
      longitude: input.longitude ?? null,
      latitude: input.latitude ?? null,
      serviceArea: [...new Set(input.serviceArea ?? [])],
      beds: input.beds ?? null,
      legalRepresentative: input.legalRepresentative?.trim() || null,
      contactName: input.contactName?.trim() || null,
      contactPhone: input.contactPhone?.trim() || null,
      bankName: input.bankName?.trim() || null,
      bankAccount: input.bankAccount?.replace(/\s/g, '') || null,
    };
  }

  /** A fund officer registers an agency of their pooling area with its profile. */
  async createAgency(actor: Actor | null, poolingArea: string, input: AgencyInput & { id?: string | null }): Promise<Agency> {
    const a = requirePermission(actor, 'agency.register');
    const area = await this.em.findOne(Region, { code: poolingArea });
    if (!area || area.poolingArea !== area.code) throw new InputError([{ field: 'poolingArea', reason: 'UNKNOWN_POOLING_AREA', message: 'No such pooling area' }]);
    if (!areasWith(a, 'agency.register').includes(poolingArea)) throw new AppError('FORBIDDEN', 'Another pooling area', { reason: 'OUT_OF_SCOPE' });
    return this.em.transactional(async (em) => {
      if (isUuid(input.id)) {
        const replay = await em.findOne(Agency, { id: input.id });
        if (replay) return replay;
      }
      const { creditCode } = await this.checkAgency(em, input);
      if (await em.findOne(Agency, { poolingArea, creditCode })) throw new InputError([{ field: 'input.creditCode', reason: 'DUPLICATE', message: 'An agency with this code is registered' }]);
      const agency = em.create(Agency, { id: input.id ?? randomUUID(), poolingArea, creditCode, ...this.agencyFields(input) });
      await em.flush();
      await this.audit.record(em, a, { operation: 'CREATE', entity: 'Agency', entityId: agency.id, poolingArea, after: { ...this.agencyFields(input), creditCode } });
      return agency;
    });
  }

  /** Officers update agencies of their area; an agency's administrator updates their own profile. */
  /** An optional field left out keeps its value; sent as null it is cleared. */
  async updateAgency(actor: Actor | null, id: string, change: AgencyInput): Promise<Agency> {
    return this.em.transactional(async (em) => {
      const agency = await this.findAgency(em, actor, id, 'agency.manage');
      const current = this.agencyFields(agency as never);
      const input = { ...current, ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) } as AgencyInput;
      const { creditCode } = await this.checkAgency(em, input);
      const before = { ...current, creditCode: agency.creditCode };
      em.assign(agency, { ...this.agencyFields(input), creditCode });
      await em.flush();
      await this.audit.record(em, actor, { operation: 'UPDATE', entity: 'Agency', entityId: agency.id, poolingArea: agency.poolingArea, before, after: { ...this.agencyFields(input), creditCode } });
      return agency;
    });
  }

  // ---- contracts --------------------------------------------------------------------------------

  private async findContract(em: EntityManager, actor: Actor | null, id: string, permission: Permission, lock = false): Promise<Contract> {
    const a = requirePermission(actor, permission);
    const c = isUuid(id)
      ? await em.findOne(Contract, { $and: [{ id }, this.agencyScope(a, permission, 'agency')] } as never, { populate: ['agency'], ...(lock ? { lockMode: LockMode.PESSIMISTIC_WRITE, lockTableAliases: ['c0'] } : {}) })
      : null;
    if (!c) throw notFound('Contract');
    return c;
  }

  contract(actor: Actor | null, id: string): Promise<Contract> {
    return this.findContract(this.em, actor, id, 'provider.read');
  }

  async contracts(actor: Actor | null, filter: { agencyId?: string | null; state?: string | null; expiringWithinDays?: number | null }): Promise<Contract[]> {
    const a = requirePermission(actor, 'provider.read');
    const where: FilterQuery<Contract>[] = [this.agencyScope(a, 'provider.read', 'agency') as never];
    if (filter.agencyId) where.push({ agency: isUuid(filter.agencyId) ? filter.agencyId : randomUUID() });
    if (filter.state) where.push({ state: filter.state as never });
    if (filter.expiringWithinDays != null) {
      if (filter.expiringWithinDays < 0 || filter.expiringWithinDays > 366) throw new InputError([{ field: 'expiringWithinDays', reason: 'RANGE', message: '0 to 366 days' }]);
      const today = this.today();
      where.push({ state: { $in: ['APPROVED', 'SUSPENDED'] }, endDate: { $gte: today, $lte: addDays(today, filter.expiringWithinDays) } });
    }
    return this.em.find(Contract, { $and: where }, { populate: ['agency'], orderBy: filter.expiringWithinDays != null ? { endDate: 'asc' } : { createdAt: 'desc' }, limit: 500 });
  }

  /** An agency applies for a contract (a draft it then submits); a renewal names the contract it follows. */
  async applyForContract(actor: Actor | null, input: { id?: string | null; agencyId: string; careForms: CareForm[]; startDate: string; endDate: string; renewalOfId?: string | null }): Promise<Contract> {
    return this.em.transactional(async (em) => {
      if (isUuid(input.id)) {
        const replay = await em.findOne(Contract, { id: input.id }, { populate: ['agency'] });
        if (replay) return replay;
      }
      const agency = await this.findAgency(em, actor, input.agencyId, 'contract.apply');
      const e = new FieldErrors('input');
      if (!input.careForms.length) e.add('careForms', 'REQUIRED', 'At least one care form');
      if (input.careForms.some((f) => !CARE_FORMS.includes(f))) e.add('careForms', 'UNKNOWN', 'Unknown care form');
      if (!DATE.test(input.startDate)) e.add('startDate', 'DATE', 'YYYY-MM-DD');
      if (!DATE.test(input.endDate)) e.add('endDate', 'DATE', 'YYYY-MM-DD');
      else if (input.endDate <= input.startDate) e.add('endDate', 'BEFORE_START', 'The term ends after it starts');
      let renewalOf: Contract | null = null;
      if (input.renewalOfId) {
        renewalOf = isUuid(input.renewalOfId) ? await em.findOne(Contract, { id: input.renewalOfId, agency: agency.id }) : null;
        if (!renewalOf) e.add('renewalOfId', 'UNKNOWN_CONTRACT', 'No such contract of this agency');
        else if (input.startDate <= renewalOf.endDate) e.add('startDate', 'OVERLAPS_RENEWED', `A renewal starts after ${renewalOf.endDate}`);
      }
      e.throwIfAny();
      const c = em.create(Contract, { id: input.id ?? randomUUID(), poolingArea: agency.poolingArea, agency, careForms: [...new Set(input.careForms)], startDate: input.startDate, endDate: input.endDate, renewalOf });
      await em.flush();
      await this.audit.record(em, actor, { operation: 'APPLY', entity: 'Contract', entityId: c.id, poolingArea: c.poolingArea, after: { agencyId: agency.id, careForms: c.careForms, startDate: c.startDate, endDate: c.endDate, renewalOf: renewalOf?.id ?? null } });
      return c;
    });
  }

  private async move(em: EntityManager, actor: Actor, c: Contract, verb: ContractVerb, why: Record<string, unknown> = {}) {
    const from = c.state;
    c.state = nextContractState(from, verb);
    await em.flush();
    await this.audit.record(em, actor, { operation: verb.toUpperCase(), entity: 'Contract', entityId: c.id, poolingArea: c.poolingArea, before: { state: from }, after: { state: c.state }, detail: why });
  }

  async submitContract(actor: Actor | null, id: string): Promise<Contract> {
    return this.em.transactional(async (em) => {
      const c = await this.findContract(em, actor, id, 'contract.apply', true);
      await this.move(em, actor!, c, 'submit');
      return c;
    });
  }

  /** Approval: prices must be set, and no other contract of the agency in the area may overlap the term. */
  async approveContract(actor: Actor | null, id: string): Promise<Contract> {
    return this.em.transactional(async (em) => {
      const c = await this.findContract(em, actor, id, 'contract.process', true);
      nextContractState(c.state, 'approve');
      // One contract in force per agency and pooling area: serialise approvals of the agency.
      await em.getConnection().execute('select pg_advisory_xact_lock(hashtext(?))', [c.agency.id], 'all', em.getTransactionContext());
      const others = await em.find(Contract, { agency: c.agency.id, poolingArea: c.poolingArea, state: { $in: ['APPROVED', 'SUSPENDED'] }, id: { $ne: c.id } });
      const clash = others.find((o) => termsOverlap(o, c));
      if (clash) throw new AppError('CONFLICT', `Another contract of this agency runs ${clash.startDate} – ${clash.endDate}`, { reason: 'OVERLAPPING_CONTRACT', state: c.state });
      if ((await em.count(PriceSchedule, { contract: c.id })) === 0) throw new AppError('CONFLICT', 'Set the price schedule before approving', { reason: 'NO_PRICES', state: c.state });
      await this.move(em, actor!, c, 'approve');
      return c;
    });
  }

  async rejectContract(actor: Actor | null, id: string, reason: string): Promise<Contract> {
    if (!reason.trim() || reason.length > 200) throw new InputError([{ field: 'reason', reason: 'LENGTH', message: '1 to 200 characters' }]);
    return this.em.transactional(async (em) => {
      const c = await this.findContract(em, actor, id, 'contract.process', true);
      c.stateReason = reason.trim();
      await this.move(em, actor!, c, 'reject', { reason: reason.trim() });
      return c;
    });
  }

  async suspendContract(actor: Actor | null, id: string, reason: string, from: string, until: string | null): Promise<Contract> {
    const e = new FieldErrors('');
    if (!reason.trim() || reason.length > 200) e.add('reason', 'LENGTH', '1 to 200 characters');
    if (!DATE.test(from)) e.add('from', 'DATE', 'YYYY-MM-DD');
    if (until != null && (!DATE.test(until) || until < from)) e.add('until', 'DATE', 'A date on or after the start');
    e.throwIfAny();
    return this.em.transactional(async (em) => {
      const c = await this.findContract(em, actor, id, 'contract.process', true);
      Object.assign(c, { suspendedFrom: from, suspendedUntil: until, stateReason: reason.trim() });
      await this.move(em, actor!, c, 'suspend', { reason: reason.trim(), from, until });
      return c;
    });
  }

  async resumeContract(actor: Actor | null, id: string): Promise<Contract> {
    return this.em.transactional(async (em) => {
      const c = await this.findContract(em, actor, id, 'contract.process', true);
      Object.assign(c, { suspendedFrom: null, suspendedUntil: null, stateReason: null });
      await this.move(em, actor!, c, 'resume');
      return c;
    });
  }

  /** Termination; the agency's beneficiaries must move to other agencies (listed by care plans later). */
  async terminateContract(actor: Actor | null, id: string, reason: string): Promise<Contract> {
    if (!reason.trim() || reason.length > 200) throw new InputError([{ field: 'reason', reason: 'LENGTH', message: '1 to 200 characters' }]);
    return this.em.transactional(async (em) => {
      const c = await this.findContract(em, actor, id, 'contract.process', true);
      c.stateReason = reason.trim();
      await this.move(em, actor!, c, 'terminate', { reason: reason.trim() });
      return c;
    });
  }

  // ---- prices -----------------------------------------------------------------------------------

  async schedules(actor: Actor | null, contractId: string): Promise<PriceSchedule[]> {
    const c = await this.findContract(this.em, actor, contractId, 'provider.read');
    return this.em.find(PriceSchedule, { contract: c.id }, { orderBy: { effectiveFrom: 'asc' } });
  }

  /**
   * A new version of a contract's prices from a date. Once a contract is approved, a version may only take
   * effect from today on: earlier days keep the prices they had.
   */
  async addPriceSchedule(
    actor: Actor | null,
    contractId: string,
    input: { effectiveFrom: string; itemPrices: Record<string, number>; dayRates?: Record<string, Record<string, number>> | null; notes?: Record<string, string> | null },
  ): Promise<PriceSchedule> {
    return this.em.transactional(async (em) => {
      const c = await this.findContract(em, actor, contractId, 'contract.process', true);
      const e = new FieldErrors('input');
      if (!DATE.test(input.effectiveFrom)) e.add('effectiveFrom', 'DATE', 'YYYY-MM-DD');
      else {
        if (input.effectiveFrom < c.startDate || input.effectiveFrom > c.endDate) e.add('effectiveFrom', 'OUTSIDE_TERM', `Within the term ${c.startDate} – ${c.endDate}`);
        if ((c.state === 'APPROVED' || c.state === 'SUSPENDED') && input.effectiveFrom < this.today()) e.add('effectiveFrom', 'PAST', 'A price change takes effect from today on; earlier days keep their prices');
      }
      if (['REJECTED', 'TERMINATED'].includes(c.state)) throw new AppError('CONFLICT', `The contract is ${c.state}`, { reason: 'ILLEGAL_TRANSITION', state: c.state });
      const catalogue = await this.catalogueOn(em, c.poolingArea, DATE.test(input.effectiveFrom) ? input.effectiveFrom : this.today());
      const byCode = new Map(catalogue.map((i) => [i.code, i]));
      const notes = input.notes ?? {};
      if (Object.keys(input.itemPrices).length === 0 && !c.careForms.every((f) => f === 'INSTITUTION' || f === 'HOSPITAL')) e.add('itemPrices', 'REQUIRED', 'Price the items');
      for (const [code, fen] of Object.entries(input.itemPrices)) {
        const item = byCode.get(code);
        if (!item) e.add(`itemPrices.${code}`, 'UNKNOWN_ITEM', 'Not in the catalogue on that date');
        else if (!Number.isInteger(fen) || fen <= 0) e.add(`itemPrices.${code}`, 'AMOUNT', 'A positive whole number of fen');
        else if (fen > item.defaultPriceFen && !notes[code]?.trim()) e.add(`notes.${code}`, 'NOTE_REQUIRED', 'Explain a price above the catalogue default');
      }
      const dayRates = input.dayRates ?? {};
      for (const [form, byLevel] of Object.entries(dayRates)) {
        if (form !== 'INSTITUTION' && form !== 'HOSPITAL') e.add(`dayRates.${form}`, 'UNKNOWN', 'Daily rates are for INSTITUTION and HOSPITAL');
        else if (!c.careForms.includes(form)) e.add(`dayRates.${form}`, 'NOT_CONTRACTED', 'The contract does not cover this care form');
        for (const [level, fen] of Object.entries(byLevel)) {
          if (!['3', '4', '5'].includes(level)) e.add(`dayRates.${form}.${level}`, 'LEVEL', 'Levels 3 to 5');
          if (!Number.isInteger(fen) || fen <= 0) e.add(`dayRates.${form}.${level}`, 'AMOUNT', 'A positive whole number of fen');
        }
      }
      if (await em.findOne(PriceSchedule, { contract: c.id, effectiveFrom: input.effectiveFrom })) e.add('effectiveFrom', 'DUPLICATE', 'A version already takes effect that day');
      e.throwIfAny();
      const s = em.create(PriceSchedule, { id: randomUUID(), poolingArea: c.poolingArea, contract: c, effectiveFrom: input.effectiveFrom, itemPrices: input.itemPrices, dayRates, notes, createdBy: em.getReference(User, actor!.userId) });
      await em.flush();
      await this.audit.record(em, actor, { operation: 'SET_PRICES', entity: 'Contract', entityId: c.id, poolingArea: c.poolingArea, after: { effectiveFrom: s.effectiveFrom, items: Object.keys(input.itemPrices).length, dayRates } });
      return s;
    });
  }

  /** The unit price of an item under a contract on a day, by the schedule version in force then. */
  async priceOn(actor: Actor | null, contractId: string, code: string, day: string): Promise<{ priceFen: number | null; effectiveFrom: string | null }> {
    const schedules = await this.schedules(actor, contractId);
    const v = versionOn(schedules.map((s) => ({ effectiveFrom: s.effectiveFrom, prices: s.itemPrices })), day);
    return { priceFen: v?.prices[code] ?? null, effectiveFrom: v?.effectiveFrom ?? null };
  }

  // ---- catalogue --------------------------------------------------------------------------------

  /** The catalogue as it stood on a day: per code, the latest version in force. */
  async catalogueOn(em: EntityManager, poolingArea: string, day: string): Promise<CatalogueItem[]> {
    const rows = await em.find(CatalogueItem, { poolingArea, effectiveFrom: { $lte: day } }, { orderBy: { code: 'asc', effectiveFrom: 'desc' } });
    const latest = new Map<string, CatalogueItem>();
    for (const r of rows) if (!latest.has(r.code)) latest.set(r.code, r);
    return [...latest.values()].filter((r) => r.active);
  }

  async catalogue(actor: Actor | null, poolingArea: string, day: string | null): Promise<CatalogueItem[]> {
    if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in first');
    return this.catalogueOn(this.em, poolingArea, day ?? this.today());
  }

  /** A new version of a catalogue item (or a new item) from a date; administrators only. */
  async setCatalogueItem(actor: Actor | null, poolingArea: string, input: { code: string; name: string; category: ItemCategory; minutes: number; defaultPriceFen: number; careForms: CareForm[]; active?: boolean | null; effectiveFrom: string }): Promise<CatalogueItem> {
    const a = requirePermission(actor, 'catalogue.manage');
    const e = new FieldErrors('input');
    if (!/^[ABC]\d{2}$/.test(input.code)) e.add('code', 'FORMAT', 'A letter A, B or C and two digits');
    else if (input.code[0] !== input.category) e.add('category', 'MISMATCH', 'The code starts with its category');
    if (!input.name.trim() || input.name.length > 60) e.add('name', 'LENGTH', '1 to 60 characters');
    if (!Number.isInteger(input.minutes) || input.minutes <= 0 || input.minutes > 480) e.add('minutes', 'RANGE', '1 to 480 minutes');
    if (!Number.isInteger(input.defaultPriceFen) || input.defaultPriceFen <= 0) e.add('defaultPriceFen', 'AMOUNT', 'A positive whole number of fen');
    if (!input.careForms.length || input.careForms.some((f) => !CARE_FORMS.includes(f))) e.add('careForms', 'UNKNOWN', 'Known care forms, at least one');
    if (!DATE.test(input.effectiveFrom)) e.add('effectiveFrom', 'DATE', 'YYYY-MM-DD');
    else if (input.effectiveFrom < this.today()) e.add('effectiveFrom', 'PAST', 'A change takes effect from today on');
    const area = await this.em.findOne(Region, { code: poolingArea });
    if (!area || area.poolingArea !== area.code) e.add('poolingArea', 'UNKNOWN_POOLING_AREA', 'No such pooling area');
    e.throwIfAny();
    return this.em.transactional(async (em) => {
      const existing = await em.findOne(CatalogueItem, { poolingArea, code: input.code, effectiveFrom: input.effectiveFrom });
      const fields = { name: input.name.trim(), category: input.category, minutes: input.minutes, defaultPriceFen: input.defaultPriceFen, careForms: input.careForms, active: input.active ?? true };
      const item = existing ? em.assign(existing, fields) : em.create(CatalogueItem, { id: randomUUID(), poolingArea, code: input.code, effectiveFrom: input.effectiveFrom, ...fields });
      await em.flush();
      await this.audit.record(em, a, { operation: 'SET_CATALOGUE_ITEM', entity: 'CatalogueItem', entityId: `${poolingArea}:${input.code}`, poolingArea, after: { ...fields, effectiveFrom: input.effectiveFrom } });
      return item;
    });
  }

  // ---- caregivers -------------------------------------------------------------------------------

  private caregiverWhere(actor: Actor, filter: { agencyId?: string | null; search?: string | null; certificateExpiringWithinDays?: number | null }): FilterQuery<Caregiver> {
    const where: FilterQuery<Caregiver>[] = [this.agencyScope(actor, 'provider.read', 'agency') as never];
    if (filter.agencyId) where.push({ agency: isUuid(filter.agencyId) ? filter.agencyId : randomUUID() });
    if (filter.search?.trim()) where.push({ $or: [{ name: { $ilike: containsPattern(filter.search.trim()) } }, { certificateNo: { $ilike: containsPattern(filter.search.trim()) } }] });
    if (filter.certificateExpiringWithinDays != null) where.push({ certificateExpiry: { $lte: addDays(this.today(), filter.certificateExpiringWithinDays) } });
    return { $and: where };
  }

  /** A page of caregivers by name; with a warning window, those whose certificates expire soonest first. */
  async caregivers(actor: Actor | null, filter: { agencyId?: string | null; search?: string | null; certificateExpiringWithinDays?: number | null }, page: PageRequest): Promise<Page<Caregiver>> {
    const a = requirePermission(actor, 'provider.read');
    const orderBy = filter.certificateExpiringWithinDays != null ? { certificateExpiry: 'asc' as const, id: 'asc' as const } : { name: 'asc' as const, id: 'asc' as const };
    const result = await findPage(this.em, Caregiver, this.caregiverWhere(a, filter), orderBy, page);
    await this.em.populate(result.items, ['agency']);
    return result;
  }

  /** How many caregivers in scope there are, and how many certificates have expired or expire within the window. */
  async certificateCounts(actor: Actor | null, agencyId: string | null, withinDays: number): Promise<{ total: number; expired: number; expiring: number }> {
    const a = requirePermission(actor, 'provider.read');
    const where = this.caregiverWhere(a, { agencyId });
    const today = this.today();
    const [total, expired, expiring] = [
      await this.em.count(Caregiver, where),
      await this.em.count(Caregiver, { $and: [where, { active: true, certificateExpiry: { $lt: today } }] }),
      await this.em.count(Caregiver, { $and: [where, { active: true, certificateExpiry: { $gte: today, $lte: addDays(today, withinDays) } }] }),
    ];
    return { total, expired, expiring };
  }

  async addCaregiver(actor: Actor | null, input: CaregiverInput): Promise<Caregiver> {
    return this.em.transactional(async (em) => {
      if (isUuid(input.id)) {
        const replay = await em.findOne(Caregiver, { id: input.id }, { populate: ['agency'] });
        if (replay) return replay;
      }
      const agency = await this.findAgency(em, actor, input.agencyId, 'caregiver.manage');
      const today = this.today();
      const e = new FieldErrors('input');
      const id = parseResidentId(input.idNumber, today);
      if (!id.ok) e.add('idNumber', id.reason, id.message);
      if (!input.name.trim() || input.name.length > 50) e.add('name', 'LENGTH', '1 to 50 characters');
      if (input.qualification === 'ELDERLY_CARE' && (input.level == null || !Number.isInteger(input.level) || input.level < 1 || input.level > 5)) e.add('level', 'RANGE', 'Level 5 (初级) to 1 (高级技师)');
      if (input.qualification === 'NURSE' && !input.licenceNo?.trim()) e.add('licenceNo', 'REQUIRED', 'A nurse has a licence number');
      if (!input.certificateNo.trim() || input.certificateNo.length > 40) e.add('certificateNo', 'LENGTH', '1 to 40 characters');
      if (!DATE.test(input.certificateExpiry)) e.add('certificateExpiry', 'DATE', 'YYYY-MM-DD');
      else if (input.certificateExpiry < today) e.add('certificateExpiry', 'CERTIFICATE_EXPIRED', 'The certificate has expired');
      if (input.trainingHours != null && (!Number.isInteger(input.trainingHours) || input.trainingHours < 0)) e.add('trainingHours', 'RANGE', 'Whole hours');
      if (input.phone && !isPhoneNumber(input.phone)) e.add('phone', 'FORMAT', 'Not a mainland mobile or landline number');
      if (id.ok) {
        const clash = await em.findOne(Caregiver, { poolingArea: agency.poolingArea, idNumber: id.value.idNumber }, { populate: ['agency'] });
        if (clash?.agency) e.add('idNumber', 'EMPLOYED_ELSEWHERE', 'This caregiver works for an agency; the fund office records a move');
        else if (clash) e.add('idNumber', 'DUPLICATE', 'This caregiver is registered');
      }
      e.throwIfAny();
      const facts = (id as Extract<typeof id, { ok: true }>).value;
      const c = em.create(Caregiver, {
        id: input.id ?? randomUUID(),
        poolingArea: agency.poolingArea,
        agency,
        name: input.name.trim(),
        idNumber: facts.idNumber,
        birthDate: facts.birthDate,
        sex: facts.sex,
        qualification: input.qualification,
        level: input.qualification === 'ELDERLY_CARE' ? input.level! : null,
        certificateNo: input.certificateNo.trim(),
        certificateExpiry: input.certificateExpiry,
        licenceNo: input.licenceNo?.trim() || null,
        trainingHours: input.trainingHours ?? 0,
        phone: input.phone?.trim() || null,
      });
      em.create(Employment, { id: randomUUID(), poolingArea: agency.poolingArea, caregiver: c, agency, from: today });
      await em.flush();
      await this.audit.record(em, actor, { operation: 'CREATE', entity: 'Caregiver', entityId: c.id, poolingArea: c.poolingArea, after: { name: c.name, idNumber: c.idNumber, agencyId: agency.id, qualification: c.qualification, certificateExpiry: c.certificateExpiry } });
      return c;
    });
  }

  /** Renews a certificate or training hours; the caregiver's own agency or the fund office. */
  async updateCaregiver(actor: Actor | null, id: string, change: { certificateNo?: string | null; certificateExpiry?: string | null; trainingHours?: number | null; phone?: string | null; level?: number | null; active?: boolean | null }): Promise<Caregiver> {
    return this.em.transactional(async (em) => {
      const a = requirePermission(actor, 'caregiver.manage');
      const c = isUuid(id) ? await em.findOne(Caregiver, { $and: [{ id }, this.agencyScope(a, 'caregiver.manage', 'agency')] } as never, { populate: ['agency'] }) : null;
      if (!c) throw notFound('Caregiver');
      const e = new FieldErrors('input');
      if (change.certificateExpiry != null && !DATE.test(change.certificateExpiry)) e.add('certificateExpiry', 'DATE', 'YYYY-MM-DD');
      if (change.phone && !isPhoneNumber(change.phone)) e.add('phone', 'FORMAT', 'Not a mainland mobile or landline number');
      if (change.level != null && (c.qualification !== 'ELDERLY_CARE' || change.level < 1 || change.level > 5)) e.add('level', 'RANGE', 'Level 5 to 1 for elderly-care workers');
      e.throwIfAny();
      const before = { certificateNo: c.certificateNo, certificateExpiry: c.certificateExpiry, trainingHours: c.trainingHours, phone: c.phone, level: c.level, active: c.active };
      for (const [k, v] of Object.entries(change)) if (v != null) (c as unknown as Record<string, unknown>)[k] = v;
      await em.flush();
      await this.audit.record(em, a, { operation: 'UPDATE', entity: 'Caregiver', entityId: c.id, poolingArea: c.poolingArea, before, after: { certificateNo: c.certificateNo, certificateExpiry: c.certificateExpiry, trainingHours: c.trainingHours, phone: c.phone, level: c.level, active: c.active } });
      return c;
    });
  }

  /** Moves a caregiver to another agency of the area from a day: one agency at a time, with the dates kept. */
  async moveCaregiver(actor: Actor | null, id: string, toAgencyId: string, on: string): Promise<Caregiver> {
    return this.em.transactional(async (em) => {
      const a = requirePermission(actor, 'contract.process');
      const c = isUuid(id) ? await em.findOne(Caregiver, { id, poolingArea: { $in: areasWith(a, 'contract.process') } }, { populate: ['agency'] }) : null;
      if (!c) throw notFound('Caregiver');
      const to = await this.findAgency(em, actor, toAgencyId, 'contract.process');
      if (!DATE.test(on)) throw new InputError([{ field: 'on', reason: 'DATE', message: 'YYYY-MM-DD' }]);
      if (c.agency?.id === to.id) throw new AppError('CONFLICT', 'Already with this agency', { reason: 'SAME_AGENCY' });
      const current = await em.findOne(Employment, { caregiver: c.id, until: null });
      if (current) {
        if (on <= current.from) throw new InputError([{ field: 'on', reason: 'BEFORE_EMPLOYMENT', message: `After ${current.from}` }]);
        current.until = addDays(on, -1);
      }
      em.create(Employment, { id: randomUUID(), poolingArea: c.poolingArea, caregiver: c, agency: to, from: on });
      const from = c.agency?.id ?? null;
      c.agency = to;
      await em.flush();
      await this.audit.record(em, a, { operation: 'MOVE', entity: 'Caregiver', entityId: c.id, poolingArea: c.poolingArea, before: { agencyId: from }, after: { agencyId: to.id, from: on } });
      return c;
    });
  }

  async employments(em: EntityManager, caregiverIds: string[]): Promise<Employment[]> {
    return em.find(Employment, { caregiver: { $in: caregiverIds } }, { populate: ['agency'], orderBy: { from: 'asc' } });
  }

  /** May this caregiver work for this agency on this day (and deliver these categories)? The first reason that fails. */
  async eligibility(actor: Actor | null, caregiverId: string, day: string, categories: ItemCategory[]): Promise<{ ok: boolean; reason: string | null; agencyId: string | null }> {
    const a = requirePermission(actor, 'provider.read');
    const c = isUuid(caregiverId) ? await this.em.findOne(Caregiver, { $and: [{ id: caregiverId }, this.agencyScope(a, 'provider.read', 'agency')] } as never, { populate: ['agency'] }) : null;
    if (!c) throw notFound('Caregiver');
    if (!DATE.test(day)) throw new InputError([{ field: 'on', reason: 'DATE', message: 'YYYY-MM-DD' }]);
    const employments = await this.employments(this.em, [c.id]);
    const agencyId = employments.find((e) => e.from <= day && (e.until === null || e.until >= day))?.agency.id ?? c.agency?.id ?? null;
    const contracts = agencyId ? await this.em.find(Contract, { agency: agencyId }) : [];
    const r = caregiverEligibility(
      { active: c.active, qualification: c.qualification, certificateExpiry: c.certificateExpiry, employments: employments.map((e) => ({ agencyId: e.agency.id, from: e.from, until: e.until })) },
      { agencyId: agencyId ?? '', day, contracts: contracts.map(contractFacts), categories },
    );
    return { ok: r.ok, reason: r.ok ? null : r.reason, agencyId };
  }

  // ---- evaluations and violations ---------------------------------------------------------------

  async evaluations(actor: Actor | null, agencyId: string | null): Promise<Evaluation[]> {
    const a = requirePermission(actor, 'provider.read');
    const where: FilterQuery<Evaluation>[] = [this.agencyScope(a, 'provider.read', 'agency') as never];
    if (agencyId) where.push({ agency: isUuid(agencyId) ? agencyId : randomUUID() });
    return this.em.find(Evaluation, { $and: where }, { populate: ['agency'], orderBy: { quarter: 'desc', agency: { name: 'asc' } }, limit: 1000 });
  }

  async violations(actor: Actor | null, agencyId: string | null): Promise<Violation[]> {
    const a = requirePermission(actor, 'provider.read');
    const where: FilterQuery<Violation>[] = [this.agencyScope(a, 'provider.read', 'agency') as never];
    if (agencyId) where.push({ agency: isUuid(agencyId) ? agencyId : randomUUID() });
    return this.em.find(Violation, { $and: where }, { populate: ['agency'], orderBy: { date: 'desc' }, limit: 1000 });
  }

  async sheet(em: EntityManager, poolingArea: string): Promise<EvaluationSheet> {
    const row = await em.findOne(EvaluationSheetRow, { poolingArea });
    return (row?.sheet as unknown as EvaluationSheet) ?? DEFAULT_SHEET;
  }

  async getSheet(actor: Actor | null, poolingArea: string): Promise<EvaluationSheet> {
    requirePermission(actor, 'provider.read');
    return this.sheet(this.em, poolingArea);
  }

  /** A pooling area's own sheet; evaluations already made keep the scores they were given. */
  async setSheet(actor: Actor | null, poolingArea: string, sheet: EvaluationSheet): Promise<EvaluationSheet> {
    const a = requirePermission(actor, 'evaluation.manage');
    if (!areasWith(a, 'evaluation.manage').includes(poolingArea)) throw notFound('Pooling area');
    const errors = checkSheet(sheet);
    if (errors.length) throw new InputError(errors);
    return this.em.transactional(async (em) => {
      const before = await this.sheet(em, poolingArea);
      await em.upsert(EvaluationSheetRow, { poolingArea, sheet: sheet as never });
      await this.audit.record(em, a, { operation: 'CONFIGURE', entity: 'EvaluationSheet', entityId: poolingArea, poolingArea, before: { sheet: before }, after: { sheet } });
      return sheet;
    });
  }

  /** Scores an agency for a quarter by the sheet; the quarter's violations are counted in. */
  async evaluateAgency(actor: Actor | null, agencyId: string, quarter: string, scores: Record<string, number>): Promise<Evaluation> {
    return this.em.transactional(async (em) => {
      const agency = await this.findAgency(em, actor, agencyId, 'evaluation.manage');
      const q = quarterDates(quarter);
      if (!q) throw new InputError([{ field: 'quarter', reason: 'FORMAT', message: 'Like 2026Q3' }]);
      if (q.from > this.today()) throw new InputError([{ field: 'quarter', reason: 'FUTURE', message: 'The quarter has not begun' }]);
      const result = evaluate(scores, await this.sheet(em, agency.poolingArea));
      if (await em.findOne(Evaluation, { agency: agency.id, quarter })) throw new AppError('CONFLICT', `${quarter} is evaluated`, { reason: 'ALREADY_EVALUATED' });
      const vs = await em.find(Violation, { agency: agency.id, date: { $gte: q.from, $lte: q.to } });
      const ev = em.create(Evaluation, {
        id: randomUUID(),
        poolingArea: agency.poolingArea,
        agency,
        quarter,
        scores,
        ...result,
        violationCount: vs.length,
        penaltyFen: vs.reduce((s, v) => s + v.penaltyFen, 0),
        evaluatedBy: em.getReference(User, actor!.userId),
      });
      await em.flush();
      await this.audit.record(em, actor, { operation: 'EVALUATE', entity: 'Agency', entityId: agency.id, poolingArea: agency.poolingArea, after: { quarter, ...result, violations: vs.length } });
      return ev;
    });
  }

  /** Records a violation; a suspension or termination acts on the agency's contract in force. */
  async recordViolation(actor: Actor | null, input: { agencyId: string; date: string; rule: string; recoverFen: number; penaltyFen: number; action: ViolationAction; suspendedFrom?: string | null; suspendedUntil?: string | null }): Promise<Violation> {
    return this.em.transactional(async (em) => {
      const agency = await this.findAgency(em, actor, input.agencyId, 'evaluation.manage');
      const e = new FieldErrors('input');
      if (!DATE.test(input.date)) e.add('date', 'DATE', 'YYYY-MM-DD');
      else if (input.date > this.today()) e.add('date', 'FUTURE', 'Not in the future');
      if (!input.rule.trim() || input.rule.length > 200) e.add('rule', 'LENGTH', '1 to 200 characters');
      for (const k of ['recoverFen', 'penaltyFen'] as const) if (!Number.isInteger(input[k]) || input[k] < 0) e.add(k, 'AMOUNT', 'A whole number of fen, 0 or more');
      if (input.action === 'SUSPENSION' && (!input.suspendedFrom || !DATE.test(input.suspendedFrom))) e.add('suspendedFrom', 'REQUIRED', 'A suspension starts on a date');
      e.throwIfAny();
      const v = em.create(Violation, {
        id: randomUUID(),
        poolingArea: agency.poolingArea,
        agency,
        date: input.date,
        rule: input.rule.trim(),
        recoverFen: input.recoverFen,
        penaltyFen: input.penaltyFen,
        action: input.action,
        suspendedFrom: input.action === 'SUSPENSION' ? input.suspendedFrom! : null,
        suspendedUntil: input.action === 'SUSPENSION' ? (input.suspendedUntil ?? null) : null,
        recordedBy: em.getReference(User, actor!.userId),
      });
      await em.flush();
      await this.audit.record(em, actor, { operation: 'RECORD_VIOLATION', entity: 'Agency', entityId: agency.id, poolingArea: agency.poolingArea, after: { violationId: v.id, rule: v.rule, recoverFen: v.recoverFen, penaltyFen: v.penaltyFen, action: v.action } });
      if (input.action === 'SUSPENSION' || input.action === 'TERMINATION') {
        const inForce = (await em.find(Contract, { agency: agency.id, state: { $in: ['APPROVED', 'SUSPENDED'] } })).find((c) => contractStatusOn(contractFacts(c), this.today()) !== 'EXPIRED');
        if (inForce) {
          const verb = input.action === 'SUSPENSION' ? 'suspend' : 'terminate';
          if (verb === 'suspend' && inForce.state !== 'APPROVED') return v;
          Object.assign(inForce, verb === 'suspend' ? { suspendedFrom: input.suspendedFrom, suspendedUntil: input.suspendedUntil ?? null, stateReason: v.rule } : { stateReason: v.rule });
          await this.move(em, actor!, inForce, verb, { violationId: v.id });
        }
      }
      return v;
    });
  }
}
