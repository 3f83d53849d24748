// A random month of an agency for settlement tests: the world is drawn once (with fast-check's `gen`), written
// into the tables with plain SQL, and stated as settleMonth's facts straight from the drawing, so that the SQL
// settlement and the TypeScript oracle are compared with each other, not through a shared reader of the tables.
//
// What it draws: a catalogue whose prices and minutes may change mid-month; the agency's contract (approved,
// suspended or terminated) with one or two price schedules, and a rejected contract whose prices must be ignored;
// entitlements of every kind (a month's amount, a day's amount, a week's hours) and fund ratios with halves; up to
// six beneficiaries with HOME, INSTITUTION, HOSPITAL, FAMILY or DEVICE plans of one to three versions (levels
// changing, starting or ending mid-month, overlapping, superseded before they began, drafts); items with daily,
// weekly and monthly frequencies and rented devices; visits on either side of Shanghai midnight at the month's
// ends, with quantities beyond the plan, items not in the plan, and findings of every status and action; stays
// with leave; recoveries; and another agency's plan and visits that must not appear.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { creditCodeCheckChar, residentIdCheckChar } from '../../server/src/shared/identifiers.ts';
import { localDate } from '../../server/src/shared/clock.ts';
import { addDays } from '../../server/src/shared/dates.ts';
import type { BenefitSettings, Entitlement } from '../../server/src/careplan/careplan.rules.ts';
import type { CareForm } from '../../server/src/providers/catalogue.ts';
import { daysInMonth, type BillPlanLine, type MonthFacts } from '../../server/src/billing/billing.rules.ts';
import type { RuleCode } from '../../server/src/visits/visits.rules.ts';

type Gen = fc.GeneratorValue;
type Sql = <T = any>(q: string, params?: unknown[]) => Promise<T[]>;

const CODES = ['A01', 'A05', 'A11', 'A27', 'B02', 'C01'];
const BILLING_STATES = ['APPROVED', 'SUPERSEDED', 'ENDED'];
const CONTRACT_BILLING = ['APPROVED', 'SUSPENDED', 'TERMINATED'];

interface Version {
  id: string;
  number: number;
  state: string;
  level: number;
  from: string;
  until: string | null;
  lines: BillPlanLine[];
}
interface Plan {
  id: string;
  agencyId: string;
  personId: string;
  form: CareForm;
  versions: Version[];
  stays: { id: string; admittedOn: string; dischargedOn: string | null; leaves: { from: string; to: string }[] }[];
}
interface Visit {
  id: string;
  agencyId: string;
  personId: string;
  planId: string;
  planVersionId: string;
  checkInAt: string;
  checkOutAt: string;
  status: 'DONE' | 'VOID' | 'OPEN';
  items: { code: string; quantity: number }[];
  findings: { rule: RuleCode; action: 'DEDUCT' | 'FLAG'; status: 'OPEN' | 'CONFIRMED' | 'DISMISSED' }[];
}
interface Contract {
  id: string;
  agencyId: string;
  state: string;
  from: string;
  to: string;
  schedules: { id: string; effectiveFrom: string; itemPrices: Record<string, number>; dayRates: Record<string, Record<string, number>> }[];
}

export interface World {
  area: string;
  month: string;
  agencyId: string;
  otherAgencyId: string;
  userId: string;
  benefits: Pick<BenefitSettings, 'forms'>;
  deductOpenFindings: boolean;
  catalogue: { code: string; effectiveFrom: string; defaultPriceFen: number; minutes: number }[];
  contracts: Contract[];
  persons: string[];
  plans: Plan[];
  visits: Visit[];
  violations: { id: string; date: string; recoverFen: number }[];
}

let areaSeq = 0;
let personSeq = 0;

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant from a Shanghai wall-clock time on `day` (may be outside the month). */
function shanghai(day: string, hour: number, minute: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!, hour - 8, minute)).toISOString();
}

