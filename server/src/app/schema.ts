// Builds the type-graphql schema from every module's resolvers, with the one authorization checker.
import 'reflect-metadata';
import { buildSchema, getMetadataStorage } from 'type-graphql';
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

export const resolvers = [RegionResolver, PeopleResolver, IdentityResolver, AuditResolver, AssessmentResolver, ProvidersResolver, CarePlanResolver, CarePlanVersionResolver, VisitsResolver, StaysResolver] as const;

let built: Promise<GraphQLSchema> | null = null;

export function getSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: [...resolvers],
    validate: false,
    emitSchemaFile: false,
    authChecker: authChecker as never,
    authMode: 'error',
  }).then((schema) => {
    assertEveryOperationHasARule();
    return schema;
  });
  return built;
}

/** Deny by default: a query or mutation without an @Authorized rule stops the server from starting. */
function assertEveryOperationHasARule(): void {
  const storage = getMetadataStorage();
  const ruled = new Set(storage.authorizedFields.map((a) => `${a.target.name}.${a.fieldName}`));
  const missing = [...storage.queries, ...storage.mutations]
    .filter((op) => (resolvers as readonly Function[]).includes(op.target))
    .filter((op) => !ruled.has(`${op.target.name}.${op.methodName}`))
    .map((op) => op.schemaName);
  if (missing.length) throw new Error(`Operations without an authorization rule: ${missing.join(', ')}`);
}

/** The committed schema.graphql: sorted, so that moving code around does not churn it. */
export async function printedSchema(): Promise<string> {
  return printSchema(lexicographicSortSchema(await getSchema())) + '\n';
}
