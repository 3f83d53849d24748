// A GraphQL-over-WebSocket client (graphql-ws) for tests: signs in with a session cookie in the upgrade request,
// as a browser does, and records what a subscription receives and how the socket closes.
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface LiveClient {
  client: Client;
  /** Resolves with the first close of the socket (code and reason). */
  closed: Promise<{ code: number; reason: string }>;
  /** Resolves once the server has acknowledged the connection (signed in). */
  connected: Promise<void>;
  dispose(): Promise<void>;
}

export interface Received<T = any> {
  /** Results as they arrived (`data` or `errors`). */
  results: { data?: T; errors?: { message: string; extensions?: Record<string, any> }[] }[];
  completed: boolean;
  error: unknown;
  /** The `data` of every result that has some. */
  readonly data: T[];
  unsubscribe(): void;
}

/** A client on `url` (the server's http://… address) sending `headers` (Cookie, Origin…) with the upgrade. */
export function liveClient(url: string, headers: Record<string, string> = {}): LiveClient {
  class HeaderSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  let onClosed!: (e: { code: number; reason: string }) => void;
  let onConnected!: () => void;
  const closed = new Promise<{ code: number; reason: string }>((r) => (onClosed = r));
  const connected = new Promise<void>((r) => (onConnected = r));
  const client = createClient({
    url: url.replace(/^http/, 'ws') + '/graphql',
    webSocketImpl: HeaderSocket,
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => {},
    on: {
      connected: () => onConnected(),
      closed: (e) => {
        const event = e as { code: number; reason: string | Buffer };
        onClosed({ code: event.code, reason: String(event.reason) });
      },
    },
  });
  return { client, closed, connected, dispose: async () => client.dispose() };
}

export function subscribe<T = any>(live: LiveClient, query: string, variables?: Record<string, unknown>): Received<T> {
  const received: Received<T> = {
    results: [],
    completed: false,
    error: undefined,
    get data() {
      return received.results.filter((r) => r.data).map((r) => r.data!);
    },
    unsubscribe: () => {},
  };
  received.unsubscribe = live.client.subscribe<T>(
    { query, variables },
    {
      next: (r) => void received.results.push(r as Received<T>['results'][number]),
      error: (e) => {
        received.error = e;
      },
      complete: () => {
        received.completed = true;
      },
    },
  );
  return received;
}
