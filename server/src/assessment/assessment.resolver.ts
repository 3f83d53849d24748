import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  ApplicationConnection,
  ApplicationEventNode,
  ApplicationFilterInput,
  ApplicationNode,
  ApplyInputType,
  AssessorCandidateNode,
  AssessorInputType,
  AssessorNode,
  ConclusionConnection,
  ConclusionFilterInput,
  ConclusionNode,
  DocumentNode,
  FormInputType,
  ObjectionDecisionEnum,
  ObjectionInputType,
  ObjectionNode,
  ReviewDecisionEnum,
  SettingsInput,
  SettingsNode,
  TaskNode,
} from './assessment.types.ts';
import { AssessmentService } from './assessment.service.ts';
import type { Application, ApplicationDocument, Objection, Task } from './application.entity.ts';
import type { Assessor } from './assessor.entity.ts';
import type { Conclusion } from './conclusion.entity.ts';
import { APPLICATION_TRANSITIONS } from './assessment.workflow.ts';
import { explain } from './assessment.rules.ts';
import { NATIONAL_STANDARD_2021, type Level } from './standard.ts';
import { ConnectionArgs, pageRequest, toConnection } from '../graphql/pagination.ts';
import { toPersonNode } from '../people/people.resolver.ts';
import { localDate, systemClock } from '../shared/clock.ts';
import type { Actor, Context } from '../graphql/context.ts';
import { maskPhone } from '../shared/masking.ts';
import { seesFullPhone } from '../identity/identity.access.ts';
import { InputError } from '../shared/errors.ts';

const service = (ctx: Context) => new AssessmentService(ctx.em, systemClock, ctx.audit);
const levelName = (level: number | null) => (level == null ? null : NATIONAL_STANDARD_2021.levelNames[level as Level].zh);

function toAssessorNode(a: Assessor): AssessorNode {
  return {
    id: a.id,
    userId: a.user.id,
    name: a.name,
    org: { id: a.org.id, name: a.org.name },
    qualification: a.qualification as never,
    certificateNo: a.certificateNo,
    certificateExpiry: a.certificateExpiry,
    assignable: a.active && a.certificateExpiry >= localDate(new Date()),
    agencyIds: a.agencyIds,
  };
}

function toTaskNode(t: Task, actor: Actor | null): TaskNode {
  const result = t.result as { explanation?: never } | null;
  return {
    id: t.id,
    applicationId: t.application.id,
    round: t.round,
    status: t.status as never,
    assessor: toAssessorNode(t.assessor),
    assignedAt: t.assignedAt,
    dueDate: t.dueDate,
    overdue: t.status === 'ASSIGNED' && t.dueDate < localDate(new Date()),
    answers: t.answers,
    notes: t.notes,
    visitedAt: t.visitedAt,
    visitPlace: t.visitPlace,
    visitLongitude: t.visitLongitude,
    visitLatitude: t.visitLatitude,
    level: t.level,
    levelName: levelName(t.level),
    explanation: result?.explanation ? explain(result as never, 'zh') : null,
    explanationEn: result?.explanation ? explain(result as never, 'en') : null,
    result: t.result,
    submittedAt: t.submittedAt,
    person: toPersonNode(t.application.person, actor),
    applicationType: t.application.type as never,
    version: t.version,
  };
}

export function toConclusionNode(c: Conclusion, actor: Actor | null): ConclusionNode {
  return {
    id: c.id,
    person: toPersonNode(c.person, actor),
    applicationId: c.application.id,
    level: c.level,
    levelName: levelName(c.level)!,
    qualifies: c.qualifies,
    issuedOn: c.issuedOn,
    effectiveDate: c.effectiveDate,
    validUntil: c.validUntil,
    status: c.status as never,
    supersededOn: c.supersededOn,
    noticeUrl: `/api/conclusions/${c.id}/notice.pdf`,
  };
}

