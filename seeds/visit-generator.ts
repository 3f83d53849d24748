// A deterministic month of home-care visits for a pooling area, at any scale (a few thousand for the demo, a
// million for benchmarks), with a controlled sprinkling of every audit rule's trigger (R01–R10, see
// shared/domain/visits-and-billing.md). Everything is set-based SQL (generate_series, INSERT … SELECT): nothing
// is built row by row in JavaScript, so a million visits take seconds, not minutes.
//
// Determinism: every row's id and every choice is a pure function of (pooling area, seed, kind, index) — ids are
// md5 hashes, choices come from hashint8extended — so the same seed gives the same data, and running the
// generator again reuses what is already there (INSERT … ON CONFLICT DO NOTHING on the deterministic ids).
//
// The shape of the month, per caregiver: about six visits a day in fixed slots (08:00 + 105 min × slot,
// Shanghai time), to five beneficiaries living within a kilometre of each other. Slots leave room for the
// longest visit, so nothing overlaps, overloads a day or travels too fast unless a trigger is sprinkled:
//   R01 overlap        1 visit in 500 starts 10 minutes after the previous slot's start
//   R02 hospitalised   1 person in 211 is in hospital from day 10 (discharged day 14, or still in for half of them)
//   R03 after death    1 person in 307 dies on day 20 (visits carry on)
//   R04 geofence       1 visit in 400 checks out 1.3 km away, 1 in 400 checks in 450 m away
//   R05 short          1 visit in 300 lasts half its items' standard minutes
//   R06 over plan      1 person in 53 gets twice the daily item every fourth day; 1 in 89 has a second plan
//                      version from day 16 that cuts an item to once a week while the visits keep the old rhythm
//   R07 unconfirmed    1 visit in 50
//   R08 caregiver day  1 caregiver in 131 takes over four of a colleague's visits every fifth day (9–10 visits,
//                      the last ones late in the evening, the latest crossing midnight)
//   R09 travel         1 person in 173 lives 44 km from the caregiver's other people
//   R10 late entry     1 visit in 250 is entered by hand 49–120 hours after it ended
// and a few visits that the audit must ignore: 1 in 1,000 voided, some still open (no check-out) on the last
// day, 1 in 700 checked in without a position.
import type { EntityManager } from '@mikro-orm/postgresql';
import { DEMO_CATALOGUE } from '../server/src/providers/catalogue.ts';
import { creditCodeCheckChar } from '../server/src/shared/identifiers.ts';

export interface VisitMonthOptions {
  poolingArea: string;
  /** YYYY-MM */
  month: string;
  beneficiaries: number;
  agencies: number;
  visitsTarget: number;
  seed: number;
}

export interface VisitMonthResult {
  agencies: number;
  caregivers: number;
  beneficiaries: number;
  visits: number;
  ms: number;
}

/** Beneficiaries per caregiver, and the most visits a caregiver does in a normal day. */
const PER_CAREGIVER = 5;
const SLOTS_PER_DAY = 6;
/** Minutes between slot starts: longer than the longest generated visit plus the start jitter. */
const SLOT_MINUTES = 105;

/** Item pools a plan draws from: two daily items, two items three times a week, and A25 for second visits. */
const DAILY_1 = ['A15', 'A16'];
const DAILY_2 = ['A01', 'A08', 'A13', 'A19', 'A20'];
const WEEKLY_1 = ['A05', 'C01', 'A26'];
const WEEKLY_2 = ['A10', 'A02', 'A09'];
const SECOND_VISIT = 'A25';

const sqlArray = (xs: string[]) => `array[${xs.map((x) => `'${x}'`).join(',')}]`;