function entitlement(g: Gen, form: CareForm): Entitlement | undefined {
  const kind = g(fc.constantFrom, ...(form === 'HOME' ? ['MONTHLY_AMOUNT', 'DAILY_AMOUNT', 'WEEKLY_HOURS', 'NONE'] : ['MONTHLY_AMOUNT', 'DAILY_AMOUNT', 'NONE']));
  if (kind === 'NONE') return undefined;
  if (kind === 'MONTHLY_AMOUNT') return { kind, amountFen: g(fc.integer, { min: 1, max: 250_000 }), hoursPerWeek: null };
  if (kind === 'DAILY_AMOUNT') return { kind, amountFen: g(fc.integer, { min: 1, max: 9_000 }), hoursPerWeek: null };
  return { kind: 'WEEKLY_HOURS', amountFen: null, hoursPerWeek: g(fc.integer, { min: 1, max: 14 }) / 2 };
}

/** Draws a world. */
export function drawWorld(g: Gen): World {
  const month = g(fc.constantFrom, '2024-02', '2026-02', '2026-04', '2026-03', '2026-11', '2025-12');
  const dim = daysInMonth(month);
  const first = `${month}-01`;
  const last = `${month}-${pad(dim)}`;
  const day = (min: number, max: number) => addDays(first, g(fc.integer, { min, max }));
  const area = `39${String(++areaSeq).padStart(4, '0')}`;
  const agencyId = randomUUID();
  const otherAgencyId = randomUUID();

  const catalogue = CODES.flatMap((code) => {
    const v1 = { code, effectiveFrom: '2020-01-01', defaultPriceFen: g(fc.integer, { min: 300, max: 6_000 }), minutes: g(fc.integer, { min: 5, max: 45 }) };
    return g(fc.boolean) ? [v1] : [v1, { code, effectiveFrom: day(1, dim - 1), defaultPriceFen: g(fc.integer, { min: 300, max: 6_000 }), minutes: g(fc.integer, { min: 5, max: 45 }) }];
  });
  const prices = () => Object.fromEntries(CODES.filter(() => g(fc.boolean)).map((c) => [c, g(fc.integer, { min: 300, max: 7_000 })]));
  const rates = () => ({
    INSTITUTION: Object.fromEntries(['3', '4', '5'].filter(() => g(fc.boolean)).map((l) => [l, g(fc.integer, { min: 2_000, max: 12_000 })])),
    HOSPITAL: Object.fromEntries(['3', '4', '5'].filter(() => g(fc.boolean)).map((l) => [l, g(fc.integer, { min: 8_000, max: 20_000 })])),
  });
  const contractEnd = g(fc.boolean) ? day(40, 400) : day(0, dim - 1);
  const schedules = [{ id: randomUUID(), effectiveFrom: day(-300, -1), itemPrices: prices(), dayRates: rates() }];
  if (g(fc.boolean)) schedules.push({ id: randomUUID(), effectiveFrom: day(1, dim - 1), itemPrices: prices(), dayRates: rates() });
  const contracts: Contract[] = [
    { id: randomUUID(), agencyId, state: g(fc.constantFrom, 'APPROVED', 'APPROVED', 'SUSPENDED', 'TERMINATED'), from: day(-400, -1), to: contractEnd, schedules },
    // Never priced from: a rejected application with prices of its own.
    { id: randomUUID(), agencyId, state: 'REJECTED', from: day(-30, -1), to: day(60, 90), schedules: [{ id: randomUUID(), effectiveFrom: day(-20, -1), itemPrices: Object.fromEntries(CODES.map((c) => [c, 99_999])), dayRates: {} }] },
    { id: randomUUID(), agencyId: otherAgencyId, state: 'APPROVED', from: day(-400, -1), to: day(60, 90), schedules: [{ id: randomUUID(), effectiveFrom: day(-300, -1), itemPrices: prices(), dayRates: rates() }] },
  ];

  const forms = Object.fromEntries(
    (['HOME', 'INSTITUTION', 'HOSPITAL', 'FAMILY', 'DEVICE'] as CareForm[]).map((form) => [
      form,
      {
        fundRatioPercent: g(fc.constantFrom, 70, 75, 80, 87.5, 90, 100, 33.33),
        levels: Object.fromEntries(['3', '4', '5'].map((l) => [l, entitlement(g, form)]).filter(([, e]) => e)),
      },
    ]),
  ) as BenefitSettings['forms'];

  const persons = Array.from({ length: g(fc.integer, { min: 1, max: 6 }) }, () => randomUUID());
  const plans: Plan[] = [];
  const visits: Visit[] = [];
  const itemLines = (): BillPlanLine[] => {
    const codes = CODES.filter(() => g(fc.integer, { min: 0, max: 2 }) === 0);
    return codes.map((code) => ({ kind: 'ITEM', code, times: g(fc.integer, { min: 1, max: 3 }), per: g(fc.constantFrom, 'DAY', 'WEEK', 'MONTH'), unitPriceFen: 1 }));
  };
  const deviceLines = (): BillPlanLine[] =>
    g(fc.integer, { min: 0, max: 2 }) === 0 ? [{ kind: 'DEVICE', code: 'WHEELCHAIR', times: 1, per: 'MONTH', unitPriceFen: g(fc.integer, { min: 1_000, max: 16_000 }) }] : [];
  const versionsOf = (form: CareForm): Version[] => {
    const n = g(fc.integer, { min: 1, max: 3 });
    const out: Version[] = [];
    let from = day(-40, dim - 1);
    for (let i = 0; i < n; i++) {
      const until = i === n - 1 && g(fc.boolean) ? null : day(-5, dim + 5);
      out.push({
        id: randomUUID(),
        number: i + 1,
        state: g(fc.constantFrom, 'APPROVED', 'SUPERSEDED', 'ENDED', 'APPROVED', 'DRAFT'),
        level: g(fc.integer, { min: 3, max: 5 }),
        from,
        until,
        lines: form === 'HOME' ? [...itemLines(), ...deviceLines()] : form === 'DEVICE' ? deviceLines() : form === 'FAMILY' ? deviceLines() : [],
      });
      // The next version starts the day after (or, now and then, overlaps).
      from = until ? addDays(until, g(fc.constantFrom, 1, 1, 1, -3)) : day(0, dim - 1);
    }
    return out;
  };

  const visitsFor = (plan: Plan, count: number) => {
    for (let i = 0; i < count; i++) {
      const d = day(-1, dim);
      const hour = g(fc.constantFrom, 0, 7, 9, 14, 20, 23);
      const checkInAt = shanghai(d, hour, g(fc.integer, { min: 0, max: 59 }));
      const codes = CODES.filter(() => g(fc.integer, { min: 0, max: 2 }) === 0);
      const rules = (['R01', 'R02', 'R03', 'R04', 'R05', 'R06', 'R07'] as RuleCode[]).filter(() => g(fc.integer, { min: 0, max: 7 }) === 0);
      visits.push({
        id: randomUUID(),
        agencyId: plan.agencyId,
        personId: plan.personId,
        planId: plan.id,
        planVersionId: g(fc.constantFrom, ...plan.versions.map((v) => v.id)),
        checkInAt,
        checkOutAt: new Date(Date.parse(checkInAt) + g(fc.integer, { min: 10, max: 120 }) * 60_000).toISOString(),
        status: g(fc.constantFrom, 'DONE', 'DONE', 'DONE', 'DONE', 'DONE', 'VOID', 'OPEN'),
        items: codes.map((code) => ({ code, quantity: g(fc.integer, { min: 1, max: 3 }) })),
        findings: rules.map((rule) => ({ rule, action: g(fc.constantFrom, 'DEDUCT', 'FLAG'), status: g(fc.constantFrom, 'OPEN', 'CONFIRMED', 'DISMISSED') })),
      });
    }
  };

  for (const personId of persons) {
    const form = g(fc.constantFrom, 'HOME', 'HOME', 'HOME', 'INSTITUTION', 'HOSPITAL', 'FAMILY', 'DEVICE') as CareForm;
    const plan: Plan = { id: randomUUID(), agencyId, personId, form, versions: versionsOf(form), stays: [] };
    plans.push(plan);
    if (form === 'HOME') visitsFor(plan, g(fc.integer, { min: 0, max: 14 }));
    if (form === 'INSTITUTION' || form === 'HOSPITAL') {
      for (let s = g(fc.integer, { min: 0, max: 2 }); s > 0; s--) {
        const admittedOn = day(-10, dim - 1);
        const dischargedOn = g(fc.boolean) ? null : addDays(admittedOn, g(fc.integer, { min: 1, max: 25 }));
        const leaves = g(fc.boolean) ? [] : [{ from: addDays(admittedOn, 1), to: addDays(admittedOn, g(fc.integer, { min: 1, max: 4 })) }];
        plan.stays.push({ id: randomUUID(), admittedOn, dischargedOn, leaves });
      }
    }
    if (g(fc.integer, { min: 0, max: 3 }) === 0) plans.push({ id: randomUUID(), agencyId, personId, form: 'DEVICE', versions: versionsOf('DEVICE'), stays: [] });
  }
  // Another agency serves the first person too: none of it may appear in this agency's claim.
  const other: Plan = { id: randomUUID(), agencyId: otherAgencyId, personId: persons[0]!, form: 'HOME', versions: versionsOf('HOME'), stays: [] };
  plans.push(other);
  visitsFor(other, 3);

  const violations = Array.from({ length: g(fc.integer, { min: 0, max: 2 }) }, () => ({ id: randomUUID(), date: day(-20, dim + 3), recoverFen: g(fc.integer, { min: 0, max: 40_000 }) }));
  return { area, month, agencyId, otherAgencyId, userId: randomUUID(), benefits: { forms }, deductOpenFindings: g(fc.boolean), catalogue, contracts, persons, plans, visits, violations };
}

