import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import DataLoader from 'dataloader';
import { ConnectionArgs, pageRequest, toConnection } from '../graphql/pagination.ts';
import { CareFormEnum } from '../providers/providers.types.ts';
import {
  AssessmentSummaryNode,
  AttentionEnum,
  BenefitSettingsInputType,
  BenefitSettingsNode,
  CarePlanConnection,
  ConsentInputType,
  CountsNode,
  DeviceTypeInputType,
  DeviceTypeNode,
  DraftInputType,
  EditorOptionsNode,
  EndInputType,
  LineNode,
  PlanNode,
  PlanStateEnum,
  RequestInputType,
  TransferInputType,
  VersionNode,
} from './careplan.types.ts';
import { CarePlanService, type Attention } from './careplan.service.ts';
import { CarePlan, CarePlanLine, CarePlanVersion, DeviceType, type BenefitSettingsVersion } from './careplan.entity.ts';
import { DEFAULT_BENEFITS, PLAN_TRANSITIONS, unitsPerMonth, VERSION_TRANSITIONS, versionStatusOn, type BenefitSettings, type Entitlement, type ProposalRow } from './careplan.rules.ts';
import { AgencyNode } from '../providers/providers.types.ts';
import type { Agency } from '../identity/org.entity.ts';
import { maskIdNumber } from '../shared/masking.ts';
import { systemClock } from '../shared/clock.ts';
import { FieldErrors } from '../shared/errors.ts';
import type { Context } from '../graphql/context.ts';
import type { CareForm } from '../providers/catalogue.ts';
import { User } from '../identity/user.entity.ts';

const service = (ctx: Context) => new CarePlanService(ctx.em, systemClock, ctx.audit);

/** Per-request batch loaders of the module, so that a page of plans costs a fixed number of statements. */
const loaders = new WeakMap<Context, ReturnType<typeof createLoaders>>();
function createLoaders(ctx: Context) {
  const s = service(ctx);
  return {
    versions: new DataLoader<string, CarePlanVersion[]>(async (ids) => {
      const rows = await s.versionsOf(ctx.em, [...ids]);
      return ids.map((id) => rows.filter((r) => r.plan.id === id));
    }),
    lines: new DataLoader<string, CarePlanLine[]>(async (ids) => {
      const rows = await s.linesOf(ctx.em, [...ids]);
      return ids.map((id) => rows.filter((r) => r.planVersion.id === id));
    }),
    attention: new DataLoader<string, Attention[]>(async (ids) => {
      const m = await s.attentionsOf(ctx.em, [...ids]);
      return ids.map((id) => m.get(id) ?? []);
    }),
    users: new DataLoader<string, string>(async (ids) => {
      const rows = await ctx.em.find(User, { id: { $in: [...ids] } });
      return ids.map((id) => rows.find((r) => r.id === id)?.displayName ?? '');
    }),
  };
}
const load = (ctx: Context) => {
  let l = loaders.get(ctx);
  if (!l) loaders.set(ctx, (l = createLoaders(ctx)));
  return l;
};

function toPlanNode(p: CarePlan): PlanNode {
  return {
    id: p.id,
    poolingArea: p.poolingArea,
    personId: p.person.id,
    personName: p.person.name,
    personIdNumber: maskIdNumber(p.person.idNumber),
    personAddress: p.person.address,
    personStatus: p.person.status,
    agencyId: p.agency.id,
    agencyName: p.agency.name,
    careForm: p.careForm as CareFormEnum,
    state: p.state as PlanStateEnum,
    allowedActions: Object.keys(PLAN_TRANSITIONS[p.state]),
    startDate: p.startDate,
    endDate: p.endDate,
    endReason: p.endReason as never,
    endNote: p.endNote,
    declineReason: p.declineReason,
    tubeFeeding: p.tubeFeeding,
    conclusionId: p.conclusion.id,
    level: p.conclusion.level,
    transferredFromId: p.transferredFrom?.id ?? null,
    createdAt: p.createdAt,
  } as unknown as PlanNode;
}

