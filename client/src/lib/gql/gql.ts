/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment ViewerFields on Viewer {\n    roles\n    permissions\n    mustChangePassword\n    user {\n      id\n      username\n      displayName\n      poolingArea\n      grants {\n        role\n        poolingArea\n        agency {\n          id\n          name\n        }\n        assessmentOrg {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.ViewerFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      ...ViewerFields\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  fragment AssessedPersonFields on InsuredPerson {\n    id\n    name\n    idNumber\n    sex\n    birthDate\n    address\n    status\n    region {\n      code\n      name\n      path {\n        code\n        name\n        level\n      }\n    }\n  }\n": typeof types.AssessedPersonFieldsFragmentDoc,
    "\n  fragment TaskFields on AssessmentTask {\n    id\n    applicationId\n    applicationType\n    round\n    status\n    dueDate\n    overdue\n    assignedAt\n    answers\n    notes\n    visitedAt\n    visitPlace\n    visitLongitude\n    visitLatitude\n    level\n    levelName\n    explanation\n    explanationEn\n    result\n    submittedAt\n    version\n    person {\n      ...AssessedPersonFields\n    }\n  }\n": typeof types.TaskFieldsFragmentDoc,
    "\n  query MyAssessmentTasks($open: Boolean) {\n    myAssessmentTasks(open: $open) {\n      id\n      applicationType\n      round\n      status\n      dueDate\n      overdue\n      answers\n      level\n      submittedAt\n      version\n      person {\n        ...AssessedPersonFields\n      }\n    }\n  }\n": typeof types.MyAssessmentTasksDocument,
    "\n  query AssessmentTask($id: ID!) {\n    assessmentTask(id: $id) {\n      ...TaskFields\n    }\n  }\n": typeof types.AssessmentTaskDocument,
    "\n  mutation SaveAssessmentDraft($taskId: ID!, $input: AssessmentFormInput!) {\n    saveAssessmentDraft(taskId: $taskId, input: $input) {\n      id\n      version\n      status\n    }\n  }\n": typeof types.SaveAssessmentDraftDocument,
    "\n  mutation SubmitAssessment($taskId: ID!, $input: AssessmentFormInput!) {\n    submitAssessment(taskId: $taskId, input: $input) {\n      ...TaskFields\n    }\n  }\n": typeof types.SubmitAssessmentDocument,
    "\n  query AssessmentApplications($filter: AssessmentApplicationFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    assessmentApplications(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        type\n        status\n        round\n        submittedOn\n        acceptanceDue\n        noticeEnd\n        confirmedLevel\n        applicantName\n        person {\n          id\n          name\n          idNumber\n          region {\n            code\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.AssessmentApplicationsDocument,
    "\n  query OverdueAssessmentTasks {\n    overdueAssessmentTasks {\n      id\n      applicationId\n      round\n      dueDate\n      assessor {\n        id\n        name\n        qualification\n      }\n      person {\n        id\n        name\n      }\n    }\n  }\n": typeof types.OverdueAssessmentTasksDocument,
    "\n  fragment ReviewTaskFields on AssessmentTask {\n    id\n    round\n    status\n    dueDate\n    overdue\n    level\n    levelName\n    explanation\n    explanationEn\n    answers\n    result\n    notes\n    visitedAt\n    visitPlace\n    submittedAt\n    assessor {\n      id\n      name\n      qualification\n    }\n  }\n": typeof types.ReviewTaskFieldsFragmentDoc,
    "\n  fragment ConclusionFields on Conclusion {\n    id\n    applicationId\n    level\n    levelName\n    qualifies\n    issuedOn\n    effectiveDate\n    validUntil\n    status\n    supersededOn\n    noticeUrl\n  }\n": typeof types.ConclusionFieldsFragmentDoc,
    "\n  fragment ApplicationDetailFields on AssessmentApplication {\n    id\n    poolingArea\n    type\n    status\n    round\n    finalRound\n    submittedOn\n    acceptanceDue\n    applicantName\n    applicantRelation\n    contactPhone\n    disabilityDeclared\n    challengedConclusionId\n    rejectReason\n    reviewNote\n    confirmedLevel\n    noticeStart\n    noticeEnd\n    allowedActions\n    createdAt\n    version\n    history {\n      at\n      operation\n      username\n      toState\n      detail\n    }\n    person {\n      ...AssessedPersonFields\n    }\n    tasks {\n      ...ReviewTaskFields\n    }\n    objections {\n      id\n      raisedBy\n      reason\n      receivedAt\n      decision\n      decisionNote\n      decidedAt\n    }\n    documents {\n      id\n      kind\n      filename\n      contentType\n      size\n      uploadedAt\n      url\n    }\n    conclusion {\n      ...ConclusionFields\n    }\n  }\n": typeof types.ApplicationDetailFieldsFragmentDoc,
    "\n  query AssessmentApplication($id: ID!) {\n    assessmentApplication(id: $id) {\n      ...ApplicationDetailFields\n    }\n  }\n": typeof types.AssessmentApplicationDocument,
    "\n  mutation ApplyForAssessment($input: ApplyForAssessmentInput!) {\n    applyForAssessment(input: $input) {\n      id\n    }\n  }\n": typeof types.ApplyForAssessmentDocument,
    "\n  mutation AcceptApplication($id: ID!) {\n    acceptApplication(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.AcceptApplicationDocument,
    "\n  mutation RejectApplication($id: ID!, $reason: String!) {\n    rejectApplication(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n": typeof types.RejectApplicationDocument,
    "\n  mutation WithdrawApplication($id: ID!, $reason: String!) {\n    withdrawApplication(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n": typeof types.WithdrawApplicationDocument,
    "\n  query Assessors {\n    assessors {\n      id\n      userId\n      name\n      qualification\n      certificateNo\n      certificateExpiry\n      assignable\n      org {\n        id\n        name\n      }\n    }\n  }\n": typeof types.AssessorsDocument,
    "\n  mutation AssignAssessors($id: ID!, $assessorIds: [ID!]!, $dueDate: String) {\n    assignAssessors(id: $id, assessorIds: $assessorIds, dueDate: $dueDate) {\n      id\n      status\n    }\n  }\n": typeof types.AssignAssessorsDocument,
    "\n  mutation ReviewAssessment($id: ID!, $decision: ReviewDecision!, $level: Int, $note: String) {\n    reviewAssessment(id: $id, decision: $decision, level: $level, note: $note) {\n      id\n      status\n    }\n  }\n": typeof types.ReviewAssessmentDocument,
    "\n  mutation RecordObjection($id: ID!, $input: ObjectionInput!) {\n    recordObjection(id: $id, input: $input) {\n      id\n    }\n  }\n": typeof types.RecordObjectionDocument,
    "\n  mutation DecideObjection($objectionId: ID!, $decision: ObjectionDecision!, $note: String!) {\n    decideObjection(objectionId: $objectionId, decision: $decision, note: $note) {\n      id\n    }\n  }\n": typeof types.DecideObjectionDocument,
    "\n  mutation ConcludeAssessment($id: ID!) {\n    concludeAssessment(id: $id) {\n      id\n    }\n  }\n": typeof types.ConcludeAssessmentDocument,
    "\n  query Conclusions($filter: ConclusionFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    conclusions(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        ...ConclusionFields\n        person {\n          id\n          name\n          idNumber\n        }\n      }\n    }\n  }\n": typeof types.ConclusionsDocument,
    "\n  query ConclusionLevels($filter: ConclusionFilter, $first: Int, $after: String) {\n    conclusions(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        level\n      }\n    }\n  }\n": typeof types.ConclusionLevelsDocument,
    "\n  fragment SettingsFields on AssessmentSettings {\n    minDisabilityMonths\n    acceptanceWorkingDays\n    minAssessors\n    minMedicalAssessors\n    onSiteWorkingDays\n    noticeWorkingDays\n    appealDays\n    validityYears\n    changedConditionMinMonths\n    qualifyingLevels\n    holidays\n    workingWeekends\n  }\n": typeof types.SettingsFieldsFragmentDoc,
    "\n  query AssessmentSettings($poolingArea: String!) {\n    assessmentSettings(poolingArea: $poolingArea) {\n      ...SettingsFields\n    }\n  }\n": typeof types.AssessmentSettingsDocument,
    "\n  mutation SetAssessmentSettings($poolingArea: String!, $input: AssessmentSettingsInput!) {\n    setAssessmentSettings(poolingArea: $poolingArea, input: $input) {\n      ...SettingsFields\n    }\n  }\n": typeof types.SetAssessmentSettingsDocument,
    "\n  query AssessorCandidates {\n    assessorCandidates {\n      userId\n      username\n      displayName\n      orgName\n    }\n  }\n": typeof types.AssessorCandidatesDocument,
    "\n  mutation RegisterAssessor($input: AssessorInput!) {\n    registerAssessor(input: $input) {\n      id\n    }\n  }\n": typeof types.RegisterAssessorDocument,
    "\n  query AuditLog($filter: AuditFilter, $first: Int, $after: String) {\n    auditLog(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        at\n        userId\n        username\n        roles\n        operation\n        entity\n        entityId\n        poolingArea\n        changes\n        clientIp\n        requestId\n      }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  fragment PersonPlanFields on CarePlan {\n    id\n    personId\n    careForm\n    agencyId\n    agencyName\n    state\n    startDate\n    endDate\n    endReason\n    declineReason\n    level\n    tubeFeeding\n    attention\n    transferredFromId\n    current {\n      id\n      number\n      status\n      effectiveFrom\n      cost {\n        grossFen\n        fundFen\n        personFen\n      }\n    }\n    open {\n      id\n      number\n      status\n      cost {\n        grossFen\n        fundFen\n        personFen\n      }\n    }\n    versions {\n      id\n      number\n      status\n      cost {\n        grossFen\n        fundFen\n        personFen\n      }\n    }\n  }\n": typeof types.PersonPlanFieldsFragmentDoc,
    "\n  query PersonPlans($personId: ID!, $first: Int!) {\n    carePlans(personId: $personId, first: $first) {\n      nodes {\n        ...PersonPlanFields\n      }\n      totalCount\n    }\n  }\n": typeof types.PersonPlansDocument,
    "\n  query CarePlanAgencyChoices($personId: ID!, $careForm: CareForm!, $on: String!) {\n    carePlanAgencyChoices(personId: $personId, careForm: $careForm, on: $on) {\n      id\n      name\n      kind\n      address\n      contactPhone\n    }\n  }\n": typeof types.CarePlanAgencyChoicesDocument,
    "\n  mutation RequestCarePlan($input: CarePlanRequestInput!) {\n    requestCarePlan(input: $input) {\n      ...PersonPlanFields\n    }\n  }\n": typeof types.RequestCarePlanDocument,
    "\n  mutation TransferCarePlan($id: ID!, $input: CarePlanTransferInput!) {\n    transferCarePlan(id: $id, input: $input) {\n      ...PersonPlanFields\n    }\n  }\n": typeof types.TransferCarePlanDocument,
    "\n  fragment BenefitSettingsFields on BenefitSettings {\n    id\n    poolingArea\n    effectiveFrom\n    createdAt\n    qualifyingLevels\n    autoApproveWithinCap\n    forms {\n      form\n      fundRatioPercent\n      levels {\n        level\n        kind\n        amountFen\n        hoursPerWeek\n      }\n    }\n    proposals\n    fitOrder\n  }\n": typeof types.BenefitSettingsFieldsFragmentDoc,
    "\n  fragment DeviceTypeFields on DeviceType {\n    id\n    code\n    name\n    monthlyFeeFen\n    active\n  }\n": typeof types.DeviceTypeFieldsFragmentDoc,
    "\n  query BenefitsPage($poolingArea: String!) {\n    benefitSettings(poolingArea: $poolingArea) {\n      ...BenefitSettingsFields\n    }\n    benefitSettingsVersions(poolingArea: $poolingArea) {\n      ...BenefitSettingsFields\n    }\n    deviceTypes(poolingArea: $poolingArea) {\n      ...DeviceTypeFields\n    }\n    catalogue(poolingArea: $poolingArea) {\n      code\n      name\n    }\n    region(code: $poolingArea) {\n      code\n      name\n    }\n  }\n": typeof types.BenefitsPageDocument,
    "\n  mutation SetBenefitSettings($poolingArea: String!, $effectiveFrom: String!, $settings: BenefitSettingsInput!) {\n    setBenefitSettings(poolingArea: $poolingArea, effectiveFrom: $effectiveFrom, settings: $settings) {\n      ...BenefitSettingsFields\n    }\n  }\n": typeof types.SetBenefitSettingsDocument,
    "\n  mutation SetDeviceType($poolingArea: String!, $input: DeviceTypeInput!) {\n    setDeviceType(poolingArea: $poolingArea, input: $input) {\n      ...DeviceTypeFields\n    }\n  }\n": typeof types.SetDeviceTypeDocument,
    "\n  fragment PlanCostFields on PlanCost {\n    grossFen\n    capFen\n    fundFen\n    copayFen\n    excessFen\n    personFen\n    main {\n      form\n      entitlementKind\n      entitlementAmountFen\n      entitlementHoursPerWeek\n      fundRatioPercent\n      grossFen\n      capFen\n      eligibleFen\n      fundFen\n      copayFen\n      excessFen\n      minutes\n      entitledMinutes\n    }\n    device {\n      form\n      entitlementKind\n      entitlementAmountFen\n      entitlementHoursPerWeek\n      fundRatioPercent\n      grossFen\n      capFen\n      eligibleFen\n      fundFen\n      copayFen\n      excessFen\n      minutes\n      entitledMinutes\n    }\n  }\n": typeof types.PlanCostFieldsFragmentDoc,
    "\n  fragment CarePlanListFields on CarePlan {\n    id\n    personName\n    personIdNumber\n    careForm\n    agencyId\n    agencyName\n    level\n    startDate\n    endDate\n    state\n    attention\n    current {\n      id\n      number\n      status\n    }\n    open {\n      id\n      number\n      status\n    }\n  }\n": typeof types.CarePlanListFieldsFragmentDoc,
    "\n  fragment VersionSummaryFields on CarePlanVersion {\n    id\n    number\n    state\n    status\n    level\n    effectiveFrom\n    effectiveUntil\n    returnReason\n    submittedAt\n    decidedAt\n    decidedByName\n    autoApproved\n    cost {\n      grossFen\n      fundFen\n      copayFen\n      excessFen\n    }\n  }\n": typeof types.VersionSummaryFieldsFragmentDoc,
    "\n  fragment CarePlanFields on CarePlan {\n    id\n    poolingArea\n    personId\n    personName\n    personIdNumber\n    personAddress\n    personStatus\n    agencyId\n    agencyName\n    careForm\n    state\n    allowedActions\n    startDate\n    endDate\n    endReason\n    endNote\n    declineReason\n    tubeFeeding\n    level\n    attention\n    transferredFromId\n    createdAt\n    versions {\n      ...VersionSummaryFields\n    }\n    current {\n      id\n      number\n    }\n    open {\n      id\n      number\n      state\n    }\n  }\n": typeof types.CarePlanFieldsFragmentDoc,
    "\n  fragment CarePlanLineFields on CarePlanLine {\n    id\n    kind\n    code\n    name\n    category\n    times\n    per\n    days\n    timeOfDay\n    unitPriceFen\n    minutes\n    monthlyUnits\n    monthlyCostFen\n    goal\n    note\n    reasons {\n      rule\n      source\n      score\n      grade\n      text\n    }\n    alternatives {\n      code\n      times\n      per\n    }\n  }\n": typeof types.CarePlanLineFieldsFragmentDoc,
    "\n  fragment CarePlanVersionFields on CarePlanVersion {\n    id\n    planId\n    number\n    state\n    status\n    allowedActions\n    level\n    conclusionId\n    effectiveFrom\n    effectiveUntil\n    goals\n    notes\n    priceScheduleFrom\n    returnReason\n    submittedAt\n    decidedAt\n    decidedByName\n    autoApproved\n    updatedAt\n    version\n    cost {\n      ...PlanCostFields\n    }\n    fitChanges {\n      code\n      fromTimes\n      fromPer\n      toTimes\n      toPer\n      savedFen\n    }\n    consent {\n      signedBy\n      relation\n      excessFen\n      recordedAt\n    }\n    lines {\n      ...CarePlanLineFields\n    }\n  }\n": typeof types.CarePlanVersionFieldsFragmentDoc,
    "\n  query CarePlans($attention: CarePlanAttention, $search: String, $first: Int, $after: String, $last: Int, $before: String) {\n    carePlans(attention: $attention, search: $search, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        ...CarePlanListFields\n      }\n    }\n  }\n": typeof types.CarePlansDocument,
    "\n  query CarePlanCounts {\n    carePlanCounts {\n      TO_ACCEPT\n      TO_DRAFT\n      TO_REVISE\n      TO_APPROVE\n      TO_TRANSFER\n      TO_END\n    }\n  }\n": typeof types.CarePlanCountsDocument,
    "\n  query CarePlan($id: ID!) {\n    carePlan(id: $id) {\n      ...CarePlanFields\n    }\n  }\n": typeof types.CarePlanDocument,
    "\n  query CarePlanVersion($id: ID!, $withAssessment: Boolean!) {\n    carePlanVersion(id: $id) {\n      ...CarePlanVersionFields\n    }\n    carePlanEditorOptions(versionId: $id) {\n      items {\n        code\n        name\n        category\n        minutes\n        unitPriceFen\n      }\n      devices {\n        id\n        code\n        name\n        monthlyFeeFen\n        active\n      }\n      benefits\n      dayRateFen\n      priceScheduleFrom\n      clinicalStaff\n    }\n    carePlanAssessment(versionId: $id) @include(if: $withAssessment) {\n      conclusionId\n      level\n      effectiveDate\n      validUntil\n      answers\n      sums\n      cognitionGrade\n      perceptionGrade\n    }\n  }\n": typeof types.CarePlanVersionDocument,
    "\n  mutation AcceptCarePlan($id: ID!) {\n    acceptCarePlan(id: $id) {\n      id\n      state\n      open {\n        id\n      }\n    }\n  }\n": typeof types.AcceptCarePlanDocument,
    "\n  mutation DeclineCarePlan($id: ID!, $reason: String!) {\n    declineCarePlan(id: $id, reason: $reason) {\n      id\n      state\n    }\n  }\n": typeof types.DeclineCarePlanDocument,
    "\n  mutation EndCarePlan($id: ID!, $input: CarePlanEndInput!) {\n    endCarePlan(id: $id, input: $input) {\n      id\n      state\n    }\n  }\n": typeof types.EndCarePlanDocument,
    "\n  mutation ReviseCarePlan($planId: ID!, $redraft: Boolean!) {\n    reviseCarePlan(planId: $planId, redraft: $redraft) {\n      id\n      number\n    }\n  }\n": typeof types.ReviseCarePlanDocument,
    "\n  mutation SaveCarePlanDraft($versionId: ID!, $input: CarePlanDraftInput!) {\n    saveCarePlanDraft(versionId: $versionId, input: $input) {\n      ...CarePlanVersionFields\n    }\n  }\n": typeof types.SaveCarePlanDraftDocument,
    "\n  mutation RecordSelfPayConsent($versionId: ID!, $input: SelfPayConsentInput!) {\n    recordSelfPayConsent(versionId: $versionId, input: $input) {\n      id\n      consent {\n        signedBy\n        relation\n        excessFen\n        recordedAt\n      }\n    }\n  }\n": typeof types.RecordSelfPayConsentDocument,
    "\n  mutation SubmitCarePlan($versionId: ID!) {\n    submitCarePlan(versionId: $versionId) {\n      id\n      state\n      status\n      autoApproved\n    }\n  }\n": typeof types.SubmitCarePlanDocument,
    "\n  mutation ApproveCarePlan($versionId: ID!) {\n    approveCarePlan(versionId: $versionId) {\n      id\n      state\n      status\n      effectiveFrom\n    }\n  }\n": typeof types.ApproveCarePlanDocument,
    "\n  mutation ReturnCarePlan($versionId: ID!, $reason: String!) {\n    returnCarePlan(versionId: $versionId, reason: $reason) {\n      id\n      state\n      status\n    }\n  }\n": typeof types.ReturnCarePlanDocument,
    "\n  mutation DiscardCarePlanVersion($versionId: ID!) {\n    discardCarePlanVersion(versionId: $versionId) {\n      id\n      state\n    }\n  }\n": typeof types.DiscardCarePlanVersionDocument,
    "\n  fragment PersonDetailFields on InsuredPerson {\n    id\n    name\n    idNumber\n    masked\n    phonesMasked\n    birthDate\n    sex\n    phone\n    insuranceType\n    insuredSince\n    status\n    dateOfDeath\n    address\n    home {\n      longitude\n      latitude\n    }\n    regionCode\n    poolingArea\n    emergencyContact {\n      name\n      relation\n      phone\n    }\n    region {\n      code\n      name\n      level\n      path {\n        code\n        name\n        level\n      }\n    }\n    version\n    createdAt\n    updatedAt\n  }\n": typeof types.PersonDetailFieldsFragmentDoc,
    "\n  query PeopleList($filter: InsuredPersonFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    insuredPersons(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        name\n        idNumber\n        sex\n        birthDate\n        insuranceType\n        status\n        region {\n          code\n          name\n          path {\n            code\n            name\n            level\n          }\n        }\n      }\n    }\n  }\n": typeof types.PeopleListDocument,
    "\n  query Person($id: ID!) {\n    insuredPerson(id: $id) {\n      ...PersonDetailFields\n    }\n  }\n": typeof types.PersonDocument,
    "\n  mutation CreatePerson($input: CreateInsuredPersonInput!) {\n    createInsuredPerson(input: $input) {\n      ...PersonDetailFields\n    }\n  }\n": typeof types.CreatePersonDocument,
    "\n  mutation UpdatePerson($id: ID!, $input: UpdateInsuredPersonInput!, $expectedVersion: Int) {\n    updateInsuredPerson(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      ...PersonDetailFields\n    }\n  }\n": typeof types.UpdatePersonDocument,
    "\n  mutation RecordDeath($id: ID!, $input: RecordDeathInput!) {\n    recordDeath(id: $id, input: $input) {\n      ...PersonDetailFields\n    }\n  }\n": typeof types.RecordDeathDocument,
    "\n  mutation RevealIdNumber($id: ID!) {\n    revealIdNumber(id: $id)\n  }\n": typeof types.RevealIdNumberDocument,
    "\n  fragment AgencyFields on AgencyProfile {\n    id\n    name\n    kind\n    creditCode\n    contractStatus\n    address\n    serviceArea\n    contactName\n    contactPhone\n    legalRepresentative\n    beds\n    bankName\n    bankAccount\n    longitude\n    latitude\n    poolingArea\n    active\n  }\n": typeof types.AgencyFieldsFragmentDoc,
    "\n  fragment ContractFields on Contract {\n    id\n    agencyId\n    agencyName\n    careForms\n    startDate\n    endDate\n    state\n    status\n    stateReason\n    suspendedFrom\n    suspendedUntil\n    renewalOfId\n    allowedActions\n    poolingArea\n    version\n  }\n": typeof types.ContractFieldsFragmentDoc,
    "\n  fragment CaregiverFields on Caregiver {\n    id\n    name\n    idNumber\n    sex\n    birthDate\n    phone\n    qualification\n    level\n    licenceNo\n    certificateNo\n    certificateExpiry\n    certificateExpired\n    certificateExpiring\n    trainingHours\n    active\n    agencyId\n    agencyName\n  }\n": typeof types.CaregiverFieldsFragmentDoc,
    "\n  fragment EvaluationFields on Evaluation {\n    id\n    agencyId\n    agencyName\n    quarter\n    scores\n    total\n    grade\n    releasePercent\n    violationCount\n    penaltyFen\n    createdAt\n  }\n": typeof types.EvaluationFieldsFragmentDoc,
    "\n  fragment ViolationFields on Violation {\n    id\n    agencyId\n    agencyName\n    date\n    rule\n    recoverFen\n    penaltyFen\n    action\n    suspendedFrom\n    suspendedUntil\n  }\n": typeof types.ViolationFieldsFragmentDoc,
    "\n  query Agencies($kind: AgencyKind, $search: String) {\n    agencies(kind: $kind, search: $search) {\n      ...AgencyFields\n    }\n  }\n": typeof types.AgenciesDocument,
    "\n  query Agency($id: ID!) {\n    agency(id: $id) {\n      ...AgencyFields\n    }\n    contracts(agencyId: $id) {\n      ...ContractFields\n    }\n    caregiverCertificateCounts(agencyId: $id) {\n      total\n      expired\n      expiring\n    }\n    evaluations(agencyId: $id) {\n      ...EvaluationFields\n    }\n    violations(agencyId: $id) {\n      ...ViolationFields\n    }\n  }\n": typeof types.AgencyDocument,
    "\n  mutation RegisterAgency($poolingArea: String!, $input: AgencyInput!) {\n    registerAgency(poolingArea: $poolingArea, input: $input) {\n      ...AgencyFields\n    }\n  }\n": typeof types.RegisterAgencyDocument,
    "\n  mutation UpdateAgency($id: ID!, $input: AgencyInput!) {\n    updateAgency(id: $id, input: $input) {\n      ...AgencyFields\n    }\n  }\n": typeof types.UpdateAgencyDocument,
    "\n  query Contracts($agencyId: ID, $state: String, $expiringWithinDays: Int) {\n    contracts(agencyId: $agencyId, state: $state, expiringWithinDays: $expiringWithinDays) {\n      ...ContractFields\n    }\n  }\n": typeof types.ContractsDocument,
    "\n  query Contract($id: ID!, $poolingArea: String!) {\n    contract(id: $id) {\n      ...ContractFields\n    }\n    priceSchedules(contractId: $id) {\n      id\n      effectiveFrom\n      itemPrices\n      dayRates\n      notes\n      createdAt\n    }\n    catalogue(poolingArea: $poolingArea) {\n      code\n      name\n      category\n      minutes\n      defaultPriceFen\n      careForms\n    }\n  }\n": typeof types.ContractDocument,
    "\n  mutation ApplyForContract($input: ContractApplicationInput!) {\n    applyForContract(input: $input) {\n      ...ContractFields\n    }\n  }\n": typeof types.ApplyForContractDocument,
    "\n  mutation SubmitContract($id: ID!) {\n    submitContract(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.SubmitContractDocument,
    "\n  mutation ApproveContract($id: ID!) {\n    approveContract(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.ApproveContractDocument,
    "\n  mutation RejectContract($id: ID!, $reason: String!) {\n    rejectContract(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n": typeof types.RejectContractDocument,
    "\n  mutation SuspendContract($id: ID!, $reason: String!, $from: String!, $until: String) {\n    suspendContract(id: $id, reason: $reason, from: $from, until: $until) {\n      id\n      status\n    }\n  }\n": typeof types.SuspendContractDocument,
    "\n  mutation ResumeContract($id: ID!) {\n    resumeContract(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.ResumeContractDocument,
    "\n  mutation TerminateContract($id: ID!, $reason: String!) {\n    terminateContract(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n": typeof types.TerminateContractDocument,
    "\n  mutation AddPriceSchedule($contractId: ID!, $input: PriceScheduleInput!) {\n    addPriceSchedule(contractId: $contractId, input: $input) {\n      id\n      effectiveFrom\n    }\n  }\n": typeof types.AddPriceScheduleDocument,
    "\n  query Caregivers($agencyId: ID, $search: String, $certificateExpiringWithinDays: Int, $first: Int, $after: String, $last: Int, $before: String) {\n    caregivers(\n      agencyId: $agencyId\n      search: $search\n      certificateExpiringWithinDays: $certificateExpiringWithinDays\n      first: $first\n      after: $after\n      last: $last\n      before: $before\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        ...CaregiverFields\n      }\n    }\n    caregiverCertificateCounts(agencyId: $agencyId) {\n      total\n      expired\n      expiring\n    }\n  }\n": typeof types.CaregiversDocument,
    "\n  mutation AddCaregiver($input: CaregiverInput!) {\n    addCaregiver(input: $input) {\n      ...CaregiverFields\n    }\n  }\n": typeof types.AddCaregiverDocument,
    "\n  mutation UpdateCaregiver($id: ID!, $input: CaregiverUpdateInput!) {\n    updateCaregiver(id: $id, input: $input) {\n      ...CaregiverFields\n    }\n  }\n": typeof types.UpdateCaregiverDocument,
    "\n  query Evaluations($agencyId: ID) {\n    evaluationSheet {\n      criteria {\n        code\n        name\n        weight\n      }\n      grades {\n        grade\n        min\n        releasePercent\n      }\n    }\n    evaluations(agencyId: $agencyId) {\n      ...EvaluationFields\n    }\n    violations(agencyId: $agencyId) {\n      ...ViolationFields\n    }\n  }\n": typeof types.EvaluationsDocument,
    "\n  mutation EvaluateAgency($agencyId: ID!, $quarter: String!, $scores: JSONObject!) {\n    evaluateAgency(agencyId: $agencyId, quarter: $quarter, scores: $scores) {\n      ...EvaluationFields\n    }\n  }\n": typeof types.EvaluateAgencyDocument,
    "\n  mutation RecordViolation($input: ViolationInput!) {\n    recordViolation(input: $input) {\n      ...ViolationFields\n    }\n  }\n": typeof types.RecordViolationDocument,
    "\n  query RegionChildren($parentCode: String) {\n    regions(parentCode: $parentCode) {\n      code\n      name\n      level\n    }\n  }\n": typeof types.RegionChildrenDocument,
    "\n  query RegionPath($code: String!) {\n    region(code: $code) {\n      code\n      path {\n        code\n        name\n        level\n      }\n    }\n  }\n": typeof types.RegionPathDocument,
    "\n  fragment UserFields on User {\n    id\n    username\n    displayName\n    phone\n    poolingArea\n    status\n    lockedUntil\n    mustChangePassword\n    createdAt\n    grants {\n      role\n      poolingArea\n      agency {\n        id\n        name\n      }\n      assessmentOrg {\n        id\n        name\n      }\n    }\n  }\n": typeof types.UserFieldsFragmentDoc,
    "\n  query UsersList($filter: UserFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    users(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        ...UserFields\n      }\n    }\n  }\n": typeof types.UsersListDocument,
    "\n  query User($id: ID!) {\n    user(id: $id) {\n      ...UserFields\n    }\n  }\n": typeof types.UserDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserFields\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UserInput!) {\n    updateUser(id: $id, input: $input) {\n      ...UserFields\n    }\n  }\n": typeof types.UpdateUserDocument,
    "\n  mutation DisableUser($id: ID!) {\n    disableUser(id: $id) {\n      ...UserFields\n    }\n  }\n": typeof types.DisableUserDocument,
    "\n  mutation EnableUser($id: ID!) {\n    enableUser(id: $id) {\n      ...UserFields\n    }\n  }\n": typeof types.EnableUserDocument,
    "\n  mutation ResetPassword($id: ID!) {\n    resetPassword(id: $id) {\n      temporaryPassword\n      user {\n        ...UserFields\n      }\n    }\n  }\n": typeof types.ResetPasswordDocument,
    "\n  query Organisations($kind: OrgKind!, $poolingArea: String) {\n    organisations(kind: $kind, poolingArea: $poolingArea) {\n      id\n      name\n      poolingArea\n    }\n  }\n": typeof types.OrganisationsDocument,
    "\n  query PoolingAreas {\n    regions {\n      code\n      name\n      poolingArea\n    }\n  }\n": typeof types.PoolingAreasDocument,
};
const documents: Documents = {
    "\n  fragment ViewerFields on Viewer {\n    roles\n    permissions\n    mustChangePassword\n    user {\n      id\n      username\n      displayName\n      poolingArea\n      grants {\n        role\n        poolingArea\n        agency {\n          id\n          name\n        }\n        assessmentOrg {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.ViewerFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n": types.MeDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      ...ViewerFields\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": types.ChangePasswordDocument,
    "\n  fragment AssessedPersonFields on InsuredPerson {\n    id\n    name\n    idNumber\n    sex\n    birthDate\n    address\n    status\n    region {\n      code\n      name\n      path {\n        code\n        name\n        level\n      }\n    }\n  }\n": types.AssessedPersonFieldsFragmentDoc,
    "\n  fragment TaskFields on AssessmentTask {\n    id\n    applicationId\n    applicationType\n    round\n    status\n    dueDate\n    overdue\n    assignedAt\n    answers\n    notes\n    visitedAt\n    visitPlace\n    visitLongitude\n    visitLatitude\n    level\n    levelName\n    explanation\n    explanationEn\n    result\n    submittedAt\n    version\n    person {\n      ...AssessedPersonFields\n    }\n  }\n": types.TaskFieldsFragmentDoc,
    "\n  query MyAssessmentTasks($open: Boolean) {\n    myAssessmentTasks(open: $open) {\n      id\n      applicationType\n      round\n      status\n      dueDate\n      overdue\n      answers\n      level\n      submittedAt\n      version\n      person {\n        ...AssessedPersonFields\n      }\n    }\n  }\n": types.MyAssessmentTasksDocument,
    "\n  query AssessmentTask($id: ID!) {\n    assessmentTask(id: $id) {\n      ...TaskFields\n    }\n  }\n": types.AssessmentTaskDocument,
    "\n  mutation SaveAssessmentDraft($taskId: ID!, $input: AssessmentFormInput!) {\n    saveAssessmentDraft(taskId: $taskId, input: $input) {\n      id\n      version\n      status\n    }\n  }\n": types.SaveAssessmentDraftDocument,
    "\n  mutation SubmitAssessment($taskId: ID!, $input: AssessmentFormInput!) {\n    submitAssessment(taskId: $taskId, input: $input) {\n      ...TaskFields\n    }\n  }\n": types.SubmitAssessmentDocument,
    "\n  query AssessmentApplications($filter: AssessmentApplicationFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    assessmentApplications(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        type\n        status\n        round\n        submittedOn\n        acceptanceDue\n        noticeEnd\n        confirmedLevel\n        applicantName\n        person {\n          id\n          name\n          idNumber\n          region {\n            code\n            name\n          }\n        }\n      }\n    }\n  }\n": types.AssessmentApplicationsDocument,
    "\n  query OverdueAssessmentTasks {\n    overdueAssessmentTasks {\n      id\n      applicationId\n      round\n      dueDate\n      assessor {\n        id\n        name\n        qualification\n      }\n      person {\n        id\n        name\n      }\n    }\n  }\n": types.OverdueAssessmentTasksDocument,
    "\n  fragment ReviewTaskFields on AssessmentTask {\n    id\n    round\n    status\n    dueDate\n    overdue\n    level\n    levelName\n    explanation\n    explanationEn\n    answers\n    result\n    notes\n    visitedAt\n    visitPlace\n    submittedAt\n    assessor {\n      id\n      name\n      qualification\n    }\n  }\n": types.ReviewTaskFieldsFragmentDoc,
    "\n  fragment ConclusionFields on Conclusion {\n    id\n    applicationId\n    level\n    levelName\n    qualifies\n    issuedOn\n    effectiveDate\n    validUntil\n    status\n    supersededOn\n    noticeUrl\n  }\n": types.ConclusionFieldsFragmentDoc,
    "\n  fragment ApplicationDetailFields on AssessmentApplication {\n    id\n    poolingArea\n    type\n    status\n    round\n    finalRound\n    submittedOn\n    acceptanceDue\n    applicantName\n    applicantRelation\n    contactPhone\n    disabilityDeclared\n    challengedConclusionId\n    rejectReason\n    reviewNote\n    confirmedLevel\n    noticeStart\n    noticeEnd\n    allowedActions\n    createdAt\n    version\n    history {\n      at\n      operation\n      username\n      toState\n      detail\n    }\n    person {\n      ...AssessedPersonFields\n    }\n    tasks {\n      ...ReviewTaskFields\n    }\n    objections {\n      id\n      raisedBy\n      reason\n      receivedAt\n      decision\n      decisionNote\n      decidedAt\n    }\n    documents {\n      id\n      kind\n      filename\n      contentType\n      size\n      uploadedAt\n      url\n    }\n    conclusion {\n      ...ConclusionFields\n    }\n  }\n": types.ApplicationDetailFieldsFragmentDoc,
    "\n  query AssessmentApplication($id: ID!) {\n    assessmentApplication(id: $id) {\n      ...ApplicationDetailFields\n    }\n  }\n": types.AssessmentApplicationDocument,
    "\n  mutation ApplyForAssessment($input: ApplyForAssessmentInput!) {\n    applyForAssessment(input: $input) {\n      id\n    }\n  }\n": types.ApplyForAssessmentDocument,
    "\n  mutation AcceptApplication($id: ID!) {\n    acceptApplication(id: $id) {\n      id\n      status\n    }\n  }\n": types.AcceptApplicationDocument,
    "\n  mutation RejectApplication($id: ID!, $reason: String!) {\n    rejectApplication(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n": types.RejectApplicationDocument,
    "\n  mutation WithdrawApplication($id: ID!, $reason: String!) {\n    withdrawApplication(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n": types.WithdrawApplicationDocument,
    "\n  query Assessors {\n    assessors {\n      id\n      userId\n      name\n      qualification\n      certificateNo\n      certificateExpiry\n      assignable\n      org {\n        id\n        name\n      }\n    }\n  }\n": types.AssessorsDocument,
    "\n  mutation AssignAssessors($id: ID!, $assessorIds: [ID!]!, $dueDate: String) {\n    assignAssessors(id: $id, assessorIds: $assessorIds, dueDate: $dueDate) {\n      id\n      status\n    }\n  }\n": types.AssignAssessorsDocument,
    "\n  mutation ReviewAssessment($id: ID!, $decision: ReviewDecision!, $level: Int, $note: String) {\n    reviewAssessment(id: $id, decision: $decision, level: $level, note: $note) {\n      id\n      status\n    }\n  }\n": types.ReviewAssessmentDocument,
    "\n  mutation RecordObjection($id: ID!, $input: ObjectionInput!) {\n    recordObjection(id: $id, input: $input) {\n      id\n    }\n  }\n": types.RecordObjectionDocument,
    "\n  mutation DecideObjection($objectionId: ID!, $decision: ObjectionDecision!, $note: String!) {\n    decideObjection(objectionId: $objectionId, decision: $decision, note: $note) {\n      id\n    }\n  }\n": types.DecideObjectionDocument,
    "\n  mutation ConcludeAssessment($id: ID!) {\n    concludeAssessment(id: $id) {\n      id\n    }\n  }\n": types.ConcludeAssessmentDocument,
    "\n  query Conclusions($filter: ConclusionFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    conclusions(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        ...ConclusionFields\n        person {\n          id\n          name\n          idNumber\n        }\n      }\n    }\n  }\n": types.ConclusionsDocument,
    "\n  query ConclusionLevels($filter: ConclusionFilter, $first: Int, $after: String) {\n    conclusions(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        level\n      }\n    }\n  }\n": types.ConclusionLevelsDocument,
    "\n  fragment SettingsFields on AssessmentSettings {\n    minDisabilityMonths\n    acceptanceWorkingDays\n    minAssessors\n    minMedicalAssessors\n    onSiteWorkingDays\n    noticeWorkingDays\n    appealDays\n    validityYears\n    changedConditionMinMonths\n    qualifyingLevels\n    holidays\n    workingWeekends\n  }\n": types.SettingsFieldsFragmentDoc,
    "\n  query AssessmentSettings($poolingArea: String!) {\n    assessmentSettings(poolingArea: $poolingArea) {\n      ...SettingsFields\n    }\n  }\n": types.AssessmentSettingsDocument,
    "\n  mutation SetAssessmentSettings($poolingArea: String!, $input: AssessmentSettingsInput!) {\n    setAssessmentSettings(poolingArea: $poolingArea, input: $input) {\n      ...SettingsFields\n    }\n  }\n": types.SetAssessmentSettingsDocument,
    "\n  query AssessorCandidates {\n    assessorCandidates {\n      userId\n      username\n      displayName\n      orgName\n    }\n  }\n": types.AssessorCandidatesDocument,
    "\n  mutation RegisterAssessor($input: AssessorInput!) {\n    registerAssessor(input: $input) {\n      id\n    }\n  }\n": types.RegisterAssessorDocument,
    "\n  query AuditLog($filter: AuditFilter, $first: Int, $after: String) {\n    auditLog(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        at\n        userId\n        username\n        roles\n        operation\n        entity\n        entityId\n        poolingArea\n        changes\n        clientIp\n        requestId\n      }\n    }\n  }\n": types.AuditLogDocument,
    "\n  fragment PersonPlanFields on CarePlan {\n    id\n    personId\n    careForm\n    agencyId\n    agencyName\n    state\n    startDate\n    endDate\n    endReason\n    declineReason\n    level\n    tubeFeeding\n    attention\n    transferredFromId\n    current {\n      id\n      number\n      status\n      effectiveFrom\n      cost {\n        grossFen\n        fundFen\n        personFen\n      }\n    }\n    open {\n      id\n      number\n      status\n      cost {\n        grossFen\n        fundFen\n        personFen\n      }\n    }\n    versions {\n      id\n      number\n      status\n      cost {\n        grossFen\n        fundFen\n        personFen\n      }\n    }\n  }\n": types.PersonPlanFieldsFragmentDoc,
    "\n  query PersonPlans($personId: ID!, $first: Int!) {\n    carePlans(personId: $personId, first: $first) {\n      nodes {\n        ...PersonPlanFields\n      }\n      totalCount\n    }\n  }\n": types.PersonPlansDocument,
    "\n  query CarePlanAgencyChoices($personId: ID!, $careForm: CareForm!, $on: String!) {\n    carePlanAgencyChoices(personId: $personId, careForm: $careForm, on: $on) {\n      id\n      name\n      kind\n      address\n      contactPhone\n    }\n  }\n": types.CarePlanAgencyChoicesDocument,
    "\n  mutation RequestCarePlan($input: CarePlanRequestInput!) {\n    requestCarePlan(input: $input) {\n      ...PersonPlanFields\n    }\n  }\n": types.RequestCarePlanDocument,
    "\n  mutation TransferCarePlan($id: ID!, $input: CarePlanTransferInput!) {\n    transferCarePlan(id: $id, input: $input) {\n      ...PersonPlanFields\n    }\n  }\n": types.TransferCarePlanDocument,
    "\n  fragment BenefitSettingsFields on BenefitSettings {\n    id\n    poolingArea\n    effectiveFrom\n    createdAt\n    qualifyingLevels\n    autoApproveWithinCap\n    forms {\n      form\n      fundRatioPercent\n      levels {\n        level\n        kind\n        amountFen\n        hoursPerWeek\n      }\n    }\n    proposals\n    fitOrder\n  }\n": types.BenefitSettingsFieldsFragmentDoc,
    "\n  fragment DeviceTypeFields on DeviceType {\n    id\n    code\n    name\n    monthlyFeeFen\n    active\n  }\n": types.DeviceTypeFieldsFragmentDoc,
    "\n  query BenefitsPage($poolingArea: String!) {\n    benefitSettings(poolingArea: $poolingArea) {\n      ...BenefitSettingsFields\n    }\n    benefitSettingsVersions(poolingArea: $poolingArea) {\n      ...BenefitSettingsFields\n    }\n    deviceTypes(poolingArea: $poolingArea) {\n      ...DeviceTypeFields\n    }\n    catalogue(poolingArea: $poolingArea) {\n      code\n      name\n    }\n    region(code: $poolingArea) {\n      code\n      name\n    }\n  }\n": types.BenefitsPageDocument,
    "\n  mutation SetBenefitSettings($poolingArea: String!, $effectiveFrom: String!, $settings: BenefitSettingsInput!) {\n    setBenefitSettings(poolingArea: $poolingArea, effectiveFrom: $effectiveFrom, settings: $settings) {\n      ...BenefitSettingsFields\n    }\n  }\n": types.SetBenefitSettingsDocument,
    "\n  mutation SetDeviceType($poolingArea: String!, $input: DeviceTypeInput!) {\n    setDeviceType(poolingArea: $poolingArea, input: $input) {\n      ...DeviceTypeFields\n    }\n  }\n": types.SetDeviceTypeDocument,
    "\n  fragment PlanCostFields on PlanCost {\n    grossFen\n    capFen\n    fundFen\n    copayFen\n    excessFen\n    personFen\n    main {\n      form\n      entitlementKind\n      entitlementAmountFen\n      entitlementHoursPerWeek\n      fundRatioPercent\n      grossFen\n      capFen\n      eligibleFen\n      fundFen\n      copayFen\n      excessFen\n      minutes\n      entitledMinutes\n    }\n    device {\n      form\n      entitlementKind\n      entitlementAmountFen\n      entitlementHoursPerWeek\n      fundRatioPercent\n      grossFen\n      capFen\n      eligibleFen\n      fundFen\n      copayFen\n      excessFen\n      minutes\n      entitledMinutes\n    }\n  }\n": types.PlanCostFieldsFragmentDoc,
    "\n  fragment CarePlanListFields on CarePlan {\n    id\n    personName\n    personIdNumber\n    careForm\n    agencyId\n    agencyName\n    level\n    startDate\n    endDate\n    state\n    attention\n    current {\n      id\n      number\n      status\n    }\n    open {\n      id\n      number\n      status\n    }\n  }\n": types.CarePlanListFieldsFragmentDoc,
    "\n  fragment VersionSummaryFields on CarePlanVersion {\n    id\n    number\n    state\n    status\n    level\n    effectiveFrom\n    effectiveUntil\n    returnReason\n    submittedAt\n    decidedAt\n    decidedByName\n    autoApproved\n    cost {\n      grossFen\n      fundFen\n      copayFen\n      excessFen\n    }\n  }\n": types.VersionSummaryFieldsFragmentDoc,
    "\n  fragment CarePlanFields on CarePlan {\n    id\n    poolingArea\n    personId\n    personName\n    personIdNumber\n    personAddress\n    personStatus\n    agencyId\n    agencyName\n    careForm\n    state\n    allowedActions\n    startDate\n    endDate\n    endReason\n    endNote\n    declineReason\n    tubeFeeding\n    level\n    attention\n    transferredFromId\n    createdAt\n    versions {\n      ...VersionSummaryFields\n    }\n    current {\n      id\n      number\n    }\n    open {\n      id\n      number\n      state\n    }\n  }\n": types.CarePlanFieldsFragmentDoc,
    "\n  fragment CarePlanLineFields on CarePlanLine {\n    id\n    kind\n    code\n    name\n    category\n    times\n    per\n    days\n    timeOfDay\n    unitPriceFen\n    minutes\n    monthlyUnits\n    monthlyCostFen\n    goal\n    note\n    reasons {\n      rule\n      source\n      score\n      grade\n      text\n    }\n    alternatives {\n      code\n      times\n      per\n    }\n  }\n": types.CarePlanLineFieldsFragmentDoc,
    "\n  fragment CarePlanVersionFields on CarePlanVersion {\n    id\n    planId\n    number\n    state\n    status\n    allowedActions\n    level\n    conclusionId\n    effectiveFrom\n    effectiveUntil\n    goals\n    notes\n    priceScheduleFrom\n    returnReason\n    submittedAt\n    decidedAt\n    decidedByName\n    autoApproved\n    updatedAt\n    version\n    cost {\n      ...PlanCostFields\n    }\n    fitChanges {\n      code\n      fromTimes\n      fromPer\n      toTimes\n      toPer\n      savedFen\n    }\n    consent {\n      signedBy\n      relation\n      excessFen\n      recordedAt\n    }\n    lines {\n      ...CarePlanLineFields\n    }\n  }\n": types.CarePlanVersionFieldsFragmentDoc,
    "\n  query CarePlans($attention: CarePlanAttention, $search: String, $first: Int, $after: String, $last: Int, $before: String) {\n    carePlans(attention: $attention, search: $search, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        ...CarePlanListFields\n      }\n    }\n  }\n": types.CarePlansDocument,
    "\n  query CarePlanCounts {\n    carePlanCounts {\n      TO_ACCEPT\n      TO_DRAFT\n      TO_REVISE\n      TO_APPROVE\n      TO_TRANSFER\n      TO_END\n    }\n  }\n": types.CarePlanCountsDocument,
    "\n  query CarePlan($id: ID!) {\n    carePlan(id: $id) {\n      ...CarePlanFields\n    }\n  }\n": types.CarePlanDocument,
    "\n  query CarePlanVersion($id: ID!, $withAssessment: Boolean!) {\n    carePlanVersion(id: $id) {\n      ...CarePlanVersionFields\n    }\n    carePlanEditorOptions(versionId: $id) {\n      items {\n        code\n        name\n        category\n        minutes\n        unitPriceFen\n      }\n      devices {\n        id\n        code\n        name\n        monthlyFeeFen\n        active\n      }\n      benefits\n      dayRateFen\n      priceScheduleFrom\n      clinicalStaff\n    }\n    carePlanAssessment(versionId: $id) @include(if: $withAssessment) {\n      conclusionId\n      level\n      effectiveDate\n      validUntil\n      answers\n      sums\n      cognitionGrade\n      perceptionGrade\n    }\n  }\n": types.CarePlanVersionDocument,
    "\n  mutation AcceptCarePlan($id: ID!) {\n    acceptCarePlan(id: $id) {\n      id\n      state\n      open {\n        id\n      }\n    }\n  }\n": types.AcceptCarePlanDocument,
    "\n  mutation DeclineCarePlan($id: ID!, $reason: String!) {\n    declineCarePlan(id: $id, reason: $reason) {\n      id\n      state\n    }\n  }\n": types.DeclineCarePlanDocument,
    "\n  mutation EndCarePlan($id: ID!, $input: CarePlanEndInput!) {\n    endCarePlan(id: $id, input: $input) {\n      id\n      state\n    }\n  }\n": types.EndCarePlanDocument,
    "\n  mutation ReviseCarePlan($planId: ID!, $redraft: Boolean!) {\n    reviseCarePlan(planId: $planId, redraft: $redraft) {\n      id\n      number\n    }\n  }\n": types.ReviseCarePlanDocument,
    "\n  mutation SaveCarePlanDraft($versionId: ID!, $input: CarePlanDraftInput!) {\n    saveCarePlanDraft(versionId: $versionId, input: $input) {\n      ...CarePlanVersionFields\n    }\n  }\n": types.SaveCarePlanDraftDocument,
    "\n  mutation RecordSelfPayConsent($versionId: ID!, $input: SelfPayConsentInput!) {\n    recordSelfPayConsent(versionId: $versionId, input: $input) {\n      id\n      consent {\n        signedBy\n        relation\n        excessFen\n        recordedAt\n      }\n    }\n  }\n": types.RecordSelfPayConsentDocument,
    "\n  mutation SubmitCarePlan($versionId: ID!) {\n    submitCarePlan(versionId: $versionId) {\n      id\n      state\n      status\n      autoApproved\n    }\n  }\n": types.SubmitCarePlanDocument,
    "\n  mutation ApproveCarePlan($versionId: ID!) {\n    approveCarePlan(versionId: $versionId) {\n      id\n      state\n      status\n      effectiveFrom\n    }\n  }\n": types.ApproveCarePlanDocument,
    "\n  mutation ReturnCarePlan($versionId: ID!, $reason: String!) {\n    returnCarePlan(versionId: $versionId, reason: $reason) {\n      id\n      state\n      status\n    }\n  }\n": types.ReturnCarePlanDocument,
    "\n  mutation DiscardCarePlanVersion($versionId: ID!) {\n    discardCarePlanVersion(versionId: $versionId) {\n      id\n      state\n    }\n  }\n": types.DiscardCarePlanVersionDocument,
    "\n  fragment PersonDetailFields on InsuredPerson {\n    id\n    name\n    idNumber\n    masked\n    phonesMasked\n    birthDate\n    sex\n    phone\n    insuranceType\n    insuredSince\n    status\n    dateOfDeath\n    address\n    home {\n      longitude\n      latitude\n    }\n    regionCode\n    poolingArea\n    emergencyContact {\n      name\n      relation\n      phone\n    }\n    region {\n      code\n      name\n      level\n      path {\n        code\n        name\n        level\n      }\n    }\n    version\n    createdAt\n    updatedAt\n  }\n": types.PersonDetailFieldsFragmentDoc,
    "\n  query PeopleList($filter: InsuredPersonFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    insuredPersons(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        name\n        idNumber\n        sex\n        birthDate\n        insuranceType\n        status\n        region {\n          code\n          name\n          path {\n            code\n            name\n            level\n          }\n        }\n      }\n    }\n  }\n": types.PeopleListDocument,
    "\n  query Person($id: ID!) {\n    insuredPerson(id: $id) {\n      ...PersonDetailFields\n    }\n  }\n": types.PersonDocument,
    "\n  mutation CreatePerson($input: CreateInsuredPersonInput!) {\n    createInsuredPerson(input: $input) {\n      ...PersonDetailFields\n    }\n  }\n": types.CreatePersonDocument,
    "\n  mutation UpdatePerson($id: ID!, $input: UpdateInsuredPersonInput!, $expectedVersion: Int) {\n    updateInsuredPerson(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      ...PersonDetailFields\n    }\n  }\n": types.UpdatePersonDocument,
    "\n  mutation RecordDeath($id: ID!, $input: RecordDeathInput!) {\n    recordDeath(id: $id, input: $input) {\n      ...PersonDetailFields\n    }\n  }\n": types.RecordDeathDocument,
    "\n  mutation RevealIdNumber($id: ID!) {\n    revealIdNumber(id: $id)\n  }\n": types.RevealIdNumberDocument,
    "\n  fragment AgencyFields on AgencyProfile {\n    id\n    name\n    kind\n    creditCode\n    contractStatus\n    address\n    serviceArea\n    contactName\n    contactPhone\n    legalRepresentative\n    beds\n    bankName\n    bankAccount\n    longitude\n    latitude\n    poolingArea\n    active\n  }\n": types.AgencyFieldsFragmentDoc,
    "\n  fragment ContractFields on Contract {\n    id\n    agencyId\n    agencyName\n    careForms\n    startDate\n    endDate\n    state\n    status\n    stateReason\n    suspendedFrom\n    suspendedUntil\n    renewalOfId\n    allowedActions\n    poolingArea\n    version\n  }\n": types.ContractFieldsFragmentDoc,
    "\n  fragment CaregiverFields on Caregiver {\n    id\n    name\n    idNumber\n    sex\n    birthDate\n    phone\n    qualification\n    level\n    licenceNo\n    certificateNo\n    certificateExpiry\n    certificateExpired\n    certificateExpiring\n    trainingHours\n    active\n    agencyId\n    agencyName\n  }\n": types.CaregiverFieldsFragmentDoc,
    "\n  fragment EvaluationFields on Evaluation {\n    id\n    agencyId\n    agencyName\n    quarter\n    scores\n    total\n    grade\n    releasePercent\n    violationCount\n    penaltyFen\n    createdAt\n  }\n": types.EvaluationFieldsFragmentDoc,
    "\n  fragment ViolationFields on Violation {\n    id\n    agencyId\n    agencyName\n    date\n    rule\n    recoverFen\n    penaltyFen\n    action\n    suspendedFrom\n    suspendedUntil\n  }\n": types.ViolationFieldsFragmentDoc,
    "\n  query Agencies($kind: AgencyKind, $search: String) {\n    agencies(kind: $kind, search: $search) {\n      ...AgencyFields\n    }\n  }\n": types.AgenciesDocument,
    "\n  query Agency($id: ID!) {\n    agency(id: $id) {\n      ...AgencyFields\n    }\n    contracts(agencyId: $id) {\n      ...ContractFields\n    }\n    caregiverCertificateCounts(agencyId: $id) {\n      total\n      expired\n      expiring\n    }\n    evaluations(agencyId: $id) {\n      ...EvaluationFields\n    }\n    violations(agencyId: $id) {\n      ...ViolationFields\n    }\n  }\n": types.AgencyDocument,
    "\n  mutation RegisterAgency($poolingArea: String!, $input: AgencyInput!) {\n    registerAgency(poolingArea: $poolingArea, input: $input) {\n      ...AgencyFields\n    }\n  }\n": types.RegisterAgencyDocument,
    "\n  mutation UpdateAgency($id: ID!, $input: AgencyInput!) {\n    updateAgency(id: $id, input: $input) {\n      ...AgencyFields\n    }\n  }\n": types.UpdateAgencyDocument,
    "\n  query Contracts($agencyId: ID, $state: String, $expiringWithinDays: Int) {\n    contracts(agencyId: $agencyId, state: $state, expiringWithinDays: $expiringWithinDays) {\n      ...ContractFields\n    }\n  }\n": types.ContractsDocument,
    "\n  query Contract($id: ID!, $poolingArea: String!) {\n    contract(id: $id) {\n      ...ContractFields\n    }\n    priceSchedules(contractId: $id) {\n      id\n      effectiveFrom\n      itemPrices\n      dayRates\n      notes\n      createdAt\n    }\n    catalogue(poolingArea: $poolingArea) {\n      code\n      name\n      category\n      minutes\n      defaultPriceFen\n      careForms\n    }\n  }\n": types.ContractDocument,
    "\n  mutation ApplyForContract($input: ContractApplicationInput!) {\n    applyForContract(input: $input) {\n      ...ContractFields\n    }\n  }\n": types.ApplyForContractDocument,
    "\n  mutation SubmitContract($id: ID!) {\n    submitContract(id: $id) {\n      id\n      status\n    }\n  }\n": types.SubmitContractDocument,
    "\n  mutation ApproveContract($id: ID!) {\n    approveContract(id: $id) {\n      id\n      status\n    }\n  }\n": types.ApproveContractDocument,
    "\n  mutation RejectContract($id: ID!, $reason: String!) {\n    rejectContract(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n": types.RejectContractDocument,
    "\n  mutation SuspendContract($id: ID!, $reason: String!, $from: String!, $until: String) {\n    suspendContract(id: $id, reason: $reason, from: $from, until: $until) {\n      id\n      status\n    }\n  }\n": types.SuspendContractDocument,
    "\n  mutation ResumeContract($id: ID!) {\n    resumeContract(id: $id) {\n      id\n      status\n    }\n  }\n": types.ResumeContractDocument,
    "\n  mutation TerminateContract($id: ID!, $reason: String!) {\n    terminateContract(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n": types.TerminateContractDocument,
    "\n  mutation AddPriceSchedule($contractId: ID!, $input: PriceScheduleInput!) {\n    addPriceSchedule(contractId: $contractId, input: $input) {\n      id\n      effectiveFrom\n    }\n  }\n": types.AddPriceScheduleDocument,
    "\n  query Caregivers($agencyId: ID, $search: String, $certificateExpiringWithinDays: Int, $first: Int, $after: String, $last: Int, $before: String) {\n    caregivers(\n      agencyId: $agencyId\n      search: $search\n      certificateExpiringWithinDays: $certificateExpiringWithinDays\n      first: $first\n      after: $after\n      last: $last\n      before: $before\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        ...CaregiverFields\n      }\n    }\n    caregiverCertificateCounts(agencyId: $agencyId) {\n      total\n      expired\n      expiring\n    }\n  }\n": types.CaregiversDocument,
    "\n  mutation AddCaregiver($input: CaregiverInput!) {\n    addCaregiver(input: $input) {\n      ...CaregiverFields\n    }\n  }\n": types.AddCaregiverDocument,
    "\n  mutation UpdateCaregiver($id: ID!, $input: CaregiverUpdateInput!) {\n    updateCaregiver(id: $id, input: $input) {\n      ...CaregiverFields\n    }\n  }\n": types.UpdateCaregiverDocument,
    "\n  query Evaluations($agencyId: ID) {\n    evaluationSheet {\n      criteria {\n        code\n        name\n        weight\n      }\n      grades {\n        grade\n        min\n        releasePercent\n      }\n    }\n    evaluations(agencyId: $agencyId) {\n      ...EvaluationFields\n    }\n    violations(agencyId: $agencyId) {\n      ...ViolationFields\n    }\n  }\n": types.EvaluationsDocument,
    "\n  mutation EvaluateAgency($agencyId: ID!, $quarter: String!, $scores: JSONObject!) {\n    evaluateAgency(agencyId: $agencyId, quarter: $quarter, scores: $scores) {\n      ...EvaluationFields\n    }\n  }\n": types.EvaluateAgencyDocument,
    "\n  mutation RecordViolation($input: ViolationInput!) {\n    recordViolation(input: $input) {\n      ...ViolationFields\n    }\n  }\n": types.RecordViolationDocument,
    "\n  query RegionChildren($parentCode: String) {\n    regions(parentCode: $parentCode) {\n      code\n      name\n      level\n    }\n  }\n": types.RegionChildrenDocument,
    "\n  query RegionPath($code: String!) {\n    region(code: $code) {\n      code\n      path {\n        code\n        name\n        level\n      }\n    }\n  }\n": types.RegionPathDocument,
    "\n  fragment UserFields on User {\n    id\n    username\n    displayName\n    phone\n    poolingArea\n    status\n    lockedUntil\n    mustChangePassword\n    createdAt\n    grants {\n      role\n      poolingArea\n      agency {\n        id\n        name\n      }\n      assessmentOrg {\n        id\n        name\n      }\n    }\n  }\n": types.UserFieldsFragmentDoc,
    "\n  query UsersList($filter: UserFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    users(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        ...UserFields\n      }\n    }\n  }\n": types.UsersListDocument,
    "\n  query User($id: ID!) {\n    user(id: $id) {\n      ...UserFields\n    }\n  }\n": types.UserDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserFields\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UserInput!) {\n    updateUser(id: $id, input: $input) {\n      ...UserFields\n    }\n  }\n": types.UpdateUserDocument,
    "\n  mutation DisableUser($id: ID!) {\n    disableUser(id: $id) {\n      ...UserFields\n    }\n  }\n": types.DisableUserDocument,
    "\n  mutation EnableUser($id: ID!) {\n    enableUser(id: $id) {\n      ...UserFields\n    }\n  }\n": types.EnableUserDocument,
    "\n  mutation ResetPassword($id: ID!) {\n    resetPassword(id: $id) {\n      temporaryPassword\n      user {\n        ...UserFields\n      }\n    }\n  }\n": types.ResetPasswordDocument,
    "\n  query Organisations($kind: OrgKind!, $poolingArea: String) {\n    organisations(kind: $kind, poolingArea: $poolingArea) {\n      id\n      name\n      poolingArea\n    }\n  }\n": types.OrganisationsDocument,
    "\n  query PoolingAreas {\n    regions {\n      code\n      name\n      poolingArea\n    }\n  }\n": types.PoolingAreasDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ViewerFields on Viewer {\n    roles\n    permissions\n    mustChangePassword\n    user {\n      id\n      username\n      displayName\n      poolingArea\n      grants {\n        role\n        poolingArea\n        agency {\n          id\n          name\n        }\n        assessmentOrg {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ViewerFields on Viewer {\n    roles\n    permissions\n    mustChangePassword\n    user {\n      id\n      username\n      displayName\n      poolingArea\n      grants {\n        role\n        poolingArea\n        agency {\n          id\n          name\n        }\n        assessmentOrg {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      ...ViewerFields\n    }\n  }\n"): (typeof documents)["\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      ...ViewerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AssessedPersonFields on InsuredPerson {\n    id\n    name\n    idNumber\n    sex\n    birthDate\n    address\n    status\n    region {\n      code\n      name\n      path {\n        code\n        name\n        level\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment AssessedPersonFields on InsuredPerson {\n    id\n    name\n    idNumber\n    sex\n    birthDate\n    address\n    status\n    region {\n      code\n      name\n      path {\n        code\n        name\n        level\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TaskFields on AssessmentTask {\n    id\n    applicationId\n    applicationType\n    round\n    status\n    dueDate\n    overdue\n    assignedAt\n    answers\n    notes\n    visitedAt\n    visitPlace\n    visitLongitude\n    visitLatitude\n    level\n    levelName\n    explanation\n    explanationEn\n    result\n    submittedAt\n    version\n    person {\n      ...AssessedPersonFields\n    }\n  }\n"): (typeof documents)["\n  fragment TaskFields on AssessmentTask {\n    id\n    applicationId\n    applicationType\n    round\n    status\n    dueDate\n    overdue\n    assignedAt\n    answers\n    notes\n    visitedAt\n    visitPlace\n    visitLongitude\n    visitLatitude\n    level\n    levelName\n    explanation\n    explanationEn\n    result\n    submittedAt\n    version\n    person {\n      ...AssessedPersonFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyAssessmentTasks($open: Boolean) {\n    myAssessmentTasks(open: $open) {\n      id\n      applicationType\n      round\n      status\n      dueDate\n      overdue\n      answers\n      level\n      submittedAt\n      version\n      person {\n        ...AssessedPersonFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyAssessmentTasks($open: Boolean) {\n    myAssessmentTasks(open: $open) {\n      id\n      applicationType\n      round\n      status\n      dueDate\n      overdue\n      answers\n      level\n      submittedAt\n      version\n      person {\n        ...AssessedPersonFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssessmentTask($id: ID!) {\n    assessmentTask(id: $id) {\n      ...TaskFields\n    }\n  }\n"): (typeof documents)["\n  query AssessmentTask($id: ID!) {\n    assessmentTask(id: $id) {\n      ...TaskFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveAssessmentDraft($taskId: ID!, $input: AssessmentFormInput!) {\n    saveAssessmentDraft(taskId: $taskId, input: $input) {\n      id\n      version\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation SaveAssessmentDraft($taskId: ID!, $input: AssessmentFormInput!) {\n    saveAssessmentDraft(taskId: $taskId, input: $input) {\n      id\n      version\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitAssessment($taskId: ID!, $input: AssessmentFormInput!) {\n    submitAssessment(taskId: $taskId, input: $input) {\n      ...TaskFields\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitAssessment($taskId: ID!, $input: AssessmentFormInput!) {\n    submitAssessment(taskId: $taskId, input: $input) {\n      ...TaskFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssessmentApplications($filter: AssessmentApplicationFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    assessmentApplications(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        type\n        status\n        round\n        submittedOn\n        acceptanceDue\n        noticeEnd\n        confirmedLevel\n        applicantName\n        person {\n          id\n          name\n          idNumber\n          region {\n            code\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AssessmentApplications($filter: AssessmentApplicationFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    assessmentApplications(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        type\n        status\n        round\n        submittedOn\n        acceptanceDue\n        noticeEnd\n        confirmedLevel\n        applicantName\n        person {\n          id\n          name\n          idNumber\n          region {\n            code\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverdueAssessmentTasks {\n    overdueAssessmentTasks {\n      id\n      applicationId\n      round\n      dueDate\n      assessor {\n        id\n        name\n        qualification\n      }\n      person {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query OverdueAssessmentTasks {\n    overdueAssessmentTasks {\n      id\n      applicationId\n      round\n      dueDate\n      assessor {\n        id\n        name\n        qualification\n      }\n      person {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReviewTaskFields on AssessmentTask {\n    id\n    round\n    status\n    dueDate\n    overdue\n    level\n    levelName\n    explanation\n    explanationEn\n    answers\n    result\n    notes\n    visitedAt\n    visitPlace\n    submittedAt\n    assessor {\n      id\n      name\n      qualification\n    }\n  }\n"): (typeof documents)["\n  fragment ReviewTaskFields on AssessmentTask {\n    id\n    round\n    status\n    dueDate\n    overdue\n    level\n    levelName\n    explanation\n    explanationEn\n    answers\n    result\n    notes\n    visitedAt\n    visitPlace\n    submittedAt\n    assessor {\n      id\n      name\n      qualification\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConclusionFields on Conclusion {\n    id\n    applicationId\n    level\n    levelName\n    qualifies\n    issuedOn\n    effectiveDate\n    validUntil\n    status\n    supersededOn\n    noticeUrl\n  }\n"): (typeof documents)["\n  fragment ConclusionFields on Conclusion {\n    id\n    applicationId\n    level\n    levelName\n    qualifies\n    issuedOn\n    effectiveDate\n    validUntil\n    status\n    supersededOn\n    noticeUrl\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApplicationDetailFields on AssessmentApplication {\n    id\n    poolingArea\n    type\n    status\n    round\n    finalRound\n    submittedOn\n    acceptanceDue\n    applicantName\n    applicantRelation\n    contactPhone\n    disabilityDeclared\n    challengedConclusionId\n    rejectReason\n    reviewNote\n    confirmedLevel\n    noticeStart\n    noticeEnd\n    allowedActions\n    createdAt\n    version\n    history {\n      at\n      operation\n      username\n      toState\n      detail\n    }\n    person {\n      ...AssessedPersonFields\n    }\n    tasks {\n      ...ReviewTaskFields\n    }\n    objections {\n      id\n      raisedBy\n      reason\n      receivedAt\n      decision\n      decisionNote\n      decidedAt\n    }\n    documents {\n      id\n      kind\n      filename\n      contentType\n      size\n      uploadedAt\n      url\n    }\n    conclusion {\n      ...ConclusionFields\n    }\n  }\n"): (typeof documents)["\n  fragment ApplicationDetailFields on AssessmentApplication {\n    id\n    poolingArea\n    type\n    status\n    round\n    finalRound\n    submittedOn\n    acceptanceDue\n    applicantName\n    applicantRelation\n    contactPhone\n    disabilityDeclared\n    challengedConclusionId\n    rejectReason\n    reviewNote\n    confirmedLevel\n    noticeStart\n    noticeEnd\n    allowedActions\n    createdAt\n    version\n    history {\n      at\n      operation\n      username\n      toState\n      detail\n    }\n    person {\n      ...AssessedPersonFields\n    }\n    tasks {\n      ...ReviewTaskFields\n    }\n    objections {\n      id\n      raisedBy\n      reason\n      receivedAt\n      decision\n      decisionNote\n      decidedAt\n    }\n    documents {\n      id\n      kind\n      filename\n      contentType\n      size\n      uploadedAt\n      url\n    }\n    conclusion {\n      ...ConclusionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssessmentApplication($id: ID!) {\n    assessmentApplication(id: $id) {\n      ...ApplicationDetailFields\n    }\n  }\n"): (typeof documents)["\n  query AssessmentApplication($id: ID!) {\n    assessmentApplication(id: $id) {\n      ...ApplicationDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApplyForAssessment($input: ApplyForAssessmentInput!) {\n    applyForAssessment(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ApplyForAssessment($input: ApplyForAssessmentInput!) {\n    applyForAssessment(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptApplication($id: ID!) {\n    acceptApplication(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptApplication($id: ID!) {\n    acceptApplication(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectApplication($id: ID!, $reason: String!) {\n    rejectApplication(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation RejectApplication($id: ID!, $reason: String!) {\n    rejectApplication(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawApplication($id: ID!, $reason: String!) {\n    withdrawApplication(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation WithdrawApplication($id: ID!, $reason: String!) {\n    withdrawApplication(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Assessors {\n    assessors {\n      id\n      userId\n      name\n      qualification\n      certificateNo\n      certificateExpiry\n      assignable\n      org {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query Assessors {\n    assessors {\n      id\n      userId\n      name\n      qualification\n      certificateNo\n      certificateExpiry\n      assignable\n      org {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignAssessors($id: ID!, $assessorIds: [ID!]!, $dueDate: String) {\n    assignAssessors(id: $id, assessorIds: $assessorIds, dueDate: $dueDate) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation AssignAssessors($id: ID!, $assessorIds: [ID!]!, $dueDate: String) {\n    assignAssessors(id: $id, assessorIds: $assessorIds, dueDate: $dueDate) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewAssessment($id: ID!, $decision: ReviewDecision!, $level: Int, $note: String) {\n    reviewAssessment(id: $id, decision: $decision, level: $level, note: $note) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ReviewAssessment($id: ID!, $decision: ReviewDecision!, $level: Int, $note: String) {\n    reviewAssessment(id: $id, decision: $decision, level: $level, note: $note) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordObjection($id: ID!, $input: ObjectionInput!) {\n    recordObjection(id: $id, input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RecordObjection($id: ID!, $input: ObjectionInput!) {\n    recordObjection(id: $id, input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideObjection($objectionId: ID!, $decision: ObjectionDecision!, $note: String!) {\n    decideObjection(objectionId: $objectionId, decision: $decision, note: $note) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation DecideObjection($objectionId: ID!, $decision: ObjectionDecision!, $note: String!) {\n    decideObjection(objectionId: $objectionId, decision: $decision, note: $note) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConcludeAssessment($id: ID!) {\n    concludeAssessment(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ConcludeAssessment($id: ID!) {\n    concludeAssessment(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Conclusions($filter: ConclusionFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    conclusions(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        ...ConclusionFields\n        person {\n          id\n          name\n          idNumber\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Conclusions($filter: ConclusionFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    conclusions(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        ...ConclusionFields\n        person {\n          id\n          name\n          idNumber\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConclusionLevels($filter: ConclusionFilter, $first: Int, $after: String) {\n    conclusions(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        level\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConclusionLevels($filter: ConclusionFilter, $first: Int, $after: String) {\n    conclusions(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        level\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SettingsFields on AssessmentSettings {\n    minDisabilityMonths\n    acceptanceWorkingDays\n    minAssessors\n    minMedicalAssessors\n    onSiteWorkingDays\n    noticeWorkingDays\n    appealDays\n    validityYears\n    changedConditionMinMonths\n    qualifyingLevels\n    holidays\n    workingWeekends\n  }\n"): (typeof documents)["\n  fragment SettingsFields on AssessmentSettings {\n    minDisabilityMonths\n    acceptanceWorkingDays\n    minAssessors\n    minMedicalAssessors\n    onSiteWorkingDays\n    noticeWorkingDays\n    appealDays\n    validityYears\n    changedConditionMinMonths\n    qualifyingLevels\n    holidays\n    workingWeekends\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssessmentSettings($poolingArea: String!) {\n    assessmentSettings(poolingArea: $poolingArea) {\n      ...SettingsFields\n    }\n  }\n"): (typeof documents)["\n  query AssessmentSettings($poolingArea: String!) {\n    assessmentSettings(poolingArea: $poolingArea) {\n      ...SettingsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetAssessmentSettings($poolingArea: String!, $input: AssessmentSettingsInput!) {\n    setAssessmentSettings(poolingArea: $poolingArea, input: $input) {\n      ...SettingsFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetAssessmentSettings($poolingArea: String!, $input: AssessmentSettingsInput!) {\n    setAssessmentSettings(poolingArea: $poolingArea, input: $input) {\n      ...SettingsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssessorCandidates {\n    assessorCandidates {\n      userId\n      username\n      displayName\n      orgName\n    }\n  }\n"): (typeof documents)["\n  query AssessorCandidates {\n    assessorCandidates {\n      userId\n      username\n      displayName\n      orgName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterAssessor($input: AssessorInput!) {\n    registerAssessor(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RegisterAssessor($input: AssessorInput!) {\n    registerAssessor(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($filter: AuditFilter, $first: Int, $after: String) {\n    auditLog(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        at\n        userId\n        username\n        roles\n        operation\n        entity\n        entityId\n        poolingArea\n        changes\n        clientIp\n        requestId\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLog($filter: AuditFilter, $first: Int, $after: String) {\n    auditLog(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        at\n        userId\n        username\n        roles\n        operation\n        entity\n        entityId\n        poolingArea\n        changes\n        clientIp\n        requestId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PersonPlanFields on CarePlan {\n    id\n    personId\n    careForm\n    agencyId\n    agencyName\n    state\n    startDate\n    endDate\n    endReason\n    declineReason\n    level\n    tubeFeeding\n    attention\n    transferredFromId\n    current {\n      id\n      number\n      status\n      effectiveFrom\n      cost {\n        grossFen\n        fundFen\n        personFen\n      }\n    }\n    open {\n      id\n      number\n      status\n      cost {\n        grossFen\n        fundFen\n        personFen\n      }\n    }\n    versions {\n      id\n      number\n      status\n      cost {\n        grossFen\n        fundFen\n        personFen\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment PersonPlanFields on CarePlan {\n    id\n    personId\n    careForm\n    agencyId\n    agencyName\n    state\n    startDate\n    endDate\n    endReason\n    declineReason\n    level\n    tubeFeeding\n    attention\n    transferredFromId\n    current {\n      id\n      number\n      status\n      effectiveFrom\n      cost {\n        grossFen\n        fundFen\n        personFen\n      }\n    }\n    open {\n      id\n      number\n      status\n      cost {\n        grossFen\n        fundFen\n        personFen\n      }\n    }\n    versions {\n      id\n      number\n      status\n      cost {\n        grossFen\n        fundFen\n        personFen\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonPlans($personId: ID!, $first: Int!) {\n    carePlans(personId: $personId, first: $first) {\n      nodes {\n        ...PersonPlanFields\n      }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query PersonPlans($personId: ID!, $first: Int!) {\n    carePlans(personId: $personId, first: $first) {\n      nodes {\n        ...PersonPlanFields\n      }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CarePlanAgencyChoices($personId: ID!, $careForm: CareForm!, $on: String!) {\n    carePlanAgencyChoices(personId: $personId, careForm: $careForm, on: $on) {\n      id\n      name\n      kind\n      address\n      contactPhone\n    }\n  }\n"): (typeof documents)["\n  query CarePlanAgencyChoices($personId: ID!, $careForm: CareForm!, $on: String!) {\n    carePlanAgencyChoices(personId: $personId, careForm: $careForm, on: $on) {\n      id\n      name\n      kind\n      address\n      contactPhone\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestCarePlan($input: CarePlanRequestInput!) {\n    requestCarePlan(input: $input) {\n      ...PersonPlanFields\n    }\n  }\n"): (typeof documents)["\n  mutation RequestCarePlan($input: CarePlanRequestInput!) {\n    requestCarePlan(input: $input) {\n      ...PersonPlanFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TransferCarePlan($id: ID!, $input: CarePlanTransferInput!) {\n    transferCarePlan(id: $id, input: $input) {\n      ...PersonPlanFields\n    }\n  }\n"): (typeof documents)["\n  mutation TransferCarePlan($id: ID!, $input: CarePlanTransferInput!) {\n    transferCarePlan(id: $id, input: $input) {\n      ...PersonPlanFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BenefitSettingsFields on BenefitSettings {\n    id\n    poolingArea\n    effectiveFrom\n    createdAt\n    qualifyingLevels\n    autoApproveWithinCap\n    forms {\n      form\n      fundRatioPercent\n      levels {\n        level\n        kind\n        amountFen\n        hoursPerWeek\n      }\n    }\n    proposals\n    fitOrder\n  }\n"): (typeof documents)["\n  fragment BenefitSettingsFields on BenefitSettings {\n    id\n    poolingArea\n    effectiveFrom\n    createdAt\n    qualifyingLevels\n    autoApproveWithinCap\n    forms {\n      form\n      fundRatioPercent\n      levels {\n        level\n        kind\n        amountFen\n        hoursPerWeek\n      }\n    }\n    proposals\n    fitOrder\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DeviceTypeFields on DeviceType {\n    id\n    code\n    name\n    monthlyFeeFen\n    active\n  }\n"): (typeof documents)["\n  fragment DeviceTypeFields on DeviceType {\n    id\n    code\n    name\n    monthlyFeeFen\n    active\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BenefitsPage($poolingArea: String!) {\n    benefitSettings(poolingArea: $poolingArea) {\n      ...BenefitSettingsFields\n    }\n    benefitSettingsVersions(poolingArea: $poolingArea) {\n      ...BenefitSettingsFields\n    }\n    deviceTypes(poolingArea: $poolingArea) {\n      ...DeviceTypeFields\n    }\n    catalogue(poolingArea: $poolingArea) {\n      code\n      name\n    }\n    region(code: $poolingArea) {\n      code\n      name\n    }\n  }\n"): (typeof documents)["\n  query BenefitsPage($poolingArea: String!) {\n    benefitSettings(poolingArea: $poolingArea) {\n      ...BenefitSettingsFields\n    }\n    benefitSettingsVersions(poolingArea: $poolingArea) {\n      ...BenefitSettingsFields\n    }\n    deviceTypes(poolingArea: $poolingArea) {\n      ...DeviceTypeFields\n    }\n    catalogue(poolingArea: $poolingArea) {\n      code\n      name\n    }\n    region(code: $poolingArea) {\n      code\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetBenefitSettings($poolingArea: String!, $effectiveFrom: String!, $settings: BenefitSettingsInput!) {\n    setBenefitSettings(poolingArea: $poolingArea, effectiveFrom: $effectiveFrom, settings: $settings) {\n      ...BenefitSettingsFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetBenefitSettings($poolingArea: String!, $effectiveFrom: String!, $settings: BenefitSettingsInput!) {\n    setBenefitSettings(poolingArea: $poolingArea, effectiveFrom: $effectiveFrom, settings: $settings) {\n      ...BenefitSettingsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetDeviceType($poolingArea: String!, $input: DeviceTypeInput!) {\n    setDeviceType(poolingArea: $poolingArea, input: $input) {\n      ...DeviceTypeFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetDeviceType($poolingArea: String!, $input: DeviceTypeInput!) {\n    setDeviceType(poolingArea: $poolingArea, input: $input) {\n      ...DeviceTypeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PlanCostFields on PlanCost {\n    grossFen\n    capFen\n    fundFen\n    copayFen\n    excessFen\n    personFen\n    main {\n      form\n      entitlementKind\n      entitlementAmountFen\n      entitlementHoursPerWeek\n      fundRatioPercent\n      grossFen\n      capFen\n      eligibleFen\n      fundFen\n      copayFen\n      excessFen\n      minutes\n      entitledMinutes\n    }\n    device {\n      form\n      entitlementKind\n      entitlementAmountFen\n      entitlementHoursPerWeek\n      fundRatioPercent\n      grossFen\n      capFen\n      eligibleFen\n      fundFen\n      copayFen\n      excessFen\n      minutes\n      entitledMinutes\n    }\n  }\n"): (typeof documents)["\n  fragment PlanCostFields on PlanCost {\n    grossFen\n    capFen\n    fundFen\n    copayFen\n    excessFen\n    personFen\n    main {\n      form\n      entitlementKind\n      entitlementAmountFen\n      entitlementHoursPerWeek\n      fundRatioPercent\n      grossFen\n      capFen\n      eligibleFen\n      fundFen\n      copayFen\n      excessFen\n      minutes\n      entitledMinutes\n    }\n    device {\n      form\n      entitlementKind\n      entitlementAmountFen\n      entitlementHoursPerWeek\n      fundRatioPercent\n      grossFen\n      capFen\n      eligibleFen\n      fundFen\n      copayFen\n      excessFen\n      minutes\n      entitledMinutes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CarePlanListFields on CarePlan {\n    id\n    personName\n    personIdNumber\n    careForm\n    agencyId\n    agencyName\n    level\n    startDate\n    endDate\n    state\n    attention\n    current {\n      id\n      number\n      status\n    }\n    open {\n      id\n      number\n      status\n    }\n  }\n"): (typeof documents)["\n  fragment CarePlanListFields on CarePlan {\n    id\n    personName\n    personIdNumber\n    careForm\n    agencyId\n    agencyName\n    level\n    startDate\n    endDate\n    state\n    attention\n    current {\n      id\n      number\n      status\n    }\n    open {\n      id\n      number\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment VersionSummaryFields on CarePlanVersion {\n    id\n    number\n    state\n    status\n    level\n    effectiveFrom\n    effectiveUntil\n    returnReason\n    submittedAt\n    decidedAt\n    decidedByName\n    autoApproved\n    cost {\n      grossFen\n      fundFen\n      copayFen\n      excessFen\n    }\n  }\n"): (typeof documents)["\n  fragment VersionSummaryFields on CarePlanVersion {\n    id\n    number\n    state\n    status\n    level\n    effectiveFrom\n    effectiveUntil\n    returnReason\n    submittedAt\n    decidedAt\n    decidedByName\n    autoApproved\n    cost {\n      grossFen\n      fundFen\n      copayFen\n      excessFen\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CarePlanFields on CarePlan {\n    id\n    poolingArea\n    personId\n    personName\n    personIdNumber\n    personAddress\n    personStatus\n    agencyId\n    agencyName\n    careForm\n    state\n    allowedActions\n    startDate\n    endDate\n    endReason\n    endNote\n    declineReason\n    tubeFeeding\n    level\n    attention\n    transferredFromId\n    createdAt\n    versions {\n      ...VersionSummaryFields\n    }\n    current {\n      id\n      number\n    }\n    open {\n      id\n      number\n      state\n    }\n  }\n"): (typeof documents)["\n  fragment CarePlanFields on CarePlan {\n    id\n    poolingArea\n    personId\n    personName\n    personIdNumber\n    personAddress\n    personStatus\n    agencyId\n    agencyName\n    careForm\n    state\n    allowedActions\n    startDate\n    endDate\n    endReason\n    endNote\n    declineReason\n    tubeFeeding\n    level\n    attention\n    transferredFromId\n    createdAt\n    versions {\n      ...VersionSummaryFields\n    }\n    current {\n      id\n      number\n    }\n    open {\n      id\n      number\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CarePlanLineFields on CarePlanLine {\n    id\n    kind\n    code\n    name\n    category\n    times\n    per\n    days\n    timeOfDay\n    unitPriceFen\n    minutes\n    monthlyUnits\n    monthlyCostFen\n    goal\n    note\n    reasons {\n      rule\n      source\n      score\n      grade\n      text\n    }\n    alternatives {\n      code\n      times\n      per\n    }\n  }\n"): (typeof documents)["\n  fragment CarePlanLineFields on CarePlanLine {\n    id\n    kind\n    code\n    name\n    category\n    times\n    per\n    days\n    timeOfDay\n    unitPriceFen\n    minutes\n    monthlyUnits\n    monthlyCostFen\n    goal\n    note\n    reasons {\n      rule\n      source\n      score\n      grade\n      text\n    }\n    alternatives {\n      code\n      times\n      per\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CarePlanVersionFields on CarePlanVersion {\n    id\n    planId\n    number\n    state\n    status\n    allowedActions\n    level\n    conclusionId\n    effectiveFrom\n    effectiveUntil\n    goals\n    notes\n    priceScheduleFrom\n    returnReason\n    submittedAt\n    decidedAt\n    decidedByName\n    autoApproved\n    updatedAt\n    version\n    cost {\n      ...PlanCostFields\n    }\n    fitChanges {\n      code\n      fromTimes\n      fromPer\n      toTimes\n      toPer\n      savedFen\n    }\n    consent {\n      signedBy\n      relation\n      excessFen\n      recordedAt\n    }\n    lines {\n      ...CarePlanLineFields\n    }\n  }\n"): (typeof documents)["\n  fragment CarePlanVersionFields on CarePlanVersion {\n    id\n    planId\n    number\n    state\n    status\n    allowedActions\n    level\n    conclusionId\n    effectiveFrom\n    effectiveUntil\n    goals\n    notes\n    priceScheduleFrom\n    returnReason\n    submittedAt\n    decidedAt\n    decidedByName\n    autoApproved\n    updatedAt\n    version\n    cost {\n      ...PlanCostFields\n    }\n    fitChanges {\n      code\n      fromTimes\n      fromPer\n      toTimes\n      toPer\n      savedFen\n    }\n    consent {\n      signedBy\n      relation\n      excessFen\n      recordedAt\n    }\n    lines {\n      ...CarePlanLineFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CarePlans($attention: CarePlanAttention, $search: String, $first: Int, $after: String, $last: Int, $before: String) {\n    carePlans(attention: $attention, search: $search, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        ...CarePlanListFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query CarePlans($attention: CarePlanAttention, $search: String, $first: Int, $after: String, $last: Int, $before: String) {\n    carePlans(attention: $attention, search: $search, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        ...CarePlanListFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CarePlanCounts {\n    carePlanCounts {\n      TO_ACCEPT\n      TO_DRAFT\n      TO_REVISE\n      TO_APPROVE\n      TO_TRANSFER\n      TO_END\n    }\n  }\n"): (typeof documents)["\n  query CarePlanCounts {\n    carePlanCounts {\n      TO_ACCEPT\n      TO_DRAFT\n      TO_REVISE\n      TO_APPROVE\n      TO_TRANSFER\n      TO_END\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CarePlan($id: ID!) {\n    carePlan(id: $id) {\n      ...CarePlanFields\n    }\n  }\n"): (typeof documents)["\n  query CarePlan($id: ID!) {\n    carePlan(id: $id) {\n      ...CarePlanFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CarePlanVersion($id: ID!, $withAssessment: Boolean!) {\n    carePlanVersion(id: $id) {\n      ...CarePlanVersionFields\n    }\n    carePlanEditorOptions(versionId: $id) {\n      items {\n        code\n        name\n        category\n        minutes\n        unitPriceFen\n      }\n      devices {\n        id\n        code\n        name\n        monthlyFeeFen\n        active\n      }\n      benefits\n      dayRateFen\n      priceScheduleFrom\n      clinicalStaff\n    }\n    carePlanAssessment(versionId: $id) @include(if: $withAssessment) {\n      conclusionId\n      level\n      effectiveDate\n      validUntil\n      answers\n      sums\n      cognitionGrade\n      perceptionGrade\n    }\n  }\n"): (typeof documents)["\n  query CarePlanVersion($id: ID!, $withAssessment: Boolean!) {\n    carePlanVersion(id: $id) {\n      ...CarePlanVersionFields\n    }\n    carePlanEditorOptions(versionId: $id) {\n      items {\n        code\n        name\n        category\n        minutes\n        unitPriceFen\n      }\n      devices {\n        id\n        code\n        name\n        monthlyFeeFen\n        active\n      }\n      benefits\n      dayRateFen\n      priceScheduleFrom\n      clinicalStaff\n    }\n    carePlanAssessment(versionId: $id) @include(if: $withAssessment) {\n      conclusionId\n      level\n      effectiveDate\n      validUntil\n      answers\n      sums\n      cognitionGrade\n      perceptionGrade\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptCarePlan($id: ID!) {\n    acceptCarePlan(id: $id) {\n      id\n      state\n      open {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptCarePlan($id: ID!) {\n    acceptCarePlan(id: $id) {\n      id\n      state\n      open {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineCarePlan($id: ID!, $reason: String!) {\n    declineCarePlan(id: $id, reason: $reason) {\n      id\n      state\n    }\n  }\n"): (typeof documents)["\n  mutation DeclineCarePlan($id: ID!, $reason: String!) {\n    declineCarePlan(id: $id, reason: $reason) {\n      id\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndCarePlan($id: ID!, $input: CarePlanEndInput!) {\n    endCarePlan(id: $id, input: $input) {\n      id\n      state\n    }\n  }\n"): (typeof documents)["\n  mutation EndCarePlan($id: ID!, $input: CarePlanEndInput!) {\n    endCarePlan(id: $id, input: $input) {\n      id\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviseCarePlan($planId: ID!, $redraft: Boolean!) {\n    reviseCarePlan(planId: $planId, redraft: $redraft) {\n      id\n      number\n    }\n  }\n"): (typeof documents)["\n  mutation ReviseCarePlan($planId: ID!, $redraft: Boolean!) {\n    reviseCarePlan(planId: $planId, redraft: $redraft) {\n      id\n      number\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveCarePlanDraft($versionId: ID!, $input: CarePlanDraftInput!) {\n    saveCarePlanDraft(versionId: $versionId, input: $input) {\n      ...CarePlanVersionFields\n    }\n  }\n"): (typeof documents)["\n  mutation SaveCarePlanDraft($versionId: ID!, $input: CarePlanDraftInput!) {\n    saveCarePlanDraft(versionId: $versionId, input: $input) {\n      ...CarePlanVersionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordSelfPayConsent($versionId: ID!, $input: SelfPayConsentInput!) {\n    recordSelfPayConsent(versionId: $versionId, input: $input) {\n      id\n      consent {\n        signedBy\n        relation\n        excessFen\n        recordedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RecordSelfPayConsent($versionId: ID!, $input: SelfPayConsentInput!) {\n    recordSelfPayConsent(versionId: $versionId, input: $input) {\n      id\n      consent {\n        signedBy\n        relation\n        excessFen\n        recordedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitCarePlan($versionId: ID!) {\n    submitCarePlan(versionId: $versionId) {\n      id\n      state\n      status\n      autoApproved\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitCarePlan($versionId: ID!) {\n    submitCarePlan(versionId: $versionId) {\n      id\n      state\n      status\n      autoApproved\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveCarePlan($versionId: ID!) {\n    approveCarePlan(versionId: $versionId) {\n      id\n      state\n      status\n      effectiveFrom\n    }\n  }\n"): (typeof documents)["\n  mutation ApproveCarePlan($versionId: ID!) {\n    approveCarePlan(versionId: $versionId) {\n      id\n      state\n      status\n      effectiveFrom\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReturnCarePlan($versionId: ID!, $reason: String!) {\n    returnCarePlan(versionId: $versionId, reason: $reason) {\n      id\n      state\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ReturnCarePlan($versionId: ID!, $reason: String!) {\n    returnCarePlan(versionId: $versionId, reason: $reason) {\n      id\n      state\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DiscardCarePlanVersion($versionId: ID!) {\n    discardCarePlanVersion(versionId: $versionId) {\n      id\n      state\n    }\n  }\n"): (typeof documents)["\n  mutation DiscardCarePlanVersion($versionId: ID!) {\n    discardCarePlanVersion(versionId: $versionId) {\n      id\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PersonDetailFields on InsuredPerson {\n    id\n    name\n    idNumber\n    masked\n    phonesMasked\n    birthDate\n    sex\n    phone\n    insuranceType\n    insuredSince\n    status\n    dateOfDeath\n    address\n    home {\n      longitude\n      latitude\n    }\n    regionCode\n    poolingArea\n    emergencyContact {\n      name\n      relation\n      phone\n    }\n    region {\n      code\n      name\n      level\n      path {\n        code\n        name\n        level\n      }\n    }\n    version\n    createdAt\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment PersonDetailFields on InsuredPerson {\n    id\n    name\n    idNumber\n    masked\n    phonesMasked\n    birthDate\n    sex\n    phone\n    insuranceType\n    insuredSince\n    status\n    dateOfDeath\n    address\n    home {\n      longitude\n      latitude\n    }\n    regionCode\n    poolingArea\n    emergencyContact {\n      name\n      relation\n      phone\n    }\n    region {\n      code\n      name\n      level\n      path {\n        code\n        name\n        level\n      }\n    }\n    version\n    createdAt\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PeopleList($filter: InsuredPersonFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    insuredPersons(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        name\n        idNumber\n        sex\n        birthDate\n        insuranceType\n        status\n        region {\n          code\n          name\n          path {\n            code\n            name\n            level\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PeopleList($filter: InsuredPersonFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    insuredPersons(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        id\n        name\n        idNumber\n        sex\n        birthDate\n        insuranceType\n        status\n        region {\n          code\n          name\n          path {\n            code\n            name\n            level\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Person($id: ID!) {\n    insuredPerson(id: $id) {\n      ...PersonDetailFields\n    }\n  }\n"): (typeof documents)["\n  query Person($id: ID!) {\n    insuredPerson(id: $id) {\n      ...PersonDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePerson($input: CreateInsuredPersonInput!) {\n    createInsuredPerson(input: $input) {\n      ...PersonDetailFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePerson($input: CreateInsuredPersonInput!) {\n    createInsuredPerson(input: $input) {\n      ...PersonDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePerson($id: ID!, $input: UpdateInsuredPersonInput!, $expectedVersion: Int) {\n    updateInsuredPerson(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      ...PersonDetailFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdatePerson($id: ID!, $input: UpdateInsuredPersonInput!, $expectedVersion: Int) {\n    updateInsuredPerson(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      ...PersonDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordDeath($id: ID!, $input: RecordDeathInput!) {\n    recordDeath(id: $id, input: $input) {\n      ...PersonDetailFields\n    }\n  }\n"): (typeof documents)["\n  mutation RecordDeath($id: ID!, $input: RecordDeathInput!) {\n    recordDeath(id: $id, input: $input) {\n      ...PersonDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevealIdNumber($id: ID!) {\n    revealIdNumber(id: $id)\n  }\n"): (typeof documents)["\n  mutation RevealIdNumber($id: ID!) {\n    revealIdNumber(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AgencyFields on AgencyProfile {\n    id\n    name\n    kind\n    creditCode\n    contractStatus\n    address\n    serviceArea\n    contactName\n    contactPhone\n    legalRepresentative\n    beds\n    bankName\n    bankAccount\n    longitude\n    latitude\n    poolingArea\n    active\n  }\n"): (typeof documents)["\n  fragment AgencyFields on AgencyProfile {\n    id\n    name\n    kind\n    creditCode\n    contractStatus\n    address\n    serviceArea\n    contactName\n    contactPhone\n    legalRepresentative\n    beds\n    bankName\n    bankAccount\n    longitude\n    latitude\n    poolingArea\n    active\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ContractFields on Contract {\n    id\n    agencyId\n    agencyName\n    careForms\n    startDate\n    endDate\n    state\n    status\n    stateReason\n    suspendedFrom\n    suspendedUntil\n    renewalOfId\n    allowedActions\n    poolingArea\n    version\n  }\n"): (typeof documents)["\n  fragment ContractFields on Contract {\n    id\n    agencyId\n    agencyName\n    careForms\n    startDate\n    endDate\n    state\n    status\n    stateReason\n    suspendedFrom\n    suspendedUntil\n    renewalOfId\n    allowedActions\n    poolingArea\n    version\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CaregiverFields on Caregiver {\n    id\n    name\n    idNumber\n    sex\n    birthDate\n    phone\n    qualification\n    level\n    licenceNo\n    certificateNo\n    certificateExpiry\n    certificateExpired\n    certificateExpiring\n    trainingHours\n    active\n    agencyId\n    agencyName\n  }\n"): (typeof documents)["\n  fragment CaregiverFields on Caregiver {\n    id\n    name\n    idNumber\n    sex\n    birthDate\n    phone\n    qualification\n    level\n    licenceNo\n    certificateNo\n    certificateExpiry\n    certificateExpired\n    certificateExpiring\n    trainingHours\n    active\n    agencyId\n    agencyName\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EvaluationFields on Evaluation {\n    id\n    agencyId\n    agencyName\n    quarter\n    scores\n    total\n    grade\n    releasePercent\n    violationCount\n    penaltyFen\n    createdAt\n  }\n"): (typeof documents)["\n  fragment EvaluationFields on Evaluation {\n    id\n    agencyId\n    agencyName\n    quarter\n    scores\n    total\n    grade\n    releasePercent\n    violationCount\n    penaltyFen\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ViolationFields on Violation {\n    id\n    agencyId\n    agencyName\n    date\n    rule\n    recoverFen\n    penaltyFen\n    action\n    suspendedFrom\n    suspendedUntil\n  }\n"): (typeof documents)["\n  fragment ViolationFields on Violation {\n    id\n    agencyId\n    agencyName\n    date\n    rule\n    recoverFen\n    penaltyFen\n    action\n    suspendedFrom\n    suspendedUntil\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Agencies($kind: AgencyKind, $search: String) {\n    agencies(kind: $kind, search: $search) {\n      ...AgencyFields\n    }\n  }\n"): (typeof documents)["\n  query Agencies($kind: AgencyKind, $search: String) {\n    agencies(kind: $kind, search: $search) {\n      ...AgencyFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Agency($id: ID!) {\n    agency(id: $id) {\n      ...AgencyFields\n    }\n    contracts(agencyId: $id) {\n      ...ContractFields\n    }\n    caregiverCertificateCounts(agencyId: $id) {\n      total\n      expired\n      expiring\n    }\n    evaluations(agencyId: $id) {\n      ...EvaluationFields\n    }\n    violations(agencyId: $id) {\n      ...ViolationFields\n    }\n  }\n"): (typeof documents)["\n  query Agency($id: ID!) {\n    agency(id: $id) {\n      ...AgencyFields\n    }\n    contracts(agencyId: $id) {\n      ...ContractFields\n    }\n    caregiverCertificateCounts(agencyId: $id) {\n      total\n      expired\n      expiring\n    }\n    evaluations(agencyId: $id) {\n      ...EvaluationFields\n    }\n    violations(agencyId: $id) {\n      ...ViolationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterAgency($poolingArea: String!, $input: AgencyInput!) {\n    registerAgency(poolingArea: $poolingArea, input: $input) {\n      ...AgencyFields\n    }\n  }\n"): (typeof documents)["\n  mutation RegisterAgency($poolingArea: String!, $input: AgencyInput!) {\n    registerAgency(poolingArea: $poolingArea, input: $input) {\n      ...AgencyFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAgency($id: ID!, $input: AgencyInput!) {\n    updateAgency(id: $id, input: $input) {\n      ...AgencyFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateAgency($id: ID!, $input: AgencyInput!) {\n    updateAgency(id: $id, input: $input) {\n      ...AgencyFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Contracts($agencyId: ID, $state: String, $expiringWithinDays: Int) {\n    contracts(agencyId: $agencyId, state: $state, expiringWithinDays: $expiringWithinDays) {\n      ...ContractFields\n    }\n  }\n"): (typeof documents)["\n  query Contracts($agencyId: ID, $state: String, $expiringWithinDays: Int) {\n    contracts(agencyId: $agencyId, state: $state, expiringWithinDays: $expiringWithinDays) {\n      ...ContractFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Contract($id: ID!, $poolingArea: String!) {\n    contract(id: $id) {\n      ...ContractFields\n    }\n    priceSchedules(contractId: $id) {\n      id\n      effectiveFrom\n      itemPrices\n      dayRates\n      notes\n      createdAt\n    }\n    catalogue(poolingArea: $poolingArea) {\n      code\n      name\n      category\n      minutes\n      defaultPriceFen\n      careForms\n    }\n  }\n"): (typeof documents)["\n  query Contract($id: ID!, $poolingArea: String!) {\n    contract(id: $id) {\n      ...ContractFields\n    }\n    priceSchedules(contractId: $id) {\n      id\n      effectiveFrom\n      itemPrices\n      dayRates\n      notes\n      createdAt\n    }\n    catalogue(poolingArea: $poolingArea) {\n      code\n      name\n      category\n      minutes\n      defaultPriceFen\n      careForms\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApplyForContract($input: ContractApplicationInput!) {\n    applyForContract(input: $input) {\n      ...ContractFields\n    }\n  }\n"): (typeof documents)["\n  mutation ApplyForContract($input: ContractApplicationInput!) {\n    applyForContract(input: $input) {\n      ...ContractFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitContract($id: ID!) {\n    submitContract(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitContract($id: ID!) {\n    submitContract(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveContract($id: ID!) {\n    approveContract(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ApproveContract($id: ID!) {\n    approveContract(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectContract($id: ID!, $reason: String!) {\n    rejectContract(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation RejectContract($id: ID!, $reason: String!) {\n    rejectContract(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SuspendContract($id: ID!, $reason: String!, $from: String!, $until: String) {\n    suspendContract(id: $id, reason: $reason, from: $from, until: $until) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation SuspendContract($id: ID!, $reason: String!, $from: String!, $until: String) {\n    suspendContract(id: $id, reason: $reason, from: $from, until: $until) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResumeContract($id: ID!) {\n    resumeContract(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ResumeContract($id: ID!) {\n    resumeContract(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TerminateContract($id: ID!, $reason: String!) {\n    terminateContract(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation TerminateContract($id: ID!, $reason: String!) {\n    terminateContract(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddPriceSchedule($contractId: ID!, $input: PriceScheduleInput!) {\n    addPriceSchedule(contractId: $contractId, input: $input) {\n      id\n      effectiveFrom\n    }\n  }\n"): (typeof documents)["\n  mutation AddPriceSchedule($contractId: ID!, $input: PriceScheduleInput!) {\n    addPriceSchedule(contractId: $contractId, input: $input) {\n      id\n      effectiveFrom\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Caregivers($agencyId: ID, $search: String, $certificateExpiringWithinDays: Int, $first: Int, $after: String, $last: Int, $before: String) {\n    caregivers(\n      agencyId: $agencyId\n      search: $search\n      certificateExpiringWithinDays: $certificateExpiringWithinDays\n      first: $first\n      after: $after\n      last: $last\n      before: $before\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        ...CaregiverFields\n      }\n    }\n    caregiverCertificateCounts(agencyId: $agencyId) {\n      total\n      expired\n      expiring\n    }\n  }\n"): (typeof documents)["\n  query Caregivers($agencyId: ID, $search: String, $certificateExpiringWithinDays: Int, $first: Int, $after: String, $last: Int, $before: String) {\n    caregivers(\n      agencyId: $agencyId\n      search: $search\n      certificateExpiringWithinDays: $certificateExpiringWithinDays\n      first: $first\n      after: $after\n      last: $last\n      before: $before\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        ...CaregiverFields\n      }\n    }\n    caregiverCertificateCounts(agencyId: $agencyId) {\n      total\n      expired\n      expiring\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddCaregiver($input: CaregiverInput!) {\n    addCaregiver(input: $input) {\n      ...CaregiverFields\n    }\n  }\n"): (typeof documents)["\n  mutation AddCaregiver($input: CaregiverInput!) {\n    addCaregiver(input: $input) {\n      ...CaregiverFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCaregiver($id: ID!, $input: CaregiverUpdateInput!) {\n    updateCaregiver(id: $id, input: $input) {\n      ...CaregiverFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCaregiver($id: ID!, $input: CaregiverUpdateInput!) {\n    updateCaregiver(id: $id, input: $input) {\n      ...CaregiverFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Evaluations($agencyId: ID) {\n    evaluationSheet {\n      criteria {\n        code\n        name\n        weight\n      }\n      grades {\n        grade\n        min\n        releasePercent\n      }\n    }\n    evaluations(agencyId: $agencyId) {\n      ...EvaluationFields\n    }\n    violations(agencyId: $agencyId) {\n      ...ViolationFields\n    }\n  }\n"): (typeof documents)["\n  query Evaluations($agencyId: ID) {\n    evaluationSheet {\n      criteria {\n        code\n        name\n        weight\n      }\n      grades {\n        grade\n        min\n        releasePercent\n      }\n    }\n    evaluations(agencyId: $agencyId) {\n      ...EvaluationFields\n    }\n    violations(agencyId: $agencyId) {\n      ...ViolationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EvaluateAgency($agencyId: ID!, $quarter: String!, $scores: JSONObject!) {\n    evaluateAgency(agencyId: $agencyId, quarter: $quarter, scores: $scores) {\n      ...EvaluationFields\n    }\n  }\n"): (typeof documents)["\n  mutation EvaluateAgency($agencyId: ID!, $quarter: String!, $scores: JSONObject!) {\n    evaluateAgency(agencyId: $agencyId, quarter: $quarter, scores: $scores) {\n      ...EvaluationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordViolation($input: ViolationInput!) {\n    recordViolation(input: $input) {\n      ...ViolationFields\n    }\n  }\n"): (typeof documents)["\n  mutation RecordViolation($input: ViolationInput!) {\n    recordViolation(input: $input) {\n      ...ViolationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RegionChildren($parentCode: String) {\n    regions(parentCode: $parentCode) {\n      code\n      name\n      level\n    }\n  }\n"): (typeof documents)["\n  query RegionChildren($parentCode: String) {\n    regions(parentCode: $parentCode) {\n      code\n      name\n      level\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RegionPath($code: String!) {\n    region(code: $code) {\n      code\n      path {\n        code\n        name\n        level\n      }\n    }\n  }\n"): (typeof documents)["\n  query RegionPath($code: String!) {\n    region(code: $code) {\n      code\n      path {\n        code\n        name\n        level\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserFields on User {\n    id\n    username\n    displayName\n    phone\n    poolingArea\n    status\n    lockedUntil\n    mustChangePassword\n    createdAt\n    grants {\n      role\n      poolingArea\n      agency {\n        id\n        name\n      }\n      assessmentOrg {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment UserFields on User {\n    id\n    username\n    displayName\n    phone\n    poolingArea\n    status\n    lockedUntil\n    mustChangePassword\n    createdAt\n    grants {\n      role\n      poolingArea\n      agency {\n        id\n        name\n      }\n      assessmentOrg {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsersList($filter: UserFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    users(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        ...UserFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query UsersList($filter: UserFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    users(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      nodes {\n        ...UserFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query User($id: ID!) {\n    user(id: $id) {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  query User($id: ID!) {\n    user(id: $id) {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUser($id: ID!, $input: UserInput!) {\n    updateUser(id: $id, input: $input) {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateUser($id: ID!, $input: UserInput!) {\n    updateUser(id: $id, input: $input) {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableUser($id: ID!) {\n    disableUser(id: $id) {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  mutation DisableUser($id: ID!) {\n    disableUser(id: $id) {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnableUser($id: ID!) {\n    enableUser(id: $id) {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  mutation EnableUser($id: ID!) {\n    enableUser(id: $id) {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($id: ID!) {\n    resetPassword(id: $id) {\n      temporaryPassword\n      user {\n        ...UserFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ResetPassword($id: ID!) {\n    resetPassword(id: $id) {\n      temporaryPassword\n      user {\n        ...UserFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Organisations($kind: OrgKind!, $poolingArea: String) {\n    organisations(kind: $kind, poolingArea: $poolingArea) {\n      id\n      name\n      poolingArea\n    }\n  }\n"): (typeof documents)["\n  query Organisations($kind: OrgKind!, $poolingArea: String) {\n    organisations(kind: $kind, poolingArea: $poolingArea) {\n      id\n      name\n      poolingArea\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PoolingAreas {\n    regions {\n      code\n      name\n      poolingArea\n    }\n  }\n"): (typeof documents)["\n  query PoolingAreas {\n    regions {\n      code\n      name\n      poolingArea\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;