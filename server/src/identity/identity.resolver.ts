import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import {
  CreateUserInputType,
  OrgInputType,
  OrgKindEnum,
  OrgNode,
  PasswordResetNode,
  UserConnection,
  UserFilterInput,
  UserInputType,
  UserNode,
  ViewerNode,
} from './identity.types.ts';
import { AuthService } from './auth.service.ts';
import { OrgsService, UsersService } from './users.service.ts';
import { User } from './user.entity.ts';
import type { Agency, AssessmentOrg } from './org.entity.ts';
import { PERMISSIONS, PUBLIC, SIGNED_IN, hasPermission } from './permissions.ts';
import { ConnectionArgs, pageRequest, toConnection } from '../graphql/pagination.ts';
import { systemClock } from '../shared/clock.ts';
import type { Actor, Context } from '../graphql/context.ts';
import { AppError } from '../shared/errors.ts';

function toOrgNode(o: Agency | AssessmentOrg, kind: OrgKindEnum): OrgNode {
  return { id: o.id, kind, name: o.name, creditCode: o.creditCode, poolingArea: o.poolingArea };
}

export function toUserNode(u: User): UserNode {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    phone: u.phone,
    poolingArea: u.poolingArea,
    status: u.status,
    lockedUntil: u.lockedUntil && u.lockedUntil.getTime() > Date.now() ? u.lockedUntil : null,
    mustChangePassword: u.mustChangePassword,
    createdAt: u.createdAt,
    grants: u.grants.getItems().map((g) => ({
      role: g.role,
      poolingArea: g.poolingArea,
      agency: g.agency ? toOrgNode(g.agency, OrgKindEnum.AGENCY) : null,
      assessmentOrg: g.assessmentOrg ? toOrgNode(g.assessmentOrg, OrgKindEnum.ASSESSMENT_ORG) : null,
    })),
  };
}

async function viewer(ctx: Context, actor: Actor): Promise<ViewerNode> {
  const user = await ctx.em.findOneOrFail(User, { id: actor.userId }, { populate: ['grants', 'grants.agency', 'grants.assessmentOrg'] });
  return {
    user: toUserNode(user),
    roles: actor.roles,
    permissions: PERMISSIONS.filter((p) => hasPermission(actor.roles, p)),
    mustChangePassword: user.mustChangePassword,
  };
}

const auth = (ctx: Context) => new AuthService(ctx.em, systemClock, ctx.audit);
const users = (ctx: Context) => new UsersService(ctx.em, systemClock, ctx.audit);
const orgs = (ctx: Context) => new OrgsService(ctx.em, ctx.audit);

const populateGrants = async (ctx: Context, list: User[]) => {
  await ctx.em.populate(list, ['grants', 'grants.agency', 'grants.assessmentOrg']);
  return list;
};

@Resolver()
export class IdentityResolver {
  @Authorized(PUBLIC)
  @Query(() => ViewerNode, { nullable: true, description: 'The signed-in user, or null.' })
  async me(@Ctx() ctx: Context): Promise<ViewerNode | null> {
    return ctx.actor ? viewer(ctx, ctx.actor) : null;
  }

  @Authorized(PUBLIC)
  @Mutation(() => ViewerNode, { description: 'Signs in and sets the session cookie.' })
  async login(
    @Arg('username', () => String) username: string,
    @Arg('password', () => String) password: string,
    @Ctx() ctx: Context,
  ): Promise<ViewerNode> {
    const result = await auth(ctx).login(username, password, { clientIp: ctx.clientIp, userAgent: ctx.userAgent });
    ctx.cookie.set(result.token, result.maxAgeMs);
    ctx.actor = result.actor;
    ctx.sessionHash = result.sessionHash;
    return viewer(ctx, result.actor);
  }

  @Authorized(SIGNED_IN)
  @Mutation(() => Boolean, { description: 'Ends the current session.' })
  async logout(@Ctx() ctx: Context): Promise<boolean> {
    await auth(ctx).logout(ctx.actor!, ctx.sessionHash!);
    ctx.cookie.clear();
    return true;
  }

  @Authorized(SIGNED_IN)
  @Mutation(() => Boolean, { description: 'Changes your own password; your other sessions end.' })
  async changePassword(
    @Arg('currentPassword', () => String) currentPassword: string,
    @Arg('newPassword', () => String) newPassword: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    await auth(ctx).changePassword(ctx.actor!, ctx.sessionHash!, currentPassword, newPassword);
    return true;
  }

