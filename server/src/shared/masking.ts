// The one masking function for personal identifiers, used by the API and the logs alike.

/** `330102199001011234` → `330102**********34`: keep the first 6 and the last 2 characters. */
export function maskIdNumber(id: string): string {
  if (id.length <= 8) return '*'.repeat(id.length);
  return id.slice(0, 6) + '*'.repeat(id.length - 8) + id.slice(-2);
}

/** `13812345678` → `138****5678`. */
export function maskPhone(phone: string): string {
  const digits = phone.trim();
  if (digits.length < 7) return '*'.repeat(digits.length);
  return digits.slice(0, 3) + '*'.repeat(digits.length - 7) + digits.slice(-4);
}

/** Keys whose values never reach a log line in full. */
export const SENSITIVE_LOG_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  '*.idNumber',
  '*.phone',
  '*.password',
  'variables',
];
