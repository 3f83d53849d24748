// Use cases of monthly settlement: generating an agency's claim (or all of an area's) for a month, reading claims
// and their lines, the workflow (declare, review, return, approve, pay) and the review's deductions. Claims are
// rows written with plain SQL in the request's transaction; every write is in the audit trail. Who may see a claim:
// the officers and supervisors of its pooling area, and its agency.
import type { EntityManager } from '@mikro-orm/postgresql';
import { generateClaims, refreshTotalsSql, type GenerateResult } from './billing.generate-sql.ts';
import { checkReviewDeduction, fromState, isLate, nextState, REVIEW_REASONS, type ClaimState, type ClaimVerb, type Deduction } from './billing.rules.ts';
import { DEFAULT_BENEFITS, type BenefitSettings } from '../careplan/careplan.rules.ts';
import { CARE_FORM_ZH } from '../providers/catalogue.ts';
import { visitSettingsFrom, type VisitSettings } from '../visits/visits.rules.ts';
import { agenciesWith, areasWith, requirePermission } from '../identity/identity.access.ts';
import type { Permission } from '../identity/permissions.ts';
import type { Actor } from '../graphql/context.ts';
import type { AuditTrail } from '../audit/audit.service.ts';
import { AppError, InputError, notFound, requireMonth } from '../shared/errors.ts';
import { isUuid } from '../shared/identifiers.ts';
import { localDate, type Clock } from '../shared/clock.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A claim as read (totals in fen). */
export interface ClaimRow {
  id: string;
  pooling_area: string;
  agency_id: string;
  agency_name: string;
  month: string;
  state: ClaimState;
  late: boolean;
  lines: number;
  visits: number;
  gross_fen: number;
  cap_fen: number;
  eligible_fen: number;
  excess_fen: number;
  fund_fen: number;
  copay_fen: number;
  deducted_fen: number;
  review_deducted_fen: number;
  approved_fund_fen: number;
  deposit_fen: number;
  adjustment_fen: number;
  payable_fen: number;
  generated_at: Date;
  declared_at: Date | null;
  review_started_at: Date | null;
  returned_at: Date | null;
  return_reason: string | null;
  approved_at: Date | null;
  paid_at: Date | null;
  paid_amount_fen: number | null;
  paid_on: string | null;
  payment_reference: string | null;
  version: number;
}

const MONEY = ['gross_fen', 'cap_fen', 'eligible_fen', 'excess_fen', 'fund_fen', 'copay_fen', 'deducted_fen', 'review_deducted_fen', 'approved_fund_fen', 'deposit_fen', 'adjustment_fen', 'payable_fen'];
const CLAIM_COLUMNS = `c.id, c.pooling_area, c.agency_id, a.name as agency_name, to_char(c.month, 'YYYY-MM') as month, c.state, c.late, c.lines, c.visits,
  ${MONEY.map((m) => `c.${m}::float8 as ${m}`).join(', ')}, c.generated_at, c.declared_at, c.review_started_at, c.returned_at, c.return_reason,
  c.approved_at, c.paid_at, c.paid_amount_fen::float8 as paid_amount_fen, to_char(c.paid_on, 'YYYY-MM-DD') as paid_on, c.payment_reference, c.version`;

export interface ClaimLineRow {
  id: string;
  claim_id: string;
  position: number;
  kind: 'CARE' | 'ADJUSTMENT';
  person_id: string | null;
  person_name: string | null;
  care_form: string | null;
  level: number | null;
  covered_days: number;
  billable_days: number | null;
  gross_fen: number;
  cap_fen: number;
  eligible_fen: number;
  excess_fen: number;
  fund_fen: number;
  copay_fen: number;
  deducted_fen: number;
  review_deducted_fen: number;
  deductions: Deduction[];
  visit_count: number;
  stay_ids: string[];
  adjustment_reason: string | null;
  source_id: string | null;
  /** The same beneficiary's and form's fund amount on the agency's claim of the month before (null: none). */
  previous_fund_fen: number | null;
}

