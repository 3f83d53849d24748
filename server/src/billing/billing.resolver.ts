// The GraphQL face of monthly settlement: thin, everything is decided in billing.service.ts.
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import DataLoader from 'dataloader';
import { BillingService, type ClaimLineRow, type ClaimRow, type ReviewDeductionRow } from './billing.service.ts';
import { ClaimRuns, type ClaimRunRow } from './claim-run.ts';
import { dueDates, type ClaimVerb } from './billing.rules.ts';
import {
  ClaimEventNode,
  ClaimGenerationNode,
  ClaimLinePageNode,
  ClaimNode,
  ClaimPageNode,
  ClaimPaymentInput,
  ClaimRunNode,
  ClaimRunStateEnum,
  ClaimStateEnum,
  ClaimVisitNode,
  ReviewDeductionInput,
  SettlementDashboardNode,
  type ClaimLineNode,
  type ReviewDeductionNode,
} from './billing.types.ts';
import { systemClock } from '../shared/clock.ts';
import { InputError } from '../shared/errors.ts';
import type { Context } from '../graphql/context.ts';

const service = (ctx: Context) => new BillingService(ctx.em, systemClock, ctx.audit);

/** Times come from SQL as ISO strings. */
const at = (x: Date | string | null): Date | null => (x === null ? null : new Date(x));
const at1 = (x: Date | string): Date => new Date(x);

const pageOf = (first: number | null, offset: number | null) => {
  const size = first ?? 50;
  if (size < 0 || size > 200) throw new InputError([{ field: 'first', reason: 'PAGE_SIZE', message: 'first must be between 0 and 200' }]);
  return { first: size, offset: Math.max(0, offset ?? 0) };
};

export const toClaimNode = (c: ClaimRow): ClaimNode => ({
  id: c.id,
  poolingArea: c.pooling_area,
  agencyId: c.agency_id,
  agencyName: c.agency_name,
  month: c.month,
  state: c.state as ClaimStateEnum,
  late: c.late,
  ...dueDates(c.month),
  lineCount: c.lines,
  visitCount: c.visits,
  grossFen: c.gross_fen,
  capFen: c.cap_fen,
  eligibleFen: c.eligible_fen,
  excessFen: c.excess_fen,
  fundFen: c.fund_fen,
  copayFen: c.copay_fen,
  deductedFen: c.deducted_fen,
  reviewDeductedFen: c.review_deducted_fen,
  approvedFundFen: c.approved_fund_fen,
  depositFen: c.deposit_fen,
  adjustmentFen: c.adjustment_fen,
  payableFen: c.payable_fen,
  generatedAt: at1(c.generated_at),
  declaredAt: at(c.declared_at),
  reviewStartedAt: at(c.review_started_at),
  returnedAt: at(c.returned_at),
  returnReason: c.return_reason,
  approvedAt: at(c.approved_at),
  paidAt: at(c.paid_at),
  paidAmountFen: c.paid_amount_fen,
  paidOn: c.paid_on,
  paymentReference: c.payment_reference,
  version: c.version,
});

const toReviewDeduction = (d: ReviewDeductionRow): ReviewDeductionNode => ({ id: d.id, lineId: d.line_id, reason: d.reason, amountFen: d.amount_fen, note: d.note, createdAt: at1(d.created_at), createdBy: d.created_by });

const toLineNode = (l: ClaimLineRow, review: ReviewDeductionRow[]): ClaimLineNode => ({
  id: l.id,
  position: l.position,
  kind: l.kind,
  personId: l.person_id,
  personName: l.person_name,
  careForm: l.care_form,
  level: l.level,
  coveredDays: l.covered_days,
  billableDays: l.billable_days,
  visitCount: l.visit_count,
  grossFen: l.gross_fen,
  capFen: l.cap_fen,
  eligibleFen: l.eligible_fen,
  excessFen: l.excess_fen,
  fundFen: l.fund_fen,
  copayFen: l.copay_fen,
  deductedFen: l.deducted_fen,
  deductions: l.deductions,
  reviewDeductedFen: l.review_deducted_fen,
  reviewDeductions: review.filter((d) => d.line_id === l.id).map(toReviewDeduction),
  previousFundFen: l.previous_fund_fen,
  stayIds: l.stay_ids,
  adjustmentReason: l.adjustment_reason,
  sourceId: l.source_id,
});

