// Use cases of care plans: benefit settings and devices per pooling area, starting a plan (the person's choice,
// the agency's answer), the automatic draft, editing, approval and versions, ending and transferring, and the
// queues of plans that need someone. Actor first; scope as SQL filters; one transaction per change; audited.
import { randomUUID } from 'node:crypto';
import { LockMode, raw, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Agency } from '../identity/org.entity.ts';
import { User } from '../identity/user.entity.ts';
import { AgencyClient } from '../identity/agency-client.entity.ts';
import { InsuredPerson } from '../people/insured-person.entity.ts';
import { Conclusion } from '../assessment/conclusion.entity.ts';
import { Application, Task } from '../assessment/application.entity.ts';
import { scoreAssessment } from '../assessment/assessment.rules.ts';
import { NATIONAL_STANDARD_2021, type Grade, type ItemCode, type Level } from '../assessment/standard.ts';
import { CatalogueItem, Contract, PriceSchedule } from '../providers/providers.entity.ts';
import { contractFacts } from '../providers/providers.service.ts';
import { contractStatusOn, versionOn } from '../providers/providers.rules.ts';
import type { CareForm } from '../providers/catalogue.ts';
import { BenefitSettingsVersion, CarePlan, CarePlanLine, CarePlanVersion, DeviceType } from './careplan.entity.ts';
import {
  approvalRefusal,
  checkBenefits,
  checkFrequency,
  costPlan,
  DEFAULT_BENEFITS,
  draftItems,
  END_REASONS,
  exclusivityClash,
  fitToCap,
  IllegalTransition,
  monthOf,
  nextPlanState,
  nextVersionState,
  type BenefitSettings,
  type CostLine,
  type EndReason,
  type FitChange,
  type LineKind,
  type Period,
  type PlanCost,
  type PlanVerb,
  type ProposedFrequency,
  type Reason,
  type VersionVerb,
} from './careplan.rules.ts';
import { agenciesWith, areasWith, NOTHING, requirePermission } from '../identity/identity.access.ts';
import type { Permission } from '../identity/permissions.ts';
import type { Actor } from '../graphql/context.ts';
import type { AuditTrail } from '../audit/audit.service.ts';
import { AppError, FieldErrors, InputError, notFound } from '../shared/errors.ts';
import { isUuid } from '../shared/identifiers.ts';
import { localDate, type Clock } from '../shared/clock.ts';
import { addDays } from '../shared/dates.ts';
import { containsPattern } from '../shared/sql.ts';
import { findPage, type Page, type PageRequest } from '../graphql/pagination.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Why a plan is in someone's queue. */
export const ATTENTIONS = ['TO_ACCEPT', 'TO_DRAFT', 'TO_APPROVE', 'TO_REVISE', 'TO_TRANSFER', 'TO_END'] as const;
export type Attention = (typeof ATTENTIONS)[number];

export interface LineInput {
  kind: LineKind;
  code: string;
  times: number;
  per: Period;
  days?: number[] | null;
  timeOfDay?: string | null;
  goal?: string | null;
  note?: string | null;
}

export interface DraftInput {
  lines: LineInput[];
  goals?: string | null;
  notes?: string | null;
  effectiveFrom?: string | null;
  /** The version (optimistic lock) the editor started from. */
  expectedVersion?: number | null;
}

/** What an editor needs to cost a version live: priced items allowed for the form, devices, the benefits. */
export interface EditorOptions {
  items: { code: string; name: string; category: string; minutes: number; unitPriceFen: number }[];
  devices: DeviceType[];
  benefits: BenefitSettings;
  dayRateFen: number | null;
  priceScheduleFrom: string | null;
  clinicalStaff: boolean;
}

const refused = (reason: string, message: string, state?: string) => new AppError('CONFLICT', message, { reason, ...(state ? { state } : {}) });

function transition<T extends string>(state: T, verb: string, next: () => T): T {
  try {
    return next();
  } catch (e) {
    if (e instanceof IllegalTransition) throw new AppError('CONFLICT', e.message, { reason: 'ILLEGAL_TRANSITION', state });
    throw e;
  }
}

