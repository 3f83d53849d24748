// Organisations users are bound to. Their full modules (providers, assessment) extend these later.
import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { OptionalProps } from '@mikro-orm/core';

/** A contracted care agency (定点护理服务机构). */
@Entity({ tableName: 'agency' })
@Unique({ properties: ['poolingArea', 'creditCode'] })
export class Agency {
  [OptionalProps]?: 'createdAt';

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
