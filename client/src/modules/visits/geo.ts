// The phone's position, asked for once at a time: when today's list opens (to sort it, kept on the phone), at
// check-in and at check-out. Never watched, never asked in between.
import type { Position } from './rules';

export type PositionProblem = 'UNSUPPORTED' | 'DENIED' | 'UNAVAILABLE' | 'TIMEOUT';

export type PositionResult = { ok: true; position: Position; at: number } | { ok: false; problem: PositionProblem };

/**
 * One reading. `fresh` refuses a cached reading (check-in and check-out must say where the phone is now); the
 * list accepts one up to five minutes old. High accuracy asks for satellite fixes where the phone has them.
 */
export function currentPosition({ fresh, timeoutMs = 20_000 }: { fresh: boolean; timeoutMs?: number }): Promise<PositionResult> {
  if (!('geolocation' in navigator)) return Promise.resolve({ ok: false, problem: 'UNSUPPORTED' });
  return new Promise((resolve) => {
    // The browser's timeout starts only once the permission is given: a question left unanswered would otherwise
    // keep the button waiting for ever.
    const guard = setTimeout(() => resolve({ ok: false, problem: 'TIMEOUT' }), timeoutMs + 15_000);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        clearTimeout(guard);
        resolve({ ok: true, at: p.timestamp, position: { lat: p.coords.latitude, lng: p.coords.longitude, accuracy: Math.round(p.coords.accuracy * 10) / 10 } });
      },
      (e) => {
        clearTimeout(guard);
        resolve({ ok: false, problem: e.code === e.PERMISSION_DENIED ? 'DENIED' : e.code === e.TIMEOUT ? 'TIMEOUT' : 'UNAVAILABLE' });
      },
      { enableHighAccuracy: true, maximumAge: fresh ? 0 : 300_000, timeout: timeoutMs },
    );
  });
}
