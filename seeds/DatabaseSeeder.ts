// Demo data for an empty database: the demo city's region tree and insured persons in every community.
import { Seeder } from '@mikro-orm/seeder';
import type { EntityManager } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Region } from '../server/src/regions/region.entity.ts';
import { InsuredPerson } from '../server/src/people/insured-person.entity.ts';
import { REGION_CODE_LENGTH, regionLevelOfCode } from '../server/src/shared/identifiers.ts';
import { DEMO_CITY, DEMO_POOLING_AREA, walk } from './demo-city.ts';
import { demoPerson, prng } from './demo-people.ts';

export const PEOPLE_PER_VILLAGE = 4;

export class DatabaseSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    const rand = prng(2026);
    let n = 0;
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
        em.create(InsuredPerson, {
          ...p,
          id: randomUUID(),
          poolingArea: DEMO_POOLING_AREA,
          region,
          longitude: Math.round((node.lng + (rand() - 0.5) * 0.004) * 1e6) / 1e6,
          latitude: Math.round((node.lat + (rand() - 0.5) * 0.004) * 1e6) / 1e6,
          status: 'ACTIVE',
        });
      }
    }
    await em.flush();
  }
}
