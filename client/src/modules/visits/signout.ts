// Registered at start (main.ts), since a user may sign out without having opened the caregiver's screens since the
// last reload: what the server already has (the day list, sent records) leaves the phone with the session; records
// not yet sent and visits under way stay for their author (see store.ts).
import { whenSessionEnds } from '../../lib/auth/auth';
import { forgetSent, STORE_NAME } from './store';

async function kept(): Promise<boolean> {
  // Only where the phone ever kept anything: other users' browsers get no database made just to be emptied.
  if (typeof indexedDB === 'undefined') return false;
  if (typeof indexedDB.databases !== 'function') return true;
  return (await indexedDB.databases()).some((d) => d.name === STORE_NAME);
}

whenSessionEnds(() => {
  void kept()
    .then((yes) => (yes ? forgetSent(null) : undefined))
    .catch(() => {});
});
