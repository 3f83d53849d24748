// GraphQL shapes of the care-plan module.
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Connection } from '../graphql/pagination.ts';
import { CareFormEnum, ItemCategoryEnum } from '../providers/providers.types.ts';

export enum PeriodEnum {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}
registerEnumType(PeriodEnum, { name: 'Period', description: 'A frequency is so many times per day, week or month.' });

export enum LineKindEnum {
  ITEM = 'ITEM',
  DEVICE = 'DEVICE',
}
registerEnumType(LineKindEnum, { name: 'PlanLineKind', description: 'A catalogue service item, or a rented assistive device.' });

export enum EntitlementKindEnum {
  MONTHLY_AMOUNT = 'MONTHLY_AMOUNT',
  DAILY_AMOUNT = 'DAILY_AMOUNT',
  WEEKLY_HOURS = 'WEEKLY_HOURS',
}
registerEnumType(EntitlementKindEnum, { name: 'EntitlementKind', description: 'A monthly amount cap, a daily amount cap, or service hours per week.' });

export enum PlanStateEnum {
  REQUESTED = 'REQUESTED',
  DECLINED = 'DECLINED',
  ACTIVE = 'ACTIVE',
  ENDED = 'ENDED',
}
registerEnumType(PlanStateEnum, { name: 'CarePlanState', description: 'Requested of the agency, declined by it, active, or ended.' });

export enum VersionStatusEnum {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  IN_FORCE = 'IN_FORCE',
  SUPERSEDED = 'SUPERSEDED',
  ENDED = 'ENDED',
  DISCARDED = 'DISCARDED',
}
registerEnumType(VersionStatusEnum, { name: 'CarePlanVersionStatus', description: 'What a version is today (APPROVED: approved, in force from a later date).' });

export enum AttentionEnum {
  TO_ACCEPT = 'TO_ACCEPT',
  TO_DRAFT = 'TO_DRAFT',
  TO_APPROVE = 'TO_APPROVE',
  TO_REVISE = 'TO_REVISE',
  TO_TRANSFER = 'TO_TRANSFER',
  TO_END = 'TO_END',
}
registerEnumType(AttentionEnum, {
  name: 'CarePlanAttention',
  description:
    'Why a plan needs someone: the agency to accept it, to finish a draft, or to revise it after a new conclusion; a fund officer to approve it, to move it to another agency (contract no longer active) or to end it (death, suspension).',
});

export enum EndReasonEnum {
  DEATH = 'DEATH',
  SUSPENSION = 'SUSPENSION',
  NEW_CONCLUSION = 'NEW_CONCLUSION',
  AGENCY_CHANGE = 'AGENCY_CHANGE',
  FORM_CHANGE = 'FORM_CHANGE',
  WITHDRAWN = 'WITHDRAWN',
  CONCLUSION_EXPIRED = 'CONCLUSION_EXPIRED',
}
registerEnumType(EndReasonEnum, { name: 'CarePlanEndReason' });

@ObjectType('Entitlement', { description: 'What a level is entitled to in a care form.' })
export class EntitlementNode {
  @Field(() => Int) level!: number;
  @Field(() => EntitlementKindEnum) kind!: EntitlementKindEnum;
  @Field(() => Int, { nullable: true, description: 'Monthly or daily amount in fen.' }) amountFen!: number | null;
  @Field(() => Float, { nullable: true }) hoursPerWeek!: number | null;
}

@ObjectType('FormBenefit')
export class FormBenefitNode {
  @Field(() => CareFormEnum) form!: CareFormEnum;
  @Field(() => Float, { description: 'Share of eligible cost the fund pays, percent.' }) fundRatioPercent!: number;
  @Field(() => [EntitlementNode]) levels!: EntitlementNode[];
}

@ObjectType('BenefitSettings', { description: "A pooling area's benefit settings in force from a date (null: the defaults)." })
export class BenefitSettingsNode {
  @Field(() => ID, { nullable: true }) id!: string | null;
  @Field(() => String) poolingArea!: string;
  @Field(() => String, { nullable: true }) effectiveFrom!: string | null;
  @Field(() => [Int]) qualifyingLevels!: number[];
  @Field(() => Boolean) autoApproveWithinCap!: boolean;
  @Field(() => [FormBenefitNode]) forms!: FormBenefitNode[];
  @Field(() => [GraphQLJSONObject], { description: 'The drafting table: rows { id, when, items }.' }) proposals!: Record<string, unknown>[];
  @Field(() => [String], { description: 'Cap fitting lowers items in this order, least essential first.' }) fitOrder!: string[];
  @Field(() => Date, { nullable: true }) createdAt!: Date | null;
}