function toApplicationNode(a: Application, actor: Actor | null): ApplicationNode {
  return {
    id: a.id,
    poolingArea: a.poolingArea,
    person: toPersonNode(a.person, actor),
    type: a.type as never,
    applicantName: a.applicantName,
    applicantRelation: a.applicantRelation,
    contactPhone: seesFullPhone(actor) ? a.contactPhone : maskPhone(a.contactPhone),
    disabilityDeclared: a.disabilityDeclared,
    challengedConclusionId: a.challenged?.id ?? null,
    status: a.status as never,
    round: a.round,
    finalRound: a.finalRound,
    submittedOn: a.submittedOn,
    acceptanceDue: a.acceptanceDue,
    rejectReason: a.rejectReason,
    confirmedLevel: a.confirmedLevel,
    reviewNote: a.reviewNote,
    noticeStart: a.noticeStart,
    noticeEnd: a.noticeEnd,
    allowedActions: Object.keys(APPLICATION_TRANSITIONS[a.status]),
    createdAt: a.createdAt,
    version: a.version,
  };
}

const toObjectionNode = (o: Objection): ObjectionNode => ({
  id: o.id,
  raisedBy: o.raisedBy,
  reason: o.reason,
  receivedAt: o.receivedAt,
  decision: o.decision as never,
  decisionNote: o.decisionNote,
  decidedAt: o.decidedAt,
});

const toDocumentNode = (d: ApplicationDocument): DocumentNode => ({
  id: d.id,
  kind: d.kind as never,
  filename: d.filename,
  contentType: d.contentType,
  size: d.size,
  sha256: d.sha256,
  uploadedAt: d.uploadedAt,
  url: `/api/documents/${d.id}`,
});

@Resolver(() => ApplicationNode)
export class AssessmentResolver {
  @Authorized('assessment.read')
  @Query(() => SettingsNode, { description: "A pooling area's assessment parameters (defaults where it set none)." })
  async assessmentSettings(@Arg('poolingArea', () => String) poolingArea: string, @Ctx() ctx: Context): Promise<SettingsNode> {
    return service(ctx).getSettings(ctx.actor, poolingArea);
  }

  @Authorized('assessment.configure')
  @Mutation(() => SettingsNode, { description: "Changes a pooling area's assessment parameters." })
  async setAssessmentSettings(@Arg('poolingArea', () => String) poolingArea: string, @Arg('input', () => SettingsInput) input: SettingsInput, @Ctx() ctx: Context): Promise<SettingsNode> {
    return service(ctx).setSettings(ctx.actor, poolingArea, input as never);
  }

  @Authorized('assessment.read')
  @Query(() => [AssessorNode], { description: "Assessors of the caller's pooling areas; assignableOn keeps those certified on that day." })
  async assessors(
    @Arg('orgId', () => ID, { nullable: true }) orgId: string | null,
    @Arg('assignableOn', () => String, { nullable: true }) assignableOn: string | null,
    @Ctx() ctx: Context,
  ): Promise<AssessorNode[]> {
    return (await service(ctx).assessors(ctx.actor, { orgId, assignableOn })).map(toAssessorNode);
  }

  @Authorized('assessor.manage')
  @Query(() => [AssessorCandidateNode], { description: 'Users with the assessor role whose qualification and certificate are still to be recorded.' })
  async assessorCandidates(@Ctx() ctx: Context): Promise<AssessorCandidateNode[]> {
    return service(ctx).assessorCandidates(ctx.actor);
  }

  @Authorized('assessor.manage')
  @Mutation(() => AssessorNode, { description: "Records or updates an assessor's qualification and certificate." })
  async registerAssessor(@Arg('input', () => AssessorInputType) input: AssessorInputType, @Ctx() ctx: Context): Promise<AssessorNode> {
    const a = await service(ctx).registerAssessor(ctx.actor, input);
    await ctx.em.populate(a, ['org', 'user']);
    return toAssessorNode(a);
  }

  @Authorized('assessment.read')
  @Query(() => ApplicationConnection, { description: 'Assessment applications, newest first.' })
  async assessmentApplications(
    @Arg('filter', () => ApplicationFilterInput, { nullable: true }) filter: ApplicationFilterInput | null,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: Context,
  ) {
    const page = await service(ctx).applications(ctx.actor, filter ?? {}, pageRequest(args));
    await ctx.em.populate(page.items, ['person', 'challenged']);
    return toConnection(page, (a) => toApplicationNode(a, ctx.actor));
  }

