import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Connection } from '../graphql/pagination.ts';

@ObjectType('AuditEntry', { description: 'One row of the append-only audit trail.' })
export class AuditEntryNode {
  @Field(() => ID) id!: string;
  @Field(() => Date) at!: Date;
  @Field(() => String, { nullable: true }) userId!: string | null;
  @Field(() => String, { nullable: true }) username!: string | null;
  @Field(() => [String]) roles!: string[];
  @Field(() => String) operation!: string;
  @Field(() => String) entity!: string;
  @Field(() => String, { nullable: true }) entityId!: string | null;
  @Field(() => String, { nullable: true }) poolingArea!: string | null;
  @Field(() => GraphQLJSONObject, { description: 'Changed fields before and after (sensitive values masked), and details.' })
  changes!: Record<string, unknown>;
  @Field(() => String, { nullable: true }) clientIp!: string | null;
  @Field(() => String, { nullable: true }) requestId!: string | null;
}

export const AuditEntryConnection = Connection('AuditEntry', AuditEntryNode);

@InputType('AuditFilter')
export class AuditFilterInput {
  @Field(() => ID, { nullable: true }) userId?: string | null;
  @Field(() => String, { nullable: true }) username?: string | null;
  @Field(() => String, { nullable: true, description: 'e.g. CREATE, UPDATE, LOGIN, LOGIN_FAILED, REVEAL_ID' }) operation?: string | null;
  @Field(() => String, { nullable: true, description: 'e.g. InsuredPerson, User' }) entity?: string | null;
  @Field(() => String, { nullable: true }) entityId?: string | null;
  @Field(() => Date, { nullable: true }) from?: Date | null;
  @Field(() => Date, { nullable: true }) to?: Date | null;
}
