// Words for a contract's CONFLICT: the server names the stored state the contract is in now (another officer,
// or another tab, has usually just acted on it).
import type { Problem } from '../../lib/graphql/errors';
import type { Translate } from '../../lib/i18n/problems';

export function contractConflictDetails(t: Translate, p: Problem | null): string[] {
  if (!p || p.code !== 'CONFLICT' || !p.state) return [];
  return [t('providers.conflict.currentState', { values: { state: t(`enum.contractState.${p.state}`, { default: p.state }) } })];
}
