// Findings as they are raised (a caregiver checks out far from home; an agency enters a visit late), pushed over a
// WebSocket at /graphql with the graphql-ws protocol and authenticated by the session cookie. The server sends each
// finding to the agency's administrators and to the area's supervisors and fund officers.
//
// The document is a plain string, not the codegen `graphql()` tag: codegen checks operations against
// schema.graphql, and the subscription may be missing from a server that has not got it yet. Such a server refuses
// the socket or the subscription; `liveState` then says 'down' and the pages refresh their counts on a timer.
import { createClient, type Client } from 'graphql-ws';
import { derived, writable, type Readable } from 'svelte/store';

/** A finding as the subscription pushes it. */
export interface FindingRaised {
  id: string;
  visitId: string;
  rule: string;
  action: string;
  status: string;
  poolingArea: string;
  agencyId: string;
  agencyName: string;
  personId: string;
  personName: string;
  caregiverId: string;
  caregiverName: string;
  visitAt: string;
  summary: string;
  evidence: Record<string, unknown>;
  createdAt: string;
}

/** off: nobody listens; connecting; live: events arrive as they happen; down: no socket, pages poll instead. */
export type LiveState = 'off' | 'connecting' | 'live' | 'down';

export const FINDING_RAISED = `subscription FindingRaised($agencyId: ID) {
  findingRaised(agencyId: $agencyId) {
    id visitId rule action status poolingArea agencyId agencyName personId personName caregiverId caregiverName visitAt summary evidence createdAt
  }
}`;

/** How many events the store keeps, newest first. */
const KEEP = 50;
/** Reconnection waits grow to at most a minute, with a little jitter so a room of desks does not reconnect at once. */
const MAX_WAIT_SECONDS = 60;

const state = writable<LiveState>('off');
const events = writable<FindingRaised[]>([]);

/** Whether events arrive live; read it to decide whether to poll. */
export const liveState: Readable<LiveState> = { subscribe: state.subscribe };
/** The findings raised since the page began listening, newest first. */
export const findingEvents: Readable<FindingRaised[]> = { subscribe: events.subscribe };
/** The newest event, or null. */
export const latestFinding: Readable<FindingRaised | null> = derived(events, (e) => e[0] ?? null);

let socket: Client | null = null;
let listeners = 0;

/** The page's own host: the app and the API share an origin (and the session cookie). */
export function socketUrl(location: { protocol: string; host: string } = (globalThis as unknown as { location: { protocol: string; host: string } }).location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
}

function clientOnce(): Client {
  socket ??= createClient({
    url: () => socketUrl(),
    // Opened with the first subscription and closed with the last: a signed-out page holds no socket.
    lazy: true,
    retryAttempts: Infinity,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(MAX_WAIT_SECONDS, 2 ** retries) * 1000 + Math.random() * 1000)),
    on: {
      // A retry after a failure stays 'down' until it succeeds: the pages keep polling meanwhile.
      connecting: () => state.update((s) => (!listeners ? 'off' : s === 'down' ? 'down' : 'connecting')),
      connected: () => state.set('live'),
      closed: () => state.set(listeners ? 'down' : 'off'),
      error: () => state.set(listeners ? 'down' : 'off'),
    },
  });
  return socket;
}

/**
 * Listens to findings raised in scope (of one agency, when given) until the returned function is called. Each
 * event reaches `onEvent` and the `findingEvents` store. Errors never reach the caller: the state turns 'down'.
 */
export function watchFindings(agencyId: string | null, onEvent?: (e: FindingRaised) => void): () => void {
  if (typeof WebSocket === 'undefined') {
    state.set('down');
    return () => {};
  }
  listeners++;
  let stopped = false;
  let unsubscribe: () => void = () => {};
  try {
    unsubscribe = clientOnce().subscribe<{ findingRaised: FindingRaised }>(
      { query: FINDING_RAISED, variables: { agencyId } },
      {
        next: (result) => {
          const e = result.data?.findingRaised;
          if (!e || stopped) return;
          events.update((list) => [e, ...list.filter((x) => x.id !== e.id)].slice(0, KEEP));
          onEvent?.(e);
        },
        // The server refused the subscription (unknown field, no permission) or the socket for good.
        error: () => {
          if (!stopped) state.set('down');
        },
        complete: () => {},
      },
    );
  } catch {
    state.set('down');
  }
  return () => {
    if (stopped) return;
    stopped = true;
    listeners--;
    unsubscribe();
    if (!listeners) {
      state.set('off');
      events.set([]);
    }
  };
}
