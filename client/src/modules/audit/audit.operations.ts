// Reading the audit trail, newest first, a page at a time.
import { graphql } from '../../lib/gql';

export const AuditLogQuery = graphql(`
  query AuditLog($filter: AuditFilter, $first: Int, $after: String) {
    auditLog(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        at
        userId
        username
        roles
        operation
        entity
        entityId
        poolingArea
        changes
        clientIp
        requestId
      }
    }
  }
`);
