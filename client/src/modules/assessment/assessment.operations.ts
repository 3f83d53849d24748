// Every GraphQL operation of the assessment module; `npm run schema` types them into client/src/lib/gql/.
// The workflow's mutations answer little: the detail page reloads the application after each, since one verb
// changes tasks, objections and the conclusion too (and each typed document carries its fragments' AST).
import { graphql } from '../../lib/gql';

/** The person as an assessor needs them on site: who, how old, where. */
export const AssessedPersonFields = graphql(`
  fragment AssessedPersonFields on InsuredPerson {
    id
    name
    idNumber
    sex
    birthDate
    address
    status
    region {
      code
      name
      path {
        code
        name
        level
      }
    }
  }
`);

export const TaskFields = graphql(`
  fragment TaskFields on AssessmentTask {
    id
    applicationId
    applicationType
    round
    status
    dueDate
    overdue
    assignedAt
    answers
    notes
    visitedAt
    visitPlace
    visitLongitude
    visitLatitude
    level
    levelName
    explanation
    explanationEn
    result
    submittedAt
    version
    person {
      ...AssessedPersonFields
    }
  }
`);

export const MyTasksQuery = graphql(`
  query MyAssessmentTasks($open: Boolean) {
    myAssessmentTasks(open: $open) {
      id
      applicationType
      round
      status
      dueDate
      overdue
      answers
      level
      submittedAt
      version
      person {
        ...AssessedPersonFields
      }
    }
  }
`);

export const TaskQuery = graphql(`
  query AssessmentTask($id: ID!) {
    assessmentTask(id: $id) {
      ...TaskFields
    }
  }
`);

export const SaveDraftMutation = graphql(`
  mutation SaveAssessmentDraft($taskId: ID!, $input: AssessmentFormInput!) {
    saveAssessmentDraft(taskId: $taskId, input: $input) {
      id
      version
      status
    }
  }
`);

export const SubmitAssessmentMutation = graphql(`
  mutation SubmitAssessment($taskId: ID!, $input: AssessmentFormInput!) {
    submitAssessment(taskId: $taskId, input: $input) {
      ...TaskFields
    }
  }
`);

// ---- the fund office ------------------------------------------------------------------------------

export const ApplicationsQuery = graphql(`
  query AssessmentApplications($filter: AssessmentApplicationFilter, $first: Int, $after: String, $last: Int, $before: String) {
    assessmentApplications(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        type
        status
        round
        submittedOn
        acceptanceDue
        noticeEnd
        confirmedLevel
        applicantName
        person {
          id
          name
          idNumber
          region {
            code
            name
          }
        }
      }
    }
  }
`);

export const OverdueTasksQuery = graphql(`
  query OverdueAssessmentTasks {
    overdueAssessmentTasks {
      id
      applicationId
      round
      dueDate
      assessor {
        id
        name
        qualification
      }
      person {
        id
        name
      }
    }
  }
`);

export const ReviewTaskFields = graphql(`
  fragment ReviewTaskFields on AssessmentTask {
    id
    round
    status
    dueDate
    overdue
    level
    levelName
    explanation
    explanationEn
    answers
    result
    notes
    visitedAt
    visitPlace
    submittedAt
    assessor {
      id
      name
      qualification
    }
  }
`);

export const ConclusionFields = graphql(`
  fragment ConclusionFields on Conclusion {
    id
    applicationId
    level
    levelName
    qualifies
    issuedOn
    effectiveDate
    validUntil
    status
    supersededOn
    noticeUrl
  }
`);

export const ApplicationDetailFields = graphql(`
  fragment ApplicationDetailFields on AssessmentApplication {
    id
    poolingArea
    type
    status
    round
    finalRound
    submittedOn
    acceptanceDue
    applicantName
    applicantRelation
    contactPhone
    disabilityDeclared
    challengedConclusionId
    rejectReason
    reviewNote
    confirmedLevel
    noticeStart
    noticeEnd
    allowedActions
    createdAt
    version
    history {
      at
      operation
      username
      toState
      detail
    }
    person {
      ...AssessedPersonFields
    }
    tasks {
      ...ReviewTaskFields
    }
    objections {
      id
      raisedBy
      reason
      receivedAt
      decision
      decisionNote
      decidedAt
    }
    documents {
      id
      kind
      filename
      contentType
      size
      uploadedAt
      url
    }
    conclusion {
      ...ConclusionFields
    }
  }
`);

