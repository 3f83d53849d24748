// Use cases of disability assessment: application, acceptance, assignment, the assessors' forms, review,
// public notice with objections, and the conclusion. Actor first; scope in SQL; one transaction each;
// every transition through the state table and into the audit trail.
import { randomUUID } from 'node:crypto';
import { LockMode, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Application, ApplicationDocument, Objection, Task, type DocumentKind, type ObjectionDecision } from './application.entity.ts';
import { Assessor, type Qualification } from './assessor.entity.ts';
import { AssessmentSettingsRow, Conclusion } from './conclusion.entity.ts';
import { InsuredPerson } from '../people/insured-person.entity.ts';
import { User } from '../identity/user.entity.ts';
import { Agency, AssessmentOrg } from '../identity/org.entity.ts';
import { AgencyClient } from '../identity/agency-client.entity.ts';
import { addWorkingDays, DEFAULT_ASSESSMENT_SETTINGS, settingsFrom, validUntil, type AssessmentSettings } from './assessment.settings.ts';
import { addDays } from '../shared/dates.ts';
import { checkApplication, checkAssignment, checkReviewLevel, type ApplicationInput, type ConclusionFact } from './application.rules.ts';
import { nextState, OPEN_STATES, type ApplicationState, type ApplicationVerb } from './assessment.workflow.ts';
import { isQualifyingLevel, scoreAssessment } from './assessment.rules.ts';
import type { Level } from './standard.ts';
import { agenciesWith, areasWith, NOTHING, personScope, requirePermission, servedBy } from '../identity/identity.access.ts';
import { isUuid } from '../shared/identifiers.ts';
import type { Actor } from '../graphql/context.ts';
import type { AuditTrail } from '../audit/audit.service.ts';
import { AppError, FieldErrors, InputError, notFound } from '../shared/errors.ts';
import { localDate, type Clock } from '../shared/clock.ts';
import { findPage, type Page, type PageRequest } from '../graphql/pagination.ts';


export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

export interface ApplyInput extends ApplicationInput {
  id?: string | null;
  personId: string;
}

export interface ApplicationFilter {
  status?: ApplicationState | null;
  personId?: string | null;
  /** Applications whose acceptance or whose round's on-site assessment is overdue. */
  overdue?: boolean | null;
}

export interface FormInput {
  answers: Record<string, number | null>;
  notes?: string | null;
  visitedAt?: Date | null;
  visitPlace?: string | null;
  visitLongitude?: number | null;
  visitLatitude?: number | null;
}

export interface AssessorInput {
  userId: string;
  qualification: Qualification;
  certificateNo: string;
  certificateExpiry: string;
  agencyIds?: string[] | null;
}

function conclusionFact(c: Conclusion): ConclusionFact {
  return { id: c.id, level: c.level as Level, effectiveDate: c.effectiveDate, validUntil: c.validUntil, issuedOn: c.issuedOn };
}

