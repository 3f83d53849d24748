import { Collection, OptionalProps } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, OneToMany, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { ROLES, type Role } from './permissions.ts';
import { Agency, AssessmentOrg } from './org.entity.ts';

export const USER_STATUSES = ['ACTIVE', 'DISABLED'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

@Entity({ tableName: 'app_user' })
export class User {
  [OptionalProps]?: 'status' | 'failedAttempts' | 'lockedUntil' | 'mustChangePassword' | 'createdAt' | 'updatedAt' | 'passwordChangedAt' | 'version' | 'phone';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** Lower-case login name. */
  @Property({ type: 'string', length: 40 })
  @Unique()
  username!: string;

  @Property({ type: 'string', length: 50 })
  displayName!: string;

  @Property({ type: 'string', length: 20, nullable: true })
  phone: string | null = null;

  /** The pooling area the user works in; null only for system administrators. */
  @Property({ type: 'string', length: 12, nullable: true })
  @Index()
  poolingArea!: string | null;

  @Property({ type: 'string', length: 200, lazy: true })
  passwordHash!: string;

  @Enum({ items: () => USER_STATUSES, nativeEnumName: 'user_status', default: 'ACTIVE' })
  status: UserStatus = 'ACTIVE';

  @Property({ type: 'integer', default: 0 })
  failedAttempts: number = 0;

  @Property({ type: 'datetime', nullable: true })
  lockedUntil: Date | null = null;

  /** Set by an administrator's reset: the user must choose a new password after signing in. */
  @Property({ type: 'boolean', default: false })
  mustChangePassword: boolean = false;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  passwordChangedAt: Date = new Date();

  @OneToMany(() => RoleGrant, (g) => g.user, { orphanRemoval: true })
  grants = new Collection<RoleGrant>(this);

  @Property({ type: 'integer', version: true })
  version!: number;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/** One role a user holds, with the scope it is bound to. */
@Entity({ tableName: 'role_grant' })
@Check({
  name: 'role_grant_scope_check',
  expression: `(role = 'SYSTEM_ADMIN') or (role in ('FUND_OFFICER', 'SUPERVISOR') and pooling_area is not null) or (role = 'ASSESSOR' and assessment_org_id is not null) or (role in ('AGENCY_ADMIN', 'CAREGIVER') and agency_id is not null)`,
})
@Unique({ properties: ['user', 'role'] })
export class RoleGrant {
  [OptionalProps]?: 'poolingArea' | 'agency' | 'assessmentOrg';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @Enum({ items: () => ROLES, nativeEnumName: 'role' })
  role!: Role;

  @Property({ type: 'string', length: 12, nullable: true })
  poolingArea: string | null = null;

  @ManyToOne(() => Agency, { nullable: true, deleteRule: 'restrict' })
  agency: Agency | null = null;

  @ManyToOne(() => AssessmentOrg, { nullable: true, deleteRule: 'restrict' })
  assessmentOrg: AssessmentOrg | null = null;
}
