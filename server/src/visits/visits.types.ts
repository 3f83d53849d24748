// GraphQL shapes of the visits module.
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { PeriodEnum } from '../careplan/careplan.types.ts';
import { ItemCategoryEnum } from '../providers/providers.types.ts';
import { FindingStatusEnum } from './finding-events.ts';

export { FindingStatusEnum };

export enum VisitStatusEnum {
  OPEN = 'OPEN',
  DONE = 'DONE',
  VOID = 'VOID',
}
registerEnumType(VisitStatusEnum, { name: 'VisitStatus', description: 'Checked in (open), checked out (done), or voided.' });

export enum ConfirmationMethodEnum {
  SIGNATURE = 'SIGNATURE',
  CARD_CODE = 'CARD_CODE',
  FAMILY = 'FAMILY',
}
registerEnumType(ConfirmationMethodEnum, { name: 'ConfirmationMethod', description: 'A signature drawn on the screen, the code on the beneficiary’s card, or a registered family member.' });

export enum FindingDecisionEnum {
  CONFIRM = 'CONFIRM',
  DISMISS = 'DISMISS',
}
registerEnumType(FindingDecisionEnum, { name: 'FindingDecision' });

export enum AssignmentRoleEnum {
  PRIMARY = 'PRIMARY',
  SUBSTITUTE = 'SUBSTITUTE',
}
registerEnumType(AssignmentRoleEnum, { name: 'AssignmentRole' });

export enum SyncKindEnum {
  CHECK_IN = 'CHECK_IN',
  CHECK_OUT = 'CHECK_OUT',
}
registerEnumType(SyncKindEnum, { name: 'SyncKind' });

@ObjectType('VisitPosition')
export class PositionNode {
  @Field(() => Float) lat!: number;
  @Field(() => Float) lng!: number;
  @Field(() => Float, { description: 'Accuracy in metres, as the device reported it.' }) accuracy!: number;
  @Field(() => Int, { nullable: true, description: 'Metres from the beneficiary’s home.' }) distanceMetres!: number | null;
}

@ObjectType('VisitItem')
export class VisitItemNode {
  @Field(() => String) code!: string;
  @Field(() => Int) quantity!: number;
}

