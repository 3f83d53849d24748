// Use cases of home-care visits: the caregiver's day, check-in and check-out (also replayed from a phone's
// offline queue), manual entry and voiding by the agency, the audit rules run on submission, findings and their
// decisions, assignments and stays. Visits are rows of a table partitioned by month, written with plain SQL in
// the request's transaction; every write is in the audit trail.
import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode, type FilterQuery } from '@mikro-orm/core';
import { Caregiver, type Contract } from '../providers/providers.entity.ts';
import { caregiverEligibility, type ContractFacts } from '../providers/providers.rules.ts';
import { InsuredPerson } from '../people/insured-person.entity.ts';
import { User } from '../identity/user.entity.ts';
import { Agency } from '../identity/org.entity.ts';
import { unitsPerMonth, monthOf as calendarMonth } from '../careplan/careplan.rules.ts';
import { BeneficiaryCard, CaregiverAssignment, CareStay, HospitalStay, VisitFinding, VisitSettingsRow, type AssignmentRole, type FindingState } from './visits.entity.ts';
import {
  auditVisit,
  checkTimesAndPlaces,
  dayOf,
  DEFAULT_VISIT_SETTINGS,
  deducts,
  findingKey,
  RULE_NAMES,
  VISIT_DEDUCTING,
  visitSettingsFrom,
  type Finding,
  type HardRule,
  type ItemDone,
  type Position,
  type VisitContext,
  type VisitFacts,
  type VisitSettings,
} from './visits.rules.ts';
import { agenciesWith, areasWith, requirePermission } from '../identity/identity.access.ts';
import type { FindingEvent } from './finding-events.ts';
import type { Actor } from '../graphql/context.ts';
import { AUDIT_COLUMNS, AUDIT_VALUES, type AuditTrail } from '../audit/audit.service.ts';
import { AppError, FieldErrors, InputError, notFound } from '../shared/errors.ts';
import { isUuid } from '../shared/identifiers.ts';
import { localDate, type Clock } from '../shared/clock.ts';
import { addDays } from '../shared/dates.ts';
import { pooled, prepared, txOf, type Statement, type Tx } from '../shared/prepared.ts';
import { factCachesOf } from '../shared/fact-cache.ts';
import { minutesOn, planInForce, servedOn, staysBefore, type CatalogueMinutes, type PlanVersionPeriod, type ServicePeriod, type Stay } from './visits.facts.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A visit row as stored (snake case from SQL). */
export interface VisitRow {
  id: string;
  pooling_area: string;
  agency_id: string;
  caregiver_id: string;
  person_id: string;
  plan_id: string;
  plan_version_id: string;
  source: 'DEVICE' | 'MANUAL';
  status: 'OPEN' | 'DONE' | 'VOID';
  local_date: string;
  check_in_at: Date;
  check_in_lat: number | null;
  check_in_lng: number | null;
  check_in_accuracy: number | null;
  check_out_at: Date | null;
  check_out_lat: number | null;
  check_out_lng: number | null;
  check_out_accuracy: number | null;
  items: ItemDone[];
  notes: string | null;
  confirmation: 'SIGNATURE' | 'CARD_CODE' | 'FAMILY' | null;
  confirmed_by: string | null;
  has_signature?: boolean;
  checked_in_recorded_at: Date;
  recorded_at: Date | null;
  recorded_by: string;
  void_reason: string | null;
  voided_at: Date | null;
  claim_id: string | null;
}

const VISIT_COLUMNS = `v.id, v.pooling_area, v.agency_id, v.caregiver_id, v.person_id, v.plan_id, v.plan_version_id, v.source, v.status,
  to_char(v.local_date, 'YYYY-MM-DD') as local_date, v.check_in_at, v.check_in_lat, v.check_in_lng, v.check_in_accuracy, v.check_out_at,
  v.check_out_lat, v.check_out_lng, v.check_out_accuracy, v.items, v.notes, v.confirmation, v.confirmed_by, v.signature is not null as has_signature,
  v.checked_in_recorded_at, v.recorded_at, v.recorded_by, v.void_reason, v.voided_at, v.claim_id`;

/** What the audit rules read of a caregiver's other visits (R01, R08, R09), and what a mirrored R01 finding names. */
const NEIGHBOUR_COLUMNS = `v.id, v.pooling_area, v.agency_id, v.caregiver_id, v.person_id, to_char(v.local_date, 'YYYY-MM-DD') as local_date, v.check_in_at,
  v.check_in_lat, v.check_in_lng, v.check_in_accuracy, v.check_out_at, v.check_out_lat, v.check_out_lng, v.check_out_accuracy, v.items, v.confirmation,
  v.checked_in_recorded_at, v.recorded_at, v.source`;

/** A caregiver's other visit as COMPLETION_FACTS reads it. */
type NeighbourRow = Pick<
  VisitRow,
  | 'id' | 'pooling_area' | 'agency_id' | 'caregiver_id' | 'person_id' | 'local_date' | 'check_in_at' | 'check_in_lat' | 'check_in_lng' | 'check_in_accuracy'
  | 'check_out_at' | 'check_out_lat' | 'check_out_lng' | 'check_out_accuracy' | 'items' | 'confirmation' | 'checked_in_recorded_at' | 'recorded_at' | 'source'
>;

// ---- the statements of the hot paths (prepared: see shared/prepared.ts) ------------------------------------------

/**
 * A visit `v` by its id alone (one placeholder): visit_key gives its check-in time, with which PostgreSQL reads its
 * month's partition only (as a join, the planner would match the id in every month's index).
 */
const BY_KEY = `(v.id, v.check_in_at) = (select id, check_in_at from visit_key where id = ?)`;

const VISIT_BY_ID = prepared('visit_by_id', `select ${VISIT_COLUMNS} from visit v where ${BY_KEY}`);

const PERSON_NAMES = prepared('visit_person_names', `select id, name from insured_person where id in (select jsonb_array_elements_text(?::jsonb)::uuid)`);

const ENSURE_PARTITIONS = prepared('visit_ensure_partitions', `select visit_ensure_partitions(?::date, 1)`);

// The facts of a visit that are not bound to its day, as JSON in the shapes the rules take (caregiverEligibility,
// visits.facts.ts), each read the same way by every statement that needs it. Arguments are SQL expressions.
const employmentsOf = (caregiver: string) =>
  `(select json_agg(json_build_object('agencyId', e.agency_id, 'from', e."from", 'until', e.until)) from employment e where e.caregiver_id = ${caregiver})`;
const contractsOf = (agency: string) =>
  `(select json_agg(json_build_object('state', k.state, 'startDate', k.start_date, 'endDate', k.end_date, 'suspendedFrom', k.suspended_from, 'suspendedUntil', k.suspended_until))
             from contract k where k.agency_id = ${agency})`;
const servicePeriodsOf = (person: string, agency: string) =>
  `(select json_agg(json_build_object('since', ac.since, 'until', ac.until)) from agency_client ac where ac.person_id = ${person} and ac.agency_id = ${agency})`;
/** The person's approved (or since superseded or ended) home-care plan versions with the agency. */
const planVersionsOf = (person: string, agency: string) =>
  `(select json_agg(json_build_object('version_id', v.id, 'plan_id', p.id, 'number', v.number, 'from', v.effective_from, 'until', v.effective_until))
             from care_plan_version v join care_plan p on p.id = v.plan_id
            where p.person_id = ${person} and p.agency_id = ${agency} and p.care_form = 'HOME' and v.state in ('APPROVED', 'SUPERSEDED', 'ENDED'))`;

/**
 * Everything a check-in is decided on, in one statement (it is the hottest path of the system), none of it bound
 * to the day, so that it can be kept (fact-cache.ts) and asked about any day (visits.facts.ts): the caregiver of
 * the sign-in, her employments and her agency's contracts, the person, the periods in which the agency serves them,
 * their plan versions with the agency, the area's settings; and a visit already stored under the id (never kept).
 */
const CHECK_IN_FACTS = prepared(
  'visit_check_in_facts',
  `with cg as (select id, agency_id, active, qualification, certificate_expiry from caregiver where user_id = ?),
        prs as (select id, pooling_area, latitude, longitude from insured_person where id = ?)
   select (select row_to_json(cg) from cg) as caregiver,
          ${employmentsOf('(select id from cg)')} as employments,
          ${contractsOf('(select agency_id from cg)')} as contracts,
          (select row_to_json(prs) from prs) as person,
          ${servicePeriodsOf('(select id from prs)', '(select agency_id from cg)')} as served,
          ${planVersionsOf('(select id from prs)', '(select agency_id from cg)')} as plans,
          (select json_build_object('caregiver_id', k.caregiver_id, 'check_in_at', k.check_in_at) from visit_key k where k.id = ?) as existing,
          (select settings from visit_settings where pooling_area = (select pooling_area from prs)) as settings`,
);

/**
 * What the end of a visit is decided on that changes seldom, for a visit `cur` (a relation with its caregiver,
 * person, area, agency and plan version): the caregiver with her agency's name and her employments, the agency's
 * contracts, the person, the area's settings, the plan version's items, the catalogue's versions of those items,
 * the beneficiary's card and hospital stays. None of it bound to the visit's day (visits.facts.ts asks the day),
 * so that it can be kept (fact-cache.ts) for the person's next visits.
 */
const basisColumns = (cur: string) => `
          (select row_to_json(cg) from (select c.id, c.user_id, c.agency_id, c.name, c.active, c.qualification, c.certificate_expiry, a.name as agency_name
             from caregiver c left join agency a on a.id = c.agency_id where c.id = (select caregiver_id from ${cur})) cg) as caregiver,
          (select row_to_json(prs) from (select id, pooling_area, name, latitude, longitude, date_of_death, emergency_contact_name
             from insured_person where id = (select person_id from ${cur})) prs) as person,
          (select settings from visit_settings where pooling_area = (select pooling_area from ${cur})) as settings,
          (select json_agg(json_build_object('code', l.code, 'category', l.category, 'times', l.times, 'per', l.per) order by l.position)
             from care_plan_line l where l.plan_version_id = (select plan_version_id from ${cur}) and l.kind = 'ITEM') as lines,
          (select json_agg(json_build_object('code', ci.code, 'minutes', ci.minutes, 'from', ci.effective_from)) from catalogue_item ci
            where ci.pooling_area = (select pooling_area from ${cur})
              and ci.code in (select l.code from care_plan_line l where l.plan_version_id = (select plan_version_id from ${cur}) and l.kind = 'ITEM')) as catalogue,
          ${employmentsOf(`(select caregiver_id from ${cur})`)} as employments,
          ${contractsOf(`(select agency_id from ${cur})`)} as contracts,
          (select code_hash from beneficiary_card where person_id = (select person_id from ${cur})) as card_hash,
          (select json_agg(json_build_object('admittedOn', h.admitted_on, 'dischargedOn', h.discharged_on)) from hospital_stay h where h.person_id = (select person_id from ${cur})) as stays`;

