// Storage of the providers module: contracts with versioned price schedules, the versioned catalogue,
// caregivers and their employment, quarterly evaluations and violations.
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Agency } from '../identity/org.entity.ts';
import { User } from '../identity/user.entity.ts';
import type { CareForm, ItemCategory } from './catalogue.ts';
import type { CaregiverQualification, ContractState } from './providers.rules.ts';

/** A contract (定点协议) between the fund office of a pooling area and an agency. */
@Entity({ tableName: 'contract' })
@Index({ properties: ['poolingArea', 'state', 'endDate'] })
export class Contract {
  [OptionalProps]?: 'state' | 'suspendedFrom' | 'suspendedUntil' | 'stateReason' | 'renewalOf' | 'createdAt' | 'version';

  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'string', length: 12 }) poolingArea!: string;
  @ManyToOne(() => Agency, { deleteRule: 'restrict' }) @Index() agency!: Agency;
  @Property({ type: 'array', columnType: 'text[]' }) careForms!: CareForm[];
  @Property({ type: 'date' }) startDate!: string;
  @Property({ type: 'date' }) endDate!: string;
  @Property({ type: 'string', length: 20, default: 'DRAFT' }) state: ContractState = 'DRAFT';
  @Property({ type: 'date', nullable: true }) suspendedFrom: string | null = null;
  @Property({ type: 'date', nullable: true }) suspendedUntil: string | null = null;
  /** Why it was rejected, suspended or terminated. */
  @Property({ type: 'string', length: 200, nullable: true }) stateReason: string | null = null;
  @ManyToOne(() => Contract, { nullable: true, deleteRule: 'restrict' }) renewalOf: Contract | null = null;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) createdAt: Date = new Date();
  @Property({ type: 'integer', version: true }) version!: number;
}

/** One version of a contract's prices, in force from a date: per item a unit price, per form and level a daily rate. */
@Entity({ tableName: 'price_schedule' })
@Unique({ properties: ['contract', 'effectiveFrom'] })
export class PriceSchedule {
  [OptionalProps]?: 'createdAt' | 'notes' | 'dayRates';

  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'string', length: 12 }) poolingArea!: string;
  @ManyToOne(() => Contract, { deleteRule: 'cascade' }) contract!: Contract;
  @Property({ type: 'date' }) effectiveFrom!: string;
  /** Item code → unit price in fen. */
  @Property({ type: 'json' }) itemPrices!: Record<string, number>;
  /** Care form → level → daily rate in fen (institution and hospital forms). */
  @Property({ type: 'json', defaultRaw: `'{}'` }) dayRates: Record<string, Record<string, number>> = {};
  /** Item code → why the price lies above the catalogue's default. */
  @Property({ type: 'json', defaultRaw: `'{}'` }) notes: Record<string, string> = {};
  @ManyToOne(() => User, { deleteRule: 'restrict' }) createdBy!: User;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) createdAt: Date = new Date();
}

/** One version of a catalogue item in a pooling area, in force from a date. */
@Entity({ tableName: 'catalogue_item' })
@Unique({ properties: ['poolingArea', 'code', 'effectiveFrom'] })
export class CatalogueItem {
  [OptionalProps]?: 'active';

  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'string', length: 12 }) poolingArea!: string;
  @Property({ type: 'string', length: 10 }) code!: string;
  @Property({ type: 'date' }) effectiveFrom!: string;
  @Property({ type: 'string', length: 60 }) name!: string;
  @Property({ type: 'string', length: 1 }) category!: ItemCategory;
  @Property({ type: 'integer' }) minutes!: number;
  @Property({ type: 'integer' }) defaultPriceFen!: number;
  @Property({ type: 'array', columnType: 'text[]' }) careForms!: CareForm[];
  @Property({ type: 'boolean', default: true }) active: boolean = true;
}

