// GraphQL shapes for insured persons. Outputs are not entities: they carry what the caller may see.
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../graphql/pagination.ts';
import type { InsuranceType, PersonStatus, Sex } from './insured-person.entity.ts';

export enum SexEnum {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}
export enum InsuranceTypeEnum {
  EMPLOYEE = 'EMPLOYEE',
  RESIDENT = 'RESIDENT',
}
export enum PersonStatusEnum {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  DECEASED = 'DECEASED',
}
registerEnumType(SexEnum, { name: 'Sex' });
registerEnumType(InsuranceTypeEnum, { name: 'InsuranceType', description: 'Employee 职工 or resident 居民 insurance' });
registerEnumType(PersonStatusEnum, { name: 'PersonStatus' });

@ObjectType('GeoPoint', { description: 'A WGS-84 position.' })
export class GeoPoint {
  @Field(() => Float) longitude!: number;
  @Field(() => Float) latitude!: number;
}

@ObjectType('EmergencyContact')
export class EmergencyContact {
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => String, { nullable: true }) relation!: string | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
}

@ObjectType('InsuredPerson', { description: 'An insured person (参保人).' })
export class InsuredPersonNode {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'The resident ID number, masked (first 6 and last 2 kept) unless the caller needs it in full.' })
  idNumber!: string;
  @Field(() => Boolean, { description: 'Whether idNumber is masked (it always is in reads; revealIdNumber gives it in full).' })
  masked!: boolean;
  @Field(() => Boolean, { description: 'Whether phone and emergencyContact.phone are masked for this caller (roles that do not call people).' })
  phonesMasked!: boolean;
  @Field(() => String, { description: 'YYYY-MM-DD, derived from the ID number.' }) birthDate!: string;
  @Field(() => SexEnum) sex!: Sex;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => InsuranceTypeEnum) insuranceType!: InsuranceType;
  @Field(() => String, { description: 'YYYY-MM-DD' }) insuredSince!: string;
  @Field(() => PersonStatusEnum) status!: PersonStatus;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) dateOfDeath!: string | null;
  @Field(() => String) address!: string;
  @Field(() => GeoPoint, { nullable: true }) home!: GeoPoint | null;
  @Field(() => String) regionCode!: string;
  @Field(() => String) poolingArea!: string;
  @Field(() => EmergencyContact) emergencyContact!: EmergencyContact;
  @Field(() => Int, { description: 'Optimistic-lock version; pass it back as expectedVersion when updating.' }) version!: number;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
}

export const InsuredPersonConnection = Connection('InsuredPerson', InsuredPersonNode);

@InputType('InsuredPersonFilter')
export class InsuredPersonFilter {
  @Field(() => String, { nullable: true, description: 'A region at any level; its descendants are included.' })
  regionCode?: string | null;
  @Field(() => String, { nullable: true, description: 'A whole ID number (exact match) or part of a name.' })
  search?: string | null;
  @Field(() => PersonStatusEnum, { nullable: true }) status?: PersonStatus | null;
  @Field(() => InsuranceTypeEnum, { nullable: true }) insuranceType?: InsuranceType | null;
}

@InputType('InsuredPersonInput')
export class InsuredPersonInput {
  @Field(() => String) name!: string;
  @Field(() => String, { description: '18 characters; a lower-case x is accepted and stored upper-case.' }) idNumber!: string;
  @Field(() => String, { nullable: true, description: 'Optional; must agree with the ID number.' }) birthDate?: string | null;
  @Field(() => SexEnum, { nullable: true, description: 'Optional; must agree with the ID number.' }) sex?: Sex | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => InsuranceTypeEnum) insuranceType!: InsuranceType;
  @Field(() => String, { description: 'YYYY-MM-DD' }) insuredSince!: string;
  @Field(() => String) address!: string;
  @Field(() => Float, { nullable: true }) longitude?: number | null;
  @Field(() => Float, { nullable: true }) latitude?: number | null;
  @Field(() => String, { description: 'Village/community-level region code (12 digits).' }) regionCode!: string;
  @Field(() => String, { nullable: true }) emergencyContactName?: string | null;
  @Field(() => String, { nullable: true }) emergencyContactRelation?: string | null;
  @Field(() => String, { nullable: true }) emergencyContactPhone?: string | null;
}

@InputType('UpdateInsuredPersonInput')
export class UpdateInsuredPersonInput extends InsuredPersonInput {
  @Field(() => String, { nullable: true, description: 'Omit to keep the stored number (clients usually see it masked).' })
  declare idNumber: string;
}

@InputType('CreateInsuredPersonInput')
export class CreateInsuredPersonInput extends InsuredPersonInput {
  @Field(() => ID, { nullable: true, description: 'Client-generated UUID: replaying the same create returns the first result.' })
  id?: string | null;
}

@InputType('RecordDeathInput')
export class RecordDeathInput {
  @Field(() => String, { description: 'YYYY-MM-DD' }) dateOfDeath!: string;
}
