import { Arg, Authorized, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import DataLoader from 'dataloader';
import {
  AssignmentInputType,
  AssignmentNode,
  CaregiverDayNode,
  CheckInInputType,
  CheckOutInputType,
  FindingCountNode,
  FindingDecisionEnum,
  FindingNode,
  FindingPageNode,
  FindingStatusEnum,
  ManualVisitInputType,
  SyncOpInputType,
  SyncResultNode,
  VisitConnectionNode,
  VisitNode,
  VisitStatusEnum,
} from './visits.types.ts';
import { VisitsService, type VisitRow } from './visits.service.ts';
import { VisitFinding, type CaregiverAssignment } from './visits.entity.ts';
import { distanceMetres, RULE_NAMES, type RuleCode } from './visits.rules.ts';
import { InsuredPerson } from '../people/insured-person.entity.ts';
import { Caregiver } from '../providers/providers.entity.ts';
import { Agency } from '../identity/org.entity.ts';
import { systemClock } from '../shared/clock.ts';
import { InputError } from '../shared/errors.ts';
import { publishFindings } from './finding-events.ts';
import type { Context } from '../graphql/context.ts';

const service = (ctx: Context) => new VisitsService(ctx.em, systemClock, ctx.audit, publishFindings);

/** Per-request batch loaders: names and findings of a page of visits in a fixed number of statements. */
const loaders = new WeakMap<Context, ReturnType<typeof createLoaders>>();
function createLoaders(ctx: Context) {
  const names = <T extends { id: string; name: string }>(entity: new () => T) =>
    new DataLoader<string, string>(async (ids) => {
      const rows = await ctx.em.find(entity, { id: { $in: [...ids] } } as never);
      return ids.map((id) => rows.find((r) => r.id === id)?.name ?? '');
    });
  return {
    person: names(InsuredPerson),
    caregiver: names(Caregiver),
    agency: names(Agency),
    findings: new DataLoader<string, VisitFinding[]>(async (ids) => {
      const rows = await ctx.em.find(VisitFinding, { visitId: { $in: [...ids] } }, { orderBy: { rule: 'asc', key: 'asc' }, populate: ['agency', 'person', 'caregiver', 'decidedBy'] });
      return ids.map((id) => rows.filter((r) => r.visitId === id));
    }),
  };
}
const load = (ctx: Context) => {
  let l = loaders.get(ctx);
  if (!l) loaders.set(ctx, (l = createLoaders(ctx)));
  return l;
};

type VisitOut = VisitNode & { row: VisitRow; home: { lat: number; lng: number } | null };

function toVisitNode(r: VisitRow, home: { lat: number; lng: number } | null = null): VisitOut {
  const pos = (lat: number | null, lng: number | null, accuracy: number | null) =>
    lat === null || lng === null ? null : { lat, lng, accuracy: accuracy ?? 0, distanceMetres: home ? Math.round(distanceMetres({ lat, lng }, home)) : null };
  return {
    row: r,
    home,
    id: r.id,
    status: r.status as VisitStatusEnum,
    source: r.source,
    agencyId: r.agency_id,
    caregiverId: r.caregiver_id,
    personId: r.person_id,
    planVersionId: r.plan_version_id,
    day: r.local_date,
    checkInAt: new Date(r.check_in_at),
    checkIn: pos(r.check_in_lat, r.check_in_lng, r.check_in_accuracy),
    checkOutAt: r.check_out_at ? new Date(r.check_out_at) : null,
    checkOut: pos(r.check_out_lat, r.check_out_lng, r.check_out_accuracy),
    minutes: r.check_out_at ? Math.round((new Date(r.check_out_at).getTime() - new Date(r.check_in_at).getTime()) / 60_000) : null,
    items: r.items,
    notes: r.notes,
    confirmation: r.confirmation as never,
    confirmedBy: r.confirmed_by,
    signatureUrl: r.has_signature ? `/api/visits/${r.id}/signature` : null,
    checkedInRecordedAt: new Date(r.checked_in_recorded_at),
    recordedAt: r.recorded_at ? new Date(r.recorded_at) : null,
    voidReason: r.void_reason,
    claimed: r.claim_id !== null,
  } as unknown as VisitOut;
}

export function toFindingNode(f: VisitFinding): FindingNode {
  return {
    id: f.id,
    visitId: f.visitId,
    visitAt: f.visitAt,
    rule: f.rule,
    ruleName: RULE_NAMES[f.rule as RuleCode]?.zh ?? f.rule,
    action: f.action,
    status: f.status as FindingStatusEnum,
    summary: f.summary,
    evidence: f.evidence,
    agencyId: f.agency.id,
    agencyName: f.agency.name ?? '',
    personId: f.person.id,
    personName: f.person.name ?? '',
    caregiverId: f.caregiver.id,
    caregiverName: f.caregiver.name ?? '',
    explanation: f.explanation,
    explainedAt: f.explainedAt,
    decisionNote: f.decisionNote,
    decidedByName: f.decidedBy?.displayName ?? null,
    decidedAt: f.decidedAt,
    createdAt: f.createdAt,
  };
}

/** The homes of a page's beneficiaries, in one statement, for the distances of check-in and check-out. */
async function homesOf(ctx: Context, rows: VisitRow[]): Promise<Map<string, { lat: number; lng: number }>> {
  const ids = [...new Set(rows.map((r) => r.person_id))];
  if (!ids.length) return new Map();
  const people = await ctx.em.find(InsuredPerson, { id: { $in: ids } }, { fields: ['id', 'latitude', 'longitude'] as never });
  return new Map(people.filter((p) => p.latitude != null && p.longitude != null).map((p) => [p.id, { lat: p.latitude!, lng: p.longitude! }]));
}

const toAssignmentNode = (a: CaregiverAssignment): AssignmentNode => ({ id: a.id, personId: a.person.id, personName: a.person.name, caregiverId: a.caregiver.id, caregiverName: a.caregiver.name, agencyId: a.agency.id, role: a.role as never, since: a.since, until: a.until });

const cursorOf = (r: VisitRow) => Buffer.from(JSON.stringify([new Date(r.check_in_at).toISOString(), r.id])).toString('base64url');
function decodeCursor(c: string | null): { at: string; id: string } | null {
  if (!c) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(c, 'base64url').toString()) as [string, string];
    if (Number.isNaN(Date.parse(at))) throw new Error('no time');
    return { at, id };
  } catch {
    throw new InputError([{ field: 'after', reason: 'CURSOR', message: 'after is not a cursor of this list' }]);
  }
}

