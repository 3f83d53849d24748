// The month's claims as set-based SQL, inside the caller's transaction: for a set of agencies (one, or all of a
// pooling area) a claim each, its care lines from the month's visits, stays and plans in one INSERT … SELECT, its
// adjustments, its totals. Nothing of the month passes through JavaScript; the server's memory stays flat
// whatever the month's size. billing.rules.ts (settleMonth) states the same arithmetic and is the tests' oracle.
//
// The values of a run (area, month, agencies, the area's entitlements) are checked by the caller and written into
// the statements as literals, so that the planner sees them (partition pruning on the visits' month included).
import type { EntityManager } from '@mikro-orm/postgresql';
import type { BenefitSettings } from '../careplan/careplan.rules.ts';
import { DEPOSIT_PERCENT, daysInMonth } from './billing.rules.ts';
import { isMonth } from '../shared/dates.ts';

export interface GenerateRun {
  poolingArea: string;
  /** YYYY-MM */
  month: string;
  agencyIds: string[];
  userId: string;
  benefits: Pick<BenefitSettings, 'forms'>;
  deductOpenFindings: boolean;
  now: Date;
}

export interface GenerateResult {
  /** The drafts written, by agency. */
  claims: { agencyId: string; claimId: string }[];
  /** Agencies whose claim for the month is past draft (declared or later): left as they are. */
  skipped: { agencyId: string; claimId: string; state: string }[];
}

/** The memory the generation's sorts and hashes may take each (the month's visits sorted once by beneficiary). */
export const GENERATE_WORK_MEM = '256MB';

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Units of a plan line in a month of `dim` days (careplan.rules.ts unitsPerMonth), for line alias `l`. */
export const unitsSql = (dim: number) => `case l.per when 'DAY' then l.times * ${dim} when 'WEEK' then (l.times * ${dim} + 6) / 7 else l.times end`;

/** A visit's prices and standard minutes by item, for its agency and day (from CTE `pmap`), for visit alias `v`. */
const dayMapsSql = (v: string) =>
  `(select (select prices from pmap) -> (${v}.agency_id::text || ${v}.local_date::text) as prices, (select minutes from pmap) -> ${v}.local_date::text as minutes)`;

/** round(x × percent / 100) half up (careplan.rules.ts applyPercent), for x ≥ 0 in SQL integers. */
const percentSql = (x: string, bp: string) => `(((${x})::bigint * (${bp})::bigint + 5000) / 10000)`;
/** round(x ÷ d) half up for x ≥ 0. */
const halfUpSql = (x: string, d: string) => `((2 * (${x})::bigint + (${d})) / (2 * (${d})))`;

/**
 * The care lines of the claims of `month` for the agencies: a line per beneficiary and covered form (HOME,
 * INSTITUTION, HOSPITAL, FAMILY), and per beneficiary with rented devices a DEVICE line.
 */
