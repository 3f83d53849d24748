import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { InsuredPerson } from '../people/insured-person.entity.ts';
import { Application } from './application.entity.ts';

export const CONCLUSION_STATES = ['IN_FORCE', 'SUPERSEDED'] as const;
export type ConclusionState = (typeof CONCLUSION_STATES)[number];

/** The conclusion of an assessment (评估结论): level, validity and whether it opens benefits. */
@Entity({ tableName: 'conclusion' })
@Index({ properties: ['poolingArea', 'status', 'validUntil'] })
export class Conclusion {
  [OptionalProps]?: 'status' | 'supersededOn' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'string', length: 12 })
  poolingArea!: string;

  @ManyToOne(() => InsuredPerson, { deleteRule: 'restrict' })
  @Index()
  person!: InsuredPerson;

  @ManyToOne(() => Application, { deleteRule: 'restrict', unique: true })
  application!: Application;

  @Property({ type: 'integer' })
  level!: number;

  @Property({ type: 'boolean' })
  qualifies!: boolean;

  @Property({ type: 'date' })
  issuedOn!: string;

  @Property({ type: 'date' })
  effectiveDate!: string;

  @Property({ type: 'date' })
  validUntil!: string;

  @Enum({ items: () => CONCLUSION_STATES, nativeEnumName: 'conclusion_state', default: 'IN_FORCE' })
  status: ConclusionState = 'IN_FORCE';

  /** The day a newer conclusion took over. */
  @Property({ type: 'date', nullable: true })
  supersededOn: string | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

/** A pooling area's own workflow parameters, over the defaults (assessment.settings.ts). */
@Entity({ tableName: 'assessment_settings' })
export class AssessmentSettingsRow {
  [OptionalProps]?: 'updatedAt';

  @PrimaryKey({ type: 'string', length: 12 })
  poolingArea!: string;

  @Property({ type: 'json' })
  settings!: Record<string, unknown>;

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