  @Authorized('user.read')
  @Query(() => UserConnection)
  async users(
    @Arg('filter', () => UserFilterInput, { nullable: true }) filter: UserFilterInput | null,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: Context,
  ) {
    const page = await users(ctx).list(ctx.actor, filter ?? {}, pageRequest(args));
    await populateGrants(ctx, page.items);
    return toConnection(page, toUserNode);
  }

  @Authorized('user.read')
  @Query(() => UserNode)
  async user(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<UserNode> {
    const [u] = await populateGrants(ctx, [await users(ctx).get(ctx.actor, id)]);
    return toUserNode(u!);
  }

  @Authorized('user.manage')
  @Mutation(() => UserNode, { description: 'Creates a user; they must change the initial password at first sign-in.' })
  async createUser(@Arg('input', () => CreateUserInputType) input: CreateUserInputType, @Ctx() ctx: Context): Promise<UserNode> {
    const u = await users(ctx).create(ctx.actor, input.username, input, input.password, input.id);
    return toUserNode((await populateGrants(ctx, [u]))[0]!);
  }

  @Authorized('user.manage')
  @Mutation(() => UserNode, { description: "Changes a user's name, pooling area, roles and scopes." })
  async updateUser(@Arg('id', () => ID) id: string, @Arg('input', () => UserInputType) input: UserInputType, @Ctx() ctx: Context): Promise<UserNode> {
    const u = await users(ctx).update(ctx.actor, id, input);
    return toUserNode((await populateGrants(ctx, [u]))[0]!);
  }

  @Authorized('user.manage')
  @Mutation(() => UserNode, { description: 'Disables a user and ends their sessions.' })
  async disableUser(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<UserNode> {
    const u = await users(ctx).setStatus(ctx.actor, id, 'DISABLED');
    return toUserNode((await populateGrants(ctx, [u]))[0]!);
  }

  @Authorized('user.manage')
  @Mutation(() => UserNode, { description: 'Re-enables a user and clears a lockout.' })
  async enableUser(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<UserNode> {
    const u = await users(ctx).setStatus(ctx.actor, id, 'ACTIVE');
    return toUserNode((await populateGrants(ctx, [u]))[0]!);
  }

  @Authorized('user.manage')
  @Mutation(() => PasswordResetNode, { description: 'Sets a one-time password; the user must change it at next sign-in.' })
  async resetPassword(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<PasswordResetNode> {
    const { user, temporaryPassword } = await users(ctx).resetPassword(ctx.actor, id);
    return { user: toUserNode((await populateGrants(ctx, [user]))[0]!), temporaryPassword };
  }

  @Authorized('org.read')
  @Query(() => [OrgNode], { description: 'Care agencies or assessment organisations in scope.' })
  async organisations(
    @Arg('kind', () => OrgKindEnum) kind: OrgKindEnum,
    @Arg('poolingArea', () => String, { nullable: true }) poolingArea: string | null,
    @Ctx() ctx: Context,
  ): Promise<OrgNode[]> {
    return (await orgs(ctx).list(ctx.actor, kind, poolingArea)).map((o) => toOrgNode(o, kind));
  }

  @Authorized('org.manage')
  @Mutation(() => OrgNode, { description: 'Registers a care agency or an assessment organisation.' })
  async createOrganisation(
    @Arg('kind', () => OrgKindEnum) kind: OrgKindEnum,
    @Arg('input', () => OrgInputType) input: OrgInputType,
    @Ctx() ctx: Context,
  ): Promise<OrgNode> {
    return toOrgNode(await orgs(ctx).create(ctx.actor, kind, input), kind);
  }
}

/** type-graphql's authChecker: the role check of every root field, deny by default. (An arrow function:
 * type-graphql treats anything with a prototype as a class to instantiate.) */
export const authChecker = ({ context }: { context: Context }, rules: string[]): boolean => {
  const actor = context.actor;
  if (rules.includes(PUBLIC)) return true;
  if (!actor) {
    throw new AppError('UNAUTHENTICATED', context.sessionProblem ? 'Your session has ended; sign in again' : 'Sign in first', {
      reason: context.sessionProblem ?? 'NO_SESSION',
    });
  }
  if (rules.includes(SIGNED_IN)) return true;
  if (actor.mustChangePassword) {
    throw new AppError('FORBIDDEN', 'Change your password first', { reason: 'PASSWORD_CHANGE_REQUIRED' });
  }
  if (rules.length > 0 && rules.every((r) => hasPermission(actor.roles, r as never))) return true;
  throw new AppError('FORBIDDEN', 'Your roles do not allow this');
};