/** A caregiver (护理员). */
@Entity({ tableName: 'caregiver' })
@Unique({ properties: ['poolingArea', 'idNumber'] })
export class Caregiver {
  [OptionalProps]?: 'level' | 'licenceNo' | 'trainingHours' | 'phone' | 'active' | 'createdAt' | 'version' | 'agency' | 'user';

  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'string', length: 12 }) poolingArea!: string;
  /** The agency employing the caregiver now (null after leaving). */
  @ManyToOne(() => Agency, { nullable: true, deleteRule: 'restrict' }) @Index() agency: Agency | null = null;
  @Property({ type: 'string', length: 50 }) name!: string;
  @Property({ type: 'string', length: 18 }) idNumber!: string;
  @Property({ type: 'date' }) birthDate!: string;
  @Property({ type: 'string', length: 6 }) sex!: 'MALE' | 'FEMALE';
  @Property({ type: 'string', length: 20 }) qualification!: CaregiverQualification;
  /** 养老护理员 levels 5 (初级) to 1 (高级技师). */
  @Property({ type: 'integer', nullable: true }) level: number | null = null;
  @Property({ type: 'string', length: 40 }) certificateNo!: string;
  @Property({ type: 'date' }) certificateExpiry!: string;
  /** Nurse's licence. */
  @Property({ type: 'string', length: 40, nullable: true }) licenceNo: string | null = null;
  @Property({ type: 'integer', default: 0 }) trainingHours: number = 0;
  @Property({ type: 'string', length: 20, nullable: true }) phone: string | null = null;
  @Property({ type: 'boolean', default: true }) active: boolean = true;
  /** The caregiver's own sign-in (a CAREGIVER user of the agency), for recording visits from the phone. */
  @ManyToOne(() => User, { nullable: true, unique: true, deleteRule: 'set null' }) user: User | null = null;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) createdAt: Date = new Date();
  @Property({ type: 'integer', version: true }) version!: number;
}

/** A caregiver's employment with an agency, from a day until a day. */
@Entity({ tableName: 'employment' })
export class Employment {
  [OptionalProps]?: 'until';
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'string', length: 12 }) poolingArea!: string;
  @ManyToOne(() => Caregiver, { deleteRule: 'cascade' }) @Index() caregiver!: Caregiver;
  @ManyToOne(() => Agency, { deleteRule: 'restrict' }) agency!: Agency;
  @Property({ type: 'date' }) from!: string;
  @Property({ type: 'date', nullable: true }) until: string | null = null;
}

/** A quarterly evaluation (考核) of an agency. */
@Entity({ tableName: 'evaluation' })
@Unique({ properties: ['agency', 'quarter'] })
export class Evaluation {
  [OptionalProps]?: 'createdAt';
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'string', length: 12 }) poolingArea!: string;
  @ManyToOne(() => Agency, { deleteRule: 'restrict' }) agency!: Agency;
  /** e.g. 2026Q3 */
  @Property({ type: 'string', length: 6 }) quarter!: string;
  @Property({ type: 'json' }) scores!: Record<string, number>;
  @Property({ type: 'double' }) total!: number;
  @Property({ type: 'string', length: 10 }) grade!: string;
  @Property({ type: 'integer' }) releasePercent!: number;
  /** The quarter's violations, as they stood when scored. */
  @Property({ type: 'integer' }) violationCount!: number;
  @Property({ type: 'integer' }) penaltyFen!: number;
  @ManyToOne(() => User, { deleteRule: 'restrict' }) evaluatedBy!: User;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) createdAt: Date = new Date();
}

export const VIOLATION_ACTIONS = ['WARNING', 'RECTIFICATION', 'SUSPENSION', 'TERMINATION'] as const;
export type ViolationAction = (typeof VIOLATION_ACTIONS)[number];

/** A violation (违规记录): what is recovered and the penalty, in fen, and the action taken. */
@Entity({ tableName: 'violation' })
@Index({ properties: ['agency', 'date'] })
export class Violation {
  [OptionalProps]?: 'createdAt' | 'suspendedFrom' | 'suspendedUntil';
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'string', length: 12 }) poolingArea!: string;
  @ManyToOne(() => Agency, { deleteRule: 'restrict' }) agency!: Agency;
  @Property({ type: 'date' }) date!: string;
  @Property({ type: 'string', length: 200 }) rule!: string;
  @Property({ type: 'integer' }) recoverFen!: number;
  @Property({ type: 'integer' }) penaltyFen!: number;
  @Property({ type: 'string', length: 20 }) action!: ViolationAction;
  @Property({ type: 'date', nullable: true }) suspendedFrom: string | null = null;
  @Property({ type: 'date', nullable: true }) suspendedUntil: string | null = null;
  @ManyToOne(() => User, { deleteRule: 'restrict' }) recordedBy!: User;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) createdAt: Date = new Date();
}

/** A pooling area's own evaluation sheet, over the default (providers.rules.ts). */
@Entity({ tableName: 'evaluation_sheet' })
export class EvaluationSheetRow {
  [OptionalProps]?: 'updatedAt';
  @PrimaryKey({ type: 'string', length: 12 }) poolingArea!: string;
  @Property({ type: 'json' }) sheet!: Record<string, unknown>;
  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() }) updatedAt: Date = new Date();
}
