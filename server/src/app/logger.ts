import { pino, type Logger } from 'pino';
import { SENSITIVE_LOG_PATHS } from '../shared/masking.ts';

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { app: 'changhu' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: SENSITIVE_LOG_PATHS, censor: '[redacted]' },
  });
}
