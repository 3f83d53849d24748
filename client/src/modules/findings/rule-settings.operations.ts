// The operations of the audit-rule settings page (审核规则设置); `npm run schema` types them into client/src/lib/gql/.
// Settings and the audit's outcome travel as JSON objects (server/src/visits/visits.rules.ts VisitSettings).
import { graphql } from '../../lib/gql';

export const VisitSettingsQuery = graphql(`
  query VisitSettings($poolingArea: String!) {
    visitSettings(poolingArea: $poolingArea)
  }
`);

export const SetVisitSettingsMutation = graphql(`
  mutation SetVisitSettings($poolingArea: String!, $settings: JSONObject!) {
    setVisitSettings(poolingArea: $poolingArea, settings: $settings)
  }
`);

export const RunMonthlyAuditMutation = graphql(`
  mutation RunMonthlyAudit($poolingArea: String!, $month: String!) {
    runMonthlyAudit(poolingArea: $poolingArea, month: $month)
  }
`);