export function careLinesSql(r: GenerateRun): string {
  const AREA = literal(r.poolingArea);
  const M = `date '${r.month}-01'`;
  const dim = daysInMonth(r.month);
  const MEND = `(${M} + ${dim - 1})`;
  const AGENCIES = `array[${r.agencyIds.map(literal).join(', ')}]::uuid[]`;
  const FORMS = `${literal(JSON.stringify(r.benefits.forms))}::jsonb`;
  const FROM = `(${M}::timestamp at time zone 'Asia/Shanghai')`;
  const UNTIL = `((${M} + interval '1 month')::timestamp at time zone 'Asia/Shanghai')`;
  const DEDUCT_OPEN = r.deductOpenFindings ? 'true' : 'false';
  return `
    insert into claim_line (id, pooling_area, claim_id, position, kind, person_id, care_form, level, covered_days, billable_days,
                            gross_fen, cap_fen, eligible_fen, excess_fen, fund_fen, copay_fen, deducted_fen, deductions, visit_ids, visit_fen, stay_ids)
    with
    cl as (select id as claim_id, agency_id from claim where month = ${M} and agency_id = any(${AGENCIES}) and state = 'DRAFT'),
    -- The area's entitlements (in force on the month's first day) and fund ratios (in hundredths of a percent).
    ent as (select f.key as form, l.key::int as level, l.value ->> 'kind' as kind, coalesce((l.value ->> 'amountFen')::bigint, 0) as amount,
                   coalesce((l.value ->> 'hoursPerWeek')::numeric, 0) as hours
              from jsonb_each(${FORMS}) f cross join lateral jsonb_each(f.value -> 'levels') l),
    ratio as (select key as form, round((value ->> 'fundRatioPercent')::numeric * 100)::bigint as bp from jsonb_each(${FORMS})),
    days as (select d::date as day from generate_series(${M}::timestamp, ${MEND}::timestamp, interval '1 day') d),
    -- Cover: the days of the month under each approved plan version of the agencies' plans; where two versions of a
    -- form cover a day, the later one holds it. As segments of days held by one version: a form with one version in
    -- the month (nearly all) is one segment; where versions overlap, each day is its own segment.
    ver as materialized (
      select v.id as version_id, p.person_id, p.agency_id, p.care_form as form, v.level, v.effective_from,
             greatest(v.effective_from, ${M}) as d0, least(coalesce(v.effective_until, ${MEND}), ${MEND}) as d1,
             count(*) over (partition by p.agency_id, p.person_id, p.care_form) as versions
        from care_plan p join care_plan_version v on v.plan_id = p.id
       where p.pooling_area = ${AREA} and p.agency_id = any(${AGENCIES}) and v.state in ('APPROVED', 'SUPERSEDED', 'ENDED')
         and v.effective_from <= ${MEND} and (v.effective_until is null or (v.effective_until >= ${M} and v.effective_until >= v.effective_from))),
    seg as materialized (
      select agency_id, person_id, form, level, version_id, d0, d1 from ver where versions = 1
      union all
      select agency_id, person_id, form, level, version_id, day, day from (
        select distinct on (agency_id, person_id, form, day) agency_id, person_id, form, day::date as day, level, version_id
          from ver cross join generate_series(d0::timestamp, d1::timestamp, interval '1 day') as day
         where versions > 1
         order by agency_id, person_id, form, day, effective_from desc, version_id desc) x),
    main as (
      select c.agency_id, c.person_id, c.form, sum(c.d1 - c.d0 + 1) as days, (array_agg(c.level order by c.d1 desc))[1] as level,
             coalesce(sum(e.amount * (c.d1 - c.d0 + 1)) filter (where e.kind = 'MONTHLY_AMOUNT'), 0) as monthly,
             coalesce(sum(e.amount * (c.d1 - c.d0 + 1)) filter (where e.kind = 'DAILY_AMOUNT'), 0) as daily,
             coalesce(sum(e.hours * 60 * (c.d1 - c.d0 + 1)) filter (where e.kind = 'WEEKLY_HOURS' and c.form = 'HOME'), 0) as hours60
        from seg c left join ent e on e.form = c.form and e.level = c.level
       where c.form in ('HOME', 'INSTITUTION', 'HOSPITAL', 'FAMILY')
       group by 1, 2, 3),
    -- Devices: each version's monthly rental fees; a day's fees are those of the versions covering it.
    vfee as (
      select ver.version_id as plan_version_id, sum(l.unit_price_fen * ${unitsSql(dim)}) as fee
        from ver cross join lateral (select * from care_plan_line l where l.plan_version_id = ver.version_id and l.kind = 'DEVICE' offset 0) l
       group by 1 having sum(l.unit_price_fen * ${unitsSql(dim)}) > 0),
    dev_days as (
      select c.agency_id, c.person_id, day::date as day, sum(f.fee) as fee, max(c.level) as level
        from seg c join vfee f on f.plan_version_id = c.version_id cross join generate_series(c.d0::timestamp, c.d1::timestamp, interval '1 day') as day
       group by 1, 2, 3),
    dev as (
      select d.agency_id, d.person_id, count(*) as days, (array_agg(d.level order by d.day desc))[1] as level, sum(d.fee) as fee,
             coalesce(sum(e.amount) filter (where e.kind = 'MONTHLY_AMOUNT'), 0) as monthly,
             coalesce(sum(e.amount) filter (where e.kind = 'DAILY_AMOUNT'), 0) as daily
        from dev_days d left join ent e on e.form = 'DEVICE' and e.level = d.level group by 1, 2),
    -- Prices: per agency and day the schedule in force (of a contract running that day), per day and item the catalogue's.
    sched as (
      select distinct on (a.agency_id, d.day) a.agency_id, d.day, s.item_prices, s.day_rates
        from unnest(${AGENCIES}) as a(agency_id) cross join days d
        join contract k on k.agency_id = a.agency_id and k.pooling_area = ${AREA} and k.state in ('APPROVED', 'SUSPENDED', 'TERMINATED')
                       and k.start_date <= d.day and d.day <= k.end_date
        join price_schedule s on s.contract_id = k.id and s.effective_from <= d.day
       order by a.agency_id, d.day, s.effective_from desc),
    -- Per agency and day, the price of each item (the schedule's, else the catalogue's default) and its standard
    -- minutes, as two small maps: a visit's items are priced from them without a row per item.
    catd as (
      select x.day, jsonb_object_agg(x.code, x.default_price_fen) as prices, jsonb_object_agg(x.code, x.minutes) as minutes from (
        select distinct on (d.day, c.code) d.day, c.code, c.default_price_fen, c.minutes
          from days d join catalogue_item c on c.pooling_area = ${AREA} and c.effective_from <= d.day
         order by d.day, c.code, c.effective_from desc) x group by x.day),
    pm as (
      select a.agency_id, d.day, coalesce(cd.prices, '{}') || coalesce(s.item_prices, '{}') as prices, coalesce(cd.minutes, '{}') as minutes
        from unnest(${AGENCIES}) as a(agency_id) cross join days d
        left join catd cd on cd.day = d.day left join sched s on s.agency_id = a.agency_id and s.day = d.day),
    -- The same as two maps, by agency and day and by day: a visit finds its prices without a join (dayMapsSql).
    pmap as (
      select jsonb_object_agg(agency_id::text || day::text, prices) as prices, (select jsonb_object_agg(day::text, minutes) from catd) as minutes from pm),
    -- HOME: the month's completed visits (Shanghai check-in day in the month) and the ones a finding deducts.
    mv as materialized (
      select v.id, v.agency_id, v.person_id, v.plan_id, v.plan_version_id, v.check_in_at, v.local_date, v.items
        from visit v
       where v.pooling_area = ${AREA} and v.agency_id = any(${AGENCIES}) and v.status = 'DONE'
         and v.check_in_at >= ${FROM} and v.check_in_at < ${UNTIL} and v.local_date >= ${M} and v.local_date <= ${MEND}),
    ded as materialized (
      select f.visit_id, array_agg(distinct f.rule::text order by f.rule::text) as reasons from visit_finding f
       where f.pooling_area = ${AREA} and f.month = ${M} and f.agency_id = any(${AGENCIES}) and f.rule <> 'R06'
         and (f.status = 'CONFIRMED' or (f.status = 'OPEN' and f.action = 'DEDUCT' and ${DEDUCT_OPEN}))
       group by 1),
    -- Each visit's value (Σ price × quantity) and standard minutes, from its own items, and the first rule that
    -- deducts it.
    pv0 as (
      select mv.id, mv.agency_id, mv.person_id, mv.check_in_at, d.reasons[1] as reason, x.value, x.minutes
        from mv
        left join ded d on d.visit_id = mv.id
        cross join lateral (select coalesce(sum(coalesce((p.prices ->> i.code)::bigint, 0) * i.quantity), 0) as value,
                                   coalesce(sum(coalesce((p.minutes ->> i.code)::bigint, 0) * i.quantity), 0) as minutes
                              from ${dayMapsSql('mv')} p cross join jsonb_to_recordset(mv.items) as i(code text, quantity int)) x),
    -- Per beneficiary in one pass over the visits (one sort): the visits no finding deducts counted whole, the
    -- deducted ones kept aside; the few visits beyond the plan's frequency are taken off below (home).
    home0 as (
      select agency_id, person_id, coalesce(sum(value) filter (where reason is null), 0) as gross, coalesce(sum(minutes) filter (where reason is null), 0) as minutes,
             array_agg(id order by check_in_at, id) as visit_ids, array_agg((case when reason is null then value else 0 end)::int order by check_in_at, id) as visit_fen,
             array_agg(reason order by check_in_at, id) filter (where reason is not null) as ded_reasons,
             array_agg(id order by check_in_at, id) filter (where reason is not null) as ded_ids,
             array_agg(value order by check_in_at, id) filter (where reason is not null) as ded_values,
             coalesce(sum(value) filter (where reason is not null), 0) as deducted
        from pv0 group by 1, 2),
    -- Each visited version's monthly units per item: its lines found through the version's index (offset 0 keeps
    -- the lookup per version, where the planner, blind to the visits' few versions, would read every plan line).
    lim as (
      select m.plan_version_id, l.code, sum(${unitsSql(dim)}) as allowed
        from (select distinct plan_version_id from mv) m
        cross join lateral (select * from care_plan_line l where l.plan_version_id = m.plan_version_id and l.kind = 'ITEM' offset 0) l
       group by 1, 2),
    -- The plan's units are used up in check-in order by the visits no finding deducts; beyond the limit, excess.
    -- Only the plans and items whose month total exceeds the lowest limit among their versions can go over: their
    -- units are counted in order, every other unit counts whole.
    tot as (
      select mv.plan_id, mv.plan_version_id, i.code, sum(i.quantity) as units
        from mv cross join lateral jsonb_to_recordset(mv.items) as i(code text, quantity int)
       where not exists (select 1 from ded where ded.visit_id = mv.id) and i.code is not null
       group by 1, 2, 3),
    over as (
      select t.plan_id, t.code from tot t left join lim l on l.plan_version_id = t.plan_version_id and l.code = t.code
       group by t.plan_id, t.code having sum(t.units) > min(coalesce(l.allowed, 0))),
    ou as (
      select mv.id, mv.agency_id, mv.person_id, mv.plan_id, mv.check_in_at, i.n, i.code, coalesce(i.quantity, 0) as quantity, coalesce(l.allowed, 0) as allowed,
             coalesce((p.prices ->> i.code)::bigint, 0) as price, coalesce((p.minutes ->> i.code)::bigint, 0) as minutes
        from mv
        cross join lateral ${dayMapsSql('mv')} p
        cross join lateral rows from (jsonb_to_recordset(mv.items) as (code text, quantity int)) with ordinality as i(code, quantity, n)
        left join lim l on l.plan_version_id = mv.plan_version_id and l.code = i.code
       where mv.plan_id in (select plan_id from over) and (mv.plan_id, i.code) in (select plan_id, code from over)
         and not exists (select 1 from ded where ded.visit_id = mv.id)),
    cnt as (
      select y.id, y.agency_id, y.person_id, y.check_in_at, sum(y.price * (y.quantity - y.counted)) as over_fen, sum(y.minutes * (y.quantity - y.counted)) as over_minutes, sum(y.quantity - y.counted) as over_units
        from (select x.*, greatest(0, least(x.quantity, x.allowed - x.before)) as counted from (
                select ou.*, coalesce(sum(ou.quantity) over (partition by ou.plan_id, ou.code order by ou.check_in_at, ou.id, ou.n rows between unbounded preceding and 1 preceding), 0) as before
                  from ou) x) y
       group by 1, 2, 3, 4 having sum(y.quantity - y.counted) > 0),
    -- The visits with units beyond the plan, per beneficiary.
    overp as (
      select agency_id, person_id, sum(over_fen) as fen, sum(over_minutes) as minutes, sum(over_units) as units, array_agg(id order by check_in_at, id) as ids
        from cnt group by 1, 2),
    -- Their visits' amounts net of the units beyond the plan.
    fix as (
      select h.agency_id, h.person_id, array_agg((u.fen - coalesce(c.over_fen, 0))::int order by u.n) as visit_fen
        from home0 h join overp o on o.agency_id = h.agency_id and o.person_id = h.person_id
        cross join unnest(h.visit_ids, h.visit_fen) with ordinality as u(id, fen, n) left join cnt c on c.id = u.id
       group by 1, 2),
    home as (
      select h.agency_id, h.person_id, h.gross - coalesce(o.fen, 0) as gross, h.minutes - coalesce(o.minutes, 0) as minutes, h.visit_ids,
             coalesce(f.visit_fen, h.visit_fen) as visit_fen,
             h.deducted + coalesce(o.fen, 0) as deducted,
             case when h.ded_ids is not null or o.person_id is not null then
               (select jsonb_agg(jsonb_build_object('reason', reason, 'count', n, 'amountFen', amount, 'visitIds', ids) order by reason collate "C")
                  from (select u.reason, count(*) as n, sum(u.value) as amount, array_agg(u.id order by u.k) as ids
                          from unnest(h.ded_reasons, h.ded_ids, h.ded_values) with ordinality as u(reason, id, value, k) group by 1
                        union all
                        select 'OVER_PLAN', o.units, o.fen, o.ids where o.person_id is not null) x) end as deductions
        from home0 h left join overp o on o.agency_id = h.agency_id and o.person_id = h.person_id
        left join fix f on f.agency_id = h.agency_id and f.person_id = h.person_id),
    -- Bed forms: the days of the month in a stay, not on leave, within the cover; priced by the contract's daily rate.
    stay as (
      select s.id, s.person_id, p.agency_id, p.care_form as form, s.admitted_on, s.discharged_on, s.leaves
        from care_stay s join care_plan p on p.id = s.plan_id
       where p.pooling_area = ${AREA} and p.agency_id = any(${AGENCIES}) and p.care_form in ('INSTITUTION', 'HOSPITAL')
         and s.admitted_on <= ${MEND} and (s.discharged_on is null or s.discharged_on > ${M})),
    sday as (
      select st.id as stay_id, st.agency_id, st.person_id, st.form, d.day
        from stay st join days d on d.day >= st.admitted_on and (st.discharged_on is null or d.day < st.discharged_on)
       where not exists (select 1 from jsonb_to_recordset(st.leaves) as l("from" date, "to" date) where l."from" <= d.day and d.day <= l."to")),
    bed_days as (
      select c.agency_id, c.person_id, c.form, s.day, c.level
        from (select distinct agency_id, person_id, form, day from sday) s
        join seg c on c.agency_id = s.agency_id and c.person_id = s.person_id and c.form = s.form and s.day between c.d0 and c.d1),
    bed as (
      select b.agency_id, b.person_id, b.form, count(*) as billable,
             sum(coalesce((sc.day_rates -> b.form ->> b.level::text)::bigint, case when e.kind = 'DAILY_AMOUNT' then e.amount else 0 end)) as gross
        from bed_days b left join sched sc on sc.agency_id = b.agency_id and sc.day = b.day left join ent e on e.form = b.form and e.level = b.level
       group by 1, 2, 3),
    bed_stays as (
      select s.agency_id, s.person_id, s.form, array_agg(distinct s.stay_id order by s.stay_id) as stay_ids
        from sday s join seg c on c.agency_id = s.agency_id and c.person_id = s.person_id and c.form = s.form and s.day between c.d0 and c.d1
       group by 1, 2, 3),
    -- The lines: gross and cap per beneficiary and form, then eligible, fund and co-payment.
    keyed as (
      select agency_id, person_id, form from main
      union select agency_id, person_id, 'HOME' from home),
    priced as (
      select k.agency_id, k.person_id, k.form, m.level, coalesce(m.days, 0) as covered,
             case when k.form in ('INSTITUTION', 'HOSPITAL') then coalesce(b.billable, 0) end as billable,
             case k.form when 'HOME' then coalesce(h.gross, 0)
                         when 'FAMILY' then ${halfUpSql('coalesce(m.monthly, 0)', String(dim))} + coalesce(m.daily, 0)
                         else coalesce(b.gross, 0) end as gross,
             ${halfUpSql('coalesce(m.monthly, 0)', String(dim))} + coalesce(m.daily, 0) as cap_amount,
             coalesce(m.hours60, 0) as hours60, coalesce(h.minutes, 0) as minutes,
             h.visit_ids, h.visit_fen, h.deductions, h.deducted, bs.stay_ids
        from keyed k
        left join main m on m.agency_id = k.agency_id and m.person_id = k.person_id and m.form = k.form
        left join home h on k.form = 'HOME' and h.agency_id = k.agency_id and h.person_id = k.person_id
        left join bed b on b.agency_id = k.agency_id and b.person_id = k.person_id and b.form = k.form
        left join bed_stays bs on bs.agency_id = k.agency_id and bs.person_id = k.person_id and bs.form = k.form
      union all
      select d.agency_id, d.person_id, 'DEVICE', d.level, d.days, null, ${halfUpSql('d.fee', String(dim))}, ${halfUpSql('d.monthly', String(dim))} + d.daily,
             0, 0, null, null, null, null, null
        from dev d),
    capped as (
      select p.*, (p.cap_amount + case when p.hours60 > 0 then
                    case when p.minutes <= floor((2 * p.hours60 + 7) / 14) then p.gross else floor(p.gross * floor((2 * p.hours60 + 7) / 14) / p.minutes) end
                  else 0 end)::bigint as cap
        from priced p),
    -- Materialized: computed once, not once per claim of the join below.
    lines as materialized (
      select c.*, least(c.gross, c.cap) as eligible, ${percentSql('least(c.gross, c.cap)', 'coalesce(r.bp, 0)')} as fund
        from capped c left join ratio r on r.form = c.form)
    select gen_random_uuid(), ${AREA}, cl.claim_id,
           row_number() over (partition by cl.claim_id order by l.person_id, array_position(array['HOME', 'INSTITUTION', 'HOSPITAL', 'FAMILY', 'DEVICE'], l.form::text)),
           'CARE', l.person_id, l.form, l.level, l.covered, l.billable,
           l.gross, l.cap, l.eligible, l.gross - l.eligible, l.fund, l.eligible - l.fund, coalesce(l.deducted, 0), coalesce(l.deductions, '[]'),
           coalesce(l.visit_ids, '{}'), coalesce(l.visit_fen, '{}'), coalesce(l.stay_ids, '{}')
      from lines l join cl on cl.agency_id = l.agency_id`;
}

