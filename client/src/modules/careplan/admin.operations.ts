// The fund office's operations on care plans: a person's plans and the request of a new one (care form, agency,
// start date), the transfer to another agency, the pooling area's benefit settings and its rentable devices.
// `npm run schema` types them into client/src/lib/gql/.
import { graphql } from '../../lib/gql';

export const PersonPlanFields = graphql(`
  fragment PersonPlanFields on CarePlan {
    id
    personId
    careForm
    agencyId
    agencyName
    state
    startDate
    endDate
    endReason
    declineReason
    level
    tubeFeeding
    attention
    transferredFromId
    current {
      id
      number
      status
      effectiveFrom
      cost {
        grossFen
        fundFen
        personFen
      }
    }
    open {
      id
      number
      status
      cost {
        grossFen
        fundFen
        personFen
      }
    }
    versions {
      id
      number
      status
      cost {
        grossFen
        fundFen
        personFen
      }
    }
  }
`);

export const PersonPlansQuery = graphql(`
  query PersonPlans($personId: ID!, $first: Int!) {
    carePlans(personId: $personId, first: $first) {
      nodes {
        ...PersonPlanFields
      }
      totalCount
    }
  }
`);

export const AgencyChoicesQuery = graphql(`
  query CarePlanAgencyChoices($personId: ID!, $careForm: CareForm!, $on: String!) {
    carePlanAgencyChoices(personId: $personId, careForm: $careForm, on: $on) {
      id
      name
      kind
      address
      contactPhone
    }
  }
`);

export const RequestCarePlanMutation = graphql(`
  mutation RequestCarePlan($input: CarePlanRequestInput!) {
    requestCarePlan(input: $input) {
      ...PersonPlanFields
    }
  }
`);

export const TransferCarePlanMutation = graphql(`
  mutation TransferCarePlan($id: ID!, $input: CarePlanTransferInput!) {
    transferCarePlan(id: $id, input: $input) {
      ...PersonPlanFields
    }
  }
`);

export const BenefitSettingsFields = graphql(`
  fragment BenefitSettingsFields on BenefitSettings {
    id
    poolingArea
    effectiveFrom
    createdAt
    qualifyingLevels
    autoApproveWithinCap
    forms {
      form
      fundRatioPercent
      levels {
        level
        kind
        amountFen
        hoursPerWeek
      }
    }
    proposals
    fitOrder
  }
`);

export const DeviceTypeFields = graphql(`
  fragment DeviceTypeFields on DeviceType {
    id
    code
    name
    monthlyFeeFen
    active
  }
`);

/** Everything the benefits page shows: the settings in force, their versions, the devices and the item names. */
export const BenefitsPageQuery = graphql(`
  query BenefitsPage($poolingArea: String!) {
    benefitSettings(poolingArea: $poolingArea) {
      ...BenefitSettingsFields
    }
    benefitSettingsVersions(poolingArea: $poolingArea) {
      ...BenefitSettingsFields
    }
    deviceTypes(poolingArea: $poolingArea) {
      ...DeviceTypeFields
    }
    catalogue(poolingArea: $poolingArea) {
      code
      name
    }
    region(code: $poolingArea) {
      code
      name
    }
  }
`);

export const SetBenefitSettingsMutation = graphql(`
  mutation SetBenefitSettings($poolingArea: String!, $effectiveFrom: String!, $settings: BenefitSettingsInput!) {
    setBenefitSettings(poolingArea: $poolingArea, effectiveFrom: $effectiveFrom, settings: $settings) {
      ...BenefitSettingsFields
    }
  }
`);

export const SetDeviceTypeMutation = graphql(`
  mutation SetDeviceType($poolingArea: String!, $input: DeviceTypeInput!) {
    setDeviceType(poolingArea: $poolingArea, input: $input) {
      ...DeviceTypeFields
    }
  }
`);
