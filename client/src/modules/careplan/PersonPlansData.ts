// A person's care plans and the fund office's two ways of starting one: the request (the person's choice of a
// care form and a contracted agency) and the transfer of an active plan to another agency. Reads go to the
// network: agencies accept and decline requests while the person's page is open.
import { client } from '../../lib/graphql/client';
import type { Problem } from '../../lib/graphql/errors';
import type {
  CareForm,
  CarePlanAgencyChoicesQuery,
  CarePlanRequestInput,
  CarePlanTransferInput,
  CarePlanVersionStatus,
  PersonPlanFieldsFragment,
} from '../../lib/gql/graphql';
import type { Translate } from '../../lib/i18n/problems';
import { fresh, settle } from '../assessment/assessment';
import { AgencyChoicesQuery, PersonPlansQuery, RequestCarePlanMutation, TransferCarePlanMutation } from './admin.operations';

export type PersonPlan = PersonPlanFieldsFragment;
export type AgencyChoice = CarePlanAgencyChoicesQuery['carePlanAgencyChoices'][number];

/** The care forms in the order of the request form: the four main forms, then device rental. */
export const CARE_FORMS: readonly CareForm[] = ['HOME', 'INSTITUTION', 'HOSPITAL', 'FAMILY', 'DEVICE'];

/** Forms whose draft may propose tube feeding (B02): those where a caregiver or nurse does the feeding. */
export const TUBE_FEEDING_FORMS: readonly CareForm[] = ['HOME', 'INSTITUTION', 'HOSPITAL'];

/** Why the server refuses to start a plan (CONFLICT `reason`), each with its own words. */
export const REFUSALS = [
  'NOT_QUALIFYING',
  'DECEASED',
  'SUSPENDED',
  'NO_ENTITLEMENT',
  'AGENCY_NOT_CONTRACTED',
  'FORM_NOT_CONTRACTED',
  'OUTSIDE_SERVICE_AREA',
  'FORM_EXCLUSIVE',
  'PLAN_NOT_ACTIVE',
] as const;

/**
 * The most plans a person's page lists, newest first: one main form a month leaves a person few plans a year, and
 * the query's cost (each plan with its versions) stays within the server's limit.
 */
export const PERSON_PLANS_SHOWN = 50;

export const loadPersonPlans = (personId: string) =>
  settle(fresh(PersonPlansQuery, { personId, first: PERSON_PLANS_SHOWN }), (d) => ({ plans: d.carePlans.nodes, total: d.carePlans.totalCount }));

export const loadAgencyChoices = (personId: string, careForm: CareForm, on: string) =>
  settle(fresh(AgencyChoicesQuery, { personId, careForm, on }), (d) => d.carePlanAgencyChoices);

export const requestCarePlan = (input: CarePlanRequestInput) =>
  settle(client.mutation(RequestCarePlanMutation, { input }).toPromise(), (d) => d.requestCarePlan);

export const transferCarePlan = (id: string, input: CarePlanTransferInput) =>
  settle(client.mutation(TransferCarePlanMutation, { id, input }).toPromise(), (d) => d.transferCarePlan);

/**
 * The version a list shows for a plan: the one in force, else the one being drafted or decided, else (an ended
 * plan, or one approved from a later date) the latest that was not discarded.
 */
export function shownVersion(plan: PersonPlan): { number: number; status: CarePlanVersionStatus; cost: { grossFen: number; fundFen: number; personFen: number } } | null {
  return plan.current ?? plan.open ?? plan.versions.filter((v) => v.status !== 'DISCARDED').at(-1) ?? null;
}

/** A calendar day plus whole days (YYYY-MM-DD; days carry no zone, so UTC is exact). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

export interface Refusal {
  /** What the refusal means, in the UI language. */
  title: string;
  /** Further lines: a date the server names, and its own sentence. */
  details: string[];
}

/**
 * Words for a refusal to start (or move) a plan; null for any other problem. The server's sentence is kept
 * as a detail: it names the dates (the conclusion's, the clashing plan's) that the words cannot know.
 */
export function refusalOf(t: Translate, p: Problem | null): Refusal | null {
  if (!p || p.code !== 'CONFLICT' || !(REFUSALS as readonly string[]).includes(p.reason ?? '')) return null;
  const details: string[] = [];
  if (p.reason === 'FORM_EXCLUSIVE') {
    // "The person holds HOME from 2026-07-01 to 2026-07-31; one main form a month (a new form can start on 2026-08-01)"
    // "The person already has a HOME plan from 2026-07-01; end it first"
    const held = /(?:holds|has an?) (HOME|INSTITUTION|HOSPITAL|FAMILY)(?: plan)? from (\d{4}-\d{2}-\d{2})(?: to (\d{4}-\d{2}-\d{2}))?/.exec(p.message);
    if (held) {
      const form = t(`careplanAdmin.form.${held[1]}`);
      details.push(
        held[3]
          ? t('careplanAdmin.refusal.holdsUntil', { values: { form, from: held[2]!, to: held[3] } })
          : t('careplanAdmin.refusal.holds', { values: { form, from: held[2]! } }),
      );
    }
    const next = /can start on (\d{4}-\d{2}-\d{2})/.exec(p.message)?.[1];
    if (next) details.push(t('careplanAdmin.refusal.nextFormFrom', { values: { date: next } }));
  }
  if (p.message) details.push(t('careplanAdmin.refusal.serverSaid', { values: { message: p.message } }));
  return { title: t(`careplanAdmin.refusal.${p.reason}`), details };
}