function toVersionNode(v: CarePlanVersion, today: string): VersionNode {
  return {
    id: v.id,
    planId: v.plan.id,
    number: v.number,
    state: v.state,
    status: versionStatusOn(v, today) as never,
    allowedActions: Object.keys(VERSION_TRANSITIONS[v.state]).filter((k) => k !== 'supersede'),
    level: v.level,
    conclusionId: v.conclusion.id,
    effectiveFrom: v.effectiveFrom,
    effectiveUntil: v.effectiveUntil,
    goals: v.goals,
    notes: v.notes,
    cost: {
      ...v.cost,
      main: v.cost.main && formCostNode(v.cost.main),
      device: v.cost.device && formCostNode(v.cost.device),
    },
    fitChanges: v.fitChanges.map((c) => ({ code: c.code, fromTimes: c.from.times, fromPer: c.from.per as never, toTimes: c.to?.times ?? null, toPer: (c.to?.per ?? null) as never, savedFen: c.savedFen })),
    priceScheduleFrom: v.priceScheduleFrom,
    consent: v.consentBy ? { signedBy: v.consentBy, relation: v.consentRelation ?? '', excessFen: v.consentExcessFen ?? 0, recordedAt: v.consentAt! } : null,
    returnReason: v.returnReason,
    submittedAt: v.submittedAt,
    decidedAt: v.decidedAt,
    decidedById: v.decidedBy?.id ?? null,
    autoApproved: v.autoApproved,
    updatedAt: v.updatedAt,
    version: v.version,
  } as unknown as VersionNode;
}

const formCostNode = (c: NonNullable<CarePlanVersion['cost']['main']>) => ({
  ...c,
  form: c.form as CareFormEnum,
  entitlementKind: (c.entitlement?.kind ?? null) as never,
  entitlementAmountFen: c.entitlement?.amountFen ?? null,
  entitlementHoursPerWeek: c.entitlement?.hoursPerWeek ?? null,
});

function toLineNode(l: CarePlanLine): LineNode {
  const units = unitsPerMonth(l);
  return {
    id: l.id,
    kind: l.kind as never,
    code: l.code,
    name: l.name,
    category: l.category as never,
    times: l.times,
    per: l.per as never,
    days: l.days,
    timeOfDay: l.timeOfDay,
    unitPriceFen: l.unitPriceFen,
    minutes: l.minutes,
    monthlyUnits: units,
    monthlyCostFen: units * l.unitPriceFen,
    goal: l.goal,
    note: l.note,
    reasons: l.reasons,
    alternatives: l.alternatives as never,
  } as LineNode;
}

function toSettingsNode(poolingArea: string, row: { settings: BenefitSettings; effectiveFrom: string | null; id?: string; createdAt?: Date }): BenefitSettingsNode {
  const s = row.settings;
  return {
    id: row.id ?? null,
    poolingArea,
    effectiveFrom: row.effectiveFrom,
    qualifyingLevels: s.qualifyingLevels,
    autoApproveWithinCap: s.autoApproveWithinCap,
    forms: Object.entries(s.forms).map(([form, b]) => ({
      form: form as CareFormEnum,
      fundRatioPercent: b.fundRatioPercent,
      levels: Object.entries(b.levels)
        .filter((e): e is [string, Entitlement] => !!e[1])
        .map(([level, e]) => ({ level: Number(level), kind: e.kind as never, amountFen: e.amountFen, hoursPerWeek: e.hoursPerWeek })),
    })),
    proposals: s.proposals as unknown as Record<string, unknown>[],
    fitOrder: s.fitOrder,
    createdAt: row.createdAt ?? null,
  };
}

