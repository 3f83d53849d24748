// Who may open which page. The server decides what data anyone gets; this only keeps people away from
// pages that would show them nothing but "forbidden", and sends them to sign in first.
import { session } from '../session.svelte';

/**
 * `guest`: the sign-in page. `session`: any signed-in user, even one who must change a password first.
 * `user`: any signed-in user done with that. Otherwise a permission, e.g. `person.read`.
 */
export type Access = 'guest' | 'session' | 'user' | (string & {});

export type Verdict = 'allow' | 'signIn' | 'changePassword' | 'leave' | 'forbidden';

export function verdict(access: Access): Verdict {
  const v = session.viewer;
  if (access === 'guest') return v ? 'leave' : 'allow';
  if (!v) return 'signIn';
  if (access === 'session') return 'allow';
  if (v.mustChangePassword) return 'changePassword';
  if (access === 'user') return 'allow';
  return v.permissions.includes(access) ? 'allow' : 'forbidden';
}

/** A user's home: the first page their roles make useful; `/` itself welcomes those with none yet. */
export function homePath(): string {
  const p = session.viewer?.permissions ?? [];
  // Caregivers read the people they serve, but their work is the day's visits.
  if (p.includes('visit.record')) return '/my-day';
  // Assessors may read the people they assess, but their work is the list of forms to fill.
  if (p.includes('assessment.fill')) return '/assessment/tasks';
  if (p.includes('person.read')) return '/people';
  if (p.includes('user.read')) return '/users';
  if (p.includes('audit.read')) return '/audit';
  return '/';
}

/** Route patterns and their access, registered by routes.ts, so a route to return to can be judged too. */
const table: { pattern: RegExp; access: Access }[] = [];

/** Records a route of the router's table: `*` matches anything, `:name` one path segment. */
export function registerRoute(path: string, access: Access): void {
  const body = path === '*' ? '.*' : path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[^/]+/g, '[^/]+');
  table.push({ pattern: new RegExp(`^${body}/?$`), access });
}

/** The access of the first route that matches a location (path without query), as the router matches. */
export function accessAt(location: string): Access {
  return table.find((r) => r.pattern.test(location))?.access ?? 'user';
}

/** Where to go after signing in: back where the user was going if the new session may be there, else home. */
export function landingAfterSignIn(next: string | null | undefined): string {
  const n = safeNext(next);
  if (n && verdict(accessAt(n.split('?')[0]!)) === 'allow') return n;
  return homePath();
}

/**
 * A route to return to, taken from `?next=`. Only app routes count (they start with one slash), and not
 * the pages of signing in itself, so a crafted link can send no one elsewhere or in circles.
 */
export function safeNext(raw: string | null | undefined): string | null {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//')) return null;
  if (/^\/(login|password)(\?|$)/.test(raw)) return null;
  return raw;
}

const withNext = (path: string, next: string | null | undefined) => {
  const n = safeNext(next);
  return n && n !== '/' ? `${path}?${new URLSearchParams({ next: n })}` : path;
};

export const loginPath = (next?: string | null) => withNext('/login', next);
export const passwordPath = (next?: string | null) => withNext('/password', next);