const LINE_COLUMNS = `l.id, l.claim_id, l.position, l.kind, l.person_id, p.name as person_name, l.care_form, l.level, l.covered_days, l.billable_days,
  l.gross_fen::float8 as gross_fen, l.cap_fen::float8 as cap_fen, l.eligible_fen::float8 as eligible_fen, l.excess_fen::float8 as excess_fen,
  l.fund_fen::float8 as fund_fen, l.copay_fen::float8 as copay_fen, l.deducted_fen::float8 as deducted_fen, l.review_deducted_fen::float8 as review_deducted_fen,
  l.deductions, cardinality(l.visit_ids) as visit_count, l.stay_ids, l.adjustment_reason, l.source_id`;

export interface ReviewDeductionRow {
  id: string;
  line_id: string;
  reason: string;
  amount_fen: number;
  note: string | null;
  created_at: Date;
  created_by: string;
}

export interface ClaimEventRow {
  id: string;
  verb: string;
  from_state: string;
  to_state: string;
  at: Date;
  reason: string | null;
  actor: string;
}

export interface LineFilter {
  form?: string | null;
  /** Lines with deductions by this audit rule (or OVER_PLAN). */
  rule?: string | null;
  /** Lines whose gross went over the cap. */
  excessOnly?: boolean | null;
  /** Lines whose fund amount changed from last month's by at least this many percent (or that are new). */
  changePercent?: number | null;
  /** Lines with a review deduction. */
  reviewed?: boolean | null;
}

export interface TransitionInput {
  claimId: string;
  verb: ClaimVerb;
  /** The client's id of this request: a retry with the same id returns the claim as the first answer left it. */
  requestId: string;
  /** The version the client saw: a claim changed since is a CONFLICT. */
  version?: number | null;
  reason?: string | null;
  payment?: { amountFen: number; paidOn: string; reference: string } | null;
}

const VERB_PERMISSION: Record<ClaimVerb, Permission> = {
  declare: 'claim.declare',
  review: 'claim.review',
  return: 'claim.review',
  approve: 'claim.review',
  pay: 'claim.pay',
};

