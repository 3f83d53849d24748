import { Arg, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { RegionLevelEnum, RegionNode } from './region.types.ts';
import { ancestorCodes, RegionService } from './region.service.ts';
import type { Region } from './region.entity.ts';
import type { Context } from '../graphql/context.ts';

export function toRegionNode(r: Region): RegionNode {
  return { code: r.code, name: r.name, level: r.level, parentCode: r.parent?.code ?? null, poolingArea: r.poolingArea };
}

@Resolver(() => RegionNode)
export class RegionResolver {
  @Authorized('region.read')
  @Query(() => RegionNode, { description: 'One region by its code.' })
  async region(@Arg('code', () => String) code: string, @Ctx() ctx: Context): Promise<RegionNode> {
    return toRegionNode(await new RegionService(ctx.em).get(code));
  }

  @Authorized('region.read')
  @Query(() => [RegionNode], { description: 'The children of a region, or the top-level regions when parentCode is omitted.' })
  async regions(
    @Arg('parentCode', () => String, { nullable: true }) parentCode: string | null,
    @Arg('level', () => RegionLevelEnum, { nullable: true }) level: RegionLevelEnum | null,
    @Ctx() ctx: Context,
  ): Promise<RegionNode[]> {
    return (await new RegionService(ctx.em).children(parentCode ?? null, level)).map(toRegionNode);
  }

  @FieldResolver(() => [RegionNode], { description: 'The region and its ancestors, from the city down.' })
  async path(@Root() region: RegionNode, @Ctx() ctx: Context): Promise<RegionNode[]> {
    const rows = await ctx.loaders.region.loadMany([...ancestorCodes(region.code), region.code]);
    return rows.filter((r): r is Region => r != null && !(r instanceof Error)).map(toRegionNode);
  }
}
