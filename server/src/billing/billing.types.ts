// GraphQL shapes of monthly settlement. Amounts are whole fen (分).
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ClaimStateEnum {
  DRAFT = 'DRAFT',
  DECLARED = 'DECLARED',
  UNDER_REVIEW = 'UNDER_REVIEW',
  APPROVED = 'APPROVED',
  PAID = 'PAID',
}
registerEnumType(ClaimStateEnum, { name: 'ClaimState', description: 'draft → declared → under review → approved (or back to draft with reasons) → paid.' });

@ObjectType('ClaimEvent', { description: 'A step of a claim’s workflow.' })
export class ClaimEventNode {
  @Field(() => ID) id!: string;
  @Field(() => String) verb!: string;
  @Field(() => ClaimStateEnum) fromState!: ClaimStateEnum;
  @Field(() => ClaimStateEnum) toState!: ClaimStateEnum;
  @Field(() => Date) at!: Date;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => String) actor!: string;
}

@ObjectType('Claim', { description: 'An agency’s claim (结算申报) for a month: totals of its lines, the deposit withheld, what is payable.' })
export class ClaimNode {
  @Field(() => ID) id!: string;
  @Field(() => String) poolingArea!: string;
  @Field(() => ID) agencyId!: string;
  @Field(() => String) agencyName!: string;
  @Field(() => String, { description: 'YYYY-MM' }) month!: string;
  @Field(() => ClaimStateEnum) state!: ClaimStateEnum;
  @Field(() => Boolean, { description: 'Declared after the 8th of the next month.' }) late!: boolean;
  @Field(() => String, { description: 'The 8th of the next month.' }) declareBy!: string;
  @Field(() => String, { description: 'The 30th of the next month (its last day if shorter).' }) payBy!: string;
  @Field(() => Int) lineCount!: number;
  @Field(() => Int) visitCount!: number;
  @Field(() => Int) grossFen!: number;
  @Field(() => Int) capFen!: number;
  @Field(() => Int) eligibleFen!: number;
  @Field(() => Int, { description: 'Self-paid: gross above the caps.' }) excessFen!: number;
  @Field(() => Int, { description: 'The fund’s share before the review.' }) fundFen!: number;
  @Field(() => Int) copayFen!: number;
  @Field(() => Int, { description: 'What the audit rules took out of gross (deducted visits, units beyond the plans).' }) deductedFen!: number;
  @Field(() => Int) reviewDeductedFen!: number;
  @Field(() => Int, { description: 'Fund amount after the review’s deductions.' }) approvedFundFen!: number;
  @Field(() => Int, { description: 'Quality deposit withheld: 5% of the approved fund amount.' }) depositFen!: number;
  @Field(() => Int, { description: 'Recoveries, deposit releases and carried amounts.' }) adjustmentFen!: number;
  @Field(() => Int, { description: 'Approved fund − deposit + adjustments; below zero it is carried to the next claim.' }) payableFen!: number;
  @Field(() => Date) generatedAt!: Date;
  @Field(() => Date, { nullable: true }) declaredAt!: Date | null;
  @Field(() => Date, { nullable: true }) reviewStartedAt!: Date | null;
  @Field(() => Date, { nullable: true }) returnedAt!: Date | null;
  @Field(() => String, { nullable: true }) returnReason!: string | null;
  @Field(() => Date, { nullable: true }) approvedAt!: Date | null;
  @Field(() => Date, { nullable: true }) paidAt!: Date | null;
  @Field(() => Int, { nullable: true }) paidAmountFen!: number | null;
  @Field(() => String, { nullable: true }) paidOn!: string | null;
  @Field(() => String, { nullable: true }) paymentReference!: string | null;
  @Field(() => Int, { description: 'Changes with every write: give it back to transitions to refuse stale ones.' }) version!: number;
}

@ObjectType('ClaimPage')
export class ClaimPageNode {
  @Field(() => [ClaimNode]) nodes!: ClaimNode[];
  @Field(() => Int) totalCount!: number;
}

@ObjectType('ClaimDeduction', { description: 'What the audit took out of a line: visits a rule’s findings deduct, or units beyond the plan (OVER_PLAN).' })
export class ClaimDeductionNode {
  @Field(() => String) reason!: string;
  @Field(() => Int, { description: 'Visits (a rule) or units (OVER_PLAN).' }) count!: number;
  @Field(() => Int) amountFen!: number;
  @Field(() => [ID]) visitIds!: string[];
}

