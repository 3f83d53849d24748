// Demo providers: the catalogue, a dozen agencies of all kinds, contracts in every state with price
// schedules (some with two versions), about 150 caregivers, two quarters of evaluations and violations.
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Agency, type AgencyKind } from '../server/src/identity/org.entity.ts';
import { User } from '../server/src/identity/user.entity.ts';
import { CatalogueItem, Caregiver, Contract, Employment, Evaluation, PriceSchedule, Violation } from '../server/src/providers/providers.entity.ts';
import { DEMO_CATALOGUE, type CareForm } from '../server/src/providers/catalogue.ts';
import { creditCodeCheckChar } from '../server/src/shared/identifiers.ts';
import { DEFAULT_SHEET, evaluate, type CaregiverQualification, type ContractState } from '../server/src/providers/providers.rules.ts';
import { localDate } from '../server/src/shared/clock.ts';
import { addDays, addMonths } from '../server/src/shared/dates.ts';
import { makeResidentId, prng } from './demo-people.ts';
import { DEMO_AGENCIES } from './demo-users.ts';

const code = (first17: string) => first17 + creditCodeCheckChar(first17);

const MORE_AGENCIES: { name: string; kind: AgencyKind; district: string; beds?: number }[] = [
  { name: '青岛康宁护理院', kind: 'INSTITUTION', district: '370202', beds: 120 },
  { name: '青岛市北区颐和养老中心', kind: 'INSTITUTION', district: '370203', beds: 200 },
  { name: '青岛崂山区社区卫生服务中心', kind: 'MEDICAL', district: '370212', beds: 40 },
  { name: '青岛仁爱医院长期护理病区', kind: 'MEDICAL', district: '370202', beds: 60 },
  { name: '青岛安康居家照护服务社', kind: 'HOME_CARE', district: '370203' },
  { name: '青岛海韵综合养老服务中心', kind: 'MIXED', district: '370212', beds: 80 },
  { name: '青岛福苑居家护理服务有限公司', kind: 'HOME_CARE', district: '370202' },
  { name: '青岛金色年华护理服务中心', kind: 'MIXED', district: '370203', beds: 50 },
  { name: '青岛崂山颐养院', kind: 'INSTITUTION', district: '370212', beds: 150 },
  { name: '青岛同心家护服务有限公司', kind: 'HOME_CARE', district: '370212' },
];

const FORMS: Record<AgencyKind, CareForm[]> = {
  HOME_CARE: ['HOME', 'FAMILY', 'DEVICE'],
  INSTITUTION: ['INSTITUTION'],
  MEDICAL: ['HOSPITAL'],
  MIXED: ['HOME', 'INSTITUTION', 'FAMILY', 'DEVICE'],
};

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '胡', '郭'];
const GIVEN = ['丽', '敏', '静', '芳', '娟', '霞', '红', '燕', '军', '伟', '强', '磊', '艳', '梅', '玲'];