const runs = (ctx: Context) => new ClaimRuns(ctx.em, ctx.jobs ?? null, ctx.audit);
const toRunNode = (r: ClaimRunRow): ClaimRunNode => ({
  id: r.id,
  poolingArea: r.pooling_area,
  month: r.month,
  state: r.state as ClaimRunStateEnum,
  total: r.total,
  done: r.done,
  skipped: r.skipped,
  attempts: r.attempts,
  error: r.error,
  requestedBy: r.requested_by,
  createdAt: at1(r.created_at),
  startedAt: at(r.started_at),
  finishedAt: at(r.finished_at),
  elapsedMs: r.started_at ? (r.finished_at ? new Date(r.finished_at) : new Date()).getTime() - new Date(r.started_at).getTime() : null,
});

/** Per request: the workflow events of the claims of a page, in one statement. */
const eventLoaders = new WeakMap<Context, DataLoader<string, ClaimEventNode[]>>();
function events(ctx: Context): DataLoader<string, ClaimEventNode[]> {
  let l = eventLoaders.get(ctx);
  if (!l) {
    l = new DataLoader<string, ClaimEventNode[]>(async (ids) => {
      const rows = await service(ctx).eventsOf([...ids]);
      return ids.map((id) =>
        rows.filter((r) => r.claim_id === id).map((r) => ({ id: r.id, verb: r.verb, fromState: r.from_state as ClaimStateEnum, toState: r.to_state as ClaimStateEnum, at: at1(r.at), reason: r.reason, actor: r.actor })),
      );
    });
    eventLoaders.set(ctx, l);
  }
  return l;
}

@Resolver(() => ClaimNode)
export class BillingResolver {
  @Authorized('claim.read')
  @Query(() => ClaimPageNode, { description: 'Claims in scope (officers and supervisors: their area; agencies: their own), newest month first.' })
  async claims(
    @Arg('month', () => String, { nullable: true }) month: string | null,
    @Arg('state', () => ClaimStateEnum, { nullable: true }) state: ClaimStateEnum | null,
    @Arg('agencyId', () => ID, { nullable: true }) agencyId: string | null,
    @Arg('poolingArea', () => String, { nullable: true }) poolingArea: string | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('offset', () => Int, { nullable: true }) offset: number | null,
    @Ctx() ctx: Context,
  ): Promise<ClaimPageNode> {
    const r = await service(ctx).claims(ctx.actor, { month, state: state as never, agencyId, poolingArea }, pageOf(first, offset));
    return { nodes: r.items.map(toClaimNode), totalCount: r.totalCount };
  }

