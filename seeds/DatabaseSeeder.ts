// Demo data for an empty database: the demo city's region tree and insured persons in every community.
import { Seeder } from '@mikro-orm/seeder';
import type { EntityManager } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Region } from '../server/src/regions/region.entity.ts';
import { InsuredPerson } from '../server/src/people/insured-person.entity.ts';
import { REGION_CODE_LENGTH, regionLevelOfCode } from '../server/src/shared/identifiers.ts';
import { DEMO_CITY, DEMO_POOLING_AREA, walk } from './demo-city.ts';
import { demoPerson, prng } from './demo-people.ts';
import { Agency, AssessmentOrg } from '../server/src/identity/org.entity.ts';
import { RoleGrant, User } from '../server/src/identity/user.entity.ts';
import { AgencyClient } from '../server/src/identity/agency-client.entity.ts';
import { hashPassword } from '../server/src/identity/password.ts';
import { DEMO_AGENCIES, DEMO_ASSESSMENT_ORG, DEMO_PASSWORD, DEMO_USERS } from './demo-users.ts';
import { seedDemoAssessments } from './demo-assessments.ts';
import { seedDemoProviders } from './demo-providers.ts';
import { seedDemoCarePlans } from './demo-careplans.ts';
import { seedDemoVisits } from './demo-visits.ts';
import { seedDemoClaims } from './demo-claims.ts';

export const PEOPLE_PER_VILLAGE = 4;

export class DatabaseSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    const rand = prng(2026);
    let n = 0;
    const agencies = DEMO_AGENCIES.map((a) => em.create(Agency, { id: a.id, name: a.name, creditCode: a.creditCode, poolingArea: DEMO_POOLING_AREA }));
    const org = em.create(AssessmentOrg, { ...DEMO_ASSESSMENT_ORG, poolingArea: DEMO_POOLING_AREA });
    const hash = await hashPassword(DEMO_PASSWORD);
    for (const u of DEMO_USERS) {
      const user = em.create(User, {
        id: randomUUID(),
        username: u.username,
        displayName: u.displayName,
        poolingArea: u.role === 'SYSTEM_ADMIN' ? null : DEMO_POOLING_AREA,
        passwordHash: hash,
      });
      em.create(RoleGrant, {
        id: randomUUID(),
        user,
        role: u.role,
        poolingArea: u.role === 'FUND_OFFICER' || u.role === 'SUPERVISOR' ? DEMO_POOLING_AREA : null,
        agency: u.agency !== undefined ? agencies[u.agency]! : null,
        assessmentOrg: u.assessmentOrg ? org : null,
      });
    }
    for (const [node, parent] of walk(DEMO_CITY)) {
      const level = regionLevelOfCode(node.code)!;
      const region = em.create(Region, {
        code: node.code,
        name: node.name,
        level,
        parent: parent ? em.getReference(Region, parent) : null,
        poolingArea: DEMO_POOLING_AREA,
      });
      if (level !== 'VILLAGE') continue;
      const district = node.code.slice(0, REGION_CODE_LENGTH.DISTRICT);
      for (let i = 0; i < PEOPLE_PER_VILLAGE; i++) {
        const p = demoPerson(rand, n++, district, node.name);
        const person = em.create(InsuredPerson, {
          ...p,
          id: randomUUID(),
          poolingArea: DEMO_POOLING_AREA,
          region,
          longitude: Math.round((node.lng + (rand() - 0.5) * 0.004) * 1e6) / 1e6,
          latitude: Math.round((node.lat + (rand() - 0.5) * 0.004) * 1e6) / 1e6,
          status: 'ACTIVE',
        });
        // Each demo agency serves the first two people of every community in its district.
        const agency = DEMO_AGENCIES.findIndex((a) => a.district === district);
        if (agency >= 0 && i < 2) {
          em.create(AgencyClient, { id: randomUUID(), poolingArea: DEMO_POOLING_AREA, agency: agencies[agency]!, person, since: '2025-01-01' });
        }
      }
    }
    await em.flush();
    await seedDemoAssessments(em as never, DEMO_POOLING_AREA);
    await seedDemoProviders(em as never, DEMO_POOLING_AREA);
    await seedDemoCarePlans(em as never, DEMO_POOLING_AREA);
    await seedDemoVisits(em as never, DEMO_POOLING_AREA);
    await seedDemoClaims(em as never, DEMO_POOLING_AREA);
  }
}