/** The world as settleMonth's facts for its agency, computed from the drawing alone. */
export function factsOf(w: World): MonthFacts {
  const dim = daysInMonth(w.month);
  const first = `${w.month}-01`;
  const last = `${w.month}-${pad(dim)}`;
  const mine = w.plans.filter((p) => p.agencyId === w.agencyId);
  const cover: MonthFacts['cover'] = [];
  for (const p of mine) {
    for (const v of p.versions) {
      if (!BILLING_STATES.includes(v.state) || v.from > last || (v.until !== null && (v.until < first || v.until < v.from))) continue;
      const to = v.until === null || v.until > last ? last : v.until;
      for (let d = v.from < first ? first : v.from; d <= to; d = addDays(d, 1)) {
        cover.push({ personId: p.personId, form: p.form, day: d, level: v.level, planId: p.id, planVersionId: v.id, versionFrom: v.from });
      }
    }
  }
  return {
    month: w.month,
    benefits: w.benefits,
    deductOpenFindings: w.deductOpenFindings,
    cover,
    visits: w.visits
      .filter((v) => v.agencyId === w.agencyId && v.status === 'DONE' && localDate(new Date(v.checkInAt)).startsWith(w.month))
      .map((v) => ({ id: v.id, personId: v.personId, planId: v.planId, planVersionId: v.planVersionId, checkInAt: v.checkInAt, day: localDate(new Date(v.checkInAt)), items: v.items, findings: v.findings })),
    lines: Object.fromEntries(mine.flatMap((p) => p.versions.map((v) => [v.id, v.lines]))),
    prices: w.contracts
      .filter((k) => k.agencyId === w.agencyId && CONTRACT_BILLING.includes(k.state))
      .flatMap((k) => k.schedules.map((s) => ({ effectiveFrom: s.effectiveFrom, contractFrom: k.from, contractTo: k.to, itemPrices: s.itemPrices, dayRates: s.dayRates }))),
    catalogue: w.catalogue,
    stays: mine.flatMap((p) => (p.form === 'INSTITUTION' || p.form === 'HOSPITAL' ? p.stays.map((s) => ({ ...s, personId: p.personId, form: p.form })) : [])),
    recoveries: w.violations.filter((v) => v.recoverFen > 0 && v.date <= last).map((v) => ({ violationId: v.id, amountFen: v.recoverFen })),
    releases: [],
    carried: [],
  };
}

