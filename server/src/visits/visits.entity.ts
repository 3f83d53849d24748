// Storage of the visits module that the ORM manages: findings, caregiver assignments, hospital stays, stays in
// institutional care, settings and beneficiary cards. The visits themselves live in a table partitioned by month
// (see the migration) that the module reads and writes with set-based SQL.
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Agency } from '../identity/org.entity.ts';
import { User } from '../identity/user.entity.ts';
import { InsuredPerson } from '../people/insured-person.entity.ts';
import { Caregiver } from '../providers/providers.entity.ts';
import { CarePlan } from '../careplan/careplan.entity.ts';
import type { RuleAction, RuleCode } from './visits.rules.ts';

export const FINDING_STATES = ['OPEN', 'CONFIRMED', 'DISMISSED'] as const;
export type FindingState = (typeof FINDING_STATES)[number];

/** A finding of an audit rule on a visit, with its evidence, and the supervisor's decision. */
@Entity({ tableName: 'visit_finding' })
@Unique({ properties: ['visitId', 'rule', 'key'] })
@Index({ properties: ['poolingArea', 'status', 'rule'] })
@Index({ properties: ['agency', 'status'] })
@Index({ properties: ['poolingArea', 'month'] })
export class VisitFinding {
  [OptionalProps]?: 'key' | 'status' | 'explanation' | 'explainedBy' | 'explainedAt' | 'decisionNote' | 'decidedBy' | 'decidedAt' | 'createdAt' | 'version';
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'string', length: 12 }) poolingArea!: string;
  @Property({ type: 'uuid' }) visitId!: string;
  @Property({ type: 'datetime' }) visitAt!: Date;
  /** The first day of the visit's month (Asia/Shanghai). */
  @Property({ type: 'date' }) month!: string;
  // Copied from the finding's visit, which has no foreign keys either (Migration20261207050000): the month's
  // audit writes tens of thousands of findings in one statement, and a check-out's findings would lock the agency.
  @ManyToOne(() => Agency, { createForeignKeyConstraint: false }) agency!: Agency;
  @ManyToOne(() => InsuredPerson, { createForeignKeyConstraint: false }) person!: InsuredPerson;
  @ManyToOne(() => Caregiver, { createForeignKeyConstraint: false }) caregiver!: Caregiver;
  @Property({ type: 'string', length: 3 }) rule!: RuleCode;
  @Property({ type: 'string', length: 6 }) action!: RuleAction;
  /** Tells apart several findings of one rule on one visit (R01: the other visit; R06: the item). */
  @Property({ type: 'string', length: 40, default: '' }) key: string = '';
  @Property({ type: 'json' }) evidence!: Record<string, unknown>;
  @Property({ type: 'string', length: 200 }) summary!: string;
  @Property({ type: 'string', length: 10, default: 'OPEN' }) status: FindingState = 'OPEN';
  @Property({ type: 'string', length: 500, nullable: true }) explanation: string | null = null;
  @ManyToOne(() => User, { nullable: true, deleteRule: 'restrict' }) explainedBy: User | null = null;
  @Property({ type: 'datetime', nullable: true }) explainedAt: Date | null = null;
  @Property({ type: 'string', length: 500, nullable: true }) decisionNote: string | null = null;
  @ManyToOne(() => User, { nullable: true, deleteRule: 'restrict' }) decidedBy: User | null = null;
  @Property({ type: 'datetime', nullable: true }) decidedAt: Date | null = null;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) createdAt: Date = new Date();
  @Property({ type: 'integer', version: true }) version!: number;
}

export const ASSIGNMENT_ROLES = ['PRIMARY', 'SUBSTITUTE'] as const;
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number];

/** Which caregiver looks after which beneficiary for an agency: the primary one and substitutes. */
@Entity({ tableName: 'caregiver_assignment' })
@Index({ properties: ['caregiver', 'until'] })
@Index({ properties: ['person', 'agency'] })
export class CaregiverAssignment {
  [OptionalProps]?: 'until' | 'createdAt';
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'string', length: 12 }) poolingArea!: string;
  @ManyToOne(() => Agency, { deleteRule: 'restrict' }) agency!: Agency;
  @ManyToOne(() => InsuredPerson, { deleteRule: 'restrict' }) person!: InsuredPerson;
  @ManyToOne(() => Caregiver, { deleteRule: 'restrict' }) caregiver!: Caregiver;
  @Property({ type: 'string', length: 10 }) role!: AssignmentRole;
  @Property({ type: 'date' }) since!: string;
  @Property({ type: 'date', nullable: true }) until: string | null = null;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) createdAt: Date = new Date();
}

/** An in-patient stay of a beneficiary (for R02), entered or imported from a hospital's list. */
@Entity({ tableName: 'hospital_stay' })
@Index({ properties: ['person', 'admittedOn'] })
export class HospitalStay {
  [OptionalProps]?: 'dischargedOn' | 'createdAt';
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'string', length: 12 }) poolingArea!: string;
  @ManyToOne(() => InsuredPerson, { deleteRule: 'restrict' }) person!: InsuredPerson;
  @Property({ type: 'string', length: 100 }) hospital!: string;
  @Property({ type: 'date' }) admittedOn!: string;
  @Property({ type: 'date', nullable: true }) dischargedOn: string | null = null;
  @Property({ type: 'string', length: 10 }) source!: 'MANUAL' | 'IMPORT';
  @ManyToOne(() => User, { deleteRule: 'restrict' }) recordedBy!: User;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) createdAt: Date = new Date();
}

/** A stay in institutional or hospital care under a plan: admission, discharge and days of leave. */
@Entity({ tableName: 'care_stay' })
@Index({ properties: ['plan', 'admittedOn'] })
export class CareStay {
  [OptionalProps]?: 'dischargedOn' | 'leaves' | 'createdAt' | 'version';
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'string', length: 12 }) poolingArea!: string;
  @ManyToOne(() => CarePlan, { deleteRule: 'restrict' }) plan!: CarePlan;
  @ManyToOne(() => Agency, { deleteRule: 'restrict' }) agency!: Agency;
  @ManyToOne(() => InsuredPerson, { deleteRule: 'restrict' }) person!: InsuredPerson;
  @Property({ type: 'date' }) admittedOn!: string;
  @Property({ type: 'date', nullable: true }) dischargedOn: string | null = null;
  /** Leave (请假) periods, whole days from and to. */
  @Property({ type: 'json', defaultRaw: `'[]'` }) leaves: { from: string; to: string; reason: string | null }[] = [];
  @ManyToOne(() => User, { deleteRule: 'restrict' }) recordedBy!: User;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) createdAt: Date = new Date();
  @Property({ type: 'integer', version: true }) version!: number;
}

/** A pooling area's audit-rule parameters and actions, over the defaults (visits.rules.ts). */
@Entity({ tableName: 'visit_settings' })
export class VisitSettingsRow {
  [OptionalProps]?: 'updatedAt';
  @PrimaryKey({ type: 'string', length: 12 }) poolingArea!: string;
  @Property({ type: 'json' }) settings!: Record<string, unknown>;
  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() }) updatedAt: Date = new Date();
}

/** The beneficiary's card: a short code printed on it confirms a visit (stored as a salted hash). */
@Entity({ tableName: 'beneficiary_card' })
export class BeneficiaryCard {
  [OptionalProps]?: 'issuedAt';
  @PrimaryKey({ type: 'uuid' }) personId!: string;
  @Property({ type: 'string', length: 12 }) poolingArea!: string;
  @Property({ type: 'string', length: 200 }) codeHash!: string;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) issuedAt: Date = new Date();
}
