// Hash routes (#/people/…): the server needs no route table, and a reload keeps the page.
import type { RouteDefinition } from 'svelte-spa-router';
import Home from './Home.svelte';
import NotFound from './NotFound.svelte';
import PeopleListPage from '../modules/people/PeopleListPage.svelte';
import PersonNewPage from '../modules/people/PersonNewPage.svelte';
import PersonDetailPage from '../modules/people/PersonDetailPage.svelte';
import PersonEditPage from '../modules/people/PersonEditPage.svelte';

export const routes: RouteDefinition = {
  '/': Home,
  '/people': PeopleListPage,
  // Before '/people/:id', which would otherwise take "new" for an id.
  '/people/new': PersonNewPage,
  '/people/:id': PersonDetailPage,
  '/people/:id/edit': PersonEditPage,
  '*': NotFound,
};