@ObjectType('Finding', { description: 'A finding of an audit rule on a visit, with its evidence and decision.' })
export class FindingNode {
  @Field(() => ID) id!: string;
  @Field(() => ID) visitId!: string;
  @Field(() => Date) visitAt!: Date;
  @Field(() => String, { description: 'R01 … R10' }) rule!: string;
  @Field(() => String) ruleName!: string;
  @Field(() => String, { description: 'DEDUCT or FLAG' }) action!: string;
  @Field(() => FindingStatusEnum) status!: FindingStatusEnum;
  @Field(() => String) summary!: string;
  @Field(() => GraphQLJSONObject) evidence!: Record<string, unknown>;
  @Field(() => ID) agencyId!: string;
  @Field(() => String) agencyName!: string;
  @Field(() => ID) personId!: string;
  @Field(() => String) personName!: string;
  @Field(() => ID) caregiverId!: string;
  @Field(() => String) caregiverName!: string;
  @Field(() => String, { nullable: true, description: 'The agency’s explanation.' }) explanation!: string | null;
  @Field(() => Date, { nullable: true }) explainedAt!: Date | null;
  @Field(() => String, { nullable: true }) decisionNote!: string | null;
  @Field(() => String, { nullable: true }) decidedByName!: string | null;
  @Field(() => Date, { nullable: true }) decidedAt!: Date | null;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType('Visit', { description: 'A home-care visit 服务记录: check-in and check-out with time and place, the items done, the confirmation.' })
export class VisitNode {
  @Field(() => ID) id!: string;
  @Field(() => VisitStatusEnum) status!: VisitStatusEnum;
  @Field(() => String, { description: 'DEVICE (from the phone) or MANUAL (entered by the agency).' }) source!: string;
  @Field(() => ID) agencyId!: string;
  @Field(() => ID) caregiverId!: string;
  @Field(() => ID) personId!: string;
  @Field(() => ID) planVersionId!: string;
  @Field(() => String, { description: 'The Asia/Shanghai day of the check-in.' }) day!: string;
  @Field(() => Date) checkInAt!: Date;
  @Field(() => PositionNode, { nullable: true }) checkIn!: PositionNode | null;
  @Field(() => Date, { nullable: true }) checkOutAt!: Date | null;
  @Field(() => PositionNode, { nullable: true }) checkOut!: PositionNode | null;
  @Field(() => Int, { nullable: true }) minutes!: number | null;
  @Field(() => [VisitItemNode]) items!: VisitItemNode[];
  @Field(() => String, { nullable: true }) notes!: string | null;
  @Field(() => ConfirmationMethodEnum, { nullable: true }) confirmation!: ConfirmationMethodEnum | null;
  @Field(() => String, { nullable: true }) confirmedBy!: string | null;
  @Field(() => String, { nullable: true, description: 'Where the drawn signature can be fetched.' }) signatureUrl!: string | null;
  @Field(() => Date, { description: 'When the server received the check-in.' }) checkedInRecordedAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When the server received the completed record.' }) recordedAt!: Date | null;
  @Field(() => String, { nullable: true }) voidReason!: string | null;
  @Field(() => Boolean, { description: 'Part of a claim: it can no longer change.' }) claimed!: boolean;
  @Field(() => [FindingNode]) findings!: FindingNode[];
  @Field(() => String) personName!: string;
  @Field(() => String) caregiverName!: string;
  @Field(() => String) agencyName!: string;
}

@ObjectType('VisitConnection')
export class VisitConnectionNode {
  @Field(() => [VisitNode]) nodes!: VisitNode[];
  @Field(() => Int) totalCount!: number;
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType('FindingPage')
export class FindingPageNode {
  @Field(() => [FindingNode]) nodes!: FindingNode[];
  @Field(() => Int) totalCount!: number;
}

@ObjectType('FindingRuleCount', { description: 'Findings of one rule by status; a rule mostly dismissed raises false alarms.' })
export class FindingCountNode {
  @Field(() => String) rule!: string;
  @Field(() => String) name!: string;
  @Field(() => Int) open!: number;
  @Field(() => Int) confirmed!: number;
  @Field(() => Int) dismissed!: number;
  @Field(() => Float, { nullable: true, description: 'Dismissed ÷ decided.' }) dismissedShare!: number | null;
}

@ObjectType('SyncError')
export class SyncErrorNode {
  @Field(() => String) code!: string;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => String) message!: string;
}

@ObjectType('SyncResult', { description: 'What became of one record of a phone’s queue.' })
export class SyncResultNode {
  @Field(() => Boolean) ok!: boolean;
  @Field(() => ID) visitId!: string;
  @Field(() => VisitNode, { nullable: true }) visit!: VisitNode | null;
  @Field(() => SyncErrorNode, { nullable: true }) error!: SyncErrorNode | null;
}

@ObjectType('DueItem')
export class DueItemNode {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => ItemCategoryEnum) category!: ItemCategoryEnum;
  @Field(() => Int) times!: number;
  @Field(() => PeriodEnum) per!: PeriodEnum;
  @Field(() => [Int]) days!: number[];
  @Field(() => String, { nullable: true }) timeOfDay!: string | null;
  @Field(() => Int) minutes!: number;
  @Field(() => Boolean) dueToday!: boolean;
  @Field(() => Int) doneThisWeek!: number;
  @Field(() => Int) doneThisMonth!: number;
  @Field(() => Int) allowedThisMonth!: number;
}

@ObjectType('DayStop', { description: 'A beneficiary due on the caregiver’s day.' })
export class DayStopNode {
  @Field(() => ID) personId!: string;
  @Field(() => String) personName!: string;
  @Field(() => String) address!: string;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => Float, { nullable: true }) lat!: number | null;
  @Field(() => Float, { nullable: true }) lng!: number | null;
  @Field(() => Int, { nullable: true, description: 'Metres from the position given, when one was.' }) distanceMetres!: number | null;
  @Field(() => AssignmentRoleEnum) role!: AssignmentRoleEnum;
  @Field(() => ID) planVersionId!: string;
  @Field(() => [DueItemNode]) items!: DueItemNode[];
  @Field(() => GraphQLJSONObject, { description: 'The facts the shared audit rules need on the phone (visits.rules.ts VisitContext, without the caregiver’s visits).' }) context!: Record<string, unknown>;
}