  @Authorized('assessment.read')
  @Query(() => ApplicationNode)
  async assessmentApplication(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ApplicationNode> {
    return toApplicationNode(await service(ctx).application(ctx.actor, id), ctx.actor);
  }

  @Authorized('assessment.apply')
  @Mutation(() => ApplicationNode, { description: 'Registers an application for an insured person; idempotent for a client id.' })
  async applyForAssessment(@Arg('input', () => ApplyInputType) input: ApplyInputType, @Ctx() ctx: Context): Promise<ApplicationNode> {
    return toApplicationNode(await service(ctx).apply(ctx.actor, input as never), ctx.actor);
  }

  @Authorized('assessment.process')
  @Mutation(() => ApplicationNode)
  async acceptApplication(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ApplicationNode> {
    return toApplicationNode(await service(ctx).accept(ctx.actor, id), ctx.actor);
  }

  @Authorized('assessment.process')
  @Mutation(() => ApplicationNode)
  async rejectApplication(@Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: Context): Promise<ApplicationNode> {
    return toApplicationNode(await service(ctx).reject(ctx.actor, id, reason), ctx.actor);
  }

  @Authorized('assessment.process')
  @Mutation(() => ApplicationNode)
  async withdrawApplication(@Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: Context): Promise<ApplicationNode> {
    return toApplicationNode(await service(ctx).withdraw(ctx.actor, id, reason), ctx.actor);
  }

  @Authorized('assessment.process')
  @Mutation(() => ApplicationNode, { description: 'Assigns assessors (≥2 of one organisation, ≥1 medical, certified, without conflict of interest).' })
  async assignAssessors(
    @Arg('id', () => ID) id: string,
    @Arg('assessorIds', () => [ID]) assessorIds: string[],
    @Arg('dueDate', () => String, { nullable: true, description: 'Default: the configured working days from today.' }) dueDate: string | null,
    @Ctx() ctx: Context,
  ): Promise<ApplicationNode> {
    return toApplicationNode(await service(ctx).assign(ctx.actor, id, assessorIds, dueDate), ctx.actor);
  }

  @Authorized('assessment.fill')
  @Query(() => [TaskNode], { description: "The signed-in assessor's tasks, the open ones by default." })
  async myAssessmentTasks(@Arg('open', () => Boolean, { nullable: true, defaultValue: true }) open: boolean, @Ctx() ctx: Context): Promise<TaskNode[]> {
    return (await service(ctx).myTasks(ctx.actor, open)).map((t) => toTaskNode(t, ctx.actor));
  }

  @Authorized('assessment.fill')
  @Query(() => TaskNode)
  async assessmentTask(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<TaskNode> {
    const t = await service(ctx).task(ctx.actor, id);
    await ctx.em.populate(t, ['assessor.org', 'assessor.user']);
    return toTaskNode(t, ctx.actor);
  }

  @Authorized('assessment.read')
  @Query(() => [TaskNode], { description: 'Assessment tasks past their due date.' })
  async overdueAssessmentTasks(@Ctx() ctx: Context): Promise<TaskNode[]> {
    const tasks = await service(ctx).overdueTasks(ctx.actor);
    await ctx.em.populate(tasks, ['assessor.org', 'assessor.user']);
    return tasks.map((t) => toTaskNode(t, ctx.actor));
  }

  @Authorized('assessment.fill')
  @Mutation(() => TaskNode, { description: 'Saves the form as a draft (answers may be partial).' })
  async saveAssessmentDraft(@Arg('taskId', () => ID) taskId: string, @Arg('input', () => FormInputType) input: FormInputType, @Ctx() ctx: Context): Promise<TaskNode> {
    const t = await service(ctx).saveDraft(ctx.actor, taskId, input);
    await ctx.em.populate(t, ['assessor.org', 'assessor.user']);
    return toTaskNode(t, ctx.actor);
  }

  @Authorized('assessment.fill')
  @Mutation(() => TaskNode, { description: 'Submits the form; the server scores it.' })
  async submitAssessment(@Arg('taskId', () => ID) taskId: string, @Arg('input', () => FormInputType) input: FormInputType, @Ctx() ctx: Context): Promise<TaskNode> {
    const t = await service(ctx).submitForm(ctx.actor, taskId, input);
    await ctx.em.populate(t, ['assessor.org', 'assessor.user']);
    return toTaskNode(t, ctx.actor);
  }

  @Authorized('assessment.process')
  @Mutation(() => ApplicationNode, { description: 'Confirms a level (starting the public notice) or orders a re-assessment by other assessors.' })
  async reviewAssessment(
    @Arg('id', () => ID) id: string,
    @Arg('decision', () => ReviewDecisionEnum) decision: ReviewDecisionEnum,
    @Arg('level', () => Int, { nullable: true }) level: number | null,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: Context,
  ): Promise<ApplicationNode> {
    return toApplicationNode(await service(ctx).review(ctx.actor, id, decision, level as Level | null, note), ctx.actor);
  }

  @Authorized('assessment.process')
  @Mutation(() => ObjectionNode, { description: 'Records an objection during the public notice.' })
  async recordObjection(@Arg('id', () => ID) id: string, @Arg('input', () => ObjectionInputType) input: ObjectionInputType, @Ctx() ctx: Context): Promise<ObjectionNode> {
    return toObjectionNode(await service(ctx).recordObjection(ctx.actor, id, input));
  }

  @Authorized('assessment.process')
  @Mutation(() => ObjectionNode, { description: 'Upholds (re-assessment by different assessors, final) or dismisses an objection.' })
  async decideObjection(
    @Arg('objectionId', () => ID) objectionId: string,
    @Arg('decision', () => ObjectionDecisionEnum) decision: ObjectionDecisionEnum,
    @Arg('note', () => String) note: string,
    @Ctx() ctx: Context,
  ): Promise<ObjectionNode> {
    if (decision === ObjectionDecisionEnum.PENDING) {
      throw new InputError([{ field: 'decision', reason: 'NOT_A_DECISION', message: 'Uphold or dismiss' }]);
    }
    return toObjectionNode(await service(ctx).decideObjection(ctx.actor, objectionId, decision as never, note));
  }

  @Authorized('assessment.process')
  @Mutation(() => ConclusionNode, { description: 'Fixes the conclusion after the public notice.' })
  async concludeAssessment(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ConclusionNode> {
    return toConclusionNode(await service(ctx).conclude(ctx.actor, id), ctx.actor);
  }

  @Authorized('conclusion.read')
  @Query(() => ConclusionConnection, { description: 'Conclusions: a person’s history, those in force, or those expiring soon.' })
  async conclusions(
    @Arg('filter', () => ConclusionFilterInput, { nullable: true }) filter: ConclusionFilterInput | null,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: Context,
  ) {
    const page = await service(ctx).conclusions(ctx.actor, filter ?? {}, pageRequest(args));
    await ctx.em.populate(page.items, ['person']);
    return toConnection(page, (c) => toConclusionNode(c, ctx.actor));
  }

  @Authorized('conclusion.read')
  @Query(() => ConclusionNode)
  async conclusion(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ConclusionNode> {
    return toConclusionNode(await service(ctx).conclusion(ctx.actor, id), ctx.actor);
  }

  @FieldResolver(() => [TaskNode], { description: 'Every round’s forms, side by side per round.' })
  async tasks(@Root() app: ApplicationNode, @Ctx() ctx: Context): Promise<TaskNode[]> {
    return (await ctx.loaders.tasksByApplication.load(app.id)).map((t) => toTaskNode(t, ctx.actor));
  }

  @FieldResolver(() => [ApplicationEventNode], { description: 'Who moved the application through which states, when and why, oldest first.' })
  async history(@Root() app: ApplicationNode, @Ctx() ctx: Context): Promise<ApplicationEventNode[]> {
    return (await ctx.loaders.historyByApplication.load(app.id)).map((r) => ({
      at: new Date(r.at),
      operation: r.operation,
      username: r.username,
      fromState: r.changes?.before?.status ?? null,
      toState: r.changes?.after?.status ?? null,
      detail: r.changes?.detail ?? null,
    }));
  }

  @FieldResolver(() => [ObjectionNode])
  async objections(@Root() app: ApplicationNode, @Ctx() ctx: Context): Promise<ObjectionNode[]> {
    return (await ctx.loaders.objectionsByApplication.load(app.id)).map(toObjectionNode);
  }

  @FieldResolver(() => [DocumentNode])
  async documents(@Root() app: ApplicationNode, @Ctx() ctx: Context): Promise<DocumentNode[]> {
    return (await ctx.loaders.documentsByApplication.load(app.id)).map(toDocumentNode);
  }

  @FieldResolver(() => ConclusionNode, { name: 'conclusion', nullable: true, description: 'The conclusion, once concluded.' })
  async applicationConclusion(@Root() app: ApplicationNode, @Ctx() ctx: Context): Promise<ConclusionNode | null> {
    const [c] = await ctx.loaders.conclusionsByApplication.load(app.id);
    return c ? toConclusionNode(c, ctx.actor) : null;
  }
}
