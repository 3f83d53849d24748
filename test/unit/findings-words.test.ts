// The visit desk's words and addresses: a finding's evidence as a supervisor reads it (with the Chinese catalogue),
// distances, times across midnight in Beijing, finding badges of a list row, the filters kept in the address, and
// the live socket's address.
import { describe, expect, it } from 'vitest';
import zh from '../../client/src/lib/i18n/zh-CN.json' with { type: 'json' };
import en from '../../client/src/lib/i18n/en.json' with { type: 'json' };
import { RULES, distanceText, evidenceLines, relatedVisitId, ruleName, type Translate } from '../../client/src/modules/findings/evidence.ts';
import { parseQueueQuery, queuePath } from '../../client/src/modules/findings/queue-query.ts';
import { socketUrl } from '../../client/src/modules/findings/live.ts';
import { findingBadges, itemsText, timeRange } from '../../client/src/modules/visits-desk/visit-words.ts';
import { filterOf, parseVisitsQuery, visitsPath } from '../../client/src/modules/visits-desk/visits-query.ts';

/** svelte-i18n's lookup and `{name}` placeholders over a catalogue, with its `default`. */
const translator =
  (catalogue: unknown): Translate =>
  (id, o = {}) => {
    const v = id.split('.').reduce<unknown>((x, k) => (x as Record<string, unknown> | undefined)?.[k], catalogue);
    if (typeof v !== 'string') return o.default ?? id;
    return v.replace(/\{(\w+)\}/g, (_, k: string) => String(o.values?.[k] ?? `{${k}}`));
  };
const t = translator(zh);
const texts = (rule: string, evidence: Record<string, unknown>, ctx = {}) => evidenceLines(t, { rule, evidence, summary: '' }, ctx).map((l) => l.text);

describe('a finding’s evidence in words', () => {
  it('R04: each position against the geofence, in metres or kilometres', () => {
    expect(texts('R04', { checkInMetres: 20, checkOutMetres: 1500, limitMetres: 300 })).toEqual([
      '签到位置距住址 20 米，在允许范围（300 米）内',
      '签退位置距住址 1.5 公里，超出允许范围（300 米）1.2 公里',
    ]);
    expect(texts('R04', { checkInMetres: null, checkOutMetres: 450, limitMetres: 300 })).toEqual(['签到：无定位', '签退位置距住址 450 米，超出允许范围（300 米）150 米']);
  });

  it('R04 on the phone: a missing position is said as such, unless a distance is over the limit', async () => {
    // Imported at run time: the phone's modules use the client's aliases, which the server's tsc does not resolve.
    const words = '../../client/src/modules/visits/words.ts';
    const { findingText } = (await import(words)) as { findingText: (t: Translate, f: { rule: string; evidence: Record<string, unknown>; summary: string }) => string };
    const phone = (evidence: Record<string, unknown>) => findingText(t, { rule: 'R04', evidence, summary: '' });
    expect(phone({ checkInMetres: null, checkOutMetres: 12, limitMetres: 300, missing: ['checkIn'] })).toBe('未记录签到位置，无法核对是否在住址');
    expect(phone({ checkInMetres: null, checkOutMetres: null, limitMetres: 300, missing: ['checkIn', 'checkOut'] })).toBe('未记录签到和签退位置，无法核对是否在住址');
    expect(phone({ checkInMetres: 850, checkOutMetres: null, limitMetres: 300, missing: ['checkOut'] })).toBe('签到位置距住址 850 米（允许 300 米）');
    expect(findingText(translator(en), { rule: 'R04', evidence: { checkInMetres: null, checkOutMetres: 5, limitMetres: 300, missing: ['checkIn'] }, summary: '' })).toBe(
      'Check-in position not recorded: presence at the home cannot be checked',
    );
  });

  it('R01 and R09 link the other visit; R09 gives km, minutes and speed against the area’s limit', () => {
    const r01 = evidenceLines(t, { rule: 'R01', evidence: { otherVisitId: 'v-2', overlapMinutes: 10 }, summary: '' });
    expect(r01).toEqual([{ text: '与另一条服务记录重叠 10 分钟', link: { href: '#/visits/v-2', label: '查看重叠的服务' } }]);
    expect(relatedVisitId({ rule: 'R01', evidence: { otherVisitId: 'v-2' } })).toBe('v-2');
    const r09 = evidenceLines(t, { rule: 'R09', evidence: { previousVisitId: 'v-1', km: 12.5, minutes: 5, kmh: 150 }, summary: '' }, { settings: { travelKmh: 60 } });
    expect(r09[0]!.text).toBe('距上一服务签退位置 12.5 公里，间隔仅 5 分钟，折合时速 150 公里（上限 60 公里/小时）');
    expect(r09[0]!.link?.href).toBe('#/visits/v-1');
    expect(texts('R09', { previousVisitId: 'v-1', km: 1, minutes: 0, kmh: null })[0]).toContain('几乎没有间隔');
  });

  it('R05 minutes against the standard; R06 item, allowed, used, excess; R10 hours late; R02, R03, R07, R08', () => {
    expect(texts('R05', { actualMinutes: 20, standardMinutes: 60, sharePercent: 80 })).toEqual(['实际服务 20 分钟；所做项目标准时长 60 分钟，不足标准的 80%（48 分钟）']);
    expect(texts('R06', { code: 'A07', allowed: 8, usedBefore: 8, quantity: 1, excess: 1 }, { itemName: (c: string) => (c === 'A07' ? '协助进食/水' : null) })).toEqual([
      'A07 协助进食/水：计划本月 8 次，此前已做 8 次，本次 1 次，超出 1 次',
    ]);
    expect(texts('R10', { hoursLate: 81, limitHours: 48 })).toEqual(['服务结束 81 小时后才录入，时限 48 小时，超时 33 小时']);
    expect(texts('R02', { admittedOn: '2026-05-02', dischargedOn: null })).toEqual(['服务日在住院期间：2026-05-02 入院，尚未出院']);
    expect(texts('R03', { dateOfDeath: '2026-05-02' })[0]).toContain('2026-05-02 死亡');
    expect(texts('R07', {})).toEqual(['未经参保人签字、刷卡或登记家属确认']);
    expect(texts('R08', { visitOfDay: 9, minutesSoFar: 610, maxVisits: 8, maxMinutes: 600 })).toEqual(['当日第 9 次服务（上限 8 次），当日累计 610 分钟（上限 600 分钟）']);
    // A rule the client does not know yet falls back on the server's one-line summary.
    expect(evidenceLines(t, { rule: 'R11', evidence: {}, summary: '新规则' })).toEqual([{ text: '新规则' }]);
  });

  it('every rule has a name in both languages', () => {
    for (const r of RULES) {
      expect(ruleName(t, r)).not.toBe(r);
      expect(ruleName(translator(en), r)).not.toBe(r);
    }
    expect(ruleName(t, 'R11', '某规则')).toBe('某规则');
  });

  it('distances', () => {
    expect(distanceText(t, 0)).toBe('0 米');
    expect(distanceText(t, 999.4)).toBe('999 米');
    expect(distanceText(t, 1000)).toBe('1 公里');
    expect(distanceText(t, 1249)).toBe('1.2 公里');
    expect(distanceText(t, 12_345)).toBe('12.3 公里');
    expect(distanceText(t, null)).toBe('—');
  });
});

