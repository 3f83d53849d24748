// Every GraphQL operation of the caregiver's phone; `npm run schema` types them into client/src/lib/gql/.
import { graphql } from '../../lib/gql';

/** A visit as the phone shows it and as the audit rules need it (its times, places and items). */
export const PhoneVisitFields = graphql(`
  fragment PhoneVisitFields on Visit {
    id
    status
    source
    personId
    personName
    caregiverId
    day
    checkInAt
    checkOutAt
    minutes
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
    items {
      code
      quantity
    }
    notes
    confirmation
    confirmedBy
    signatureUrl
    checkedInRecordedAt
    recordedAt
    voidReason
    findings {
      id
      rule
      ruleName
      action
      status
      summary
      evidence
    }
  }
`);

/**
 * The caregiver's day, kept on the phone: who is due, their plan items, the facts the audit rules need, today's
 * visits and the area's settings. Asked without the phone's position: where the caregiver is stays on the phone,
 * which sorts the list itself; positions go to the server only with a check-in or check-out.
 */
export const MyDayQuery = graphql(`
  query MyDay($on: String) {
    myDay(on: $on) {
      day
      caregiverId
      caregiverName
      stops {
        personId
        personName
        address
        phone
        lat
        lng
        role
        planVersionId
        items {
          code
          name
          category
          times
          per
          days
          timeOfDay
          minutes
          dueToday
          doneThisWeek
          doneThisMonth
          allowedThisMonth
        }
        context
      }
      visits {
        ...PhoneVisitFields
      }
      settings
    }
  }
`);

/** Sends the phone's queue in order; each record answers for itself, and a replay changes nothing. */
export const SyncVisitsMutation = graphql(`
  mutation SyncVisits($ops: [SyncOpInput!]!) {
    syncVisits(ops: $ops) {
      ok
      visitId
      error {
        code
        reason
        message
      }
      visit {
        id
        status
        findings {
          rule
          summary
          evidence
        }
      }
    }
  }
`);

/** The caregiver's own visits (the server scopes a caregiver to their own), newest first. */
export const MyVisitsQuery = graphql(`
  query MyVisits($first: Int, $after: String) {
    visits(first: $first, after: $after) {
      nodes {
        ...PhoneVisitFields
      }
      totalCount
      hasNextPage
      endCursor
    }
  }
`);
