import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../graphql/pagination.ts';
import type { Role } from './permissions.ts';
import type { UserStatus } from './user.entity.ts';

export enum RoleEnum {
  SYSTEM_ADMIN = 'SYSTEM_ADMIN',
  FUND_OFFICER = 'FUND_OFFICER',
  SUPERVISOR = 'SUPERVISOR',
  ASSESSOR = 'ASSESSOR',
  AGENCY_ADMIN = 'AGENCY_ADMIN',
  CAREGIVER = 'CAREGIVER',
}
registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'System administrator, fund officer 经办员, supervisor 监管员, assessor 评估员, agency administrator, caregiver 护理员',
});

export enum UserStatusEnum {
  ACTIVE = 'ACTIVE',
  DISABLED = 'DISABLED',
}
registerEnumType(UserStatusEnum, { name: 'UserStatus' });

export enum OrgKindEnum {
  AGENCY = 'AGENCY',
  ASSESSMENT_ORG = 'ASSESSMENT_ORG',
}
registerEnumType(OrgKindEnum, { name: 'OrgKind' });

@ObjectType('Organisation', { description: 'A care agency or an assessment organisation.' })
export class OrgNode {
  @Field(() => ID) id!: string;
  @Field(() => OrgKindEnum) kind!: OrgKindEnum;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'Unified social credit code.' }) creditCode!: string;
  @Field(() => String) poolingArea!: string;
}

@ObjectType('RoleGrant', { description: 'A role a user holds and the scope it is bound to.' })
export class GrantNode {
  @Field(() => RoleEnum) role!: Role;
  @Field(() => String, { nullable: true }) poolingArea!: string | null;
  @Field(() => OrgNode, { nullable: true }) agency!: OrgNode | null;
  @Field(() => OrgNode, { nullable: true }) assessmentOrg!: OrgNode | null;
}

@ObjectType('User')
export class UserNode {
  @Field(() => ID) id!: string;
  @Field(() => String) username!: string;
  @Field(() => String) displayName!: string;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => String, { nullable: true }) poolingArea!: string | null;
  @Field(() => UserStatusEnum) status!: UserStatus;
  @Field(() => Date, { nullable: true, description: 'Set while the account is locked after failed sign-ins.' }) lockedUntil!: Date | null;
  @Field(() => Boolean) mustChangePassword!: boolean;
  @Field(() => [GrantNode]) grants!: GrantNode[];
  @Field(() => Date) createdAt!: Date;
}

export const UserConnection = Connection('User', UserNode);

@ObjectType('Viewer', { description: 'The signed-in user, with what they may do.' })
export class ViewerNode {
  @Field(() => UserNode) user!: UserNode;
  @Field(() => [RoleEnum]) roles!: Role[];
  @Field(() => [String], { description: 'Workflow verbs granted by the roles, e.g. person.create.' }) permissions!: string[];
  @Field(() => Boolean) mustChangePassword!: boolean;
}

@ObjectType('PasswordReset')
export class PasswordResetNode {
  @Field(() => UserNode) user!: UserNode;
  @Field(() => String, { description: 'Shown once to the administrator; the user must change it at next sign-in.' }) temporaryPassword!: string;
}

@InputType('RoleGrantInput')
export class GrantInputType {
  @Field(() => RoleEnum) role!: Role;
  @Field(() => String, { nullable: true }) poolingArea?: string | null;
  @Field(() => ID, { nullable: true }) agencyId?: string | null;
  @Field(() => ID, { nullable: true }) assessmentOrgId?: string | null;
}

@InputType('UserInput')
export class UserInputType {
  @Field(() => String) displayName!: string;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true, description: 'Required for every role but administrator.' }) poolingArea?: string | null;
  @Field(() => [GrantInputType]) grants!: GrantInputType[];
}

@InputType('CreateUserInput')
export class CreateUserInputType extends UserInputType {
  @Field(() => ID, { nullable: true, description: 'Client-generated UUID for an idempotent create.' }) id?: string | null;
  @Field(() => String) username!: string;
  @Field(() => String, { description: 'Initial password; the user must change it at first sign-in.' }) password!: string;
}

@InputType('UserFilter')
export class UserFilterInput {
  @Field(() => String, { nullable: true }) search?: string | null;
  @Field(() => RoleEnum, { nullable: true }) role?: Role | null;
  @Field(() => UserStatusEnum, { nullable: true }) status?: UserStatus | null;
  @Field(() => ID, { nullable: true }) agencyId?: string | null;
}

@InputType('OrganisationInput')
export class OrgInputType {
  @Field(() => ID, { nullable: true }) id?: string | null;
  @Field(() => String) name!: string;
  @Field(() => String) creditCode!: string;
  @Field(() => String) poolingArea!: string;
}