@ObjectType('CaregiverDay')
export class CaregiverDayNode {
  @Field(() => String) day!: string;
  @Field(() => ID) caregiverId!: string;
  @Field(() => String) caregiverName!: string;
  @Field(() => [DayStopNode]) stops!: DayStopNode[];
  @Field(() => [VisitNode], { description: 'The caregiver’s visits of the day (and the evening before).' }) visits!: VisitNode[];
  @Field(() => GraphQLJSONObject, { description: 'The pooling area’s visit settings (visits.rules.ts VisitSettings).' }) settings!: Record<string, unknown>;
}

@ObjectType('CaregiverAssignment')
export class AssignmentNode {
  @Field(() => ID) id!: string;
  @Field(() => ID) personId!: string;
  @Field(() => String) personName!: string;
  @Field(() => ID) caregiverId!: string;
  @Field(() => String) caregiverName!: string;
  @Field(() => ID) agencyId!: string;
  @Field(() => AssignmentRoleEnum) role!: AssignmentRoleEnum;
  @Field(() => String) since!: string;
  @Field(() => String, { nullable: true }) until!: string | null;
}

@InputType('PositionInput')
export class PositionInputType {
  @Field(() => Float) lat!: number;
  @Field(() => Float) lng!: number;
  @Field(() => Float) accuracy!: number;
}

@InputType('VisitItemInput')
export class VisitItemInputType {
  @Field(() => String) code!: string;
  @Field(() => Int) quantity!: number;
}

@InputType('ConfirmationInput')
export class ConfirmationInputType {
  @Field(() => ConfirmationMethodEnum) method!: ConfirmationMethodEnum;
  @Field(() => String, { nullable: true, description: 'A PNG data URL.' }) signature?: string | null;
  @Field(() => String, { nullable: true }) cardCode?: string | null;
  @Field(() => String, { nullable: true }) familyName?: string | null;
}

@InputType('CheckInInput')
export class CheckInInputType {
  @Field(() => ID, { description: 'Generated on the phone: a replay returns the same visit.' }) id!: string;
  @Field(() => ID) personId!: string;
  @Field(() => String, { description: 'The device’s time of the check-in (ISO).' }) at!: string;
  @Field(() => PositionInputType, { nullable: true }) position?: PositionInputType | null;
}

@InputType('CheckOutInput')
export class CheckOutInputType {
  @Field(() => ID) visitId!: string;
  @Field(() => String) at!: string;
  @Field(() => PositionInputType, { nullable: true }) position?: PositionInputType | null;
  @Field(() => [VisitItemInputType]) items!: VisitItemInputType[];
  @Field(() => String, { nullable: true }) notes?: string | null;
  @Field(() => ConfirmationInputType, { nullable: true }) confirmation?: ConfirmationInputType | null;
}

@InputType('SyncOpInput', { description: 'One record of the offline queue: a check-in or a check-out.' })
export class SyncOpInputType {
  @Field(() => SyncKindEnum) kind!: SyncKindEnum;
  @Field(() => CheckInInputType, { nullable: true }) checkIn?: CheckInInputType | null;
  @Field(() => CheckOutInputType, { nullable: true }) checkOut?: CheckOutInputType | null;
}

@InputType('ManualVisitInput')
export class ManualVisitInputType {
  @Field(() => ID) id!: string;
  @Field(() => ID) caregiverId!: string;
  @Field(() => ID) personId!: string;
  @Field(() => String) checkInAt!: string;
  @Field(() => String) checkOutAt!: string;
  @Field(() => [VisitItemInputType]) items!: VisitItemInputType[];
  @Field(() => String, { nullable: true }) notes?: string | null;
  @Field(() => ConfirmationInputType, { nullable: true, description: 'The card code or the family member on the paper record.' }) confirmation?: ConfirmationInputType | null;
}

@InputType('AssignmentInput')
export class AssignmentInputType {
  @Field(() => ID) personId!: string;
  @Field(() => ID) caregiverId!: string;
  @Field(() => AssignmentRoleEnum) role!: AssignmentRoleEnum;
  @Field(() => String) since!: string;
}
