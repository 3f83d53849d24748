// Reads for user administration. Users and their states change under the administrator's hands, so lists
// and records always come from the network; organisations and pooling areas are reference data.
import { client } from '../../lib/graphql/client';
import { noDataProblem, toProblem, type Loaded } from '../../lib/graphql/errors';
import type { OrgKind, UserFieldsFragment, UserFilter, UsersListQuery as UsersListResult } from '../../lib/gql/graphql';
import { OrganisationsQuery, PoolingAreasQuery, UserQuery, UsersListQuery } from './users.operations';

export type UsersPage = UsersListResult['users'];
export type UserItem = UserFieldsFragment;
export interface Option {
  id: string;
  name: string;
}

export const PAGE_SIZE = 20;

export async function loadUsers(req: { filter: UserFilter; after?: string; before?: string }): Promise<Loaded<UsersPage>> {
  const paging = req.before ? { last: PAGE_SIZE, before: req.before } : { first: PAGE_SIZE, after: req.after ?? null };
  const r = await client.query(UsersListQuery, { filter: req.filter, ...paging }, { requestPolicy: 'network-only' }).toPromise();
  if (r.error) return { ok: false, problem: toProblem(r.error) };
  if (!r.data) return { ok: false, problem: noDataProblem() };
  return { ok: true, value: r.data.users };
}

export async function loadUser(id: string): Promise<Loaded<UserItem>> {
  const r = await client.query(UserQuery, { id }, { requestPolicy: 'network-only' }).toPromise();
  if (r.error) return { ok: false, problem: toProblem(r.error) };
  if (!r.data) return { ok: false, problem: noDataProblem() };
  return { ok: true, value: r.data.user };
}

/** Care agencies or assessment organisations of a pooling area, for a role's scope. */
export async function loadOrganisations(kind: OrgKind, poolingArea: string): Promise<Loaded<Option[]>> {
  const r = await client.query(OrganisationsQuery, { kind, poolingArea }).toPromise();
  if (r.error) return { ok: false, problem: toProblem(r.error) };
  if (!r.data) return { ok: false, problem: noDataProblem() };
  return { ok: true, value: r.data.organisations.map((o) => ({ id: o.id, name: o.name })) };
}

/** The pooling areas (统筹区): top-level regions that are their own pooling area, e.g. 青岛市 3702. */
export async function loadPoolingAreas(): Promise<Loaded<Option[]>> {
  const r = await client.query(PoolingAreasQuery, {}).toPromise();
  if (r.error) return { ok: false, problem: toProblem(r.error) };
  if (!r.data) return { ok: false, problem: noDataProblem() };
  return { ok: true, value: r.data.regions.filter((x) => x.code === x.poolingArea).map((x) => ({ id: x.code, name: x.name })) };
}