  @Authorized('claim.read')
  @Query(() => ClaimNode)
  async claim(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ClaimNode> {
    return toClaimNode(await service(ctx).claim(ctx.actor, id));
  }

  @Authorized('claim.read')
  @Query(() => ClaimLinePageNode, { description: 'A claim’s lines in order, with filters: care form, an audit rule’s deductions, excess over the cap, a change from last month of at least some percent, review deductions.' })
  async claimLines(
    @Arg('claimId', () => ID) claimId: string,
    @Arg('form', () => String, { nullable: true }) form: string | null,
    @Arg('rule', () => String, { nullable: true }) rule: string | null,
    @Arg('excessOnly', () => Boolean, { nullable: true }) excessOnly: boolean | null,
    @Arg('changePercent', () => Int, { nullable: true }) changePercent: number | null,
    @Arg('reviewed', () => Boolean, { nullable: true }) reviewed: boolean | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('offset', () => Int, { nullable: true }) offset: number | null,
    @Ctx() ctx: Context,
  ): Promise<ClaimLinePageNode> {
    const s = service(ctx);
    const r = await s.lines(ctx.actor, claimId, { form, rule, excessOnly, changePercent, reviewed }, pageOf(first, offset));
    const review = await s.reviewDeductionsOf(r.items.map((l) => l.id));
    return { nodes: r.items.map((l) => toLineNode(l, review)), totalCount: r.totalCount };
  }

  @Authorized('claim.read')
  @Query(() => [ClaimVisitNode], { description: 'The visits of a line in check-in order, with what each counts for and its findings.' })
  async claimLineVisits(@Arg('lineId', () => ID) lineId: string, @Ctx() ctx: Context): Promise<ClaimVisitNode[]> {
    const rows = await service(ctx).lineVisits(ctx.actor, lineId);
    return rows.map((v) => ({ id: v.id, checkInAt: at1(v.check_in_at), checkOutAt: at(v.check_out_at), caregiverName: v.caregiver_name, items: v.items, countedFen: v.counted_fen, findings: v.findings }));
  }

  @FieldResolver(() => [ClaimEventNode], { description: 'The workflow’s steps, oldest first.' })
  events(@Root() c: ClaimNode, @Ctx() ctx: Context): Promise<ClaimEventNode[]> {
    return events(ctx).load(c.id);
  }

  @Authorized('claim.generate')
  @Mutation(() => ClaimGenerationNode, {
    description: 'Generates the month’s claim of an agency (agencyId), or of every contracted agency of a pooling area (poolingArea, officers). A draft is replaced whole; a claim past draft is left as it is (for one agency: CONFLICT).',
  })
  async generateClaims(
    @Arg('month', () => String) month: string,
    @Arg('agencyId', () => ID, { nullable: true }) agencyId: string | null,
    @Arg('poolingArea', () => String, { nullable: true }) poolingArea: string | null,
    @Ctx() ctx: Context,
  ): Promise<ClaimGenerationNode> {
    if (!agencyId === !poolingArea) throw new InputError([{ field: 'agencyId', reason: 'ONE_OF', message: 'Give an agency or a pooling area' }]);
    const s = service(ctx);
    const r = await s.generate(ctx.actor, { month, agencyId, poolingArea });
    const claims = await s.claimsById(ctx.actor, r.claims.map((c) => c.claimId));
    return { claims: claims.map(toClaimNode), skipped: r.skipped.map((x) => ({ ...x, state: x.state as ClaimStateEnum })) };
  }

  @Authorized('claim.read')
  @Query(() => SettlementDashboardNode, { description: 'Fund spending by month, care form, level and agency; claims by state and lateness; deductions by rule (officers and supervisors of the area).' })
  async settlementDashboard(
    @Arg('poolingArea', () => String) poolingArea: string,
    @Arg('from', () => String) from: string,
    @Arg('to', () => String) to: string,
    @Ctx() ctx: Context,
  ): Promise<SettlementDashboardNode> {
    return (await service(ctx).dashboard(ctx.actor, poolingArea, from, to)) as unknown as SettlementDashboardNode;
  }

  @Authorized('claim.generate')
  @Mutation(() => ClaimRunNode, { description: 'Starts generating the claims of every contracted agency of the area for the month in the background (or answers the run already under way).' })
  async startClaimRun(@Arg('poolingArea', () => String) poolingArea: string, @Arg('month', () => String) month: string, @Ctx() ctx: Context): Promise<ClaimRunNode> {
    return toRunNode(await runs(ctx).start(ctx.actor, poolingArea, month));
  }

  @Authorized('claim.read')
  @Query(() => ClaimRunNode, { description: 'A background run, with its progress.' })
  async claimRun(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ClaimRunNode> {
    return toRunNode(await runs(ctx).get(ctx.actor, id));
  }

  @Authorized('claim.read')
  @Query(() => [ClaimRunNode], { description: 'The area’s latest background runs, newest first.' })
  async claimRuns(@Arg('poolingArea', () => String) poolingArea: string, @Arg('month', () => String, { nullable: true }) month: string | null, @Ctx() ctx: Context): Promise<ClaimRunNode[]> {
    return (await runs(ctx).list(ctx.actor, poolingArea, month)).map(toRunNode);
  }

  private move(ctx: Context, verb: ClaimVerb, id: string, requestId: string, version: number | null, extra: { reason?: string | null; payment?: ClaimPaymentInput | null } = {}) {
    return service(ctx)
      .transition(ctx.actor, { claimId: id, verb, requestId, version, ...extra })
      .then(toClaimNode);
  }

  @Authorized('claim.declare')
  @Mutation(() => ClaimNode, { description: 'The agency declares its draft (by the 8th of the next month; later is marked late). Idempotent by requestId.' })
  declareClaim(@Arg('id', () => ID) id: string, @Arg('requestId', () => ID) requestId: string, @Arg('version', () => Int, { nullable: true }) version: number | null, @Ctx() ctx: Context): Promise<ClaimNode> {
    return this.move(ctx, 'declare', id, requestId, version);
  }

  @Authorized('claim.review')
  @Mutation(() => ClaimNode, { description: 'A fund officer takes a declared claim under review.' })
  startClaimReview(@Arg('id', () => ID) id: string, @Arg('requestId', () => ID) requestId: string, @Arg('version', () => Int, { nullable: true }) version: number | null, @Ctx() ctx: Context): Promise<ClaimNode> {
    return this.move(ctx, 'review', id, requestId, version);
  }

  @Authorized('claim.review')
  @Mutation(() => ClaimNode, { description: 'Returns a claim under review to the agency with the reasons (back to draft).' })
  returnClaim(
    @Arg('id', () => ID) id: string,
    @Arg('requestId', () => ID) requestId: string,
    @Arg('reason', () => String) reason: string,
    @Arg('version', () => Int, { nullable: true }) version: number | null,
    @Ctx() ctx: Context,
  ): Promise<ClaimNode> {
    return this.move(ctx, 'return', id, requestId, version, { reason });
  }

  @Authorized('claim.review')
  @Mutation(() => ClaimNode, { description: 'Approves a claim under review: from then on it never changes. Of two officers approving at once, one succeeds and the other gets CONFLICT.' })
  approveClaim(@Arg('id', () => ID) id: string, @Arg('requestId', () => ID) requestId: string, @Arg('version', () => Int, { nullable: true }) version: number | null, @Ctx() ctx: Context): Promise<ClaimNode> {
    return this.move(ctx, 'approve', id, requestId, version);
  }

  @Authorized('claim.pay')
  @Mutation(() => ClaimNode, { description: 'Records the payment of an approved claim (amount, date, reference; due by the 30th of the next month).' })
  recordClaimPayment(
    @Arg('id', () => ID) id: string,
    @Arg('requestId', () => ID) requestId: string,
    @Arg('payment', () => ClaimPaymentInput) payment: ClaimPaymentInput,
    @Arg('version', () => Int, { nullable: true }) version: number | null,
    @Ctx() ctx: Context,
  ): Promise<ClaimNode> {
    return this.move(ctx, 'pay', id, requestId, version, { payment });
  }

  @Authorized('claim.review')
  @Mutation(() => ClaimNode, { description: 'Deducts from a line’s fund amount under review, with a reason code (never more than the line’s fund amount). Idempotent by the id.' })
  addReviewDeduction(@Arg('input', () => ReviewDeductionInput) input: ReviewDeductionInput, @Ctx() ctx: Context): Promise<ClaimNode> {
    return service(ctx).addReviewDeduction(ctx.actor, input).then(toClaimNode);
  }

  @Authorized('claim.review')
  @Mutation(() => ClaimNode, { description: 'Takes back a review deduction while the claim is under review.' })
  removeReviewDeduction(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ClaimNode> {
    return service(ctx).removeReviewDeduction(ctx.actor, id).then(toClaimNode);
  }
}
