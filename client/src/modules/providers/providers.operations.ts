// Every GraphQL operation of the care-providers module; `npm run schema` types them into client/src/lib/gql/.
// The contract verbs answer the contract's new state, which is all the detail page needs to redraw its header.
import { graphql } from '../../lib/gql';

export const AgencyFields = graphql(`
  fragment AgencyFields on AgencyProfile {
    id
    name
    kind
    creditCode
    contractStatus
    address
    serviceArea
    contactName
    contactPhone
    legalRepresentative
    beds
    bankName
    bankAccount
    longitude
    latitude
    poolingArea
    active
  }
`);

export const ContractFields = graphql(`
  fragment ContractFields on Contract {
    id
    agencyId
    agencyName
    careForms
    startDate
    endDate
    state
    status
    stateReason
    suspendedFrom
    suspendedUntil
    renewalOfId
    allowedActions
    poolingArea
    version
  }
`);

export const CaregiverFields = graphql(`
  fragment CaregiverFields on Caregiver {
    id
    name
    idNumber
    sex
    birthDate
    phone
    qualification
    level
    licenceNo
    certificateNo
    certificateExpiry
    certificateExpired
    certificateExpiring
    trainingHours
    active
    agencyId
    agencyName
  }
`);

export const EvaluationFields = graphql(`
  fragment EvaluationFields on Evaluation {
    id
    agencyId
    agencyName
    quarter
    scores
    total
    grade
    releasePercent
    violationCount
    penaltyFen
    createdAt
  }
`);

export const ViolationFields = graphql(`
  fragment ViolationFields on Violation {
    id
    agencyId
    agencyName
    date
    rule
    recoverFen
    penaltyFen
    action
    suspendedFrom
    suspendedUntil
  }
`);

export const AgenciesQuery = graphql(`
  query Agencies($kind: AgencyKind, $search: String) {
    agencies(kind: $kind, search: $search) {
      ...AgencyFields
    }
  }
`);

export const AgencyQuery = graphql(`
  query Agency($id: ID!) {
    agency(id: $id) {
      ...AgencyFields
    }
    contracts(agencyId: $id) {
      ...ContractFields
    }
    caregiverCertificateCounts(agencyId: $id) {
      total
      expired
      expiring
    }
    evaluations(agencyId: $id) {
      ...EvaluationFields
    }
    violations(agencyId: $id) {
      ...ViolationFields
    }
  }
`);

export const RegisterAgencyMutation = graphql(`
  mutation RegisterAgency($poolingArea: String!, $input: AgencyInput!) {
    registerAgency(poolingArea: $poolingArea, input: $input) {
      ...AgencyFields
    }
  }
`);

export const UpdateAgencyMutation = graphql(`
  mutation UpdateAgency($id: ID!, $input: AgencyInput!) {
    updateAgency(id: $id, input: $input) {
      ...AgencyFields
    }
  }
`);

export const ContractsQuery = graphql(`
  query Contracts($agencyId: ID, $state: String, $expiringWithinDays: Int) {
    contracts(agencyId: $agencyId, state: $state, expiringWithinDays: $expiringWithinDays) {
      ...ContractFields
    }
  }
`);

export const ContractQuery = graphql(`
  query Contract($id: ID!, $poolingArea: String!) {
    contract(id: $id) {
      ...ContractFields
    }
    priceSchedules(contractId: $id) {
      id
      effectiveFrom
      itemPrices
      dayRates
      notes
      createdAt
    }
    catalogue(poolingArea: $poolingArea) {
      code
      name
      category
      minutes
      defaultPriceFen
      careForms
    }
  }
`);

export const ApplyForContractMutation = graphql(`
  mutation ApplyForContract($input: ContractApplicationInput!) {
    applyForContract(input: $input) {
      ...ContractFields
    }
  }
`);

export const SubmitContractMutation = graphql(`
  mutation SubmitContract($id: ID!) {
    submitContract(id: $id) {
      id
      status
    }
  }
`);

export const ApproveContractMutation = graphql(`
  mutation ApproveContract($id: ID!) {
    approveContract(id: $id) {
      id
      status
    }
  }
`);

export const RejectContractMutation = graphql(`
  mutation RejectContract($id: ID!, $reason: String!) {
    rejectContract(id: $id, reason: $reason) {
      id
      status
    }
  }
`);

export const SuspendContractMutation = graphql(`
  mutation SuspendContract($id: ID!, $reason: String!, $from: String!, $until: String) {
    suspendContract(id: $id, reason: $reason, from: $from, until: $until) {
      id
      status
    }
  }
`);

export const ResumeContractMutation = graphql(`
  mutation ResumeContract($id: ID!) {
    resumeContract(id: $id) {
      id
      status
    }
  }
`);

export const TerminateContractMutation = graphql(`
  mutation TerminateContract($id: ID!, $reason: String!) {
    terminateContract(id: $id, reason: $reason) {
      id
      status
    }
  }
`);

export const AddPriceScheduleMutation = graphql(`
  mutation AddPriceSchedule($contractId: ID!, $input: PriceScheduleInput!) {
    addPriceSchedule(contractId: $contractId, input: $input) {
      id
      effectiveFrom
    }
  }
`);

export const CaregiversQuery = graphql(`
  query Caregivers($agencyId: ID, $search: String, $certificateExpiringWithinDays: Int, $first: Int, $after: String, $last: Int, $before: String) {
    caregivers(
      agencyId: $agencyId
      search: $search
      certificateExpiringWithinDays: $certificateExpiringWithinDays
      first: $first
      after: $after
      last: $last
      before: $before
    ) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        ...CaregiverFields
      }
    }
    caregiverCertificateCounts(agencyId: $agencyId) {
      total
      expired
      expiring
    }
  }
`);

export const AddCaregiverMutation = graphql(`
  mutation AddCaregiver($input: CaregiverInput!) {
    addCaregiver(input: $input) {
      ...CaregiverFields
    }
  }
`);

export const UpdateCaregiverMutation = graphql(`
  mutation UpdateCaregiver($id: ID!, $input: CaregiverUpdateInput!) {
    updateCaregiver(id: $id, input: $input) {
      ...CaregiverFields
    }
  }
`);

export const EvaluationsQuery = graphql(`
  query Evaluations($agencyId: ID) {
    evaluationSheet {
      criteria {
        code
        name
        weight
      }
      grades {
        grade
        min
        releasePercent
      }
    }
    evaluations(agencyId: $agencyId) {
      ...EvaluationFields
    }
    violations(agencyId: $agencyId) {
      ...ViolationFields
    }
  }
`);

export const EvaluateAgencyMutation = graphql(`
  mutation EvaluateAgency($agencyId: ID!, $quarter: String!, $scores: JSONObject!) {
    evaluateAgency(agencyId: $agencyId, quarter: $quarter, scores: $scores) {
      ...EvaluationFields
    }
  }
`);

export const RecordViolationMutation = graphql(`
  mutation RecordViolation($input: ViolationInput!) {
    recordViolation(input: $input) {
      ...ViolationFields
    }
  }
`);
