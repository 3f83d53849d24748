import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { OptionalProps } from '@mikro-orm/core';
import { Region } from '../regions/region.entity.ts';

export const SEXES = ['MALE', 'FEMALE'] as const;
export type Sex = (typeof SEXES)[number];
export const INSURANCE_TYPES = ['EMPLOYEE', 'RESIDENT'] as const;
export type InsuranceType = (typeof INSURANCE_TYPES)[number];
export const PERSON_STATUSES = ['ACTIVE', 'SUSPENDED', 'DECEASED'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

/** An insured person (参保人). Storage only: the GraphQL type decides what each role sees. */
@Entity({ tableName: 'insured_person' })
@Unique({ name: 'insured_person_area_id_number_key', properties: ['poolingArea', 'idNumber'] })
@Index({
  name: 'insured_person_name_trgm_idx',
  expression: 'create index insured_person_name_trgm_idx on insured_person using gin (name gin_trgm_ops)',
})
@Index({
  name: 'insured_person_region_idx',
  expression: 'create index insured_person_region_idx on insured_person (region_code text_pattern_ops, name, id)',
})
@Index({ name: 'insured_person_area_name_idx', properties: ['poolingArea', 'name', 'id'] })
export class InsuredPerson {
  [OptionalProps]?: 'version' | 'createdAt' | 'updatedAt' | 'status' | 'phone' | 'dateOfDeath' | 'longitude' | 'latitude' | 'emergencyContactName' | 'emergencyContactRelation' | 'emergencyContactPhone';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'string', length: 12 })
  poolingArea!: string;

  @Property({ type: 'string', length: 50 })
  name!: string;

  @Property({ type: 'string', length: 18 })
  idNumber!: string;

  @Property({ type: 'date' })
  birthDate!: string;

  @Enum({ items: () => SEXES, nativeEnumName: 'sex' })
  sex!: Sex;

  @Property({ type: 'string', length: 20, nullable: true })
  phone: string | null = null;

  @Enum({ items: () => INSURANCE_TYPES, nativeEnumName: 'insurance_type' })
  insuranceType!: InsuranceType;

  @Property({ type: 'date' })
  insuredSince!: string;

  @Enum({ items: () => PERSON_STATUSES, nativeEnumName: 'person_status', default: 'ACTIVE' })
  status: PersonStatus = 'ACTIVE';

  @Property({ type: 'date', nullable: true })
  dateOfDeath: string | null = null;

  @Property({ type: 'string', length: 200 })
  address!: string;

  /** WGS-84 */
  @Property({ type: 'double', nullable: true })
  longitude: number | null = null;

  @Property({ type: 'double', nullable: true })
  latitude: number | null = null;

  /** Village/community-level region of the home address. */
  @ManyToOne(() => Region, { fieldName: 'region_code', deleteRule: 'restrict' })
  region!: Region;

  @Property({ type: 'string', length: 50, nullable: true })
  emergencyContactName: string | null = null;

  @Property({ type: 'string', length: 20, nullable: true })
  emergencyContactRelation: string | null = null;

  @Property({ type: 'string', length: 20, nullable: true })
  emergencyContactPhone: string | null = null;

  @Property({ type: 'integer', version: true })
  version!: number;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
