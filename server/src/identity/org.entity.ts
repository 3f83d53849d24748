// Organisations users are bound to. Their full modules (providers, assessment) extend these later.
import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { OptionalProps } from '@mikro-orm/core';

export const AGENCY_KINDS = ['HOME_CARE', 'INSTITUTION', 'MEDICAL', 'MIXED'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** A contracted care agency (定点护理服务机构). */
@Entity({ tableName: 'agency' })
@Unique({ properties: ['poolingArea', 'creditCode'] })
export class Agency {
  [OptionalProps]?: 'createdAt' | 'kind' | 'address' | 'longitude' | 'latitude' | 'serviceArea' | 'beds' | 'legalRepresentative' | 'contactName' | 'contactPhone' | 'bankName' | 'bankAccount' | 'active';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'string', length: 12 })
  @Index()
  poolingArea!: string;

  @Property({ type: 'string', length: 100 })
  name!: string;

  /** Unified social credit code, check character validated. */
  @Property({ type: 'string', length: 18 })
  creditCode!: string;

  /** Home care, institution, hospital/medical, or mixed. */
  @Property({ type: 'string', length: 20, default: 'HOME_CARE' })
  kind: AgencyKind = 'HOME_CARE';

  @Property({ type: 'string', length: 200, nullable: true })
  address: string | null = null;

  @Property({ type: 'double', nullable: true })
  longitude: number | null = null;

  @Property({ type: 'double', nullable: true })
  latitude: number | null = null;

  /** Region codes the agency serves (any level; descendants included). */
  @Property({ type: 'array', columnType: 'text[]', defaultRaw: `'{}'` })
  serviceArea: string[] = [];

  /** Beds, for institutions. */
  @Property({ type: 'integer', nullable: true })
  beds: number | null = null;

  @Property({ type: 'string', length: 50, nullable: true })
  legalRepresentative: string | null = null;

  @Property({ type: 'string', length: 50, nullable: true })
  contactName: string | null = null;

  @Property({ type: 'string', length: 20, nullable: true })
  contactPhone: string | null = null;

  @Property({ type: 'string', length: 60, nullable: true })
  bankName: string | null = null;

  /** Masked for roles that do not pay the agency. */
  @Property({ type: 'string', length: 40, nullable: true })
  bankAccount: string | null = null;

  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

/** An assessment organisation (评估机构). */
@Entity({ tableName: 'assessment_org' })
@Unique({ properties: ['poolingArea', 'creditCode'] })
export class AssessmentOrg {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'string', length: 12 })
  @Index()
  poolingArea!: string;

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Property({ type: 'string', length: 18 })
  creditCode!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