@Resolver(() => VisitNode)
export class VisitsResolver {
  @Authorized('visit.record')
  @Query(() => CaregiverDayNode, { description: 'The signed-in caregiver’s day: beneficiaries due, plan items, counts so far, today’s visits, and the facts the phone needs to run the audit rules.' })
  async myDay(
    @Arg('on', () => String, { nullable: true, description: 'YYYY-MM-DD (Asia/Shanghai); default today.' }) on: string | null,
    @Arg('lat', () => Float, { nullable: true }) lat: number | null,
    @Arg('lng', () => Float, { nullable: true }) lng: number | null,
    @Ctx() ctx: Context,
  ): Promise<CaregiverDayNode> {
    const s = service(ctx);
    const d = await s.myDay(ctx.actor, on ?? s.today());
    const here = lat !== null && lng !== null ? { lat, lng } : null;
    const stops = d.stops
      .map((st) => ({
        personId: st.person.id,
        personName: st.person.name,
        address: st.person.address,
        phone: st.person.phone,
        lat: st.person.latitude,
        lng: st.person.longitude,
        distanceMetres: here && st.context.home ? Math.round(distanceMetres(here, st.context.home)) : null,
        role: st.role as never,
        planVersionId: st.planVersionId,
        items: st.items.map((i) => ({ ...i, timeOfDay: i.time_of_day, category: i.category as never, per: i.per as never })),
        context: st.context as unknown as Record<string, unknown>,
      }))
      .sort((a, b) => (a.distanceMetres ?? Infinity) - (b.distanceMetres ?? Infinity));
    const homes = await homesOf(ctx, d.visits);
    return { day: d.day, caregiverId: d.caregiver.id, caregiverName: d.caregiver.name, stops, visits: d.visits.map((v) => toVisitNode(v, homes.get(v.person_id) ?? null)), settings: d.settings as unknown as Record<string, unknown> };
  }

  @Authorized('visit.record')
  @Mutation(() => VisitNode, { description: 'Checks in at the beneficiary’s home (idempotent by the client id).' })
  async checkIn(@Arg('input', () => CheckInInputType) input: CheckInInputType, @Ctx() ctx: Context): Promise<VisitNode> {
    return toVisitNode(await service(ctx).checkIn(ctx.actor, { ...input, position: input.position ?? null }));
  }

  @Authorized('visit.record')
  @Mutation(() => VisitNode, { description: 'Checks out with the items done and the confirmation; the audit rules run and their findings come back.' })
  async checkOut(@Arg('input', () => CheckOutInputType) input: CheckOutInputType, @Ctx() ctx: Context): Promise<VisitNode> {
    return toVisitNode((await service(ctx).checkOut(ctx.actor, { ...input, position: input.position ?? null, confirmation: input.confirmation ?? null })).visit);
  }

