// GraphQL shapes of the assessment module.
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Connection } from '../graphql/pagination.ts';
import { InsuredPersonNode } from '../people/people.types.ts';

export enum ApplicationTypeEnum {
  FIRST = 'FIRST',
  REASSESS_EXPIRY = 'REASSESS_EXPIRY',
  REASSESS_CHANGE = 'REASSESS_CHANGE',
  APPEAL = 'APPEAL',
}
registerEnumType(ApplicationTypeEnum, { name: 'ApplicationType', description: 'First assessment, re-assessment on expiry, on changed condition, or appeal' });

export enum ApplicationStateEnum {
  SUBMITTED = 'SUBMITTED',
  ACCEPTED = 'ACCEPTED',
  ASSESSING = 'ASSESSING',
  IN_REVIEW = 'IN_REVIEW',
  IN_NOTICE = 'IN_NOTICE',
  CONCLUDED = 'CONCLUDED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(ApplicationStateEnum, { name: 'ApplicationState' });

export enum TaskStateEnum {
  ASSIGNED = 'ASSIGNED',
  SUBMITTED = 'SUBMITTED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(TaskStateEnum, { name: 'AssessmentTaskState' });

export enum QualificationEnum {
  MEDICAL = 'MEDICAL',
  OTHER = 'OTHER',
}
registerEnumType(QualificationEnum, { name: 'AssessorQualification', description: 'Medical or nursing 医护类, or other' });

export enum DocumentKindEnum {
  MEDICAL_RECORD = 'MEDICAL_RECORD',
  ID_DOCUMENT = 'ID_DOCUMENT',
  DISABILITY_PROOF = 'DISABILITY_PROOF',
  OTHER = 'OTHER',
}
registerEnumType(DocumentKindEnum, { name: 'DocumentKind' });

export enum ObjectionDecisionEnum {
  PENDING = 'PENDING',
  UPHELD = 'UPHELD',
  DISMISSED = 'DISMISSED',
}
registerEnumType(ObjectionDecisionEnum, { name: 'ObjectionDecision' });

export enum ReviewDecisionEnum {
  CONFIRM = 'CONFIRM',
  REASSESS = 'REASSESS',
}
registerEnumType(ReviewDecisionEnum, { name: 'ReviewDecision' });

export enum ConclusionStateEnum {
  IN_FORCE = 'IN_FORCE',
  SUPERSEDED = 'SUPERSEDED',
}
registerEnumType(ConclusionStateEnum, { name: 'ConclusionState' });

@ObjectType('AssessmentSettings', { description: "A pooling area's assessment workflow parameters." })
export class SettingsNode {
  @Field(() => Int) minDisabilityMonths!: number;
  @Field(() => Int) acceptanceWorkingDays!: number;
  @Field(() => Int) minAssessors!: number;
  @Field(() => Int) minMedicalAssessors!: number;
  @Field(() => Int) onSiteWorkingDays!: number;
  @Field(() => Int) noticeWorkingDays!: number;
  @Field(() => Int) appealDays!: number;
  @Field(() => Int) validityYears!: number;
  @Field(() => Int) changedConditionMinMonths!: number;
  @Field(() => [Int]) qualifyingLevels!: number[];
  @Field(() => [String]) holidays!: string[];
  @Field(() => [String]) workingWeekends!: string[];
}

@InputType('AssessmentSettingsInput')
export class SettingsInput {
  @Field(() => Int, { nullable: true }) minDisabilityMonths?: number;
  @Field(() => Int, { nullable: true }) acceptanceWorkingDays?: number;
  @Field(() => Int, { nullable: true }) minAssessors?: number;
  @Field(() => Int, { nullable: true }) minMedicalAssessors?: number;
  @Field(() => Int, { nullable: true }) onSiteWorkingDays?: number;
  @Field(() => Int, { nullable: true }) noticeWorkingDays?: number;
  @Field(() => Int, { nullable: true }) appealDays?: number;
  @Field(() => Int, { nullable: true }) validityYears?: number;
  @Field(() => Int, { nullable: true }) changedConditionMinMonths?: number;
  @Field(() => [Int], { nullable: true }) qualifyingLevels?: number[];
  @Field(() => [String], { nullable: true }) holidays?: string[];
  @Field(() => [String], { nullable: true }) workingWeekends?: string[];
}

@ObjectType('OrgRef')
export class OrgRef {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
}

@ObjectType('Assessor', { description: 'An assessor 评估员 with qualification and certificate.' })
export class AssessorNode {
  @Field(() => ID) id!: string;
  @Field(() => ID) userId!: string;
  @Field(() => String) name!: string;
  @Field(() => OrgRef) org!: OrgRef;
  @Field(() => QualificationEnum) qualification!: QualificationEnum;
  @Field(() => String) certificateNo!: string;
  @Field(() => String, { description: 'YYYY-MM-DD' }) certificateExpiry!: string;
  @Field(() => Boolean, { description: 'Certificate valid today and assessor active.' }) assignable!: boolean;
  @Field(() => [ID], { description: 'Care agencies the assessor is employed by or related to.' }) agencyIds!: string[];
}

@ObjectType('AssessorCandidate', { description: 'A user with the assessor role whose qualification is not recorded yet.' })
export class AssessorCandidateNode {
  @Field(() => ID) userId!: string;
  @Field(() => String) username!: string;
  @Field(() => String) displayName!: string;
  @Field(() => String) orgName!: string;
}

@InputType('AssessorInput')
export class AssessorInputType {
  @Field(() => ID) userId!: string;
  @Field(() => QualificationEnum) qualification!: QualificationEnum;
  @Field(() => String) certificateNo!: string;
  @Field(() => String) certificateExpiry!: string;
  @Field(() => [ID], { nullable: true }) agencyIds?: string[] | null;
}

@ObjectType('ApplicationDocument')
export class DocumentNode {
  @Field(() => ID) id!: string;
  @Field(() => DocumentKindEnum) kind!: DocumentKindEnum;
  @Field(() => String) filename!: string;
  @Field(() => String) contentType!: string;
  @Field(() => Int) size!: number;
  @Field(() => String) sha256!: string;
  @Field(() => Date) uploadedAt!: Date;
  @Field(() => String, { description: 'Where the signed-in user downloads it.' }) url!: string;
}

@ObjectType('Objection', { description: 'An objection 异议 raised during the public notice.' })
export class ObjectionNode {
  @Field(() => ID) id!: string;
  @Field(() => String) raisedBy!: string;
  @Field(() => String) reason!: string;
  @Field(() => Date) receivedAt!: Date;
  @Field(() => ObjectionDecisionEnum) decision!: ObjectionDecisionEnum;
  @Field(() => String, { nullable: true }) decisionNote!: string | null;
  @Field(() => Date, { nullable: true }) decidedAt!: Date | null;
}

@ObjectType('AssessmentTask', { description: "One assessor's on-site assessment in one round." })
export class TaskNode {
  @Field(() => ID) id!: string;
  @Field(() => ID) applicationId!: string;
  @Field(() => Int) round!: number;
  @Field(() => TaskStateEnum) status!: TaskStateEnum;
  @Field(() => AssessorNode) assessor!: AssessorNode;
  @Field(() => Date) assignedAt!: Date;
  @Field(() => String) dueDate!: string;
  @Field(() => Boolean) overdue!: boolean;
  @Field(() => GraphQLJSONObject, { description: 'Item code → chosen points (a draft may be partial).' }) answers!: Record<string, unknown>;
  @Field(() => String, { nullable: true }) notes!: string | null;
  @Field(() => Date, { nullable: true }) visitedAt!: Date | null;
  @Field(() => String, { nullable: true }) visitPlace!: string | null;
  @Field(() => Float, { nullable: true }) visitLongitude!: number | null;
  @Field(() => Float, { nullable: true }) visitLatitude!: number | null;
  @Field(() => Int, { nullable: true, description: 'The level 0–5 computed on submission.' }) level!: number | null;
  @Field(() => String, { nullable: true }) levelName!: string | null;
  @Field(() => String, { nullable: true, description: 'Which grades gave the level through which cell of the combination table (Chinese).' }) explanation!: string | null;
  @Field(() => String, { nullable: true }) explanationEn!: string | null;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Sums, grades and the table cell, as computed.' }) result!: Record<string, unknown> | null;
  @Field(() => Date, { nullable: true }) submittedAt!: Date | null;
  @Field(() => InsuredPersonNode, { description: 'The person assessed.' }) person!: InsuredPersonNode;
  @Field(() => ApplicationTypeEnum) applicationType!: ApplicationTypeEnum;
  @Field(() => Int) version!: number;
}

@InputType('AssessmentFormInput')
export class FormInputType {
  @Field(() => GraphQLJSONObject, { description: 'Item code → chosen points, e.g. { "ADL_EATING": 5 }.' }) answers!: Record<string, number | null>;
  @Field(() => String, { nullable: true }) notes?: string | null;
  @Field(() => Date, { nullable: true }) visitedAt?: Date | null;
  @Field(() => String, { nullable: true }) visitPlace?: string | null;
  @Field(() => Float, { nullable: true }) visitLongitude?: number | null;
  @Field(() => Float, { nullable: true }) visitLatitude?: number | null;
}

@ObjectType('Conclusion', { description: 'The conclusion of an assessment 评估结论.' })
export class ConclusionNode {
  @Field(() => ID) id!: string;
  @Field(() => InsuredPersonNode) person!: InsuredPersonNode;
  @Field(() => ID) applicationId!: string;
  @Field(() => Int) level!: number;
  @Field(() => String) levelName!: string;
  @Field(() => Boolean, { description: 'Whether the level opens benefits in the pooling area.' }) qualifies!: boolean;
  @Field(() => String) issuedOn!: string;
  @Field(() => String) effectiveDate!: string;
  @Field(() => String) validUntil!: string;
  @Field(() => ConclusionStateEnum) status!: ConclusionStateEnum;
  @Field(() => String, { nullable: true }) supersededOn!: string | null;
  @Field(() => String, { description: 'The printable notice 结论通知书 (PDF).' }) noticeUrl!: string;
}

export const ConclusionConnection = Connection('Conclusion', ConclusionNode);

@ObjectType('ApplicationEvent', { description: 'A transition of an application, from the audit trail: who moved it, when, and why.' })
export class ApplicationEventNode {
  @Field(() => Date) at!: Date;
  @Field(() => String, { description: 'The verb, e.g. ACCEPT, ASSIGN, CONFIRM.' }) operation!: string;
  @Field(() => String, { nullable: true }) username!: string | null;
  @Field(() => ApplicationStateEnum, { nullable: true }) fromState!: ApplicationStateEnum | null;
  @Field(() => ApplicationStateEnum, { nullable: true }) toState!: ApplicationStateEnum | null;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Reason, note, level or assessors, as recorded.' }) detail!: Record<string, unknown> | null;
}

@ObjectType('AssessmentApplication', { description: 'An application for a disability assessment 失能评估申请.' })
export class ApplicationNode {
  @Field(() => ID) id!: string;
  @Field(() => String) poolingArea!: string;
  @Field(() => InsuredPersonNode) person!: InsuredPersonNode;
  @Field(() => ApplicationTypeEnum) type!: ApplicationTypeEnum;
  @Field(() => String) applicantName!: string;
  @Field(() => String) applicantRelation!: string;
  @Field(() => String) contactPhone!: string;
  @Field(() => Boolean) disabilityDeclared!: boolean;
  @Field(() => ID, { nullable: true }) challengedConclusionId!: string | null;
  @Field(() => ApplicationStateEnum) status!: ApplicationStateEnum;
  @Field(() => Int) round!: number;
  @Field(() => Boolean, { description: 'This round was ordered by an upheld objection: its result is final.' }) finalRound!: boolean;
  @Field(() => String) submittedOn!: string;
  @Field(() => String) acceptanceDue!: string;
  @Field(() => String, { nullable: true }) rejectReason!: string | null;
  @Field(() => Int, { nullable: true }) confirmedLevel!: number | null;
  @Field(() => String, { nullable: true }) reviewNote!: string | null;
  @Field(() => String, { nullable: true }) noticeStart!: string | null;
  @Field(() => String, { nullable: true }) noticeEnd!: string | null;
  @Field(() => [String], { description: 'Verbs allowed in the current state.' }) allowedActions!: string[];
  @Field(() => Date) createdAt!: Date;
  @Field(() => Int) version!: number;
}

export const ApplicationConnection = Connection('AssessmentApplication', ApplicationNode);

@InputType('AssessmentApplicationFilter')
export class ApplicationFilterInput {
  @Field(() => ApplicationStateEnum, { nullable: true }) status?: ApplicationStateEnum | null;
  @Field(() => ID, { nullable: true }) personId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Only applications past their acceptance or on-site due date.' }) overdue?: boolean | null;
}

@InputType('ApplyForAssessmentInput')
export class ApplyInputType {
  @Field(() => ID, { nullable: true, description: 'Client-generated UUID for an idempotent create.' }) id?: string | null;
  @Field(() => ID) personId!: string;
  @Field(() => ApplicationTypeEnum) type!: ApplicationTypeEnum;
  @Field(() => String) applicantName!: string;
  @Field(() => String) applicantRelation!: string;
  @Field(() => String) contactPhone!: string;
  @Field(() => Boolean, { description: 'The disability has lasted at least the configured months after treatment.' }) disabilityDeclared!: boolean;
  @Field(() => ID, { nullable: true }) challengedConclusionId?: string | null;
}

@InputType('ObjectionInput')
export class ObjectionInputType {
  @Field(() => String) raisedBy!: string;
  @Field(() => String) reason!: string;
}

@InputType('ConclusionFilter')
export class ConclusionFilterInput {
  @Field(() => ID, { nullable: true }) personId?: string | null;
  @Field(() => Int, { nullable: true, description: 'In force and ending within this many days (e.g. 60).' }) expiringWithinDays?: number | null;
  @Field(() => Boolean, { nullable: true }) inForce?: boolean | null;
}
