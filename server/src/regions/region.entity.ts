import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { OptionalProps, PrimaryKeyProp } from '@mikro-orm/core';
import type { RegionLevel } from '../shared/identifiers.ts';

export const REGION_LEVELS = ['CITY', 'DISTRICT', 'TOWN', 'VILLAGE'] as const satisfies readonly RegionLevel[];

/**
 * An administrative region: city 市, district/county 区县, town/street 乡镇街道, village/community 村社区.
 * The code is the natural key: a child's code extends its parent's, so "this region and below" is a prefix match.
 */
@Entity({ tableName: 'region' })
@Index({ name: 'region_code_prefix_idx', expression: 'create index region_code_prefix_idx on region (code text_pattern_ops)' })
export class Region {
  [PrimaryKeyProp]?: 'code';
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'string', length: 12 })
  code!: string;

  @Property({ type: 'string', length: 60 })
  name!: string;

  @Enum({ items: () => REGION_LEVELS, nativeEnumName: 'region_level' })
  level!: RegionLevel;

  @ManyToOne(() => Region, { nullable: true, fieldName: 'parent_code', deleteRule: 'restrict' })
  parent!: Region | null;

  /** Code of the pooling area (统筹区) this region belongs to: the shard key of everything below it. */
  @Property({ type: 'string', length: 12 })
  @Index()
  poolingArea!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
