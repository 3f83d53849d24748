// The authorization matrix: every query, mutation and subscription of the live schema × every role (and
// nobody), against the table below. An operation missing from the table fails the test; so does any cell
// where the server answers otherwise. Subscriptions are tried over WebSocket, as clients use them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { getSchema } from '../../server/src/app/schema.ts';
import { DEMO_USERS } from '../../seeds/demo-users.ts';
import { startTestServer, type Gql, type GraphQLResponse, type TestServer } from '../helpers/server.ts';
import { liveClient, subscribe, type LiveClient } from '../helpers/live.ts';

type Who = 'anonymous' | 'admin' | 'officer' | 'supervisor' | 'assessor' | 'agency' | 'caregiver';
const EVERYONE: Who[] = ['anonymous', 'admin', 'officer', 'supervisor', 'assessor', 'agency', 'caregiver'];
const SIGNED_IN: Who[] = EVERYONE.filter((w) => w !== 'anonymous');
/** Care plans: fund officers and supervisors of the area, the agency's staff; never assessors. */
const PLAN_READERS: Who[] = ['officer', 'supervisor', 'agency', 'caregiver'];
/** Visits: the area's officers and supervisors, the agency, the caregiver (their own). */
const VISIT_READERS: Who[] = ['officer', 'supervisor', 'agency', 'caregiver'];

