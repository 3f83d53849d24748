/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment PersonDetailFields on InsuredPerson {\n    id\n    name\n    idNumber\n    masked\n    birthDate\n    sex\n    phone\n    insuranceType\n    insuredSince\n    status\n    dateOfDeath\n    address\n    home {\n      longitude\n      latitude\n    }\n    regionCode\n    poolingArea\n    emergencyContact {\n      name\n      relation\n      phone\n    }\n    region {\n      code\n      name\n      level\n      path {\n        code\n        name\n        level\n      }\n    }\n    version\n    createdAt\n    updatedAt\n  }\n": typeof types.PersonDetailFieldsFragmentDoc,
    "\n  query PeopleList($filter: InsuredPersonFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    insuredPersons(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        name\n        idNumber\n        sex\n        birthDate\n        insuranceType\n        status\n        region {\n          code\n          name\n          path {\n            code\n            name\n            level\n          }\n        }\n      }\n    }\n  }\n": typeof types.PeopleListDocument,
    "\n  query Person($id: ID!) {\n    insuredPerson(id: $id) {\n      ...PersonDetailFields\n    }\n  }\n": typeof types.PersonDocument,
    "\n  mutation CreatePerson($input: CreateInsuredPersonInput!) {\n    createInsuredPerson(input: $input) {\n      ...PersonDetailFields\n    }\n  }\n": typeof types.CreatePersonDocument,
    "\n  mutation UpdatePerson($id: ID!, $input: UpdateInsuredPersonInput!, $expectedVersion: Int) {\n    updateInsuredPerson(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      ...PersonDetailFields\n    }\n  }\n": typeof types.UpdatePersonDocument,
    "\n  mutation RecordDeath($id: ID!, $input: RecordDeathInput!) {\n    recordDeath(id: $id, input: $input) {\n      ...PersonDetailFields\n    }\n  }\n": typeof types.RecordDeathDocument,
    "\n  query RegionChildren($parentCode: String) {\n    regions(parentCode: $parentCode) {\n      code\n      name\n      level\n    }\n  }\n": typeof types.RegionChildrenDocument,
    "\n  query RegionPath($code: String!) {\n    region(code: $code) {\n      code\n      path {\n        code\n        name\n        level\n      }\n    }\n  }\n": typeof types.RegionPathDocument,
};
const documents: Documents = {
    "\n  fragment PersonDetailFields on InsuredPerson {\n    id\n    name\n    idNumber\n    masked\n    birthDate\n    sex\n    phone\n    insuranceType\n    insuredSince\n    status\n    dateOfDeath\n    address\n    home {\n      longitude\n      latitude\n    }\n    regionCode\n    poolingArea\n    emergencyContact {\n      name\n      relation\n      phone\n    }\n    region {\n      code\n      name\n      level\n      path {\n        code\n        name\n        level\n      }\n    }\n    version\n    createdAt\n    updatedAt\n  }\n": types.PersonDetailFieldsFragmentDoc,
    "\n  query PeopleList($filter: InsuredPersonFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    insuredPersons(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        name\n        idNumber\n        sex\n        birthDate\n        insuranceType\n        status\n        region {\n          code\n          name\n          path {\n            code\n            name\n            level\n          }\n        }\n      }\n    }\n  }\n": types.PeopleListDocument,
    "\n  query Person($id: ID!) {\n    insuredPerson(id: $id) {\n      ...PersonDetailFields\n    }\n  }\n": types.PersonDocument,
    "\n  mutation CreatePerson($input: CreateInsuredPersonInput!) {\n    createInsuredPerson(input: $input) {\n      ...PersonDetailFields\n    }\n  }\n": types.CreatePersonDocument,
    "\n  mutation UpdatePerson($id: ID!, $input: UpdateInsuredPersonInput!, $expectedVersion: Int) {\n    updateInsuredPerson(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      ...PersonDetailFields\n    }\n  }\n": types.UpdatePersonDocument,
    "\n  mutation RecordDeath($id: ID!, $input: RecordDeathInput!) {\n    recordDeath(id: $id, input: $input) {\n      ...PersonDetailFields\n    }\n  }\n": types.RecordDeathDocument,
    "\n  query RegionChildren($parentCode: String) {\n    regions(parentCode: $parentCode) {\n      code\n      name\n      level\n    }\n  }\n": types.RegionChildrenDocument,
    "\n  query RegionPath($code: String!) {\n    region(code: $code) {\n      code\n      path {\n        code\n        name\n        level\n      }\n    }\n  }\n": types.RegionPathDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PersonDetailFields on InsuredPerson {\n    id\n    name\n    idNumber\n    masked\n    birthDate\n    sex\n    phone\n    insuranceType\n    insuredSince\n    status\n    dateOfDeath\n    address\n    home {\n      longitude\n      latitude\n    }\n    regionCode\n    poolingArea\n    emergencyContact {\n      name\n      relation\n      phone\n    }\n    region {\n      code\n      name\n      level\n      path {\n        code\n        name\n        level\n      }\n    }\n    version\n    createdAt\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment PersonDetailFields on InsuredPerson {\n    id\n    name\n    idNumber\n    masked\n    birthDate\n    sex\n    phone\n    insuranceType\n    insuredSince\n    status\n    dateOfDeath\n    address\n    home {\n      longitude\n      latitude\n    }\n    regionCode\n    poolingArea\n    emergencyContact {\n      name\n      relation\n      phone\n    }\n    region {\n      code\n      name\n      level\n      path {\n        code\n        name\n        level\n      }\n    }\n    version\n    createdAt\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PeopleList($filter: InsuredPersonFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    insuredPersons(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        name\n        idNumber\n        sex\n        birthDate\n        insuranceType\n        status\n        region {\n          code\n          name\n          path {\n            code\n            name\n            level\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PeopleList($filter: InsuredPersonFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    insuredPersons(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        name\n        idNumber\n        sex\n        birthDate\n        insuranceType\n        status\n        region {\n          code\n          name\n          path {\n            code\n            name\n            level\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Person($id: ID!) {\n    insuredPerson(id: $id) {\n      ...PersonDetailFields\n    }\n  }\n"): (typeof documents)["\n  query Person($id: ID!) {\n    insuredPerson(id: $id) {\n      ...PersonDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePerson($input: CreateInsuredPersonInput!) {\n    createInsuredPerson(input: $input) {\n      ...PersonDetailFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePerson($input: CreateInsuredPersonInput!) {\n    createInsuredPerson(input: $input) {\n      ...PersonDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePerson($id: ID!, $input: UpdateInsuredPersonInput!, $expectedVersion: Int) {\n    updateInsuredPerson(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      ...PersonDetailFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdatePerson($id: ID!, $input: UpdateInsuredPersonInput!, $expectedVersion: Int) {\n    updateInsuredPerson(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      ...PersonDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordDeath($id: ID!, $input: RecordDeathInput!) {\n    recordDeath(id: $id, input: $input) {\n      ...PersonDetailFields\n    }\n  }\n"): (typeof documents)["\n  mutation RecordDeath($id: ID!, $input: RecordDeathInput!) {\n    recordDeath(id: $id, input: $input) {\n      ...PersonDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RegionChildren($parentCode: String) {\n    regions(parentCode: $parentCode) {\n      code\n      name\n      level\n    }\n  }\n"): (typeof documents)["\n  query RegionChildren($parentCode: String) {\n    regions(parentCode: $parentCode) {\n      code\n      name\n      level\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RegionPath($code: String!) {\n    region(code: $code) {\n      code\n      path {\n        code\n        name\n        level\n      }\n    }\n  }\n"): (typeof documents)["\n  query RegionPath($code: String!) {\n    region(code: $code) {\n      code\n      path {\n        code\n        name\n        level\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;