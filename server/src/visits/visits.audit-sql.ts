// The month's audit (智能审核) of a pooling area as set-based SQL: the findings `auditMonth` (visits.rules.ts) gives
// for the month's completed visits, computed by PostgreSQL and stored in visit_finding in one transaction, without
// a single visit passing through JavaScript. A pilot city runs it before claims are generated, over a million
// visits a month; test/api/visits-audit-sql.test.ts holds it to `auditMonth` finding for finding (visit, rule,
// key, action, evidence, summary).
//
// The run's transaction takes the area and month's lock and exports its snapshot; two statements then run side by
// side, each in a session of its own reading that snapshot (PostgreSQL runs no part of a statement that writes in
// parallel, and a machine has more than one core), and stage their rows in unlogged tables under the run's id:
//   - the caregivers' rules read the month's partition once and sort narrow rows once by caregiver, day,
//     check-in and id; window functions over that order give R08 (row_number and a running sum per caregiver and
//     day), R09 (lag: the previous visit's check-out) and R01's screen (the latest check-out among the
//     caregiver's earlier visits: only a visit starting before it overlaps anything, and only those few are
//     paired with the caregiver's visits through the index on (caregiver_id, check_in_at)). The per-visit rules
//     (R02–R04, R07, R10) are decided or screened in the same pass: trigonometry only where a cheap bound
//     (R·(|Δφ| + |Δλ|), never less than the great-circle distance) cannot rule a distance out, hospital stays
//     only for people with a stay touching the month;
//   - the plans' rules read the partition too and group the visits by plan version and distinct item list: R05
//     works out standard minutes once per list (a list whose shortest visit is long enough has no short visit),
//     and R06 counts units per list to find the few plans and items whose month total exceeds the lowest limit
//     of their versions: only their units are staged.
// The transaction then takes the staged rows over into temporary tables, and a statement counts R06's units in
// check-in order over the visits that the other rules do not deduct, as those findings will stand (confirmed
// ones deduct, dismissed ones never, open ones as the area says); it runs after the others so that the planner
// sees, from analysed temporary tables, how few rows there are (one statement with estimates of billions once
// chose a hash join in a thousand batches). One upsert and one delete then reconcile visit_finding with the run's findings.
//
// Arithmetic follows the rules' JavaScript exactly: times are whole milliseconds (as a Date read from the database
// holds them), minutes and hours are float8 divisions in the same order, running sums add in
// check-in order, Math.round is floor(x + 0.5), and the haversine is the same formula on float8 (the C library's
// sin/cos may differ from V8's by an ulp, which can only show in a distance within a nanometre of a rounding or
// threshold boundary).
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { EntityManager } from '@mikro-orm/postgresql';
import { RULE_CODES, VISIT_DEDUCTING, type RuleAction, type RuleCode, type VisitSettings } from './visits.rules.ts';
import { isMonth } from '../shared/dates.ts';

export interface MonthlyAuditResult {
  /** Findings the rules raise for the month (whether new, refreshed, or kept as decided). */
  findings: number;
  byRule: Record<string, number>;
  ms: number;
}

/** JavaScript's Math.round on a float8 (half up; PostgreSQL's round() on float8 rounds half to even). */
const jsRound = (x: string) => `floor((${x}) + 0.5)::bigint`;
/** The rules' km(): metres rounded to ten metres, in km with at most two decimals, as JavaScript prints it. */
const km = (metres: string) => `trim_scale(floor((${metres})::float8 / 10 + 0.5)::numeric / 100)`;
const rad = (d: string) => `(((${d}) * pi()) / 180)`;
const EARTH_RADIUS_M = 6371008.8;
/** distanceMetres() of visits.rules.ts, operation for operation, on float8. */
const distance = (aLat: string, aLng: string, bLat: string, bLng: string) =>
  `(2 * ${EARTH_RADIUS_M}::float8 * asin(least(1::float8, sqrt(power(sin(${rad(`${bLat} - ${aLat}`)} / 2), 2) + cos(${rad(aLat)}) * cos(${rad(bLat)}) * power(sin(${rad(`${bLng} - ${aLng}`)} / 2), 2)))))`;
/**
 * Whether two points may lie more than `metres` apart: R·(|Δφ| + |Δλ|) bounds the great-circle distance from
 * above (down the meridian, then along a parallel no longer than the equator), so false means certainly not.
 * The metre of slack covers rounding in both computations.
 */
const mayExceed = (aLat: string, aLng: string, bLat: string, bLng: string, metres: string) =>
  `(abs(${aLat} - ${bLat}) + abs(${aLng} - ${bLng})) * pi() / 180 * ${EARTH_RADIUS_M} > ${metres} - 1`;