export async function generateVisitMonth(em: EntityManager, opts: VisitMonthOptions): Promise<VisitMonthResult> {
  const started = performance.now();
  const { poolingArea: area, month, seed } = opts;
  if (!/^\d{2,12}$/.test(area)) throw new Error('poolingArea: digits');
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new Error('month: YYYY-MM');
  for (const k of ['beneficiaries', 'agencies', 'visitsTarget', 'seed'] as const) {
    if (!Number.isSafeInteger(opts[k]) || opts[k] < (k === 'seed' || k === 'visitsTarget' ? 0 : 1) || opts[k] > 2 ** 31) throw new Error(`${k}: an integer up to 2^31`);
  }
  const B = opts.beneficiaries;
  const A = Math.min(opts.agencies, B);
  const V = opts.visitsTarget;
  const monthStart = `${month}-01`;
  const [y, m] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  // Enough caregivers for five people each, and for at most six visits a day each.
  const C = Math.min(B, Math.max(Math.ceil(B / PER_CAREGIVER), Math.ceil(V / (days * SLOTS_PER_DAY)), A));

  // All values below are validated integers or fixed strings; the area and month are checked above.
  const lit = (s: string) => `'${s}'`;
  const AREA = lit(area);
  const MS = `date ${lit(monthStart)}`;
  /** A deterministic uuid for the n-th row of a kind. */
  const uid = (kind: string, n: string) => `md5(${lit(`${area}:${seed}:${kind}:`)} || (${n})::text)::uuid`;
  /** A deterministic pseudo-random integer in [0, range) for a row index and a purpose (salt). */
  const rnd = (n: string, salt: number, range: number) => `abs(hashint8extended((${n})::bigint, ${seed * 1000 + salt}) % ${range})`;
  const USER = uid('user', '0');
  /** The check character of a resident ID number (GB 11643), as residentIdCheckChar computes it. */
  const CHECK = `'10X98765432'`;
  const idCheck = (first17: string) =>
    `substr(${CHECK}, 1 + (select sum(substr(${first17}, k, 1)::int * (array[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2])[k]) from generate_series(1, 17) k)::int % 11, 1)`;

  await em.transactional(async (tem) => {
    const conn = tem.getConnection();
    const ctx = tem.getTransactionContext();
    const run = (sql: string) => conn.execute(sql, [], 'run', ctx);
    const all = <T>(sql: string) => conn.execute<T[]>(sql, [], 'all', ctx);
    await run(`set local work_mem = '256MB'`);

    // The generator's own user, for the recorded-by and created-by columns: disabled, no usable password.
    await run(`insert into app_user (id, username, display_name, pooling_area, password_hash, status)
      values (${USER}, ${lit(`visit-gen-${area}-${seed}`.slice(0, 40))}, '访视数据生成', ${AREA}, '!', 'DISABLED') on conflict do nothing`);

    // Regions: the area's communities; a minimal tree when the area has none.
    await run(`insert into region (code, name, level, parent_code, pooling_area)
      select * from (values (${AREA}, '生成统筹区', 'CITY'::region_level, null::varchar, ${AREA}),
        (left(${AREA} || '0000', 4) || '99', '生成区', 'DISTRICT', ${AREA}, ${AREA}),
        (left(${AREA} || '0000', 4) || '99001', '生成街道', 'TOWN', left(${AREA} || '0000', 4) || '99', ${AREA}),
        (left(${AREA} || '0000', 4) || '99001001', '生成社区', 'VILLAGE', left(${AREA} || '0000', 4) || '99001', ${AREA})) r
      where not exists (select 1 from region where pooling_area = ${AREA} and level = 'VILLAGE')
      on conflict do nothing`);

    // The service catalogue, when the area has none yet.
    await conn.execute(
      `insert into catalogue_item (id, pooling_area, code, effective_from, name, category, minutes, default_price_fen, care_forms)
       select ${uid('catalogue', 'c.code')}, ${AREA}, c.code, date '2020-01-01', c.name, c.category, c.minutes, c.price, array['HOME','INSTITUTION','HOSPITAL']
         from jsonb_to_recordset(?::jsonb) as c(code text, name text, category text, minutes int, price int)
        where not exists (select 1 from catalogue_item where pooling_area = ${AREA})`,
      [JSON.stringify(DEMO_CATALOGUE.map((c) => ({ code: c.code, name: c.name, category: c.category, minutes: c.minutes, price: c.defaultPriceFen })))],
      'run',
      ctx,
    );
    // What the generated plans use: each item as in force on the month's first day.
    await run(`create temp table gen_item on commit drop as
      select distinct on (code) code, name, category, minutes, default_price_fen as price from catalogue_item
       where pooling_area = ${AREA} and effective_from <= ${MS} order by code, effective_from desc`);
    const missing = await all<{ code: string }>(
      `select c from unnest(${sqlArray([...DAILY_1, ...DAILY_2, ...WEEKLY_1, ...WEEKLY_2, SECOND_VISIT])}) c where c not in (select code from gen_item)`,
    );
    if (missing.length) throw new Error(`The catalogue of ${area} lacks ${missing.map((r) => Object.values(r)[0]).join(', ')}`);

    // Agencies, with valid unified credit codes, a contract for home care in force and a price schedule.
    const agencies = Array.from({ length: A }, (_, n) => {
      const first17 = `91${(area + '000000').slice(0, 6)}MA${String(seed % 1000).padStart(3, '0')}${String(n).padStart(4, '0')}`;
      return { n, creditCode: first17 + creditCodeCheckChar(first17) };
    });
    await conn.execute(
      `insert into agency (id, pooling_area, name, credit_code, kind, address, active)
       select ${uid('agency', 'a.n')}, ${AREA}, '生成居家护理服务中心' || (a.n + 1), a.credit_code, 'HOME_CARE', '生成地址' || (a.n + 1) || '号', true
         from jsonb_to_recordset(?::jsonb) as a(n int, credit_code text)
       on conflict do nothing`,
      [JSON.stringify(agencies.map((a) => ({ n: a.n, credit_code: a.creditCode })))],
      'run',
      ctx,
    );
    await run(`insert into contract (id, pooling_area, agency_id, care_forms, start_date, end_date, state)
      select ${uid('contract', 'n')}, ${AREA}, ${uid('agency', 'n')}, array['HOME','FAMILY','DEVICE'], ${MS} - interval '1 year', ${MS} + interval '2 years', 'APPROVED'
        from generate_series(0, ${A - 1}) n on conflict do nothing`);
    await run(`insert into price_schedule (id, pooling_area, contract_id, effective_from, item_prices, created_by_id)
      select ${uid('price', 'n')}, ${AREA}, ${uid('contract', 'n')}, ${MS} - interval '1 year',
             (select jsonb_object_agg(code, price) from gen_item), ${USER}
        from generate_series(0, ${A - 1}) n on conflict do nothing`);

    // Caregivers: agency n % A; a home base on a 10 × 10 grid (about 500 m apart) around the agency's centre.
    await run(`create temp table gen_caregiver on commit drop as
      select n, ${uid('caregiver', 'n')} as id, ${uid('agency', `n % ${A}`)} as agency_id,
             36.0 + (n % ${A} / 8) * 0.06 + (n / ${A} / 10 % 10) * 0.0045 as lat,
             120.2 + (n % ${A} % 8) * 0.07 + (n / ${A} % 10) * 0.0056 as lng
        from generate_series(0, ${C - 1}) n`);
    await run(`insert into caregiver (id, pooling_area, agency_id, name, id_number, birth_date, sex, qualification, level, certificate_no, certificate_expiry, training_hours, active)
      select g.id, ${AREA}, g.agency_id,
             (array['王','李','张','刘','陈','杨','赵','黄','周','吴'])[1 + ${rnd('g.n', 1, 10)}] || (array['丽','敏','静','芳','娟','霞','红','燕','军','伟'])[1 + ${rnd('g.n', 2, 10)}],
             f.first17 || ${idCheck('f.first17')}, b.birth, case when g.n % 5 = 0 then 'MALE' else 'FEMALE' end, 'ELDERLY_CARE', 4,
             'GEN' || ${seed} || '-' || g.n, ${MS} + interval '2 years', 120, true
        from gen_caregiver g
        cross join lateral (select date '1970-01-01' + (g.n / 500) as birth) b
        cross join lateral (select left(${AREA} || '0000', 4) || '8' || ${seed % 10} || to_char(b.birth, 'YYYYMMDD') || lpad(((g.n % 500) * 2 + case when g.n % 5 = 0 then 1 else 0 end)::text, 3, '0') as first17) f
      on conflict do nothing`);
    await run(`insert into employment (id, pooling_area, caregiver_id, agency_id, "from")
      select ${uid('employment', 'n')}, ${AREA}, id, agency_id, ${MS} - interval '1 year' from gen_caregiver on conflict do nothing`);

    // Beneficiaries: person n is looked after by caregiver n % C (of agency n % C % A) and lives within about
    // 350 m of the caregiver's base; the triggers of R02, R03, R06 and R09 are properties of people.
    await run(`create temp table gen_person on commit drop as
      select x.*, c.id as caregiver_id, c.agency_id, x.n % ${C} % ${A} as agency_n,
             c.lat + (${rnd('x.n', 10, 601)} - 300) * 0.00001 + case when x.n % 173 = 11 then 0.4 else 0 end as lat,
             c.lng + (${rnd('x.n', 11, 601)} - 300) * 0.000012 as lng
        from (select n, ${uid('person', 'n')} as id, ${uid('plan', 'n')} as plan_id, ${uid('version1', 'n')} as v1_id,
                     case when n % 89 = 1 then ${uid('version2', 'n')} end as v2_id, null::date as v2_from, 3 + n % 3 as level,
                     (${sqlArray(DAILY_1)})[1 + ${rnd('n', 12, DAILY_1.length)}] as d1,
                     (${sqlArray(DAILY_2)})[1 + ${rnd('n', 13, DAILY_2.length)}] as d2,
                     (${sqlArray(WEEKLY_1)})[1 + ${rnd('n', 14, WEEKLY_1.length)}] as w1,
                     (${sqlArray(WEEKLY_2)})[1 + ${rnd('n', 15, WEEKLY_2.length)}] as w2,
                     n % 53 = 3 as over_plan,
                     case when n % 307 = 7 then ${MS} + 19 end as died_on
                from generate_series(0, ${B - 1}) n) x
        join gen_caregiver c on c.n = x.n % ${C}`);
    // Each person's few possible item lists (first visit: the daily items, with the first one twice for over-plan
    // days, and a weekly item on its weekdays; a second visit: A25) with their standard minutes, built once here
    // rather than for each of the month's visits.
    await run(`alter table gen_person add items jsonb[], add std int[]`);
    await run(`update gen_person p set items = x.items, std = x.std
      from (select p.n, array_agg(jsonb_build_array(jsonb_build_object('code', p.d1, 'quantity', q.d1_q), jsonb_build_object('code', p.d2, 'quantity', 1))
                                  || case w.k when 1 then jsonb_build_array(jsonb_build_object('code', p.w1, 'quantity', 1))
                                              when 2 then jsonb_build_array(jsonb_build_object('code', p.w2, 'quantity', 1)) else '[]'::jsonb end
                                  order by q.d1_q, w.k) || jsonb_build_array(jsonb_build_object('code', '${SECOND_VISIT}', 'quantity', 1)) as items,
                   array_agg(m1.minutes * q.d1_q + m2.minutes + case w.k when 1 then mw1.minutes when 2 then mw2.minutes else 0 end order by q.d1_q, w.k)
                     || (select minutes from gen_item where code = '${SECOND_VISIT}') as std
              from gen_person p cross join (values (1), (2)) q(d1_q) cross join (values (0), (1), (2)) w(k)
              join gen_item m1 on m1.code = p.d1 join gen_item m2 on m2.code = p.d2 join gen_item mw1 on mw1.code = p.w1 join gen_item mw2 on mw2.code = p.w2
             group by p.n) x
      where x.n = p.n`);
    await run(`alter table gen_person add primary key (n)`);
    await run(`analyze gen_person (n)`);
    await run(`analyze gen_caregiver`);
    await run(`insert into insured_person (id, pooling_area, name, id_number, birth_date, sex, insurance_type, insured_since, status, date_of_death, address, longitude, latitude, region_code)
      select p.id, ${AREA},
             (array['王','李','张','刘','陈','杨','赵','黄','周','吴','徐','孙','马','胡','郭'])[1 + ${rnd('p.n', 20, 15)}]
               || (array['秀英','桂兰','建国','志强','玉珍','德明','淑芬','春生','美兰','振华','桂芳','国庆'])[1 + ${rnd('p.n', 21, 12)}],
             f.first17 || ${idCheck('f.first17')}, b.birth, case when p.n % 2 = 1 then 'MALE'::sex else 'FEMALE'::sex end,
             case when p.n % 3 = 0 then 'EMPLOYEE'::insurance_type else 'RESIDENT'::insurance_type end, date '2015-01-01',
             case when p.died_on is not null then 'DECEASED'::person_status else 'ACTIVE'::person_status end, p.died_on,
             '生成地址' || (p.n + 1) || '号', p.lng, p.lat, v.code
        from gen_person p
        cross join lateral (select date '1930-01-01' + (p.n / 500) as birth) b
        cross join lateral (select left(${AREA} || '0000', 4) || '9' || ${seed % 10} || to_char(b.birth, 'YYYYMMDD') || lpad(((p.n % 500) * 2 + p.n % 2)::text, 3, '0') as first17) f
        join (select code, row_number() over (order by code) - 1 as k, count(*) over () as cnt from region where pooling_area = ${AREA} and level = 'VILLAGE') v
          on v.k = p.n % v.cnt
      on conflict do nothing`);
    // A concluded assessment (the plan's conclusion) and the agency's client record.
    await run(`insert into assessment_application (id, pooling_area, person_id, type, applicant_name, applicant_relation, contact_phone, disability_declared, status, submitted_on, acceptance_due, accepted_at, confirmed_level, created_by_id)
      select ${uid('application', 'n')}, ${AREA}, id, 'FIRST', '家属', '子女', '13800000000', true, 'CONCLUDED', ${MS} - 90, ${MS} - 80, ${MS} - 89, level, ${USER}
        from gen_person on conflict do nothing`);
    await run(`insert into conclusion (id, pooling_area, person_id, application_id, level, qualifies, issued_on, effective_date, valid_until, status)
      select ${uid('conclusion', 'n')}, ${AREA}, id, ${uid('application', 'n')}, level, true, ${MS} - 60, ${MS} - 60, ${MS} + interval '2 years', 'IN_FORCE'
        from gen_person on conflict do nothing`);
    await run(`insert into agency_client (id, pooling_area, agency_id, person_id, since)
      select ${uid('client', 'n')}, ${AREA}, agency_id, id, ${MS} - 30 from gen_person on conflict do nothing`);
    await run(`insert into caregiver_assignment (id, pooling_area, agency_id, person_id, caregiver_id, role, since)
      select ${uid('assignment', 'n')}, ${AREA}, agency_id, id, caregiver_id, 'PRIMARY', ${MS} - 30 from gen_person on conflict do nothing`);

    // Approved home-care plans: five lines (two daily items, two items three times a week, A25 daily for a second
    // visit in a day). One person in 89 gets a second version from day 16 with the first weekly item cut to once
    // a week.
    await run(`insert into care_plan (id, pooling_area, person_id, agency_id, care_form, state, start_date, conclusion_id, requested_by_id, responded_by_id, responded_at)
      select plan_id, ${AREA}, id, agency_id, 'HOME', 'ACTIVE', ${MS} - 30, ${uid('conclusion', 'n')}, ${USER}, ${USER}, ${MS} - 29
        from gen_person on conflict do nothing`);
    await run(`create temp table gen_line on commit drop as
      select ${uid('line', `p.n * 16 + x.version * 8 + x.position`)} as id, p.n, x.version, x.version_id, x.position, i.code, i.name, i.category, x.times, x.per, i.price, i.minutes,
             case x.per when 'DAY' then x.times * 30 when 'WEEK' then ceil(x.times * 30 / 7.0)::int else x.times end as standard_units
        from gen_person p
        cross join lateral (values (1, p.v1_id, 1, p.d1, 1, 'DAY'), (1, p.v1_id, 2, p.d2, 1, 'DAY'), (1, p.v1_id, 3, p.w1, 3, 'WEEK'),
                                   (1, p.v1_id, 4, p.w2, 3, 'WEEK'), (1, p.v1_id, 5, '${SECOND_VISIT}', 1, 'DAY'),
                                   (2, p.v2_id, 1, p.d1, 1, 'DAY'), (2, p.v2_id, 2, p.d2, 1, 'DAY'), (2, p.v2_id, 3, p.w1, 1, 'WEEK'),
                                   (2, p.v2_id, 4, p.w2, 3, 'WEEK'), (2, p.v2_id, 5, '${SECOND_VISIT}', 1, 'DAY')) as x(version, version_id, position, code, times, per)
        join gen_item i on i.code = x.code
       where x.version_id is not null`);
    // Each version's planned standard month (30 days) at the demo defaults: HOME monthly caps by level, 75% fund.
    await run(`insert into care_plan_version (id, pooling_area, plan_id, number, state, conclusion_id, level, effective_from, effective_until, cost, submitted_by_id, submitted_at, decided_by_id, decided_at, created_by_id)
      select x.id, ${AREA}, p.plan_id, x.number, x.state, ${uid('conclusion', 'p.n')}, p.level, x.from_day, x.until_day,
             jsonb_build_object(
               'main', jsonb_build_object('form', 'HOME', 'entitlement', jsonb_build_object('kind', 'MONTHLY_AMOUNT', 'amountFen', c.cap, 'hoursPerWeek', null),
                 'fundRatioPercent', 75, 'grossFen', c.gross, 'capFen', c.cap, 'eligibleFen', c.eligible, 'fundFen', c.fund, 'copayFen', c.eligible - c.fund,
                 'excessFen', c.gross - c.eligible, 'minutes', c.minutes, 'entitledMinutes', null),
               'device', null, 'grossFen', c.gross, 'capFen', c.cap, 'fundFen', c.fund, 'copayFen', c.eligible - c.fund, 'excessFen', c.gross - c.eligible,
               'personFen', c.gross - c.fund),
             ${USER}, x.from_day - 1, ${USER}, x.from_day - 1, ${USER}
        from gen_person p
        cross join lateral (values (p.v1_id, 1, case when p.v2_id is null then 'APPROVED' else 'SUPERSEDED' end, ${MS} - 30, case when p.v2_id is not null then ${MS} + 14 end),
                                   (p.v2_id, 2, 'APPROVED', ${MS} + 15, null)) as x(id, number, state, from_day, until_day)
        join (select s.*, least(s.gross, s.cap) as eligible, (least(s.gross, s.cap) * 7500 + 5000) / 10000 as fund
                from (select l.version_id, sum(l.price * l.standard_units) as gross, sum(l.minutes * l.standard_units) as minutes,
                             (array[120000, 150000, 180000])[min(p.level) - 2] as cap
                        from gen_line l join gen_person p on p.n = l.n group by l.version_id) s) c on c.version_id = x.id
      on conflict do nothing`);
    await run(`insert into care_plan_line (id, pooling_area, plan_version_id, position, kind, code, name, category, times, per, unit_price_fen, minutes)
      select id, ${AREA}, version_id, position, 'ITEM', code, name, category, times, per, price, minutes from gen_line on conflict do nothing`);
    // The day the second version starts, as stored (a re-run for another month reuses the first run's versions).
    await run(`update gen_person p set v2_from = v.effective_from from care_plan_version v where v.id = p.v2_id`);

    // In-patient stays (R02).
    await run(`insert into hospital_stay (id, pooling_area, person_id, hospital, admitted_on, discharged_on, source, recorded_by_id)
      select ${uid('stay', 'n')}, ${AREA}, id, '青岛市立医院', ${MS} + 9, case when n % 422 = 5 then null else ${MS} + 13 end, 'IMPORT', ${USER}
        from gen_person where n % 211 = 5 on conflict do nothing`);

    // The month's visits. Visit i is on day d = i % days; r = i / days picks the caregiver (r % C) and the slot
    // (r / C); the slot's beneficiary is the caregiver's (slot + day) % nb-th person, so everybody is visited
    // every day and a sixth slot makes a second visit. First visits do the daily items (and a weekly item on two
    // fixed weekdays each); second visits do A25.
    //
    // Bulk load: when the month's partition is still empty, the rows go into a bare table of the same shape (no
    // indexes) that then replaces the empty partition: ATTACH PARTITION builds the indexes by sorting, much faster
    // than maintaining them row by row. A partition that already holds visits gets a plain INSERT. (The generated
    // partition keeps full pages: its visits are complete and will not be updated by a check-out.)
    await run(`select visit_ensure_partitions(${MS}, 1)`);
    const partition = `visit_${month.replace('-', '_')}`;
    // Locked before it is found empty, so that no visit recorded meanwhile goes with the partition it replaces.
    await run(`lock table ${partition} in access exclusive mode`);
    const [state] = await all<{ bound: string; empty: boolean }>(
      `select pg_get_expr(c.relpartbound, c.oid) as bound, not exists (select 1 from ${partition}) as empty from pg_class c where c.oid = '${partition}'::regclass`,
    );
    const bulk = state!.empty;
    const target = bulk ? 'visit_generated' : 'visit';
    if (bulk) await run(`create table visit_generated (like visit including defaults including constraints)`);
    // Built in stages; each stage ends in OFFSET 0, which keeps the planner from folding it into the next one and
    // so computes every value once per row instead of once per use.
    await run(`insert into ${target} (id, pooling_area, agency_id, caregiver_id, person_id, plan_id, plan_version_id, source, status, local_date, check_in_at,
        check_in_lat, check_in_lng, check_in_accuracy, check_out_at, check_out_lat, check_out_lng, check_out_accuracy, items, confirmation, confirmed_by,
        checked_in_recorded_at, recorded_at, recorded_by, void_reason, voided_by, voided_at)
      select ${uid(`visit:${month}`, 'i')}, ${AREA}, agency_id, caregiver_id, person_id, plan_id, plan_version_id,
             case when late then 'MANUAL' else 'DEVICE' end, status, (check_in_at at time zone 'Asia/Shanghai')::date, check_in_at,
             case when not no_gps then lat + 0.00002 * (${rnd('i', 31, 21)} - 10) + case when far_in then 0.004 else 0 end end,
             case when not no_gps then lng + 0.00002 * (${rnd('i', 32, 21)} - 10) end,
             case when not no_gps then 5 + ${rnd('i', 33, 45)} end,
             case when status <> 'OPEN' then check_out_at end,
             case when status <> 'OPEN' then lat + 0.00002 * (${rnd('i', 34, 21)} - 10) + case when far_out then 0.012 else 0 end end,
             case when status <> 'OPEN' then lng + 0.00002 * (${rnd('i', 35, 21)} - 10) end,
             case when status <> 'OPEN' then 5 + ${rnd('i', 36, 45)} end,
             case when status <> 'OPEN' then items else '[]'::jsonb end,
             case when status <> 'OPEN' and not unconfirmed then 'CARD_CODE' end,
             case when status <> 'OPEN' and not unconfirmed then '本人' end,
             case when late then recorded_at else check_in_at + interval '5 seconds' end,
             case when status <> 'OPEN' then recorded_at end, ${USER},
             case when status = 'VOID' then '录入错误' end, case when status = 'VOID' then ${USER} end,
             case when status = 'VOID' then recorded_at + interval '1 hour' end
        from (
          -- Times: the slot's start (the previous slot's plus 10 minutes for an overlap), a jitter of up to 5
          -- minutes, the items' standard minutes plus up to 8 (half of them for a short visit).
          select t.*, check_out_at + case when late then interval '1 hour' * (49 + ${rnd('i', 39, 72)}) else interval '1 second' * ${rnd('i', 40, 120)} end as recorded_at
            from (select w.*, check_in_at + interval '1 second' * case when short then std * 30 else std * 60 + ${rnd('i', 38, 480)} end as check_out_at
                    from (select v.*, ((${MS} + d) + time '08:00' + interval '1 minute' * (${SLOT_MINUTES} * (case when overlap then k - 1 else k end))) at time zone 'Asia/Shanghai'
                                      + case when overlap then interval '10 minutes' else interval '0' end + interval '1 second' * ${rnd('i', 37, 300)} as check_in_at
                            from (
          -- Items: first visits do the daily items (the first one twice every fourth day for over-plan people) and a
          -- weekly item on two fixed weekdays each (item lists 1–6 of the person); second visits do A25 (list 7).
          select u.*, item_lists[list] as items, std_lists[list] as std
            from (select u.*, case when first_visit then (d1_q - 1) * 3 + case when wd in (0, 3) then 1 when wd in (1, 5) then 2 else 0 end + 1 else 7 end as list
            from (
          select x.i, x.d, x.k, x.first_visit, x.taken_over, p.agency_id, c.id as caregiver_id, p.id as person_id, p.plan_id,
                 case when p.v2_id is not null and (${MS} + x.d) >= p.v2_from then p.v2_id else p.v1_id end as plan_version_id,
                 p.lat, p.lng, p.items as item_lists, p.std as std_lists,
                 case when p.over_plan and x.d % 4 = 0 then 2 else 1 end as d1_q, (x.d + p.n) % 7 as wd,
                 x.h % 500 = 0 and x.k >= 1 and not x.taken_over as overlap, x.h % 400 = 1 as far_out, x.h % 400 = 2 as far_in,
                 x.h % 700 = 3 as no_gps, x.h % 300 = 7 as short, x.h % 50 = 3 as unconfirmed, x.h % 250 = 5 as late,
                 case when x.h % 1000 = 9 then 'VOID' when x.h % 1000 = 11 and x.d = ${days - 1} then 'OPEN' else 'DONE' end as status
            from (
          -- Visit i: day d, caregiver c0 and slot k0; R08: caregiver c (1 in 131, not at the end of a grid row) takes
          -- slots 1–4 of the next caregiver of the same agency every fifth day, as its slots 6–9 (the last at 23:45).
          select i, d, k0 < greatest(nb, 1) as first_visit, taken_over, case when taken_over then k0 + 5 else k0 end as k,
                 case when taken_over then c0 - ${A} else c0 end as cn,
                 case when nb > 0 then c0 + ${C} * ((k0 + d) % nb) else c0 % ${B} end as pn, ${rnd('i', 30, 1_000_000)} as h
            from (select i, d, c0, k0, case when c0 < ${B} then (${B} - 1 - c0) / ${C} + 1 else 0 end as nb,
                         c0 >= ${A} and (c0 - ${A}) % 131 = 0 and (c0 - ${A}) / ${A} % 10 <> 9 and d % 5 = 2 and k0 between 1 and 4 as taken_over
                    from (select i, i % ${days} as d, i / ${days} % ${C} as c0, i / ${days} / ${C} as k0 from generate_series(0, ${V - 1}) g(i)) a
                  offset 0) b
          offset 0) x
          join gen_person p on p.n = x.pn
          join gen_caregiver c on c.n = x.cn
          offset 0) u) u
          offset 0) v
          offset 0) w
          offset 0) t
          offset 0) z
      ${bulk ? '' : 'on conflict do nothing'}`);
    if (bulk) {
      await run(`drop table ${partition}`);
      await run(`alter table visit_generated rename to ${partition}`);
      await run(`alter table visit attach partition ${partition} ${state!.bound}`);
      // An attached partition's rows fire no insert trigger: their ids go into visit_key here, in one statement.
      await run(`insert into visit_key (id, check_in_at, caregiver_id, pooling_area) select id, check_in_at, caregiver_id, pooling_area from ${partition}`);
    }
    await run(`analyze ${partition}`);
  });
  return { agencies: A, caregivers: C, beneficiaries: B, visits: V, ms: Math.round(performance.now() - started) };
}