/**
 * The adjustments of the drafts: recoveries of violations (negative), releases of a quarter's deposits after its
 * evaluation (positive), payables below zero carried from earlier claims. Each source once, on one claim.
 */
function adjustmentsSql(r: GenerateRun): string {
  const AREA = literal(r.poolingArea);
  const M = `date '${r.month}-01'`;
  const MEND = `(${M} + ${daysInMonth(r.month) - 1})`;
  const AGENCIES = `array[${r.agencyIds.map(literal).join(', ')}]::uuid[]`;
  const taken = (reason: string, source: string) =>
    `not exists (select 1 from claim_line t where t.kind = 'ADJUSTMENT' and t.adjustment_reason = '${reason}' and t.source_id = ${source})`;
  return `
    insert into claim_line (id, pooling_area, claim_id, position, kind, fund_fen, adjustment_reason, source_id)
    with cl as (select id as claim_id, agency_id from claim where month = ${M} and agency_id = any(${AGENCIES}) and state = 'DRAFT'),
    adj as (
      select cl.claim_id, 'RECOVERY' as reason, v.id as source_id, -v.recover_fen::bigint as amount
        from cl join violation v on v.agency_id = cl.agency_id and v.pooling_area = ${AREA} and v.recover_fen > 0 and v.date <= ${MEND}
       where ${taken('RECOVERY', 'v.id')}
      union all
      select cl.claim_id, 'DEPOSIT_RELEASE', e.id, ${percentSql('w.withheld', 'e.release_percent * 100')}
        from cl join evaluation e on e.agency_id = cl.agency_id and e.pooling_area = ${AREA}
        cross join lateral (select make_date(substr(e.quarter, 1, 4)::int, substr(e.quarter, 6, 1)::int * 3 - 2, 1) as q0) q
        cross join lateral (select coalesce(sum(c.deposit_fen), 0) as withheld from claim c
                             where c.agency_id = cl.agency_id and c.state in ('APPROVED', 'PAID') and c.month >= q.q0 and c.month < q.q0 + interval '3 months') w
       where q.q0 + interval '3 months' <= ${M} and w.withheld > 0 and ${taken('DEPOSIT_RELEASE', 'e.id')}
      union all
      select cl.claim_id, 'CARRIED', c.id, c.payable_fen
        from cl join claim c on c.agency_id = cl.agency_id and c.month < ${M} and c.state in ('APPROVED', 'PAID') and c.payable_fen < 0
       where ${taken('CARRIED', 'c.id')})
    select gen_random_uuid(), ${AREA}, a.claim_id,
           coalesce((select max(position) from claim_line l where l.claim_id = a.claim_id), 0)
             + row_number() over (partition by a.claim_id order by a.reason collate "C", a.source_id),
           'ADJUSTMENT', a.amount, a.reason, a.source_id
      from adj a`;
}