/**
 * What the end of a visit `cur` is audited on that changes with every visit: the caregiver's visits within 36
 * hours either side (R01, R08, R09), and the units of the items named (`codes`, a JSON array) that the plan's
 * earlier visits of the month used (R06), less those of visits a finding deducts (`deductOpen`: whether an open
 * deducting finding does). Read as of the statement's start, so a statement that completes `cur` still sees the rest.
 */
const dynamicColumns = (cur: string, codes: string, deductOpen: string, tables = { neighbours: 'visit', month: 'visit' }) => `
          (select json_agg(n) from (
             select ${NEIGHBOUR_COLUMNS}
               from ${tables.neighbours} v where v.caregiver_id = (select caregiver_id from ${cur}) and v.status = 'DONE'
                and v.check_in_at between (select check_in_at from ${cur}) - interval '36 hours' and (select check_in_at from ${cur}) + interval '36 hours') n) as neighbours,
          (select json_object_agg(u.code, u.n) from (
             select i.code, sum(i.quantity)::int as n
               from ${tables.month} o cross join lateral jsonb_to_recordset(o.items) as i(code text, quantity int)
              where o.plan_id = (select plan_id from ${cur}) and o.status = 'DONE' and i.code in (select jsonb_array_elements_text(${codes}::jsonb))
                and o.check_in_at >= ((date_trunc('month', (select local_date::date from ${cur}))::date)::timestamp at time zone 'Asia/Shanghai')
                and o.local_date >= date_trunc('month', (select local_date::date from ${cur})) and o.local_date < date_trunc('month', (select local_date::date from ${cur})) + interval '1 month'
                and o.check_in_at <= (select check_in_at from ${cur}) and (o.check_in_at, o.id) < (select check_in_at, id from ${cur})
                -- A deducting finding takes the visit out of the count. Looked up per visit by its index (a scalar
                -- subquery, which the planner does not turn into a join that would scan all findings).
                and (select 1 from visit_finding f where f.visit_id = o.id and f.rule <> 'R06'
                       and (f.status = 'CONFIRMED' or (f.status = 'OPEN' and f.action = 'DEDUCT' and ${deductOpen})) limit 1) is null
              group by i.code) u) as used`;

/**
 * The check-in and its audit row, in one statement; nothing when a visit with the id and time is already there.
 * When asked (the last placeholder), it also reads what the visit's end will be decided on (basisColumns), so that
 * the check-out finds it kept. (Written through the partitioned table: PostgreSQL locks only the partition a row
 * goes to; naming the month's partition measured the same.)
 */
const INSERT_CHECK_IN = prepared(
  'visit_insert_check_in',
  `with ins as (
     insert into visit as v (id, pooling_area, agency_id, caregiver_id, person_id, plan_id, plan_version_id, source, status, local_date, check_in_at,
       check_in_lat, check_in_lng, check_in_accuracy, recorded_by)
     values (?, ?, ?, ?, ?, ?, ?, 'DEVICE', 'OPEN', ?, ?, ?, ?, ?, ?)
     on conflict do nothing
     returning ${VISIT_COLUMNS}),
   aud as (insert into audit_log (${AUDIT_COLUMNS}) select ${AUDIT_VALUES} from ins),
   basis as (select ${basisColumns('ins')} where ?::boolean)
   select ins.*, (select row_to_json(basis) from basis) as basis from ins`,
);

/**
 * Everything the end of a visit is decided and audited on, in one statement (with check-in, the hottest path):
 * the visit, whether the sign-in is a caregiver's, what changes seldom (basisColumns) and what changes with every
 * visit (dynamicColumns). Rows inside come as JSON, their times as ISO strings.
 */
const completionFacts = (name: string, cur: string) =>
  prepared(
    name,
    `with cur as (select ${VISIT_COLUMNS} from visit v where ${cur})
   select (select row_to_json(cur) from cur) as visit,
          exists (select 1 from caregiver where user_id = ? and agency_id is not null) as signed_in_caregiver,
          ${basisColumns('cur')},
          ${dynamicColumns('cur', '?', `coalesce(((select settings from visit_settings where pooling_area = (select pooling_area from cur)) ->> 'deductOpenFindings')::boolean, ?)`)}`,
  );

/** The visit looked up in the partitions its check-in can lie in: at most two days before the check-out. */
const COMPLETION_FACTS = completionFacts('visit_completion_facts', `v.id = ? and v.check_in_at >= ?::timestamptz - interval '48 hours' and v.check_in_at <= ?::timestamptz`);

/**
 * The visit looked up by its id alone, whatever its month: only when the window found none, so that the answer
 * still says what is wrong (a check-out before its check-in, or days after it).
 */
const COMPLETION_FACTS_ANYWHERE = completionFacts('visit_completion_facts_anywhere', BY_KEY);

/** Findings (a JSON array of rows) inserted from a statement's `upd` when it holds the visit; a finding already there (same visit, rule and key) stays as it is, with its decision. */
const FINDINGS_INSERT = (when: string) => `
     insert into visit_finding (id, pooling_area, visit_id, visit_at, month, agency_id, person_id, caregiver_id, rule, action, key, evidence, summary, status, created_at, version)
     select id, pooling_area, visit_id, visit_at, month, agency_id, person_id, caregiver_id, rule, action, key, evidence, summary, 'OPEN', created_at, 1
       from json_to_recordset(?::json) as f(id uuid, pooling_area text, visit_id uuid, visit_at timestamptz, month date, agency_id uuid, person_id uuid,
                                            caregiver_id uuid, rule text, action text, key text, evidence jsonb, summary text, created_at timestamptz)
      ${when}
     on conflict (visit_id, rule, key) do nothing returning id`;

/** The end of a visit as stored (in `table`: the visits, or the partition of its month), written only when the visit was still open. */
const updateToDone = (table = 'visit') => `
     update ${table} as v set status = 'DONE', check_out_at = ?, check_out_lat = ?, check_out_lng = ?, check_out_accuracy = ?, items = ?::jsonb, notes = ?,
       confirmation = ?, confirmed_by = ?, signature = ?, recorded_at = ?
     where v.id = ? and v.check_in_at = ? and v.status = 'OPEN'
     returning ${VISIT_COLUMNS}`;

/**
 * The end of a visit, its audit row and its findings, in one statement (so it needs no transaction of its own):
 * the audit row and the findings are written only when the visit was still open. Returns the visit and the ids of
 * the findings written.
 */
const COMPLETE_VISIT = prepared(
  'visit_complete',
  `with upd as (${updateToDone()}),
   aud as (insert into audit_log (${AUDIT_COLUMNS}) select ${AUDIT_VALUES} from upd),
   fnd as (${FINDINGS_INSERT('where exists (select 1 from upd)')})
   select upd.*, (select coalesce(json_agg(fnd.id), '[]') from fnd) as inserted from upd`,
);

/**
 * The end of a visit decided on kept facts: the visit and its audit row in one statement, which also reads what
 * the audit rules need that changes with every visit (dynamicColumns, as of before this end). The rules then run,
 * and their findings, when there are any, follow in FINDINGS (the month's audit, which runs the same rules over
 * every visit before billing, stores any that a crash between the two left out).
 *
 * The statement names the partition of the visit's month (and reads the neighbours there too unless their 36 hours
 * reach into another month): a prepared statement on the partitioned table runs a generic plan, which locks every
 * month's partition at each execution, whatever it then prunes, and a city adds twelve a year. One statement per
 * month (and edge), each prepared once per pooled connection.
 */
const completeReadingStatements = new Map<string, Statement>();
function completeVisitReading(v: Pick<VisitRow, 'local_date' | 'check_in_at'>): Statement {
  const month = v.local_date.slice(0, 7);
  const at = new Date(v.check_in_at).getTime();
  const inMonth = [at - 36 * 3_600_000, at + 36 * 3_600_000].every((t) => dayOf(new Date(t).toISOString()).slice(0, 7) === month);
  const key = `${month.replace('-', '_')}${inMonth ? '' : '_edge'}`;
  let statement = completeReadingStatements.get(key);
  if (!statement) {
    const partition = `visit_${month.replace('-', '_')}`;
    statement = prepared(
      `visit_complete_reading_${key}`,
      `with upd as (${updateToDone(partition)}),
   aud as (insert into audit_log (${AUDIT_COLUMNS}) select ${AUDIT_VALUES} from upd)
   select upd.*, ${dynamicColumns('upd', '?', '?::boolean', { neighbours: inMonth ? partition : 'visit', month: partition })} from upd`,
    );
    completeReadingStatements.set(key, statement);
  }
  return statement;
}

/** A visit's findings, after completeVisitReading's statement: the ids of those written. */
const FINDINGS = prepared('visit_findings', `${FINDINGS_INSERT('')}`);

export interface CheckInInput {
  id: string;
  personId: string;
  at: string;
  position: Position | null;
}

export interface ConfirmationInput {
  method: 'SIGNATURE' | 'CARD_CODE' | 'FAMILY';
  /** A PNG as a data URL (signature drawn on the screen). */
  signature?: string | null;
  cardCode?: string | null;
  familyName?: string | null;
}

export interface CheckOutInput {
  visitId: string;
  at: string;
  position: Position | null;
  items: ItemDone[];
  notes?: string | null;
  confirmation?: ConfirmationInput | null;
}

export interface ManualVisitInput {
  id: string;
  caregiverId: string;
  personId: string;
  checkInAt: string;
  checkOutAt: string;
  items: ItemDone[];
  notes?: string | null;
  checkIn?: Position | null;
  checkOut?: Position | null;
  /** A paper record signed by the beneficiary's card code or a family member (a drawn signature needs the phone). */
  confirmation?: ConfirmationInput | null;
}