export class CarePlanService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  today(): string {
    return localDate(this.clock.now());
  }

  // ---- scope ------------------------------------------------------------------------------------

  /** Plans the actor may act on: officers and supervisors their pooling areas, agency staff their agency's. */
  planScope(actor: Actor, permission: Permission): FilterQuery<CarePlan> {
    const or: FilterQuery<CarePlan>[] = [];
    const areas = areasWith(actor, permission);
    if (areas.length) or.push({ poolingArea: { $in: areas } });
    const agencies = agenciesWith(actor, permission);
    if (agencies.length) or.push({ agency: { $in: agencies } });
    if (!or.length) return NOTHING;
    return or.length === 1 ? or[0]! : { $or: or };
  }

  private async findPlan(em: EntityManager, actor: Actor | null, id: string, permission: Permission, lock = false): Promise<CarePlan> {
    const a = requirePermission(actor, permission);
    const plan = isUuid(id) ? await em.findOne(CarePlan, { $and: [{ id }, this.planScope(a, permission)] }, { populate: ['person', 'agency', 'conclusion'] }) : null;
    if (!plan) throw notFound('Care plan');
    if (lock) await em.lock(plan, LockMode.PESSIMISTIC_WRITE);
    return plan;
  }

  private async findVersion(em: EntityManager, actor: Actor | null, id: string, permission: Permission, lock = false): Promise<CarePlanVersion> {
    const a = requirePermission(actor, permission);
    const v = isUuid(id) ? await em.findOne(CarePlanVersion, { id, plan: this.planScope(a, permission) as never }, { populate: ['plan', 'plan.person', 'plan.agency', 'conclusion'] }) : null;
    if (!v) throw notFound('Care plan version');
    if (lock) {
      await em.lock(v.plan, LockMode.PESSIMISTIC_WRITE);
      await em.refresh(v);
    }
    return v;
  }

  // ---- benefit settings and devices ---------------------------------------------------------------

  async benefitVersions(em: EntityManager, poolingArea: string): Promise<BenefitSettingsVersion[]> {
    return em.find(BenefitSettingsVersion, { poolingArea }, { orderBy: { effectiveFrom: 'asc' } });
  }

  /** The settings in force on a day, and since when (null: the defaults of catalogue.md). */
  async benefitsOn(em: EntityManager, poolingArea: string, day: string): Promise<{ settings: BenefitSettings; effectiveFrom: string | null }> {
    const v = await em.findOne(BenefitSettingsVersion, { poolingArea, effectiveFrom: { $lte: day } }, { orderBy: { effectiveFrom: 'desc' } });
    return v ? { settings: v.settings, effectiveFrom: v.effectiveFrom } : { settings: DEFAULT_BENEFITS, effectiveFrom: null };
  }

  private readArea(actor: Actor | null, poolingArea: string): Actor {
    const a = requirePermission(actor, 'careplan.read');
    if (!areasWith(a, 'careplan.read').includes(poolingArea) && a.poolingArea !== poolingArea) throw notFound('Pooling area');
    return a;
  }

  async benefits(actor: Actor | null, poolingArea: string, on: string | null) {
    this.readArea(actor, poolingArea);
    return this.benefitsOn(this.em, poolingArea, on ?? this.today());
  }

  async listBenefitVersions(actor: Actor | null, poolingArea: string) {
    this.readArea(actor, poolingArea);
    return this.benefitVersions(this.em, poolingArea);
  }

  /** A new version of the settings from a future date (or a change to a future version); the past stays. */
  async setBenefits(actor: Actor | null, poolingArea: string, effectiveFrom: string, settings: BenefitSettings): Promise<BenefitSettingsVersion> {
    const a = requirePermission(actor, 'benefit.configure');
    if (!areasWith(a, 'benefit.configure').includes(poolingArea)) throw notFound('Pooling area');
    const e = new FieldErrors('');
    if (!DATE.test(effectiveFrom)) e.add('effectiveFrom', 'DATE', 'YYYY-MM-DD');
    else if (effectiveFrom <= this.today()) e.add('effectiveFrom', 'NOT_FUTURE', 'A new version takes effect from a future date; the past stays as it was');
    return this.em.transactional(async (em) => {
      const codes = new Set((await em.find(CatalogueItem, { poolingArea }, { fields: ['code'] })).map((c) => c.code));
      for (const p of checkBenefits(settings, codes)) e.add(`settings.${p.field}`, p.reason, p.message);
      e.throwIfAny();
      const clean: BenefitSettings = {
        qualifyingLevels: [...new Set(settings.qualifyingLevels)].sort() as Level[],
        autoApproveWithinCap: settings.autoApproveWithinCap,
        forms: settings.forms,
        proposals: settings.proposals,
        fitOrder: settings.fitOrder,
      };
      const existing = await em.findOne(BenefitSettingsVersion, { poolingArea, effectiveFrom });
      const before = existing ? { settings: existing.settings } : null;
      const row = existing ?? em.create(BenefitSettingsVersion, { id: randomUUID(), poolingArea, effectiveFrom, settings: clean, createdBy: em.getReference(User, a.userId) });
      row.settings = clean;
      await em.flush();
      await this.audit.record(em, a, { operation: 'SET_BENEFITS', entity: 'BenefitSettings', entityId: row.id, poolingArea, before, after: { effectiveFrom, settings: clean } });
      return row;
    });
  }

  async devices(actor: Actor | null, poolingArea: string): Promise<DeviceType[]> {
    this.readArea(actor, poolingArea);
    return this.em.find(DeviceType, { poolingArea }, { orderBy: { code: 'asc' } });
  }

  async setDevice(actor: Actor | null, poolingArea: string, input: { code: string; name: string; monthlyFeeFen: number; active?: boolean | null }): Promise<DeviceType> {
    const a = requirePermission(actor, 'benefit.configure');
    if (!areasWith(a, 'benefit.configure').includes(poolingArea)) throw notFound('Pooling area');
    const e = new FieldErrors('input');
    const code = input.code.trim().toUpperCase();
    if (!/^[A-Z0-9_]{2,20}$/.test(code)) e.add('code', 'FORMAT', '2 to 20 letters, digits or _');
    if (!input.name.trim() || input.name.trim().length > 40) e.add('name', 'LENGTH', '1 to 40 characters');
    if (!Number.isInteger(input.monthlyFeeFen) || input.monthlyFeeFen < 0 || input.monthlyFeeFen > 10_000_00) e.add('monthlyFeeFen', 'RANGE', 'Whole fen, up to 10,000 yuan');
    e.throwIfAny();
    return this.em.transactional(async (em) => {
      const existing = await em.findOne(DeviceType, { poolingArea, code });
      const before = existing ? { name: existing.name, monthlyFeeFen: existing.monthlyFeeFen, active: existing.active } : null;
      const d = existing ?? em.create(DeviceType, { id: randomUUID(), poolingArea, code, name: input.name.trim(), monthlyFeeFen: input.monthlyFeeFen });
      d.name = input.name.trim();
      d.monthlyFeeFen = input.monthlyFeeFen;
      if (input.active != null) d.active = input.active;
      await em.flush();
      await this.audit.record(em, a, { operation: 'SET_DEVICE', entity: 'DeviceType', entityId: d.id, poolingArea, before, after: { code, name: d.name, monthlyFeeFen: d.monthlyFeeFen, active: d.active } });
      return d;
    });
  }

  // ---- starting a plan --------------------------------------------------------------------------

  /** The agency's contract active on a day in the area (null when none). */
  private async activeContract(em: EntityManager, agencyId: string, poolingArea: string, day: string): Promise<Contract | null> {
    const contracts = await em.find(Contract, { agency: agencyId, poolingArea });
    return contracts.find((c) => contractStatusOn(contractFacts(c), day) === 'ACTIVE') ?? null;
  }

  /** The conclusion in force for a person on a day. */
  private async conclusionOn(em: EntityManager, personId: string, day: string): Promise<Conclusion | null> {
    return em.findOne(Conclusion, { person: personId, status: 'IN_FORCE', effectiveDate: { $lte: day }, validUntil: { $gte: day } }, { orderBy: { effectiveDate: 'desc' } });
  }

  /** Checks that a person may start a plan in `form` with `agency` from `start`; the refusals have their own reasons. */
  private async checkStart(em: EntityManager, person: InsuredPerson, agency: Agency, form: CareForm, start: string, except: string | null): Promise<{ conclusion: Conclusion; contract: Contract }> {
    if (person.status === 'DECEASED') throw refused('DECEASED', `${person.name} died on ${person.dateOfDeath}`);
    if (person.status === 'SUSPENDED') throw refused('SUSPENDED', "The person's insurance is suspended");
    const conclusion = await this.conclusionOn(em, person.id, start);
    const { settings } = await this.benefitsOn(em, person.poolingArea, start);
    if (!conclusion || !settings.qualifyingLevels.includes(conclusion.level as Level)) {
      throw refused('NOT_QUALIFYING', conclusion ? `Level ${conclusion.level} does not qualify for benefits` : `No assessment conclusion is in force on ${start}`);
    }
    if (!settings.forms[form]?.levels[String(conclusion.level)]) throw refused('NO_ENTITLEMENT', `Level ${conclusion.level} has no entitlement in ${form}`);
    if (agency.poolingArea !== person.poolingArea) throw notFound('Agency');
    const contract = await this.activeContract(em, agency.id, person.poolingArea, start);
    if (!contract) throw refused('AGENCY_NOT_CONTRACTED', `${agency.name} has no contract in force on ${start}`);
    if (!contract.careForms.includes(form)) throw refused('FORM_NOT_CONTRACTED', `${agency.name}'s contract does not cover ${form}`);
    if (agency.serviceArea.length && !agency.serviceArea.some((code) => person.region.code.startsWith(code))) {
      throw refused('OUTSIDE_SERVICE_AREA', `${agency.name} does not serve the person's region`);
    }
    // Plans that held (or will hold) a form: requested, active, or ended after starting (a withdrawn request has no end date).
    const others = await em.find(CarePlan, { person: person.id, $or: [{ state: { $in: ['REQUESTED', 'ACTIVE'] } }, { state: 'ENDED', endDate: { $ne: null } }], ...(except ? { id: { $ne: except } } : {}) });
    const clash = exclusivityClash(
      form,
      start,
      others.map((o) => ({ form: o.careForm, from: o.startDate, to: o.endDate })),
    );
    if (clash) {
      const next = addDays(monthOf(start).last, 1);
      const e = refused('FORM_EXCLUSIVE', clash.form === form ? `The person already has a ${form} plan from ${clash.from}; end it first` : `The person holds ${clash.form} from ${clash.from}${clash.to ? ` to ${clash.to}` : ''}; one main form a month (a new form can start on ${next})`);
      e.details.facts = { form: clash.form, from: clash.from, to: clash.to, nextStart: clash.form === form ? null : next };
      throw e;
    }
    return { conclusion, contract };
  }

  /** Records the person's (or family's) choice of a care form and an agency; the agency then answers. */
  async requestPlan(actor: Actor | null, input: { id?: string | null; personId: string; careForm: CareForm; agencyId: string; startDate: string; tubeFeeding?: boolean | null }): Promise<CarePlan> {
    const a = requirePermission(actor, 'careplan.request');
    const e = new FieldErrors('input');
    if (input.id != null && !isUuid(input.id)) e.add('id', 'FORMAT', 'A UUID');
    if (!DATE.test(input.startDate)) e.add('startDate', 'DATE', 'YYYY-MM-DD');
    e.throwIfAny();
    if (input.id) {
      const again = await this.em.findOne(CarePlan, { $and: [{ id: input.id }, this.planScope(a, 'careplan.read')] }, { populate: ['person', 'agency', 'conclusion'] });
      if (again) return again; // a retry of the same request
    }
    return this.em.transactional(async (em) => {
      const areas = areasWith(a, 'careplan.request');
      const person = isUuid(input.personId) ? await em.findOne(InsuredPerson, { id: input.personId, poolingArea: { $in: areas } }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
      if (!person) throw notFound('Insured person');
      const agency = isUuid(input.agencyId) ? await em.findOne(Agency, { id: input.agencyId, poolingArea: person.poolingArea }) : null;
      if (!agency) throw notFound('Agency');
      const { conclusion } = await this.checkStart(em, person, agency, input.careForm, input.startDate, null);
      const plan = em.create(CarePlan, {
        id: input.id ?? randomUUID(),
        poolingArea: person.poolingArea,
        person,
        agency,
        careForm: input.careForm,
        startDate: input.startDate,
        conclusion,
        tubeFeeding: !!input.tubeFeeding,
        requestedBy: em.getReference(User, a.userId),
      });
      await em.flush();
      await this.audit.record(em, a, { operation: 'REQUEST_CARE_PLAN', entity: 'CarePlan', entityId: plan.id, poolingArea: plan.poolingArea, after: { personId: person.id, agencyId: agency.id, careForm: plan.careForm, startDate: plan.startDate, level: conclusion.level } });
      return plan;
    });
  }

  private async movePlan(em: EntityManager, actor: Actor, plan: CarePlan, verb: PlanVerb, detail: Record<string, unknown>) {
    const from = plan.state;
    plan.state = transition(from, verb, () => nextPlanState(from, verb));
    await em.flush();
    await this.audit.record(em, actor, { operation: `${verb.toUpperCase()}_CARE_PLAN`, entity: 'CarePlan', entityId: plan.id, poolingArea: plan.poolingArea, before: { state: from }, after: { state: plan.state, ...detail } });
  }

  /** The agency accepts: it now serves the person, and the first version is drafted from the assessment. */
  async acceptPlan(actor: Actor | null, id: string): Promise<CarePlan> {
    return this.em.transactional(async (em) => {
      const plan = await this.findPlan(em, actor, id, 'careplan.respond', true);
      if (plan.state !== 'REQUESTED') transition(plan.state, 'accept', () => nextPlanState(plan.state, 'accept'));
      const { conclusion } = await this.checkStart(em, plan.person, plan.agency, plan.careForm, plan.startDate, plan.id);
      plan.conclusion = conclusion;
      plan.respondedBy = em.getReference(User, actor!.userId);
      plan.respondedAt = this.clock.now();
      await this.movePlan(em, actor!, plan, 'accept', {});
      const serving = await em.findOne(AgencyClient, { agency: plan.agency.id, person: plan.person.id, since: { $lte: plan.startDate }, until: null });
      if (!serving) em.create(AgencyClient, { id: randomUUID(), poolingArea: plan.poolingArea, agency: plan.agency, person: plan.person, since: plan.startDate, until: null });
      const version = await this.draftVersion(em, actor!, plan, 1, conclusion, plan.startDate, null);
      await this.audit.record(em, actor, { operation: 'DRAFT_CARE_PLAN', entity: 'CarePlanVersion', entityId: version.id, poolingArea: plan.poolingArea, after: { number: 1, lines: version.cost.grossFen, fitChanges: version.fitChanges.length } });
      return plan;
    });
  }

  async declinePlan(actor: Actor | null, id: string, reason: string): Promise<CarePlan> {
    if (!reason.trim() || reason.trim().length > 200) throw new InputError([{ field: 'reason', reason: 'LENGTH', message: 'Say why, in 1 to 200 characters' }]);
    return this.em.transactional(async (em) => {
      const plan = await this.findPlan(em, actor, id, 'careplan.respond', true);
      plan.declineReason = reason.trim();
      plan.respondedBy = em.getReference(User, actor!.userId);
      plan.respondedAt = this.clock.now();
      await this.movePlan(em, actor!, plan, 'decline', { reason: plan.declineReason });
      return plan;
    });
  }

  // ---- drafting and pricing -----------------------------------------------------------------------

  /** The assessment findings behind a conclusion: per item the greater need of the last round's assessors. */
  async findings(em: EntityManager, conclusion: Conclusion, tubeFeeding: boolean) {
    const app = await em.findOneOrFail(Application, { id: conclusion.application.id });
    const tasks = await em.find(Task, { application: app.id, round: app.round, status: 'SUBMITTED' });
    const answers: Partial<Record<ItemCode, number>> = {};
    for (const t of tasks) {
      for (const [k, v] of Object.entries(t.answers)) {
        if (typeof v === 'number') answers[k as ItemCode] = Math.min(answers[k as ItemCode] ?? v, v);
      }
    }
    const scored = scoreAssessment(answers);
    const grades: { C2: Grade; C3: Grade } = scored.ok ? { C2: scored.indicators.C2.grade, C3: scored.indicators.C3.grade } : { C2: 'INTACT', C3: 'INTACT' };
    return { answers, grades, tubeFeeding, sums: scored.ok ? { C1: scored.indicators.C1.sum, C2: scored.indicators.C2.sum, C3: scored.indicators.C3.sum } : null, level: conclusion.level };
  }

  /** What a version's lines are priced with: the catalogue on the day, the agency's schedule in force then. */
  async pricing(em: EntityManager, plan: CarePlan, day: string, level: number) {
    const contract = (await this.activeContract(em, plan.agency.id, plan.poolingArea, day)) ?? (await em.findOne(Contract, { agency: plan.agency.id, poolingArea: plan.poolingArea, state: { $in: ['APPROVED', 'SUSPENDED'] } }, { orderBy: { startDate: 'desc' } }));
    const schedules = contract ? await em.find(PriceSchedule, { contract: contract.id }) : [];
    const schedule = versionOn(
      schedules.map((s) => ({ effectiveFrom: s.effectiveFrom, prices: s })),
      day,
    );
    const catalogue = await this.catalogueOn(em, plan.poolingArea, day);
    const items = catalogue
      .filter((c) => c.careForms.includes(plan.careForm))
      .map((c) => ({ code: c.code, name: c.name, category: c.category as string, minutes: c.minutes, unitPriceFen: schedule?.prices.itemPrices[c.code] ?? c.defaultPriceFen }));
    const dayRateFen = schedule?.prices.dayRates[plan.careForm]?.[String(level)] ?? null;
    const devices = await em.find(DeviceType, { poolingArea: plan.poolingArea }, { orderBy: { code: 'asc' } });
    const { settings } = await this.benefitsOn(em, plan.poolingArea, day);
    const clinicalStaff = await this.hasClinicalStaff(em, plan.agency.id, day);
    return { items, dayRateFen, devices, benefits: settings, priceScheduleFrom: schedule?.effectiveFrom ?? null, clinicalStaff };
  }

  private async catalogueOn(em: EntityManager, poolingArea: string, day: string): Promise<CatalogueItem[]> {
    const rows = await em.find(CatalogueItem, { poolingArea, effectiveFrom: { $lte: day } }, { orderBy: { code: 'asc', effectiveFrom: 'desc' } });
    const latest = new Map<string, CatalogueItem>();
    for (const r of rows) if (!latest.has(r.code)) latest.set(r.code, r);
    return [...latest.values()].filter((r) => r.active);
  }

  /** Whether the agency employs a nurse or medical caregiver with a valid certificate on the day (for category B). */
  private async hasClinicalStaff(em: EntityManager, agencyId: string, day: string): Promise<boolean> {
    const rows = await em.execute<{ n: string }[]>(
      `select count(*) as n from caregiver c join employment e on e.caregiver_id = c.id
        where e.agency_id = ? and e."from" <= ? and (e.until is null or e.until >= ?)
          and c.active and c.qualification in ('NURSE', 'MEDICAL_CAREGIVER') and c.certificate_expiry >= ?`,
      [agencyId, day, day, day],
    );
    return Number(rows[0]!.n) > 0;
  }

  /** Creates a draft version: proposed from the findings (fitted to the cap), or a copy of `from`. */
  private async draftVersion(em: EntityManager, actor: Actor, plan: CarePlan, number: number, conclusion: Conclusion, effectiveFrom: string, from: CarePlanVersion | null): Promise<CarePlanVersion> {
    const p = await this.pricing(em, plan, effectiveFrom, conclusion.level);
    const byCode = new Map(p.items.map((i) => [i.code, i]));
    let proposed: (LineInput & { reasons: Reason[]; alternatives: ProposedFrequency[] })[];
    let fitChanges: FitChange[] = [];
    if (from) {
      const lines = await em.find(CarePlanLine, { planVersion: from.id }, { orderBy: { position: 'asc' } });
      proposed = lines.map((l) => ({ kind: l.kind, code: l.code, times: l.times, per: l.per, days: l.days, timeOfDay: l.timeOfDay, goal: l.goal, note: l.note, reasons: l.reasons, alternatives: l.alternatives }));
    } else if (plan.careForm === 'FAMILY' || plan.careForm === 'DEVICE') {
      proposed = [];
    } else {
      const f = await this.findings(em, conclusion, plan.tubeFeeding);
      const names = { item: (c: ItemCode) => NATIONAL_STANDARD_2021.items.find((i) => i.code === c)?.name.zh ?? c, service: (c: string) => byCode.get(c)?.name ?? c };
      const drafted = draftItems(f, p.benefits.proposals, names).filter((d) => byCode.has(d.code) && (byCode.get(d.code)!.category !== 'B' || p.clinicalStaff));
      const costLines = drafted.map((d) => ({ ...d, kind: 'ITEM' as const, unitPriceFen: byCode.get(d.code)!.unitPriceFen, minutes: byCode.get(d.code)!.minutes }));
      const fit = fitToCap({ form: plan.careForm, level: conclusion.level, lines: costLines, dayRateFen: p.dayRateFen, benefits: p.benefits }, p.benefits.fitOrder);
      fitChanges = fit.changes;
      proposed = fit.lines.map((l) => ({ kind: 'ITEM', code: l.code, times: l.times, per: l.per, reasons: l.reasons, alternatives: l.alternatives }));
    }
    const version = em.create(CarePlanVersion, {
      id: randomUUID(),
      poolingArea: plan.poolingArea,
      plan,
      number,
      conclusion,
      level: conclusion.level,
      effectiveFrom,
      goals: from?.goals ?? null,
      notes: from?.notes ?? null,
      fitChanges,
      cost: costPlan({ form: plan.careForm, level: conclusion.level, lines: [], dayRateFen: p.dayRateFen, benefits: p.benefits }),
      createdBy: em.getReference(User, actor.userId),
    });
    await this.writeLines(em, plan, version, proposed, p, { lenient: true });
    await em.flush();
    return version;
  }

  /**
   * Replaces a version's lines, priced from `p`, and its cost. Strict (editing): unknown items, items not for the
   * form, clinical items without clinical staff and devices over their cap are field errors. Lenient (copying or
   * drafting): such lines are left out.
   */
  private async writeLines(em: EntityManager, plan: CarePlan, version: CarePlanVersion, lines: (LineInput & { reasons?: Reason[]; alternatives?: ProposedFrequency[] })[], p: Awaited<ReturnType<CarePlanService['pricing']>>, opts: { lenient: boolean }) {
    const e = new FieldErrors('input');
    const byCode = new Map(p.items.map((i) => [i.code, i]));
    const devices = new Map(p.devices.filter((d) => d.active).map((d) => [d.code, d]));
    const seen = new Set<string>();
    const kept: CostLine[] = [];
    const rows: CarePlanLine[] = [];
    lines.forEach((l, i) => {
      const f = `lines.${i}`;
      const bad = (field: string, reason: string, message: string) => {
        if (!opts.lenient) e.add(field, reason, message);
      };
      const key = `${l.kind}:${l.code}`;
      if (seen.has(key)) return bad(`${f}.code`, 'DUPLICATE', `${l.code} is listed twice`);
      seen.add(key);
      const freqProblem = checkFrequency(l);
      if (freqProblem) return bad(`${f}.times`, 'FREQUENCY', freqProblem);
      const days = [...new Set(l.days ?? [])].sort();
      if (days.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) return bad(`${f}.days`, 'RANGE', 'Weekdays 1 (Monday) to 7 (Sunday)');
      if (l.timeOfDay && !TIME.test(l.timeOfDay)) return bad(`${f}.timeOfDay`, 'FORMAT', 'HH:MM');
      if ((l.goal?.length ?? 0) > 200 || (l.note?.length ?? 0) > 200) return bad(`${f}.note`, 'LENGTH', 'At most 200 characters');
      let name: string, category: string | null, unitPriceFen: number, minutes: number;
      if (l.kind === 'DEVICE') {
        const d = devices.get(l.code);
        if (!d) return bad(`${f}.code`, 'UNKNOWN_DEVICE', `${l.code} is not a device of the area`);
        if (l.per !== 'MONTH' || l.times !== 1) return bad(`${f}.times`, 'FREQUENCY', 'A device is rented once a month');
        ({ name } = d);
        category = null;
        unitPriceFen = d.monthlyFeeFen;
        minutes = 0;
      } else {
        if (plan.careForm === 'FAMILY' || plan.careForm === 'DEVICE') return bad(`${f}.code`, 'ITEM_NOT_FOR_FORM', `A ${plan.careForm} plan holds no service items`);
        const item = byCode.get(l.code);
        if (!item) return bad(`${f}.code`, 'ITEM_NOT_FOR_FORM', `${l.code} is not a catalogue item for ${plan.careForm}`);
        if (item.category === 'B' && !p.clinicalStaff) return bad(`${f}.code`, 'NO_QUALIFIED_CAREGIVER', `${l.code} is clinical nursing: the agency needs a nurse or medical caregiver`);
        ({ name, category, unitPriceFen, minutes } = item);
      }
      kept.push({ kind: l.kind, code: l.code, times: l.times, per: l.per, unitPriceFen, minutes });
      rows.push(
        em.create(CarePlanLine, {
          id: randomUUID(),
          poolingArea: plan.poolingArea,
          planVersion: version,
          position: rows.length,
          kind: l.kind,
          code: l.code,
          name,
          category: category as never,
          times: l.times,
          per: l.per,
          days,
          timeOfDay: l.timeOfDay || null,
          unitPriceFen,
          minutes,
          goal: l.goal?.trim() || null,
          note: l.note?.trim() || null,
          reasons: l.reasons ?? [],
          alternatives: l.alternatives ?? [],
        }),
      );
    });
    const cost = costPlan({ form: plan.careForm, level: version.level, lines: kept, dayRateFen: p.dayRateFen, benefits: p.benefits });
    if (cost.device && cost.device.excessFen > 0) {
      const i = lines.findIndex((l) => l.kind === 'DEVICE');
      if (!opts.lenient) e.add(`lines.${i}.code`, 'DEVICE_CAP_EXCEEDED', `Devices cost ${cost.device.grossFen} fen a month, over the cap of ${cost.device.capFen}`);
    }
    if (e.list.length) {
      for (const r of rows) em.remove(r);
      e.throwIfAny();
    }
    const old = await em.find(CarePlanLine, { planVersion: version.id, id: { $nin: rows.map((r) => r.id) } });
    for (const o of old) em.remove(o);
    version.cost = cost;
    version.priceScheduleFrom = p.priceScheduleFrom;
    // A consent covers the excess it was given for, not a larger one.
    if (version.consentExcessFen != null && cost.excessFen > version.consentExcessFen) {
      version.consentBy = version.consentRelation = null;
      version.consentExcessFen = null;
      version.consentAt = null;
    }
  }

  // ---- editing ----------------------------------------------------------------------------------

  async saveDraft(actor: Actor | null, versionId: string, input: DraftInput): Promise<CarePlanVersion> {
    const e = new FieldErrors('input');
    if (input.effectiveFrom && !DATE.test(input.effectiveFrom)) e.add('effectiveFrom', 'DATE', 'YYYY-MM-DD');
    if ((input.goals?.length ?? 0) > 1000) e.add('goals', 'LENGTH', 'At most 1000 characters');
    if ((input.notes?.length ?? 0) > 1000) e.add('notes', 'LENGTH', 'At most 1000 characters');
    if (input.lines.length > 60) e.add('lines', 'TOO_MANY', 'At most 60 lines');
    e.throwIfAny();
    return this.em.transactional(async (em) => {
      const v = await this.findVersion(em, actor, versionId, 'careplan.edit', true);
      if (v.state !== 'DRAFT') throw new AppError('CONFLICT', `Only a draft can be edited; this version is ${v.state}`, { reason: 'NOT_A_DRAFT', state: v.state });
      if (input.expectedVersion != null && input.expectedVersion !== v.version) throw new AppError('CONFLICT', 'Someone else saved this plan meanwhile; reload it', { reason: 'STALE', state: v.state });
      const plan = v.plan;
      if (input.effectiveFrom) {
        const e2 = new FieldErrors('input');
        if (input.effectiveFrom < plan.startDate) e2.add('effectiveFrom', 'BEFORE_START', `Not before the plan's start, ${plan.startDate}`);
        if (v.number > 1 && input.effectiveFrom < this.today()) e2.add('effectiveFrom', 'PAST', 'A change takes effect today or later');
        e2.throwIfAny();
        v.effectiveFrom = input.effectiveFrom;
      }
      const before = { cost: v.cost.grossFen, lines: (await em.find(CarePlanLine, { planVersion: v.id })).map((l) => `${l.code} ${l.times}/${l.per}`) };
      // A line keeps the findings that proposed it, also when it was swapped for one of its alternatives
      // (which then offers the original in turn).
      const keepReasons = new Map<string, { reasons: Reason[]; alternatives: ProposedFrequency[] }>();
      for (const l of await em.find(CarePlanLine, { planVersion: v.id })) {
        keepReasons.set(`${l.kind}:${l.code}`, l);
        for (const alt of l.alternatives) {
          if (!keepReasons.has(`${l.kind}:${alt.code}`)) keepReasons.set(`${l.kind}:${alt.code}`, { reasons: l.reasons, alternatives: [{ code: l.code, times: l.times, per: l.per }, ...l.alternatives.filter((x) => x.code !== alt.code)] });
        }
      }
      const p = await this.pricing(em, plan, v.effectiveFrom ?? plan.startDate, v.level);
      await this.writeLines(
        em,
        plan,
        v,
        input.lines.map((l) => ({ ...l, reasons: keepReasons.get(`${l.kind}:${l.code}`)?.reasons ?? [], alternatives: keepReasons.get(`${l.kind}:${l.code}`)?.alternatives ?? [] })),
        p,
        { lenient: false },
      );
      v.goals = input.goals?.trim() || null;
      v.notes = input.notes?.trim() || null;
      v.updatedAt = this.clock.now();
      await em.flush();
      await this.audit.record(em, actor, { operation: 'SAVE_CARE_PLAN', entity: 'CarePlanVersion', entityId: v.id, poolingArea: v.poolingArea, before, after: { cost: v.cost.grossFen, lines: input.lines.map((l) => `${l.code} ${l.times}/${l.per}`) } });
      return v;
    });
  }

  /** The beneficiary (or family) consents to pay the excess over the cap themselves. */
  async recordConsent(actor: Actor | null, versionId: string, input: { signedBy: string; relation: string }): Promise<CarePlanVersion> {
    const e = new FieldErrors('input');
    if (!input.signedBy.trim() || input.signedBy.trim().length > 50) e.add('signedBy', 'LENGTH', '1 to 50 characters');
    if (!input.relation.trim() || input.relation.trim().length > 20) e.add('relation', 'LENGTH', '1 to 20 characters');
    e.throwIfAny();
    return this.em.transactional(async (em) => {
      const v = await this.findVersion(em, actor, versionId, 'careplan.edit', true);
      if (v.state !== 'DRAFT') throw new AppError('CONFLICT', `Consent is recorded on a draft; this version is ${v.state}`, { reason: 'NOT_A_DRAFT', state: v.state });
      if (v.cost.excessFen <= 0) throw refused('NO_EXCESS', 'The plan is within its cap: there is nothing to consent to', v.state);
      v.consentBy = input.signedBy.trim();
      v.consentRelation = input.relation.trim();
      v.consentExcessFen = v.cost.excessFen;
      v.consentAt = this.clock.now();
      await em.flush();
      await this.audit.record(em, actor, { operation: 'RECORD_SELF_PAY_CONSENT', entity: 'CarePlanVersion', entityId: v.id, poolingArea: v.poolingArea, after: { signedBy: v.consentBy, relation: v.consentRelation, excessFen: v.consentExcessFen } });
      return v;
    });
  }

  private async moveVersion(em: EntityManager, actor: Actor | null, v: CarePlanVersion, verb: VersionVerb, detail: Record<string, unknown> = {}) {
    const from = v.state;
    v.state = nextStateOrConflict(v, verb);
    await em.flush();
    await this.audit.record(em, actor, { operation: `${verb.toUpperCase()}_CARE_PLAN_VERSION`, entity: 'CarePlanVersion', entityId: v.id, poolingArea: v.poolingArea, before: { state: from }, after: { state: v.state, ...detail } });
  }

  private refusal(v: CarePlanVersion, lineCount: number) {
    const r = approvalRefusal(v.plan.careForm, v.cost, lineCount, v.consentExcessFen != null && v.consentExcessFen >= v.cost.excessFen);
    if (r === 'EXCESS_NOT_CONSENTED') throw refused(r, `The plan is ${v.cost.excessFen} fen a month over its cap: record the beneficiary's consent to pay the excess first`, v.state);
    if (r === 'DEVICE_CAP_EXCEEDED') throw refused(r, 'The devices exceed their monthly cap', v.state);
    if (r === 'EMPTY_PLAN') throw refused(r, 'The plan has no lines', v.state);
  }

  /** The agency submits a draft; within the cap, and where the area allows it, it is approved at once. */
  async submitVersion(actor: Actor | null, versionId: string): Promise<CarePlanVersion> {
    return this.em.transactional(async (em) => {
      const v = await this.findVersion(em, actor, versionId, 'careplan.edit', true);
      nextStateOrConflict(v, 'submit');
      if (v.plan.state !== 'ACTIVE') throw refused('PLAN_NOT_ACTIVE', `The plan is ${v.plan.state}`, v.state);
      this.refusal(v, await em.count(CarePlanLine, { planVersion: v.id }));
      v.submittedBy = em.getReference(User, actor!.userId);
      v.submittedAt = this.clock.now();
      v.returnReason = null;
      await this.moveVersion(em, actor, v, 'submit', { grossFen: v.cost.grossFen, excessFen: v.cost.excessFen });
      const { settings } = await this.benefitsOn(em, v.poolingArea, this.today());
      if (settings.autoApproveWithinCap && v.cost.excessFen === 0) await this.approveLocked(em, null, v, true);
      return v;
    });
  }

  /** A fund officer approves: the version is in force from its date and supersedes the one before. */
  async approveVersion(actor: Actor | null, versionId: string): Promise<CarePlanVersion> {
    return this.em.transactional(async (em) => {
      const v = await this.findVersion(em, actor, versionId, 'careplan.approve', true);
      nextStateOrConflict(v, 'approve');
      this.refusal(v, await em.count(CarePlanLine, { planVersion: v.id }));
      await this.approveLocked(em, actor, v, false);
      return v;
    });
  }

  private async approveLocked(em: EntityManager, actor: Actor | null, v: CarePlanVersion, auto: boolean) {
    const today = this.today();
    const plan = v.plan;
    const from = [v.effectiveFrom ?? plan.startDate, today, plan.startDate].sort().at(-1)!;
    v.effectiveFrom = from;
    v.decidedBy = actor ? em.getReference(User, actor.userId) : null;
    v.decidedAt = this.clock.now();
    v.autoApproved = auto;
    const earlier = await em.find(CarePlanVersion, { plan: plan.id, state: 'APPROVED', id: { $ne: v.id } });
    for (const o of earlier) {
      const until = addDays(from, -1);
      o.effectiveUntil = o.effectiveUntil && o.effectiveUntil < until ? o.effectiveUntil : until;
      await this.moveVersion(em, actor, o, 'supersede', { effectiveUntil: o.effectiveUntil, by: v.id });
    }
    plan.conclusion = v.conclusion;
    await this.moveVersion(em, actor, v, 'approve', { effectiveFrom: from, autoApproved: auto, fundFen: v.cost.fundFen, excessFen: v.cost.excessFen, consentBy: v.consentBy });
  }

  async returnVersion(actor: Actor | null, versionId: string, reason: string): Promise<CarePlanVersion> {
    if (!reason.trim() || reason.trim().length > 300) throw new InputError([{ field: 'reason', reason: 'LENGTH', message: 'Say why, in 1 to 300 characters' }]);
    return this.em.transactional(async (em) => {
      const v = await this.findVersion(em, actor, versionId, 'careplan.approve', true);
      nextStateOrConflict(v, 'return');
      v.returnReason = reason.trim();
      v.decidedBy = em.getReference(User, actor!.userId);
      v.decidedAt = this.clock.now();
      await this.moveVersion(em, actor, v, 'return', { reason: v.returnReason });
      return v;
    });
  }

  /** A new version of an active plan: a copy of the latest approved one, or drafted anew from the conclusion in force. */
  async revisePlan(actor: Actor | null, planId: string, redraft: boolean): Promise<CarePlanVersion> {
    return this.em.transactional(async (em) => {
      const plan = await this.findPlan(em, actor, planId, 'careplan.edit', true);
      if (plan.state !== 'ACTIVE') throw refused('PLAN_NOT_ACTIVE', `The plan is ${plan.state}`, plan.state);
      const versions = await em.find(CarePlanVersion, { plan: plan.id }, { orderBy: { number: 'desc' } });
      const open = versions.find((x) => x.state === 'DRAFT' || x.state === 'SUBMITTED');
      if (open) throw refused('OPEN_VERSION', `Version ${open.number} is still ${open.state}`, open.state);
      const today = this.today();
      const conclusion = await this.conclusionOn(em, plan.person.id, today);
      const { settings } = await this.benefitsOn(em, plan.poolingArea, today);
      if (!conclusion || !settings.qualifyingLevels.includes(conclusion.level as Level)) throw refused('NOT_QUALIFYING', 'The conclusion in force does not qualify: end the plan instead', plan.state);
      const latest = versions.find((x) => x.state === 'APPROVED') ?? versions[0] ?? null;
      const v = await this.draftVersion(em, actor!, plan, (versions[0]?.number ?? 0) + 1, conclusion, [today, plan.startDate].sort().at(-1)!, redraft ? null : latest);
      await this.audit.record(em, actor, { operation: 'REVISE_CARE_PLAN', entity: 'CarePlanVersion', entityId: v.id, poolingArea: v.poolingArea, after: { number: v.number, redraft, level: conclusion.level } });
      return v;
    });
  }

  async discardVersion(actor: Actor | null, versionId: string): Promise<CarePlanVersion> {
    return this.em.transactional(async (em) => {
      const v = await this.findVersion(em, actor, versionId, 'careplan.edit', true);
      if (v.number === 1) throw refused('FIRST_VERSION', 'The first version cannot be discarded: end the plan instead', v.state);
      await this.moveVersion(em, actor, v, 'discard');
      return v;
    });
  }

  // ---- ending and transferring ------------------------------------------------------------------

  async endPlan(actor: Actor | null, planId: string, input: { date: string; reason: EndReason; note?: string | null }): Promise<CarePlan> {
    const e = new FieldErrors('input');
    if (!DATE.test(input.date)) e.add('date', 'DATE', 'YYYY-MM-DD');
    if (!END_REASONS.includes(input.reason)) e.add('reason', 'UNKNOWN', 'Not a reason for ending');
    if ((input.note?.length ?? 0) > 200) e.add('note', 'LENGTH', 'At most 200 characters');
    e.throwIfAny();
    return this.em.transactional(async (em) => {
      const plan = await this.findPlan(em, actor, planId, 'careplan.end', true);
      await this.endLocked(em, actor!, plan, input.date, input.reason, input.note ?? null);
      return plan;
    });
  }

  private async endLocked(em: EntityManager, actor: Actor, plan: CarePlan, date: string, reason: EndReason, note: string | null) {
    if (plan.state === 'ACTIVE' && date < addDays(plan.startDate, -1)) throw new InputError([{ field: 'input.date', reason: 'BEFORE_START', message: `Not before the plan's start, ${plan.startDate}` }]);
    if (reason === 'DEATH' && plan.person.dateOfDeath && date !== plan.person.dateOfDeath) throw new InputError([{ field: 'input.date', reason: 'NOT_DATE_OF_DEATH', message: `The person died on ${plan.person.dateOfDeath}` }]);
    const wasActive = plan.state === 'ACTIVE';
    plan.endDate = wasActive ? date : null;
    plan.endReason = reason;
    plan.endNote = note?.trim() || null;
    await this.movePlan(em, actor, plan, 'end', { endDate: plan.endDate, reason, note: plan.endNote });
    for (const v of await em.find(CarePlanVersion, { plan: plan.id, state: { $in: ['DRAFT', 'SUBMITTED', 'APPROVED'] } })) {
      if (v.state === 'APPROVED') {
        v.effectiveUntil = v.effectiveUntil && v.effectiveUntil < date ? v.effectiveUntil : date;
        await this.moveVersion(em, actor, v, 'end', { effectiveUntil: v.effectiveUntil, reason });
      } else await this.moveVersion(em, actor, v, 'discard', { reason });
    }
    if (wasActive) {
      for (const c of await em.find(AgencyClient, { agency: plan.agency.id, person: plan.person.id, until: null })) c.until = date;
      await em.flush();
    }
  }

  /** Ends the person's plans on the date of death (called in the transaction that records the death). */
  async endOnDeath(em: EntityManager, actor: Actor, person: InsuredPerson): Promise<number> {
    const plans = await em.find(CarePlan, { person: person.id, state: { $in: ['REQUESTED', 'ACTIVE'] } }, { populate: ['person', 'agency'] });
    for (const plan of plans) {
      await em.lock(plan, LockMode.PESSIMISTIC_WRITE);
      const date = plan.startDate > person.dateOfDeath! ? addDays(plan.startDate, -1) : person.dateOfDeath!;
      plan.person.dateOfDeath = person.dateOfDeath;
      await this.endLocked(em, actor, plan, date, 'DEATH', null);
    }
    return plans.length;
  }

  /** Moves an active plan to another agency: the old one ends the day before, the new one is requested from the date. */
  async transferPlan(actor: Actor | null, planId: string, input: { id?: string | null; agencyId: string; date: string }): Promise<CarePlan> {
    const a = requirePermission(actor, 'careplan.request');
    if (!DATE.test(input.date)) throw new InputError([{ field: 'input.date', reason: 'DATE', message: 'YYYY-MM-DD' }]);
    if (input.id && isUuid(input.id)) {
      const again = await this.em.findOne(CarePlan, { $and: [{ id: input.id, transferredFrom: planId }, this.planScope(a, 'careplan.read')] }, { populate: ['person', 'agency', 'conclusion'] });
      if (again) return again; // a retry of the same transfer
    }
    return this.em.transactional(async (em) => {
      const old = await this.findPlan(em, a, planId, 'careplan.end', true);
      if (old.state !== 'ACTIVE') throw refused('PLAN_NOT_ACTIVE', `The plan is ${old.state}`, old.state);
      if (input.agencyId === old.agency.id) throw new InputError([{ field: 'input.agencyId', reason: 'SAME_AGENCY', message: 'Choose another agency' }]);
      if (input.date <= old.startDate) throw new InputError([{ field: 'input.date', reason: 'BEFORE_START', message: `After the plan's start, ${old.startDate}` }]);
      await this.endLocked(em, a, old, addDays(input.date, -1), 'AGENCY_CHANGE', null);
      const agency = isUuid(input.agencyId) ? await em.findOne(Agency, { id: input.agencyId, poolingArea: old.poolingArea }) : null;
      if (!agency) throw notFound('Agency');
      const { conclusion } = await this.checkStart(em, old.person, agency, old.careForm, input.date, old.id);
      const plan = em.create(CarePlan, {
        id: input.id && isUuid(input.id) ? input.id : randomUUID(),
        poolingArea: old.poolingArea,
        person: old.person,
        agency,
        careForm: old.careForm,
        startDate: input.date,
        conclusion,
        tubeFeeding: old.tubeFeeding,
        transferredFrom: old,
        requestedBy: em.getReference(User, a.userId),
      });
      await em.flush();
      await this.audit.record(em, a, { operation: 'TRANSFER_CARE_PLAN', entity: 'CarePlan', entityId: plan.id, poolingArea: plan.poolingArea, after: { from: old.id, fromAgencyId: old.agency.id, agencyId: agency.id, startDate: plan.startDate } });
      return plan;
    });
  }

  // ---- reading ----------------------------------------------------------------------------------

  /** SQL for each queue; `p` is the care_plan alias. */
  private attentionSql(attention: Attention, today: string): { sql: string; params: unknown[] } {
    switch (attention) {
      case 'TO_ACCEPT':
        return { sql: `p.state = 'REQUESTED'`, params: [] };
      case 'TO_DRAFT':
        return { sql: `p.state = 'ACTIVE' and exists (select 1 from care_plan_version v where v.plan_id = p.id and v.state = 'DRAFT')`, params: [] };
      case 'TO_APPROVE':
        return { sql: `exists (select 1 from care_plan_version v where v.plan_id = p.id and v.state = 'SUBMITTED')`, params: [] };
      case 'TO_REVISE':
        return {
          sql: `p.state = 'ACTIVE' and not exists (select 1 from care_plan_version v where v.plan_id = p.id and v.state in ('DRAFT', 'SUBMITTED'))
                and not exists (select 1 from conclusion c where c.id = p.conclusion_id and c.status = 'IN_FORCE' and c.valid_until >= ?)`,
          params: [today],
        };
      case 'TO_TRANSFER':
        return {
          sql: `p.state = 'ACTIVE' and not exists (select 1 from contract k where k.agency_id = p.agency_id and k.pooling_area = p.pooling_area and k.state = 'APPROVED'
                and k.start_date <= ? and k.end_date >= ?)`,
          params: [today, today],
        };
      case 'TO_END':
        return { sql: `p.state in ('ACTIVE', 'REQUESTED') and exists (select 1 from insured_person ip where ip.id = p.person_id and ip.status <> 'ACTIVE')`, params: [] };
    }
  }

  async plans(
    actor: Actor | null,
    filter: { attention?: Attention | null; agencyId?: string | null; personId?: string | null; state?: string | null; careForm?: CareForm | null; search?: string | null },
    page: PageRequest,
  ): Promise<Page<CarePlan>> {
    const a = requirePermission(actor, 'careplan.read');
    const where: FilterQuery<CarePlan>[] = [this.planScope(a, 'careplan.read')];
    if (filter.attention) {
      const { sql, params } = this.attentionSql(filter.attention, this.today());
      where.push({ [raw((alias) => `exists (select 1 from care_plan p where p.id = ${alias}.id and ${sql})`, params)]: true } as FilterQuery<CarePlan>);
    }
    if (filter.agencyId) where.push({ agency: isUuid(filter.agencyId) ? filter.agencyId : NOTHING });
    if (filter.personId) where.push({ person: isUuid(filter.personId) ? filter.personId : NOTHING });
    if (filter.state) where.push({ state: filter.state as never });
    if (filter.careForm) where.push({ careForm: filter.careForm });
    if (filter.search?.trim()) where.push({ person: { name: { $ilike: containsPattern(filter.search.trim()) } } });
    const result = await findPage(this.em, CarePlan, { $and: where }, { createdAt: 'desc', id: 'desc' }, page);
    await this.em.populate(result.items, ['person', 'agency', 'conclusion']);
    return result;
  }

  /** The queues a plan is in, for a page of plans in one statement. */
  async attentionsOf(em: EntityManager, planIds: string[]): Promise<Map<string, Attention[]>> {
    const out = new Map<string, Attention[]>();
    if (!planIds.length) return out;
    const today = this.today();
    const parts = ATTENTIONS.map((k) => this.attentionSql(k, today));
    const rows = await em.execute<Record<string, unknown>[]>(
      `select p.id, ${ATTENTIONS.map((k, i) => `(${parts[i]!.sql}) as "${k}"`).join(', ')} from care_plan p where p.id in (${planIds.map(() => '?').join(', ')})`,
      [...parts.flatMap((p) => p.params), ...planIds],
    );
    for (const r of rows) out.set(String(r.id), ATTENTIONS.filter((k) => r[k] === true));
    return out;
  }

  /** How many plans in scope each queue holds. */
  async counts(actor: Actor | null): Promise<Record<Attention, number>> {
    const a = requirePermission(actor, 'careplan.read');
    const today = this.today();
    const parts = ATTENTIONS.map((k) => this.attentionSql(k, today));
    const areas = areasWith(a, 'careplan.read');
    const agencies = agenciesWith(a, 'careplan.read');
    const scope: string[] = [];
    if (areas.length) scope.push(`p.pooling_area in (${areas.map(() => '?').join(', ')})`);
    if (agencies.length) scope.push(`p.agency_id in (${agencies.map(() => '?').join(', ')})`);
    const rows = await this.em.execute<Record<string, string>[]>(
      `select ${ATTENTIONS.map((k, i) => `count(*) filter (where ${parts[i]!.sql}) as "${k}"`).join(', ')} from care_plan p where ${scope.length ? scope.join(' or ') : 'false'}`,
      [...parts.flatMap((p) => p.params), ...areas, ...agencies],
    );
    return Object.fromEntries(ATTENTIONS.map((k) => [k, Number(rows[0]?.[k] ?? 0)])) as Record<Attention, number>;
  }

  plan(actor: Actor | null, id: string): Promise<CarePlan> {
    return this.findPlan(this.em, actor, id, 'careplan.read');
  }

  version(actor: Actor | null, id: string): Promise<CarePlanVersion> {
    return this.findVersion(this.em, actor, id, 'careplan.read');
  }

  async versionsOf(em: EntityManager, planIds: string[]): Promise<CarePlanVersion[]> {
    if (!planIds.length) return [];
    return em.find(CarePlanVersion, { plan: { $in: planIds } }, { orderBy: { number: 'asc' } });
  }

  async linesOf(em: EntityManager, versionIds: string[]): Promise<CarePlanLine[]> {
    if (!versionIds.length) return [];
    return em.find(CarePlanLine, { planVersion: { $in: versionIds } }, { orderBy: { position: 'asc' } });
  }

  /** What the editor of a version needs to cost it live. */
  async editorOptions(actor: Actor | null, versionId: string): Promise<EditorOptions> {
    const v = await this.findVersion(this.em, actor, versionId, 'careplan.read');
    return this.pricing(this.em, v.plan, v.effectiveFrom ?? v.plan.startDate, v.level);
  }

  /** Agencies a person may choose for a form on a day: contract active and covering the form, serving the region. */
  async agencyChoices(actor: Actor | null, personId: string, careForm: CareForm, on: string): Promise<Agency[]> {
    const a = requirePermission(actor, 'careplan.request');
    const person = isUuid(personId) ? await this.em.findOne(InsuredPerson, { id: personId, poolingArea: { $in: areasWith(a, 'careplan.request') } }) : null;
    if (!person) throw notFound('Insured person');
    if (!DATE.test(on)) throw new InputError([{ field: 'on', reason: 'DATE', message: 'YYYY-MM-DD' }]);
    const agencies = await this.em.find(Agency, { poolingArea: person.poolingArea, active: true }, { orderBy: { name: 'asc' } });
    const contracts = await this.em.find(Contract, { poolingArea: person.poolingArea, agency: { $in: agencies.map((x) => x.id) } });
    return agencies.filter(
      (ag) =>
        (!ag.serviceArea.length || ag.serviceArea.some((c) => person.region.code.startsWith(c))) &&
        contracts.some((c) => c.agency.id === ag.id && c.careForms.includes(careForm) && contractStatusOn(contractFacts(c), on) === 'ACTIVE'),
    );
  }

  /** The assessment behind a version, for the officer deciding on it. */
  async assessmentSummary(actor: Actor | null, versionId: string) {
    const v = await this.findVersion(this.em, actor, versionId, 'careplan.read');
    const f = await this.findings(this.em, v.conclusion, v.plan.tubeFeeding);
    return { conclusion: v.conclusion, ...f };
  }
}

function nextStateOrConflict(v: CarePlanVersion, verb: VersionVerb) {
  return transition(v.state, verb, () => nextVersionState(v.state, verb));
}
