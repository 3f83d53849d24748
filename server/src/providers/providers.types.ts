// GraphQL shapes of the providers module.
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Connection } from '../graphql/pagination.ts';

export enum AgencyKindEnum {
  HOME_CARE = 'HOME_CARE',
  INSTITUTION = 'INSTITUTION',
  MEDICAL = 'MEDICAL',
  MIXED = 'MIXED',
}
registerEnumType(AgencyKindEnum, { name: 'AgencyKind', description: 'Home care, institution, hospital/medical, or mixed' });

export enum CareFormEnum {
  HOME = 'HOME',
  INSTITUTION = 'INSTITUTION',
  HOSPITAL = 'HOSPITAL',
  FAMILY = 'FAMILY',
  DEVICE = 'DEVICE',
}
registerEnumType(CareFormEnum, { name: 'CareForm' });

export enum ContractStatusEnum {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  REJECTED = 'REJECTED',
  SCHEDULED = 'SCHEDULED',
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  TERMINATED = 'TERMINATED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(ContractStatusEnum, { name: 'ContractStatus', description: 'What the contract is today.' });

export enum CaregiverQualificationEnum {
  ELDERLY_CARE = 'ELDERLY_CARE',
  MEDICAL_CAREGIVER = 'MEDICAL_CAREGIVER',
  NURSE = 'NURSE',
}
registerEnumType(CaregiverQualificationEnum, { name: 'CaregiverQualification', description: '养老护理员, 医疗护理员 or 护士' });

export enum ItemCategoryEnum {
  A = 'A',
  B = 'B',
  C = 'C',
}
registerEnumType(ItemCategoryEnum, { name: 'ItemCategory', description: 'A basic life care, B clinical nursing, C function and comfort' });

export enum ViolationActionEnum {
  WARNING = 'WARNING',
  RECTIFICATION = 'RECTIFICATION',
  SUSPENSION = 'SUSPENSION',
  TERMINATION = 'TERMINATION',
}
registerEnumType(ViolationActionEnum, { name: 'ViolationAction' });

@ObjectType('AgencyProfile', { description: 'A contracted care agency 定点护理服务机构 with its profile.' })
export class AgencyNode {
  @Field(() => ID) id!: string;
  @Field(() => String) poolingArea!: string;
  @Field(() => String) name!: string;
  @Field(() => String) creditCode!: string;
  @Field(() => AgencyKindEnum) kind!: AgencyKindEnum;
  @Field(() => String, { nullable: true }) address!: string | null;
  @Field(() => Float, { nullable: true }) longitude!: number | null;
  @Field(() => Float, { nullable: true }) latitude!: number | null;
  @Field(() => [String]) serviceArea!: string[];
  @Field(() => Int, { nullable: true }) beds!: number | null;
  @Field(() => String, { nullable: true }) legalRepresentative!: string | null;
  @Field(() => String, { nullable: true }) contactName!: string | null;
  @Field(() => String, { nullable: true }) contactPhone!: string | null;
  @Field(() => String, { nullable: true }) bankName!: string | null;
  @Field(() => String, { nullable: true, description: 'Masked for roles that do not pay the agency.' }) bankAccount!: string | null;
  @Field(() => Boolean) active!: boolean;
  @Field(() => ContractStatusEnum, { nullable: true, description: 'The status of its current contract, if any.' }) contractStatus!: ContractStatusEnum | null;
}

@InputType('AgencyInput')
export class AgencyInputType {
  @Field(() => ID, { nullable: true }) id?: string | null;
  @Field(() => String) name!: string;
  @Field(() => String) creditCode!: string;
  @Field(() => AgencyKindEnum) kind!: AgencyKindEnum;
  @Field(() => String, { nullable: true }) address?: string | null;
  @Field(() => Float, { nullable: true }) longitude?: number | null;
  @Field(() => Float, { nullable: true }) latitude?: number | null;
  @Field(() => [String], { nullable: true }) serviceArea?: string[] | null;
  @Field(() => Int, { nullable: true }) beds?: number | null;
  @Field(() => String, { nullable: true }) legalRepresentative?: string | null;
  @Field(() => String, { nullable: true }) contactName?: string | null;
  @Field(() => String, { nullable: true }) contactPhone?: string | null;
  @Field(() => String, { nullable: true }) bankName?: string | null;
  @Field(() => String, { nullable: true }) bankAccount?: string | null;
}

@ObjectType('PriceSchedule', { description: 'One version of a contract’s prices, in force from a date.' })
export class PriceScheduleNode {
  @Field(() => ID) id!: string;
  @Field(() => String) effectiveFrom!: string;
  @Field(() => GraphQLJSONObject, { description: 'Item code → unit price in fen.' }) itemPrices!: Record<string, number>;
  @Field(() => GraphQLJSONObject, { description: 'Care form → level → daily rate in fen.' }) dayRates!: Record<string, unknown>;
  @Field(() => GraphQLJSONObject, { description: 'Item code → why a price lies above the default.' }) notes!: Record<string, string>;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType('Contract', { description: 'A contract 定点协议 between the fund office and an agency.' })
export class ContractNode {
  @Field(() => ID) id!: string;
  @Field(() => String) poolingArea!: string;
  @Field(() => ID) agencyId!: string;
  @Field(() => String) agencyName!: string;
  @Field(() => [CareFormEnum]) careForms!: CareFormEnum[];
  @Field(() => String) startDate!: string;
  @Field(() => String) endDate!: string;
  @Field(() => ContractStatusEnum) status!: ContractStatusEnum;
  @Field(() => String, { description: 'The stored state: DRAFT, SUBMITTED, REJECTED, APPROVED, SUSPENDED or TERMINATED.' }) state!: string;
  @Field(() => [String], { description: 'Verbs allowed in the stored state.' }) allowedActions!: string[];
  @Field(() => String, { nullable: true }) suspendedFrom!: string | null;
  @Field(() => String, { nullable: true }) suspendedUntil!: string | null;
  @Field(() => String, { nullable: true }) stateReason!: string | null;
  @Field(() => ID, { nullable: true }) renewalOfId!: string | null;
  @Field(() => Int) version!: number;
}

@InputType('ContractApplicationInput')
export class ContractInputType {
  @Field(() => ID, { nullable: true }) id?: string | null;
  @Field(() => ID) agencyId!: string;
  @Field(() => [CareFormEnum]) careForms!: CareFormEnum[];
  @Field(() => String) startDate!: string;
  @Field(() => String) endDate!: string;
  @Field(() => ID, { nullable: true }) renewalOfId?: string | null;
}

@InputType('PriceScheduleInput')
export class PriceScheduleInputType {
  @Field(() => String) effectiveFrom!: string;
  @Field(() => GraphQLJSONObject, { description: 'Item code → unit price in fen.' }) itemPrices!: Record<string, number>;
  @Field(() => GraphQLJSONObject, { nullable: true }) dayRates?: Record<string, Record<string, number>> | null;
  @Field(() => GraphQLJSONObject, { nullable: true }) notes?: Record<string, string> | null;
}

@ObjectType('ItemPrice')
export class ItemPriceNode {
  @Field(() => Int, { nullable: true }) priceFen!: number | null;
  @Field(() => String, { nullable: true, description: 'The schedule version the price comes from.' }) effectiveFrom!: string | null;
}

@ObjectType('CatalogueItem', { description: 'A service item of the catalogue as in force on a day.' })
export class CatalogueItemNode {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => ItemCategoryEnum) category!: ItemCategoryEnum;
  @Field(() => Int) minutes!: number;
  @Field(() => Int) defaultPriceFen!: number;
  @Field(() => [CareFormEnum]) careForms!: CareFormEnum[];
  @Field(() => String) effectiveFrom!: string;
}

@InputType('CatalogueItemInput')
export class CatalogueItemInputType {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => ItemCategoryEnum) category!: ItemCategoryEnum;
  @Field(() => Int) minutes!: number;
  @Field(() => Int) defaultPriceFen!: number;
  @Field(() => [CareFormEnum]) careForms!: CareFormEnum[];
  @Field(() => Boolean, { nullable: true }) active?: boolean | null;
  @Field(() => String) effectiveFrom!: string;
}