/** Who may call each operation. Everyone else must get UNAUTHENTICATED (nobody) or FORBIDDEN. */
const MATRIX: Record<string, Who[]> = {
  'Query.me': EVERYONE,
  'Mutation.login': EVERYONE,
  'Mutation.logout': SIGNED_IN,
  'Mutation.changePassword': SIGNED_IN,
  'Query.region': SIGNED_IN,
  'Query.regions': SIGNED_IN,
  'Query.insuredPerson': ['officer', 'supervisor', 'assessor', 'agency', 'caregiver'],
  'Query.insuredPersons': ['officer', 'supervisor', 'assessor', 'agency', 'caregiver'],
  'Mutation.createInsuredPerson': ['officer'],
  'Mutation.updateInsuredPerson': ['officer'],
  'Mutation.recordDeath': ['officer'],
  'Mutation.revealIdNumber': ['officer'],
  'Query.organisations': ['admin', 'officer', 'supervisor', 'agency'],
  'Mutation.createOrganisation': ['admin'],
  'Query.users': ['admin'],
  'Query.user': ['admin'],
  'Mutation.createUser': ['admin'],
  'Mutation.updateUser': ['admin'],
  'Mutation.disableUser': ['admin'],
  'Mutation.enableUser': ['admin'],
  'Mutation.resetPassword': ['admin'],
  'Query.auditLog': ['admin', 'supervisor'],
  'Query.assessmentSettings': ['officer', 'supervisor'],
  'Mutation.setAssessmentSettings': ['officer'],
  'Query.assessors': ['officer', 'supervisor'],
  'Mutation.registerAssessor': ['officer'],
  'Query.assessorCandidates': ['officer'],
  'Query.assessmentApplications': ['officer', 'supervisor'],
  'Query.assessmentApplication': ['officer', 'supervisor'],
  'Mutation.applyForAssessment': ['officer'],
  'Mutation.acceptApplication': ['officer'],
  'Mutation.rejectApplication': ['officer'],
  'Mutation.withdrawApplication': ['officer'],
  'Mutation.assignAssessors': ['officer'],
  'Query.myAssessmentTasks': ['assessor'],
  'Query.assessmentTask': ['assessor'],
  'Query.overdueAssessmentTasks': ['officer', 'supervisor'],
  'Mutation.saveAssessmentDraft': ['assessor'],
  'Mutation.submitAssessment': ['assessor'],
  'Mutation.reviewAssessment': ['officer'],
  'Mutation.recordObjection': ['officer'],
  'Mutation.decideObjection': ['officer'],
  'Mutation.concludeAssessment': ['officer'],
  'Query.conclusions': ['officer', 'supervisor', 'agency', 'caregiver'],
  'Query.conclusion': ['officer', 'supervisor', 'agency', 'caregiver'],
  'Query.agencies': ['officer', 'supervisor', 'agency'],
  'Query.agency': ['officer', 'supervisor', 'agency'],
  'Mutation.registerAgency': ['officer'],
  'Mutation.updateAgency': ['officer', 'agency'],
  'Query.contracts': ['officer', 'supervisor', 'agency'],
  'Query.contract': ['officer', 'supervisor', 'agency'],
  'Query.priceSchedules': ['officer', 'supervisor', 'agency'],
  'Query.itemPrice': ['officer', 'supervisor', 'agency'],
  'Mutation.applyForContract': ['agency'],
  'Mutation.submitContract': ['agency'],
  'Mutation.approveContract': ['officer'],
  'Mutation.rejectContract': ['officer'],
  'Mutation.suspendContract': ['officer'],
  'Mutation.resumeContract': ['officer'],
  'Mutation.terminateContract': ['officer'],
  'Mutation.addPriceSchedule': ['officer'],
  'Query.catalogue': SIGNED_IN,
  'Mutation.setCatalogueItem': ['admin'],
  'Query.caregivers': ['officer', 'supervisor', 'agency'],
  'Query.caregiverCertificateCounts': ['officer', 'supervisor', 'agency'],
  'Mutation.addCaregiver': ['officer', 'agency'],
  'Mutation.updateCaregiver': ['officer', 'agency'],
  'Mutation.moveCaregiver': ['officer'],
  'Query.caregiverEligibility': ['officer', 'supervisor', 'agency'],
  'Query.evaluationSheet': ['officer', 'supervisor', 'agency'],
  'Query.evaluations': ['officer', 'supervisor', 'agency'],
  'Mutation.evaluateAgency': ['officer'],
  'Query.violations': ['officer', 'supervisor', 'agency'],
  'Mutation.recordViolation': ['officer'],
  'Mutation.setEvaluationSheet': ['officer'],
  'Query.carePlans': PLAN_READERS,
  'Query.carePlanCounts': PLAN_READERS,
  'Query.carePlan': PLAN_READERS,
  'Query.carePlanVersion': PLAN_READERS,
  'Query.carePlanEditorOptions': PLAN_READERS,
  'Query.carePlanAssessment': PLAN_READERS,
  'Query.benefitSettings': PLAN_READERS,
  'Query.benefitSettingsVersions': PLAN_READERS,
  'Query.deviceTypes': PLAN_READERS,
  'Query.carePlanAgencyChoices': ['officer'],
  'Mutation.setBenefitSettings': ['officer'],
  'Mutation.setDeviceType': ['officer'],
  'Mutation.requestCarePlan': ['officer'],
  'Mutation.transferCarePlan': ['officer'],
  'Mutation.acceptCarePlan': ['agency'],
  'Mutation.declineCarePlan': ['agency'],
  'Mutation.saveCarePlanDraft': ['agency'],
  'Mutation.recordSelfPayConsent': ['agency'],
  'Mutation.submitCarePlan': ['agency'],
  'Mutation.reviseCarePlan': ['agency'],
  'Mutation.discardCarePlanVersion': ['agency'],
  'Mutation.approveCarePlan': ['officer'],
  'Mutation.returnCarePlan': ['officer'],
  'Mutation.endCarePlan': ['officer', 'agency'],
  'Query.myDay': ['caregiver'],
  'Mutation.checkIn': ['caregiver'],
  'Mutation.checkOut': ['caregiver'],
  'Mutation.syncVisits': ['caregiver'],
  'Mutation.recordVisit': ['agency'],
  'Mutation.voidVisit': ['agency'],
  'Query.visit': VISIT_READERS,
  'Query.visits': VISIT_READERS,
  'Query.caregiverAssignments': VISIT_READERS,
  'Mutation.assignCaregiver': ['agency'],
  'Mutation.endCaregiverAssignment': ['agency'],
  'Query.findingsQueue': ['officer', 'supervisor', 'agency'],
  'Query.findingCounts': ['officer', 'supervisor', 'agency'],
  'Mutation.explainFinding': ['agency'],
  'Mutation.decideFinding': ['supervisor'],
  'Mutation.issueBeneficiaryCard': ['officer'],
  'Query.hospitalStays': VISIT_READERS,
  'Mutation.recordHospitalStay': ['officer'],
  'Mutation.importHospitalStays': ['officer'],
  'Query.careStays': VISIT_READERS,
  'Query.billableDays': VISIT_READERS,
  'Mutation.admitToCare': ['agency'],
  'Mutation.dischargeFromCare': ['agency'],
  'Mutation.recordCareLeave': ['agency'],
  'Query.visitSettings': VISIT_READERS,
  'Mutation.setVisitSettings': ['officer', 'supervisor'],
  'Query.claims': ['officer', 'supervisor', 'agency'],
  'Query.claim': ['officer', 'supervisor', 'agency'],
  'Query.claimLines': ['officer', 'supervisor', 'agency'],
  'Query.claimLineVisits': ['officer', 'supervisor', 'agency'],
  'Mutation.generateClaims': ['officer', 'agency'],
  'Mutation.declareClaim': ['agency'],
  'Mutation.startClaimReview': ['officer'],
  'Mutation.returnClaim': ['officer'],
  'Mutation.approveClaim': ['officer'],
  'Mutation.recordClaimPayment': ['officer'],
  'Mutation.addReviewDeduction': ['officer'],
  'Mutation.removeReviewDeduction': ['officer'],
  'Mutation.startClaimRun': ['officer', 'agency'],
  'Query.claimRun': ['officer', 'supervisor', 'agency'],
  'Query.claimRuns': ['officer', 'supervisor', 'agency'],
  'Query.settlementDashboard': ['officer', 'supervisor', 'agency'],
  'Mutation.runMonthlyAudit': ['officer', 'supervisor'],
  /** Audit findings live: fund officers, supervisors and agency administrators; not caregivers or assessors. */
  'Subscription.findingRaised': ['officer', 'supervisor', 'agency'],
};

