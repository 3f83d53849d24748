// Storage of care plans: the benefit settings of a pooling area (versioned by effective date), the device
// catalogue, the plan (a person's choice of a form and an agency) and its versions with their lines.
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Agency } from '../identity/org.entity.ts';
import { User } from '../identity/user.entity.ts';
import { InsuredPerson } from '../people/insured-person.entity.ts';
import { Conclusion } from '../assessment/conclusion.entity.ts';
import type { CareForm, ItemCategory } from '../providers/catalogue.ts';
import type { BenefitSettings, EndReason, FitChange, LineKind, Period, PlanCost, PlanState, ProposedFrequency, Reason, VersionState } from './careplan.rules.ts';

/** One version of a pooling area's benefit settings, in force from a date. */
@Entity({ tableName: 'benefit_settings' })
@Unique({ properties: ['poolingArea', 'effectiveFrom'] })
export class BenefitSettingsVersion {
  [OptionalProps]?: 'createdAt';
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'string', length: 12 }) poolingArea!: string;
  @Property({ type: 'date' }) effectiveFrom!: string;
  @Property({ type: 'json' }) settings!: BenefitSettings;
  @ManyToOne(() => User, { deleteRule: 'restrict' }) createdBy!: User;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) createdAt: Date = new Date();
}

/** A rentable assistive device (辅具) of a pooling area with its monthly fee. */
@Entity({ tableName: 'device_type' })
@Unique({ properties: ['poolingArea', 'code'] })
export class DeviceType {
  [OptionalProps]?: 'active' | 'version';
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'string', length: 12 }) poolingArea!: string;
  @Property({ type: 'string', length: 20 }) code!: string;
  @Property({ type: 'string', length: 40 }) name!: string;
  @Property({ type: 'integer' }) monthlyFeeFen!: number;
  @Property({ type: 'boolean', default: true }) active: boolean = true;
  @Property({ type: 'integer', version: true }) version!: number;
}

/** A care plan: the person's choice of a care form and an agency, from a date, with its versions. */
@Entity({ tableName: 'care_plan' })
@Index({ properties: ['poolingArea', 'state'] })
@Index({ properties: ['agency', 'state'] })
export class CarePlan {
  [OptionalProps]?: 'state' | 'endDate' | 'endReason' | 'endNote' | 'declineReason' | 'respondedBy' | 'respondedAt' | 'transferredFrom' | 'tubeFeeding' | 'createdAt' | 'version';
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'string', length: 12 }) poolingArea!: string;
  @ManyToOne(() => InsuredPerson, { deleteRule: 'restrict' }) @Index() person!: InsuredPerson;
  @ManyToOne(() => Agency, { deleteRule: 'restrict' }) agency!: Agency;
  @Property({ type: 'string', length: 12 }) careForm!: CareForm;
  @Property({ type: 'string', length: 12, default: 'REQUESTED' }) state: PlanState = 'REQUESTED';
  @Property({ type: 'date' }) startDate!: string;
  @Property({ type: 'date', nullable: true }) endDate: string | null = null;
  @Property({ type: 'string', length: 20, nullable: true }) endReason: EndReason | null = null;
  @Property({ type: 'string', length: 200, nullable: true }) endNote: string | null = null;
  @Property({ type: 'string', length: 200, nullable: true }) declineReason: string | null = null;
  /** The conclusion the plan's latest approved (or first) version was drafted from. */
  @ManyToOne(() => Conclusion, { deleteRule: 'restrict' }) conclusion!: Conclusion;
  /** 进食 0 with a feeding tube, as recorded when the form was chosen (proposes B02). */
  @Property({ type: 'boolean', default: false }) tubeFeeding: boolean = false;
  @ManyToOne(() => CarePlan, { nullable: true, deleteRule: 'restrict' }) transferredFrom: CarePlan | null = null;
  @ManyToOne(() => User, { deleteRule: 'restrict' }) requestedBy!: User;
  @ManyToOne(() => User, { nullable: true, deleteRule: 'restrict' }) respondedBy: User | null = null;
  @Property({ type: 'datetime', nullable: true }) respondedAt: Date | null = null;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) createdAt: Date = new Date();
  @Property({ type: 'integer', version: true }) version!: number;
}