@ObjectType('Employment')
export class EmploymentNode {
  @Field(() => ID) agencyId!: string;
  @Field(() => String) agencyName!: string;
  @Field(() => String) from!: string;
  @Field(() => String, { nullable: true }) until!: string | null;
}

@ObjectType('Caregiver', { description: 'A caregiver 护理员.' })
export class CaregiverNode {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true }) agencyId!: string | null;
  @Field(() => String, { nullable: true }) agencyName!: string | null;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'Masked.' }) idNumber!: string;
  @Field(() => String) sex!: string;
  @Field(() => String) birthDate!: string;
  @Field(() => CaregiverQualificationEnum) qualification!: CaregiverQualificationEnum;
  @Field(() => Int, { nullable: true, description: '养老护理员 level 5 (初级) to 1 (高级技师).' }) level!: number | null;
  @Field(() => String) certificateNo!: string;
  @Field(() => String) certificateExpiry!: string;
  @Field(() => Boolean, { description: 'The certificate has expired.' }) certificateExpired!: boolean;
  @Field(() => Boolean, { description: 'The certificate expires within 60 days.' }) certificateExpiring!: boolean;
  @Field(() => String, { nullable: true }) licenceNo!: string | null;
  @Field(() => Int) trainingHours!: number;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => Boolean) active!: boolean;
  @Field(() => [EmploymentNode]) employments!: EmploymentNode[];
}

