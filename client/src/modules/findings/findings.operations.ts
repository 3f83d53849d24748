// Every GraphQL operation of the findings module (稽核发现); `npm run schema` types them into client/src/lib/gql/.
// The live subscription is not here: live.ts sends it as a plain string (see there).
import { graphql } from '../../lib/gql';

/** A finding with all a queue row or a visit page shows. */
export const FindingFields = graphql(`
  fragment FindingFields on Finding {
    id
    visitId
    visitAt
    rule
    ruleName
    action
    status
    summary
    evidence
    agencyId
    agencyName
    personId
    personName
    caregiverId
    caregiverName
    explanation
    explainedAt
    decisionNote
    decidedByName
    decidedAt
    createdAt
  }
`);

export const FindingsQueueQuery = graphql(`
  query FindingsQueue($status: FindingStatus, $rule: String, $agencyId: ID, $from: String, $to: String, $first: Int, $offset: Int) {
    findingsQueue(status: $status, rule: $rule, agencyId: $agencyId, from: $from, to: $to, first: $first, offset: $offset) {
      totalCount
      nodes {
        ...FindingFields
      }
    }
  }
`);

export const FindingCountsQuery = graphql(`
  query FindingCounts($agencyId: ID, $from: String, $to: String) {
    findingCounts(agencyId: $agencyId, from: $from, to: $to) {
      rule
      name
      open
      confirmed
      dismissed
      dismissedShare
    }
  }
`);

/** The agencies a supervisor or officer may filter by. */
export const FindingAgenciesQuery = graphql(`
  query FindingAgencies {
    agencies {
      id
      name
    }
  }
`);

export const ExplainFindingMutation = graphql(`
  mutation ExplainFinding($id: ID!, $explanation: String!) {
    explainFinding(id: $id, explanation: $explanation) {
      ...FindingFields
    }
  }
`);

export const DecideFindingMutation = graphql(`
  mutation DecideFinding($id: ID!, $decision: FindingDecision!, $note: String) {
    decideFinding(id: $id, decision: $decision, note: $note) {
      ...FindingFields
    }
  }
`);

export const ImportHospitalStaysMutation = graphql(`
  mutation ImportHospitalStays($poolingArea: String!, $csv: String!) {
    importHospitalStays(poolingArea: $poolingArea, csv: $csv) {
      imported
      rows {
        row
        idNumber
        ok
        errors {
          field
          reason
          message
        }
      }
    }
  }
`);
