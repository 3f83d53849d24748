// Per-request DataLoaders: nested fields batch their lookups into one statement per level.
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Region } from '../regions/region.entity.ts';

export function createLoaders(em: EntityManager) {
  return {
    region: new DataLoader<string, Region | null>(async (codes) => {
      const rows = await em.find(Region, { code: { $in: [...codes] } });
      const byCode = new Map(rows.map((r) => [r.code, r]));
      return codes.map((c) => byCode.get(c) ?? null);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
