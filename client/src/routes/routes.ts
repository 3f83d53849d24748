// Hash routes (#/people/…): the server needs no route table, and a reload keeps the page.
// Each route says who may open it; App.svelte turns a refusal into sign-in, password change or "forbidden".
import type { Component } from 'svelte';
import type { RouteDefinition } from 'svelte-spa-router';
import { wrap, type AsyncSvelteComponent } from 'svelte-spa-router/wrap';
import { registerRoute, verdict, type Access } from '../lib/auth/access';
import Home from './Home.svelte';
import NotFound from './NotFound.svelte';
import LoginPage from '../modules/identity/LoginPage.svelte';
import ChangePasswordPage from '../modules/identity/ChangePasswordPage.svelte';
import PeopleListPage from '../modules/people/PeopleListPage.svelte';
import PersonNewPage from '../modules/people/PersonNewPage.svelte';
import PersonDetailPage from '../modules/people/PersonDetailPage.svelte';
import PersonEditPage from '../modules/people/PersonEditPage.svelte';
import UsersListPage from '../modules/users/UsersListPage.svelte';
import UserNewPage from '../modules/users/UserNewPage.svelte';
import UserEditPage from '../modules/users/UserEditPage.svelte';
import AuditLogPage from '../modules/audit/AuditLogPage.svelte';

/** A page loaded on its first visit, from its own chunk: the assessment screens are large, and each role uses few. */
interface Lazy {
  load: AsyncSvelteComponent;
}
const lazy = (load: AsyncSvelteComponent): Lazy => ({ load });

/** What App.svelte gets back from a route whose condition failed. */
export interface RouteAccess {
  access: Access;
}