export const CaregiverConnection = Connection('Caregiver', CaregiverNode);

@ObjectType('CertificateCounts')
export class CertificateCountsNode {
  @Field(() => Int) total!: number;
  @Field(() => Int, { description: 'Active caregivers whose certificate has expired.' }) expired!: number;
  @Field(() => Int, { description: 'Active caregivers whose certificate expires within the window.' }) expiring!: number;
}

@InputType('CaregiverInput')
export class CaregiverInputType {
  @Field(() => ID, { nullable: true }) id?: string | null;
  @Field(() => ID) agencyId!: string;
  @Field(() => String) name!: string;
  @Field(() => String) idNumber!: string;
  @Field(() => CaregiverQualificationEnum) qualification!: CaregiverQualificationEnum;
  @Field(() => Int, { nullable: true }) level?: number | null;
  @Field(() => String) certificateNo!: string;
  @Field(() => String) certificateExpiry!: string;
  @Field(() => String, { nullable: true }) licenceNo?: string | null;
  @Field(() => Int, { nullable: true }) trainingHours?: number | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
}

@InputType('CaregiverUpdateInput')
export class CaregiverUpdateInputType {
  @Field(() => String, { nullable: true }) certificateNo?: string | null;
  @Field(() => String, { nullable: true }) certificateExpiry?: string | null;
  @Field(() => Int, { nullable: true }) trainingHours?: number | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => Int, { nullable: true }) level?: number | null;
  @Field(() => Boolean, { nullable: true }) active?: boolean | null;
}

@ObjectType('CaregiverEligibility')
export class EligibilityNode {
  @Field(() => Boolean) eligible!: boolean;
  @Field(() => String, { nullable: true, description: 'CERTIFICATE_EXPIRED, NOT_EMPLOYED, NO_ACTIVE_CONTRACT, QUALIFICATION or INACTIVE.' }) reason!: string | null;
  @Field(() => ID, { nullable: true }) agencyId!: string | null;
}

@ObjectType('EvaluationCriterion')
export class CriterionNode {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => Int) weight!: number;
}

@ObjectType('EvaluationGrade')
export class GradeNode {
  @Field(() => String) grade!: string;
  @Field(() => Int) min!: number;
  @Field(() => Int) releasePercent!: number;
}

@ObjectType('EvaluationSheet')
export class SheetNode {
  @Field(() => [CriterionNode]) criteria!: CriterionNode[];
  @Field(() => [GradeNode]) grades!: GradeNode[];
}

@InputType('EvaluationCriterionInput')
export class CriterionInputType {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => Int) weight!: number;
}

@InputType('EvaluationGradeInput')
export class GradeInputType {
  @Field(() => String) grade!: string;
  @Field(() => Int) min!: number;
  @Field(() => Int) releasePercent!: number;
}

@InputType('EvaluationSheetInput')
export class SheetInputType {
  @Field(() => [CriterionInputType]) criteria!: CriterionInputType[];
  @Field(() => [GradeInputType]) grades!: GradeInputType[];
}

@ObjectType('Evaluation', { description: 'A quarterly evaluation 考核 of an agency.' })
export class EvaluationNode {
  @Field(() => ID) id!: string;
  @Field(() => ID) agencyId!: string;
  @Field(() => String) agencyName!: string;
  @Field(() => String) quarter!: string;
  @Field(() => GraphQLJSONObject) scores!: Record<string, number>;
  @Field(() => Float) total!: number;
  @Field(() => String) grade!: string;
  @Field(() => Int, { description: 'Share of the quarter’s quality deposit released, in per cent.' }) releasePercent!: number;
  @Field(() => Int) violationCount!: number;
  @Field(() => Int) penaltyFen!: number;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType('Violation', { description: 'A violation 违规记录.' })
export class ViolationNode {
  @Field(() => ID) id!: string;
  @Field(() => ID) agencyId!: string;
  @Field(() => String) agencyName!: string;
  @Field(() => String) date!: string;
  @Field(() => String) rule!: string;
  @Field(() => Int) recoverFen!: number;
  @Field(() => Int) penaltyFen!: number;
  @Field(() => ViolationActionEnum) action!: ViolationActionEnum;
  @Field(() => String, { nullable: true }) suspendedFrom!: string | null;
  @Field(() => String, { nullable: true }) suspendedUntil!: string | null;
}

@InputType('ViolationInput')
export class ViolationInputType {
  @Field(() => ID) agencyId!: string;
  @Field(() => String) date!: string;
  @Field(() => String) rule!: string;
  @Field(() => Int) recoverFen!: number;
  @Field(() => Int) penaltyFen!: number;
  @Field(() => ViolationActionEnum) action!: ViolationActionEnum;
  @Field(() => String, { nullable: true }) suspendedFrom?: string | null;
  @Field(() => String, { nullable: true }) suspendedUntil?: string | null;
}