@InputType('EntitlementInput')
export class EntitlementInputType {
  @Field(() => Int) level!: number;
  @Field(() => EntitlementKindEnum) kind!: EntitlementKindEnum;
  @Field(() => Int, { nullable: true }) amountFen?: number | null;
  @Field(() => Float, { nullable: true }) hoursPerWeek?: number | null;
}

@InputType('FormBenefitInput')
export class FormBenefitInputType {
  @Field(() => CareFormEnum) form!: CareFormEnum;
  @Field(() => Float) fundRatioPercent!: number;
  @Field(() => [EntitlementInputType]) levels!: EntitlementInputType[];
}

@InputType('BenefitSettingsInput')
export class BenefitSettingsInputType {
  @Field(() => [Int]) qualifyingLevels!: number[];
  @Field(() => Boolean) autoApproveWithinCap!: boolean;
  @Field(() => [FormBenefitInputType], { description: 'Forms to set; a form left out keeps the version in force’s.' }) forms!: FormBenefitInputType[];
  @Field(() => [GraphQLJSONObject], { nullable: true, description: 'The drafting table; left out: kept from the version in force.' }) proposals?: Record<string, unknown>[] | null;
  @Field(() => [String], { nullable: true, description: 'Left out: kept from the version in force.' }) fitOrder?: string[] | null;
}

@ObjectType('DeviceType', { description: 'A rentable assistive device 辅具 and its monthly fee.' })
export class DeviceTypeNode {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => Int) monthlyFeeFen!: number;
  @Field(() => Boolean) active!: boolean;
}

@InputType('DeviceTypeInput')
export class DeviceTypeInputType {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => Int) monthlyFeeFen!: number;
  @Field(() => Boolean, { nullable: true }) active?: boolean | null;
}

@ObjectType('PlanReason', { description: 'A finding of the assessment that proposed an item.' })
export class ReasonNode {
  @Field(() => String) rule!: string;
  @Field(() => String, { nullable: true }) source!: string | null;
  @Field(() => Int, { nullable: true }) score!: number | null;
  @Field(() => String, { nullable: true }) grade!: string | null;
  @Field(() => String, { description: 'e.g. 进食 5 分 → A07 协助进食/水, 每日' }) text!: string;
}

@ObjectType('PlanFrequency')
export class FrequencyNode {
  @Field(() => String) code!: string;
  @Field(() => Int) times!: number;
  @Field(() => PeriodEnum) per!: PeriodEnum;
}

@ObjectType('CarePlanLine')
export class LineNode {
  @Field(() => ID) id!: string;
  @Field(() => LineKindEnum) kind!: LineKindEnum;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => ItemCategoryEnum, { nullable: true }) category!: ItemCategoryEnum | null;
  @Field(() => Int) times!: number;
  @Field(() => PeriodEnum) per!: PeriodEnum;
  @Field(() => [Int], { description: 'Preferred weekdays, 1 = Monday … 7 = Sunday.' }) days!: number[];
  @Field(() => String, { nullable: true, description: 'Preferred time, HH:MM.' }) timeOfDay!: string | null;
  @Field(() => Int, { description: 'Unit price of an item, or monthly fee of a device, in fen.' }) unitPriceFen!: number;
  @Field(() => Int) minutes!: number;
  @Field(() => Int, { description: 'Units in a standard month of 30 days.' }) monthlyUnits!: number;
  @Field(() => Int) monthlyCostFen!: number;
  @Field(() => String, { nullable: true }) goal!: string | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => [ReasonNode]) reasons!: ReasonNode[];
  @Field(() => [FrequencyNode], { description: 'What may be taken instead.' }) alternatives!: FrequencyNode[];
}

@ObjectType('FormCost', { description: "One form's planned month against its entitlement, in fen." })
export class FormCostNode {
  @Field(() => CareFormEnum) form!: CareFormEnum;
  @Field(() => EntitlementKindEnum, { nullable: true }) entitlementKind!: EntitlementKindEnum | null;
  @Field(() => Int, { nullable: true }) entitlementAmountFen!: number | null;
  @Field(() => Float, { nullable: true }) entitlementHoursPerWeek!: number | null;
  @Field(() => Float) fundRatioPercent!: number;
  @Field(() => Int) grossFen!: number;
  @Field(() => Int) capFen!: number;
  @Field(() => Int) eligibleFen!: number;
  @Field(() => Int) fundFen!: number;
  @Field(() => Int) copayFen!: number;
  @Field(() => Int) excessFen!: number;
  @Field(() => Int) minutes!: number;
  @Field(() => Int, { nullable: true }) entitledMinutes!: number | null;
}