export class AssessmentService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  private today(): string {
    return localDate(this.clock.now());
  }

  // ---- settings ---------------------------------------------------------------------------------

  async settings(em: EntityManager, poolingArea: string): Promise<AssessmentSettings> {
    const row = await em.findOne(AssessmentSettingsRow, { poolingArea });
    return settingsFrom(row?.settings as Partial<AssessmentSettings> | undefined);
  }

  async getSettings(actor: Actor | null, poolingArea: string): Promise<AssessmentSettings> {
    const a = requirePermission(actor, 'assessment.read');
    if (!areasWith(a, 'assessment.read').includes(poolingArea)) throw notFound('Pooling area');
    return this.settings(this.em, poolingArea);
  }

  async setSettings(actor: Actor | null, poolingArea: string, change: Partial<AssessmentSettings>): Promise<AssessmentSettings> {
    const a = requirePermission(actor, 'assessment.configure');
    if (!areasWith(a, 'assessment.configure').includes(poolingArea)) throw notFound('Pooling area');
    const e = new FieldErrors('input');
    for (const [k, v] of Object.entries(change)) {
      if (v == null) continue;
      if (typeof v === 'number' && (!Number.isInteger(v) || v < 0 || v > 3650)) e.add(k, 'RANGE', 'A whole number from 0 to 3650');
    }
    if (change.minAssessors != null && change.minAssessors < 2) e.add('minAssessors', 'RANGE', 'At least 2 assessors visit');
    if (change.minMedicalAssessors != null && change.minMedicalAssessors < 1) e.add('minMedicalAssessors', 'RANGE', 'At least 1 medical assessor');
    if (change.qualifyingLevels && change.qualifyingLevels.some((l) => !Number.isInteger(l) || l < 0 || l > 5)) e.add('qualifyingLevels', 'RANGE', 'Levels are 0 to 5');
    for (const key of ['holidays', 'workingWeekends'] as const) {
      if (change[key]?.some((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d))) e.add(key, 'DATE', 'Dates as YYYY-MM-DD');
    }
    e.throwIfAny();
    return this.em.transactional(async (em) => {
      const before = await this.settings(em, poolingArea);
      const stored = Object.fromEntries(Object.entries({ ...before, ...change }).filter(([, v]) => v != null));
      await em.upsert(AssessmentSettingsRow, { poolingArea, settings: stored });
      const after = settingsFrom(stored);
      await this.audit.record(em, a, { operation: 'CONFIGURE', entity: 'AssessmentSettings', entityId: poolingArea, poolingArea, before: { ...before }, after: { ...after } });
      return after;
    });
  }

  // ---- assessors --------------------------------------------------------------------------------

  async registerAssessor(actor: Actor | null, input: AssessorInput): Promise<Assessor> {
    const a = requirePermission(actor, 'assessor.manage');
    const e = new FieldErrors('input');
    const user = isUuid(input.userId) ? await this.em.findOne(User, { id: input.userId }, { populate: ['grants', 'grants.assessmentOrg'] }) : null;
    const grant = user?.grants.getItems().find((g) => g.role === 'ASSESSOR');
    if (!user || !grant || !grant.assessmentOrg) e.add('userId', 'NOT_AN_ASSESSOR', 'Choose a user holding the assessor role');
    else if (!areasWith(a, 'assessor.manage').includes(grant.assessmentOrg.poolingArea)) e.add('userId', 'OUT_OF_SCOPE', 'This assessor works in another pooling area');
    if (!input.certificateNo.trim() || input.certificateNo.trim().length > 40) e.add('certificateNo', 'LENGTH', '1 to 40 characters');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.certificateExpiry)) e.add('certificateExpiry', 'DATE', 'Not a date (YYYY-MM-DD)');
    const agencyIds = [...new Set(input.agencyIds ?? [])];
    if (agencyIds.some((id) => !isUuid(id))) e.add('agencyIds', 'FORMAT', 'Agency ids are UUIDs');
    else if (agencyIds.length && (await this.em.count(Agency, { id: { $in: agencyIds } })) !== agencyIds.length) e.add('agencyIds', 'UNKNOWN_AGENCY', 'No such care agency');
    e.throwIfAny();
    return this.em.transactional(async (em) => {
      const org = grant!.assessmentOrg as AssessmentOrg;
      let assessor = await em.findOne(Assessor, { user: user!.id });
      const before = assessor ? { qualification: assessor.qualification, certificateNo: assessor.certificateNo, certificateExpiry: assessor.certificateExpiry, agencyIds: assessor.agencyIds } : null;
      const fields = { qualification: input.qualification, certificateNo: input.certificateNo.trim(), certificateExpiry: input.certificateExpiry, agencyIds, org, name: user!.displayName, poolingArea: org.poolingArea };
      if (assessor) em.assign(assessor, fields);
      else assessor = em.create(Assessor, { id: randomUUID(), user: user!, ...fields });
      await em.flush();
      await this.audit.record(em, a, { operation: before ? 'UPDATE' : 'CREATE', entity: 'Assessor', entityId: assessor.id, poolingArea: assessor.poolingArea, before, after: { qualification: assessor.qualification, certificateNo: assessor.certificateNo, certificateExpiry: assessor.certificateExpiry, agencyIds } });
      return assessor;
    });
  }

  /** Users holding the assessor role in the actor's areas whose qualification and certificate are not recorded yet. */
  async assessorCandidates(actor: Actor | null): Promise<{ userId: string; username: string; displayName: string; orgName: string }[]> {
    const a = requirePermission(actor, 'assessor.manage');
    const areas = areasWith(a, 'assessor.manage');
    if (!areas.length) return [];
    return this.em.getConnection().execute(
      `select u.id as "userId", u.username, u.display_name as "displayName", o.name as "orgName"
         from role_grant g join app_user u on u.id = g.user_id join assessment_org o on o.id = g.assessment_org_id
        where g.role = 'ASSESSOR' and u.status = 'ACTIVE' and o.pooling_area in (${areas.map(() => '?').join(', ')})
          and not exists (select 1 from assessor s where s.user_id = u.id)
        order by u.display_name`,
      areas,
    );
  }

  async assessors(actor: Actor | null, filter: { orgId?: string | null; assignableOn?: string | null }): Promise<Assessor[]> {
    const a = requirePermission(actor, 'assessment.read');
    const where: FilterQuery<Assessor> = { poolingArea: { $in: areasWith(a, 'assessment.read') } };
    if (isUuid(filter.orgId)) where.org = filter.orgId;
    if (filter.assignableOn) Object.assign(where, { active: true, certificateExpiry: { $gte: filter.assignableOn } });
    return this.em.find(Assessor, where, { orderBy: { name: 'asc' }, populate: ['org'], limit: 500 });
  }

  // ---- applications -----------------------------------------------------------------------------

  /** Applications the actor may see with `permission`: officers and supervisors their pooling areas. */
  private applicationScope(actor: Actor, permission: 'assessment.read' | 'assessment.process' | 'assessment.apply'): FilterQuery<Application> {
    const areas = areasWith(actor, permission);
    return areas.length ? { poolingArea: { $in: areas } } : NOTHING;
  }

  private async findApplication(em: EntityManager, actor: Actor | null, id: string, permission: 'assessment.read' | 'assessment.process', lock = false): Promise<Application> {
    const a = requirePermission(actor, permission);
    if (!isUuid(id)) throw notFound('Application');
    const app = await em.findOne(Application, { $and: [{ id }, this.applicationScope(a, permission)] }, { populate: ['person', 'challenged'], ...(lock ? { lockMode: LockMode.PESSIMISTIC_WRITE, lockTableAliases: ['a0'] } : {}) });
    if (!app) throw notFound('Application');
    return app;
  }

  async application(actor: Actor | null, id: string): Promise<Application> {
    return this.findApplication(this.em, actor, id, 'assessment.read');
  }

  async applications(actor: Actor | null, filter: ApplicationFilter, page: PageRequest): Promise<Page<Application>> {
    const a = requirePermission(actor, 'assessment.read');
    const where: FilterQuery<Application>[] = [this.applicationScope(a, 'assessment.read')];
    if (filter.status) where.push({ status: filter.status });
    if (filter.personId) where.push({ person: isUuid(filter.personId) ? filter.personId : randomUUID() });
    if (filter.overdue) {
      const today = this.today();
      where.push({
        $or: [
          { status: 'SUBMITTED', acceptanceDue: { $lt: today } },
          { status: 'ASSESSING', tasks: { status: 'ASSIGNED', dueDate: { $lt: today } } },
        ],
      });
    }
    return findPage(this.em, Application, { $and: where }, { createdAt: 'desc', id: 'desc' }, page);
  }

  async apply(actor: Actor | null, input: ApplyInput): Promise<Application> {
    const a = requirePermission(actor, 'assessment.apply');
    if (input.id != null && !isUuid(input.id)) throw new InputError([{ field: 'input.id', reason: 'FORMAT', message: 'A client id is a UUID' }]);
    return this.em.transactional(async (em) => {
      if (input.id) {
        const replay = await em.findOne(Application, { id: input.id }, { populate: ['person', 'challenged'] });
        if (replay) return replay;
      }
      const today = this.today();
      const person = isUuid(input.personId) ? await em.findOne(InsuredPerson, { $and: [{ id: input.personId }, personScope(a, 'person.read', today)] }) : null;
      if (!person) throw new InputError([{ field: 'input.personId', reason: 'UNKNOWN_PERSON', message: 'No such insured person' }]);
      if (!areasWith(a, 'assessment.apply').includes(person.poolingArea)) throw new AppError('FORBIDDEN', 'This person is insured in another pooling area', { reason: 'OUT_OF_SCOPE' });
      // Serialise applications of one person: the open-application check below must see a committed state.
      await em.getConnection().execute('select pg_advisory_xact_lock(hashtext(?))', [person.id], 'all', em.getTransactionContext());
      const settings = await this.settings(em, person.poolingArea);
      const open = await em.count(Application, { person: person.id, status: { $in: [...OPEN_STATES] } });
      const inForce = await em.findOne(Conclusion, { person: person.id, status: 'IN_FORCE' });
      const challenged = isUuid(input.challengedConclusionId) ? await em.findOne(Conclusion, { id: input.challengedConclusionId, person: person.id }) : null;
      if (input.challengedConclusionId && !challenged) {
        throw new InputError([{ field: 'input.challengedConclusionId', reason: 'UNKNOWN_CONCLUSION', message: "No such conclusion of this person" }]);
      }
      checkApplication(input, {
        today,
        person,
        hasOpenApplication: open > 0,
        conclusionInForce: inForce ? conclusionFact(inForce) : null,
        challenged: challenged ? conclusionFact(challenged) : input.type === 'APPEAL' ? null : inForce ? conclusionFact(inForce) : null,
        settings,
      });
      const app = em.create(Application, {
        id: input.id ?? randomUUID(),
        poolingArea: person.poolingArea,
        person,
        type: input.type,
        applicantName: input.applicantName.trim(),
        applicantRelation: input.applicantRelation.trim(),
        contactPhone: input.contactPhone.trim(),
        disabilityDeclared: input.disabilityDeclared,
        challenged: challenged ?? (input.type === 'REASSESS_CHANGE' || input.type === 'REASSESS_EXPIRY' ? inForce : null),
        submittedOn: today,
        acceptanceDue: addWorkingDays(today, settings.acceptanceWorkingDays, settings),
        createdBy: em.getReference(User, a.userId),
      });
      await em.flush();
      await this.audit.record(em, a, { operation: 'APPLY', entity: 'AssessmentApplication', entityId: app.id, poolingArea: app.poolingArea, after: { status: app.status, type: app.type, personId: person.id } });
      return app;
    });
  }

  /** Moves an application through the state table, with a row in the audit trail naming who and why. */
  private async move(em: EntityManager, actor: Actor, app: Application, verb: ApplicationVerb, why: Record<string, unknown> = {}): Promise<void> {
    const from = app.status;
    app.status = nextState(from, verb);
    await em.flush();
    await this.audit.record(em, actor, {
      operation: verb.toUpperCase(),
      entity: 'AssessmentApplication',
      entityId: app.id,
      poolingArea: app.poolingArea,
      before: { status: from },
      after: { status: app.status },
      detail: why,
    });
  }

  async accept(actor: Actor | null, id: string): Promise<Application> {
    return this.em.transactional(async (em) => {
      const app = await this.findApplication(em, actor, id, 'assessment.process', true);
      app.acceptedAt = this.clock.now();
      await this.move(em, actor!, app, 'accept');
      return app;
    });
  }

  async reject(actor: Actor | null, id: string, reason: string): Promise<Application> {
    if (!reason.trim() || reason.trim().length > 200) throw new InputError([{ field: 'reason', reason: 'LENGTH', message: 'Give a reason of 1 to 200 characters' }]);
    return this.em.transactional(async (em) => {
      const app = await this.findApplication(em, actor, id, 'assessment.process', true);
      app.rejectReason = reason.trim();
      await this.move(em, actor!, app, 'reject', { reason: reason.trim() });
      return app;
    });
  }

  async withdraw(actor: Actor | null, id: string, reason: string): Promise<Application> {
    if (!reason.trim() || reason.trim().length > 200) throw new InputError([{ field: 'reason', reason: 'LENGTH', message: 'Give a reason of 1 to 200 characters' }]);
    return this.em.transactional(async (em) => {
      const app = await this.findApplication(em, actor, id, 'assessment.process', true);
      await this.move(em, actor!, app, 'withdraw', { reason: reason.trim() });
      return app;
    });
  }

  async assign(actor: Actor | null, id: string, assessorIds: string[], dueDate: string | null): Promise<Application> {
    return this.em.transactional(async (em) => {
      const app = await this.findApplication(em, actor, id, 'assessment.process', true);
      nextState(app.status, 'assign');
      const today = this.today();
      const settings = await this.settings(em, app.poolingArea);
      const candidates = await em.find(Assessor, { id: { $in: assessorIds.filter(isUuid) }, poolingArea: app.poolingArea });
      const serving = await em.find(AgencyClient, { person: app.person.id, since: { $lte: today }, $or: [{ until: null }, { until: { $gte: today } }] });
      // A re-assessment (ordered by review or by an upheld objection) needs assessors other than the earlier ones.
      const earlier = app.round > 1 ? (await em.find(Task, { application: app.id, round: { $lt: app.round } })).map((t) => t.assessor.id) : [];
      checkAssignment(assessorIds, {
        today,
        assessors: candidates.map((c) => ({ id: c.id, orgId: c.org.id, qualification: c.qualification, certificateExpiry: c.certificateExpiry, active: c.active, agencyIds: c.agencyIds })),
        servingAgencyIds: serving.map((s) => s.agency.id),
        excludedAssessorIds: earlier,
        dueDate,
        settings,
      });
      const due = dueDate ?? addWorkingDays(today, settings.onSiteWorkingDays, settings);
      for (const assessor of candidates) {
        em.create(Task, { id: randomUUID(), poolingArea: app.poolingArea, application: app, assessor, round: app.round, dueDate: due });
      }
      await this.move(em, actor!, app, 'assign', { assessorIds, dueDate: due, round: app.round });
      return app;
    });
  }

  // ---- the assessors' forms ----------------------------------------------------------------------

  /** A task of the signed-in assessor; others' tasks answer NOT_FOUND. */
  private async myTask(em: EntityManager, actor: Actor | null, id: string, lock = false): Promise<Task> {
    const a = requirePermission(actor, 'assessment.fill');
    if (!isUuid(id)) throw notFound('Assessment task');
    const task = await em.findOne(Task, { id, assessor: { user: a.userId } }, { populate: ['application', 'application.person', 'assessor'], ...(lock ? { lockMode: LockMode.PESSIMISTIC_WRITE, lockTableAliases: ['t0'] } : {}) });
    if (!task) throw notFound('Assessment task');
    return task;
  }

  async task(actor: Actor | null, id: string): Promise<Task> {
    return this.myTask(this.em, actor, id);
  }

  async myTasks(actor: Actor | null, open: boolean): Promise<Task[]> {
    const a = requirePermission(actor, 'assessment.fill');
    return this.em.find(
      Task,
      { assessor: { user: a.userId }, ...(open ? { status: 'ASSIGNED' } : {}) },
      { populate: ['application', 'application.person', 'assessor'], orderBy: { dueDate: 'asc', id: 'asc' }, limit: 200 },
    );
  }

  /** Tasks of the actor's pooling areas past their due date and not submitted. */
  async overdueTasks(actor: Actor | null): Promise<Task[]> {
    const a = requirePermission(actor, 'assessment.read');
    return this.em.find(
      Task,
      { poolingArea: { $in: areasWith(a, 'assessment.read') }, status: 'ASSIGNED', dueDate: { $lt: this.today() } },
      { populate: ['application', 'application.person', 'assessor'], orderBy: { dueDate: 'asc' }, limit: 500 },
    );
  }

  private checkForm(input: FormInput, complete: boolean) {
    const e = new FieldErrors('input');
    if (input.notes && input.notes.length > 2000) e.add('notes', 'LENGTH', 'At most 2000 characters');
    if (input.visitPlace && input.visitPlace.length > 200) e.add('visitPlace', 'LENGTH', 'At most 200 characters');
    const lng = input.visitLongitude ?? null;
    const lat = input.visitLatitude ?? null;
    if ((lng === null) !== (lat === null)) e.add('visitLongitude', 'INCOMPLETE', 'Give both longitude and latitude, or neither');
    if (lng !== null && (lng < -180 || lng > 180)) e.add('visitLongitude', 'OUT_OF_RANGE', 'Longitude between -180 and 180');
    if (lat !== null && (lat < -90 || lat > 90)) e.add('visitLatitude', 'OUT_OF_RANGE', 'Latitude between -90 and 90');
    if (input.visitedAt && input.visitedAt.getTime() > this.clock.now().getTime() + 5 * 60_000) e.add('visitedAt', 'FUTURE', 'The visit cannot lie in the future');
    if (complete) {
      if (!input.visitedAt) e.add('visitedAt', 'REQUIRED', 'When did the visit take place?');
      if (!input.visitPlace?.trim()) e.add('visitPlace', 'REQUIRED', 'Where did the visit take place?');
      const scored = scoreAssessment(input.answers as never);
      if (!scored.ok) for (const err of scored.errors) e.add(`answers.${err.item}`, err.reason, err.reason === 'MISSING' ? 'Answer this item' : 'Not one of the options');
      e.throwIfAny();
      return scored.ok ? scored : null;
    }
    e.throwIfAny();
    return null;
  }

  /** Saves a draft of the form (partial answers allowed); only the assigned assessor, only before submission. */
  async saveDraft(actor: Actor | null, taskId: string, input: FormInput): Promise<Task> {
    return this.em.transactional(async (em) => {
      const task = await this.myTask(em, actor, taskId, true);
      if (task.status !== 'ASSIGNED') throw new AppError('CONFLICT', `The form is ${task.status}`, { reason: 'ILLEGAL_TRANSITION', state: task.status });
      this.checkForm(input, false);
      const answers = Object.fromEntries(Object.entries(input.answers).filter(([, v]) => v != null));
      const before = { ...task.answers };
      em.assign(task, { answers, notes: input.notes ?? null, visitedAt: input.visitedAt ?? null, visitPlace: input.visitPlace ?? null, visitLongitude: input.visitLongitude ?? null, visitLatitude: input.visitLatitude ?? null });
      await em.flush();
      // Every write is in the trail; for a draft, the answers that changed (the visit place is personal data and stays out).
      await this.audit.record(em, actor, { operation: 'SAVE_DRAFT', entity: 'AssessmentTask', entityId: task.id, poolingArea: task.poolingArea, before, after: answers });
      return task;
    });
  }

  /** Submits the form: scores it, and when every assessor of the round has submitted, sends the application to review. */
  async submitForm(actor: Actor | null, taskId: string, input: FormInput): Promise<Task> {
    return this.em.transactional(async (em) => {
      const task = await this.myTask(em, actor, taskId, true);
      if (task.status !== 'ASSIGNED') throw new AppError('CONFLICT', `The form is ${task.status}`, { reason: 'ILLEGAL_TRANSITION', state: task.status });
      const scored = this.checkForm(input, true)!;
      em.assign(task, {
        answers: input.answers,
        notes: input.notes ?? null,
        visitedAt: input.visitedAt!,
        visitPlace: input.visitPlace!.trim(),
        visitLongitude: input.visitLongitude ?? null,
        visitLatitude: input.visitLatitude ?? null,
        level: scored.level,
        result: scored as unknown as Record<string, unknown>,
        status: 'SUBMITTED',
        submittedAt: this.clock.now(),
      });
      await em.flush();
      await this.audit.record(em, actor, { operation: 'SUBMIT_FORM', entity: 'AssessmentTask', entityId: task.id, poolingArea: task.poolingArea, after: { level: scored.level, applicationId: task.application.id } });
      const app = await em.findOneOrFail(Application, { id: task.application.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const pending = await em.count(Task, { application: app.id, round: app.round, status: 'ASSIGNED' });
      if (pending === 0 && app.status === 'ASSESSING') await this.move(em, actor!, app, 'allSubmitted', { round: app.round });
      return task;
    });
  }

  /** The submitted forms of an application's current round, side by side for review. */
  async roundTasks(em: EntityManager, app: Application, all = false): Promise<Task[]> {
    return em.find(Task, { application: app.id, ...(all ? {} : { round: app.round }) }, { populate: ['assessor'], orderBy: { round: 'asc', assessor: { name: 'asc' } } });
  }

  async tasksOf(actor: Actor | null, applicationId: string): Promise<Task[]> {
    const app = await this.findApplication(this.em, actor, applicationId, 'assessment.read');
    return this.roundTasks(this.em, app, true);
  }

  // ---- review, notice, objections, conclusion -----------------------------------------------------

  async review(actor: Actor | null, id: string, decision: 'CONFIRM' | 'REASSESS', level: Level | null, note: string | null): Promise<Application> {
    return this.em.transactional(async (em) => {
      const app = await this.findApplication(em, actor, id, 'assessment.process', true);
      if (app.status !== 'IN_REVIEW') nextState(app.status, 'confirm');
      const tasks = (await this.roundTasks(em, app)).filter((t) => t.status === 'SUBMITTED');
      app.reviewNote = note?.trim() || null;
      if (decision === 'REASSESS') {
        if (!note?.trim()) throw new InputError([{ field: 'note', reason: 'REQUIRED', message: 'Say why a re-assessment is needed' }]);
        app.round += 1;
        await this.move(em, actor!, app, 'reassess', { note: note.trim(), levels: tasks.map((t) => t.level) });
        return app;
      }
      const confirmed = checkReviewLevel(tasks.map((t) => t.level as Level), level);
      app.confirmedLevel = confirmed;
      if (app.finalRound) {
        await this.move(em, actor!, app, 'confirmFinal', { level: confirmed, note: app.reviewNote });
        await this.issueConclusion(em, actor!, app);
        return app;
      }
      const settings = await this.settings(em, app.poolingArea);
      const today = this.today();
      app.noticeStart = today;
      app.noticeEnd = addWorkingDays(today, settings.noticeWorkingDays, settings);
      await this.move(em, actor!, app, 'confirm', { level: confirmed, note: app.reviewNote, noticeEnd: app.noticeEnd });
      return app;
    });
  }

  async recordObjection(actor: Actor | null, id: string, input: { raisedBy: string; reason: string }): Promise<Objection> {
    const e = new FieldErrors('input');
    if (!input.raisedBy.trim() || input.raisedBy.trim().length > 50) e.add('raisedBy', 'LENGTH', '1 to 50 characters');
    if (!input.reason.trim() || input.reason.trim().length > 500) e.add('reason', 'LENGTH', '1 to 500 characters');
    e.throwIfAny();
    return this.em.transactional(async (em) => {
      const app = await this.findApplication(em, actor, id, 'assessment.process', true);
      nextState(app.status, 'recordObjection');
      if (app.noticeEnd && this.today() > app.noticeEnd) {
        throw new AppError('CONFLICT', `The public notice ended on ${app.noticeEnd}`, { reason: 'NOTICE_OVER', state: app.status });
      }
      const objection = em.create(Objection, { id: randomUUID(), poolingArea: app.poolingArea, application: app, raisedBy: input.raisedBy.trim(), reason: input.reason.trim() });
      await em.flush();
      await this.audit.record(em, actor, { operation: 'RECORD_OBJECTION', entity: 'AssessmentApplication', entityId: app.id, poolingArea: app.poolingArea, after: { objectionId: objection.id, raisedBy: objection.raisedBy, reason: objection.reason } });
      return objection;
    });
  }

  async decideObjection(actor: Actor | null, objectionId: string, decision: Exclude<ObjectionDecision, 'PENDING'>, note: string): Promise<Objection> {
    if (!note.trim() || note.trim().length > 500) throw new InputError([{ field: 'note', reason: 'LENGTH', message: 'Give a reason of 1 to 500 characters' }]);
    return this.em.transactional(async (em) => {
      const a = requirePermission(actor, 'assessment.process');
      const objection = isUuid(objectionId) ? await em.findOne(Objection, { id: objectionId, poolingArea: { $in: areasWith(a, 'assessment.process') } }, { populate: ['application'] }) : null;
      if (!objection) throw notFound('Objection');
      if (objection.decision !== 'PENDING') throw new AppError('CONFLICT', `The objection is already ${objection.decision}`, { reason: 'ALREADY_DECIDED', state: objection.decision });
      const app = await this.findApplication(em, actor, objection.application.id, 'assessment.process', true);
      objection.decision = decision;
      objection.decisionNote = note.trim();
      objection.decidedBy = em.getReference(User, a.userId);
      objection.decidedAt = this.clock.now();
      if (decision === 'UPHELD') {
        app.round += 1;
        app.finalRound = true;
        app.noticeStart = null;
        app.noticeEnd = null;
        await this.move(em, a, app, 'upholdObjection', { objectionId: objection.id, note: note.trim() });
      } else {
        await this.move(em, a, app, 'dismissObjection', { objectionId: objection.id, note: note.trim() });
      }
      return objection;
    });
  }

  async objections(em: EntityManager, applicationId: string): Promise<Objection[]> {
    return em.find(Objection, { application: applicationId }, { orderBy: { receivedAt: 'asc' } });
  }

  async objectionsOf(actor: Actor | null, applicationId: string): Promise<Objection[]> {
    const app = await this.findApplication(this.em, actor, applicationId, 'assessment.read');
    return this.objections(this.em, app.id);
  }

  /** After the public notice, with no objection pending, fixes the conclusion. */
  async conclude(actor: Actor | null, id: string): Promise<Conclusion> {
    return this.em.transactional(async (em) => {
      const app = await this.findApplication(em, actor, id, 'assessment.process', true);
      nextState(app.status, 'conclude');
      if (app.noticeEnd && this.today() <= app.noticeEnd) {
        throw new AppError('CONFLICT', `The public notice runs until ${app.noticeEnd}`, { reason: 'NOTICE_RUNNING', state: app.status });
      }
      if ((await em.count(Objection, { application: app.id, decision: 'PENDING' })) > 0) {
        throw new AppError('CONFLICT', 'Decide the pending objections first', { reason: 'OBJECTION_PENDING', state: app.status });
      }
      await this.move(em, actor!, app, 'conclude', { level: app.confirmedLevel });
      return this.issueConclusion(em, actor!, app);
    });
  }

  private async issueConclusion(em: EntityManager, actor: Actor, app: Application): Promise<Conclusion> {
    const settings = await this.settings(em, app.poolingArea);
    const today = this.today();
    const level = app.confirmedLevel as Level;
    const previous = await em.find(Conclusion, { person: app.person.id, status: 'IN_FORCE' });
    for (const p of previous) {
      p.status = 'SUPERSEDED';
      p.supersededOn = today;
    }
    const conclusion = em.create(Conclusion, {
      id: randomUUID(),
      poolingArea: app.poolingArea,
      person: app.person,
      application: app,
      level,
      qualifies: isQualifyingLevel(level, settings.qualifyingLevels),
      issuedOn: today,
      effectiveDate: today,
      validUntil: validUntil(today, settings),
    });
    await em.flush();
    await this.audit.record(em, actor, {
      operation: 'ISSUE_CONCLUSION',
      entity: 'Conclusion',
      entityId: conclusion.id,
      poolingArea: conclusion.poolingArea,
      after: { level, qualifies: conclusion.qualifies, effectiveDate: conclusion.effectiveDate, validUntil: conclusion.validUntil, supersedes: previous.map((p) => p.id) },
    });
    return conclusion;
  }

  // ---- conclusions ------------------------------------------------------------------------------

  /** Conclusions the actor may read: officers and supervisors their areas, agency staff the people they serve. */
  private conclusionScope(actor: Actor): FilterQuery<Conclusion> {
    const or: FilterQuery<Conclusion>[] = [];
    const areas = areasWith(actor, 'conclusion.read');
    if (areas.length) or.push({ poolingArea: { $in: areas } });
    const agencies = agenciesWith(actor, 'conclusion.read');
    if (agencies.length) {
      const today = this.today();
      or.push(servedBy<Conclusion>(agencies, today, 'person_id'));
    }
    if (or.length === 0) return NOTHING;
    return or.length === 1 ? or[0]! : { $or: or };
  }

  async conclusion(actor: Actor | null, id: string): Promise<Conclusion> {
    const a = requirePermission(actor, 'conclusion.read');
    const c = isUuid(id) ? await this.em.findOne(Conclusion, { $and: [{ id }, this.conclusionScope(a)] }, { populate: ['person', 'application'] }) : null;
    if (!c) throw notFound('Conclusion');
    return c;
  }

  async conclusions(actor: Actor | null, filter: { personId?: string | null; expiringWithinDays?: number | null; inForce?: boolean | null }, page: PageRequest): Promise<Page<Conclusion>> {
    const a = requirePermission(actor, 'conclusion.read');
    const where: FilterQuery<Conclusion>[] = [this.conclusionScope(a)];
    if (filter.personId) where.push({ person: isUuid(filter.personId) ? filter.personId : randomUUID() });
    if (filter.inForce) where.push({ status: 'IN_FORCE' });
    if (filter.expiringWithinDays != null) {
      if (filter.expiringWithinDays < 0 || filter.expiringWithinDays > 366) throw new InputError([{ field: 'filter.expiringWithinDays', reason: 'RANGE', message: '0 to 366 days' }]);
      const today = this.today();
      where.push({ status: 'IN_FORCE', validUntil: { $gte: today, $lte: addDays(today, filter.expiringWithinDays) } });
    }
    const orderBy = filter.expiringWithinDays != null ? { validUntil: 'asc' as const, id: 'asc' as const } : { effectiveDate: 'desc' as const, id: 'desc' as const };
    return findPage(this.em, Conclusion, { $and: where }, orderBy, page);
  }

  // ---- documents --------------------------------------------------------------------------------

  async addDocument(actor: Actor | null, applicationId: string, meta: { kind: DocumentKind; filename: string; contentType: string }, bytes: Buffer): Promise<ApplicationDocument> {
    const e = new FieldErrors('');
    if (!(DOCUMENT_TYPES as readonly string[]).includes(meta.contentType)) e.add('contentType', 'TYPE', 'PDF, JPEG or PNG only');
    if (bytes.length === 0) e.add('file', 'EMPTY', 'The file is empty');
    if (bytes.length > MAX_DOCUMENT_BYTES) e.add('file', 'TOO_LARGE', `At most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`);
    const filename = meta.filename.trim().replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 200);
    if (!filename) e.add('filename', 'REQUIRED', 'Name the file');
    e.throwIfAny();
    return this.em.transactional(async (em) => {
      const app = await this.findApplication(em, actor, applicationId, 'assessment.read');
      requirePermission(actor, 'assessment.apply');
      if (!OPEN_STATES.includes(app.status)) throw new AppError('CONFLICT', `The application is ${app.status}`, { reason: 'ILLEGAL_TRANSITION', state: app.status });
      const conn = em.getConnection();
      const [row] = await conn.execute<{ oid: string; sha: string }[]>(`select lo_from_bytea(0, ?)::text as oid, encode(sha256(?), 'hex') as sha`, [bytes, bytes], 'all', em.getTransactionContext());
      const doc = em.create(ApplicationDocument, { id: randomUUID(), poolingArea: app.poolingArea, application: app, kind: meta.kind, filename, contentType: meta.contentType, size: bytes.length, sha256: row!.sha, oid: row!.oid, uploadedBy: em.getReference(User, actor!.userId) });
      await em.flush();
      await this.audit.record(em, actor, { operation: 'ADD_DOCUMENT', entity: 'AssessmentApplication', entityId: app.id, poolingArea: app.poolingArea, after: { documentId: doc.id, kind: doc.kind, filename, size: doc.size } });
      return doc;
    });
  }

  async documents(actor: Actor | null, applicationId: string): Promise<ApplicationDocument[]> {
    const app = await this.findApplication(this.em, actor, applicationId, 'assessment.read');
    return this.em.find(ApplicationDocument, { application: app.id }, { orderBy: { uploadedAt: 'asc' } });
  }

  /** A document's bytes for those who may see its application (officers, supervisors, its assessors). */
  async readDocument(actor: Actor | null, documentId: string): Promise<{ doc: ApplicationDocument; bytes: Buffer }> {
    if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in first');
    const doc = isUuid(documentId) ? await this.em.findOne(ApplicationDocument, { id: documentId }, { populate: ['application'] }) : null;
    if (!doc) throw notFound('Document');
    const mayRead =
      areasWith(actor, 'assessment.read').includes(doc.poolingArea) ||
      (actor.roles.includes('ASSESSOR') && (await this.em.count(Task, { application: doc.application.id, assessor: { user: actor.userId } })) > 0);
    if (!mayRead) throw notFound('Document');
    const [row] = await this.em.getConnection().execute<{ data: Buffer }[]>('select lo_get(?::oid) as data', [doc.oid]);
    return { doc, bytes: row!.data };
  }
}

export { DEFAULT_ASSESSMENT_SETTINGS };
