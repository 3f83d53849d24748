// Reads of insured persons. They always go to the network: case workers act on what is stored now.
import { client } from '../../lib/graphql/client';
import { noDataProblem, toProblem, type Loaded } from '../../lib/graphql/errors';
import type { InsuredPersonFilter, PeopleListQuery as PeopleListResult, PersonDetailFieldsFragment } from '../../lib/gql/graphql';
import { PeopleListQuery, PersonQuery, RevealIdNumberMutation } from './people.operations';

export type PeoplePage = PeopleListResult['insuredPersons'];
export type PersonListItem = PeoplePage['nodes'][number];

export const PAGE_SIZE = 20;

export async function loadPerson(id: string): Promise<Loaded<PersonDetailFieldsFragment>> {
  const r = await client.query(PersonQuery, { id }, { requestPolicy: 'network-only' }).toPromise();
  if (r.error) return { ok: false, problem: toProblem(r.error) };
  if (!r.data) return { ok: false, problem: noDataProblem() };
  return { ok: true, value: r.data.insuredPerson };
}

export interface PageRequest {
  filter: InsuredPersonFilter;
  after?: string;
  before?: string;
}

export async function loadPeople(req: PageRequest): Promise<Loaded<PeoplePage>> {
  const paging = req.before ? { last: PAGE_SIZE, before: req.before } : { first: PAGE_SIZE, after: req.after ?? null };
  const r = await client.query(PeopleListQuery, { filter: req.filter, ...paging }, { requestPolicy: 'network-only' }).toPromise();
  if (r.error) return { ok: false, problem: toProblem(r.error) };
  if (!r.data) return { ok: false, problem: noDataProblem() };
  return { ok: true, value: r.data.insuredPersons };
}

/** The full ID number of a person; the server writes every reveal to the audit trail. */
export async function revealIdNumber(id: string): Promise<Loaded<string>> {
  const r = await client.mutation(RevealIdNumberMutation, { id }).toPromise();
  if (r.error) return { ok: false, problem: toProblem(r.error) };
  if (!r.data) return { ok: false, problem: noDataProblem() };
  return { ok: true, value: r.data.revealIdNumber };
}
