// Every GraphQL operation of monthly settlement (月度结算); `npm run schema` types them into client/src/lib/gql/.
// Amounts are whole fen on the wire.
import { graphql } from '../../lib/gql';

/** A claim as a queue row shows it. */
export const ClaimListFields = graphql(`
  fragment ClaimListFields on Claim {
    id
    poolingArea
    agencyId
    agencyName
    month
    state
    late
    declareBy
    payBy
    lineCount
    visitCount
    fundFen
    approvedFundFen
    depositFen
    payableFen
    generatedAt
    declaredAt
    returnedAt
    approvedAt
    paidAt
    version
  }
`);

/** A claim with everything its page shows: totals, the workflow's dates and steps, the payment. */
export const ClaimFields = graphql(`
  fragment ClaimFields on Claim {
    ...ClaimListFields
    grossFen
    capFen
    eligibleFen
    excessFen
    copayFen
    deductedFen
    reviewDeductedFen
    adjustmentFen
    reviewStartedAt
    returnReason
    paidAmountFen
    paidOn
    paymentReference
    events {
      id
      verb
      fromState
      toState
      at
      reason
      actor
    }
  }
`);

export const ClaimLineFields = graphql(`
  fragment ClaimLineFields on ClaimLine {
    id
    position
    kind
    personId
    personName
    careForm
    level
    coveredDays
    billableDays
    visitCount
    grossFen
    capFen
    eligibleFen
    excessFen
    fundFen
    copayFen
    deductedFen
    deductions {
      reason
      count
      amountFen
      visitIds
    }
    reviewDeductedFen
    reviewDeductions {
      id
      lineId
      reason
      amountFen
      note
      createdAt
      createdBy
    }
    previousFundFen
    adjustmentReason
    sourceId
  }
`);

export const ClaimsQuery = graphql(`
  query Claims($month: String, $state: ClaimState, $agencyId: ID, $poolingArea: String, $first: Int, $offset: Int) {
    claims(month: $month, state: $state, agencyId: $agencyId, poolingArea: $poolingArea, first: $first, offset: $offset) {
      totalCount
      nodes {
        ...ClaimListFields
      }
    }
  }
`);

export const ClaimQuery = graphql(`
  query Claim($id: ID!) {
    claim(id: $id) {
      ...ClaimFields
    }
  }
`);

export const ClaimLinesQuery = graphql(`
  query ClaimLines(
    $claimId: ID!
    $form: String
    $rule: String
    $excessOnly: Boolean
    $changePercent: Int
    $reviewed: Boolean
    $first: Int
    $offset: Int
  ) {
    claimLines(
      claimId: $claimId
      form: $form
      rule: $rule
      excessOnly: $excessOnly
      changePercent: $changePercent
      reviewed: $reviewed
      first: $first
      offset: $offset
    ) {
      totalCount
      nodes {
        ...ClaimLineFields
      }
    }
  }
`);

export const ClaimLineVisitsQuery = graphql(`
  query ClaimLineVisits($lineId: ID!) {
    claimLineVisits(lineId: $lineId) {
      id
      checkInAt
      checkOutAt
      caregiverName
      items {
        code
        quantity
      }
      countedFen
      findings {
        rule
        status
        action
        summary
      }
    }
  }
`);

export const GenerateClaimsMutation = graphql(`
  mutation GenerateClaims($month: String!, $agencyId: ID, $poolingArea: String) {
    generateClaims(month: $month, agencyId: $agencyId, poolingArea: $poolingArea) {
      claims {
        ...ClaimListFields
      }
      skipped {
        agencyId
        claimId
        state
      }
    }
  }
`);

/** A background run generating the claims of every agency of an area: its progress as the panel shows it. */
export const ClaimRunFields = graphql(`
  fragment ClaimRunFields on ClaimRun {
    id
    poolingArea
    month
    state
    total
    done
    skipped
    attempts
    error
    requestedBy
    createdAt
    startedAt
    finishedAt
    elapsedMs
  }
`);

export const StartClaimRunMutation = graphql(`
  mutation StartClaimRun($poolingArea: String!, $month: String!) {
    startClaimRun(poolingArea: $poolingArea, month: $month) {
      ...ClaimRunFields
    }
  }
`);

export const ClaimRunQuery = graphql(`
  query ClaimRun($id: ID!) {
    claimRun(id: $id) {
      ...ClaimRunFields
    }
  }
`);

export const ClaimRunsQuery = graphql(`
  query ClaimRuns($poolingArea: String!, $month: String) {
    claimRuns(poolingArea: $poolingArea, month: $month) {
      ...ClaimRunFields
    }
  }
`);

export const DeclareClaimMutation = graphql(`
  mutation DeclareClaim($id: ID!, $requestId: ID!, $version: Int) {
    declareClaim(id: $id, requestId: $requestId, version: $version) {
      ...ClaimFields
    }
  }
`);

export const StartClaimReviewMutation = graphql(`
  mutation StartClaimReview($id: ID!, $requestId: ID!, $version: Int) {
    startClaimReview(id: $id, requestId: $requestId, version: $version) {
      ...ClaimFields
    }
  }
`);

export const ReturnClaimMutation = graphql(`
  mutation ReturnClaim($id: ID!, $requestId: ID!, $reason: String!, $version: Int) {
    returnClaim(id: $id, requestId: $requestId, reason: $reason, version: $version) {
      ...ClaimFields
    }
  }
`);

export const ApproveClaimMutation = graphql(`
  mutation ApproveClaim($id: ID!, $requestId: ID!, $version: Int) {
    approveClaim(id: $id, requestId: $requestId, version: $version) {
      ...ClaimFields
    }
  }
`);

export const RecordClaimPaymentMutation = graphql(`
  mutation RecordClaimPayment($id: ID!, $requestId: ID!, $payment: ClaimPaymentInput!, $version: Int) {
    recordClaimPayment(id: $id, requestId: $requestId, payment: $payment, version: $version) {
      ...ClaimFields
    }
  }
`);

export const AddReviewDeductionMutation = graphql(`
  mutation AddReviewDeduction($input: ReviewDeductionInput!) {
    addReviewDeduction(input: $input) {
      ...ClaimFields
    }
  }
`);

export const RemoveReviewDeductionMutation = graphql(`
  mutation RemoveReviewDeduction($id: ID!) {
    removeReviewDeduction(id: $id) {
      ...ClaimFields
    }
  }
`);