/** A catalogue item's standard minutes from the month's lookups (CTE catalogue), 0 for an unknown code. */
function catalogueMinutes(code: string, dayOfMonth: string): string {
  // The lookup by day only when the month has a catalogue change at all (a constant of the run).
  return `coalesce((catalogue.by_code -> ${code})::int, case when catalogue.changes then (catalogue.by_day -> (${code} || '@' || (${dayOfMonth})))::int end, 0)`;
}

function float(name: string, x: number): string {
  if (!Number.isFinite(x)) throw new Error(`Visit settings: ${name} must be a finite number`);
  // JavaScript's shortest round-trip text reads back as the very same double in PostgreSQL.
  return `${String(x)}::float8`;
}

/**
 * Audits the month's completed visits of a pooling area with the rules R01–R10 and stores the findings in one
 * transaction: new findings are added, open ones refreshed (evidence, summary, action), decided ones (confirmed
 * or dismissed) left exactly as they are, and open findings the rules no longer raise removed. Runs for the same
 * area and month queue behind each other.
 */
export async function runMonthlyAudit(em: EntityManager, poolingArea: string, month: string, settings: VisitSettings): Promise<MonthlyAuditResult> {
  const started = performance.now();
  // Both end up in the SQL text as literals, so they are checked strictly here.
  if (!/^\d{2,12}$/.test(poolingArea)) throw new Error('poolingArea: digits');
  if (!isMonth(month)) throw new Error('month: YYYY-MM');
  const [y, m] = month.split('-').map(Number) as [number, number];
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const on = (r: RuleCode) => settings.rules[r]?.enabled === true;
  const action = (r: RuleCode): RuleAction => {
    const a = settings.rules[r]?.action;
    if (a !== 'DEDUCT' && a !== 'FLAG') throw new Error(`Visit settings: ${r} needs an action`);
    return a;
  };
  for (const r of RULE_CODES) if (on(r)) action(r);
  const geofence = float('geofenceMetres', settings.geofenceMetres);
  const share = float('shortSharePercent', settings.shortSharePercent);
  const maxVisits = float('dayMaxVisits', settings.dayMaxVisits);
  const maxMinutes = float('dayMaxMinutes', settings.dayMaxMinutes);
  const travelKmh = float('travelKmh', settings.travelKmh);
  const lateHours = float('lateEntryHours', settings.lateEntryHours);

  const AREA = `'${poolingArea}'::varchar`;
  const MONTH = `date '${month}-01'`;
  const FROM = `(${MONTH}::timestamp at time zone 'Asia/Shanghai')`;
  const UNTIL = `((${MONTH} + interval '1 month')::timestamp at time zone 'Asia/Shanghai')`;
  // Microseconds since the month's start, exact: a float8 holds a month's worth of them to a thousandth.
  const micros = (ts: string) => `round(date_part('epoch', ${ts} - ${FROM}) * 1000000)`;
  // Whole milliseconds since the month's start, as the rules see instants (a Date read from the database keeps
  // whole milliseconds, and the month starts on one); only differences and order matter, never the origin.
  const ms = (ts: string) => `floor(${micros(ts)} / 1000)::bigint`;
  // The Shanghai day of the check-in (the rules' dayOf). When every day of the month lasts 24 hours (always in
  // Asia/Shanghai since 1991; the condition is a constant the planner folds), it is plain arithmetic on the
  // instant, which costs a tenth of a time-zone conversion per row.
  const day = `(case when extract(epoch from ${UNTIL} - ${FROM}) = ${daysInMonth * 86400}
                     then ${MONTH} + floor(${micros('v.check_in_at')} / 86400000000)::int
                     else (v.check_in_at at time zone 'Asia/Shanghai')::date end)`;
  const when = (r: RuleCode, condition: string) => (on(r) ? `(${condition})` : 'false');
  // Findings that deduct their visit when open (they are new or still undecided): those of the rules other than
  // R06 whose action is DEDUCT, if the area deducts open findings at all.
  const openDeducting = settings.deductOpenFindings ? VISIT_DEDUCTING.filter((r) => on(r) && action(r) === 'DEDUCT') : [];
  const units = `case l.per when 'DAY' then l.times * ${daysInMonth} when 'WEEK' then ceil(l.times * ${daysInMonth} / 7.0)::int else l.times end`;
  const ev = (pairs: string) => `jsonb_build_object(${pairs})`;

  // The month's visits the rules read: the check-in range picks the month's partition.
  const MONTH_VISITS = `v.pooling_area = ${AREA} and v.status = 'DONE' and v.check_out_at is not null and v.check_in_at >= ${FROM} and v.check_in_at < ${UNTIL}`;
  // Both parts stage their rows under the run's id (see below).
  const runId = randomUUID();
  const RUN = `'${runId}'::uuid`;

  // The caregivers' rules (R01–R04, R07–R10): each visit's own rules, then each caregiver's visits in order.
  const caregiverSql = `
    insert into visit_audit_stage_finding (run_id, pooling_area, visit_id, rule, key, action, evidence, summary, visit_at, agency_id, person_id, caregiver_id)
    with
    -- The month's completed visits of the area; the Shanghai day is the rules' dayOf() of the check-in instant.
    mv as (
      select v.id, v.agency_id, v.person_id, v.caregiver_id, v.check_in_at,
             ${day} as day, ${ms('v.check_in_at')} as in_ms, ${ms('v.check_out_at')} as out_ms,
             v.check_out_at, coalesce(v.recorded_at, v.checked_in_recorded_at) as recorded_at,
             v.check_in_lat as in_lat, v.check_in_lng as in_lng, v.check_out_lat as out_lat, v.check_out_lng as out_lng,
             v.confirmation is null as unconfirmed,
             -- A phone's record without a position at check-in or check-out (an agency's entry has none to give).
             v.source = 'DEVICE' and (v.check_in_lat is null or v.check_in_lng is null or v.check_out_lat is null or v.check_out_lng is null) as unplaced
        from visit v
       where ${MONTH_VISITS}),
    stays as (
      select distinct person_id from hospital_stay
       where admitted_on < ${MONTH} + interval '1 month' and (discharged_on is null or discharged_on > ${MONTH})),
    -- What each visit's own rules need, decided or screened before the caregivers' order is taken, so that the
    -- sort and the windows carry narrow rows.
    own as (
      select mv.id, mv.caregiver_id, mv.day, mv.in_ms, mv.out_ms, mv.in_lat, mv.in_lng, mv.out_lat, mv.out_lng,
             -- Carried through the caregivers' order for the hit visits' findings (a second read of the month's
             -- partition cost more than the wider sort).
             mv.agency_id, mv.person_id, mv.check_in_at, mv.recorded_at, p.latitude as home_lat, p.longitude as home_lng, p.date_of_death, mv.unplaced,
             ${when('R02', 'hs.person_id is not null')} as r02_screen,
             ${when('R03', 'p.date_of_death is not null and mv.day >= p.date_of_death')} as r03,
             ${when('R04', `p.latitude is not null and p.longitude is not null and (mv.unplaced
              or (mv.in_lat is not null and mv.in_lng is not null and ${mayExceed('mv.in_lat', 'mv.in_lng', 'p.latitude', 'p.longitude', geofence)})
              or (mv.out_lat is not null and mv.out_lng is not null and ${mayExceed('mv.out_lat', 'mv.out_lng', 'p.latitude', 'p.longitude', geofence)}))`)} as r04_screen,
             ${when('R07', 'mv.unconfirmed')} as r07,
             -- Within a millisecond of the limit or beyond (the exact test runs on whole milliseconds below).
             ${when('R10', `mv.recorded_at > mv.check_out_at + interval '1 hour' * ${lateHours} - interval '1 millisecond'`)} as r10_screen
        from mv
        join insured_person p on p.id = mv.person_id
        left join stays hs on hs.person_id = mv.person_id),
    -- Each caregiver's visits in order (check-in, then id; the day follows the check-in, so ordering by it first
    -- changes nothing and lets both windows share one sort). One frame per window (lag ignores it), so each
    -- window is one pass: w ends before the current row (the latest check-out of the earlier visits), d runs to
    -- it (the day's count and minutes so far, added in order).
    seq as (
      select own.*,
             max(out_ms) over w as prev_max_out,
             lag(id) over w as prev_id, lag(out_ms) over w as prev_out_ms, lag(out_lat) over w as prev_out_lat, lag(out_lng) over w as prev_out_lng,
             row_number() over d as nth, sum((out_ms - in_ms)::float8 / 60000) over d as minutes_so_far
        from (select * from own offset 0) own
      window w as (partition by caregiver_id order by day, in_ms, id rows between unbounded preceding and 1 preceding),
             d as (partition by caregiver_id, day order by in_ms, id rows between unbounded preceding and current row)),
    -- The visits some rule may hit.
    hits as materialized (
      select * from (
        select seq.*,
               ${when('R01', 'prev_max_out > in_ms')} as r01_screen,
               ${when('R08', `nth > ${maxVisits} or minutes_so_far > ${maxMinutes}`)} as r08,
               ${when('R09', `in_lat is not null and in_lng is not null and prev_out_lat is not null and prev_out_lng is not null and prev_out_ms <= in_ms
                              and ${mayExceed('prev_out_lat', 'prev_out_lng', 'in_lat', 'in_lng', geofence)}
                              and ${mayExceed('prev_out_lat', 'prev_out_lng', 'in_lat', 'in_lng', `${travelKmh} * 1000 * ((in_ms - prev_out_ms)::float8 / 3600000)`)}`)} as r09_screen
          from seq offset 0) x
       where r01_screen or r02_screen or r03 or r04_screen or r07 or r08 or r09_screen or r10_screen),
    -- The rest of what the hit visits' findings need, and the costly parts, for them only.
    measured as materialized (
      select h.*, y.*, greatest(coalesce(y.d_in, 0), coalesce(y.d_out, 0)) as worst,
             case when h.r04_screen and h.unplaced
                  then array_remove(array[case when h.in_lat is null or h.in_lng is null then 'checkIn' end, case when h.out_lat is null or h.out_lng is null then 'checkOut' end], null)
                  else '{}'::text[] end as missing
        from hits h
        cross join lateral (
          select case when h.r04_screen and h.in_lat is not null and h.in_lng is not null then ${jsRound(distance('h.in_lat', 'h.in_lng', 'h.home_lat', 'h.home_lng'))} end as d_in,
                 case when h.r04_screen and h.out_lat is not null and h.out_lng is not null then ${jsRound(distance('h.out_lat', 'h.out_lng', 'h.home_lat', 'h.home_lng'))} end as d_out,
                 case when h.r09_screen then ${distance('h.prev_out_lat', 'h.prev_out_lng', 'h.in_lat', 'h.in_lng')} end as metres,
                 ((h.in_ms - h.prev_out_ms)::float8 / 60000) / 60 as hours,
                 ((${ms('h.recorded_at')} - h.out_ms)::float8 / 60000) / 60 as late,
                 (h.out_ms - h.in_ms)::float8 / 60000 as actual,
                 -- R02: the first stay (by admission, then id) with admission < day < discharge.
                 case when h.r02_screen then (
                   select array[st.admitted_on, st.discharged_on] from hospital_stay st
                    where st.person_id = h.person_id and st.admitted_on < h.day and (st.discharged_on is null or h.day < st.discharged_on)
                    order by st.admitted_on, st.id limit 1) end as stay
          offset 0) y),
    per_visit as (
      select id as visit_id, 'R02' as rule, '' as key,
             ${ev(`'admittedOn', to_char(stay[1], 'YYYY-MM-DD'), 'dischargedOn', to_char(stay[2], 'YYYY-MM-DD')`)} as evidence,
             '住院期间（' || to_char(stay[1], 'YYYY-MM-DD') || ' 入院）的服务' as summary, check_in_at, agency_id, person_id, caregiver_id
        from measured where stay is not null
      union all
      select id, 'R03', '', ${ev(`'dateOfDeath', to_char(date_of_death, 'YYYY-MM-DD')`)}, '参保人已于 ' || to_char(date_of_death, 'YYYY-MM-DD') || ' 死亡',
             check_in_at, agency_id, person_id, caregiver_id
        from measured where r03
      union all
      select id, 'R04', '', ${ev(`'checkInMetres', d_in, 'checkOutMetres', d_out, 'limitMetres', ${geofence}, 'missing', to_jsonb(missing)`)},
             case when worst > ${geofence}
                  then case when d_in is not null and d_in = worst then '签到' else '签退' end || '位置距住址 '
                         || case when worst >= 1000 then ${km('worst')} || ' 公里' else worst || ' 米' end
                  else '未记录' || case when cardinality(missing) = 2 then '签到和签退' when missing[1] = 'checkIn' then '签到' else '签退' end || '位置' end,
             check_in_at, agency_id, person_id, caregiver_id
        from measured where worst > ${geofence} or cardinality(missing) > 0
      union all
      select id, 'R07', '', '{}'::jsonb, '无参保人确认', check_in_at, agency_id, person_id, caregiver_id from measured where r07
      union all
      select id, 'R08', '', ${ev(`'visitOfDay', nth, 'minutesSoFar', ${jsRound('minutes_so_far')}, 'maxVisits', ${maxVisits}, 'maxMinutes', ${maxMinutes}`)},
             '当日第 ' || nth || ' 次服务，累计 ' || ${jsRound('minutes_so_far')} || ' 分钟', check_in_at, agency_id, person_id, caregiver_id
        from measured where r08
      union all
      -- A gap of 0 is infinitely fast: kmh null in the evidence, as JSON has no Infinity.
      select id, 'R09', '',
             ${ev(`'previousVisitId', prev_id, 'km', ${km('metres')}, 'minutes', ${jsRound('hours * 60')}, 'kmh', case when hours > 0 then ${jsRound('metres / 1000 / hours')} end`)},
             '距上一服务 ' || ${km('metres')} || ' 公里，仅隔 ' || ${jsRound('hours * 60')} || ' 分钟', check_in_at, agency_id, person_id, caregiver_id
        from measured where r09_screen and metres > ${geofence} and (hours = 0 or metres / 1000 / hours > ${travelKmh})
      union all
      select id, 'R10', '', ${ev(`'hoursLate', ${jsRound('late')}, 'limitHours', ${lateHours}`)}, '服务结束 ' || ${jsRound('late')} || ' 小时后才录入',
             check_in_at, agency_id, person_id, caregiver_id
        from measured where r10_screen and late > ${lateHours}),
    -- R01: pairs (earlier o, later s) of a caregiver's visits with o ending after s starts, a finding on each side.
    pairs as (
      select s.id as s_id, s.check_in_at as s_at, s.agency_id as s_agency, s.person_id as s_person, s.caregiver_id,
             o.id as o_id, o.check_in_at as o_at, o.agency_id as o_agency, o.person_id as o_person,
             ${jsRound('(least(s.out_ms, o.out_ms) - greatest(s.in_ms, o.in_ms))::float8 / 60000')} as minutes
        from measured s
        cross join lateral (
          select o.id, o.check_in_at, o.agency_id, o.person_id, ${ms('o.check_in_at')} as in_ms, ${ms('o.check_out_at')} as out_ms
            from visit o
           where o.caregiver_id = s.caregiver_id and o.check_in_at >= ${FROM} and o.check_in_at < s.check_in_at + interval '1 millisecond'
             and o.pooling_area = ${AREA} and o.status = 'DONE' and o.check_out_at is not null) o
       where s.r01_screen and (o.in_ms, o.id) < (s.in_ms, s.id) and least(s.out_ms, o.out_ms) - greatest(s.in_ms, o.in_ms) > 0),
    found as (
      select * from per_visit
      union all
      select s_id, 'R01', o_id::text, ${ev(`'otherVisitId', o_id, 'overlapMinutes', minutes`)}, '与另一服务重叠 ' || minutes || ' 分钟', s_at, s_agency, s_person, caregiver_id from pairs
      union all
      select o_id, 'R01', s_id::text, ${ev(`'otherVisitId', s_id, 'overlapMinutes', minutes`)}, '与另一服务重叠 ' || minutes || ' 分钟', o_at, o_agency, o_person, caregiver_id from pairs)
    select ${RUN}, ${AREA}, f.visit_id, f.rule, f.key,
           case f.rule ${RULE_CODES.filter((r) => r !== 'R05' && r !== 'R06' && on(r)).map((r) => `when '${r}' then '${action(r)}'`).join(' ') || "when '' then ''"} end,
           f.evidence, f.summary, f.check_in_at, f.agency_id, f.person_id, f.caregiver_id
      from found f`;

  // The plans' rules: R05's short visits, and R06's candidates (the units of the plans and items that may go over,
  // each with its version's limit), counted once the other rules are known.
  const planSql = `
    with
    -- R05's catalogue as two lookups: minutes by code for the items whose version stays the same all month, and
    -- by code and day of the month for the few with a version starting within it.
    catalogue as materialized (
      with versions as (select code, effective_from, minutes from catalogue_item where pooling_area = ${AREA}),
      changing as (select distinct code from versions where effective_from > ${MONTH} and effective_from < ${MONTH} + interval '1 month')
      select coalesce((select jsonb_object_agg(code, minutes)
                         from (select distinct on (code) code, minutes from versions
                                where effective_from <= ${MONTH} and code not in (select code from changing)
                                order by code, effective_from desc) x), '{}') as by_code,
             coalesce((select jsonb_object_agg(x.code || '@' || x.dom, x.minutes)
                         from (select distinct on (c.code, d.dom) c.code, d.dom, v.minutes
                                 from changing c cross join generate_series(1, ${daysInMonth}) as d(dom)
                                 join versions v on v.code = c.code and v.effective_from <= ${MONTH} + (d.dom - 1)
                                order by c.code, d.dom, v.effective_from desc) x), '{}') as by_day,
             exists (select 1 from changing) as changes),
    -- The month's completed visits of the area, as the plans' rules need them.
    mv as materialized (
      select v.id, v.agency_id, v.person_id, v.caregiver_id, v.plan_id, v.plan_version_id, v.check_in_at,
             ${day} as day, ${ms('v.check_in_at')} as in_ms, ${ms('v.check_out_at')} as out_ms, v.items
        from visit v
       where ${MONTH_VISITS}),
    -- The month's distinct item lists per plan version (and day, in a month whose catalogue changes): R05 works
    -- out standard minutes once per list, R06 counts units per list, instead of once per visit.
    lists as materialized (
      select mv.plan_version_id, mv.items, case when catalogue.changes then mv.day end as day_key, any_value(mv.plan_id) as plan_id,
             any_value(mv.day) as some_day, count(*) as visits, min(mv.out_ms - mv.in_ms) as shortest
        from mv cross join catalogue
       where ${on('R05') || on('R06') ? 'true' : 'false'}
       group by mv.plan_version_id, mv.items, 3),
    -- R05: Σ catalogue minutes × quantity, each item's version in force on the day. A list whose shortest visit is
    -- long enough has no short visit (the test is monotonic in the duration); the visits of the others are tested.
    short_lists as materialized (
      select * from (
        select l.plan_version_id, l.items, coalesce(l.day_key, ${MONTH}) as day_key, l.shortest,
               (select coalesce(sum(${catalogueMinutes('i.code', `l.some_day - ${MONTH} + 1`)} * i.quantity), 0)
                  from jsonb_to_recordset(l.items) as i(code text, quantity int)) as standard
          from lists l cross join catalogue
         where ${on('R05') ? 'true' : 'false'} offset 0) x
       where standard > 0 and shortest::float8 / 60000 * 100 < standard::float8 * ${share}),
    short as (
      select c.id, c.check_in_at, c.agency_id, c.person_id, c.caregiver_id, s.standard, (c.out_ms - c.in_ms)::float8 / 60000 as actual
        from (select * from mv cross join catalogue where mv.plan_version_id in (select plan_version_id from short_lists) offset 0) c
        join short_lists s on s.plan_version_id = c.plan_version_id and s.items = c.items
                          and s.day_key = coalesce(case when c.changes then c.day end, ${MONTH})
       where (c.out_ms - c.in_ms)::float8 / 60000 * 100 < s.standard::float8 * ${share}),
    -- R06's screen, over all the month's visits (deducted ones too, so that it does not wait for the other rules, and a
    -- plan that passes it passes without them as well): units per plan, version and item.
    totals as materialized (
      select l.plan_id, l.plan_version_id, i.code, sum(i.quantity * l.visits) as units
        from lists l cross join lateral jsonb_to_recordset(l.items) as i(code text, quantity int)
       where ${on('R06') ? 'true' : 'false'}
       group by l.plan_id, l.plan_version_id, i.code),
    -- Units each plan version's lines allow in this month (unitsPerMonth for its number of days).
    limits as (
      select l.plan_version_id, l.code, sum(${units}) as allowed from care_plan_line l
       where l.kind = 'ITEM' and l.plan_version_id in (select plan_version_id from totals)
       group by l.plan_version_id, l.code),
    -- Plans and items whose month total exceeds the lowest limit among their versions: the only ones that can go
    -- over. Their units are staged, to be counted once the other rules are known.
    over as (
      select t.plan_id, t.code from totals t left join limits l on l.plan_version_id = t.plan_version_id and l.code = t.code
       group by t.plan_id, t.code
      having sum(t.units) > min(coalesce(l.allowed, 0))),
    candidates as (
      insert into visit_audit_stage_unit (run_id, pooling_area, visit_id, plan_id, in_ms, n, code, quantity, allowed, visit_at, agency_id, person_id, caregiver_id)
      select ${RUN}, ${AREA}, c.id, c.plan_id, c.in_ms, i.n, i.code, i.quantity, coalesce(l.allowed, 0), c.check_in_at, c.agency_id, c.person_id, c.caregiver_id
        from mv c
        cross join lateral rows from (jsonb_to_recordset(c.items) as (code text, quantity int)) with ordinality as i(code, quantity, n)
        left join limits l on l.plan_version_id = c.plan_version_id and l.code = i.code
       where c.plan_id in (select plan_id from over) and (c.plan_id, i.code) in (select plan_id, code from over)),
    r05 as (
      insert into visit_audit_stage_finding (run_id, pooling_area, visit_id, rule, key, action, evidence, summary, visit_at, agency_id, person_id, caregiver_id)
      select ${RUN}, ${AREA}, id, 'R05', '', ${on('R05') ? `'${action('R05')}'` : "''"}, ${ev(`'actualMinutes', ${jsRound('actual')}, 'standardMinutes', standard, 'sharePercent', ${share}`)},
             '服务 ' || ${jsRound('actual')} || ' 分钟，项目标准 ' || standard || ' 分钟', check_in_at, agency_id, person_id, caregiver_id
        from short)
    select 1`;

  // R06, once the other rules are known: units per plan and item in check-in order over the visits that no other
  // rule's finding deducts as the findings will stand (a decided finding keeps its status: confirmed deducts,
  // whatever the rule's action, dismissed never; a new or open one deducts as the settings say), against the limit
  // of each visit's plan version. A statement of its own, so that the planner sees how few findings there are.
  const r06Sql = `
    insert into visit_audit_finding (visit_id, rule, key, action, evidence, summary, visit_at, agency_id, person_id, caregiver_id)
    with
    decided as (
      select visit_id, rule, key, status, action from visit_finding
       where pooling_area = ${AREA} and month = ${MONTH} and rule <> 'R06' and status <> 'OPEN'),
    deducted as (
      select visit_id from decided where status = 'CONFIRMED'
      union
      select f.visit_id from visit_audit_finding f
       where f.rule in (${openDeducting.length ? openDeducting.map((r) => `'${r}'`).join(', ') : 'null'})
         and not exists (select 1 from decided d where d.visit_id = f.visit_id and d.rule = f.rule and d.key = f.key)),
    -- The units before each visit (a visit's own list in its order, should an item appear twice).
    used as (
      select u.*, coalesce(sum(u.quantity) over (partition by u.plan_id, u.code order by u.in_ms, u.visit_id, u.n rows between unbounded preceding and 1 preceding), 0) as before
        from visit_audit_unit u
       where not exists (select 1 from deducted d where d.visit_id = u.visit_id)),
    r06 as (select used.*, least(quantity, before + quantity - allowed) as excess from used)
    select visit_id, 'R06', code, '${on('R06') ? action('R06') : 'FLAG'}',
           ${ev(`'code', code, 'allowed', allowed, 'usedBefore', before, 'quantity', quantity, 'excess', excess`)},
           code || ' 本月已做 ' || before || ' 次，计划 ' || allowed || ' 次，超出 ' || excess || ' 次',
           visit_at, agency_id, person_id, caregiver_id
      from r06 where excess > 0
    -- An item listed twice in one visit (the visits service refuses that) keeps its first finding.
    on conflict do nothing`;

  const byRule: Record<string, number> = {};
  let findings = 0;
  // In the caller's transaction when there is one (a subtransaction cannot export its snapshot), else in one of
  // its own. The parts see what was committed when the run began, not what that transaction wrote before.
  const inTransaction = (work: (tem: EntityManager) => Promise<void>) => (em.isInTransaction() ? work(em) : em.transactional(work));
  try {
    await inTransaction(async (tem) => {
      const conn = tem.getConnection();
      const ctx = tem.getTransactionContext();
      const run = (sql: string) => conn.execute(sql, [], 'run', ctx);

      // One run per area and month at a time: a second one waits, then sees the first one's findings.
      await run(`select pg_advisory_xact_lock(hashtext('visit-audit'), hashtext(${AREA} || ${MONTH}::text))`);
      // What a server killed mid-run left staged (no run lasts a day).
      for (const t of STAGE_TABLES) await run(`delete from ${t} where staged_at < now() - interval '1 day'`);
      await run(`set local work_mem = '${WORK_MEM}'`);
      await run(`drop table if exists pg_temp.visit_audit_finding`);
      // The primary key keeps one finding per (visit, rule, key) whatever the data.
      await run(`create temp table visit_audit_finding (
          visit_id uuid not null, rule varchar(3) not null, key varchar(40) not null, action varchar(6) not null,
          evidence jsonb not null, summary varchar(200) not null, visit_at timestamptz not null,
          agency_id uuid not null, person_id uuid not null, caregiver_id uuid not null,
          primary key (visit_id, rule, key)) on commit drop`);
      await run(`drop table if exists pg_temp.visit_audit_unit`);
      // R06's candidates: the units of the plans and items that may go over, each with its version's limit.
      await run(`create temp table visit_audit_unit (
          visit_id uuid not null, plan_id uuid not null, in_ms bigint not null, n bigint not null, code text, quantity int, allowed bigint not null,
          visit_at timestamptz not null, agency_id uuid not null, person_id uuid not null, caregiver_id uuid not null) on commit drop`);
      // The two parts run side by side, each in a session of its own that reads the visits as this transaction
      // sees them (its exported snapshot), and stage their rows; this transaction then takes them over and writes
      // every finding. The staged rows are removed with it, or below when the run fails.
      const [exported] = await conn.execute<{ snapshot: string }[]>(`select pg_export_snapshot() as snapshot`, [], 'all', ctx);
      const snapshot = exported!.snapshot;
      const url = em.config.get('clientUrl')!;
      const parts = await Promise.allSettled([caregiverSql, planSql].map((sql) => inSnapshot(url, snapshot, sql)));
      const failed = parts.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
      await run(`
        insert into visit_audit_finding (visit_id, rule, key, action, evidence, summary, visit_at, agency_id, person_id, caregiver_id)
        select visit_id, rule, key, action, evidence, summary, visit_at, agency_id, person_id, caregiver_id from visit_audit_stage_finding where run_id = ${RUN}
        on conflict do nothing`);
      await run(`
        insert into visit_audit_unit (visit_id, plan_id, in_ms, n, code, quantity, allowed, visit_at, agency_id, person_id, caregiver_id)
        select visit_id, plan_id, in_ms, n, code, quantity, allowed, visit_at, agency_id, person_id, caregiver_id from visit_audit_stage_unit where run_id = ${RUN}`);
      for (const t of STAGE_TABLES) await run(`delete from ${t} where run_id = ${RUN}`);
      // The rows just written have no statistics yet; the next statements plan better with them.
      await run(`analyze visit_audit_finding, visit_audit_unit`);
      if (on('R06')) await run(r06Sql);
      // New findings are added; an open one is refreshed when the facts changed; a decided one keeps the evidence it
      // was decided on.
      await run(`
        insert into visit_finding (id, pooling_area, visit_id, visit_at, month, agency_id, person_id, caregiver_id, rule, action, key, evidence, summary)
        select gen_random_uuid(), ${AREA}, visit_id, visit_at, ${MONTH}, agency_id, person_id, caregiver_id, rule, action, key, evidence, summary
          from visit_audit_finding
        on conflict (visit_id, rule, key) do update
           set action = excluded.action, evidence = excluded.evidence, summary = excluded.summary, visit_at = excluded.visit_at, month = excluded.month,
               agency_id = excluded.agency_id, person_id = excluded.person_id, caregiver_id = excluded.caregiver_id, version = visit_finding.version + 1
         where visit_finding.status = 'OPEN'
           and (visit_finding.action, visit_finding.evidence, visit_finding.summary, visit_finding.visit_at, visit_finding.month,
                visit_finding.agency_id, visit_finding.person_id, visit_finding.caregiver_id)
               is distinct from (excluded.action, excluded.evidence, excluded.summary, excluded.visit_at, excluded.month,
                excluded.agency_id, excluded.person_id, excluded.caregiver_id)`);
      // Open findings of the month the rules no longer raise (the visit changed, was voided, a rule was turned off).
      await run(`
        delete from visit_finding f
         where f.pooling_area = ${AREA} and f.month = ${MONTH} and f.status = 'OPEN'
           and not exists (select 1 from visit_audit_finding t where t.visit_id = f.visit_id and t.rule = f.rule and t.key = f.key)`);
      const counts = await conn.execute<{ rule: string; n: number }[]>(`select rule, count(*)::int as n from visit_audit_finding group by rule order by rule`, [], 'all', ctx);
      for (const c of counts) {
        byRule[c.rule] = c.n;
        findings += c.n;
      }
    });
  } catch (e) {
    // The parts' staged rows, when the run failed after they were written.
    const conn = em.getConnection();
    for (const t of STAGE_TABLES) await conn.execute(`delete from ${t} where run_id = ${RUN}`).catch(() => {});
    throw e;
  }
  return { findings, byRule, ms: Math.round(performance.now() - started) };
}

/** The unlogged tables where the run's parts stage their rows under the run's id. */
const STAGE_TABLES = ['visit_audit_stage_finding', 'visit_audit_stage_unit'] as const;
/** Memory for the month's sorts and hashes in each session of a run (a month's visits sorted by caregiver stay in memory). */
const WORK_MEM = '512MB';

/** Runs one statement in a session of its own, in a repeatable-read transaction that reads the given snapshot. */
async function inSnapshot(url: string, snapshot: string, sql: string): Promise<void> {
  if (!/^[\w-]+$/.test(snapshot)) throw new Error('snapshot: an id from pg_export_snapshot()');
  const client = new pg.Client({ connectionString: url, application_name: 'changhu-audit' });
  await client.connect();
  try {
    await client.query('begin isolation level repeatable read');
    await client.query(`set transaction snapshot '${snapshot}'`);
    await client.query(`set local work_mem = '${WORK_MEM}'`);
    await client.query(sql);
    await client.query('commit');
  } finally {
    await client.end();
  }
}
