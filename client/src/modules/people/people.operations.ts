// Every GraphQL operation of the people module; `npm run schema` types them into client/src/lib/gql/.
import { graphql } from '../../lib/gql';

export const PersonDetailFields = graphql(`
  fragment PersonDetailFields on InsuredPerson {
    id
    name
    idNumber
    masked
    phonesMasked
    birthDate
    sex
    phone
    insuranceType
    insuredSince
    status
    dateOfDeath
    address
    home {
      longitude
      latitude
    }
    regionCode
    poolingArea
    emergencyContact {
      name
      relation
      phone
    }
    region {
      code
      name
      level
      path {
        code
        name
        level
      }
    }
    version
    createdAt
    updatedAt
  }
`);

export const PeopleListQuery = graphql(`
  query PeopleList($filter: InsuredPersonFilter, $first: Int, $after: String, $last: Int, $before: String) {
    insuredPersons(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        name
        idNumber
        sex
        birthDate
        insuranceType
        status
        region {
          code
          name
          path {
            code
            name
            level
          }
        }
      }
    }
  }
`);

export const PersonQuery = graphql(`
  query Person($id: ID!) {
    insuredPerson(id: $id) {
      ...PersonDetailFields
    }
  }
`);

export const CreatePersonMutation = graphql(`
  mutation CreatePerson($input: CreateInsuredPersonInput!) {
    createInsuredPerson(input: $input) {
      ...PersonDetailFields
    }
  }
`);

export const UpdatePersonMutation = graphql(`
  mutation UpdatePerson($id: ID!, $input: UpdateInsuredPersonInput!, $expectedVersion: Int) {
    updateInsuredPerson(id: $id, input: $input, expectedVersion: $expectedVersion) {
      ...PersonDetailFields
    }
  }
`);

export const RecordDeathMutation = graphql(`
  mutation RecordDeath($id: ID!, $input: RecordDeathInput!) {
    recordDeath(id: $id, input: $input) {
      ...PersonDetailFields
    }
  }
`);

export const RevealIdNumberMutation = graphql(`
  mutation RevealIdNumber($id: ID!) {
    revealIdNumber(id: $id)
  }
`);
