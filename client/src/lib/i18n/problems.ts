// Words for server errors: a field error by (field, reason), then by reason alone, then the server's own message.
import type { FieldProblem, Problem } from '../graphql/errors';

export type Translate = (id: string, options?: { values?: Record<string, string | number>; default?: string }) => string;

export function fieldErrorText(t: Translate, e: FieldProblem): string {
  // List items share their words: `grants.0.agencyId` is looked up as `grants.agencyId`.
  const field = e.field.replace(/\.\d+(?=\.|$)/g, '');
  return t(`errors.field.${field}.${e.reason}`, { default: t(`errors.reason.${e.reason}`, { default: e.message }) });
}

export function problemText(t: Translate, p: Problem): string {
  if (p.code === 'CONFLICT' && p.reason) {
    return t(`errors.conflict.${p.reason}`, { default: t('errors.code.CONFLICT') });
  }
  return t(`errors.code.${p.code}`, { default: t('errors.code.UNKNOWN') });
}