  @Authorized('visit.record')
  @Mutation(() => [SyncResultNode], { description: 'Replays a phone’s offline queue in order, keeping the device’s times; each record answers for itself, and replaying a batch changes nothing.' })
  async syncVisits(@Arg('ops', () => [SyncOpInputType]) ops: SyncOpInputType[], @Ctx() ctx: Context): Promise<SyncResultNode[]> {
    const e: { field: string; reason: string; message: string }[] = [];
    ops.forEach((op, i) => {
      if ((op.kind === 'CHECK_IN') !== !!op.checkIn || (op.kind === 'CHECK_OUT') !== !!op.checkOut) e.push({ field: `ops.${i}`, reason: 'SHAPE', message: 'A check-in carries checkIn, a check-out checkOut' });
    });
    if (e.length) throw new InputError(e);
    const results = await service(ctx).sync(
      ctx.actor,
      ops.map((op) => (op.kind === 'CHECK_IN' ? { kind: 'CHECK_IN' as const, checkIn: { ...op.checkIn!, position: op.checkIn!.position ?? null } } : { kind: 'CHECK_OUT' as const, checkOut: { ...op.checkOut!, position: op.checkOut!.position ?? null, confirmation: op.checkOut!.confirmation ?? null } })),
    );
    return results.map((r) => ({ ok: r.ok, visitId: r.visitId, visit: r.visit ? toVisitNode(r.visit) : null, error: r.error }));
  }

  @Authorized('visit.correct')
  @Mutation(() => VisitNode, { description: 'The agency enters a visit after the fact (R10 flags it when late).' })
  async recordVisit(@Arg('input', () => ManualVisitInputType) input: ManualVisitInputType, @Ctx() ctx: Context): Promise<VisitNode> {
    return toVisitNode((await service(ctx).recordVisit(ctx.actor, { ...input, confirmation: input.confirmation ?? null })).visit);
  }

  @Authorized('visit.correct')
  @Mutation(() => VisitNode, { description: 'Voids a visit with a reason, before it is claimed.' })
  async voidVisit(@Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: Context): Promise<VisitNode> {
    return toVisitNode(await service(ctx).voidVisit(ctx.actor, id, reason));
  }