const json = (x: unknown) => JSON.stringify(x);

/** Writes the world into the tables (a pooling area of its own). */
export async function insertWorld(sql: Sql, w: World): Promise<void> {
  const A = w.area;
  const village = `${A.slice(0, 4)}99001001`;
  await sql(`insert into app_user (id, username, display_name, pooling_area, password_hash, status) values (?, ?, '结算测试', ?, '!', 'DISABLED')`, [w.userId, `billing-${A}`, A]);
  await sql(
    `insert into region (code, name, level, parent_code, pooling_area) values (?, '测试区', 'CITY', null, ?), (?, '测试县', 'DISTRICT', ?, ?), (?, '测试镇', 'TOWN', ?, ?), (?, '测试村', 'VILLAGE', ?, ?) on conflict do nothing`,
    [A, A, `${A.slice(0, 4)}99`, A, A, `${A.slice(0, 4)}99001`, `${A.slice(0, 4)}99`, A, village, `${A.slice(0, 4)}99001`, A],
  );
  for (const c of w.catalogue) {
    await sql(`insert into catalogue_item (id, pooling_area, code, effective_from, name, category, minutes, default_price_fen, care_forms) values (?, ?, ?, ?, ?, ?, ?, ?, array['HOME'])`, [
      randomUUID(), A, c.code, c.effectiveFrom, `项目${c.code}`, c.code[0], c.minutes, c.defaultPriceFen,
    ]);
  }
  for (const [i, id] of [w.agencyId, w.otherAgencyId].entries()) {
    const first17 = `91${A}MA${String(areaSeq % 1000).padStart(3, '0')}${String(i).padStart(4, '0')}`;
    await sql(`insert into agency (id, pooling_area, name, credit_code, kind, address, active) values (?, ?, ?, ?, 'HOME_CARE', '测试地址', true)`, [id, A, `测试机构${i}`, first17 + creditCodeCheckChar(first17)]);
  }
  for (const k of w.contracts) {
    await sql(`insert into contract (id, pooling_area, agency_id, care_forms, start_date, end_date, state) values (?, ?, ?, array['HOME','INSTITUTION','HOSPITAL','FAMILY','DEVICE'], ?, ?, ?)`, [k.id, A, k.agencyId, k.from, k.to, k.state]);
    for (const s of k.schedules) {
      await sql(`insert into price_schedule (id, pooling_area, contract_id, effective_from, item_prices, day_rates, created_by_id) values (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)`, [s.id, A, k.id, s.effectiveFrom, json(s.itemPrices), json(s.dayRates), w.userId]);
    }
  }
  for (const id of w.persons) {
    const birth = addDays('1930-01-01', personSeq++ % 20_000).replace(/-/g, '');
    const first17 = `${A.slice(0, 4)}99${birth}${String(personSeq % 500 * 2 + 1).padStart(3, '0')}`;
    await sql(
      `insert into insured_person (id, pooling_area, name, id_number, birth_date, sex, insurance_type, insured_since, status, address, longitude, latitude, region_code)
       values (?, ?, '测试参保人', ?, ?, 'MALE', 'RESIDENT', '2015-01-01', 'ACTIVE', '测试地址', 120.3, 36.0, ?)`,
      [id, A, first17 + residentIdCheckChar(first17), `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`, village],
    );
    await sql(
      `insert into assessment_application (id, pooling_area, person_id, type, applicant_name, applicant_relation, contact_phone, disability_declared, status, submitted_on, acceptance_due, accepted_at, confirmed_level, created_by_id)
       values (?, ?, ?, 'FIRST', '家属', '子女', '13800000000', true, 'CONCLUDED', '2020-01-01', '2020-01-10', '2020-01-02', 4, ?)`,
      [id, A, id, w.userId],
    );
    await sql(`insert into conclusion (id, pooling_area, person_id, application_id, level, qualifies, issued_on, effective_date, valid_until, status) values (?, ?, ?, ?, 4, true, '2020-01-01', '2020-01-01', '2030-01-01', 'IN_FORCE')`, [id, A, id, id]);
  }
  for (const p of w.plans) {
    await sql(`insert into care_plan (id, pooling_area, person_id, agency_id, care_form, state, start_date, conclusion_id, requested_by_id) values (?, ?, ?, ?, ?, 'ACTIVE', '2020-01-01', ?, ?)`, [p.id, A, p.personId, p.agencyId, p.form, p.personId, w.userId]);
    for (const v of p.versions) {
      await sql(
        `insert into care_plan_version (id, pooling_area, plan_id, number, state, conclusion_id, level, effective_from, effective_until, cost, created_by_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, '{}'::jsonb, ?)`,
        [v.id, A, p.id, v.number, v.state, p.personId, v.level, v.from, v.until, w.userId],
      );
      for (const [i, l] of v.lines.entries()) {
        await sql(`insert into care_plan_line (id, pooling_area, plan_version_id, position, kind, code, name, category, times, per, unit_price_fen, minutes) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`, [
          randomUUID(), A, v.id, i + 1, l.kind, l.code, l.code, l.kind === 'ITEM' ? l.code[0] : null, l.times, l.per, l.unitPriceFen,
        ]);
      }
    }
    for (const s of p.stays) {
      await sql(`insert into care_stay (id, pooling_area, plan_id, agency_id, person_id, admitted_on, discharged_on, leaves, recorded_by_id) values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)`, [
        s.id, A, p.id, p.agencyId, p.personId, s.admittedOn, s.dischargedOn, json(s.leaves.map((l) => ({ ...l, reason: null }))), w.userId,
      ]);
    }
  }
  await sql(`select visit_ensure_partitions((?::date - interval '1 month')::date, 3)`, [`${w.month}-01`]);
  for (const v of w.visits) {
    const day = localDate(new Date(v.checkInAt));
    await sql(
      `insert into visit (id, pooling_area, agency_id, caregiver_id, person_id, plan_id, plan_version_id, source, status, local_date, check_in_at, check_out_at, items, recorded_by, recorded_at)
       values (?, ?, ?, ?, ?, ?, ?, 'DEVICE', ?, ?, ?, ?, ?::jsonb, ?, ?)`,
      [v.id, A, v.agencyId, randomUUID(), v.personId, v.planId, v.planVersionId, v.status, day, v.checkInAt, v.status === 'OPEN' ? null : v.checkOutAt, json(v.items), w.userId, v.checkOutAt],
    );
    for (const f of v.findings) {
      await sql(
        `insert into visit_finding (id, pooling_area, visit_id, visit_at, month, agency_id, person_id, caregiver_id, rule, action, key, evidence, summary, status)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '{}'::jsonb, '测试', ?)`,
        [randomUUID(), A, v.id, v.checkInAt, `${day.slice(0, 7)}-01`, v.agencyId, v.personId, randomUUID(), f.rule, f.action, f.status],
      );
    }
  }
  for (const x of w.violations) {
    await sql(`insert into violation (id, pooling_area, agency_id, date, rule, recover_fen, penalty_fen, action, recorded_by_id) values (?, ?, ?, ?, '测试违规', ?, 0, 'WARNING', ?)`, [x.id, A, w.agencyId, x.date, x.recoverFen, w.userId]);
  }
}