/** One step of a phone's offline queue. */
export type SyncOp = { kind: 'CHECK_IN'; checkIn: CheckInInput } | { kind: 'CHECK_OUT'; checkOut: CheckOutInput };

export interface SyncResult {
  ok: boolean;
  visitId: string;
  visit: VisitRow | null;
  error: { code: string; reason: string | null; message: string } | null;
}

/** Publishes findings to live subscribers (set by the app; a no-op in bare use). */
export type FindingPublisher = (target: EntityManager | Tx, findings: FindingEvent[]) => Promise<void>;

interface PlanLineFacts {
  code: string;
  category: 'A' | 'B' | 'C';
  times: number;
  per: 'DAY' | 'WEEK' | 'MONTH';
  minutes: number;
}

/** What CHECK_IN_FACTS reads in one statement. */
interface CheckInFacts {
  caregiver: { id: string; agency_id: string | null; active: boolean; qualification: Caregiver['qualification']; certificate_expiry: string } | null;
  employments: { agencyId: string; from: string; until: string | null }[] | null;
  contracts: ContractFacts[] | null;
  person: { id: string; pooling_area: string; latitude: number | null; longitude: number | null } | null;
  served: ServicePeriod[] | null;
  plans: PlanVersionPeriod[] | null;
  existing: { caregiver_id: string; check_in_at: string } | null;
  settings: Partial<VisitSettings> | null;
}

/** What the end of a visit is decided on that changes seldom (basisColumns): kept by the visit's caregiver, person, plan version and agency. */
interface CompletionBasis {
  caregiver: { id: string; user_id: string | null; agency_id: string | null; name: string; active: boolean; qualification: Caregiver['qualification']; certificate_expiry: string; agency_name: string | null } | null;
  person: { id: string; pooling_area: string; name: string; latitude: number | null; longitude: number | null; date_of_death: string | null; emergency_contact_name: string | null } | null;
  settings: Partial<VisitSettings> | null;
  lines: Omit<PlanLineFacts, 'minutes'>[] | null;
  catalogue: CatalogueMinutes[] | null;
  employments: { agencyId: string; from: string; until: string | null }[] | null;
  contracts: ContractFacts[] | null;
  card_hash: string | null;
  stays: Stay[] | null;
}

/** What changes with every visit (dynamicColumns). */
interface CompletionDynamics {
  neighbours: NeighbourRow[] | null;
  used: Record<string, number> | null;
}

/** What COMPLETION_FACTS reads in one statement. */
interface CompletionFacts extends CompletionBasis, CompletionDynamics {
  visit: VisitRow | null;
  signed_in_caregiver: boolean;
}

const reject = (code: HardRule | string, message: string, field?: string) =>
  new AppError('BAD_USER_INPUT', message, { reason: code, fieldErrors: field ? [{ field, reason: code, message }] : undefined });

const notEligible = (reason: string, day: string) =>
  reason === 'QUALIFICATION'
    ? reject('ITEM_NOT_QUALIFIED', 'Clinical items need a nurse or medical caregiver', 'items')
    : reject('CAREGIVER_NOT_ELIGIBLE', `The caregiver may not work for the agency on ${day} (${reason})`, 'caregiverId');

/** A unique constraint refused the write (from pg, or from MikroORM, which keeps the driver's code). */
const isUniqueViolation = (err: unknown) => (err as { code?: string } | null)?.code === '23505';

const hashCardCode = (personId: string, code: string) => createHash('sha256').update(`changhu-card:${personId}:${code}`).digest('hex');

const toFacts = (r: NeighbourRow): VisitFacts => ({
  id: r.id,
  caregiverId: r.caregiver_id,
  personId: r.person_id,
  checkInAt: new Date(r.check_in_at).toISOString(),
  checkOutAt: r.check_out_at ? new Date(r.check_out_at).toISOString() : null,
  checkIn: r.check_in_lat !== null ? { lat: r.check_in_lat, lng: r.check_in_lng!, accuracy: r.check_in_accuracy ?? 0 } : null,
  checkOut: r.check_out_lat !== null ? { lat: r.check_out_lat, lng: r.check_out_lng!, accuracy: r.check_out_accuracy ?? 0 } : null,
  items: r.items,
  confirmed: r.confirmation !== null,
  recordedAt: new Date(r.recorded_at ?? r.checked_in_recorded_at).toISOString(),
  source: r.source,
});

/** A decision on kept facts, or null when they refuse: the caller decides afresh on facts read now, and answers with that. */
function orAfresh<T>(decide: () => T): T | null {
  try {
    return decide();
  } catch {
    return null;
  }
}

/** A check-in's facts as kept, by sign-in and person: every table they come from announces its changes. */
const checkInCache = (em: EntityManager) =>
  factCachesOf(em).cache<CheckInFacts>('visit-check-in', ['caregiver', 'employment', 'contract', 'insured_person', 'agency_client', 'care_plan', 'care_plan_version', 'visit_settings'], 50_000);

/** What the end of a visit is decided on that changes seldom, kept by caregiver, person, plan version and agency. */
const basisCache = (em: EntityManager) =>
  factCachesOf(em).cache<CompletionBasis>(
    'visit-completion',
    ['caregiver', 'agency', 'employment', 'contract', 'insured_person', 'visit_settings', 'care_plan_line', 'catalogue_item', 'beneficiary_card', 'hospital_stay'],
    50_000,
  );
const basisKeyOf = (v: Pick<VisitRow, 'caregiver_id' | 'person_id' | 'plan_version_id' | 'agency_id'>) => `${v.caregiver_id}|${v.person_id}|${v.plan_version_id}|${v.agency_id}`;

/**
 * Open visits as this process checked them in, for their check-out. Nothing of a visit's check-in changes while it
 * is open but its state, and the check-out's write finds it only while it is still open: a visit voided or
 * completed elsewhere meanwhile is decided afresh.
 */
const openVisitCache = (em: EntityManager) => factCachesOf(em).cache<VisitRow>('visit-open', [], 50_000);

/** The end of a visit as the caregiver (or the agency, after the fact) gives it. */
interface Completion {
  checkOutAt: string;
  checkOut: Position | null;
  items: ItemDone[];
  notes: string | null;
  confirmation: ConfirmationInput | null;
  source: 'DEVICE' | 'MANUAL';
}

const daysIn = (day: string) => Number(calendarMonth(day).last.slice(8, 10));

