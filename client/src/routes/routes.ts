// Hash routes (#/people/…): the server needs no route table, and a reload keeps the page.
// Each route says who may open it; App.svelte turns a refusal into sign-in, password change or "forbidden".
import type { Component } from 'svelte';
import type { RouteDefinition } from 'svelte-spa-router';
import { wrap } from 'svelte-spa-router/wrap';
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

/** What App.svelte gets back from a route whose condition failed. */
export interface RouteAccess {
  access: Access;
}

// In matching order: '/people/new' comes before '/people/:id', which would otherwise take "new" for an id.
const TABLE: [string, Component<any>, Access][] = [
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
  ['*', NotFound, 'user'],
];

export const routes: RouteDefinition = Object.fromEntries(
  TABLE.map(([path, component, access]) => {
    registerRoute(path, access);
    const userData: RouteAccess = { access };
    return [path, wrap({ component, userData, conditions: [() => verdict(access) === 'allow'] })];
  }),
);
