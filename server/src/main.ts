// Entry point of `npm start`.
import { startServer } from './app/server.ts';

const running = await startServer();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    running.log.info({ signal }, 'shutting down');
    running.stop().then(
      () => process.exit(0),
      (err) => {
        running.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
