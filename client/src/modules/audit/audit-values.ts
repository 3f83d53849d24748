// Words for what the audit trail stores: field names, enum values, grants and instants, in the viewer's language.
import type { Translate } from '../../lib/i18n/problems';
import { formatDateTime } from '../../lib/format';

/** Whose status a `status` field holds: each entity has its own states. */
const STATUS_ENUM: Record<string, string> = {
  User: 'enum.userStatus',
  AssessmentApplication: 'enum.applicationState',
  AssessmentTask: 'enum.taskState',
  Conclusion: 'enum.conclusionState',
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function fieldLabel(t: Translate, field: string): string {
  return t(`audit.field.${field}`, { default: field });
}

/** A grant as the trail keeps it, e.g. `FUND_OFFICER@3702` or `AGENCY_ADMIN@agency:<id>`. */
function grantText(t: Translate, grant: string): string {
  const [role, ...scope] = grant.split('@');
  const name = t(`enum.role.${role}`, { default: role ?? grant });
  return scope.length ? `${name} @ ${scope.join('@')}` : name;
}

export function valueText(t: Translate, language: string, entity: string, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('common.empty');
  if (Array.isArray(value)) {
    if (value.length === 0) return t('common.empty');
    return value.map((v) => (field === 'grants' && typeof v === 'string' ? grantText(t, v) : valueText(t, language, entity, field, v))).join(t('common.listSeparator'));
  }
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (typeof value === 'string') {
    if (field === 'status') return t(`${STATUS_ENUM[entity] ?? 'enum.status'}.${value}`, { default: value });
    if (field === 'insuranceType') return t(`enum.insuranceType.${value}`, { default: value });
    if (field === 'reason') return t(`audit.reason.${value}`, { default: value });
    if (ISO_INSTANT.test(value)) return `${formatDateTime(value, language, { seconds: true })} ${t('time.zoneNote')}`;
    return value;
  }
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}
