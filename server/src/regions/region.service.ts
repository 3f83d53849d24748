import type { EntityManager } from '@mikro-orm/postgresql';
import { Region } from './region.entity.ts';
import { REGION_CODE_LENGTH, type RegionLevel } from '../shared/identifiers.ts';
import { notFound } from '../shared/errors.ts';

/** Codes of a region's ancestors, from the city down, derived from the code itself. */
export function ancestorCodes(code: string): string[] {
  return Object.values(REGION_CODE_LENGTH)
    .filter((len) => len < code.length)
    .map((len) => code.slice(0, len));
}

export class RegionService {
  constructor(private readonly em: EntityManager) {}

  async get(code: string): Promise<Region> {
    const region = await this.em.findOne(Region, { code });
    if (!region) throw notFound('Region');
    return region;
  }

  /** Children of a region (or the cities when no parent is given), by code. Bounded: a level has at most a few hundred. */
  async children(parentCode: string | null, level?: RegionLevel | null): Promise<Region[]> {
    return this.em.find(
      Region,
      { parent: parentCode ?? null, ...(level ? { level } : {}) },
      { orderBy: { code: 'asc' }, limit: 1000 },
    );
  }
}
