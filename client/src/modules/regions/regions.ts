// Region look-ups shared by the cascading selects. Regions are reference data: urql's cache may answer.
import { client } from '../../lib/graphql/client';
import { noDataProblem, toProblem, type Loaded } from '../../lib/graphql/errors';
import type { RegionChildrenQuery as RegionChildrenResult, RegionLevel } from '../../lib/gql/graphql';
import { RegionChildrenQuery, RegionPathQuery } from './regions.operations';

export type RegionOption = RegionChildrenResult['regions'][number];

/** Levels from the top down; a region's depth is its index here. */
export const LEVELS: readonly RegionLevel[] = ['CITY', 'DISTRICT', 'TOWN', 'VILLAGE'];

export async function childrenOf(parentCode: string | null): Promise<Loaded<RegionOption[]>> {
  const r = await client.query(RegionChildrenQuery, { parentCode }).toPromise();
  if (r.error || !r.data) return { ok: false, problem: r.error ? toProblem(r.error) : noDataProblem() };
  return { ok: true, value: r.data.regions };
}

/** The codes from the city down to `code`, by depth. */
export async function pathOf(code: string): Promise<Loaded<string[]>> {
  const r = await client.query(RegionPathQuery, { code }).toPromise();
  if (r.error || !r.data) return { ok: false, problem: r.error ? toProblem(r.error) : noDataProblem() };
  const codes: string[] = [];
  for (const p of r.data.region.path) codes[LEVELS.indexOf(p.level)] = p.code;
  return { ok: true, value: codes };
}