export class BillingService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  private today(): string {
    return localDate(this.clock.now());
  }

  private sql<T>(em: EntityManager, q: string, params: unknown[] = []): Promise<T[]> {
    return em.getConnection().execute<T[]>(q, params, 'all', em.getTransactionContext());
  }

  /** Claims the actor may see with `permission`: their areas' (officers, supervisors), their agency's. */
  private scope(actor: Actor, permission: Permission, alias = 'c'): { where: string; params: unknown[] } {
    const areas = areasWith(actor, permission);
    const agencies = agenciesWith(actor, permission);
    const or: string[] = [];
    const params: unknown[] = [];
    if (areas.length) {
      or.push(`${alias}.pooling_area = any(?::text[])`);
      params.push(`{${areas.join(',')}}`);
    }
    if (agencies.length) {
      or.push(`${alias}.agency_id = any(?::uuid[])`);
      params.push(`{${agencies.join(',')}}`);
    }
    return { where: or.length ? `(${or.join(' or ')})` : 'false', params };
  }

  private async claimIn(em: EntityManager, actor: Actor, id: string, permission: Permission, lock = false): Promise<ClaimRow> {
    if (!isUuid(id)) throw notFound('Claim');
    const s = this.scope(actor, permission);
    const [row] = await this.sql<ClaimRow>(em, `select ${CLAIM_COLUMNS} from claim c join agency a on a.id = c.agency_id where c.id = ? and ${s.where}${lock ? ' for update of c' : ''}`, [id, ...s.params]);
    if (!row) throw notFound('Claim');
    return row;
  }

  // ---- reading ------------------------------------------------------------------------------------

  async claims(actor: Actor | null, f: { poolingArea?: string | null; month?: string | null; state?: ClaimState | null; agencyId?: string | null }, page: { first: number; offset: number }) {
    const a = requirePermission(actor, 'claim.read');
    const s = this.scope(a, 'claim.read');
    const where = [s.where];
    const params = [...s.params];
    if (f.month) {
      requireMonth(f.month);
      where.push(`c.month = ?::date`);
      params.push(`${f.month}-01`);
    }
    if (f.state) {
      where.push('c.state = ?');
      params.push(f.state);
    }
    if (f.poolingArea) {
      where.push('c.pooling_area = ?');
      params.push(f.poolingArea);
    }
    if (f.agencyId) {
      if (!isUuid(f.agencyId)) return { items: [], totalCount: 0 };
      where.push('c.agency_id = ?');
      params.push(f.agencyId);
    }
    const rows = await this.sql<ClaimRow & { total: number }>(
      this.em,
      `select ${CLAIM_COLUMNS}, count(*) over ()::int as total from claim c join agency a on a.id = c.agency_id
        where ${where.join(' and ')} order by c.month desc, a.name, c.id limit ? offset ?`,
      [...params, page.first, page.offset],
    );
    let totalCount = rows[0]?.total ?? 0;
    if (!rows.length && page.offset > 0) {
      const [c] = await this.sql<{ n: number }>(this.em, `select count(*)::int as n from claim c where ${where.join(' and ')}`, params);
      totalCount = c?.n ?? 0;
    }
    return { items: rows, totalCount };
  }

  /** Claims by id, in scope, in one statement (those out of scope or unknown are left out). */
  async claimsById(actor: Actor | null, ids: string[]): Promise<ClaimRow[]> {
    const a = requirePermission(actor, 'claim.read');
    if (!ids.length) return [];
    const s = this.scope(a, 'claim.read');
    return this.sql<ClaimRow>(this.em, `select ${CLAIM_COLUMNS} from claim c join agency a on a.id = c.agency_id where c.id = any(?::uuid[]) and ${s.where} order by a.name, c.id`, [`{${ids.join(',')}}`, ...s.params]);
  }

  async claim(actor: Actor | null, id: string): Promise<ClaimRow> {
    const a = requirePermission(actor, 'claim.read');
    return this.claimIn(this.em, a, id, 'claim.read');
  }

  async lines(actor: Actor | null, claimId: string, f: LineFilter, page: { first: number; offset: number }) {
    const a = requirePermission(actor, 'claim.read');
    const c = await this.claimIn(this.em, a, claimId, 'claim.read');
    const where = ['l.claim_id = ?'];
    const params: unknown[] = [c.id];
    if (f.form) {
      where.push('l.care_form = ?');
      params.push(f.form);
    }
    if (f.rule) {
      where.push(`l.deductions @> ?::jsonb`);
      params.push(JSON.stringify([{ reason: f.rule }]));
    }
    if (f.excessOnly) where.push('l.excess_fen > 0');
    if (f.reviewed) where.push('l.review_deducted_fen > 0');
    if (f.changePercent != null) {
      if (!(f.changePercent >= 0)) throw new InputError([{ field: 'changePercent', reason: 'RANGE', message: 'A percentage, 0 or more' }]);
      where.push(`l.kind = 'CARE' and (prev.fund_fen is null or abs(l.fund_fen - prev.fund_fen) * 100 >= ? * greatest(prev.fund_fen, 1))`);
      params.push(f.changePercent);
    }
    const from = `from claim_line l
         left join insured_person p on p.id = l.person_id
         left join lateral (select pl.fund_fen from claim pc join claim_line pl on pl.claim_id = pc.id
                             where pc.agency_id = ? and pc.month = (?::date - interval '1 month')::date and pl.kind = 'CARE'
                               and pl.person_id = l.person_id and pl.care_form = l.care_form limit 1) prev on true
        where ${where.join(' and ')}`;
    const all = [c.agency_id, `${c.month}-01`, ...params];
    const rows = await this.sql<ClaimLineRow & { total: number }>(
      this.em,
      `select ${LINE_COLUMNS}, prev.fund_fen::float8 as previous_fund_fen, count(*) over ()::int as total ${from} order by l.position limit ? offset ?`,
      [...all, page.first, page.offset],
    );
    let totalCount = rows[0]?.total ?? 0;
    if (!rows.length && page.offset > 0) totalCount = (await this.sql<{ n: number }>(this.em, `select count(*)::int as n ${from}`, all))[0]?.n ?? 0;
    return { items: rows, totalCount };
  }

  /** The review deductions of some lines (one statement whatever the number of lines). */
  async reviewDeductionsOf(lineIds: string[]): Promise<ReviewDeductionRow[]> {
    if (!lineIds.length) return [];
    return this.sql<ReviewDeductionRow>(
      this.em,
      `select d.id, d.line_id, d.reason, d.amount_fen, d.note, d.created_at, u.display_name as created_by
         from claim_review_deduction d join app_user u on u.id = d.created_by_id where d.line_id = any(?::uuid[]) order by d.created_at, d.id`,
      [`{${lineIds.join(',')}}`],
    );
  }

  /** The workflow events of some claims, oldest first (one statement). */
  async eventsOf(claimIds: string[]): Promise<(ClaimEventRow & { claim_id: string })[]> {
    if (!claimIds.length) return [];
    return this.sql(
      this.em,
      `select e.id, e.claim_id, e.verb, e.from_state, e.to_state, e.at, e.reason, u.display_name as actor
         from claim_event e join app_user u on u.id = e.actor_id where e.claim_id = any(?::uuid[]) order by e.at, e.id`,
      [`{${claimIds.join(',')}}`],
    );
  }

  /** A line's visits, in check-in order, with what each counts for and its findings. */
  async lineVisits(actor: Actor | null, lineId: string) {
    const a = requirePermission(actor, 'claim.read');
    if (!isUuid(lineId)) throw notFound('Claim line');
    const [line] = await this.sql<{ claim_id: string; month: string }>(this.em, `select l.claim_id, to_char(c.month, 'YYYY-MM-DD') as month from claim_line l join claim c on c.id = l.claim_id where l.id = ?`, [lineId]);
    if (!line) throw notFound('Claim line');
    await this.claimIn(this.em, a, line.claim_id, 'claim.read');
    return this.sql<{ id: string; check_in_at: Date; check_out_at: Date | null; caregiver_name: string; items: { code: string; quantity: number }[]; counted_fen: number; findings: { rule: string; status: string; action: string; summary: string }[] }>(
      this.em,
      `select v.id, v.check_in_at, v.check_out_at, cg.name as caregiver_name, v.items, x.fen as counted_fen,
              (select coalesce(json_agg(json_build_object('rule', f.rule, 'status', f.status, 'action', f.action, 'summary', f.summary) order by f.rule, f.key), '[]')
                 from visit_finding f where f.visit_id = v.id) as findings
         from claim_line l cross join lateral unnest(l.visit_ids, l.visit_fen) with ordinality as x(id, fen, n)
         join visit v on v.id = x.id and v.check_in_at >= (?::date::timestamp at time zone 'Asia/Shanghai') - interval '1 day'
                     and v.check_in_at < ((?::date + interval '1 month')::timestamp at time zone 'Asia/Shanghai')
         join caregiver cg on cg.id = v.caregiver_id
        where l.id = ? order by x.n`,
      [line.month, line.month, lineId],
    );
  }

  // ---- generating ---------------------------------------------------------------------------------

  private async benefitsOn(em: EntityManager, area: string, day: string): Promise<Pick<BenefitSettings, 'forms'>> {
    const [row] = await this.sql<{ settings: BenefitSettings }>(em, `select settings from benefit_settings where pooling_area = ? and effective_from <= ?::date order by effective_from desc limit 1`, [area, day]);
    return { forms: row?.settings.forms ?? DEFAULT_BENEFITS.forms };
  }

  private async visitSettings(em: EntityManager, area: string): Promise<VisitSettings> {
    const [row] = await this.sql<{ settings: Partial<VisitSettings> }>(em, `select settings from visit_settings where pooling_area = ?`, [area]);
    return visitSettingsFrom(row?.settings);
  }

  /**
   * Generates the month's claim of one agency (its administrator, or an officer of its area), or of every agency
   * with a contract in the area that month (an officer). A draft is replaced whole; a claim past draft stays.
   */
  async generate(actor: Actor | null, input: { month: string; agencyId?: string | null; poolingArea?: string | null }): Promise<GenerateResult & { poolingArea: string }> {
    const a = requirePermission(actor, 'claim.generate');
    requireMonth(input.month);
    const first = `${input.month}-01`;
    if (first > this.today()) throw new InputError([{ field: 'month', reason: 'FUTURE', message: 'A month that has begun' }]);
    let area: string;
    let agencies: string[];
    if (input.agencyId) {
      if (!isUuid(input.agencyId)) throw notFound('Agency');
      const [ag] = await this.sql<{ id: string; pooling_area: string }>(this.em, `select id, pooling_area from agency where id = ?`, [input.agencyId]);
      if (!ag || !(agenciesWith(a, 'claim.generate').includes(ag.id) || areasWith(a, 'claim.generate').includes(ag.pooling_area))) throw notFound('Agency');
      area = ag.pooling_area;
      agencies = [ag.id];
    } else {
      area = input.poolingArea ?? '';
      if (!areasWith(a, 'claim.generate').includes(area)) throw notFound('Pooling area');
      agencies = await this.contractedAgencies(this.em, area, input.month);
    }
    const result = await this.em.transactional(async (em) => {
      const r = await this.generateIn(em as EntityManager, a, area, input.month, agencies);
      if (input.agencyId && r.skipped.length) {
        throw new AppError('CONFLICT', `The claim is ${r.skipped[0]!.state}: only a draft is regenerated`, { reason: 'STATE', state: r.skipped[0]!.state });
      }
      return r;
    });
    return { ...result, poolingArea: area };
  }

  /** Generates the claims of the agencies in the caller's transaction, audited (also used by background runs). */
  async generateIn(em: EntityManager, actor: Actor, area: string, month: string, agencies: string[]): Promise<GenerateResult> {
    const first = `${month}-01`;
    const [benefits, settings] = await Promise.all([this.benefitsOn(em, area, first), this.visitSettings(em, area)]);
    const r = await generateClaims(em, { poolingArea: area, month, agencyIds: agencies, userId: actor.userId, benefits, deductOpenFindings: settings.deductOpenFindings, now: this.clock.now() });
    for (const c of r.claims) {
      await this.audit.record(em, actor, { operation: 'GENERATE_CLAIM', entity: 'Claim', entityId: c.claimId, poolingArea: area, after: { agencyId: c.agencyId, month } });
    }
    return r;
  }

  /** The agencies with a contract in the area running some day of the month (those a run generates for). */
  async contractedAgencies(em: EntityManager, area: string, month: string): Promise<string[]> {
    const first = `${month}-01`;
    const rows = await this.sql<{ id: string }>(
      em,
      `select distinct k.agency_id as id from contract k where k.pooling_area = ? and k.state in ('APPROVED', 'SUSPENDED', 'TERMINATED')
          and k.start_date <= (?::date + interval '1 month' - interval '1 day')::date and k.end_date >= ?::date order by 1`,
      [area, first, first],
    );
    return rows.map((r) => r.id);
  }

  // ---- workflow -----------------------------------------------------------------------------------

  /** Moves a claim one step along the workflow; a retry with the same request id answers as the first time. */
  async transition(actor: Actor | null, input: TransitionInput): Promise<ClaimRow> {
    const permission = VERB_PERMISSION[input.verb];
    const a = requirePermission(actor, permission);
    if (!isUuid(input.requestId)) throw new InputError([{ field: 'requestId', reason: 'UUID', message: 'A UUID made by the client' }]);
    const reason = input.reason?.trim() || null;
    if (input.verb === 'return' && !reason) throw new InputError([{ field: 'reason', reason: 'REQUIRED', message: 'Say why the claim goes back' }]);
    if (reason && reason.length > 500) throw new InputError([{ field: 'reason', reason: 'TOO_LONG', message: 'At most 500 characters' }]);
    if (input.verb === 'pay') this.checkPayment(input.payment);
    return this.em.transactional(async (tx) => {
      const em = tx as EntityManager;
      const c = await this.claimIn(em, a, input.claimId, permission, true);
      const [replay] = await this.sql<{ claim_id: string; verb: string }>(em, `select claim_id, verb from claim_event where id = ?`, [input.requestId]);
      if (replay) {
        if (replay.claim_id !== c.id || replay.verb !== input.verb) throw new AppError('CONFLICT', 'The request id was used for another request', { reason: 'REQUEST_ID' });
        return c;
      }
      const to = nextState(c.state, input.verb);
      if (!to) throw new AppError('CONFLICT', `The claim is ${c.state}; ${input.verb} needs ${fromState(input.verb)}`, { reason: 'STATE', state: c.state });
      if (input.version != null && input.version !== c.version) throw new AppError('CONFLICT', 'The claim changed since you read it', { reason: 'STALE', state: c.state });
      const now = this.clock.now();
      const set: string[] = ['state = ?', 'version = version + 1'];
      const params: unknown[] = [to];
      if (input.verb === 'declare') {
        set.push('declared_at = ?', 'declared_by_id = ?', 'late = ?');
        params.push(now, a.userId, isLate(c.month, localDate(now)));
      } else if (input.verb === 'review') {
        set.push('review_started_at = ?', 'reviewed_by_id = ?');
        params.push(now, a.userId);
      } else if (input.verb === 'return') {
        set.push('returned_at = ?', 'return_reason = ?');
        params.push(now, reason);
      } else if (input.verb === 'approve') {
        set.push('approved_at = ?', 'approved_by_id = ?');
        params.push(now, a.userId);
      } else if (input.verb === 'pay') {
        const p = input.payment!;
        if (p.amountFen !== Math.max(0, c.payable_fen)) {
          throw new InputError([{ field: 'payment.amountFen', reason: 'AMOUNT_MISMATCH', message: `The approved payable is ${Math.max(0, c.payable_fen)} fen` }]);
        }
        set.push('paid_at = ?', 'paid_by_id = ?', 'paid_amount_fen = ?', 'paid_on = ?::date', 'payment_reference = ?');
        params.push(now, a.userId, p.amountFen, p.paidOn, p.reference.trim());
      }
      await this.sql(em, `update claim set ${set.join(', ')} where id = ?`, [...params, c.id]);
      await this.sql(em, `insert into claim_event (id, pooling_area, claim_id, verb, from_state, to_state, actor_id, at, reason) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
        input.requestId,
        c.pooling_area,
        c.id,
        input.verb,
        c.state,
        to,
        a.userId,
        now,
        reason,
      ]);
      // The visits of a declared claim no longer change (voiding refuses them); a claim sent back frees them.
      if (input.verb === 'declare' || input.verb === 'return') await this.markVisits(em, c, input.verb === 'declare');
      await this.audit.record(em, a, {
        operation: `CLAIM_${input.verb.toUpperCase()}`,
        entity: 'Claim',
        entityId: c.id,
        poolingArea: c.pooling_area,
        before: { state: c.state },
        after: { state: to, ...(reason ? { reason } : {}), ...(input.payment ? { payment: input.payment } : {}) },
      });
      return this.claimIn(em, a, c.id, permission);
    });
  }

  private checkPayment(p: TransitionInput['payment']): void {
    const errors: { field: string; reason: string; message: string }[] = [];
    if (!p) throw new InputError([{ field: 'payment', reason: 'REQUIRED', message: 'Amount, date and reference of the payment' }]);
    if (!Number.isInteger(p.amountFen) || p.amountFen < 0) errors.push({ field: 'payment.amountFen', reason: 'AMOUNT', message: 'Whole fen, 0 or more' });
    if (!DATE.test(p.paidOn) || Number.isNaN(Date.parse(`${p.paidOn}T00:00:00Z`)) || p.paidOn > this.today()) errors.push({ field: 'payment.paidOn', reason: 'DATE', message: 'A date (YYYY-MM-DD), not after today' });
    if (!p.reference.trim() || p.reference.trim().length > 60) errors.push({ field: 'payment.reference', reason: 'REQUIRED', message: 'The payment reference (at most 60 characters)' });
    if (errors.length) throw new InputError(errors);
  }

  private async markVisits(em: EntityManager, c: ClaimRow, claimed: boolean): Promise<void> {
    const first = `${c.month}-01`;
    await this.sql(
      em,
      `update visit v set claim_id = ${claimed ? '?::uuid' : 'null'}
         from (select unnest(visit_ids) as id from claim_line where claim_id = ?) x
        where v.id = x.id and v.check_in_at >= (?::date::timestamp at time zone 'Asia/Shanghai')
          and v.check_in_at < ((?::date + interval '1 month')::timestamp at time zone 'Asia/Shanghai')`,
      claimed ? [c.id, c.id, first, first] : [c.id, first, first],
    );
  }

  // ---- review -------------------------------------------------------------------------------------

  /** A fund officer deducts an amount from a line's fund amount, with a reason code (idempotent by its id). */
  async addReviewDeduction(actor: Actor | null, input: { id: string; lineId: string; reason: string; amountFen: number; note?: string | null }): Promise<ClaimRow> {
    const a = requirePermission(actor, 'claim.review');
    if (!isUuid(input.id)) throw new InputError([{ field: 'id', reason: 'UUID', message: 'A UUID made by the client' }]);
    if (!(REVIEW_REASONS as readonly string[]).includes(input.reason)) throw new InputError([{ field: 'reason', reason: 'UNKNOWN', message: `One of ${REVIEW_REASONS.join(', ')}` }]);
    const note = input.note?.trim() || null;
    if (note && note.length > 300) throw new InputError([{ field: 'note', reason: 'TOO_LONG', message: 'At most 300 characters' }]);
    if (!isUuid(input.lineId)) throw notFound('Claim line');
    return this.em.transactional(async (tx) => {
      const em = tx as EntityManager;
      const [line] = await this.sql<{ id: string; claim_id: string; kind: 'CARE' | 'ADJUSTMENT'; fund_fen: number; review_deducted_fen: number }>(
        em,
        `select id, claim_id, kind, fund_fen::float8 as fund_fen, review_deducted_fen::float8 as review_deducted_fen from claim_line where id = ?`,
        [input.lineId],
      );
      if (!line) throw notFound('Claim line');
      const c = await this.claimIn(em, a, line.claim_id, 'claim.review', true);
      const [prior] = await this.sql<{ line_id: string; amount_fen: number; reason: string }>(em, `select line_id, amount_fen, reason from claim_review_deduction where id = ?`, [input.id]);
      if (prior) {
        if (prior.line_id !== line.id || prior.amount_fen !== input.amountFen || prior.reason !== input.reason) throw new AppError('CONFLICT', 'The id was used for another deduction', { reason: 'REQUEST_ID' });
        return c;
      }
      if (c.state !== 'UNDER_REVIEW') throw new AppError('CONFLICT', `The claim is ${c.state}: deductions are made under review`, { reason: 'STATE', state: c.state });
      const problem = checkReviewDeduction({ kind: line.kind, fundFen: line.fund_fen, reviewDeductedFen: line.review_deducted_fen }, input.amountFen);
      if (problem) {
        const message = problem === 'OVER_FUND' ? `At most ${line.fund_fen - line.review_deducted_fen} fen remain on the line` : problem === 'AMOUNT' ? 'A whole number of fen above 0' : 'Adjustment lines take no deductions';
        throw new InputError([{ field: 'amountFen', reason: problem, message }]);
      }
      await this.sql(em, `insert into claim_review_deduction (id, pooling_area, claim_id, line_id, reason, amount_fen, note, created_by_id) values (?, ?, ?, ?, ?, ?, ?, ?)`, [
        input.id,
        c.pooling_area,
        c.id,
        line.id,
        input.reason,
        input.amountFen,
        note,
        a.userId,
      ]);
      await this.afterReviewChange(em, c.id, line.id);
      await this.audit.record(em, a, { operation: 'REVIEW_DEDUCT', entity: 'ClaimLine', entityId: line.id, poolingArea: c.pooling_area, after: { claimId: c.id, reason: input.reason, amountFen: input.amountFen, note } });
      return this.claimIn(em, a, c.id, 'claim.review');
    });
  }

  /** Removes a review deduction, while the claim is under review. */
  async removeReviewDeduction(actor: Actor | null, id: string): Promise<ClaimRow> {
    const a = requirePermission(actor, 'claim.review');
    if (!isUuid(id)) throw notFound('Review deduction');
    return this.em.transactional(async (tx) => {
      const em = tx as EntityManager;
      const [d] = await this.sql<{ claim_id: string; line_id: string; reason: string; amount_fen: number }>(em, `select claim_id, line_id, reason, amount_fen from claim_review_deduction where id = ?`, [id]);
      if (!d) throw notFound('Review deduction');
      const c = await this.claimIn(em, a, d.claim_id, 'claim.review', true);
      if (c.state !== 'UNDER_REVIEW') throw new AppError('CONFLICT', `The claim is ${c.state}: deductions change under review`, { reason: 'STATE', state: c.state });
      await this.sql(em, `delete from claim_review_deduction where id = ?`, [id]);
      await this.afterReviewChange(em, c.id, d.line_id);
      await this.audit.record(em, a, { operation: 'REVIEW_UNDEDUCT', entity: 'ClaimLine', entityId: d.line_id, poolingArea: c.pooling_area, before: { reason: d.reason, amountFen: d.amount_fen } });
      return this.claimIn(em, a, c.id, 'claim.review');
    });
  }

  private async afterReviewChange(em: EntityManager, claimId: string, lineId: string): Promise<void> {
    await this.sql(em, `update claim_line l set review_deducted_fen = (select coalesce(sum(amount_fen), 0) from claim_review_deduction d where d.line_id = l.id) where l.id = ?`, [lineId]);
    await this.sql(em, refreshTotalsSql(`array['${claimId}']::uuid[]`));
    await this.sql(em, `update claim set version = version + 1 where id = ?`, [claimId]);
  }

  // ---- dashboard ----------------------------------------------------------------------------------

  /** An area's settlement from month `from` to month `to` (YYYY-MM, at most 36 months), in six statements. */
  async dashboard(actor: Actor | null, area: string, from: string, to: string) {
    const a = requirePermission(actor, 'claim.read');
    if (!areasWith(a, 'claim.read').includes(area)) throw notFound('Pooling area');
    requireMonth(from, 'from');
    requireMonth(to, 'to');
    const months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5)) - Number(from.slice(5)) + 1;
    if (months < 1 || months > 36) throw new InputError([{ field: 'to', reason: 'RANGE', message: 'From 1 to 36 months, not before from' }]);
    const range = [area, `${from}-01`, `${to}-01`];
    const inRange = `c.pooling_area = ? and c.month between ?::date and ?::date`;
    const em = this.em;
    const [byMonth, byState, byForm, byLevel, byAgency, deductions] = await Promise.all([
      this.sql<Record<string, any>>(em, `select to_char(c.month, 'YYYY-MM') as month, count(*)::int as claims, (count(*) filter (where c.late))::int as late,
              sum(c.fund_fen)::float8 as "fundFen", sum(c.approved_fund_fen)::float8 as "approvedFundFen", sum(c.deposit_fen)::float8 as "depositFen",
              sum(c.payable_fen)::float8 as "payableFen", coalesce(sum(c.paid_amount_fen), 0)::float8 as "paidFen"
         from claim c where ${inRange} group by c.month order by c.month`, range),
      this.sql<Record<string, any>>(em, `select c.state, count(*)::int as claims, (count(*) filter (where c.late))::int as late from claim c where ${inRange} group by c.state`, range),
      this.sql<Record<string, any>>(em, `select l.care_form as key, count(distinct l.person_id)::int as beneficiaries, coalesce(sum(cardinality(l.visit_ids)), 0)::int as visits,
              sum(l.fund_fen - l.review_deducted_fen)::float8 as "fundFen", sum(l.deducted_fen)::float8 as "deductedFen"
         from claim c join claim_line l on l.claim_id = c.id where ${inRange} and l.kind = 'CARE' group by 1 order by 4 desc`, range),
      this.sql<Record<string, any>>(em, `select coalesce(l.level::text, '—') as key, count(distinct l.person_id)::int as beneficiaries, coalesce(sum(cardinality(l.visit_ids)), 0)::int as visits,
              sum(l.fund_fen - l.review_deducted_fen)::float8 as "fundFen", sum(l.deducted_fen)::float8 as "deductedFen"
         from claim c join claim_line l on l.claim_id = c.id where ${inRange} and l.kind = 'CARE' group by 1 order by 1`, range),
      this.sql<Record<string, any>>(em, `select c.agency_id as key, min(a.name) as label, sum(t.people)::int as beneficiaries, sum(c.visits)::int as visits,
              sum(c.approved_fund_fen)::float8 as "fundFen", sum(c.deducted_fen)::float8 as "deductedFen"
         from claim c join agency a on a.id = c.agency_id
         cross join lateral (select count(distinct l.person_id) as people from claim_line l where l.claim_id = c.id and l.kind = 'CARE') t
        where ${inRange} group by c.agency_id order by 5 desc`, range),
      this.sql<Record<string, any>>(em, `select d ->> 'reason' as reason, sum((d ->> 'count')::int)::int as count, sum((d ->> 'amountFen')::bigint)::float8 as "amountFen"
         from claim c join claim_line l on l.claim_id = c.id cross join lateral jsonb_array_elements(l.deductions) d where ${inRange} group by 1
        union all
        select 'REVIEW:' || r.reason, count(*)::int, sum(r.amount_fen)::float8 from claim c join claim_review_deduction r on r.claim_id = c.id where ${inRange} group by r.reason
        order by 3 desc`, [...range, ...range]),
    ]);
    return {
      poolingArea: area,
      from,
      to,
      byMonth,
      byState,
      byForm: byForm.map((b) => ({ ...b, label: (CARE_FORM_ZH as Record<string, string>)[b.key] ?? b.key })),
      byLevel: byLevel.map((b) => ({ ...b, label: b.key === '—' ? '—' : `${b.key} 级` })),
      byAgency,
      deductions,
    };
  }
}
