// The settlement dashboard's GraphQL operation (结算看板); `npm run schema` types it into client/src/lib/gql/.
// Amounts are whole fen on the wire (Float: an area's months can exceed 32 bits).
import { graphql } from '../../lib/gql';

/** Fund spending of one care form, level or agency. */
export const SettlementBucketFields = graphql(`
  fragment SettlementBucketFields on SettlementBucket {
    key
    label
    beneficiaries
    visits
    fundFen
    deductedFen
  }
`);

export const SettlementDashboardQuery = graphql(`
  query SettlementDashboard($poolingArea: String!, $from: String!, $to: String!) {
    settlementDashboard(poolingArea: $poolingArea, from: $from, to: $to) {
      poolingArea
      from
      to
      byMonth {
        month
        claims
        late
        fundFen
        approvedFundFen
        depositFen
        payableFen
        paidFen
      }
      byState {
        state
        claims
        late
      }
      byForm {
        ...SettlementBucketFields
      }
      byLevel {
        ...SettlementBucketFields
      }
      byAgency {
        ...SettlementBucketFields
      }
      deductions {
        reason
        count
        amountFen
      }
    }
  }
`);