export async function seedDemoProviders(em: EntityManager, poolingArea: string): Promise<void> {
  const today = localDate(new Date());
  const officer = await em.findOneOrFail(User, { username: 'officer' });
  for (const item of DEMO_CATALOGUE) em.create(CatalogueItem, { id: randomUUID(), poolingArea, effectiveFrom: '2025-01-01', ...item });

  const existing = await em.find(Agency, { id: { $in: DEMO_AGENCIES.map((a) => a.id) } });
  const agencies: Agency[] = [];
  for (const [i, a] of existing.entries()) {
    Object.assign(a, { kind: 'HOME_CARE', address: `青岛市${DEMO_AGENCIES[i]!.district === '370202' ? '市南区香港中路' : '市北区台东一路'}${10 + i}号`, serviceArea: [DEMO_AGENCIES[i]!.district], legalRepresentative: i === 0 ? '赵建华' : '孙立平', contactName: i === 0 ? '赵院长' : '孙主任', contactPhone: `1390532${String(1000 + i).padStart(4, '0')}`, bankName: '中国工商银行青岛分行', bankAccount: `380301${String(1234567890123 + i)}` });
    agencies.push(a);
  }
  for (const [i, a] of MORE_AGENCIES.entries()) {
    agencies.push(
      em.create(Agency, {
        id: randomUUID(),
        poolingArea,
        name: a.name,
        creditCode: code(`91${a.district}MA3D${String(10 + i).padStart(2, '0')}K2`.slice(0, 17).padEnd(17, '8')),
        kind: a.kind,
        address: `青岛市${a.district === '370202' ? '市南区' : a.district === '370203' ? '市北区' : '崂山区'}${['南京路', '延吉路', '香港东路', '宁夏路', '辽阳西路'][i % 5]}${20 + i * 3}号`,
        serviceArea: [a.district],
        beds: a.beds ?? null,
        legalRepresentative: SURNAMES[i]! + '建国',
        contactName: SURNAMES[i + 3]! + '经理',
        contactPhone: `1396421${String(2000 + i).padStart(4, '0')}`,
        bankName: '青岛银行',
        bankAccount: `80212${String(9876543210 + i * 7)}`,
      }),
    );
  }

  // Contracts: the first eight are in force; the rest show every other state.
  const prices = (factor: number) => Object.fromEntries(DEMO_CATALOGUE.map((i) => [i.code, Math.round(i.defaultPriceFen * factor)]));
  const dayRates = (forms: CareForm[]) => ({
    ...(forms.includes('INSTITUTION') ? { INSTITUTION: { 3: 6000, 4: 7000, 5: 8000 } } : {}),
    ...(forms.includes('HOSPITAL') ? { HOSPITAL: { 3: 15000, 4: 15000, 5: 15000 } } : {}),
  });
  const plan: { state: ContractState; start: string; end: string; suspended?: [string, string | null]; reason?: string }[] = [
    ...Array.from({ length: 8 }, (_, i) => ({ state: 'APPROVED' as const, start: '2025-01-01', end: i < 2 ? addDays(today, 40 + i * 10) : '2027-12-31' })),
    { state: 'SUSPENDED', start: '2025-01-01', end: '2027-12-31', suspended: [addDays(today, -10), addDays(today, 20)], reason: '服务记录造假，暂停协议整改' },
    { state: 'SUBMITTED', start: addDays(today, 10), end: '2028-12-31' },
    { state: 'DRAFT', start: addDays(today, 30), end: '2028-12-31' },
    { state: 'TERMINATED', start: '2024-01-01', end: '2026-12-31', reason: '严重违规，解除协议' },
  ];
  const contracts: Contract[] = [];
  for (const [i, p] of plan.entries()) {
    const agency = agencies[i]!;
    const c = em.create(Contract, { id: randomUUID(), poolingArea, agency, careForms: FORMS[agency.kind], startDate: p.start, endDate: p.end, state: p.state, suspendedFrom: p.suspended?.[0] ?? null, suspendedUntil: p.suspended?.[1] ?? null, stateReason: p.reason ?? null });
    contracts.push(c);
    if (p.state !== 'DRAFT') em.create(PriceSchedule, { id: randomUUID(), poolingArea, contract: c, effectiveFrom: p.start, itemPrices: prices(1), dayRates: dayRates(c.careForms), createdBy: officer });
    // A price change this year for the first three: earlier visits keep the old prices.
    if (i < 3) em.create(PriceSchedule, { id: randomUUID(), poolingArea, contract: c, effectiveFrom: '2026-07-01', itemPrices: prices(0.95), dayRates: dayRates(c.careForms), createdBy: officer });
  }
  // An expired contract of the first agency, a rejected application and a renewal of an expiring one.
  em.create(Contract, { id: randomUUID(), poolingArea, agency: agencies[0]!, careForms: ['HOME'], startDate: '2022-01-01', endDate: '2024-12-31', state: 'APPROVED' });
  em.create(Contract, { id: randomUUID(), poolingArea, agency: agencies[11]!, careForms: ['HOME'], startDate: '2027-01-01', endDate: '2029-12-31', state: 'REJECTED', stateReason: '护理员资质材料不全' });
  em.create(Contract, { id: randomUUID(), poolingArea, agency: agencies[0]!, careForms: ['HOME', 'DEVICE'], startDate: addDays(contracts[0]!.endDate, 1), endDate: addMonths(contracts[0]!.endDate, 36), state: 'DRAFT', renewalOf: contracts[0]! });

  // About 150 caregivers, a few with certificates expired or about to expire.
  const rand = prng(150);
  let n = 0;
  // The demo caregiver user signs in as the first agency's first caregiver (a nurse: any item of a plan).
  const caregiverUser = await em.findOne(User, { username: 'caregiver' });
  for (const [ai, agency] of agencies.entries()) {
    const count = agency.kind === 'INSTITUTION' || agency.kind === 'MIXED' ? 16 : 10;
    for (let k = 0; k < count; k++) {
      const q: CaregiverQualification = k % 7 === 0 ? 'NURSE' : k % 4 === 0 ? 'MEDICAL_CAREGIVER' : 'ELDERLY_CARE';
      const female = rand() < 0.85;
      const birth = `${1965 + Math.floor(rand() * 30)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
      const expiry = n % 23 === 0 ? addDays(today, -5) : n % 17 === 0 || n === 3 ? addDays(today, 30) : `${2027 + (n % 3)}-06-30`;
      const c = em.create(Caregiver, {
        id: randomUUID(),
        poolingArea,
        agency,
        // The demo caregiver's record bears her sign-in's name.
        name: ((n) => (ai === 0 && k === 7 && caregiverUser ? caregiverUser.displayName : n))(SURNAMES[Math.floor(rand() * SURNAMES.length)]! + GIVEN[Math.floor(rand() * GIVEN.length)]! + (rand() < 0.5 ? GIVEN[Math.floor(rand() * GIVEN.length)]! : '')),
        idNumber: makeResidentId('370203', birth, 400 + n, female ? 'FEMALE' : 'MALE'),
        birthDate: birth,
        sex: female ? 'FEMALE' : 'MALE',
        qualification: q,
        level: q === 'ELDERLY_CARE' ? 1 + Math.floor(rand() * 5) : null,
        certificateNo: `QD${q === 'NURSE' ? 'HS' : 'HL'}${String(202100 + n)}`,
        certificateExpiry: expiry,
        licenceNo: q === 'NURSE' ? `11037020${String(100000 + n)}` : null,
        trainingHours: 40 + Math.floor(rand() * 120),
        phone: `135${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`,
        user: ai === 0 && k === 7 ? caregiverUser : null,
      });
      em.create(Employment, { id: randomUUID(), poolingArea, caregiver: c, agency, from: '2025-01-01' });
      n++;
      void ai;
    }
  }

  // Violations and two quarters of evaluations for the agencies in force.
  const violations = [
    { agency: 2, date: '2026-05-12', rule: 'R03 服务时长不足', recoverFen: 12000, penaltyFen: 5000, action: 'WARNING' as const },
    { agency: 3, date: '2026-08-20', rule: 'R07 定位偏离居住地址', recoverFen: 8600, penaltyFen: 0, action: 'RECTIFICATION' as const },
    { agency: 8, date: addDays(today, -12), rule: 'R10 伪造参保人确认', recoverFen: 56000, penaltyFen: 100000, action: 'SUSPENSION' as const, suspendedFrom: addDays(today, -10), suspendedUntil: addDays(today, 20) },
  ];
  for (const v of violations) em.create(Violation, { id: randomUUID(), poolingArea, ...v, agency: agencies[v.agency]!, recordedBy: officer });
  for (const quarter of ['2026Q2', '2026Q3']) {
    for (let i = 0; i < 8; i++) {
      const base = 0.7 + ((i * 7 + (quarter === '2026Q3' ? 3 : 0)) % 10) / 33;
      const scores = Object.fromEntries(DEFAULT_SHEET.criteria.map((c) => [c.code, Math.min(c.weight, Math.round(c.weight * base))]));
      const r = evaluate(scores);
      const vs = violations.filter((v) => v.agency === i && v.date >= (quarter === '2026Q2' ? '2026-04-01' : '2026-07-01') && v.date <= (quarter === '2026Q2' ? '2026-06-30' : '2026-09-30'));
      em.create(Evaluation, { id: randomUUID(), poolingArea, agency: agencies[i]!, quarter, scores, ...r, violationCount: vs.length, penaltyFen: vs.reduce((s, v) => s + v.penaltyFen, 0), evaluatedBy: officer });
    }
  }
  await em.flush();
}