@ObjectType('PlanCost', { description: 'A plan’s standard month (30 days): planned cost, cap, fund share, co-payment and self-paid excess.' })
export class PlanCostNode {
  @Field(() => FormCostNode, { nullable: true }) main!: FormCostNode | null;
  @Field(() => FormCostNode, { nullable: true }) device!: FormCostNode | null;
  @Field(() => Int) grossFen!: number;
  @Field(() => Int) capFen!: number;
  @Field(() => Int) fundFen!: number;
  @Field(() => Int) copayFen!: number;
  @Field(() => Int) excessFen!: number;
  @Field(() => Int, { description: 'What the beneficiary pays: co-payment plus self-paid excess.' }) personFen!: number;
}

@ObjectType('FitChange', { description: 'What fitting the draft to the cap changed.' })
export class FitChangeNode {
  @Field(() => String) code!: string;
  @Field(() => Int) fromTimes!: number;
  @Field(() => PeriodEnum) fromPer!: PeriodEnum;
  @Field(() => Int, { nullable: true, description: 'null: the item was dropped.' }) toTimes!: number | null;
  @Field(() => PeriodEnum, { nullable: true }) toPer!: PeriodEnum | null;
  @Field(() => Int) savedFen!: number;
}

@ObjectType('SelfPayConsent', { description: "The beneficiary's consent to pay the excess over the cap." })
export class ConsentNode {
  @Field(() => String) signedBy!: string;
  @Field(() => String) relation!: string;
  @Field(() => Int) excessFen!: number;
  @Field(() => Date) recordedAt!: Date;
}

@ObjectType('CarePlanVersion')
export class VersionNode {
  @Field(() => ID) id!: string;
  @Field(() => ID) planId!: string;
  @Field(() => Int) number!: number;
  @Field(() => String, { description: 'Stored state: DRAFT, SUBMITTED, APPROVED, SUPERSEDED, ENDED or DISCARDED.' }) state!: string;
  @Field(() => VersionStatusEnum) status!: VersionStatusEnum;
  @Field(() => [String], { description: 'Verbs allowed in the stored state.' }) allowedActions!: string[];
  @Field(() => Int) level!: number;
  @Field(() => ID) conclusionId!: string;
  @Field(() => String, { nullable: true }) effectiveFrom!: string | null;
  @Field(() => String, { nullable: true }) effectiveUntil!: string | null;
  @Field(() => String, { nullable: true }) goals!: string | null;
  @Field(() => String, { nullable: true }) notes!: string | null;
  @Field(() => PlanCostNode) cost!: PlanCostNode;
  @Field(() => [FitChangeNode]) fitChanges!: FitChangeNode[];
  @Field(() => String, { nullable: true, description: 'The price schedule version the lines were priced with.' }) priceScheduleFrom!: string | null;
  @Field(() => ConsentNode, { nullable: true }) consent!: ConsentNode | null;
  @Field(() => String, { nullable: true }) returnReason!: string | null;
  @Field(() => Date, { nullable: true }) submittedAt!: Date | null;
  @Field(() => Date, { nullable: true }) decidedAt!: Date | null;
  @Field(() => String, { nullable: true }) decidedByName!: string | null;
  @Field(() => Boolean) autoApproved!: boolean;
  @Field(() => Date) updatedAt!: Date;
  @Field(() => Int, { description: 'Optimistic lock: send it back when saving.' }) version!: number;
  @Field(() => [LineNode]) lines!: LineNode[];
}

@ObjectType('CarePlan', { description: 'A care plan 一人一方案: the person’s care form and agency, with its versions.' })
export class PlanNode {
  @Field(() => ID) id!: string;
  @Field(() => String) poolingArea!: string;
  @Field(() => ID) personId!: string;
  @Field(() => String) personName!: string;
  @Field(() => String, { description: 'Masked.' }) personIdNumber!: string;
  @Field(() => String) personAddress!: string;
  @Field(() => String) personStatus!: string;
  @Field(() => ID) agencyId!: string;
  @Field(() => String) agencyName!: string;
  @Field(() => CareFormEnum) careForm!: CareFormEnum;
  @Field(() => PlanStateEnum) state!: PlanStateEnum;
  @Field(() => [String]) allowedActions!: string[];
  @Field(() => String) startDate!: string;
  @Field(() => String, { nullable: true }) endDate!: string | null;
  @Field(() => EndReasonEnum, { nullable: true }) endReason!: EndReasonEnum | null;
  @Field(() => String, { nullable: true }) endNote!: string | null;
  @Field(() => String, { nullable: true }) declineReason!: string | null;
  @Field(() => Boolean) tubeFeeding!: boolean;
  @Field(() => ID) conclusionId!: string;
  @Field(() => Int, { description: 'The level of the conclusion the plan follows.' }) level!: number;
  @Field(() => [AttentionEnum]) attention!: AttentionEnum[];
  @Field(() => ID, { nullable: true }) transferredFromId!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => [VersionNode], { description: 'Every version, oldest first.' }) versions!: VersionNode[];
  @Field(() => VersionNode, { nullable: true, description: 'The version in force today.' }) current!: VersionNode | null;
  @Field(() => VersionNode, { nullable: true, description: 'The draft or submitted version, if any.' }) open!: VersionNode | null;
}