/** Turns the typed input into the rules' shape, checking the parts GraphQL types cannot (the table's rows). */
function settingsFromInput(input: BenefitSettingsInputType, base: BenefitSettings): BenefitSettings {
  const e = new FieldErrors('settings');
  // A form left out keeps what the version in force gives it.
  const forms = structuredClone({ ...DEFAULT_BENEFITS.forms, ...base.forms });
  for (const f of input.forms) {
    forms[f.form as CareForm] = {
      fundRatioPercent: f.fundRatioPercent,
      levels: Object.fromEntries(f.levels.map((l) => [String(l.level), { kind: l.kind as Entitlement['kind'], amountFen: l.amountFen ?? null, hoursPerWeek: l.hoursPerWeek ?? null }])),
    };
  }
  let proposals = base.proposals;
  if (input.proposals) {
    const ok = input.proposals.every(
      (r) =>
        typeof r.id === 'string' &&
        r.when && typeof r.when === 'object' &&
        ['ITEM', 'GRADE', 'ALWAYS'].includes(String((r.when as { kind?: unknown }).kind)) &&
        Array.isArray(r.items) &&
        (r.items as unknown[]).every((i) => !!i && typeof (i as { code?: unknown }).code === 'string' && typeof (i as { times?: unknown }).times === 'number' && typeof (i as { per?: unknown }).per === 'string'),
    );
    if (!ok) e.add('proposals', 'SHAPE', 'Rows of { id, when: { kind: ITEM | GRADE | ALWAYS, … }, items: [{ code, times, per }] }');
    proposals = input.proposals as unknown as ProposalRow[];
  }
  e.throwIfAny();
  return { qualifyingLevels: input.qualifyingLevels as never, autoApproveWithinCap: input.autoApproveWithinCap, forms, proposals, fitOrder: input.fitOrder ?? base.fitOrder };
}

const toDeviceNode = (d: DeviceType): DeviceTypeNode => ({ id: d.id, code: d.code, name: d.name, monthlyFeeFen: d.monthlyFeeFen, active: d.active });

@Resolver(() => PlanNode)
export class CarePlanResolver {
  @Authorized('careplan.read')
  @Query(() => CarePlanConnection, { description: 'Care plans in scope (officers: their pooling area; agency staff: their agency’s), newest first; `attention` picks a queue.' })
  async carePlans(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('attention', () => AttentionEnum, { nullable: true }) attention: AttentionEnum | null,
    @Arg('agencyId', () => ID, { nullable: true }) agencyId: string | null,
    @Arg('personId', () => ID, { nullable: true }) personId: string | null,
    @Arg('state', () => PlanStateEnum, { nullable: true }) state: PlanStateEnum | null,
    @Arg('careForm', () => CareFormEnum, { nullable: true }) careForm: CareFormEnum | null,
    @Arg('search', () => String, { nullable: true, description: 'Part of the person’s name.' }) search: string | null,
    @Ctx() ctx: Context,
  ) {
    const page = await service(ctx).plans(ctx.actor, { attention: attention as never, agencyId, personId, state, careForm: careForm as never, search }, pageRequest(args));
    return toConnection(page, toPlanNode);
  }

  @Authorized('careplan.read')
  @Query(() => CountsNode, { description: 'How many plans in scope wait in each queue.' })
  async carePlanCounts(@Ctx() ctx: Context): Promise<CountsNode> {
    return service(ctx).counts(ctx.actor);
  }

