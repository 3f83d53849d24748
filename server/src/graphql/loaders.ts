// Per-request DataLoaders: nested fields batch their lookups into one statement per level.
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Region } from '../regions/region.entity.ts';
import { ApplicationDocument, Objection, Task } from '../assessment/application.entity.ts';
import { Conclusion } from '../assessment/conclusion.entity.ts';

/** Loads the rows of `entity` whose `fk` is among the keys, grouped by key, in one query per batch. */
function byParent<T extends object>(em: EntityManager, entity: new () => T, fk: string, keyOf: (row: T) => string, options: object = {}) {
  return new DataLoader<string, T[]>(async (keys) => {
    const rows = await em.find(entity, { [fk]: { $in: [...keys] } } as never, options as never);
    const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
    for (const r of rows) groups.get(keyOf(r))?.push(r);
    return keys.map((k) => groups.get(k)!);
  });
}

export function createLoaders(em: EntityManager) {
  return {
    region: new DataLoader<string, Region | null>(async (codes) => {
      const rows = await em.find(Region, { code: { $in: [...codes] } });
      const byCode = new Map(rows.map((r) => [r.code, r]));
      return codes.map((c) => byCode.get(c) ?? null);
    }),
    tasksByApplication: byParent(em, Task, 'application', (t) => t.application.id, { populate: ['assessor', 'assessor.org', 'application', 'application.person'], orderBy: { round: 'asc', assessor: { name: 'asc' } } }),
    objectionsByApplication: byParent(em, Objection, 'application', (o) => o.application.id, { orderBy: { receivedAt: 'asc' } }),
    documentsByApplication: byParent(em, ApplicationDocument, 'application', (d) => d.application.id, { orderBy: { uploadedAt: 'asc' } }),
    conclusionsByApplication: byParent(em, Conclusion, 'application', (c) => c.application.id, { populate: ['person'] }),
    /** The transitions of applications, read from the audit trail (every transition is written there). */
    historyByApplication: new DataLoader<string, Record<string, any>[]>(async (ids) => {
      const rows = await em.getConnection().execute<Record<string, any>[]>(
        `select entity_id, at, operation, username, changes from audit_log
          where entity = 'AssessmentApplication' and entity_id in (${ids.map(() => '?').join(', ')}) order by at, id`,
        [...ids],
      );
      return ids.map((id) => rows.filter((r) => r.entity_id === id));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
