import { Arg, Args, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { ConnectionArgs, pageRequest, toConnection } from '../graphql/pagination.ts';
import { GraphQLJSONObject as GraphQLJSONObjectArg } from 'graphql-scalars';
import {
  AgencyInputType,
  AgencyKindEnum,
  AgencyNode,
  CaregiverConnection,
  CaregiverInputType,
  CaregiverNode,
  CertificateCountsNode,
  CaregiverUpdateInputType,
  CatalogueItemInputType,
  CatalogueItemNode,
  ContractInputType,
  ContractNode,
  EligibilityNode,
  EvaluationNode,
  ItemCategoryEnum,
  ItemPriceNode,
  PriceScheduleInputType,
  PriceScheduleNode,
  SheetInputType,
  SheetNode,
  ViolationInputType,
  ViolationNode,
} from './providers.types.ts';
import { contractFacts, ProvidersService } from './providers.service.ts';
import { CONTRACT_TRANSITIONS, contractStatusOn } from './providers.rules.ts';
import type { Agency } from '../identity/org.entity.ts';
import type { Caregiver, Contract, Employment, Evaluation, PriceSchedule, Violation } from './providers.entity.ts';
import { Contract as ContractEntity } from './providers.entity.ts';
import { SIGNED_IN } from '../identity/permissions.ts';
import { agenciesWith, areasWith } from '../identity/identity.access.ts';
import { maskIdNumber } from '../shared/masking.ts';
import { systemClock } from '../shared/clock.ts';
import { addDays } from '../shared/dates.ts';
import type { Actor, Context } from '../graphql/context.ts';

const service = (ctx: Context) => new ProvidersService(ctx.em, systemClock, ctx.audit);

/** Bank accounts in full for those who pay the agency (the fund office) and the agency itself. */
function seesBankAccount(actor: Actor | null, agency: Agency): boolean {
  if (!actor) return false;
  return areasWith(actor, 'contract.process').includes(agency.poolingArea) || agenciesWith(actor, 'agency.manage').includes(agency.id);
}
const maskAccount = (a: string) => (a.length <= 4 ? '****' : '*'.repeat(a.length - 4) + a.slice(-4));

function toAgencyNode(a: Agency, actor: Actor | null, contracts: Contract[], today: string): AgencyNode {
  const statuses = contracts.map((c) => contractStatusOn(contractFacts(c), today));
  const order = ['ACTIVE', 'SUSPENDED', 'SCHEDULED', 'SUBMITTED', 'DRAFT', 'EXPIRED', 'TERMINATED', 'REJECTED'];
  const best = statuses.sort((x, y) => order.indexOf(x) - order.indexOf(y))[0] ?? null;
  return {
    id: a.id,
    poolingArea: a.poolingArea,
    name: a.name,
    creditCode: a.creditCode,
    kind: a.kind as AgencyKindEnum,
    address: a.address,
    longitude: a.longitude,
    latitude: a.latitude,
    serviceArea: a.serviceArea,
    beds: a.beds,
    legalRepresentative: a.legalRepresentative,
    contactName: a.contactName,
    contactPhone: a.contactPhone,
    bankName: a.bankName,
    bankAccount: a.bankAccount == null ? null : seesBankAccount(actor, a) ? a.bankAccount : maskAccount(a.bankAccount),
    active: a.active,
    contractStatus: best as never,
  };
}

function toContractNode(c: Contract, today: string): ContractNode {
  return {
    id: c.id,
    poolingArea: c.poolingArea,
    agencyId: c.agency.id,
    agencyName: c.agency.name,
    careForms: c.careForms as never,
    startDate: c.startDate,
    endDate: c.endDate,
    status: contractStatusOn(contractFacts(c), today) as never,
    state: c.state,
    allowedActions: Object.keys(CONTRACT_TRANSITIONS[c.state]),
    suspendedFrom: c.suspendedFrom,
    suspendedUntil: c.suspendedUntil,
    stateReason: c.stateReason,
    renewalOfId: c.renewalOf?.id ?? null,
    version: c.version,
  };
}

const toScheduleNode = (s: PriceSchedule): PriceScheduleNode => ({ id: s.id, effectiveFrom: s.effectiveFrom, itemPrices: s.itemPrices, dayRates: s.dayRates, notes: s.notes, createdAt: s.createdAt });

function toCaregiverNode(c: Caregiver, employments: Employment[], today: string): CaregiverNode {
  return {
    id: c.id,
    agencyId: c.agency?.id ?? null,
    agencyName: c.agency?.name ?? null,
    name: c.name,
    idNumber: maskIdNumber(c.idNumber),
    sex: c.sex,
    birthDate: c.birthDate,
    qualification: c.qualification as never,
    level: c.level,
    certificateNo: c.certificateNo,
    certificateExpiry: c.certificateExpiry,
    certificateExpired: c.certificateExpiry < today,
    certificateExpiring: c.certificateExpiry >= today && c.certificateExpiry <= addDays(today, 60),
    licenceNo: c.licenceNo,
    trainingHours: c.trainingHours,
    phone: c.phone,
    active: c.active,
    employments: employments.filter((e) => e.caregiver.id === c.id).map((e) => ({ agencyId: e.agency.id, agencyName: e.agency.name, from: e.from, until: e.until })),
  };
}

const toEvaluationNode = (e: Evaluation): EvaluationNode => ({ id: e.id, agencyId: e.agency.id, agencyName: e.agency.name, quarter: e.quarter, scores: e.scores, total: e.total, grade: e.grade, releasePercent: e.releasePercent, violationCount: e.violationCount, penaltyFen: e.penaltyFen, createdAt: e.createdAt });
const toViolationNode = (v: Violation): ViolationNode => ({ id: v.id, agencyId: v.agency.id, agencyName: v.agency.name, date: v.date, rule: v.rule, recoverFen: v.recoverFen, penaltyFen: v.penaltyFen, action: v.action as never, suspendedFrom: v.suspendedFrom, suspendedUntil: v.suspendedUntil });

@Resolver()
export class ProvidersResolver {
  private async agencyNodes(ctx: Context, agencies: Agency[]): Promise<AgencyNode[]> {
    const contracts = agencies.length ? await ctx.em.find(ContractEntity, { agency: { $in: agencies.map((a) => a.id) } }) : [];
    const today = service(ctx).today();
    return agencies.map((a) => toAgencyNode(a, ctx.actor, contracts.filter((c) => c.agency.id === a.id), today));
  }

  @Authorized('provider.read')
  @Query(() => [AgencyNode], { description: 'Care agencies in scope (officers: their pooling area; agency staff: their own).' })
  async agencies(
    @Arg('kind', () => AgencyKindEnum, { nullable: true }) kind: AgencyKindEnum | null,
    @Arg('search', () => String, { nullable: true }) search: string | null,
    @Ctx() ctx: Context,
  ): Promise<AgencyNode[]> {
    return this.agencyNodes(ctx, await service(ctx).agencies(ctx.actor, { kind: kind as never, search }));
  }

  @Authorized('provider.read')
  @Query(() => AgencyNode)
  async agency(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<AgencyNode> {
    return (await this.agencyNodes(ctx, [await service(ctx).agency(ctx.actor, id)]))[0]!;
  }

  @Authorized('agency.register')
  @Mutation(() => AgencyNode, { description: 'Registers a care agency of the pooling area with its profile.' })
  async registerAgency(@Arg('poolingArea', () => String) poolingArea: string, @Arg('input', () => AgencyInputType) input: AgencyInputType, @Ctx() ctx: Context): Promise<AgencyNode> {
    return (await this.agencyNodes(ctx, [await service(ctx).createAgency(ctx.actor, poolingArea, input as never)]))[0]!;
  }

  @Authorized('agency.manage')
  @Mutation(() => AgencyNode, { description: "Updates an agency's profile (its own administrator, or the fund office)." })
  async updateAgency(@Arg('id', () => ID) id: string, @Arg('input', () => AgencyInputType) input: AgencyInputType, @Ctx() ctx: Context): Promise<AgencyNode> {
    return (await this.agencyNodes(ctx, [await service(ctx).updateAgency(ctx.actor, id, input as never)]))[0]!;
  }

  @Authorized('provider.read')
  @Query(() => [ContractNode], { description: 'Contracts in scope; expiringWithinDays lists those ending soon.' })
  async contracts(
    @Arg('agencyId', () => ID, { nullable: true }) agencyId: string | null,
    @Arg('state', () => String, { nullable: true }) state: string | null,
    @Arg('expiringWithinDays', () => Int, { nullable: true }) expiringWithinDays: number | null,
    @Ctx() ctx: Context,
  ): Promise<ContractNode[]> {
    const s = service(ctx);
    return (await s.contracts(ctx.actor, { agencyId, state, expiringWithinDays })).map((c) => toContractNode(c, s.today()));
  }

  @Authorized('provider.read')
  @Query(() => ContractNode)
  async contract(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ContractNode> {
    const s = service(ctx);
    return toContractNode(await s.contract(ctx.actor, id), s.today());
  }

  @Authorized('provider.read')
  @Query(() => [PriceScheduleNode], { description: "A contract's price schedule versions, oldest first." })
  async priceSchedules(@Arg('contractId', () => ID) contractId: string, @Ctx() ctx: Context): Promise<PriceScheduleNode[]> {
    return (await service(ctx).schedules(ctx.actor, contractId)).map(toScheduleNode);
  }

  @Authorized('provider.read')
  @Query(() => ItemPriceNode, { description: 'The price of an item under a contract on a day, by the version in force then.' })
  async itemPrice(@Arg('contractId', () => ID) contractId: string, @Arg('code', () => String) code: string, @Arg('on', () => String) on: string, @Ctx() ctx: Context): Promise<ItemPriceNode> {
    return service(ctx).priceOn(ctx.actor, contractId, code, on);
  }

  @Authorized('contract.apply')
  @Mutation(() => ContractNode, { description: 'An agency applies for a contract (a draft it then submits).' })
  async applyForContract(@Arg('input', () => ContractInputType) input: ContractInputType, @Ctx() ctx: Context): Promise<ContractNode> {
    const s = service(ctx);
    return toContractNode(await s.applyForContract(ctx.actor, input as never), s.today());
  }

  @Authorized('contract.apply')
  @Mutation(() => ContractNode)
  async submitContract(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ContractNode> {
    const s = service(ctx);
    return toContractNode(await s.submitContract(ctx.actor, id), s.today());
  }

  @Authorized('contract.process')
  @Mutation(() => ContractNode, { description: 'Approves a submitted contract that has prices and overlaps no other of the agency.' })
  async approveContract(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ContractNode> {
    const s = service(ctx);
    return toContractNode(await s.approveContract(ctx.actor, id), s.today());
  }

  @Authorized('contract.process')
  @Mutation(() => ContractNode)
  async rejectContract(@Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: Context): Promise<ContractNode> {
    const s = service(ctx);
    return toContractNode(await s.rejectContract(ctx.actor, id, reason), s.today());
  }

  @Authorized('contract.process')
  @Mutation(() => ContractNode)
  async suspendContract(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @Arg('from', () => String) from: string,
    @Arg('until', () => String, { nullable: true }) until: string | null,
    @Ctx() ctx: Context,
  ): Promise<ContractNode> {
    const s = service(ctx);
    return toContractNode(await s.suspendContract(ctx.actor, id, reason, from, until), s.today());
  }

  @Authorized('contract.process')
  @Mutation(() => ContractNode)
  async resumeContract(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ContractNode> {
    const s = service(ctx);
    return toContractNode(await s.resumeContract(ctx.actor, id), s.today());
  }

  @Authorized('contract.process')
  @Mutation(() => ContractNode)
  async terminateContract(@Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: Context): Promise<ContractNode> {
    const s = service(ctx);
    return toContractNode(await s.terminateContract(ctx.actor, id, reason), s.today());
  }

  @Authorized('contract.process')
  @Mutation(() => PriceScheduleNode, { description: 'Adds a price schedule version from a date (from today on, once approved).' })
  async addPriceSchedule(@Arg('contractId', () => ID) contractId: string, @Arg('input', () => PriceScheduleInputType) input: PriceScheduleInputType, @Ctx() ctx: Context): Promise<PriceScheduleNode> {
    return toScheduleNode(await service(ctx).addPriceSchedule(ctx.actor, contractId, input));
  }

  @Authorized(SIGNED_IN)
  @Query(() => [CatalogueItemNode], { description: 'The service-item catalogue of a pooling area as in force on a day (today by default).' })
  async catalogue(@Arg('poolingArea', () => String) poolingArea: string, @Arg('on', () => String, { nullable: true }) on: string | null, @Ctx() ctx: Context): Promise<CatalogueItemNode[]> {
    return (await service(ctx).catalogue(ctx.actor, poolingArea, on)).map((i) => ({ code: i.code, name: i.name, category: i.category as never, minutes: i.minutes, defaultPriceFen: i.defaultPriceFen, careForms: i.careForms as never, effectiveFrom: i.effectiveFrom }));
  }

  @Authorized('catalogue.manage')
  @Mutation(() => CatalogueItemNode, { description: 'A new version of a catalogue item from a date.' })
  async setCatalogueItem(@Arg('poolingArea', () => String) poolingArea: string, @Arg('input', () => CatalogueItemInputType) input: CatalogueItemInputType, @Ctx() ctx: Context): Promise<CatalogueItemNode> {
    const i = await service(ctx).setCatalogueItem(ctx.actor, poolingArea, input as never);
    return { code: i.code, name: i.name, category: i.category as never, minutes: i.minutes, defaultPriceFen: i.defaultPriceFen, careForms: i.careForms as never, effectiveFrom: i.effectiveFrom };
  }

  @Authorized('provider.read')
  @Query(() => CaregiverConnection, { description: 'Caregivers in scope by name; certificateExpiringWithinDays keeps those whose certificates expire within that many days (expired included), soonest first.' })
  async caregivers(
    @Arg('agencyId', () => ID, { nullable: true }) agencyId: string | null,
    @Arg('search', () => String, { nullable: true, description: 'Part of a name or certificate number.' }) search: string | null,
    @Arg('certificateExpiringWithinDays', () => Int, { nullable: true }) certificateExpiringWithinDays: number | null,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: Context,
  ) {
    const s = service(ctx);
    const page = await s.caregivers(ctx.actor, { agencyId, search, certificateExpiringWithinDays }, pageRequest(args));
    const employments = page.items.length ? await s.employments(ctx.em, page.items.map((c) => c.id)) : [];
    return toConnection(page, (c) => toCaregiverNode(c, employments, s.today()));
  }

  @Authorized('provider.read')
  @Query(() => CertificateCountsNode, { description: 'Caregivers in scope, and how many certificates have expired or expire within the window (default 60 days).' })
  async caregiverCertificateCounts(
    @Arg('agencyId', () => ID, { nullable: true }) agencyId: string | null,
    @Arg('withinDays', () => Int, { nullable: true, defaultValue: 60 }) withinDays: number,
    @Ctx() ctx: Context,
  ): Promise<CertificateCountsNode> {
    return service(ctx).certificateCounts(ctx.actor, agencyId, withinDays);
  }

  @Authorized('caregiver.manage')
  @Mutation(() => CaregiverNode, { description: "Adds a caregiver to an agency (its own administrator, or the fund office)." })
  async addCaregiver(@Arg('input', () => CaregiverInputType) input: CaregiverInputType, @Ctx() ctx: Context): Promise<CaregiverNode> {
    const s = service(ctx);
    const c = await s.addCaregiver(ctx.actor, input as never);
    return toCaregiverNode(c, await s.employments(ctx.em, [c.id]), s.today());
  }

  @Authorized('caregiver.manage')
  @Mutation(() => CaregiverNode, { description: 'Renews a certificate, training hours, phone or level; or deactivates.' })
  async updateCaregiver(@Arg('id', () => ID) id: string, @Arg('input', () => CaregiverUpdateInputType) input: CaregiverUpdateInputType, @Ctx() ctx: Context): Promise<CaregiverNode> {
    const s = service(ctx);
    const c = await s.updateCaregiver(ctx.actor, id, input);
    return toCaregiverNode(c, await s.employments(ctx.em, [c.id]), s.today());
  }

  @Authorized('contract.process')
  @Mutation(() => CaregiverNode, { description: 'Moves a caregiver to another agency from a day; the employment history is kept.' })
  async moveCaregiver(@Arg('id', () => ID) id: string, @Arg('toAgencyId', () => ID) toAgencyId: string, @Arg('on', () => String) on: string, @Ctx() ctx: Context): Promise<CaregiverNode> {
    const s = service(ctx);
    const c = await s.moveCaregiver(ctx.actor, id, toAgencyId, on);
    return toCaregiverNode(c, await s.employments(ctx.em, [c.id]), s.today());
  }

  @Authorized('provider.read')
  @Query(() => EligibilityNode, { description: 'Whether a caregiver may work on a day (and deliver these item categories).' })
  async caregiverEligibility(
    @Arg('id', () => ID) id: string,
    @Arg('on', () => String) on: string,
    @Arg('categories', () => [ItemCategoryEnum], { nullable: true }) categories: ItemCategoryEnum[] | null,
    @Ctx() ctx: Context,
  ): Promise<EligibilityNode> {
    const r = await service(ctx).eligibility(ctx.actor, id, on, (categories ?? []) as never);
    return { eligible: r.ok, reason: r.reason, agencyId: r.agencyId };
  }

  @Authorized('provider.read')
  @Query(() => SheetNode, { description: "A pooling area's quarterly evaluation sheet: criteria, weights and grades (the default where it set none)." })
  async evaluationSheet(@Arg('poolingArea', () => String, { defaultValue: '3702' }) poolingArea: string, @Ctx() ctx: Context): Promise<SheetNode> {
    return service(ctx).getSheet(ctx.actor, poolingArea);
  }

  @Authorized('evaluation.manage')
  @Mutation(() => SheetNode, { description: "Sets a pooling area's evaluation sheet: criteria with weights summing to 100, grades with release shares." })
  async setEvaluationSheet(@Arg('poolingArea', () => String) poolingArea: string, @Arg('input', () => SheetInputType) input: SheetInputType, @Ctx() ctx: Context): Promise<SheetNode> {
    return service(ctx).setSheet(ctx.actor, poolingArea, input as never);
  }

  @Authorized('provider.read')
  @Query(() => [EvaluationNode])
  async evaluations(@Arg('agencyId', () => ID, { nullable: true }) agencyId: string | null, @Ctx() ctx: Context): Promise<EvaluationNode[]> {
    return (await service(ctx).evaluations(ctx.actor, agencyId)).map(toEvaluationNode);
  }

  @Authorized('evaluation.manage')
  @Mutation(() => EvaluationNode, { description: 'Scores an agency for a quarter; the grade sets the quality deposit released.' })
  async evaluateAgency(
    @Arg('agencyId', () => ID) agencyId: string,
    @Arg('quarter', () => String) quarter: string,
    @Arg('scores', () => GraphQLJSONObjectArg) scores: Record<string, number>,
    @Ctx() ctx: Context,
  ): Promise<EvaluationNode> {
    return toEvaluationNode(await service(ctx).evaluateAgency(ctx.actor, agencyId, quarter, scores));
  }

  @Authorized('provider.read')
  @Query(() => [ViolationNode])
  async violations(@Arg('agencyId', () => ID, { nullable: true }) agencyId: string | null, @Ctx() ctx: Context): Promise<ViolationNode[]> {
    return (await service(ctx).violations(ctx.actor, agencyId)).map(toViolationNode);
  }

  @Authorized('evaluation.manage')
  @Mutation(() => ViolationNode, { description: 'Records a violation; a suspension or termination acts on the contract in force.' })
  async recordViolation(@Arg('input', () => ViolationInputType) input: ViolationInputType, @Ctx() ctx: Context): Promise<ViolationNode> {
    return toViolationNode(await service(ctx).recordViolation(ctx.actor, input as never));
  }
}