export const ApplicationQuery = graphql(`
  query AssessmentApplication($id: ID!) {
    assessmentApplication(id: $id) {
      ...ApplicationDetailFields
    }
  }
`);

export const ApplyMutation = graphql(`
  mutation ApplyForAssessment($input: ApplyForAssessmentInput!) {
    applyForAssessment(input: $input) {
      id
    }
  }
`);

export const AcceptMutation = graphql(`
  mutation AcceptApplication($id: ID!) {
    acceptApplication(id: $id) {
      id
      status
    }
  }
`);

export const RejectMutation = graphql(`
  mutation RejectApplication($id: ID!, $reason: String!) {
    rejectApplication(id: $id, reason: $reason) {
      id
      status
    }
  }
`);

export const WithdrawMutation = graphql(`
  mutation WithdrawApplication($id: ID!, $reason: String!) {
    withdrawApplication(id: $id, reason: $reason) {
      id
      status
    }
  }
`);

export const AssessorsQuery = graphql(`
  query Assessors {
    assessors {
      id
      userId
      name
      qualification
      certificateNo
      certificateExpiry
      assignable
      org {
        id
        name
      }
    }
  }
`);

export const AssignMutation = graphql(`
  mutation AssignAssessors($id: ID!, $assessorIds: [ID!]!, $dueDate: String) {
    assignAssessors(id: $id, assessorIds: $assessorIds, dueDate: $dueDate) {
      id
      status
    }
  }
`);

export const ReviewMutation = graphql(`
  mutation ReviewAssessment($id: ID!, $decision: ReviewDecision!, $level: Int, $note: String) {
    reviewAssessment(id: $id, decision: $decision, level: $level, note: $note) {
      id
      status
    }
  }
`);

export const RecordObjectionMutation = graphql(`
  mutation RecordObjection($id: ID!, $input: ObjectionInput!) {
    recordObjection(id: $id, input: $input) {
      id
    }
  }
`);

export const DecideObjectionMutation = graphql(`
  mutation DecideObjection($objectionId: ID!, $decision: ObjectionDecision!, $note: String!) {
    decideObjection(objectionId: $objectionId, decision: $decision, note: $note) {
      id
    }
  }
`);

export const ConcludeMutation = graphql(`
  mutation ConcludeAssessment($id: ID!) {
    concludeAssessment(id: $id) {
      id
    }
  }
`);

// ---- conclusions and settings ---------------------------------------------------------------------

export const ConclusionsQuery = graphql(`
  query Conclusions($filter: ConclusionFilter, $first: Int, $after: String, $last: Int, $before: String) {
    conclusions(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        ...ConclusionFields
        person {
          id
          name
          idNumber
        }
      }
    }
  }
`);

/** Levels only, page after page, for the chart of conclusions by level. */
export const ConclusionLevelsQuery = graphql(`
  query ConclusionLevels($filter: ConclusionFilter, $first: Int, $after: String) {
    conclusions(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        level
      }
    }
  }
`);

export const SettingsFields = graphql(`
  fragment SettingsFields on AssessmentSettings {
    minDisabilityMonths
    acceptanceWorkingDays
    minAssessors
    minMedicalAssessors
    onSiteWorkingDays
    noticeWorkingDays
    appealDays
    validityYears
    changedConditionMinMonths
    qualifyingLevels
    holidays
    workingWeekends
  }
`);

export const SettingsQuery = graphql(`
  query AssessmentSettings($poolingArea: String!) {
    assessmentSettings(poolingArea: $poolingArea) {
      ...SettingsFields
    }
  }
`);

export const SetSettingsMutation = graphql(`
  mutation SetAssessmentSettings($poolingArea: String!, $input: AssessmentSettingsInput!) {
    setAssessmentSettings(poolingArea: $poolingArea, input: $input) {
      ...SettingsFields
    }
  }
`);

export const AssessorCandidatesQuery = graphql(`
  query AssessorCandidates {
    assessorCandidates {
      userId
      username
      displayName
      orgName
    }
  }
`);

export const RegisterAssessorMutation = graphql(`
  mutation RegisterAssessor($input: AssessorInput!) {
    registerAssessor(input: $input) {
      id
    }
  }
`);