/** A syntactically valid value for an argument type; the operation may still reject it, but only after the role check. */
function dummy(type: GraphQLInputType): string {
  if (isNonNullType(type)) return dummy(type.ofType);
  if (isListType(type)) return `[${dummy(type.ofType)}]`;
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type));
    return `{ ${fields.map((f) => `${f.name}: ${dummy(f.type)}`).join(', ')} }`;
  }
  if (isScalarType(type)) {
    if (type.name === 'ID') return JSON.stringify(randomUUID());
    if (type.name === 'Int' || type.name === 'Float') return '1';
    if (type.name === 'Boolean') return 'true';
    if (type.name === 'DateTimeISO') return '"2026-01-01T00:00:00Z"';
    if (type.name === 'JSONObject') return '{}';
    return '"x"';
  }
  throw new Error(`no dummy for ${String(type)}`);
}

function operation(kind: 'query' | 'mutation' | 'subscription', field: GraphQLField<unknown, unknown>): string {
  const args = field.args.filter((a) => isNonNullType(a.type)).map((a) => `${a.name}: ${dummy(a.type)}`);
  const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
  return `${kind} { ${field.name}${args.length ? `(${args.join(', ')})` : ''}${selection} }`;
}

let s: TestServer;
const clients = new Map<Who, Gql>();
const cookies = new Map<Who, string>([['anonymous', '']]);
beforeAll(async () => {
  s = await startTestServer();
  clients.set('anonymous', s.gql);
  for (const who of SIGNED_IN) {
    const c = await s.as(who);
    clients.set(who, c);
    cookies.set(who, c.cookie);
  }
});
afterAll(async () => {
  await s?.stop();
});

/**
 * A subscription over WebSocket, answered like an HTTP request: refused sockets (no session) as UNAUTHENTICATED,
 * a refusal at subscribe time as its errors, and a subscription the server has started as success.
 */
async function overWebSocket(who: Who, text: string): Promise<GraphQLResponse> {
  const live: LiveClient = liveClient(s.url, cookies.get(who) ? { cookie: cookies.get(who)! } : {});
  const before = s.pubSub.subscriberCount;
  try {
    const closed = live.closed.then((e) => ({ errors: [{ message: e.reason, extensions: { code: e.code === 4401 ? 'UNAUTHENTICATED' : `CLOSED_${e.code}` } }] }));
    const answered = live.connected.then(async () => {
      const r = subscribe(live, text);
      while (!r.results.length && !r.error && s.pubSub.subscriberCount === before) await new Promise((ok) => setTimeout(ok, 10));
      return r.error ? { errors: r.error as never } : (r.results[0] ?? { data: { started: true } });
    });
    return { status: 0, headers: new Headers(), body: await Promise.race([closed, answered]) };
  } finally {
    await live.dispose();
    // The next cell counts from here: wait until the server has let go of this one's subscription.
    while (s.pubSub.subscriberCount > before) await new Promise((ok) => setTimeout(ok, 10));
  }
}

describe('authorization matrix', async () => {
  const schema = await getSchema();
  const ops = [
    ...Object.values(schema.getQueryType()!.getFields()).map((f) => ({ key: `Query.${f.name}`, text: operation('query', f) })),
    ...Object.values(schema.getMutationType()!.getFields()).map((f) => ({ key: `Mutation.${f.name}`, text: operation('mutation', f) })),
    ...Object.values(schema.getSubscriptionType()?.getFields() ?? {}).map((f) => ({ key: `Subscription.${f.name}`, text: operation('subscription', f) })),
  ];

  it('has a row for every operation of the schema, and no row for one that is gone', () => {
    expect(ops.map((o) => o.key).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it('covers every demo role', () => {
    expect(new Set(DEMO_USERS.map((u) => u.role))).toEqual(new Set(['SYSTEM_ADMIN', 'FUND_OFFICER', 'SUPERVISOR', 'ASSESSOR', 'AGENCY_ADMIN', 'CAREGIVER']));
    for (const who of SIGNED_IN) expect(DEMO_USERS.map((u) => u.username)).toContain(who);
  });

  // logout ends the session it runs in, so it runs last.
  const ordered = [...ops.filter((o) => o.key !== 'Mutation.logout'), ...ops.filter((o) => o.key === 'Mutation.logout')];
  for (const op of ordered) {
    it.each(EVERYONE)(`${op.key} as %s`, async (who) => {
      const allowed = (MATRIX[op.key] ?? []).includes(who);
      const r = op.key.startsWith('Subscription.') ? await overWebSocket(who, op.text) : await clients.get(who)!(op.text);
      const denial = r.body.errors?.find(
        (e) => e.extensions?.code === 'FORBIDDEN' || (e.extensions?.code === 'UNAUTHENTICATED' && e.extensions?.reason !== 'SIGN_IN_FAILED'),
      );
      if (allowed) {
        expect(denial, JSON.stringify(r.body.errors)).toBeUndefined();
        expect(r.body.errors?.map((e) => e.extensions?.code) ?? []).not.toContain('INTERNAL_SERVER_ERROR');
      } else {
        expect(denial?.extensions?.code, `${op.text} → ${JSON.stringify(r.body)}`).toBe(who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
        expect(r.body.data?.[op.key.split('.')[1]!] ?? null).toBeNull();
      }
    });
  }
});
