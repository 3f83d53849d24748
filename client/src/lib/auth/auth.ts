// Starting, ending and changing the session. Everything that must happen when a user goes is in
// endSession(): the next user of the browser finds nothing of theirs in memory or in the GraphQL cache.
import { replace, router } from 'svelte-spa-router';
import { client, onAuthError, resetClient, type AuthError } from '../graphql/client';
import { noDataProblem, toProblem, type Problem } from '../graphql/errors';
import { flash } from '../flash.svelte';
import { session, type SessionNotice, type Viewer } from '../session.svelte';
import { loginPath, passwordPath } from './access';
import { ChangePasswordMutation, LoginMutation, LogoutMutation, MeQuery } from './auth.operations';

// The cookie is HttpOnly and `me` answers null alike for "never signed in" and "session ended", so this tab
// remembers that it had a session: after a reload, a missing one then reads as expired, not as new.
const HAD_SESSION = 'changhu.hadSession';

function remember(had: boolean): void {
  try {
    if (had) sessionStorage.setItem(HAD_SESSION, '1');
    else sessionStorage.removeItem(HAD_SESSION);
  } catch {
    // Storage may be disabled; the only loss is the expiry notice after a reload.
  }
}

function hadSession(): boolean {
  try {
    return sessionStorage.getItem(HAD_SESSION) === '1';
  } catch {
    return false;
  }
}

/** The route shown now, with its query, to come back to after signing in. */
export function currentRoute(): string {
  return router.location + (router.querystring ? `?${router.querystring}` : '');
}

// A caregiver's phone must open without a network (in a stairwell, a basement): for those who record visits, the
// last viewer the server confirmed is kept on the device, and used when the server cannot be reached at start. It
// only opens the screens; every request still carries the session cookie and the server judges it, and once the
// network is back the session is checked again (and ended, if the server has ended it). It goes when the session does.
const OFFLINE_VIEWER = 'changhu.offlineViewer';

function keepForOffline(viewer: Viewer | null): void {
  try {
    if (viewer && viewer.permissions.includes('visit.record') && !viewer.mustChangePassword) localStorage.setItem(OFFLINE_VIEWER, JSON.stringify(viewer));
    else localStorage.removeItem(OFFLINE_VIEWER);
  } catch {
    // Storage disabled: the phone then needs the network to open.
  }
}

function offlineViewer(): Viewer | null {
  try {
    const v = JSON.parse(localStorage.getItem(OFFLINE_VIEWER) ?? 'null') as Viewer | null;
    return v && typeof v.user?.id === 'string' && Array.isArray(v.permissions) ? v : null;
  } catch {
    return null;
  }
}

function begin(viewer: Viewer): void {
  session.viewer = viewer;
  session.phase = 'signedIn';
  session.notice = null;
  remember(true);
  keepForOffline(viewer);
}

/** What modules clean up when a session ends (e.g. drafts kept on the device); they register, auth knows none. */
const endListeners: ((notice: SessionNotice) => void)[] = [];

export function whenSessionEnds(listener: (notice: SessionNotice) => void): void {
  endListeners.push(listener);
}

/** Set while signing out, so the logout request's own errors do not count as an expired session. */
let ending = false;

/** Forgets the user and everything loaded for them, then shows the sign-in page. */
function endSession(notice: SessionNotice, returnTo: string | null): void {
  resetClient();
  flash.key = null;
  keepForOffline(null);
  session.viewer = null;
  session.phase = 'signedOut';
  session.notice = notice;
  // An expired session is still said after a reload of the sign-in page (a request made in the background may
  // end it just before the reload); one signed out is gone.
  remember(notice === 'expired');
  for (const listener of endListeners) listener(notice);
  void replace(loginPath(returnTo));
}

function handleAuthError(e: AuthError): void {
  if (ending || session.phase !== 'signedIn' || !session.viewer) return;
  if (e.code === 'UNAUTHENTICATED') {
    endSession('expired', currentRoute());
  } else if (!session.viewer.mustChangePassword) {
    // An administrator reset the password while this session lived on: change it before anything else.
    session.viewer.mustChangePassword = true;
    void replace(passwordPath(currentRoute()));
  }
}

/** Asks the server who is signed in; called once at start and again after a failure to reach it. */
export async function startSession(): Promise<void> {
  onAuthError(handleAuthError);
  session.phase = 'loading';
  const r = await client.query(MeQuery, {}, { requestPolicy: 'network-only' }).toPromise();
  if (r.error && !r.data) {
    const kept = r.error.networkError && !r.error.graphQLErrors.length ? offlineViewer() : null;
    if (kept) {
      // Opened without a network: the kept viewer until the server can be asked again.
      session.viewer = kept;
      session.phase = 'signedIn';
      session.notice = null;
      window.addEventListener('online', recheckSession, { once: true });
      return;
    }
    session.phase = 'failed';
    return;
  }
  if (r.data?.me) {
    begin(r.data.me);
  } else {
    session.notice = hadSession() ? 'expired' : null;
    session.phase = 'signedOut';
    remember(false);
  }
}

/** Asks the server again who is signed in, after a start without a network: a session it ended ends here too. */
async function recheckSession(): Promise<void> {
  if (session.phase !== 'signedIn' || !session.viewer) return;
  const r = await client.query(MeQuery, {}, { requestPolicy: 'network-only' }).toPromise();
  if (r.error && !r.data) {
    // Still unreachable: try again the next time the browser says the network is back.
    window.addEventListener('online', recheckSession, { once: true });
    return;
  }
  if (r.data?.me) begin(r.data.me);
  else if (session.phase === 'signedIn') endSession('expired', currentRoute());
}

/** Signs in; the caller decides where to go next. Returns the problem to show, or null on success. */
export async function signIn(username: string, password: string): Promise<Problem | null> {
  // A fresh client: whatever an earlier session left must not answer for this one.
  resetClient();
  const r = await client.mutation(LoginMutation, { username: username.trim(), password }).toPromise();
  if (r.error) return toProblem(r.error);
  if (!r.data) return noDataProblem();
  begin(r.data.login);
  return null;
}

/** Signs out on the server, then here; the server's answer is awaited so its cleared cookie cannot arrive late. */
export async function signOut(): Promise<void> {
  ending = true;
  try {
    // Errors change nothing: if the session already ended on the server, the user is signed out either way.
    await client.mutation(LogoutMutation, {}).toPromise();
  } finally {
    ending = false;
    endSession('signedOut', null);
  }
}

/** Changes one's own password. Returns the problem to show, or null on success. */
export async function changeOwnPassword(currentPassword: string, newPassword: string): Promise<Problem | null> {
  const r = await client.mutation(ChangePasswordMutation, { currentPassword, newPassword }).toPromise();
  if (r.error) return toProblem(r.error);
  if (!r.data) return noDataProblem();
  // Reload who we are: the forced change is over, and nothing else may have changed silently.
  const me = await client.query(MeQuery, {}, { requestPolicy: 'network-only' }).toPromise();
  if (me.data?.me) begin(me.data.me);
  else if (session.viewer) session.viewer.mustChangePassword = false;
  return null;
}
