// Builders of valid inputs; tests change only what they are about.
import { randomUUID } from 'node:crypto';
import { residentIdCheckChar } from '../../server/src/shared/identifiers.ts';

let seq = 100;

/** A valid resident ID number, distinct on every call. */
export function residentId(opts: { division?: string; birth?: string; male?: boolean } = {}): string {
  const n = seq++ % 500;
  const s = n * 2 + (opts.male === false ? 0 : 1);
  const first17 = (opts.division ?? '370203') + (opts.birth ?? '19420715') + String(s).padStart(3, '0');
  return first17 + residentIdCheckChar(first17);
}

/** A village of the seeded demo city. */
export const DEMO_VILLAGE = '370202001001';

export function personInput(over: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    name: '测试人',
    idNumber: residentId(),
    phone: '13912345678',
    insuranceType: 'RESIDENT',
    insuredSince: '2015-01-01',
    address: '东海路社区海口路8号',
    longitude: 120.395,
    latitude: 36.062,
    regionCode: DEMO_VILLAGE,
    emergencyContactName: '测试亲属',
    emergencyContactRelation: '女儿',
    emergencyContactPhone: '13812345678',
    ...over,
  };
}
