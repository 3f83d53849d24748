// Use cases of stays and the audit settings: in-patient stays entered or imported from a hospital's CSV list (for
// R02), stays in institutional and hospital care with leave (billable days), the area's rule parameters, and the
// month's audit run on demand.
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { EntityManager } from '@mikro-orm/postgresql';
import { InsuredPerson } from '../people/insured-person.entity.ts';
import { User } from '../identity/user.entity.ts';
import { CarePlan } from '../careplan/careplan.entity.ts';
import { CareStay, HospitalStay, VisitSettingsRow } from './visits.entity.ts';
import { billableDays, checkStayDates } from './stays.rules.ts';
import { DEFAULT_VISIT_SETTINGS, RULE_CODES, visitSettingsFrom, type VisitSettings } from './visits.rules.ts';
import { agenciesWith, areasWith, personScope, requirePermission } from '../identity/identity.access.ts';
import type { Actor } from '../graphql/context.ts';
import type { AuditTrail } from '../audit/audit.service.ts';
import { AppError, FieldErrors, InputError, notFound } from '../shared/errors.ts';
import { isUuid, parseResidentId } from '../shared/identifiers.ts';
import { localDate, type Clock } from '../shared/clock.ts';

export interface ImportRow {
  row: number;
  idNumber: string;
  ok: boolean;
  errors: { field: string; reason: string; message: string }[];
}

/** Headers a hospital list may use for each column (Chinese or English). */
const COLUMNS: Record<'idNumber' | 'hospital' | 'admittedOn' | 'dischargedOn', string[]> = {
  idNumber: ['身份证号', '身份证号码', 'idNumber', 'id_number'],
  hospital: ['医院', '医疗机构', 'hospital'],
  admittedOn: ['入院日期', 'admittedOn', 'admitted_on'],
  dischargedOn: ['出院日期', 'dischargedOn', 'discharged_on'],
};
const MAX_IMPORT_ROWS = 5000;

