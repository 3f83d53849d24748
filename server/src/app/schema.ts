// Builds the type-graphql schema from every module's resolvers.
import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { RegionResolver } from '../regions/region.resolver.ts';
import { PeopleResolver } from '../people/people.resolver.ts';

let built: Promise<GraphQLSchema> | null = null;

export function getSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: [RegionResolver, PeopleResolver],
    validate: false,
    emitSchemaFile: false,
  });
  return built;
}

/** The committed schema.graphql: sorted, so that moving code around does not churn it. */
export async function printedSchema(): Promise<string> {
  return printSchema(lexicographicSortSchema(await getSchema())) + '\n';
}