/** Sets claims' totals from their lines (after generation, and after each change to a review deduction). */
export function refreshTotalsSql(claimIds: string): string {
  return `
    update claim c set lines = t.lines, visits = t.visits, gross_fen = t.gross, cap_fen = t.cap, eligible_fen = t.eligible, excess_fen = t.excess,
           fund_fen = t.fund, copay_fen = t.copay, deducted_fen = t.deducted, review_deducted_fen = t.review, approved_fund_fen = t.fund - t.review,
           deposit_fen = ${percentSql('t.fund - t.review', String(DEPOSIT_PERCENT * 100))}, adjustment_fen = t.adjustment,
           payable_fen = t.fund - t.review - ${percentSql('t.fund - t.review', String(DEPOSIT_PERCENT * 100))} + t.adjustment
      from (select k.id, count(l.id) as lines, coalesce(sum(cardinality(l.visit_ids)), 0) as visits,
                   ${['gross', 'cap', 'eligible', 'excess', 'fund', 'copay', 'deducted']
                     .map((x) => `coalesce(sum(l.${x}_fen) filter (where l.kind = 'CARE'), 0) as ${x}`)
                     .join(', ')},
                   coalesce(sum(l.review_deducted_fen) filter (where l.kind = 'CARE'), 0) as review,
                   coalesce(sum(l.fund_fen) filter (where l.kind = 'ADJUSTMENT'), 0) as adjustment
              from claim k left join claim_line l on l.claim_id = k.id
             where k.id = any(${claimIds}) group by k.id) t
     where c.id = t.id`;
}

