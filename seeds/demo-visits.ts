// Demo caregivers' rounds: who looks after whom (the demo caregiver has beneficiaries of her own), the beneficiaries'
// cards whose code confirms a visit, and the last weeks of visits under the plans in force — mostly in order, with an
// example of every audit rule — and their findings, found by the same rules the server runs.
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Caregiver } from '../server/src/providers/providers.entity.ts';
import { CarePlan, CarePlanVersion } from '../server/src/careplan/careplan.entity.ts';
import { User } from '../server/src/identity/user.entity.ts';
import { InsuredPerson } from '../server/src/people/insured-person.entity.ts';
import { PeopleService } from '../server/src/people/people.service.ts';
import { AuditTrail } from '../server/src/audit/audit.service.ts';
import { actorOf } from '../server/src/identity/auth.service.ts';
import { BeneficiaryCard, CaregiverAssignment, HospitalStay } from '../server/src/visits/visits.entity.ts';
import { hashCardCode } from '../server/src/visits/visits.service.ts';
import { auditMonth, dayOf, DEFAULT_VISIT_SETTINGS, findingKey, type VisitFacts } from '../server/src/visits/visits.rules.ts';
import { unitsPerMonth } from '../server/src/careplan/careplan.rules.ts';
import { prng } from './demo-people.ts';

/** The code printed on every demo beneficiary's card (demo only; real cards get a random code, shown once). */
export const DEMO_CARD_CODE = '246810';

const DAY_MS = 86_400_000;
/** 09:00 in Shanghai on a day, plus minutes. */
const shanghai = (day: string, minutes: number) => new Date(Date.parse(`${day}T09:00:00+08:00`) + minutes * 60_000);
const north = (p: { lat: number; lng: number }, metres: number) => ({ lat: p.lat + metres / 111_195, lng: p.lng });

interface Row {
  id: string;
  agency: string;
  caregiver: string;
  person: string;
  plan: string;
  version: string;
  inAt: Date;
  outAt: Date;
  inPos: { lat: number; lng: number };
  outPos: { lat: number; lng: number };
  items: { code: string; quantity: number }[];
  confirmation: string | null;
  confirmedBy: string | null;
  recordedAt: Date;
  source: 'DEVICE' | 'MANUAL';
}