/** One version of a plan's content: drafted, submitted, approved (in force from a date), superseded or ended. */
@Entity({ tableName: 'care_plan_version' })
@Unique({ properties: ['plan', 'number'] })
@Index({ properties: ['poolingArea', 'state'] })
export class CarePlanVersion {
  [OptionalProps]?:
    | 'state'
    | 'effectiveFrom'
    | 'effectiveUntil'
    | 'goals'
    | 'notes'
    | 'fitChanges'
    | 'priceScheduleFrom'
    | 'consentBy'
    | 'consentRelation'
    | 'consentExcessFen'
    | 'consentAt'
    | 'submittedBy'
    | 'submittedAt'
    | 'decidedBy'
    | 'decidedAt'
    | 'autoApproved'
    | 'returnReason'
    | 'createdAt'
    | 'updatedAt'
    | 'version';
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'string', length: 12 }) poolingArea!: string;
  @ManyToOne(() => CarePlan, { deleteRule: 'cascade' }) plan!: CarePlan;
  @Property({ type: 'integer' }) number!: number;
  @Property({ type: 'string', length: 12, default: 'DRAFT' }) state: VersionState = 'DRAFT';
  @ManyToOne(() => Conclusion, { deleteRule: 'restrict' }) conclusion!: Conclusion;
  @Property({ type: 'integer' }) level!: number;
  /** Asked for while a draft; fixed on approval. */
  @Property({ type: 'date', nullable: true }) effectiveFrom: string | null = null;
  @Property({ type: 'date', nullable: true }) effectiveUntil: string | null = null;
  @Property({ type: 'string', length: 1000, nullable: true }) goals: string | null = null;
  @Property({ type: 'string', length: 1000, nullable: true }) notes: string | null = null;
  /** What fitting to the cap changed in the automatic draft. */
  @Property({ type: 'json', defaultRaw: `'[]'` }) fitChanges: FitChange[] = [];
  /** The planned month as last saved (cost, cap, fund share, co-payment, excess). */
  @Property({ type: 'json' }) cost!: PlanCost;
  /** The agency price schedule version the lines were priced with. */
  @Property({ type: 'date', nullable: true }) priceScheduleFrom: string | null = null;
  /** The beneficiary's consent to pay the excess over the cap, up to this amount a month. */
  @Property({ type: 'string', length: 50, nullable: true }) consentBy: string | null = null;
  @Property({ type: 'string', length: 20, nullable: true }) consentRelation: string | null = null;
  @Property({ type: 'integer', nullable: true }) consentExcessFen: number | null = null;
  @Property({ type: 'datetime', nullable: true }) consentAt: Date | null = null;
  @ManyToOne(() => User, { nullable: true, deleteRule: 'restrict' }) submittedBy: User | null = null;
  @Property({ type: 'datetime', nullable: true }) submittedAt: Date | null = null;
  @ManyToOne(() => User, { nullable: true, deleteRule: 'restrict' }) decidedBy: User | null = null;
  @Property({ type: 'datetime', nullable: true }) decidedAt: Date | null = null;
  @Property({ type: 'boolean', default: false }) autoApproved: boolean = false;
  @Property({ type: 'string', length: 300, nullable: true }) returnReason: string | null = null;
  @ManyToOne(() => User, { deleteRule: 'restrict' }) createdBy!: User;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) createdAt: Date = new Date();
  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() }) updatedAt: Date = new Date();
  @Property({ type: 'integer', version: true }) version!: number;
}

/** A line of a plan version: a service item or a rented device, how often, when, at what price. */
@Entity({ tableName: 'care_plan_line' })
export class CarePlanLine {
  [OptionalProps]?: 'days' | 'timeOfDay' | 'goal' | 'note' | 'reasons' | 'alternatives';
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'string', length: 12 }) poolingArea!: string;
  @ManyToOne(() => CarePlanVersion, { deleteRule: 'cascade' }) @Index() planVersion!: CarePlanVersion;
  @Property({ type: 'integer' }) position!: number;
  @Property({ type: 'string', length: 8 }) kind!: LineKind;
  @Property({ type: 'string', length: 20 }) code!: string;
  @Property({ type: 'string', length: 60 }) name!: string;
  /** The catalogue category of an item (null for devices). */
  @Property({ type: 'string', length: 1, nullable: true }) category!: ItemCategory | null;
  @Property({ type: 'integer' }) times!: number;
  @Property({ type: 'string', length: 6 }) per!: Period;
  /** Preferred weekdays, 1 = Monday … 7 = Sunday. */
  @Property({ type: 'json', defaultRaw: `'[]'` }) days: number[] = [];
  /** Preferred time of day, HH:MM (Asia/Shanghai). */
  @Property({ type: 'string', length: 5, nullable: true }) timeOfDay: string | null = null;
  @Property({ type: 'integer' }) unitPriceFen!: number;
  @Property({ type: 'integer' }) minutes!: number;
  @Property({ type: 'string', length: 200, nullable: true }) goal: string | null = null;
  @Property({ type: 'string', length: 200, nullable: true }) note: string | null = null;
  /** The findings that proposed the item (automatic drafts). */
  @Property({ type: 'json', defaultRaw: `'[]'` }) reasons: Reason[] = [];
  @Property({ type: 'json', defaultRaw: `'[]'` }) alternatives: ProposedFrequency[] = [];
}
