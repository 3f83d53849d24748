import { Collection, OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, OneToMany, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { InsuredPerson } from '../people/insured-person.entity.ts';
import { User } from '../identity/user.entity.ts';
import { APPLICATION_STATES, type ApplicationState } from './assessment.workflow.ts';
import { APPLICATION_TYPES, type ApplicationType } from './application.rules.ts';
import { Assessor } from './assessor.entity.ts';
import { Conclusion } from './conclusion.entity.ts';

/** An application for a disability assessment (失能评估申请) and its way to a conclusion. */
@Entity({ tableName: 'assessment_application' })
@Index({ properties: ['poolingArea', 'status'] })
export class Application {
  [OptionalProps]?: 'status' | 'round' | 'finalRound' | 'createdAt' | 'updatedAt' | 'version' | 'rejectReason' | 'noticeStart' | 'noticeEnd' | 'reviewNote' | 'confirmedLevel' | 'challenged' | 'acceptedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'string', length: 12 })
  poolingArea!: string;

  @ManyToOne(() => InsuredPerson, { deleteRule: 'restrict' })
  @Index()
  person!: InsuredPerson;

  @Enum({ items: () => APPLICATION_TYPES, nativeEnumName: 'application_type' })
  type!: ApplicationType;

  @Property({ type: 'string', length: 50 })
  applicantName!: string;

  @Property({ type: 'string', length: 20 })
  applicantRelation!: string;

  @Property({ type: 'string', length: 20 })
  contactPhone!: string;

  @Property({ type: 'boolean' })
  disabilityDeclared!: boolean;

  /** The conclusion an appeal or a re-assessment challenges or renews. */
  @ManyToOne(() => Conclusion, { nullable: true, deleteRule: 'restrict' })
  challenged: Conclusion | null = null;

  @Enum({ items: () => APPLICATION_STATES, nativeEnumName: 'application_state', default: 'SUBMITTED' })
  status: ApplicationState = 'SUBMITTED';

  /** Assessment round: 1, then one more for every re-assessment ordered by review or objection. */
  @Property({ type: 'integer', default: 1 })
  round: number = 1;

  /** Set when an upheld objection ordered this round: its result is final. */
  @Property({ type: 'boolean', default: false })
  finalRound: boolean = false;

  @Property({ type: 'date' })
  submittedOn!: string;

  /** The fund office decides on acceptance by this day. */
  @Property({ type: 'date' })
  acceptanceDue!: string;

  @Property({ type: 'datetime', nullable: true })
  acceptedAt: Date | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  rejectReason: string | null = null;

  @Property({ type: 'integer', nullable: true })
  confirmedLevel: number | null = null;

  @Property({ type: 'string', length: 500, nullable: true })
  reviewNote: string | null = null;

  @Property({ type: 'date', nullable: true })
  noticeStart: string | null = null;

  @Property({ type: 'date', nullable: true })
  noticeEnd: string | null = null;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  createdBy!: User;

  @OneToMany(() => Task, (t) => t.application)
  tasks = new Collection<Task>(this);

  @Property({ type: 'integer', version: true })
  version!: number;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

export const TASK_STATES = ['ASSIGNED', 'SUBMITTED', 'WITHDRAWN'] as const;
export type TaskState = (typeof TASK_STATES)[number];

/** One assessor's on-site assessment in one round: the 17 answers, the visit, the computed level. */
@Entity({ tableName: 'assessment_task' })
@Index({ properties: ['assessor', 'status'] })
export class Task {
  [OptionalProps]?: 'status' | 'answers' | 'notes' | 'visitedAt' | 'visitPlace' | 'visitLongitude' | 'visitLatitude' | 'level' | 'result' | 'submittedAt' | 'version' | 'assignedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'string', length: 12 })
  poolingArea!: string;

  @ManyToOne(() => Application, { deleteRule: 'cascade' })
  @Index()
  application!: Application;

  @ManyToOne(() => Assessor, { deleteRule: 'restrict' })
  assessor!: Assessor;

  @Property({ type: 'integer' })
  round!: number;

  @Enum({ items: () => TASK_STATES, nativeEnumName: 'task_state', default: 'ASSIGNED' })
  status: TaskState = 'ASSIGNED';

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  assignedAt: Date = new Date();

  @Property({ type: 'date' })
  dueDate!: string;

  /** Item code → chosen points; a draft may be partial. */
  @Property({ type: 'json', defaultRaw: `'{}'` })
  answers: Record<string, number | null> = {};

  @Property({ type: 'text', nullable: true })
  notes: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  visitedAt: Date | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  visitPlace: string | null = null;

  @Property({ type: 'double', nullable: true })
  visitLongitude: number | null = null;

  @Property({ type: 'double', nullable: true })
  visitLatitude: number | null = null;

  @Property({ type: 'integer', nullable: true })
  level: number | null = null;

  /** The scoring result with its explanation, as computed on submission. */
  @Property({ type: 'json', nullable: true })
  result: Record<string, unknown> | null = null;

  @Property({ type: 'datetime', nullable: true })
  submittedAt: Date | null = null;

  @Property({ type: 'integer', version: true })
  version!: number;
}

export const DOCUMENT_KINDS = ['MEDICAL_RECORD', 'ID_DOCUMENT', 'DISABILITY_PROOF', 'OTHER'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** A document attached to an application; the bytes are a PostgreSQL large object. */
@Entity({ tableName: 'application_document' })
export class ApplicationDocument {
  [OptionalProps]?: 'uploadedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'string', length: 12 })
  poolingArea!: string;

  @ManyToOne(() => Application, { deleteRule: 'cascade' })
  @Index()
  application!: Application;

  @Enum({ items: () => DOCUMENT_KINDS, nativeEnumName: 'document_kind' })
  kind!: DocumentKind;

  @Property({ type: 'string', length: 200 })
  filename!: string;

  @Property({ type: 'string', length: 60 })
  contentType!: string;

  @Property({ type: 'integer' })
  size!: number;

  @Property({ type: 'string', length: 64 })
  sha256!: string;

  /** OID of the large object holding the bytes. */
  @Property({ type: 'bigint' })
  oid!: string;

  @ManyToOne(() => User, { deleteRule: 'restrict' })
  uploadedBy!: User;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  uploadedAt: Date = new Date();
}

export const OBJECTION_DECISIONS = ['PENDING', 'UPHELD', 'DISMISSED'] as const;
export type ObjectionDecision = (typeof OBJECTION_DECISIONS)[number];

/** An objection (异议) raised during the public notice. */
@Entity({ tableName: 'objection' })
export class Objection {
  [OptionalProps]?: 'decision' | 'decisionNote' | 'decidedBy' | 'decidedAt' | 'receivedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'string', length: 12 })
  poolingArea!: string;

  @ManyToOne(() => Application, { deleteRule: 'cascade' })
  @Index()
  application!: Application;

  @Property({ type: 'string', length: 50 })
  raisedBy!: string;

  @Property({ type: 'string', length: 500 })
  reason!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  receivedAt: Date = new Date();

  @Enum({ items: () => OBJECTION_DECISIONS, nativeEnumName: 'objection_decision', default: 'PENDING' })
  decision: ObjectionDecision = 'PENDING';

  @Property({ type: 'string', length: 500, nullable: true })
  decisionNote: string | null = null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'restrict' })
  decidedBy: User | null = null;

  @Property({ type: 'datetime', nullable: true })
  decidedAt: Date | null = null;
}
