import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, OneToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { User } from '../identity/user.entity.ts';
import { AssessmentOrg } from '../identity/org.entity.ts';

export const QUALIFICATIONS = ['MEDICAL', 'OTHER'] as const;
export type Qualification = (typeof QUALIFICATIONS)[number];

/** An assessor (评估员): a user with the ASSESSOR role, with qualification and certificate. */
@Entity({ tableName: 'assessor' })
export class Assessor {
  [OptionalProps]?: 'active' | 'agencyIds' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'string', length: 12 })
  @Index()
  poolingArea!: string;

  @OneToOne(() => User, { owner: true, unique: true, deleteRule: 'restrict' })
  user!: User;

  @ManyToOne(() => AssessmentOrg, { deleteRule: 'restrict' })
  org!: AssessmentOrg;

  @Property({ type: 'string', length: 50 })
  name!: string;

  /** 医护类 (medical or nursing) or other. */
  @Enum({ items: () => QUALIFICATIONS, nativeEnumName: 'assessor_qualification' })
  qualification!: Qualification;

  @Property({ type: 'string', length: 40 })
  certificateNo!: string;

  @Property({ type: 'date' })
  certificateExpiry!: string;

  /** Care agencies the assessor is employed by or related to: a conflict of interest for their clients. */
  @Property({ type: 'array', columnType: 'uuid[]', defaultRaw: `'{}'` })
  agencyIds: string[] = [];

  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
