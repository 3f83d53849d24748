// User administration: accounts, their roles and scopes, and the organisations a role can be bound to.
import { graphql } from '../../lib/gql';

export const UserFields = graphql(`
  fragment UserFields on User {
    id
    username
    displayName
    phone
    poolingArea
    status
    lockedUntil
    mustChangePassword
    createdAt
    grants {
      role
      poolingArea
      agency {
        id
        name
      }
      assessmentOrg {
        id
        name
      }
    }
  }
`);

export const UsersListQuery = graphql(`
  query UsersList($filter: UserFilter, $first: Int, $after: String, $last: Int, $before: String) {
    users(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        ...UserFields
      }
    }
  }
`);

export const UserQuery = graphql(`
  query User($id: ID!) {
    user(id: $id) {
      ...UserFields
    }
  }
`);

export const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      ...UserFields
    }
  }
`);

export const UpdateUserMutation = graphql(`
  mutation UpdateUser($id: ID!, $input: UserInput!) {
    updateUser(id: $id, input: $input) {
      ...UserFields
    }
  }
`);

export const DisableUserMutation = graphql(`
  mutation DisableUser($id: ID!) {
    disableUser(id: $id) {
      ...UserFields
    }
  }
`);

export const EnableUserMutation = graphql(`
  mutation EnableUser($id: ID!) {
    enableUser(id: $id) {
      ...UserFields
    }
  }
`);

export const ResetPasswordMutation = graphql(`
  mutation ResetPassword($id: ID!) {
    resetPassword(id: $id) {
      temporaryPassword
      user {
        ...UserFields
      }
    }
  }
`);

export const OrganisationsQuery = graphql(`
  query Organisations($kind: OrgKind!, $poolingArea: String) {
    organisations(kind: $kind, poolingArea: $poolingArea) {
      id
      name
      poolingArea
    }
  }
`);

/** Top-level regions; those that are their own pooling area are the choices for a user's pooling area. */
export const PoolingAreasQuery = graphql(`
  query PoolingAreas {
    regions {
      code
      name
      poolingArea
    }
  }
`);