export class VisitsService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    private readonly publish: FindingPublisher = async () => {},
  ) {}

  today(): string {
    return localDate(this.clock.now());
  }

  async settings(em: EntityManager, poolingArea: string): Promise<VisitSettings> {
    const row = await em.findOne(VisitSettingsRow, { poolingArea });
    return visitSettingsFrom(row?.settings as Partial<VisitSettings> | undefined);
  }

  // ---- who is recording -------------------------------------------------------------------------

  /** The caregiver record of the signed-in caregiver. */
  private async me(em: EntityManager, actor: Actor | null): Promise<Caregiver> {
    const a = requirePermission(actor, 'visit.record');
    const c = await em.findOne(Caregiver, { user: a.userId }, { populate: ['agency'] });
    if (!c || !c.agency) throw new AppError('FORBIDDEN', 'Your sign-in is not linked to a caregiver of an agency');
    return c;
  }

  private async eligible(em: EntityManager, c: Caregiver, agencyId: string, day: string, categories: ('A' | 'B' | 'C')[]): Promise<void> {
    // The caregiver's employments and the agency's contracts, in one statement.
    const [f] = await em.execute<{ employments: { agencyId: string; from: string; until: string | null }[] | null; contracts: ContractFacts[] | null }[]>(
      `select ${employmentsOf('?')} as employments, ${contractsOf('?')} as contracts`,
      [c.id, agencyId],
    );
    const r = caregiverEligibility(
      { active: c.active, qualification: c.qualification, certificateExpiry: c.certificateExpiry, employments: f?.employments ?? [] },
      { agencyId, day, contracts: f?.contracts ?? [], categories },
    );
    if (!r.ok) throw notEligible(r.reason, day);
  }

  /** The approved HOME plan version of this agency in force for the person on the day (as a check-in takes it: visits.facts.ts). */
  private async planOn(em: EntityManager, personId: string, agencyId: string, day: string): Promise<{ version_id: string; plan_id: string } | null> {
    const [r] = await em.execute<{ plans: PlanVersionPeriod[] | null }[]>(`select ${planVersionsOf('?', '?')} as plans`, [personId, agencyId]);
    return planInForce(r?.plans ?? [], day);
  }

  /** Whether the agency serves the person on the day (as a check-in takes it: visits.facts.ts). */
  private async served(em: EntityManager, personId: string, agencyId: string, day: string): Promise<boolean> {
    const [r] = await em.execute<{ served: ServicePeriod[] | null }[]>(`select ${servicePeriodsOf('?', '?')} as served`, [personId, agencyId]);
    return servedOn(r?.served ?? [], day);
  }

  async visitById(em: EntityManager, id: string): Promise<VisitRow | null> {
    if (!isUuid(id)) return null;
    return (await txOf(em).rows<VisitRow>(VISIT_BY_ID, [id]))[0] ?? null;
  }

  private async ensurePartition(tx: Tx, at: string) {
    if (dayOf(at).slice(0, 7) !== this.today().slice(0, 7)) await tx.rows(ENSURE_PARTITIONS, [`${dayOf(at).slice(0, 7)}-01`]);
  }

  // ---- check-in -----------------------------------------------------------------------------------

  /** The facts of a check-in (CHECK_IN_FACTS), and whether they may be kept (no change was announced while they were read). */
  private async checkInFacts(tx: Tx, userId: string, personId: string, visitId: string): Promise<CheckInFacts> {
    const generation = factCachesOf(this.em).generation;
    const f = (await tx.rows<CheckInFacts>(CHECK_IN_FACTS, [userId, isUuid(personId) ? personId : null, visitId]))[0]!;
    if (f.caregiver?.agency_id && f.person) checkInCache(this.em).set(`${userId}|${f.person.id}`, { ...f, existing: null }, generation);
    return f;
  }

  async checkIn(actor: Actor | null, input: CheckInInput): Promise<VisitRow> {
    const a = requirePermission(actor, 'visit.record');
    const e = new FieldErrors('input');
    if (!isUuid(input.id)) e.add('id', 'FORMAT', 'A client-generated UUID');
    if (Number.isNaN(Date.parse(input.at))) e.add('at', 'FORMAT', 'An ISO time');
    e.throwIfAny();
    const day = dayOf(input.at);
    // Reads, then one write statement: no transaction held open across the rules.
    const tx = pooled(this.em);
    // With the facts kept from an earlier check-in, the write is the only statement. Whatever that way does not
    // settle (a rule refuses, the id is taken) is decided afresh from the database below, replays included.
    const kept = checkInCache(this.em).get(`${a.userId}|${input.personId}`);
    if (kept) {
      const decided = orAfresh(() => this.decideCheckIn(kept, input, day));
      if (decided) {
        const stored = await this.insertCheckIn(tx, a, input, day, decided);
        if (stored) return stored;
      }
    }
    const f = await this.checkInFacts(tx, a.userId, input.personId, input.id);
    const c = f.caregiver;
    if (!c?.agency_id) throw new AppError('FORBIDDEN', 'Your sign-in is not linked to a caregiver of an agency');
    if (f.existing) {
      if (f.existing.caregiver_id !== c.id || Date.parse(f.existing.check_in_at) !== Date.parse(input.at)) throw new AppError('CONFLICT', 'Another visit already has this id', { reason: 'DUPLICATE_ID' });
      return (await tx.rows<VisitRow>(VISIT_BY_ID, [input.id]))[0]!; // a replay of the same check-in
    }
    const stored = await this.insertCheckIn(tx, a, input, day, this.decideCheckIn(f, input, day));
    if (stored) return stored;
    // The same check-in arrived meanwhile (a retry racing the first request), or another visit took the id.
    const again = (await tx.rows<VisitRow>(VISIT_BY_ID, [input.id]))[0];
    if (again && again.caregiver_id === c.id && Date.parse(String(again.check_in_at)) === Date.parse(input.at)) return again;
    throw new AppError('CONFLICT', 'Another visit already has this id', { reason: 'DUPLICATE_ID' });
  }

  /** The hard rules of a check-in on its facts; what the visit is stored with, or the rejection thrown. */
  private decideCheckIn(f: CheckInFacts, input: CheckInInput, day: string) {
    const c = f.caregiver;
    if (!c?.agency_id) throw new AppError('FORBIDDEN', 'Your sign-in is not linked to a caregiver of an agency');
    const person = f.person;
    if (!person || !servedOn(f.served ?? [], day)) throw reject('OUT_OF_SCOPE', 'Your agency does not serve this person', 'input.personId');
    const eligible = caregiverEligibility(
      { active: c.active, qualification: c.qualification, certificateExpiry: c.certificate_expiry, employments: f.employments ?? [] },
      { agencyId: c.agency_id, day, contracts: f.contracts ?? [], categories: [] },
    );
    if (!eligible.ok) throw reject('CAREGIVER_NOT_ELIGIBLE', `The caregiver may not work for the agency on ${day} (${eligible.reason})`, 'input.caregiverId');
    const plan = planInForce(f.plans ?? [], day);
    if (!plan) throw reject('NO_PLAN_IN_FORCE', `No approved home-care plan of your agency is in force on ${day}`, 'input.personId');
    const s = visitSettingsFrom(f.settings);
    const home = person.latitude !== null && person.longitude !== null ? { lat: person.latitude, lng: person.longitude } : null;
    const bad = checkTimesAndPlaces({ checkInAt: input.at, checkOutAt: null, checkIn: input.position, checkOut: null }, home, this.clock.now().toISOString(), s);
    if (bad.length) throw reject(bad[0]!.code, bad[0]!.message, `input.${bad[0]!.field === 'checkIn' ? 'position' : 'at'}`);
    return { caregiverId: c.id, agencyId: c.agency_id, person, plan };
  }

  /**
   * Stores a decided check-in with its audit row (one statement); null when a visit already has the id. The visit
   * is kept for its check-out, and so is what its end is decided on, read in the same statement when not kept yet.
   */
  private async insertCheckIn(tx: Tx, a: Actor, input: CheckInInput, day: string, d: ReturnType<VisitsService['decideCheckIn']>): Promise<VisitRow | null> {
    await this.ensurePartition(tx, input.at);
    const caches = factCachesOf(this.em);
    const basisKey = basisKeyOf({ caregiver_id: d.caregiverId, person_id: d.person.id, plan_version_id: d.plan.version_id, agency_id: d.agencyId });
    const readBasis = caches.enabled && !basisCache(this.em).get(basisKey);
    const generation = caches.generation;
    const audit = { operation: 'CHECK_IN', entity: 'Visit', entityId: input.id, poolingArea: d.person.pooling_area, after: { personId: d.person.id, caregiverId: d.caregiverId, at: input.at, accuracy: input.position?.accuracy ?? null } };
    const rows = await tx
      .rows<VisitRow & { basis: CompletionBasis | null }>(INSERT_CHECK_IN, [
        input.id, d.person.pooling_area, d.agencyId, d.caregiverId, d.person.id, d.plan.plan_id, d.plan.version_id, day, input.at,
        input.position?.lat ?? null, input.position?.lng ?? null, input.position?.accuracy ?? null, a.userId, ...this.audit.values(a, audit), readBasis,
      ])
      // The id was taken meanwhile by a visit of another time (visit_key): answered as a conflict by the caller.
      .catch((err: unknown) => (isUniqueViolation(err) ? [] : Promise.reject(err)));
    if (!rows[0]) return null;
    const { basis, ...visit } = rows[0];
    if (basis) basisCache(this.em).set(basisKey, basis, generation);
    openVisitCache(this.em).set(visit.id, visit, generation);
    return visit;
  }

  // ---- check-out ----------------------------------------------------------------------------------

  async checkOut(actor: Actor | null, input: CheckOutInput): Promise<{ visit: VisitRow }> {
    const a = requirePermission(actor, 'visit.record');
    const e = new FieldErrors('input');
    if (Number.isNaN(Date.parse(input.at))) e.add('at', 'FORMAT', 'An ISO time');
    if (!input.items.length) e.add('items', 'REQUIRED', 'Name the items done');
    input.items.forEach((i, n) => {
      if (!Number.isInteger(i.quantity) || i.quantity < 1 || i.quantity > 10) e.add(`items.${n}.quantity`, 'RANGE', '1 to 10');
    });
    if (new Set(input.items.map((i) => i.code)).size !== input.items.length) e.add('items', 'DUPLICATE', 'Each item once, with its quantity');
    if ((input.notes?.length ?? 0) > 500) e.add('notes', 'LENGTH', 'At most 500 characters');
    e.throwIfAny();
    // Reads, then one write statement: no transaction held open across the rules.
    const tx = pooled(this.em);
    const d = { checkOutAt: input.at, checkOut: input.position, items: input.items, notes: input.notes ?? null, confirmation: input.confirmation ?? null, source: 'DEVICE' as const };
    // With the visit and its facts kept since its check-in, the write is the only statement (and the findings, when
    // there are any). Whatever that way does not settle is decided afresh from the database below, replays included.
    const kept = await this.completeKept(tx, a, input.visitId, d);
    if (kept) return kept;
    // A visit lasts at most a few hours (maxVisitHours): its check-in lies within two days before the check-out.
    const at = Date.parse(input.at);
    const f = await this.completionFacts(tx, isUuid(input.visitId) ? input.visitId : null, a.userId, input.items, new Date(at - 48 * 3_600_000).toISOString(), new Date(at).toISOString());
    if (!f.signed_in_caregiver) throw new AppError('FORBIDDEN', 'Your sign-in is not linked to a caregiver of an agency');
    const v = f.visit;
    if (!v || f.caregiver?.user_id !== a.userId) throw notFound('Visit');
    if (v.status === 'DONE' && v.check_out_at && new Date(v.check_out_at).getTime() === Date.parse(input.at)) return { visit: v }; // a replay
    if (v.status !== 'OPEN') throw new AppError('CONFLICT', `The visit is ${v.status}`, { reason: 'NOT_OPEN', state: v.status });
    return this.complete(tx, a, f, d);
  }

  /**
   * The facts of a check-out (COMPLETION_FACTS). A visit is looked up by its id and a window of check-in times
   * (`checkedInFrom` to `checkedInTo`), so that PostgreSQL reads only the partitions the check-in can lie in
   * however many months of visits there are; when nothing is found there, in every partition. What changes
   * seldom is kept for the person's next visits.
   */
  private async completionFacts(tx: Tx, visitId: string | null, userId: string, items: ItemDone[], checkedInFrom: string, checkedInTo: string): Promise<CompletionFacts> {
    const codes = JSON.stringify(items.map((i) => i.code));
    const rest = [userId, codes, DEFAULT_VISIT_SETTINGS.deductOpenFindings];
    const generation = factCachesOf(this.em).generation;
    let [found] = await tx.rows<CompletionFacts>(COMPLETION_FACTS, [visitId, checkedInFrom, checkedInTo, ...rest]);
    if (!found!.visit && visitId) [found] = await tx.rows<CompletionFacts>(COMPLETION_FACTS_ANYWHERE, [visitId, ...rest]);
    const f = found!;
    if (f.visit) {
      const { visit, signed_in_caregiver, neighbours, used, ...basis } = f;
      basisCache(this.em).set(basisKeyOf(visit), basis, generation);
    }
    return f;
  }

  /**
   * The end of a visit from what was kept at its check-in, or null for the caller to decide it afresh: nothing
   * kept, a rule refuses, or the visit changed meanwhile (the write finds it no longer open).
   */
  private async completeKept(tx: Tx, actor: Actor, visitId: string, d: Completion): Promise<{ visit: VisitRow } | null> {
    const v = openVisitCache(this.em).get(visitId);
    const basis = v && basisCache(this.em).get(basisKeyOf(v));
    if (!v || !basis || basis.caregiver?.user_id !== actor.userId) return null;
    openVisitCache(this.em).delete(visitId);
    const end = orAfresh(() => this.decideCompletion(v, basis, d));
    if (!end) return null;
    const s = visitSettingsFrom(basis.settings);
    const [row] = await tx.rows<VisitRow & CompletionDynamics>(completeVisitReading(v), [
      ...end.values, ...this.audit.values(actor, end.audit), JSON.stringify(d.items.map((i) => i.code)), s.deductOpenFindings,
    ]);
    if (!row) return null;
    const { neighbours, used, ...done } = row;
    const found = await this.judge(tx, end.next, { ...basis, neighbours, used }, s, end.lines, end.now);
    if (found.length) {
      const written = new Set((await tx.rows<{ id: string }>(FINDINGS, [JSON.stringify(found.map((x) => x.row))])).map((r) => r.id));
      const fresh = found.filter((x) => written.has(x.event.id)).map((x) => x.event);
      if (fresh.length) await this.publish(tx, fresh);
    }
    return { visit: done };
  }

  /** Checks and stores the end of a visit, then runs the audit rules on it and its neighbours. */
  private async complete(tx: Tx, actor: Actor, f: CompletionFacts, d: Completion): Promise<{ visit: VisitRow }> {
    const v = f.visit!;
    const end = this.decideCompletion(v, f, d);
    const found = await this.judge(tx, end.next, f, visitSettingsFrom(f.settings), end.lines, end.now);
    const [row] = await tx.rows<VisitRow & { inserted: string[] }>(COMPLETE_VISIT, [...end.values, ...this.audit.values(actor, end.audit), JSON.stringify(found.map((x) => x.row))]);
    if (!row) throw new AppError('CONFLICT', 'The visit changed meanwhile', { reason: 'NOT_OPEN', state: v.status });
    const { inserted, ...done } = row;
    const written = new Set(inserted);
    const fresh = found.filter((x) => written.has(x.event.id)).map((x) => x.event);
    // Published once stored (in the caller's transaction when there is one, delivered at its commit).
    if (fresh.length) await this.publish(tx, fresh);
    return { visit: done };
  }

  /**
   * The hard rules of a visit's end on its facts: the visit as it will be stored (so that the audit rules run
   * before the statement that stores it), the plan's items with their minutes on the visit's day, the values of
   * updateToDone and the audit row; or the rejection thrown.
   */
  private decideCompletion(v: VisitRow, f: CompletionBasis, d: Completion) {
    const c = f.caregiver!;
    const person = f.person!;
    const s = visitSettingsFrom(f.settings);
    const checkInAt = new Date(v.check_in_at).toISOString();
    const day = dayOf(checkInAt);
    // Items: only those of the plan version the visit serves, and within the caregiver's qualification. An item's
    // standard minutes (R05) are the catalogue's in force on the visit's day, as the month's audit takes them (the
    // plan's line keeps those of the day it was written).
    const minutes = minutesOn(f.catalogue ?? [], day);
    const lines: PlanLineFacts[] = (f.lines ?? []).map((l) => ({ ...l, minutes: minutes.get(l.code) ?? 0 }));
    const byCode = new Map(lines.map((l) => [l.code, l]));
    const missing = d.items.findIndex((i) => !byCode.has(i.code));
    if (missing >= 0) throw reject('ITEM_NOT_IN_PLAN', `${d.items[missing]!.code} is not in the plan`, `input.items.${missing}.code`);
    const categories = [...new Set(d.items.map((i) => byCode.get(i.code)!.category))];
    const eligible = caregiverEligibility(
      { active: c.active, qualification: c.qualification, certificateExpiry: c.certificate_expiry, employments: f.employments ?? [] },
      { agencyId: v.agency_id, day, contracts: f.contracts ?? [], categories },
    );
    if (!eligible.ok) throw notEligible(eligible.reason, day);
    const home = person.latitude !== null && person.longitude !== null ? { lat: person.latitude, lng: person.longitude } : null;
    const checkIn = v.check_in_lat !== null ? { lat: v.check_in_lat, lng: v.check_in_lng!, accuracy: v.check_in_accuracy ?? 0 } : null;
    const bad = checkTimesAndPlaces({ checkInAt, checkOutAt: d.checkOutAt, checkIn, checkOut: d.checkOut }, home, this.clock.now().toISOString(), s);
    if (bad.length) throw reject(bad[0]!.code, bad[0]!.message, `input.${bad[0]!.field === 'checkOut' ? 'position' : bad[0]!.field === 'checkOutAt' ? 'at' : bad[0]!.field}`);
    // Confirmation.
    let confirmedBy: string | null = null;
    let signature: Buffer | null = null;
    if (d.confirmation) {
      const k = d.confirmation;
      if (k.method === 'SIGNATURE') {
        const m = /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/.exec(k.signature ?? '');
        signature = m ? Buffer.from(m[1]!, 'base64') : null;
        if (!signature || signature.length < 100 || signature.length > 300_000 || signature.subarray(1, 4).toString() !== 'PNG') throw reject('SIGNATURE_INVALID', 'The signature must be a PNG drawing (at most 300 KB)', 'input.confirmation.signature');
        confirmedBy = person.name;
      } else if (k.method === 'CARD_CODE') {
        if (!f.card_hash || !k.cardCode || f.card_hash !== hashCardCode(person.id, k.cardCode.trim())) throw reject('CARD_CODE_WRONG', 'The code does not match the beneficiary’s card', 'input.confirmation.cardCode');
        confirmedBy = person.name;
      } else {
        const name = k.familyName?.trim() ?? '';
        if (!name || name !== person.emergency_contact_name) throw reject('FAMILY_NOT_REGISTERED', 'Not the family member registered for this person', 'input.confirmation.familyName');
        confirmedBy = name;
      }
    }
    const now = this.clock.now().toISOString();
    const next: VisitRow = {
      ...v, status: 'DONE', check_out_at: d.checkOutAt as never, check_out_lat: d.checkOut?.lat ?? null, check_out_lng: d.checkOut?.lng ?? null,
      check_out_accuracy: d.checkOut?.accuracy ?? null, items: d.items, notes: d.notes?.trim() || null, confirmation: d.confirmation?.method ?? null,
      confirmed_by: confirmedBy, recorded_at: now as never,
    };
    const audit = {
      operation: d.source === 'MANUAL' ? 'RECORD_VISIT' : 'CHECK_OUT',
      entity: 'Visit',
      entityId: v.id,
      poolingArea: v.pooling_area,
      after: { at: d.checkOutAt, items: d.items.map((i) => `${i.code}×${i.quantity}`).join(' '), confirmation: d.confirmation?.method ?? null, accuracy: d.checkOut?.accuracy ?? null },
    };
    const values = [
      d.checkOutAt, next.check_out_lat, next.check_out_lng, next.check_out_accuracy, JSON.stringify(d.items), next.notes, next.confirmation, confirmedBy, signature, now, v.id, checkInAt,
    ];
    return { next, lines, now, audit, values };
  }

  /** The audit rules on a visit about to be completed, as rows to store and events to publish; an overlap is also a finding on the other visit. */
  private async judge(tx: Tx, v: VisitRow, f: CompletionBasis & CompletionDynamics, s: VisitSettings, lines: PlanLineFacts[], createdAt: string) {
    const facts = toFacts(v);
    const day = dayOf(facts.checkInAt);
    const person = f.person!;
    const neighbours = f.neighbours ?? [];
    const days = daysIn(day);
    const context: VisitContext = {
      home: person.latitude !== null && person.longitude !== null ? { lat: person.latitude, lng: person.longitude } : null,
      dateOfDeath: person.date_of_death,
      hospitalStays: staysBefore(f.stays ?? [], day),
      itemMinutes: Object.fromEntries(lines.map((l) => [l.code, l.minutes])),
      monthlyLimits: Object.fromEntries(lines.map((l) => [l.code, unitsPerMonth(l, days)])),
      usedBefore: f.used ?? {},
      caregiverVisits: neighbours.map(toFacts),
    };
    let found = auditVisit(facts, context, s);
    // A visit another rule deducts does not use up the plan (R06 counts it only when it is not deducted).
    if (found.some((x) => VISIT_DEDUCTING.includes(x.rule) && deducts({ action: x.action, status: 'OPEN' }, s))) found = found.filter((x) => x.rule !== 'R06');
    const overlaps = found.filter((y) => y.rule === 'R01').map((x) => ({ x, other: neighbours.find((o) => o.id === x.evidence.otherVisitId)! }));
    // The other visits' beneficiaries, named in the mirrored findings' events (read only when there is an overlap).
    const names = new Map<string, string>();
    if (overlaps.length) {
      const ids = [...new Set(overlaps.map((o) => o.other.person_id))];
      for (const r of await tx.rows<{ id: string; name: string }>(PERSON_NAMES, [JSON.stringify(ids)])) names.set(r.id, r.name);
    }
    const mirrored = overlaps.map(({ x, other }) => ({
      row: other,
      personName: names.get(other.person_id) ?? '',
      finding: { ...x, visitId: other.id, evidence: { otherVisitId: v.id, overlapMinutes: x.evidence.overlapMinutes } } as Finding,
    }));
    const c = f.caregiver!;
    return [...found.map((finding) => ({ finding, row: v, personName: person.name })), ...mirrored].map(({ finding, row, personName }) => {
      const id = randomUUID();
      const visitAt = new Date(row.check_in_at).toISOString();
      const event: FindingEvent = {
        id, visitId: row.id, rule: finding.rule, action: finding.action, status: 'OPEN', poolingArea: row.pooling_area, agencyId: row.agency_id, agencyName: c.agency_name ?? '',
        personId: row.person_id, personName, caregiverId: row.caregiver_id, caregiverName: c.name, visitAt, summary: finding.summary, evidence: finding.evidence, createdAt,
      };
      return {
        event,
        row: {
          id, pooling_area: row.pooling_area, visit_id: row.id, visit_at: visitAt, month: `${row.local_date.slice(0, 7)}-01`, agency_id: row.agency_id, person_id: row.person_id,
          caregiver_id: row.caregiver_id, rule: finding.rule, action: finding.action, key: findingKey(finding), evidence: finding.evidence, summary: finding.summary, created_at: createdAt,
        },
      };
    });
  }

  // ---- the offline queue --------------------------------------------------------------------------

  /** Replays a phone's queue in order; each step is its own transaction and answers for itself. */
  async sync(actor: Actor | null, ops: SyncOp[]): Promise<SyncResult[]> {
    requirePermission(actor, 'visit.record');
    if (ops.length > 200) throw new InputError([{ field: 'ops', reason: 'TOO_MANY', message: 'At most 200 records a batch' }]);
    const out: SyncResult[] = [];
    for (const op of ops) {
      const visitId = op.kind === 'CHECK_IN' ? op.checkIn.id : op.checkOut.visitId;
      try {
        if (op.kind === 'CHECK_IN') out.push({ ok: true, visitId, visit: await this.checkIn(actor, op.checkIn), error: null });
        else {
          const r = await this.checkOut(actor, op.checkOut);
          out.push({ ok: true, visitId, visit: r.visit, error: null });
        }
      } catch (e) {
        // One record's failure never fails the batch: the phone keeps it and shows why.
        if (e instanceof AppError) out.push({ ok: false, visitId, visit: null, error: { code: e.code, reason: e.details.reason ?? null, message: e.message } });
        else out.push({ ok: false, visitId, visit: null, error: { code: 'INTERNAL_SERVER_ERROR', reason: null, message: 'The server could not store this record; it will be sent again' } });
      }
    }
    return out;
  }

  // ---- the agency's corrections -------------------------------------------------------------------

  /** A visit entered after the fact by the agency's administrator (R10 flags it when late). */
  async recordVisit(actor: Actor | null, input: ManualVisitInput): Promise<{ visit: VisitRow }> {
    const a = requirePermission(actor, 'visit.correct');
    const e = new FieldErrors('input');
    if (!isUuid(input.id)) e.add('id', 'FORMAT', 'A client-generated UUID');
    for (const f of ['checkInAt', 'checkOutAt'] as const) if (Number.isNaN(Date.parse(input[f]))) e.add(f, 'FORMAT', 'An ISO time');
    e.throwIfAny();
    // A replay answers with the visit stored under the id, when it is this agency's (another's is not shown).
    const mine = (v: VisitRow | null) => {
      if (v && !agenciesWith(a, 'visit.correct').includes(v.agency_id)) throw new AppError('CONFLICT', 'Another visit already has this id', { reason: 'DUPLICATE_ID' });
      return v;
    };
    const again = mine(await this.visitById(this.em, input.id));
    if (again) return { visit: again };
    const result = await this.em
      .transactional(async (em) => {
        const c = isUuid(input.caregiverId) ? await em.findOne(Caregiver, { id: input.caregiverId, agency: { $in: agenciesWith(a, 'visit.correct') } }, { populate: ['agency'] }) : null;
        if (!c) throw notFound('Caregiver');
        const agencyId = c.agency!.id;
        const day = dayOf(input.checkInAt);
        const person = isUuid(input.personId) ? await em.findOne(InsuredPerson, { id: input.personId }) : null;
        if (!person || !(await this.served(em, person.id, agencyId, day))) throw reject('OUT_OF_SCOPE', 'Your agency does not serve this person', 'input.personId');
        await this.eligible(em, c, agencyId, day, []);
        const plan = await this.planOn(em, person.id, agencyId, day);
        if (!plan) throw reject('NO_PLAN_IN_FORCE', `No approved home-care plan of your agency is in force on ${day}`, 'input.personId');
        const s = await this.settings(em, person.poolingArea);
        const home = person.latitude !== null && person.longitude !== null ? { lat: person.latitude, lng: person.longitude } : null;
        const bad = checkTimesAndPlaces({ checkInAt: input.checkInAt, checkOutAt: null, checkIn: input.checkIn ?? null, checkOut: null }, home, this.clock.now().toISOString(), s);
        if (bad.length) throw reject(bad[0]!.code, bad[0]!.message, `input.${bad[0]!.field}`);
        await this.ensurePartition(txOf(em), input.checkInAt);
        await em.execute(
          `insert into visit (id, pooling_area, agency_id, caregiver_id, person_id, plan_id, plan_version_id, source, status, local_date, check_in_at,
             check_in_lat, check_in_lng, check_in_accuracy, recorded_by)
           values (?, ?, ?, ?, ?, ?, ?, 'MANUAL', 'OPEN', ?, ?, ?, ?, ?, ?)`,
          [input.id, person.poolingArea, agencyId, c.id, person.id, plan.plan_id, plan.version_id, day, input.checkInAt, input.checkIn?.lat ?? null, input.checkIn?.lng ?? null, input.checkIn?.accuracy ?? null, a.userId],
        );
        const tx = txOf(em);
        return this.complete(tx, a, await this.completionFacts(tx, input.id, a.userId, input.items, input.checkInAt, input.checkInAt), { checkOutAt: input.checkOutAt, checkOut: input.checkOut ?? null, items: input.items, notes: input.notes ?? null, confirmation: input.confirmation ?? null, source: 'MANUAL' });
      })
      .catch(async (err: unknown) => {
        // The same entry sent twice at once: the one stored answers for both.
        const stored = isUniqueViolation(err) ? mine(await this.visitById(this.em, input.id)) : null;
        if (stored) return { visit: stored };
        throw err;
      });
    return { visit: result.visit };
  }

  /** Voids a visit with a reason, before it is claimed. */
  async voidVisit(actor: Actor | null, id: string, reason: string): Promise<VisitRow> {
    const a = requirePermission(actor, 'visit.correct');
    if (!reason.trim() || reason.trim().length > 200) throw new InputError([{ field: 'reason', reason: 'LENGTH', message: 'Say why, in 1 to 200 characters' }]);
    return this.em.transactional(async (em) => {
      const v = await this.visitById(em, id);
      if (!v || !agenciesWith(a, 'visit.correct').includes(v.agency_id)) throw notFound('Visit');
      if (v.claim_id) throw new AppError('CONFLICT', 'The visit is part of a claim and cannot change', { reason: 'CLAIMED', state: v.status });
      if (v.status === 'VOID') throw new AppError('CONFLICT', 'The visit is already void', { reason: 'ALREADY_VOID', state: v.status });
      await em.execute(`update visit set status = 'VOID', void_reason = ?, voided_by = ?, voided_at = now() where id = ? and check_in_at = ?`, [reason.trim(), a.userId, v.id, v.check_in_at]);
      // A void visit is not settled: its open findings have nothing left to decide, and leave the queue; so do the
      // overlap findings (R01) on other visits that name it (their key).
      const closed = await em.execute<{ id: string }[]>(
        `update visit_finding set status = 'DISMISSED', decision_note = ?, decided_by_id = ?, decided_at = now(), version = version + 1
          where status = 'OPEN' and (visit_id = ? or (pooling_area = ? and rule = 'R01' and key = ?::text)) returning id`,
        [`服务记录已作废：${reason.trim()}`.slice(0, 500), a.userId, v.id, v.pooling_area, v.id],
      );
      await this.audit.record(em, a, { operation: 'VOID_VISIT', entity: 'Visit', entityId: v.id, poolingArea: v.pooling_area, before: { status: v.status }, after: { status: 'VOID', reason: reason.trim(), findingsClosed: closed.map((f) => f.id) } });
      return (await this.visitById(em, v.id))!;
    });
  }

  // ---- reading ------------------------------------------------------------------------------------

  /** SQL scope of visits for the actor: officers and supervisors their areas, agency admins their agency, caregivers their own. */
  async visitScope(em: EntityManager, actor: Actor): Promise<{ sql: string; params: unknown[] }> {
    const or: string[] = [];
    const params: unknown[] = [];
    const areas = areasWith(actor, 'visit.read');
    if (areas.length) {
      or.push(`v.pooling_area in (${areas.map(() => '?').join(', ')})`);
      params.push(...areas);
    }
    const admin = actor.grants.filter((g) => g.role === 'AGENCY_ADMIN').map((g) => g.agencyId!);
    if (admin.length) {
      or.push(`v.agency_id in (${admin.map(() => '?').join(', ')})`);
      params.push(...admin);
    }
    if (actor.roles.includes('CAREGIVER')) {
      const me = await em.findOne(Caregiver, { user: actor.userId });
      if (me) {
        or.push(`v.caregiver_id = ?`);
        params.push(me.id);
      }
    }
    return { sql: or.length ? `(${or.join(' or ')})` : 'false', params };
  }

  async visit(actor: Actor | null, id: string): Promise<VisitRow> {
    const a = requirePermission(actor, 'visit.read');
    if (!isUuid(id)) throw notFound('Visit');
    const scope = await this.visitScope(this.em, a);
    const rows = await this.em.execute<VisitRow[]>(`select ${VISIT_COLUMNS} from visit v where ${BY_KEY} and ${scope.sql}`, [id, ...scope.params]);
    if (!rows[0]) throw notFound('Visit');
    return rows[0];
  }

  async signature(actor: Actor | null, id: string): Promise<Buffer | null> {
    const v = await this.visit(actor, id);
    const rows = await this.em.execute<{ signature: Buffer | null }[]>(`select signature from visit where id = ? and check_in_at = ?`, [v.id, v.check_in_at]);
    return rows[0]?.signature ?? null;
  }

  /** A page of visits in scope, newest first, keyset-paged by (check-in, id). */
  async visits(
    actor: Actor | null,
    f: { agencyId?: string | null; caregiverId?: string | null; personId?: string | null; from?: string | null; to?: string | null; status?: string | null; withFindings?: boolean | null },
    page: { first: number; after: { at: string; id: string } | null },
  ): Promise<{ rows: VisitRow[]; hasNextPage: boolean; totalCount: number }> {
    const a = requirePermission(actor, 'visit.read');
    const scope = await this.visitScope(this.em, a);
    const where = [scope.sql];
    const params = [...scope.params];
    const eq = (col: string, val: string | null | undefined) => {
      if (val == null) return;
      if (!isUuid(val)) where.push('false');
      else {
        where.push(`${col} = ?`);
        params.push(val);
      }
    };
    eq('v.agency_id', f.agencyId);
    eq('v.caregiver_id', f.caregiverId);
    eq('v.person_id', f.personId);
    const e = new FieldErrors('filter');
    if (f.from && !DATE.test(f.from)) e.add('from', 'DATE', 'YYYY-MM-DD');
    if (f.to && !DATE.test(f.to)) e.add('to', 'DATE', 'YYYY-MM-DD');
    e.throwIfAny();
    // Days are Shanghai days: bounds on check_in_at so that partitions are pruned.
    if (f.from) {
      where.push(`v.check_in_at >= (?::date)::timestamp at time zone 'Asia/Shanghai'`);
      params.push(f.from);
    }
    if (f.to) {
      where.push(`v.check_in_at < ((?::date + 1)::timestamp at time zone 'Asia/Shanghai')`);
      params.push(f.to);
    }
    if (f.status) {
      where.push('v.status = ?');
      params.push(f.status);
    }
    if (f.withFindings) where.push(`exists (select 1 from visit_finding vf where vf.visit_id = v.id)`);
    const conn = this.em;
    const n = (await conn.execute<{ n: number }[]>(`select count(*)::int as n from visit v where ${where.join(" and ")}`, params))[0]!.n;
    const keyset = page.after ? ` and (v.check_in_at, v.id) < (?::timestamptz, ?::uuid)` : '';
    const rows = await conn.execute<VisitRow[]>(
      `select ${VISIT_COLUMNS} from visit v where ${where.join(' and ')}${keyset} order by v.check_in_at desc, v.id desc limit ?`,
      [...params, ...(page.after ? [page.after.at, page.after.id] : []), page.first + 1],
    );
    return { rows: rows.slice(0, page.first), hasNextPage: rows.length > page.first, totalCount: n };
  }

  // ---- findings -----------------------------------------------------------------------------------

  findingScope(actor: Actor, permission: 'finding.read' | 'finding.decide' | 'finding.explain'): FilterQuery<VisitFinding> {
    const or: FilterQuery<VisitFinding>[] = [];
    const areas = areasWith(actor, permission);
    if (areas.length) or.push({ poolingArea: { $in: areas } });
    const agencies = agenciesWith(actor, permission);
    if (agencies.length) or.push({ agency: { $in: agencies } });
    if (!or.length) return { id: null } as never;
    return or.length === 1 ? or[0]! : { $or: or };
  }

  async findingsOf(em: EntityManager, visitIds: string[]): Promise<VisitFinding[]> {
    if (!visitIds.length) return [];
    return em.find(VisitFinding, { visitId: { $in: visitIds } }, { orderBy: { rule: 'asc', key: 'asc' } });
  }

  async findings(
    actor: Actor | null,
    f: { status?: FindingState | null; rule?: string | null; agencyId?: string | null; from?: string | null; to?: string | null },
    page: { first: number; offset: number },
  ): Promise<{ items: VisitFinding[]; totalCount: number }> {
    const a = requirePermission(actor, 'finding.read');
    const where: FilterQuery<VisitFinding>[] = [this.findingScope(a, 'finding.read')];
    if (f.status) where.push({ status: f.status });
    if (f.rule) where.push({ rule: f.rule as never });
    if (f.agencyId) where.push({ agency: isUuid(f.agencyId) ? f.agencyId : ('00000000-0000-0000-0000-000000000000' as never) });
    if (f.from) where.push({ visitAt: { $gte: new Date(`${f.from}T00:00:00+08:00`) } });
    if (f.to) where.push({ visitAt: { $lt: new Date(new Date(`${f.to}T00:00:00+08:00`).getTime() + 86_400_000) } });
    const [items, totalCount] = await this.em.findAndCount(VisitFinding, { $and: where }, { orderBy: { visitAt: 'desc', id: 'asc' }, limit: page.first, offset: page.offset, populate: ['agency', 'person', 'caregiver', 'decidedBy'] });
    return { items, totalCount };
  }

  /** Per rule: open, confirmed and dismissed counts, and the share dismissed (a rule mostly dismissed needs retuning). */
  async findingCounts(actor: Actor | null, f: { agencyId?: string | null; from?: string | null; to?: string | null }) {
    const a = requirePermission(actor, 'finding.read');
    const areas = areasWith(a, 'finding.read');
    const agencies = agenciesWith(a, 'finding.read');
    const scope: string[] = [];
    const params: unknown[] = [];
    if (areas.length) {
      scope.push(`pooling_area in (${areas.map(() => '?').join(', ')})`);
      params.push(...areas);
    }
    if (agencies.length) {
      scope.push(`agency_id in (${agencies.map(() => '?').join(', ')})`);
      params.push(...agencies);
    }
    const where = [scope.length ? `(${scope.join(' or ')})` : 'false'];
    if (f.agencyId && isUuid(f.agencyId)) {
      where.push('agency_id = ?');
      params.push(f.agencyId);
    }
    if (f.from) {
      where.push(`visit_at >= (?::date)::timestamp at time zone 'Asia/Shanghai'`);
      params.push(f.from);
    }
    if (f.to) {
      where.push(`visit_at < ((?::date + 1)::timestamp at time zone 'Asia/Shanghai')`);
      params.push(f.to);
    }
    const rows = await this.em.execute<{ rule: string; open: number; confirmed: number; dismissed: number }[]>(
      `select rule, count(*) filter (where status = 'OPEN')::int as open, count(*) filter (where status = 'CONFIRMED')::int as confirmed,
              count(*) filter (where status = 'DISMISSED')::int as dismissed
         from visit_finding where ${where.join(' and ')} group by rule order by rule`,
      params,
    );
    return rows.map((r) => ({ ...r, name: RULE_NAMES[r.rule as keyof typeof RULE_NAMES]?.zh ?? r.rule, dismissedShare: r.confirmed + r.dismissed > 0 ? r.dismissed / (r.confirmed + r.dismissed) : null }));
  }

  async explainFinding(actor: Actor | null, id: string, explanation: string): Promise<VisitFinding> {
    const a = requirePermission(actor, 'finding.explain');
    if (!explanation.trim() || explanation.trim().length > 500) throw new InputError([{ field: 'explanation', reason: 'LENGTH', message: '1 to 500 characters' }]);
    return this.em.transactional(async (em) => {
      const f = isUuid(id) ? await em.findOne(VisitFinding, { $and: [{ id }, this.findingScope(a, 'finding.explain')] }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
      if (!f) throw notFound('Finding');
      if (f.status !== 'OPEN') throw new AppError('CONFLICT', `The finding is already ${f.status}`, { reason: 'DECIDED', state: f.status });
      const before = { explanation: f.explanation };
      f.explanation = explanation.trim();
      f.explainedBy = em.getReference(User, a.userId);
      f.explainedAt = this.clock.now();
      await em.flush();
      await this.audit.record(em, a, { operation: 'EXPLAIN_FINDING', entity: 'VisitFinding', entityId: f.id, poolingArea: f.poolingArea, before, after: { explanation: f.explanation } });
      await em.populate(f, ['agency', 'person', 'caregiver', 'decidedBy']);
      return f;
    });
  }

  async decideFinding(actor: Actor | null, id: string, decision: 'CONFIRM' | 'DISMISS', note: string | null): Promise<VisitFinding> {
    const a = requirePermission(actor, 'finding.decide');
    if (decision === 'DISMISS' && !note?.trim()) throw new InputError([{ field: 'note', reason: 'REQUIRED', message: 'Say why the finding is dismissed' }]);
    if ((note?.length ?? 0) > 500) throw new InputError([{ field: 'note', reason: 'LENGTH', message: 'At most 500 characters' }]);
    return this.em.transactional(async (em) => {
      const f = isUuid(id) ? await em.findOne(VisitFinding, { $and: [{ id }, this.findingScope(a, 'finding.decide')] }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
      if (!f) throw notFound('Finding');
      if (f.status !== 'OPEN') throw new AppError('CONFLICT', `The finding is already ${f.status}`, { reason: 'DECIDED', state: f.status });
      f.status = decision === 'CONFIRM' ? 'CONFIRMED' : 'DISMISSED';
      f.decisionNote = note?.trim() || null;
      f.decidedBy = em.getReference(User, a.userId);
      f.decidedAt = this.clock.now();
      await em.flush();
      await this.audit.record(em, a, { operation: `${decision}_FINDING`, entity: 'VisitFinding', entityId: f.id, poolingArea: f.poolingArea, before: { status: 'OPEN' }, after: { status: f.status, note: f.decisionNote, rule: f.rule, visitId: f.visitId } });
      await em.populate(f, ['agency', 'person', 'caregiver', 'decidedBy']);
      return f;
    });
  }

  // ---- the caregiver's day ------------------------------------------------------------------------

  /**
   * The beneficiaries due on a day for the signed-in caregiver (assigned as primary or substitute), with their
   * plan items, how often each was done this week and month, today's visits, and what the phone needs to run
   * the audit rules before check-out.
   */
  async myDay(actor: Actor | null, day: string) {
    if (!DATE.test(day)) throw new InputError([{ field: 'on', reason: 'DATE', message: 'YYYY-MM-DD' }]);
    const c = await this.me(this.em, actor);
    const conn = this.em;
    const assignments = await this.em.find(CaregiverAssignment, { caregiver: c.id, since: { $lte: day }, $or: [{ until: null }, { until: { $gte: day } }] }, { populate: ['person'], orderBy: { role: 'asc' } });
    const monthStart = `${day.slice(0, 7)}-01`;
    const weekday = ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
    const weekStart = addDays(day, 1 - weekday);
    const s = await this.settings(this.em, c.poolingArea);
    // Everything the stops need in five statements, however many beneficiaries the caregiver has.
    const people = `{${[...new Set(assignments.map((as) => as.person.id))].join(',')}}`;
    const plans = await conn.execute<{ person_id: string; version_id: string; plan_id: string }[]>(
      `select distinct on (p.person_id) p.person_id, v.id as version_id, p.id as plan_id
         from care_plan_version v join care_plan p on p.id = v.plan_id
        where p.person_id = any(?::uuid[]) and p.agency_id = ? and p.care_form = 'HOME' and v.state in ('APPROVED', 'SUPERSEDED', 'ENDED')
          and v.effective_from <= ? and (v.effective_until is null or v.effective_until >= ?)
          and (v.effective_until is null or v.effective_until >= v.effective_from)
        order by p.person_id, v.number desc`,
      [people, c.agency!.id, day, day],
    );
    const planOf = new Map(plans.map((r) => [r.person_id, r]));
    const versions = `{${plans.map((r) => r.version_id).join(',')}}`;
    const planIds = `{${plans.map((r) => r.plan_id).join(',')}}`;
    const lines = await conn.execute<{ plan_version_id: string; code: string; name: string; category: string; times: number; per: 'DAY' | 'WEEK' | 'MONTH'; days: number[]; time_of_day: string | null; minutes: number }[]>(
      // Standard minutes as R05 takes them: the catalogue's in force on the day.
      `select l.plan_version_id, l.code, l.name, l.category, l.times, l.per, l.days, l.time_of_day,
              coalesce((select ci.minutes from catalogue_item ci where ci.pooling_area = ? and ci.code = l.code and ci.effective_from <= ?::date
                         order by ci.effective_from desc limit 1), 0) as minutes
         from care_plan_line l where l.plan_version_id = any(?::uuid[]) and l.kind = 'ITEM' order by l.plan_version_id, l.position`,
      [c.poolingArea, day, versions],
    );
    const week = await conn.execute<{ plan_id: string; code: string; n: number }[]>(
      `select o.plan_id, i.code, sum(i.quantity)::int as n
         from visit o cross join lateral jsonb_to_recordset(o.items) as i(code text, quantity int)
        where o.plan_id = any(?::uuid[]) and o.status = 'DONE' and o.local_date >= ?::date and o.local_date <= ?::date
        group by o.plan_id, i.code`,
      [planIds, weekStart, day],
    );
    // What the plans' visits of the month used up, as the server's R06 counts it (a deducted visit uses none).
    const month = await conn.execute<{ plan_id: string; code: string; n: number }[]>(
      `select o.plan_id, i.code, sum(i.quantity)::int as n from visit o cross join lateral jsonb_to_recordset(o.items) as i(code text, quantity int)
        where o.plan_id = any(?::uuid[]) and o.status = 'DONE' and o.local_date >= ?::date and o.local_date <= ?::date
          and (select 1 from visit_finding f where f.visit_id = o.id and f.rule <> 'R06'
                 and (f.status = 'CONFIRMED' or (f.status = 'OPEN' and f.action = 'DEDUCT' and ?)) limit 1) is null
        group by o.plan_id, i.code`,
      [planIds, monthStart, day, s.deductOpenFindings],
    );
    const stays = plans.length ? await this.em.find(HospitalStay, { person: { $in: plans.map((r) => r.person_id) } }) : [];
    const days = daysIn(day);
    const stops = [];
    for (const as of assignments) {
      const p = as.person;
      const plan = planOf.get(p.id);
      if (!plan) continue;
      const mine = lines.filter((l) => l.plan_version_id === plan.version_id).map(({ plan_version_id: _v, ...l }) => l);
      const count = (rows: { plan_id: string; code: string; n: number }[]) => new Map(rows.filter((r) => r.plan_id === plan.plan_id).map((r) => [r.code, r.n]));
      const doneThisWeek = count(week);
      const usedMonth = count(month);
      stops.push({
        person: p,
        role: as.role,
        planVersionId: plan.version_id,
        items: mine.map((l) => ({
          ...l,
          dueToday: l.per === 'DAY' || (l.per === 'WEEK' && (l.days.length ? l.days.includes(weekday) : true)) || l.per === 'MONTH',
          doneThisWeek: doneThisWeek.get(l.code) ?? 0,
          doneThisMonth: usedMonth.get(l.code) ?? 0,
          allowedThisMonth: unitsPerMonth(l, days),
        })),
        context: {
          home: p.latitude !== null && p.longitude !== null ? { lat: p.latitude, lng: p.longitude } : null,
          dateOfDeath: p.dateOfDeath,
          hospitalStays: stays.filter((h) => h.person.id === p.id).map((h) => ({ admittedOn: h.admittedOn, dischargedOn: h.dischargedOn })),
          itemMinutes: Object.fromEntries(mine.map((l) => [l.code, l.minutes])),
          monthlyLimits: Object.fromEntries(mine.map((l) => [l.code, unitsPerMonth(l, days)])),
          usedBefore: Object.fromEntries(usedMonth),
        },
      });
    }
    const today = await conn.execute<VisitRow[]>(
      `select ${VISIT_COLUMNS} from visit v where v.caregiver_id = ? and v.status <> 'VOID' and v.check_in_at >= ((?::date - 1)::timestamp at time zone 'Asia/Shanghai') and v.check_in_at < ((?::date + 1)::timestamp at time zone 'Asia/Shanghai') order by v.check_in_at`,
      [c.id, day, day],
    );
    return { caregiver: c, day, stops, visits: today, settings: s };
  }

  // ---- assignments --------------------------------------------------------------------------------

  async assignments(actor: Actor | null, f: { personId?: string | null; caregiverId?: string | null; activeOn?: string | null }): Promise<CaregiverAssignment[]> {
    const a = requirePermission(actor, 'visit.read');
    const where: FilterQuery<CaregiverAssignment>[] = [];
    const areas = areasWith(a, 'visit.read');
    // The agency's administrators see its assignments; a caregiver her own.
    const agencies = a.grants.filter((g) => g.role === 'AGENCY_ADMIN').map((g) => g.agencyId!);
    const me = a.roles.includes('CAREGIVER') ? await this.em.findOne(Caregiver, { user: a.userId }, { fields: ['id'] }) : null;
    where.push({
      $or: [...(areas.length ? [{ poolingArea: { $in: areas } }] : []), ...(agencies.length ? [{ agency: { $in: agencies } }] : []), ...(me ? [{ caregiver: me.id }] : []), { id: null }],
    } as never);
    if (f.personId) where.push({ person: isUuid(f.personId) ? f.personId : null } as never);
    if (f.caregiverId) where.push({ caregiver: isUuid(f.caregiverId) ? f.caregiverId : null } as never);
    if (f.activeOn) where.push({ since: { $lte: f.activeOn }, $or: [{ until: null }, { until: { $gte: f.activeOn } }] });
    return this.em.find(CaregiverAssignment, { $and: where }, { populate: ['person', 'caregiver', 'agency'], orderBy: { since: 'desc' }, limit: 500 });
  }

  async assign(actor: Actor | null, input: { personId: string; caregiverId: string; role: AssignmentRole; since: string }): Promise<CaregiverAssignment> {
    const a = requirePermission(actor, 'assignment.manage');
    if (!DATE.test(input.since)) throw new InputError([{ field: 'input.since', reason: 'DATE', message: 'YYYY-MM-DD' }]);
    return this.em.transactional(async (em) => {
      const c = isUuid(input.caregiverId) ? await em.findOne(Caregiver, { id: input.caregiverId, agency: { $in: agenciesWith(a, 'assignment.manage') } }, { populate: ['agency'] }) : null;
      if (!c) throw notFound('Caregiver');
      const person = isUuid(input.personId) ? await em.findOne(InsuredPerson, { id: input.personId }) : null;
      if (!person || !(await this.served(em, person.id, c.agency!.id, input.since))) throw reject('OUT_OF_SCOPE', 'Your agency does not serve this person', 'input.personId');
      // One primary caregiver at a time: a new primary ends the previous one the day before.
      const open = await em.find(CaregiverAssignment, { person: person.id, agency: c.agency!.id, until: null });
      if (open.some((o) => o.caregiver.id === c.id)) throw new AppError('CONFLICT', 'The caregiver is already assigned', { reason: 'ALREADY_ASSIGNED' });
      const ended = input.role === 'PRIMARY' ? open.filter((x) => x.role === 'PRIMARY') : [];
      for (const o of ended) o.until = addDays(input.since, -1);
      const row = em.create(CaregiverAssignment, { id: randomUUID(), poolingArea: person.poolingArea, agency: c.agency!, person, caregiver: c, role: input.role, since: input.since });
      await em.flush();
      for (const o of ended) {
        await this.audit.record(em, a, { operation: 'END_ASSIGNMENT', entity: 'CaregiverAssignment', entityId: o.id, poolingArea: o.poolingArea, before: { until: null }, after: { until: o.until, replacedBy: row.id } });
      }
      await this.audit.record(em, a, { operation: 'ASSIGN_CAREGIVER', entity: 'CaregiverAssignment', entityId: row.id, poolingArea: row.poolingArea, after: { personId: person.id, caregiverId: c.id, role: row.role, since: row.since } });
      await em.populate(row, ['person', 'caregiver', 'agency']);
      return row;
    });
  }

  async endAssignment(actor: Actor | null, id: string, until: string): Promise<CaregiverAssignment> {
    const a = requirePermission(actor, 'assignment.manage');
    if (!DATE.test(until)) throw new InputError([{ field: 'until', reason: 'DATE', message: 'YYYY-MM-DD' }]);
    return this.em.transactional(async (em) => {
      const row = isUuid(id) ? await em.findOne(CaregiverAssignment, { id, agency: { $in: agenciesWith(a, 'assignment.manage') } }, { populate: ['person', 'caregiver', 'agency'] }) : null;
      if (!row) throw notFound('Assignment');
      if (until < addDays(row.since, -1)) throw new InputError([{ field: 'until', reason: 'BEFORE_START', message: `Not before ${row.since}` }]);
      const before = { until: row.until };
      row.until = until;
      await em.flush();
      await this.audit.record(em, a, { operation: 'END_ASSIGNMENT', entity: 'CaregiverAssignment', entityId: row.id, poolingArea: row.poolingArea, before, after: { until } });
      return row;
    });
  }

  // ---- beneficiary cards --------------------------------------------------------------------------

  /** Issues (or re-issues) a beneficiary's card code; the code is shown once and stored as a hash. */
  async issueCard(actor: Actor | null, personId: string): Promise<string> {
    const a = requirePermission(actor, 'person.update');
    return this.em.transactional(async (em) => {
      const person = isUuid(personId) ? await em.findOne(InsuredPerson, { id: personId, poolingArea: { $in: areasWith(a, 'person.update') } }) : null;
      if (!person) throw notFound('Insured person');
      const code = String(Math.floor(100000 + Math.random() * 900000));
      await em.upsert(BeneficiaryCard, { personId: person.id, poolingArea: person.poolingArea, codeHash: hashCardCode(person.id, code), issuedAt: this.clock.now() });
      await this.audit.record(em, a, { operation: 'ISSUE_CARD', entity: 'InsuredPerson', entityId: person.id, poolingArea: person.poolingArea });
      return code;
    });
  }
}

export { hashCardCode };