@ObjectType('ReviewDeduction', { description: 'A fund officer’s deduction on a line (审核扣减).' })
export class ReviewDeductionNode {
  @Field(() => ID) id!: string;
  @Field(() => ID) lineId!: string;
  @Field(() => String) reason!: string;
  @Field(() => Int) amountFen!: number;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => String) createdBy!: string;
}

@ObjectType('ClaimLine', { description: 'A beneficiary’s month in one care form, or an adjustment.' })
export class ClaimLineNode {
  @Field(() => ID) id!: string;
  @Field(() => Int) position!: number;
  @Field(() => String, { description: 'CARE or ADJUSTMENT' }) kind!: string;
  @Field(() => ID, { nullable: true }) personId!: string | null;
  @Field(() => String, { nullable: true }) personName!: string | null;
  @Field(() => String, { nullable: true }) careForm!: string | null;
  @Field(() => Int, { nullable: true }) level!: number | null;
  @Field(() => Int) coveredDays!: number;
  @Field(() => Int, { nullable: true, description: 'Institution and hospital care: days present, not on leave.' }) billableDays!: number | null;
  @Field(() => Int) visitCount!: number;
  @Field(() => Int) grossFen!: number;
  @Field(() => Int) capFen!: number;
  @Field(() => Int) eligibleFen!: number;
  @Field(() => Int) excessFen!: number;
  @Field(() => Int) fundFen!: number;
  @Field(() => Int) copayFen!: number;
  @Field(() => Int) deductedFen!: number;
  @Field(() => [ClaimDeductionNode]) deductions!: ClaimDeductionNode[];
  @Field(() => Int) reviewDeductedFen!: number;
  @Field(() => [ReviewDeductionNode]) reviewDeductions!: ReviewDeductionNode[];
  @Field(() => Int, { nullable: true, description: 'The same beneficiary’s and form’s fund amount last month.' }) previousFundFen!: number | null;
  @Field(() => [ID]) stayIds!: string[];
  @Field(() => String, { nullable: true, description: 'RECOVERY, DEPOSIT_RELEASE or CARRIED' }) adjustmentReason!: string | null;
  @Field(() => ID, { nullable: true, description: 'The violation, evaluation or claim the adjustment comes from.' }) sourceId!: string | null;
}

@ObjectType('ClaimLinePage')
export class ClaimLinePageNode {
  @Field(() => [ClaimLineNode]) nodes!: ClaimLineNode[];
  @Field(() => Int) totalCount!: number;
}

@ObjectType('ClaimVisitFinding')
export class ClaimVisitFindingNode {
  @Field(() => String) rule!: string;
  @Field(() => String) status!: string;
  @Field(() => String) action!: string;
  @Field(() => String) summary!: string;
}

@ObjectType('ClaimItemDone')
export class ClaimItemNode {
  @Field(() => String) code!: string;
  @Field(() => Int) quantity!: number;
}

@ObjectType('ClaimVisit', { description: 'A visit of a line, with what it counts for (0 when deducted) and its findings.' })
export class ClaimVisitNode {
  @Field(() => ID) id!: string;
  @Field(() => Date) checkInAt!: Date;
  @Field(() => Date, { nullable: true }) checkOutAt!: Date | null;
  @Field(() => String) caregiverName!: string;
  @Field(() => [ClaimItemNode]) items!: ClaimItemNode[];
  @Field(() => Int) countedFen!: number;
  @Field(() => [ClaimVisitFindingNode]) findings!: ClaimVisitFindingNode[];
}

@ObjectType('ClaimSkipped')
export class ClaimSkippedNode {
  @Field(() => ID) agencyId!: string;
  @Field(() => ID) claimId!: string;
  @Field(() => ClaimStateEnum) state!: ClaimStateEnum;
}

@ObjectType('ClaimGeneration', { description: 'What a generation wrote: the drafts, and the claims past draft it left alone.' })
export class ClaimGenerationNode {
  @Field(() => [ClaimNode]) claims!: ClaimNode[];
  @Field(() => [ClaimSkippedNode]) skipped!: ClaimSkippedNode[];
}