  @Authorized('careplan.read')
  @Query(() => PlanNode)
  async carePlan(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<PlanNode> {
    return toPlanNode(await service(ctx).plan(ctx.actor, id));
  }

  @Authorized('careplan.read')
  @Query(() => VersionNode)
  async carePlanVersion(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<VersionNode> {
    const s = service(ctx);
    return toVersionNode(await s.version(ctx.actor, id), s.today());
  }

  @Authorized('careplan.read')
  @Query(() => EditorOptionsNode, { description: 'Priced items, devices and benefits for editing (and costing) a version.' })
  async carePlanEditorOptions(@Arg('versionId', () => ID) versionId: string, @Ctx() ctx: Context): Promise<EditorOptionsNode> {
    const o = await service(ctx).editorOptions(ctx.actor, versionId);
    return { ...o, items: o.items as never, devices: o.devices.filter((d) => d.active).map(toDeviceNode), benefits: o.benefits as unknown as Record<string, unknown> };
  }

  @Authorized('careplan.read')
  @Query(() => AssessmentSummaryNode, { description: 'The assessment behind a version, for deciding on it.' })
  async carePlanAssessment(@Arg('versionId', () => ID) versionId: string, @Ctx() ctx: Context): Promise<AssessmentSummaryNode> {
    const a = await service(ctx).assessmentSummary(ctx.actor, versionId);
    return { conclusionId: a.conclusion.id, level: a.conclusion.level, effectiveDate: a.conclusion.effectiveDate, validUntil: a.conclusion.validUntil, answers: a.answers as Record<string, number>, sums: a.sums, cognitionGrade: a.grades.C2, perceptionGrade: a.grades.C3 };
  }

  @Authorized('careplan.request')
  @Query(() => [AgencyNode], { description: 'Agencies a person may choose for a form from a day: contract in force and covering the form, serving the person’s region.' })
  async carePlanAgencyChoices(@Arg('personId', () => ID) personId: string, @Arg('careForm', () => CareFormEnum) careForm: CareFormEnum, @Arg('on', () => String) on: string, @Ctx() ctx: Context): Promise<AgencyNode[]> {
    const agencies = await service(ctx).agencyChoices(ctx.actor, personId, careForm as CareForm, on);
    return agencies.map((a: Agency) => ({ ...a, kind: a.kind as never, contractStatus: 'ACTIVE' as never }) as unknown as AgencyNode);
  }

  @Authorized('careplan.read')
  @Query(() => BenefitSettingsNode, { description: "The pooling area's benefit settings in force on a day (default today)." })
  async benefitSettings(@Arg('poolingArea', () => String) poolingArea: string, @Arg('on', () => String, { nullable: true }) on: string | null, @Ctx() ctx: Context): Promise<BenefitSettingsNode> {
    const s = service(ctx);
    const b = await s.benefits(ctx.actor, poolingArea, on);
    const row = b.effectiveFrom ? (await s.listBenefitVersions(ctx.actor, poolingArea)).find((v) => v.effectiveFrom === b.effectiveFrom) : undefined;
    return toSettingsNode(poolingArea, { ...b, id: row?.id, createdAt: row?.createdAt });
  }

  @Authorized('careplan.read')
  @Query(() => [BenefitSettingsNode], { description: 'Every version of the settings, oldest first (before the first: the defaults).' })
  async benefitSettingsVersions(@Arg('poolingArea', () => String) poolingArea: string, @Ctx() ctx: Context): Promise<BenefitSettingsNode[]> {
    return (await service(ctx).listBenefitVersions(ctx.actor, poolingArea)).map((v: BenefitSettingsVersion) => toSettingsNode(poolingArea, v));
  }

  @Authorized('benefit.configure')
  @Mutation(() => BenefitSettingsNode, { description: 'A new version of the benefit settings from a future date (or a change to a future version).' })
  async setBenefitSettings(
    @Arg('poolingArea', () => String) poolingArea: string,
    @Arg('effectiveFrom', () => String) effectiveFrom: string,
    @Arg('settings', () => BenefitSettingsInputType) input: BenefitSettingsInputType,
    @Ctx() ctx: Context,
  ): Promise<BenefitSettingsNode> {
    const s = service(ctx);
    const base = (await s.benefits(ctx.actor, poolingArea, effectiveFrom)).settings;
    const v = await s.setBenefits(ctx.actor, poolingArea, effectiveFrom, settingsFromInput(input, base));
    return toSettingsNode(poolingArea, v);
  }

  @Authorized('careplan.read')
  @Query(() => [DeviceTypeNode], { description: 'The rentable devices of a pooling area.' })
  async deviceTypes(@Arg('poolingArea', () => String) poolingArea: string, @Ctx() ctx: Context): Promise<DeviceTypeNode[]> {
    return (await service(ctx).devices(ctx.actor, poolingArea)).map(toDeviceNode);
  }

  @Authorized('benefit.configure')
  @Mutation(() => DeviceTypeNode, { description: 'Adds a device or changes its name, fee or availability.' })
  async setDeviceType(@Arg('poolingArea', () => String) poolingArea: string, @Arg('input', () => DeviceTypeInputType) input: DeviceTypeInputType, @Ctx() ctx: Context): Promise<DeviceTypeNode> {
    return toDeviceNode(await service(ctx).setDevice(ctx.actor, poolingArea, input));
  }

  @Authorized('careplan.request')
  @Mutation(() => PlanNode, { description: 'Records the person’s choice of a care form and an agency; the agency then accepts or declines.' })
  async requestCarePlan(@Arg('input', () => RequestInputType) input: RequestInputType, @Ctx() ctx: Context): Promise<PlanNode> {
    return toPlanNode(await service(ctx).requestPlan(ctx.actor, { ...input, careForm: input.careForm as CareForm }));
  }

  @Authorized('careplan.respond')
  @Mutation(() => PlanNode, { description: 'The agency accepts: it serves the person from the start date and the first version is drafted from the assessment.' })
  async acceptCarePlan(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<PlanNode> {
    return toPlanNode(await service(ctx).acceptPlan(ctx.actor, id));
  }

  @Authorized('careplan.respond')
  @Mutation(() => PlanNode)
  async declineCarePlan(@Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: Context): Promise<PlanNode> {
    return toPlanNode(await service(ctx).declinePlan(ctx.actor, id, reason));
  }

  @Authorized('careplan.edit')
  @Mutation(() => VersionNode, { description: 'Saves a draft: its lines (priced by the server), goals, notes and effective date.' })
  async saveCarePlanDraft(@Arg('versionId', () => ID) versionId: string, @Arg('input', () => DraftInputType) input: DraftInputType, @Ctx() ctx: Context): Promise<VersionNode> {
    const s = service(ctx);
    return toVersionNode(await s.saveDraft(ctx.actor, versionId, input as never), s.today());
  }

  @Authorized('careplan.edit')
  @Mutation(() => VersionNode, { description: 'Records the beneficiary’s consent to pay the excess over the cap.' })
  async recordSelfPayConsent(@Arg('versionId', () => ID) versionId: string, @Arg('input', () => ConsentInputType) input: ConsentInputType, @Ctx() ctx: Context): Promise<VersionNode> {
    const s = service(ctx);
    return toVersionNode(await s.recordConsent(ctx.actor, versionId, input), s.today());
  }

  @Authorized('careplan.edit')
  @Mutation(() => VersionNode, { description: 'Submits a draft for approval (approved at once when within the cap and the area allows it).' })
  async submitCarePlan(@Arg('versionId', () => ID) versionId: string, @Ctx() ctx: Context): Promise<VersionNode> {
    const s = service(ctx);
    return toVersionNode(await s.submitVersion(ctx.actor, versionId), s.today());
  }

  @Authorized('careplan.approve')
  @Mutation(() => VersionNode, { description: 'A fund officer approves a submitted version; it supersedes the one before from its effective date.' })
  async approveCarePlan(@Arg('versionId', () => ID) versionId: string, @Ctx() ctx: Context): Promise<VersionNode> {
    const s = service(ctx);
    return toVersionNode(await s.approveVersion(ctx.actor, versionId), s.today());
  }

  @Authorized('careplan.approve')
  @Mutation(() => VersionNode, { description: 'Returns a submitted version to the agency as a draft, with the reason.' })
  async returnCarePlan(@Arg('versionId', () => ID) versionId: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: Context): Promise<VersionNode> {
    const s = service(ctx);
    return toVersionNode(await s.returnVersion(ctx.actor, versionId, reason), s.today());
  }

  @Authorized('careplan.edit')
  @Mutation(() => VersionNode, { description: 'Starts a new version of an active plan: a copy of the approved one, or (redraft) drafted anew from the conclusion in force.' })
  async reviseCarePlan(@Arg('planId', () => ID) planId: string, @Arg('redraft', () => Boolean, { defaultValue: false }) redraft: boolean, @Ctx() ctx: Context): Promise<VersionNode> {
    const s = service(ctx);
    return toVersionNode(await s.revisePlan(ctx.actor, planId, redraft), s.today());
  }

  @Authorized('careplan.edit')
  @Mutation(() => VersionNode, { description: 'Discards a draft or submitted revision.' })
  async discardCarePlanVersion(@Arg('versionId', () => ID) versionId: string, @Ctx() ctx: Context): Promise<VersionNode> {
    const s = service(ctx);
    return toVersionNode(await s.discardVersion(ctx.actor, versionId), s.today());
  }

  @Authorized('careplan.end')
  @Mutation(() => PlanNode, { description: 'Ends a plan on a date, with the reason (a request not yet answered is withdrawn).' })
  async endCarePlan(@Arg('id', () => ID) id: string, @Arg('input', () => EndInputType) input: EndInputType, @Ctx() ctx: Context): Promise<PlanNode> {
    return toPlanNode(await service(ctx).endPlan(ctx.actor, id, input as never));
  }

  @Authorized('careplan.request')
  @Mutation(() => PlanNode, { description: 'Moves an active plan to another agency from a date: the old plan ends the day before, the new agency is asked.' })
  async transferCarePlan(@Arg('id', () => ID) id: string, @Arg('input', () => TransferInputType) input: TransferInputType, @Ctx() ctx: Context): Promise<PlanNode> {
    return toPlanNode(await service(ctx).transferPlan(ctx.actor, id, input));
  }

  // ---- fields loaded in batches -------------------------------------------------------------------

  @FieldResolver(() => [VersionNode])
  async versions(@Root() p: PlanNode, @Ctx() ctx: Context): Promise<VersionNode[]> {
    const today = service(ctx).today();
    return (await load(ctx).versions.load(p.id)).map((v) => toVersionNode(v, today));
  }

  @FieldResolver(() => VersionNode, { nullable: true })
  async current(@Root() p: PlanNode, @Ctx() ctx: Context): Promise<VersionNode | null> {
    return (await this.versions(p, ctx)).find((v) => v.status === 'IN_FORCE') ?? null;
  }

  @FieldResolver(() => VersionNode, { nullable: true })
  async open(@Root() p: PlanNode, @Ctx() ctx: Context): Promise<VersionNode | null> {
    return (await this.versions(p, ctx)).find((v) => v.state === 'DRAFT' || v.state === 'SUBMITTED') ?? null;
  }

  @FieldResolver(() => [AttentionEnum])
  async attention(@Root() p: PlanNode, @Ctx() ctx: Context): Promise<AttentionEnum[]> {
    return (await load(ctx).attention.load(p.id)) as AttentionEnum[];
  }
}

@Resolver(() => VersionNode)
export class CarePlanVersionResolver {
  @FieldResolver(() => [LineNode])
  async lines(@Root() v: VersionNode, @Ctx() ctx: Context): Promise<LineNode[]> {
    return (await load(ctx).lines.load(v.id)).map(toLineNode);
  }

  @FieldResolver(() => String, { nullable: true })
  async decidedByName(@Root() v: VersionNode & { decidedById?: string | null }, @Ctx() ctx: Context): Promise<string | null> {
    return v.decidedById ? load(ctx).users.load(v.decidedById) : null;
  }
}