export class StaysService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  today(): string {
    return localDate(this.clock.now());
  }

  // ---- in-patient stays -------------------------------------------------------------------------

  async hospitalStays(actor: Actor | null, personId: string): Promise<HospitalStay[]> {
    const a = requirePermission(actor, 'visit.read');
    if (!isUuid(personId)) throw notFound('Insured person');
    // In-patient stays are health data: officers and supervisors of the person's area, and the agencies that
    // serve the person, see them.
    const person = await this.em.findOne(InsuredPerson, { $and: [{ id: personId }, personScope(a, 'visit.read', this.today())] }, { fields: ['id'] });
    if (!person) throw notFound('Insured person');
    return this.em.find(HospitalStay, { person: personId }, { orderBy: { admittedOn: 'desc' } });
  }

  async recordHospitalStay(actor: Actor | null, input: { personId: string; hospital: string; admittedOn: string; dischargedOn?: string | null }): Promise<HospitalStay> {
    const a = requirePermission(actor, 'hospital.manage');
    const e = new FieldErrors('input');
    for (const p of checkStayDates(input, this.today())) e.add(p.field, p.reason, p.message);
    if (!input.hospital.trim() || input.hospital.trim().length > 100) e.add('hospital', 'LENGTH', '1 to 100 characters');
    e.throwIfAny();
    return this.em.transactional(async (em) => {
      const person = isUuid(input.personId) ? await em.findOne(InsuredPerson, { id: input.personId, poolingArea: { $in: areasWith(a, 'hospital.manage') } }) : null;
      if (!person) throw notFound('Insured person');
      const stay = await this.upsertStay(em, a, person, input.hospital.trim(), input.admittedOn, input.dischargedOn ?? null, 'MANUAL');
      return stay;
    });
  }

  /** One stay per person and admission day: a second report of it records the discharge. */
  private async upsertStay(em: EntityManager, a: Actor, person: InsuredPerson, hospital: string, admittedOn: string, dischargedOn: string | null, source: 'MANUAL' | 'IMPORT'): Promise<HospitalStay> {
    const existing = await em.findOne(HospitalStay, { person: person.id, admittedOn });
    const before = existing ? { hospital: existing.hospital, dischargedOn: existing.dischargedOn } : null;
    const stay = existing ?? em.create(HospitalStay, { id: randomUUID(), poolingArea: person.poolingArea, person, hospital, admittedOn, source, recordedBy: em.getReference(User, a.userId) });
    stay.hospital = hospital;
    stay.dischargedOn = dischargedOn;
    await em.flush();
    await this.audit.record(em, a, { operation: existing ? 'UPDATE_HOSPITAL_STAY' : 'RECORD_HOSPITAL_STAY', entity: 'HospitalStay', entityId: stay.id, poolingArea: stay.poolingArea, before, after: { personId: person.id, hospital, admittedOn, dischargedOn, source } });
    return stay;
  }

  /**
   * Imports a hospital's list of in-patient stays (CSV with a header row). Every row is checked first; when any
   * row is wrong nothing is stored and the report names each problem by row and field.
   */
  async importHospitalStays(actor: Actor | null, poolingArea: string, csv: string): Promise<{ imported: number; rows: ImportRow[] }> {
    const a = requirePermission(actor, 'hospital.manage');
    if (!areasWith(a, 'hospital.manage').includes(poolingArea)) throw notFound('Pooling area');
    let records: Record<string, string>[];
    try {
      records = parse(csv.replace(/^\uFEFF/, ''), { columns: (h: string[]) => h.map((x) => x.trim()), skip_empty_lines: true, trim: true, relax_column_count: true });
    } catch (err) {
      throw new InputError([{ field: 'csv', reason: 'CSV', message: `Not a CSV file: ${(err as Error).message}` }]);
    }
    if (!records.length) throw new InputError([{ field: 'csv', reason: 'EMPTY', message: 'No rows under the header' }]);
    if (records.length > MAX_IMPORT_ROWS) throw new InputError([{ field: 'csv', reason: 'TOO_MANY', message: `At most ${MAX_IMPORT_ROWS} rows a file` }]);
    const header = Object.keys(records[0]!);
    const col = Object.fromEntries(Object.entries(COLUMNS).map(([k, names]) => [k, header.find((h) => names.includes(h)) ?? null])) as Record<keyof typeof COLUMNS, string | null>;
    const missing = (['idNumber', 'hospital', 'admittedOn'] as const).filter((k) => !col[k]);
    if (missing.length) throw new InputError(missing.map((k) => ({ field: 'csv', reason: 'MISSING_COLUMN', message: `A column ${COLUMNS[k][0]} is needed` })));
    const today = this.today();
    const ids = records.map((r) => (r[col.idNumber!] ?? '').trim().toUpperCase());
    const people = await this.em.find(InsuredPerson, { poolingArea, idNumber: { $in: ids.filter(Boolean) } });
    const byId = new Map(people.map((p) => [p.idNumber, p]));
    const rows: ImportRow[] = records.map((r, i) => {
      const errors: ImportRow['errors'] = [];
      const idNumber = ids[i]!;
      const parsed = parseResidentId(idNumber, today);
      if (!parsed.ok) errors.push({ field: 'idNumber', reason: parsed.reason, message: parsed.message });
      else if (!byId.has(idNumber)) errors.push({ field: 'idNumber', reason: 'UNKNOWN_PERSON', message: 'No insured person of the area has this number' });
      if (!(r[col.hospital!] ?? '').trim()) errors.push({ field: 'hospital', reason: 'REQUIRED', message: 'Name the hospital' });
      const dates = { admittedOn: (r[col.admittedOn!] ?? '').replace(/\//g, '-'), dischargedOn: col.dischargedOn && r[col.dischargedOn] ? r[col.dischargedOn]!.replace(/\//g, '-') : null };
      for (const p of checkStayDates(dates, today)) errors.push(p);
      // The row number as the file shows it: the header is row 1.
      // Masked like every ID number the API returns, also a malformed one (the very row being reported).
      const masked = idNumber.length >= 10 ? `${idNumber.slice(0, 6)}${'*'.repeat(idNumber.length - 10)}${idNumber.slice(-4)}` : '*'.repeat(idNumber.length);
      return { row: i + 2, idNumber: masked, ok: errors.length === 0, errors };
    });
    if (rows.some((r) => !r.ok)) return { imported: 0, rows };
    await this.em.transactional(async (em) => {
      for (const [i, r] of records.entries()) {
        const person = byId.get(ids[i]!)!;
        await this.upsertStay(em, a, person, r[col.hospital!]!.trim(), r[col.admittedOn!]!.replace(/\//g, '-'), col.dischargedOn && r[col.dischargedOn] ? r[col.dischargedOn]!.replace(/\//g, '-') : null, 'IMPORT');
      }
    });
    return { imported: records.length, rows };
  }

  // ---- stays in institutional and hospital care ---------------------------------------------------

  async careStays(actor: Actor | null, planId: string): Promise<CareStay[]> {
    const a = requirePermission(actor, 'visit.read');
    if (!isUuid(planId)) throw notFound('Care plan');
    const or: Record<string, unknown>[] = [];
    const areas = areasWith(a, 'visit.read');
    if (areas.length) or.push({ poolingArea: { $in: areas } });
    const agencies = agenciesWith(a, 'visit.read');
    if (agencies.length) or.push({ agency: { $in: agencies } });
    return this.em.find(CareStay, { plan: planId, $or: or.length ? or : [{ id: null }] } as never, { orderBy: { admittedOn: 'asc' } });
  }

  async admit(actor: Actor | null, input: { planId: string; admittedOn: string }): Promise<CareStay> {
    const a = requirePermission(actor, 'stay.manage');
    const e = new FieldErrors('input');
    for (const p of checkStayDates({ admittedOn: input.admittedOn }, this.today())) e.add(p.field, p.reason, p.message);
    e.throwIfAny();
    return this.em.transactional(async (em) => {
      const plan = isUuid(input.planId) ? await em.findOne(CarePlan, { id: input.planId, agency: { $in: agenciesWith(a, 'stay.manage') } }, { populate: ['person', 'agency'] }) : null;
      if (!plan) throw notFound('Care plan');
      if (plan.careForm !== 'INSTITUTION' && plan.careForm !== 'HOSPITAL') throw new AppError('CONFLICT', 'Stays are recorded for institutional and hospital care', { reason: 'NOT_A_BED_FORM' });
      if (plan.state !== 'ACTIVE' || input.admittedOn < plan.startDate) throw new AppError('CONFLICT', `The plan is ${plan.state} from ${plan.startDate}`, { reason: 'PLAN_NOT_ACTIVE', state: plan.state });
      const open = await em.findOne(CareStay, { plan: plan.id, dischargedOn: null });
      if (open) throw new AppError('CONFLICT', `Already admitted on ${open.admittedOn}`, { reason: 'ALREADY_ADMITTED' });
      const stay = em.create(CareStay, { id: randomUUID(), poolingArea: plan.poolingArea, plan, agency: plan.agency, person: plan.person, admittedOn: input.admittedOn, recordedBy: em.getReference(User, a.userId) });
      await em.flush();
      await this.audit.record(em, a, { operation: 'ADMIT', entity: 'CareStay', entityId: stay.id, poolingArea: stay.poolingArea, after: { planId: plan.id, admittedOn: stay.admittedOn } });
      return stay;
    });
  }

  async discharge(actor: Actor | null, id: string, dischargedOn: string): Promise<CareStay> {
    return this.changeStay(actor, id, 'DISCHARGE', (s) => ({ ...s, dischargedOn }), (stay) => {
      stay.dischargedOn = dischargedOn;
    });
  }

  async addLeave(actor: Actor | null, id: string, leave: { from: string; to: string; reason?: string | null }): Promise<CareStay> {
    return this.changeStay(actor, id, 'RECORD_LEAVE', (s) => ({ ...s, leaves: [...s.leaves, leave] }), (stay) => {
      stay.leaves = [...stay.leaves, { from: leave.from, to: leave.to, reason: leave.reason?.trim() || null }];
    });
  }

  private async changeStay(actor: Actor | null, id: string, operation: string, next: (s: CareStay) => { admittedOn: string; dischargedOn: string | null; leaves: { from: string; to: string }[] }, apply: (s: CareStay) => void): Promise<CareStay> {
    const a = requirePermission(actor, 'stay.manage');
    return this.em.transactional(async (em) => {
      const stay = isUuid(id) ? await em.findOne(CareStay, { id, agency: { $in: agenciesWith(a, 'stay.manage') } }) : null;
      if (!stay) throw notFound('Stay');
      const problems = checkStayDates(next(stay), this.today());
      if (problems.length) throw new InputError(problems.map((p) => ({ ...p, field: `input.${p.field}` })));
      const before = { dischargedOn: stay.dischargedOn, leaves: stay.leaves };
      apply(stay);
      await em.flush();
      await this.audit.record(em, a, { operation, entity: 'CareStay', entityId: stay.id, poolingArea: stay.poolingArea, before, after: { dischargedOn: stay.dischargedOn, leaves: stay.leaves } });
      return stay;
    });
  }

  billable(stays: CareStay[], month: string): string[] {
    return billableDays(stays, month);
  }

  // ---- settings -----------------------------------------------------------------------------------

  async settings(actor: Actor | null, poolingArea: string): Promise<VisitSettings> {
    const a = requirePermission(actor, 'visit.read');
    if (!areasWith(a, 'visit.read').includes(poolingArea) && a.poolingArea !== poolingArea) throw notFound('Pooling area');
    const row = await this.em.findOne(VisitSettingsRow, { poolingArea });
    return visitSettingsFrom(row?.settings as Partial<VisitSettings> | undefined);
  }

  async setSettings(actor: Actor | null, poolingArea: string, input: Partial<VisitSettings>): Promise<VisitSettings> {
    const a = requirePermission(actor, 'audit.run');
    if (!areasWith(a, 'audit.run').includes(poolingArea)) throw notFound('Pooling area');
    const next = visitSettingsFrom(input);
    const e = new FieldErrors('settings');
    const positive: (keyof VisitSettings)[] = ['geofenceMetres', 'dayMaxVisits', 'dayMaxMinutes', 'travelKmh', 'lateEntryHours', 'maxVisitHours', 'maxDistanceKm', 'maxAccuracyMetres'];
    for (const k of positive) if (!(typeof next[k] === 'number' && (next[k] as number) > 0 && (next[k] as number) < 100_000)) e.add(k, 'RANGE', 'A positive number');
    if (!(next.shortSharePercent > 0 && next.shortSharePercent <= 100)) e.add('shortSharePercent', 'RANGE', '1 to 100');
    if (!(next.clockSkewMinutes >= 0 && next.clockSkewMinutes <= 60)) e.add('clockSkewMinutes', 'RANGE', '0 to 60');
    for (const r of RULE_CODES) if (!['DEDUCT', 'FLAG'].includes(next.rules[r].action)) e.add(`rules.${r}.action`, 'UNKNOWN', 'DEDUCT or FLAG');
    e.throwIfAny();
    return this.em.transactional(async (em) => {
      const row = await em.findOne(VisitSettingsRow, { poolingArea });
      const before = row ? visitSettingsFrom(row.settings as Partial<VisitSettings>) : DEFAULT_VISIT_SETTINGS;
      if (row) row.settings = next as unknown as Record<string, unknown>;
      else em.create(VisitSettingsRow, { poolingArea, settings: next as unknown as Record<string, unknown> });
      await em.flush();
      await this.audit.record(em, a, { operation: 'SET_VISIT_SETTINGS', entity: 'VisitSettings', entityId: poolingArea, poolingArea, before: before as never, after: next as never });
      return next;
    });
  }
}