@InputType('ClaimPaymentInput')
export class ClaimPaymentInput {
  @Field(() => Int, { description: 'The payable of the approved claim, in fen.' }) amountFen!: number;
  @Field(() => String, { description: 'YYYY-MM-DD' }) paidOn!: string;
  @Field(() => String) reference!: string;
}

@InputType('ReviewDeductionInput')
export class ReviewDeductionInput {
  @Field(() => ID, { description: 'Made by the client: a retry changes nothing.' }) id!: string;
  @Field(() => ID) lineId!: string;
  @Field(() => String, { description: 'NOT_PROVIDED, RECORD_DEFECT, OVER_PLAN, DUPLICATE, PRICE or OTHER' }) reason!: string;
  @Field(() => Int) amountFen!: number;
  @Field(() => String, { nullable: true }) note?: string | null;
}

export enum ClaimRunStateEnum {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}
registerEnumType(ClaimRunStateEnum, { name: 'ClaimRunState' });

@ObjectType('ClaimRun', { description: 'Generating the claims of every agency of an area for a month, in the background: agencies done of total, elapsed time.' })
export class ClaimRunNode {
  @Field(() => ID) id!: string;
  @Field(() => String) poolingArea!: string;
  @Field(() => String, { description: 'YYYY-MM' }) month!: string;
  @Field(() => ClaimRunStateEnum) state!: ClaimRunStateEnum;
  @Field(() => Int, { description: 'Agencies to generate.' }) total!: number;
  @Field(() => Int, { description: 'Agencies done.' }) done!: number;
  @Field(() => Int, { description: 'Agencies whose claim was past draft (left as it was).' }) skipped!: number;
  @Field(() => Int, { description: 'Times the run was taken up (more than one after a restart).' }) attempts!: number;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => String) requestedBy!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) startedAt!: Date | null;
  @Field(() => Date, { nullable: true }) finishedAt!: Date | null;
  @Field(() => Int, { nullable: true, description: 'Milliseconds from start to end (or to now while running).' }) elapsedMs!: number | null;
}

@ObjectType('SettlementMonth', { description: 'A month of an area’s claims (amounts in fen; Float, as an area’s month can exceed 32 bits).' })
export class SettlementMonthNode {
  @Field(() => String) month!: string;
  @Field(() => Int) claims!: number;
  @Field(() => Int) late!: number;
  @Field(() => Float) fundFen!: number;
  @Field(() => Float) approvedFundFen!: number;
  @Field(() => Float) depositFen!: number;
  @Field(() => Float) payableFen!: number;
  @Field(() => Float) paidFen!: number;
}

@ObjectType('SettlementState')
export class SettlementStateNode {
  @Field(() => ClaimStateEnum) state!: ClaimStateEnum;
  @Field(() => Int) claims!: number;
  @Field(() => Int) late!: number;
}

@ObjectType('SettlementBucket', { description: 'Fund spending of one care form, level or agency.' })
export class SettlementBucketNode {
  @Field(() => String) key!: string;
  @Field(() => String) label!: string;
  @Field(() => Int) beneficiaries!: number;
  @Field(() => Int) visits!: number;
  @Field(() => Float, { description: 'Fund amount after review deductions.' }) fundFen!: number;
  @Field(() => Float) deductedFen!: number;
}

@ObjectType('SettlementDeduction', { description: 'What the audit (a rule, or OVER_PLAN) and the review (REVIEW:reason) took off.' })
export class SettlementDeductionNode {
  @Field(() => String) reason!: string;
  @Field(() => Int) count!: number;
  @Field(() => Float) amountFen!: number;
}

@ObjectType('SettlementDashboard', { description: 'An area’s settlement over a range of months, for fund officers and supervisors.' })
export class SettlementDashboardNode {
  @Field(() => String) poolingArea!: string;
  @Field(() => String) from!: string;
  @Field(() => String) to!: string;
  @Field(() => [SettlementMonthNode]) byMonth!: SettlementMonthNode[];
  @Field(() => [SettlementStateNode]) byState!: SettlementStateNode[];
  @Field(() => [SettlementBucketNode]) byForm!: SettlementBucketNode[];
  @Field(() => [SettlementBucketNode]) byLevel!: SettlementBucketNode[];
  @Field(() => [SettlementBucketNode]) byAgency!: SettlementBucketNode[];
  @Field(() => [SettlementDeductionNode]) deductions!: SettlementDeductionNode[];
}
