// The states of an assessment application and the verbs that move it, in one table. Pure.
import { AppError } from '../shared/errors.ts';

export const APPLICATION_STATES = ['SUBMITTED', 'ACCEPTED', 'ASSESSING', 'IN_REVIEW', 'IN_NOTICE', 'CONCLUDED', 'REJECTED', 'WITHDRAWN'] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const APPLICATION_VERBS = [
  'accept',
  'reject',
  'withdraw',
  'assign',
  'allSubmitted',
  'confirm',
  'confirmFinal',
  'reassess',
  'recordObjection',
  'upholdObjection',
  'dismissObjection',
  'conclude',
] as const;
export type ApplicationVerb = (typeof APPLICATION_VERBS)[number];

/**
 * From each state, the verbs allowed and where they lead. `confirmFinal` is the review of a
 * re-assessment ordered by an upheld objection: its result is final and skips a second notice.
 */
export const APPLICATION_TRANSITIONS: Record<ApplicationState, Partial<Record<ApplicationVerb, ApplicationState>>> = {
  SUBMITTED: { accept: 'ACCEPTED', reject: 'REJECTED', withdraw: 'WITHDRAWN' },
  ACCEPTED: { assign: 'ASSESSING', withdraw: 'WITHDRAWN' },
  ASSESSING: { allSubmitted: 'IN_REVIEW' },
  IN_REVIEW: { confirm: 'IN_NOTICE', confirmFinal: 'CONCLUDED', reassess: 'ACCEPTED' },
  IN_NOTICE: { recordObjection: 'IN_NOTICE', dismissObjection: 'IN_NOTICE', upholdObjection: 'ACCEPTED', conclude: 'CONCLUDED' },
  CONCLUDED: {},
  REJECTED: {},
  WITHDRAWN: {},
};

export const OPEN_STATES: readonly ApplicationState[] = ['SUBMITTED', 'ACCEPTED', 'ASSESSING', 'IN_REVIEW', 'IN_NOTICE'];

/** The state a verb leads to, or CONFLICT naming the current state. */
export function nextState(current: ApplicationState, verb: ApplicationVerb): ApplicationState {
  const next = APPLICATION_TRANSITIONS[current][verb];
  if (!next) {
    throw new AppError('CONFLICT', `Cannot ${verb} an application that is ${current}`, { reason: 'ILLEGAL_TRANSITION', state: current });
  }
  return next;
}