export const CarePlanConnection = Connection('CarePlan', PlanNode);

@ObjectType('CarePlanCounts', { description: 'Plans in scope per queue.' })
export class CountsNode {
  @Field(() => Int) TO_ACCEPT!: number;
  @Field(() => Int) TO_DRAFT!: number;
  @Field(() => Int) TO_APPROVE!: number;
  @Field(() => Int) TO_REVISE!: number;
  @Field(() => Int) TO_TRANSFER!: number;
  @Field(() => Int) TO_END!: number;
}

@ObjectType('PricedItem')
export class PricedItemNode {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => ItemCategoryEnum) category!: ItemCategoryEnum;
  @Field(() => Int) minutes!: number;
  @Field(() => Int) unitPriceFen!: number;
}

@ObjectType('CarePlanEditorOptions', { description: 'What the editor of a version needs to cost it live with the shared rules.' })
export class EditorOptionsNode {
  @Field(() => [PricedItemNode], { description: 'Catalogue items allowed for the form, at the agency’s prices on the version’s date.' }) items!: PricedItemNode[];
  @Field(() => [DeviceTypeNode]) devices!: DeviceTypeNode[];
  @Field(() => GraphQLJSONObject, { description: 'The benefit settings in force, in the shape of the shared rules (careplan.rules.ts).' }) benefits!: Record<string, unknown>;
  @Field(() => Int, { nullable: true }) dayRateFen!: number | null;
  @Field(() => String, { nullable: true }) priceScheduleFrom!: string | null;
  @Field(() => Boolean, { description: 'The agency has a nurse or medical caregiver (needed for category B items).' }) clinicalStaff!: boolean;
}

@ObjectType('PlanAssessmentSummary', { description: 'The assessment behind a version: level, grades and item scores.' })
export class AssessmentSummaryNode {
  @Field(() => ID) conclusionId!: string;
  @Field(() => Int) level!: number;
  @Field(() => String) effectiveDate!: string;
  @Field(() => String) validUntil!: string;
  @Field(() => GraphQLJSONObject, { description: 'Item code → points (the greater need of the assessors).' }) answers!: Record<string, number>;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'C1, C2, C3 → sum.' }) sums!: Record<string, number> | null;
  @Field(() => String) cognitionGrade!: string;
  @Field(() => String) perceptionGrade!: string;
}

@InputType('CarePlanRequestInput')
export class RequestInputType {
  @Field(() => ID, { nullable: true, description: 'Client-chosen id: a retry returns the same plan.' }) id?: string | null;
  @Field(() => ID) personId!: string;
  @Field(() => CareFormEnum) careForm!: CareFormEnum;
  @Field(() => ID) agencyId!: string;
  @Field(() => String) startDate!: string;
  @Field(() => Boolean, { nullable: true, description: '进食 0 with a feeding tube (proposes B02).' }) tubeFeeding?: boolean | null;
}

@InputType('CarePlanLineInput')
export class LineInputType {
  @Field(() => LineKindEnum) kind!: LineKindEnum;
  @Field(() => String) code!: string;
  @Field(() => Int) times!: number;
  @Field(() => PeriodEnum) per!: PeriodEnum;
  @Field(() => [Int], { nullable: true }) days?: number[] | null;
  @Field(() => String, { nullable: true }) timeOfDay?: string | null;
  @Field(() => String, { nullable: true }) goal?: string | null;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType('CarePlanDraftInput')
export class DraftInputType {
  @Field(() => [LineInputType]) lines!: LineInputType[];
  @Field(() => String, { nullable: true }) goals?: string | null;
  @Field(() => String, { nullable: true }) notes?: string | null;
  @Field(() => String, { nullable: true }) effectiveFrom?: string | null;
  @Field(() => Int, { nullable: true, description: 'The version read; a newer one answers CONFLICT (STALE).' }) expectedVersion?: number | null;
}

@InputType('SelfPayConsentInput')
export class ConsentInputType {
  @Field(() => String) signedBy!: string;
  @Field(() => String, { description: 'e.g. 本人, 子女, 配偶' }) relation!: string;
}

@InputType('CarePlanEndInput')
export class EndInputType {
  @Field(() => String) date!: string;
  @Field(() => EndReasonEnum) reason!: EndReasonEnum;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType('CarePlanTransferInput')
export class TransferInputType {
  @Field(() => ID, { nullable: true }) id?: string | null;
  @Field(() => ID) agencyId!: string;
  @Field(() => String) date!: string;
}