/**
 * Generates (or regenerates: a draft is replaced whole) the month's claims of the agencies, in the caller's
 * transaction. Claims past draft are left alone and reported. One run per agency and month at a time.
 */
export async function generateClaims(em: EntityManager, r: GenerateRun): Promise<GenerateResult> {
  // The values go into the statements as literals: their shapes are checked here (ids as any 128-bit hex form,
  // since generated data uses hashes that carry no UUID version).
  const hex = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
  if (!isMonth(r.month) || !/^[0-9]{2,12}$/.test(r.poolingArea) || !r.agencyIds.every(hex) || !hex(r.userId)) {
    throw new Error('generateClaims: bad run');
  }
  if (!r.agencyIds.length) return { claims: [], skipped: [] };
  const conn = em.getConnection();
  const ctx = em.getTransactionContext();
  if (!ctx) throw new Error('generateClaims runs inside a transaction');
  const run = <T = unknown>(sql: string, params: unknown[] = []) => conn.execute<T[]>(sql, params, 'all', ctx);
  const M = `${r.month}-01`;
  const agencies = [...new Set(r.agencyIds)].sort();
  // In a fixed order, so that two runs over overlapping agencies cannot deadlock.
  await run(`select pg_advisory_xact_lock(hashtext('claim-generate'), hashtext(a::text || ?)) from unnest(?::uuid[]) with ordinality as x(a, n) order by n`, [M, `{${agencies.join(',')}}`]);
  const skipped = await run<{ agencyId: string; claimId: string; state: string }>(
    `select agency_id as "agencyId", id as "claimId", state from claim where month = ?::date and agency_id = any(?::uuid[]) and state <> 'DRAFT'`,
    [M, `{${agencies.join(',')}}`],
  );
  const open = agencies.filter((a) => !skipped.some((s) => s.agencyId === a));
  if (!open.length) return { claims: [], skipped };
  const claims = await run<{ agencyId: string; claimId: string }>(
    `insert into claim (id, pooling_area, agency_id, month, generated_at, generated_by_id)
     select gen_random_uuid(), ?, a, ?::date, ?::timestamptz, ?::uuid from unnest(?::uuid[]) as a
     on conflict (agency_id, month) do update set generated_at = excluded.generated_at, generated_by_id = excluded.generated_by_id, version = claim.version + 1
     returning agency_id as "agencyId", id as "claimId"`,
    [r.poolingArea, M, r.now.toISOString(), r.userId, `{${open.join(',')}}`],
  );
  const ids = `array[${claims.map((c) => literal(c.claimId)).join(', ')}]::uuid[]`;
  await run(`delete from claim_line where claim_id = any(${ids})`);
  const scoped = { ...r, agencyIds: open };
  await run(`set local work_mem = '${GENERATE_WORK_MEM}'`);
  await run(careLinesSql(scoped));
  await run(adjustmentsSql(scoped));
  await run(refreshTotalsSql(ids));
  return { claims, skipped };
}
