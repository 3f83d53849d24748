// Builds the type-graphql schema from every module's resolvers, with the one authorization checker.
import 'reflect-metadata';
import { buildSchema, getMetadataStorage, type PubSub } from 'type-graphql';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { RegionResolver } from '../regions/region.resolver.ts';
import { PeopleResolver } from '../people/people.resolver.ts';
import { authChecker, IdentityResolver } from '../identity/identity.resolver.ts';
import { AuditResolver } from '../audit/audit.resolver.ts';
import { AssessmentResolver } from '../assessment/assessment.resolver.ts';
import { ProvidersResolver } from '../providers/providers.resolver.ts';
import { CarePlanResolver, CarePlanVersionResolver } from '../careplan/careplan.resolver.ts';
import { VisitsResolver } from '../visits/visits.resolver.ts';
import { StaysResolver } from '../visits/stays.resolver.ts';
import { FindingEventsResolver } from '../visits/finding-events.resolver.ts';
import { BillingResolver } from '../billing/billing.resolver.ts';

export const resolvers = [RegionResolver, PeopleResolver, IdentityResolver, AuditResolver, AssessmentResolver, ProvidersResolver, CarePlanResolver, CarePlanVersionResolver, VisitsResolver, StaysResolver, FindingEventsResolver, BillingResolver] as const;

/**
 * The schema a server runs, its subscriptions fed by that server's PubSub. type-graphql binds the PubSub when it
 * builds, so each server builds its own (two servers in one process, as in the tests, must not share a listener).
 */
export async function buildAppSchema(pubSub: PubSub): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [...resolvers],
    validate: false,
    emitSchemaFile: false,
    authChecker: authChecker as never,
    authMode: 'error',
    pubSub,
  });
  assertEveryOperationHasARule();
  return schema;
}

/** Stands in for a PubSub where no server runs (printing the schema, reading its fields in tests). */
const UNWIRED: PubSub = {
  publish() {
    throw new Error('This schema is not served: publish through a running server');
  },
  subscribe() {
    throw new Error('This schema is not served: subscribe through a running server');
  },
};

let built: Promise<GraphQLSchema> | null = null;

/** The schema's shape, for printing and inspection; servers use buildAppSchema. */
export function getSchema(): Promise<GraphQLSchema> {
  built ??= buildAppSchema(UNWIRED);
  return built;
}

/** Deny by default: a query, mutation or subscription without an @Authorized rule stops the server from starting. */
function assertEveryOperationHasARule(): void {
  const storage = getMetadataStorage();
  const ruled = new Set(storage.authorizedFields.map((a) => `${a.target.name}.${a.fieldName}`));
  const missing = [...storage.queries, ...storage.mutations, ...storage.subscriptions]
    .filter((op) => (resolvers as readonly Function[]).includes(op.target))
    .filter((op) => !ruled.has(`${op.target.name}.${op.methodName}`))
    .map((op) => op.schemaName);
  if (missing.length) throw new Error(`Operations without an authorization rule: ${missing.join(', ')}`);
}

/** The committed schema.graphql: sorted, so that moving code around does not churn it. */
export async function printedSchema(): Promise<string> {
  return printSchema(lexicographicSortSchema(await getSchema())) + '\n';
}
