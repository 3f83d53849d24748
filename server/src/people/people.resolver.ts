import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  CreateInsuredPersonInput,
  InsuredPersonConnection,
  InsuredPersonFilter,
  UpdateInsuredPersonInput,
  InsuredPersonNode,
  RecordDeathInput,
} from './people.types.ts';
import { PeopleService } from './people.service.ts';
import type { InsuredPerson } from './insured-person.entity.ts';
import { ConnectionArgs, pageRequest, toConnection } from '../graphql/pagination.ts';
import { RegionNode } from '../regions/region.types.ts';
import { toRegionNode } from '../regions/region.resolver.ts';
import { maskIdNumber, maskPhone } from '../shared/masking.ts';
import { seesFullPhone } from '../identity/identity.access.ts';
import { systemClock } from '../shared/clock.ts';
import type { Actor, Context } from '../graphql/context.ts';
import { notFound } from '../shared/errors.ts';

export function toPersonNode(p: InsuredPerson, actor: Actor | null): InsuredPersonNode {
  // ID numbers are always masked here; the roles that need one in full reveal it, audited, with revealIdNumber.
  const full = seesFullPhone(actor);
  return {
    id: p.id,
    name: p.name,
    idNumber: maskIdNumber(p.idNumber),
    masked: true,
    phonesMasked: !full,
    birthDate: p.birthDate,
    sex: p.sex,
    phone: p.phone == null ? null : full ? p.phone : maskPhone(p.phone),
    insuranceType: p.insuranceType,
    insuredSince: p.insuredSince,
    status: p.status,
    dateOfDeath: p.dateOfDeath,
    address: p.address,
    home: p.longitude != null && p.latitude != null ? { longitude: p.longitude, latitude: p.latitude } : null,
    regionCode: p.region.code,
    poolingArea: p.poolingArea,
    emergencyContact: {
      name: p.emergencyContactName,
      relation: p.emergencyContactRelation,
      phone: p.emergencyContactPhone == null ? null : full ? p.emergencyContactPhone : maskPhone(p.emergencyContactPhone),
    },
    version: p.version,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

const service = (ctx: Context) => new PeopleService(ctx.em, systemClock, ctx.audit);

@Resolver(() => InsuredPersonNode)
export class PeopleResolver {
  @Authorized('person.read')
  @Query(() => InsuredPersonNode, { description: 'One insured person by id.' })
  async insuredPerson(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<InsuredPersonNode> {
    return toPersonNode(await service(ctx).get(ctx.actor, id), ctx.actor);
  }

  @Authorized('person.read')
  @Query(() => InsuredPersonConnection, { description: 'Insured persons by region (with descendants), name or ID number; ordered by name.' })
  async insuredPersons(
    @Arg('filter', () => InsuredPersonFilter, { nullable: true }) filter: InsuredPersonFilter | null,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: Context,
  ) {
    const page = await service(ctx).list(ctx.actor, filter ?? {}, pageRequest(args));
    return toConnection(page, (p) => toPersonNode(p, ctx.actor));
  }

  @Authorized('person.create')
  @Mutation(() => InsuredPersonNode, { description: 'Registers an insured person. Idempotent for a client-supplied id.' })
  async createInsuredPerson(
    @Arg('input', () => CreateInsuredPersonInput) input: CreateInsuredPersonInput,
    @Ctx() ctx: Context,
  ): Promise<InsuredPersonNode> {
    return toPersonNode(await service(ctx).create(ctx.actor, input), ctx.actor);
  }

  @Authorized('person.update')
  @Mutation(() => InsuredPersonNode, { description: 'Corrects or updates a person; expectedVersion guards against lost updates.' })
  async updateInsuredPerson(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateInsuredPersonInput) input: UpdateInsuredPersonInput,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() ctx: Context,
  ): Promise<InsuredPersonNode> {
    return toPersonNode(await service(ctx).update(ctx.actor, id, input, expectedVersion), ctx.actor);
  }

  @Authorized('person.recordDeath')
  @Mutation(() => InsuredPersonNode, { description: 'Records the death of an insured person (status DECEASED).' })
  async recordDeath(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => RecordDeathInput) input: RecordDeathInput,
    @Ctx() ctx: Context,
  ): Promise<InsuredPersonNode> {
    return toPersonNode(await service(ctx).recordDeath(ctx.actor, id, input.dateOfDeath), ctx.actor);
  }

  @Authorized('person.revealId')
  @Mutation(() => String, { description: 'The full resident ID number of a person; every reveal is written to the audit trail.' })
  async revealIdNumber(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<string> {
    return service(ctx).revealIdNumber(ctx.actor, id);
  }

  @FieldResolver(() => RegionNode, { description: 'The village/community of the home address.' })
  async region(@Root() person: InsuredPersonNode, @Ctx() ctx: Context): Promise<RegionNode> {
    const region = await ctx.loaders.region.load(person.regionCode);
    if (!region) throw notFound('Region');
    return toRegionNode(region);
  }
}