export async function seedDemoVisits(em: EntityManager, poolingArea: string): Promise<void> {
  const plans = await em.find(CarePlan, { poolingArea, state: 'ACTIVE', careForm: 'HOME' }, { populate: ['person', 'agency'], orderBy: { createdAt: 'asc' } });
  const caregivers = await em.find(Caregiver, { poolingArea, active: true }, { orderBy: { createdAt: 'asc' } });
  const officer = await em.findOneOrFail(User, { username: 'officer' }, { populate: ['grants', 'grants.agency', 'grants.assessmentOrg'] });
  const byAgency = new Map<string, Caregiver[]>();
  for (const c of caregivers) if (c.agency) byAgency.set(c.agency.id, [...(byAgency.get(c.agency.id) ?? []), c]);
  const now = new Date();
  const today = dayOf(now.toISOString());
  const rand = prng(8);
  const rows: Row[] = [];
  const primaries = new Map<string, Caregiver>();
  const busyUntil = new Map<string, number>();
  for (const [i, plan] of plans.entries()) {
    const staff = (byAgency.get(plan.agency.id) ?? []).filter((c) => c.certificateExpiry >= today);
    if (!staff.length) continue;
    // The demo caregiver (linked to a sign-in) is the primary of her agency's plans; others rotate.
    const own = staff.find((c) => c.user !== null);
    const primary = own ?? staff[i % staff.length]!;
    const substitute = staff.find((c) => c !== primary && c.id !== own?.id) ?? null;
    primaries.set(plan.id, primary);
    em.create(CaregiverAssignment, { id: randomUUID(), poolingArea, agency: plan.agency, person: plan.person, caregiver: primary, role: 'PRIMARY', since: plan.startDate });
    if (substitute) em.create(CaregiverAssignment, { id: randomUUID(), poolingArea, agency: plan.agency, person: plan.person, caregiver: substitute, role: 'SUBSTITUTE', since: plan.startDate });
    em.create(BeneficiaryCard, { personId: plan.person.id, poolingArea, codeHash: hashCardCode(plan.person.id, DEMO_CARD_CODE) });

    // A visit a day since the plan took effect (up to yesterday), the daily items and the weekly ones in turn.
    const version = await em.findOne(CarePlanVersion, { plan: plan.id, state: 'APPROVED', effectiveUntil: null }, { orderBy: { number: 'desc' } });
    if (!version?.effectiveFrom || version.effectiveFrom >= today) continue;
    const lines = await em.getConnection().execute<{ code: string; times: number; per: 'DAY' | 'WEEK' | 'MONTH'; minutes: number }[]>(
      `select code, times, per, minutes from care_plan_line where plan_version_id = ? and kind = 'ITEM' order by position`,
      [version.id],
    );
    const home = plan.person.latitude !== null && plan.person.longitude !== null ? { lat: plan.person.latitude, lng: plan.person.longitude } : { lat: 36.07, lng: 120.38 };
    const start = Date.parse(`${version.effectiveFrom}T00:00:00Z`);
    for (let d = 0; start + d * DAY_MS < Date.parse(`${today}T00:00:00Z`); d++) {
      const day = new Date(start + d * DAY_MS).toISOString().slice(0, 10);
      const items = lines.filter((l) => l.per === 'DAY' || (l.per === 'WEEK' && (d + l.code.charCodeAt(2)) % Math.max(1, Math.round(7 / l.times)) === 0) || (l.per === 'MONTH' && d % 15 === 0)).map((l) => ({ code: l.code, quantity: 1 }));
      if (!items.length) continue;
      const minutes = items.reduce((sum, it) => sum + (lines.find((l) => l.code === it.code)?.minutes ?? 0), 0);
      const bySubstitute = d % 7 === 6 && substitute !== null;
      const who = (bySubstitute ? substitute! : primary).id;
      // One caregiver's visits of a day follow one another with 20 to 30 minutes between them.
      const free = busyUntil.get(`${who}|${day}`) ?? shanghai(day, 0).getTime();
      const begin = new Date(free + (20 + Math.floor(rand() * 10)) * 60_000);
      const jitter = () => north(home, rand() * 60);
      busyUntil.set(`${who}|${day}`, begin.getTime() + (minutes + 15) * 60_000);
      rows.push({
        id: randomUUID(),
        agency: plan.agency.id,
        caregiver: who,
        person: plan.person.id,
        plan: plan.id,
        version: version.id,
        inAt: begin,
        outAt: new Date(begin.getTime() + (minutes + 5 + Math.floor(rand() * 10)) * 60_000),
        inPos: jitter(),
        outPos: jitter(),
        items,
        confirmation: 'SIGNATURE',
        confirmedBy: plan.person.name,
        recordedAt: new Date(begin.getTime() + (minutes + 16) * 60_000),
        source: 'DEVICE',
      });
    }
  }
  await em.flush();

  // An example of every rule, on the demo caregiver's own visits where the rule allows.
  const mine = rows.filter((r) => caregivers.find((c) => c.id === r.caregiver)?.user !== null);
  const sample = (mine.length >= 12 ? mine : rows).slice(-12);
  if (sample.length >= 12) {
    const [r01, r02, r04, r05, r06, r07, r08, r09, r10] = sample;
    // R01: a second visit of the same caregiver starting in the middle of another.
    rows.push({ ...r01!, id: randomUUID(), person: r01!.person, inAt: new Date(r01!.inAt.getTime() + 10 * 60_000), outAt: new Date(r01!.outAt.getTime() + 10 * 60_000) });
    // R02: the beneficiary was in hospital that day.
    em.create(HospitalStay, { id: randomUUID(), poolingArea, person: em.getReference(InsuredPerson, r02!.person), hospital: '青岛市市立医院', admittedOn: dayOf(new Date(r02!.inAt.getTime() - 2 * DAY_MS).toISOString()), dischargedOn: dayOf(new Date(r02!.inAt.getTime() + 2 * DAY_MS).toISOString()), source: 'IMPORT', recordedBy: officer });
    // R04: checked out 1.2 km away.
    r04!.outPos = north(r04!.outPos, 1200);
    // R05: left after ten minutes.
    r05!.outAt = new Date(r05!.inAt.getTime() + 10 * 60_000);
    // R06: one item done three times over (beyond the plan's month).
    r06!.items = [{ code: r06!.items[0]!.code, quantity: 10 }];
    r06!.outAt = new Date(r06!.inAt.getTime() + 240 * 60_000);
    // R07: no confirmation.
    r07!.confirmation = null;
    r07!.confirmedBy = null;
    // R08: nine visits in a day for one caregiver (short, back to back, on other beneficiaries' names is not
    // possible; the same beneficiary's extra rounds).
    for (let k = 1; k <= 8; k++) {
      const at = new Date(r08!.outAt.getTime() + k * 50 * 60_000);
      rows.push({ ...r08!, id: randomUUID(), inAt: at, outAt: new Date(at.getTime() + 40 * 60_000), recordedAt: new Date(at.getTime() + 41 * 60_000) });
    }
    // R09: the next visit 15 km away only 10 minutes later.
    const away = new Date(r09!.outAt.getTime() + 10 * 60_000);
    rows.push({ ...r09!, id: randomUUID(), inAt: away, outAt: new Date(away.getTime() + 40 * 60_000), inPos: north(r09!.outPos, 15_000), outPos: north(r09!.outPos, 15_000), recordedAt: new Date(away.getTime() + 41 * 60_000) });
    // R10: entered by the agency three days later.
    r10!.recordedAt = new Date(r10!.outAt.getTime() + 3 * DAY_MS);
    r10!.source = 'MANUAL';
  }
  await em.flush();
  if (!rows.length) return;

  // R03: a beneficiary of another caregiver died five days ago; the visits recorded after that day (before the
  // death was known) are found. Recording the death ends the plan, as it does in use.
  const others = rows.filter((r) => caregivers.find((c) => c.id === r.caregiver)?.user === null);
  const dead = others.at(-1)?.person;

  // Store the visits (partitions for the months they fall in), then their findings.
  const conn = em.getConnection();
  const months = [...new Set(rows.map((r) => dayOf(r.inAt.toISOString()).slice(0, 7)))];
  for (const m of months) await conn.execute(`select visit_ensure_partitions(?::date, 1)`, [`${m}-01`]);
  for (let k = 0; k < rows.length; k += 500) {
    const chunk = rows.slice(k, k + 500);
    await conn.execute(
      `insert into visit (id, pooling_area, agency_id, caregiver_id, person_id, plan_id, plan_version_id, source, status, local_date, check_in_at, check_in_lat, check_in_lng, check_in_accuracy,
         check_out_at, check_out_lat, check_out_lng, check_out_accuracy, items, confirmation, confirmed_by, checked_in_recorded_at, recorded_at, recorded_by)
       values ${chunk.map(() => `(?, '${poolingArea}', ?, ?, ?, ?, ?, ?, 'DONE', ?, ?, ?, ?, 8, ?, ?, ?, 8, ?::jsonb, ?, ?, ?, ?, ?)`).join(', ')}`,
      chunk.flatMap((r) => [r.id, r.agency, r.caregiver, r.person, r.plan, r.version, r.source, dayOf(r.inAt.toISOString()), r.inAt, r.inPos.lat, r.inPos.lng, r.outAt, r.outPos.lat, r.outPos.lng, JSON.stringify(r.items), r.confirmation, r.confirmedBy, r.inAt, r.recordedAt, officer.id]),
    );
  }
  if (dead) {
    const died = dayOf(new Date(now.getTime() - 5 * DAY_MS).toISOString());
    await new PeopleService(em, { now: () => now }, new AuditTrail({ requestId: 'seed', clientIp: null })).recordDeath(actorOf(officer), dead, died);
  }
  const people = await conn.execute<{ id: string; latitude: number | null; longitude: number | null; date_of_death: string | null }[]>(
    `select id, latitude, longitude, to_char(date_of_death, 'YYYY-MM-DD') as date_of_death from insured_person where id in (${[...new Set(rows.map((r) => r.person))].map(() => '?').join(', ')})`,
    [...new Set(rows.map((r) => r.person))],
  );
  const stays = await em.find(HospitalStay, { poolingArea });
  const minutes = Object.fromEntries((await conn.execute<{ code: string; minutes: number }[]>(`select distinct on (code) code, minutes from catalogue_item where pooling_area = ? order by code, effective_from desc`, [poolingArea])).map((c) => [c.code, c.minutes]));
  const limits = await conn.execute<{ version: string; code: string; times: number; per: 'DAY' | 'WEEK' | 'MONTH' }[]>(`select plan_version_id as version, code, times, per from care_plan_line where kind = 'ITEM' and plan_version_id in (${[...new Set(rows.map((r) => r.version))].map(() => '?').join(', ')})`, [...new Set(rows.map((r) => r.version))]);
  for (const m of months) {
    const days = new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 0)).getUTCDate();
    const inMonth = rows.filter((r) => dayOf(r.inAt.toISOString()).startsWith(m));
    const facts: VisitFacts[] = inMonth.map((r) => ({ id: r.id, caregiverId: r.caregiver, personId: r.person, checkInAt: r.inAt.toISOString(), checkOutAt: r.outAt.toISOString(), checkIn: { ...r.inPos, accuracy: 8 }, checkOut: { ...r.outPos, accuracy: 8 }, items: r.items, confirmed: r.confirmation !== null, recordedAt: r.recordedAt.toISOString(), source: r.source }));
    const found = auditMonth(
      {
        visits: facts,
        personOf: Object.fromEntries(inMonth.map((r) => [r.id, r.person])),
        planOf: Object.fromEntries(inMonth.map((r) => [r.id, r.plan])),
        people: Object.fromEntries(people.map((p) => [p.id, { home: p.latitude !== null && p.longitude !== null ? { lat: p.latitude, lng: p.longitude } : null, dateOfDeath: p.date_of_death, hospitalStays: stays.filter((h) => h.person.id === p.id).map((h) => ({ admittedOn: h.admittedOn, dischargedOn: h.dischargedOn })) }])),
        limitsOf: Object.fromEntries(inMonth.map((r) => [r.id, Object.fromEntries(limits.filter((l) => l.version === r.version).map((l) => [l.code, unitsPerMonth(l, days)]))])),
        itemMinutes: minutes,
      },
      DEFAULT_VISIT_SETTINGS,
    );
    const byId = new Map(inMonth.map((r) => [r.id, r]));
    for (let k = 0; k < found.length; k += 500) {
      const chunk = found.slice(k, k + 500);
      await conn.execute(
        `insert into visit_finding (id, pooling_area, visit_id, visit_at, month, agency_id, person_id, caregiver_id, rule, action, key, evidence, summary, status, created_at, version)
         values ${chunk.map(() => `(gen_random_uuid(), '${poolingArea}', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, 'OPEN', now(), 1)`).join(', ')} on conflict do nothing`,
        chunk.flatMap((f) => {
          const r = byId.get(f.visitId)!;
          return [f.visitId, r.inAt, `${m}-01`, r.agency, r.person, r.caregiver, f.rule, f.action, findingKey(f), JSON.stringify(f.evidence), f.summary];
        }),
      );
    }
  }
  void primaries;
}
