import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { AuditEntryConnection, AuditFilterInput } from './audit.types.ts';
import { queryAuditLog } from './audit.query.ts';
import { toConnection } from '../graphql/pagination.ts';
import type { Context } from '../graphql/context.ts';

@Resolver()
export class AuditResolver {
  @Authorized('audit.read')
  @Query(() => AuditEntryConnection, { description: 'The audit trail, newest first.' })
  async auditLog(
    @Arg('filter', () => AuditFilterInput, { nullable: true }) filter: AuditFilterInput | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    return toConnection(await queryAuditLog(ctx.em, ctx.actor, filter ?? {}, { first, after }), (r) => r);
  }
}
