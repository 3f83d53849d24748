// Who is signed in, shared across the app. Only lib/auth/auth.ts changes it; everything else reads it.
import type { ViewerFieldsFragment } from './gql/graphql';

export type Viewer = ViewerFieldsFragment;

/** Why the sign-in page is shown, said once on it. */
export type SessionNotice = 'expired' | 'signedOut';

interface SessionState {
  /** `loading` until the server has said whether the browser has a session; `failed` if it could not. */
  phase: 'loading' | 'failed' | 'signedOut' | 'signedIn';
  viewer: Viewer | null;
  notice: SessionNotice | null;
}

export const session = $state<SessionState>({ phase: 'loading', viewer: null, notice: null });

/** Whether the signed-in user may perform a workflow verb, e.g. `person.create`. Reactive in templates. */
export function can(permission: string): boolean {
  return session.viewer?.permissions.includes(permission) ?? false;
}
