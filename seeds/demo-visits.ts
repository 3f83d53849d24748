// Demo caregivers' rounds: who looks after whom (the demo caregiver has beneficiaries of her own), and the
// beneficiaries' cards whose code confirms a visit. The month of visits comes from the visit generator.
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Caregiver } from '../server/src/providers/providers.entity.ts';
import { CarePlan } from '../server/src/careplan/careplan.entity.ts';
import { BeneficiaryCard, CaregiverAssignment } from '../server/src/visits/visits.entity.ts';
import { hashCardCode } from '../server/src/visits/visits.service.ts';

/** The code printed on every demo beneficiary's card (demo only; real cards get a random code, shown once). */
export const DEMO_CARD_CODE = '246810';

export async function seedDemoVisits(em: EntityManager, poolingArea: string): Promise<void> {
  const plans = await em.find(CarePlan, { poolingArea, state: 'ACTIVE', careForm: 'HOME' }, { populate: ['person', 'agency'], orderBy: { createdAt: 'asc' } });
  const caregivers = await em.find(Caregiver, { poolingArea, active: true }, { orderBy: { createdAt: 'asc' } });
  const byAgency = new Map<string, Caregiver[]>();
  for (const c of caregivers) if (c.agency) byAgency.set(c.agency.id, [...(byAgency.get(c.agency.id) ?? []), c]);
  const today = new Date().toISOString().slice(0, 10);
  for (const [i, plan] of plans.entries()) {
    const staff = (byAgency.get(plan.agency.id) ?? []).filter((c) => c.certificateExpiry >= today);
    if (!staff.length) continue;
    // The demo caregiver (linked to a sign-in) is the primary of her agency's plans; others rotate.
    const own = staff.find((c) => c.user !== null);
    const primary = own ?? staff[i % staff.length]!;
    const substitute = staff.find((c) => c !== primary && c.id !== own?.id) ?? null;
    em.create(CaregiverAssignment, { id: randomUUID(), poolingArea, agency: plan.agency, person: plan.person, caregiver: primary, role: 'PRIMARY', since: plan.startDate });
    if (substitute) em.create(CaregiverAssignment, { id: randomUUID(), poolingArea, agency: plan.agency, person: plan.person, caregiver: substitute, role: 'SUBSTITUTE', since: plan.startDate });
    em.create(BeneficiaryCard, { personId: plan.person.id, poolingArea, codeHash: hashCardCode(plan.person.id, DEMO_CARD_CODE) });
  }
  await em.flush();
}