  @Authorized('visit.read')
  @Query(() => VisitNode)
  async visit(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<VisitNode> {
    const v = await service(ctx).visit(ctx.actor, id);
    const p = await ctx.em.findOne(InsuredPerson, { id: v.person_id });
    return toVisitNode(v, p?.latitude != null && p.longitude != null ? { lat: p.latitude, lng: p.longitude } : null);
  }

  @Authorized('visit.read')
  @Query(() => VisitConnectionNode, { description: 'Visits in scope, newest first (officers and supervisors: their area; agency admins: their agency; caregivers: their own).' })
  async visits(
    @Arg('agencyId', () => ID, { nullable: true }) agencyId: string | null,
    @Arg('caregiverId', () => ID, { nullable: true }) caregiverId: string | null,
    @Arg('personId', () => ID, { nullable: true }) personId: string | null,
    @Arg('from', () => String, { nullable: true }) from: string | null,
    @Arg('to', () => String, { nullable: true }) to: string | null,
    @Arg('status', () => VisitStatusEnum, { nullable: true }) status: VisitStatusEnum | null,
    @Arg('withFindings', () => Boolean, { nullable: true }) withFindings: boolean | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<VisitConnectionNode> {
    const size = first ?? 20;
    if (size < 0 || size > 100) throw new InputError([{ field: 'first', reason: 'PAGE_SIZE', message: 'first must be between 0 and 100' }]);
    const r = await service(ctx).visits(ctx.actor, { agencyId, caregiverId, personId, from, to, status, withFindings }, { first: size, after: decodeCursor(after) });
    const homes = await homesOf(ctx, r.rows);
    return { nodes: r.rows.map((v) => toVisitNode(v, homes.get(v.person_id) ?? null)), totalCount: r.totalCount, hasNextPage: r.hasNextPage, endCursor: r.rows.length ? cursorOf(r.rows.at(-1)!) : null };
  }

  @FieldResolver(() => [FindingNode])
  async findings(@Root() v: VisitOut, @Ctx() ctx: Context): Promise<FindingNode[]> {
    return (await load(ctx).findings.load(v.id)).map(toFindingNode);
  }

  @FieldResolver(() => String)
  personName(@Root() v: VisitOut, @Ctx() ctx: Context): Promise<string> {
    return load(ctx).person.load(v.personId);
  }

  @FieldResolver(() => String)
  caregiverName(@Root() v: VisitOut, @Ctx() ctx: Context): Promise<string> {
    return load(ctx).caregiver.load(v.caregiverId);
  }

  @FieldResolver(() => String)
  agencyName(@Root() v: VisitOut, @Ctx() ctx: Context): Promise<string> {
    return load(ctx).agency.load(v.agencyId);
  }

  // ---- findings -----------------------------------------------------------------------------------

  @Authorized('finding.read')
  @Query(() => FindingPageNode, { description: 'Findings in scope, newest visit first; filters by status, rule, agency and days.' })
  async findingsQueue(
    @Arg('status', () => FindingStatusEnum, { nullable: true }) status: FindingStatusEnum | null,
    @Arg('rule', () => String, { nullable: true }) rule: string | null,
    @Arg('agencyId', () => ID, { nullable: true }) agencyId: string | null,
    @Arg('from', () => String, { nullable: true }) from: string | null,
    @Arg('to', () => String, { nullable: true }) to: string | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('offset', () => Int, { nullable: true }) offset: number | null,
    @Ctx() ctx: Context,
  ): Promise<FindingPageNode> {
    const size = first ?? 20;
    if (size < 0 || size > 100) throw new InputError([{ field: 'first', reason: 'PAGE_SIZE', message: 'first must be between 0 and 100' }]);
    const r = await service(ctx).findings(ctx.actor, { status: status as never, rule, agencyId, from, to }, { first: size, offset: Math.max(0, offset ?? 0) });
    return { nodes: r.items.map(toFindingNode), totalCount: r.totalCount };
  }

  @Authorized('finding.read')
  @Query(() => [FindingCountNode], { description: 'Per rule: open, confirmed and dismissed findings, and the share dismissed.' })
  async findingCounts(
    @Arg('agencyId', () => ID, { nullable: true }) agencyId: string | null,
    @Arg('from', () => String, { nullable: true }) from: string | null,
    @Arg('to', () => String, { nullable: true }) to: string | null,
    @Ctx() ctx: Context,
  ): Promise<FindingCountNode[]> {
    return service(ctx).findingCounts(ctx.actor, { agencyId, from, to });
  }

  @Authorized('finding.explain')
  @Mutation(() => FindingNode, { description: 'The agency explains a finding before the decision.' })
  async explainFinding(@Arg('id', () => ID) id: string, @Arg('explanation', () => String) explanation: string, @Ctx() ctx: Context): Promise<FindingNode> {
    return toFindingNode(await service(ctx).explainFinding(ctx.actor, id, explanation));
  }

  @Authorized('finding.decide')
  @Mutation(() => FindingNode, { description: 'A supervisor confirms a finding (deducted in billing) or dismisses it with a note.' })
  async decideFinding(
    @Arg('id', () => ID) id: string,
    @Arg('decision', () => FindingDecisionEnum) decision: FindingDecisionEnum,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: Context,
  ): Promise<FindingNode> {
    return toFindingNode(await service(ctx).decideFinding(ctx.actor, id, decision, note));
  }

  // ---- assignments and cards ----------------------------------------------------------------------

  @Authorized('visit.read')
  @Query(() => [AssignmentNode], { description: 'Caregivers assigned to beneficiaries (primary and substitutes).' })
  async caregiverAssignments(
    @Arg('personId', () => ID, { nullable: true }) personId: string | null,
    @Arg('caregiverId', () => ID, { nullable: true }) caregiverId: string | null,
    @Arg('activeOn', () => String, { nullable: true }) activeOn: string | null,
    @Ctx() ctx: Context,
  ): Promise<AssignmentNode[]> {
    return (await service(ctx).assignments(ctx.actor, { personId, caregiverId, activeOn })).map(toAssignmentNode);
  }

  @Authorized('assignment.manage')
  @Mutation(() => AssignmentNode, { description: 'Assigns a caregiver to a beneficiary the agency serves; a new primary ends the previous one.' })
  async assignCaregiver(@Arg('input', () => AssignmentInputType) input: AssignmentInputType, @Ctx() ctx: Context): Promise<AssignmentNode> {
    return toAssignmentNode(await service(ctx).assign(ctx.actor, input as never));
  }

  @Authorized('assignment.manage')
  @Mutation(() => AssignmentNode)
  async endCaregiverAssignment(@Arg('id', () => ID) id: string, @Arg('until', () => String) until: string, @Ctx() ctx: Context): Promise<AssignmentNode> {
    return toAssignmentNode(await service(ctx).endAssignment(ctx.actor, id, until));
  }

  @Authorized('person.update')
  @Mutation(() => String, { description: 'Issues a beneficiary card code (shown once; visits can be confirmed with it).' })
  async issueBeneficiaryCard(@Arg('personId', () => ID) personId: string, @Ctx() ctx: Context): Promise<string> {
    return service(ctx).issueCard(ctx.actor, personId);
  }
}