describe('a visit in the list', () => {
  it('times in Beijing time, with +1 when the check-out falls on the next day', () => {
    // 23:30–00:30 in Shanghai on the last day of May.
    expect(timeRange({ day: '2026-05-31', checkInAt: '2026-05-31T15:30:00Z', checkOutAt: '2026-05-31T16:30:00Z' })).toEqual({ from: '23:30', to: '00:30', nextDay: true });
    expect(timeRange({ day: '2026-06-01', checkInAt: '2026-06-01T01:05:00Z', checkOutAt: null })).toEqual({ from: '09:05', to: null, nextDay: false });
  });

  it('one badge per rule, the most pressing status first, with a count', () => {
    const badges = findingBadges([
      { rule: 'R06', status: 'CONFIRMED', ruleName: 'x', action: 'DEDUCT' },
      { rule: 'R01', status: 'DISMISSED', ruleName: 'x', action: 'DEDUCT' },
      { rule: 'R01', status: 'OPEN', ruleName: 'x', action: 'DEDUCT' },
    ]);
    expect(badges.map((b) => [b.rule, b.status, b.count])).toEqual([
      ['R01', 'OPEN', 2],
      ['R06', 'CONFIRMED', 1],
    ]);
    expect(itemsText([{ code: 'A01', quantity: 2 }, { code: 'A07', quantity: 1 }], ' ')).toBe('A01×2 A07');
  });
});

describe('filters in the address', () => {
  it('the queue shows open findings unless told otherwise, and drops what it does not know', () => {
    expect(parseQueueQuery('')).toEqual({ status: 'OPEN', rule: '', agency: '', from: '', to: '', page: 1 });
    expect(parseQueueQuery('status=NOPE&rule=R99&from=2026-13&page=-2')).toMatchObject({ status: 'OPEN', rule: '', from: '', page: 1 });
    const q = parseQueueQuery('status=DISMISSED&rule=R04&agency=a-1&from=2026-05-01&to=2026-05-31&page=3');
    expect(parseQueueQuery(queuePath(q).split('?')[1])).toEqual(q);
    expect(queuePath({ status: 'OPEN', page: 1 })).toBe('/findings');
  });

  it('the visit list keeps its filters and cursor; an agency’s own list needs no agency', () => {
    const q = parseVisitsQuery('from=2026-05-01&to=2026-05-31&agency=a-1&caregiver=c-1&person=p-1&personName=%E5%BC%A0%E4%B8%89&status=DONE&findings=1&after=abc&page=2');
    expect(q).toMatchObject({ personName: '张三', status: 'DONE', findings: true, page: 2 });
    expect(parseVisitsQuery(visitsPath(q).split('?')[1])).toEqual(q);
    expect(filterOf(q, null)).toEqual({ agencyId: 'a-1', caregiverId: 'c-1', personId: 'p-1', from: '2026-05-01', to: '2026-05-31', status: 'DONE', withFindings: true });
    expect(filterOf(q, 'own').agencyId).toBeNull();
    expect(filterOf(parseVisitsQuery('status=LOST'), null)).toMatchObject({ status: null, withFindings: null });
  });

  it('the live socket is on the page’s own host, encrypted when the page is', () => {
    expect(socketUrl({ protocol: 'https:', host: 'changhu.example:8443' })).toBe('wss://changhu.example:8443/graphql');
    expect(socketUrl({ protocol: 'http:', host: '127.0.0.1:4000' })).toBe('ws://127.0.0.1:4000/graphql');
  });
});
