// Every GraphQL operation of the agency's and the supervisor's visit screens (服务记录); `npm run schema` types
// them into client/src/lib/gql/.
import { graphql } from '../../lib/gql';

/** A visit as the list shows it. */
export const VisitRowFields = graphql(`
  fragment VisitRowFields on Visit {
    id
    status
    source
    day
    checkInAt
    checkOutAt
    minutes
    personId
    personName
    caregiverId
    caregiverName
    agencyId
    agencyName
    confirmation
    claimed
    items {
      code
      quantity
    }
    findings {
      id
      rule
      ruleName
      status
      action
    }
  }
`);

export const VisitsQuery = graphql(`
  query DeskVisits(
    $agencyId: ID
    $caregiverId: ID
    $personId: ID
    $from: String
    $to: String
    $status: VisitStatus
    $withFindings: Boolean
    $first: Int
    $after: String
  ) {
    visits(
      agencyId: $agencyId
      caregiverId: $caregiverId
      personId: $personId
      from: $from
      to: $to
      status: $status
      withFindings: $withFindings
      first: $first
      after: $after
    ) {
      totalCount
      hasNextPage
      endCursor
      nodes {
        ...VisitRowFields
      }
    }
  }
`);

export const VisitDetailQuery = graphql(`
  query DeskVisit($id: ID!) {
    visit(id: $id) {
      ...VisitRowFields
      planVersionId
      checkIn {
        lat
        lng
        accuracy
        distanceMetres
      }
      checkOut {
        lat
        lng
        accuracy
        distanceMetres
      }
      notes
      confirmedBy
      signatureUrl
      checkedInRecordedAt
      recordedAt
      voidReason
      findings {
        ...FindingFields
      }
    }
  }
`);

/** Another visit a finding points at (R01's overlap, R09's previous visit): enough to say which it is. */
export const RelatedVisitQuery = graphql(`
  query DeskRelatedVisit($id: ID!) {
    visit(id: $id) {
      id
      day
      checkInAt
      checkOutAt
      personName
      caregiverName
      status
    }
  }
`);

/** The plan version a visit used: its items, frequencies and standard minutes. */
export const PlanLinesQuery = graphql(`
  query DeskPlanLines($id: ID!) {
    carePlanVersion(id: $id) {
      id
      number
      lines {
        kind
        code
        name
        times
        per
        minutes
      }
    }
  }
`);

export const VisitSettingsQuery = graphql(`
  query DeskVisitSettings($poolingArea: String!) {
    visitSettings(poolingArea: $poolingArea)
  }
`);

export const VoidVisitMutation = graphql(`
  mutation DeskVoidVisit($id: ID!, $reason: String!) {
    voidVisit(id: $id, reason: $reason) {
      id
      status
      voidReason
    }
  }
`);

export const RecordVisitMutation = graphql(`
  mutation DeskRecordVisit($input: ManualVisitInput!) {
    recordVisit(input: $input) {
      id
      findings {
        id
        rule
      }
    }
  }
`);

// ---- choosing people -----------------------------------------------------------------------------------

/** Beneficiaries with a home-care plan, found by name (an agency sees its own). */
export const BeneficiarySearchQuery = graphql(`
  query DeskBeneficiaries($search: String, $agencyId: ID, $state: CarePlanState, $first: Int) {
    carePlans(search: $search, agencyId: $agencyId, careForm: HOME, state: $state, first: $first) {
      nodes {
        id
        personId
        personName
        personIdNumber
        agencyId
        agencyName
        state
        current {
          id
        }
      }
    }
  }
`);

export const AgencyCaregiversQuery = graphql(`
  query DeskCaregivers($agencyId: ID, $first: Int) {
    caregivers(agencyId: $agencyId, first: $first) {
      nodes {
        id
        name
        active
        certificateExpired
        qualification
      }
    }
  }
`);

// ---- assignments ---------------------------------------------------------------------------------------

export const AssignmentFields = graphql(`
  fragment AssignmentFields on CaregiverAssignment {
    id
    personId
    personName
    caregiverId
    caregiverName
    agencyId
    role
    since
    until
  }
`);

export const AssignmentsQuery = graphql(`
  query DeskAssignments($personId: ID, $caregiverId: ID, $activeOn: String) {
    caregiverAssignments(personId: $personId, caregiverId: $caregiverId, activeOn: $activeOn) {
      ...AssignmentFields
    }
  }
`);

export const AssignCaregiverMutation = graphql(`
  mutation DeskAssignCaregiver($input: AssignmentInput!) {
    assignCaregiver(input: $input) {
      ...AssignmentFields
    }
  }
`);

export const EndAssignmentMutation = graphql(`
  mutation DeskEndAssignment($id: ID!, $until: String!) {
    endCaregiverAssignment(id: $id, until: $until) {
      ...AssignmentFields
    }
  }
`);