// In matching order: '/people/new' comes before '/people/:id' (and the same for applications), which would
// otherwise take "new" for an id.
const TABLE: [string, Component<any> | Lazy, Access][] = [
  ['/login', LoginPage, 'guest'],
  ['/password', ChangePasswordPage, 'session'],
  ['/', Home, 'user'],
  ['/people', PeopleListPage, 'person.read'],
  ['/people/new', PersonNewPage, 'person.create'],
  ['/people/:id', PersonDetailPage, 'person.read'],
  ['/people/:id/edit', PersonEditPage, 'person.update'],
  ['/users', UsersListPage, 'user.read'],
  ['/users/new', UserNewPage, 'user.manage'],
  ['/users/:id', UserEditPage, 'user.read'],
  ['/audit', AuditLogPage, 'audit.read'],
  ['/assessment/tasks', lazy(() => import('../modules/assessment/MyTasksPage.svelte')), 'assessment.fill'],
  ['/assessment/tasks/:id', lazy(() => import('../modules/assessment/TaskPage.svelte')), 'assessment.fill'],
  ['/assessment/applications', lazy(() => import('../modules/assessment/ApplicationsPage.svelte')), 'assessment.read'],
  ['/assessment/applications/new', lazy(() => import('../modules/assessment/NewApplicationPage.svelte')), 'assessment.apply'],
  ['/assessment/applications/:id', lazy(() => import('../modules/assessment/ApplicationDetailPage.svelte')), 'assessment.read'],
  ['/assessment/conclusions', lazy(() => import('../modules/assessment/ConclusionsPage.svelte')), 'conclusion.read'],
  // Read by those who follow the workflow; only assessment.configure may change it (the page says so).
  ['/assessment/settings', lazy(() => import('../modules/assessment/SettingsPage.svelte')), 'assessment.read'],
  // Read by those who assign assessors; only assessor.manage records qualifications (the page offers it to them).
  ['/assessment/assessors', lazy(() => import('../modules/assessment/AssessorsPage.svelte')), 'assessment.read'],
  // Care providers. '/new', '/apply' and '/:id/edit' come before '/:id' for the same reason as above.
  ['/providers/agencies', lazy(() => import('../modules/providers/AgenciesPage.svelte')), 'provider.read'],
  ['/providers/agencies/new', lazy(() => import('../modules/providers/AgencyFormPage.svelte')), 'agency.register'],
  ['/providers/agencies/:id/edit', lazy(() => import('../modules/providers/AgencyFormPage.svelte')), 'agency.manage'],
  ['/providers/agencies/:id', lazy(() => import('../modules/providers/AgencyDetailPage.svelte')), 'provider.read'],
  ['/providers/contracts', lazy(() => import('../modules/providers/ContractsPage.svelte')), 'provider.read'],
  ['/providers/contracts/apply', lazy(() => import('../modules/providers/ContractApplyPage.svelte')), 'contract.apply'],
  ['/providers/contracts/:id', lazy(() => import('../modules/providers/ContractDetailPage.svelte')), 'provider.read'],
  ['/providers/caregivers', lazy(() => import('../modules/providers/CaregiversPage.svelte')), 'provider.read'],
  // Everyone who reads providers sees results; only evaluation.manage gets the scoring and violation forms.
  ['/providers/evaluations', lazy(() => import('../modules/providers/EvaluationsPage.svelte')), 'provider.read'],
  // Care plans. '/careplans/benefits' and '/careplans/versions/:id' come before '/careplans/:id', which would
  // otherwise take "benefits" or "versions" for an id. The benefits page is read by everyone who follows plans;
  // only benefit.configure gets its forms (the page offers them).
  ['/careplans', lazy(() => import('../modules/careplan/CarePlansPage.svelte')), 'careplan.read'],
  ['/careplans/benefits', lazy(() => import('../modules/careplan/BenefitsPage.svelte')), 'careplan.read'],
  ['/careplans/versions/:id', lazy(() => import('../modules/careplan/VersionPage.svelte')), 'careplan.read'],
  ['/careplans/:id', lazy(() => import('../modules/careplan/CarePlanPage.svelte')), 'careplan.read'],
  // The caregiver's phone. '/my-day/queue', '/my-day/records' and '/my-day/visit/:personId' are all below '/my-day'.
  ['/my-day', lazy(() => import('../modules/visits/MyDayPage.svelte')), 'visit.record'],
  ['/my-day/visit/:personId', lazy(() => import('../modules/visits/VisitPage.svelte')), 'visit.record'],
  ['/my-day/queue', lazy(() => import('../modules/visits/QueuePage.svelte')), 'visit.record'],
  ['/my-day/records', lazy(() => import('../modules/visits/RecordsPage.svelte')), 'visit.record'],
  // Visits (服务记录) and their audit findings (稽核发现). '/visits/new' and '/visits/assignments' come before
  // '/visits/:id', and '/findings/hospital-stays' is a page of its own for the fund office.
  ['/visits', lazy(() => import('../modules/visits-desk/VisitsPage.svelte')), 'visit.read'],
  ['/visits/new', lazy(() => import('../modules/visits-desk/ManualVisitPage.svelte')), 'visit.correct'],
  ['/visits/assignments', lazy(() => import('../modules/visits-desk/AssignmentsPage.svelte')), 'visit.read'],
  ['/visits/:id', lazy(() => import('../modules/visits-desk/VisitPage.svelte')), 'visit.read'],
  ['/findings', lazy(() => import('../modules/findings/FindingsPage.svelte')), 'finding.read'],
  ['/findings/hospital-stays', lazy(() => import('../modules/findings/HospitalStaysPage.svelte')), 'hospital.manage'],
  // The audit rules' settings and the month's audit on demand, for those who run the audit.
  ['/findings/rules', lazy(() => import('../modules/findings/RuleSettingsPage.svelte')), 'audit.run'],
  // Monthly settlement (月度结算): the claims queue and a claim's page, for agencies, the fund office and supervisors;
  // the dashboard (看板) of an area's months, for the fund office and supervisors (the page tells agency staff, who
  // read claims but have no area, what it is for). Charts load with its chunk only.
  ['/billing/claims', lazy(() => import('../modules/billing/ClaimsPage.svelte')), 'claim.read'],
  ['/billing/claims/:id', lazy(() => import('../modules/billing/ClaimPage.svelte')), 'claim.read'],
  ['/billing/dashboard', lazy(() => import('../modules/billing/DashboardPage.svelte')), 'claim.read'],
  ['*', NotFound, 'user'],
];

export const routes: RouteDefinition = Object.fromEntries(
  TABLE.map(([path, component, access]) => {
    registerRoute(path, access);
    const userData: RouteAccess = { access };
    const page = 'load' in component ? { asyncComponent: component.load } : { component };
    return [path, wrap({ ...page, userData, conditions: [() => verdict(access) === 'allow'] })];
  }),
);
