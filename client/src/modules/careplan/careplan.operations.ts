// Every GraphQL operation of the care-plan module; `npm run schema` types them into client/src/lib/gql/.
// The verbs answer the plan or version; the pages read it again afterwards, so they ask for little.
import { graphql } from '../../lib/gql';

export const PlanCostFields = graphql(`
  fragment PlanCostFields on PlanCost {
    grossFen
    capFen
    fundFen
    copayFen
    excessFen
    personFen
    main {
      form
      entitlementKind
      entitlementAmountFen
      entitlementHoursPerWeek
      fundRatioPercent
      grossFen
      capFen
      eligibleFen
      fundFen
      copayFen
      excessFen
      minutes
      entitledMinutes
    }
    device {
      form
      entitlementKind
      entitlementAmountFen
      entitlementHoursPerWeek
      fundRatioPercent
      grossFen
      capFen
      eligibleFen
      fundFen
      copayFen
      excessFen
      minutes
      entitledMinutes
    }
  }
`);

/** A plan as the queue lists it. */
export const CarePlanListFields = graphql(`
  fragment CarePlanListFields on CarePlan {
    id
    personName
    personIdNumber
    careForm
    agencyId
    agencyName
    level
    startDate
    endDate
    state
    attention
    current {
      id
      number
      status
    }
    open {
      id
      number
      status
    }
  }
`);

/** A version's row in the plan's history. */
export const VersionSummaryFields = graphql(`
  fragment VersionSummaryFields on CarePlanVersion {
    id
    number
    state
    status
    level
    effectiveFrom
    effectiveUntil
    returnReason
    submittedAt
    decidedAt
    decidedByName
    autoApproved
    cost {
      grossFen
      fundFen
      copayFen
      excessFen
    }
  }
`);

export const CarePlanFields = graphql(`
  fragment CarePlanFields on CarePlan {
    id
    poolingArea
    personId
    personName
    personIdNumber
    personAddress
    personStatus
    agencyId
    agencyName
    careForm
    state
    allowedActions
    startDate
    endDate
    endReason
    endNote
    declineReason
    tubeFeeding
    level
    attention
    transferredFromId
    createdAt
    versions {
      ...VersionSummaryFields
    }
    current {
      id
      number
    }
    open {
      id
      number
      state
    }
  }
`);

export const CarePlanLineFields = graphql(`
  fragment CarePlanLineFields on CarePlanLine {
    id
    kind
    code
    name
    category
    times
    per
    days
    timeOfDay
    unitPriceFen
    minutes
    monthlyUnits
    monthlyCostFen
    goal
    note
    reasons {
      rule
      source
      score
      grade
      text
    }
    alternatives {
      code
      times
      per
    }
  }
`);

export const CarePlanVersionFields = graphql(`
  fragment CarePlanVersionFields on CarePlanVersion {
    id
    planId
    number
    state
    status
    allowedActions
    level
    conclusionId
    effectiveFrom
    effectiveUntil
    goals
    notes
    priceScheduleFrom
    returnReason
    submittedAt
    decidedAt
    decidedByName
    autoApproved
    updatedAt
    version
    cost {
      ...PlanCostFields
    }
    fitChanges {
      code
      fromTimes
      fromPer
      toTimes
      toPer
      savedFen
    }
    consent {
      signedBy
      relation
      excessFen
      recordedAt
    }
    lines {
      ...CarePlanLineFields
    }
  }
`);

export const CarePlansQuery = graphql(`
  query CarePlans($attention: CarePlanAttention, $search: String, $first: Int, $after: String, $last: Int, $before: String) {
    carePlans(attention: $attention, search: $search, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        ...CarePlanListFields
      }
    }
  }
`);

export const CarePlanCountsQuery = graphql(`
  query CarePlanCounts {
    carePlanCounts {
      TO_ACCEPT
      TO_DRAFT
      TO_REVISE
      TO_APPROVE
      TO_TRANSFER
      TO_END
    }
  }
`);

export const CarePlanQuery = graphql(`
  query CarePlan($id: ID!) {
    carePlan(id: $id) {
      ...CarePlanFields
    }
  }
`);

/** A version with what its page needs: the editor's priced options, and the assessment when an officer decides. */
export const CarePlanVersionQuery = graphql(`
  query CarePlanVersion($id: ID!, $withAssessment: Boolean!) {
    carePlanVersion(id: $id) {
      ...CarePlanVersionFields
    }
    carePlanEditorOptions(versionId: $id) {
      items {
        code
        name
        category
        minutes
        unitPriceFen
      }
      devices {
        id
        code
        name
        monthlyFeeFen
        active
      }
      benefits
      dayRateFen
      priceScheduleFrom
      clinicalStaff
    }
    carePlanAssessment(versionId: $id) @include(if: $withAssessment) {
      conclusionId
      level
      effectiveDate
      validUntil
      answers
      sums
      cognitionGrade
      perceptionGrade
    }
  }
`);

export const AcceptCarePlanMutation = graphql(`
  mutation AcceptCarePlan($id: ID!) {
    acceptCarePlan(id: $id) {
      id
      state
      open {
        id
      }
    }
  }
`);

export const DeclineCarePlanMutation = graphql(`
  mutation DeclineCarePlan($id: ID!, $reason: String!) {
    declineCarePlan(id: $id, reason: $reason) {
      id
      state
    }
  }
`);

export const EndCarePlanMutation = graphql(`
  mutation EndCarePlan($id: ID!, $input: CarePlanEndInput!) {
    endCarePlan(id: $id, input: $input) {
      id
      state
    }
  }
`);

export const ReviseCarePlanMutation = graphql(`
  mutation ReviseCarePlan($planId: ID!, $redraft: Boolean!) {
    reviseCarePlan(planId: $planId, redraft: $redraft) {
      id
      number
    }
  }
`);

export const SaveCarePlanDraftMutation = graphql(`
  mutation SaveCarePlanDraft($versionId: ID!, $input: CarePlanDraftInput!) {
    saveCarePlanDraft(versionId: $versionId, input: $input) {
      ...CarePlanVersionFields
    }
  }
`);

export const RecordSelfPayConsentMutation = graphql(`
  mutation RecordSelfPayConsent($versionId: ID!, $input: SelfPayConsentInput!) {
    recordSelfPayConsent(versionId: $versionId, input: $input) {
      id
      consent {
        signedBy
        relation
        excessFen
        recordedAt
      }
    }
  }
`);

export const SubmitCarePlanMutation = graphql(`
  mutation SubmitCarePlan($versionId: ID!) {
    submitCarePlan(versionId: $versionId) {
      id
      state
      status
      autoApproved
    }
  }
`);

export const ApproveCarePlanMutation = graphql(`
  mutation ApproveCarePlan($versionId: ID!) {
    approveCarePlan(versionId: $versionId) {
      id
      state
      status
      effectiveFrom
    }
  }
`);

export const ReturnCarePlanMutation = graphql(`
  mutation ReturnCarePlan($versionId: ID!, $reason: String!) {
    returnCarePlan(versionId: $versionId, reason: $reason) {
      id
      state
      status
    }
  }
`);

export const DiscardCarePlanVersionMutation = graphql(`
  mutation DiscardCarePlanVersion($versionId: ID!) {
    discardCarePlanVersion(versionId: $versionId) {
      id
      state
    }
  }
`);
