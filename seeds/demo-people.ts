// Deterministic demo insured persons: valid resident IDs, plausible names, ages and homes.
import { residentIdCheckChar } from '../server/src/shared/identifiers.ts';
import type { InsuranceType, Sex } from '../server/src/people/insured-person.entity.ts';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗'];
const GIVEN_MALE = ['建国', '志强', '国华', '德明', '永康', '春生', '学文', '宝山', '振华', '文斌'];
const GIVEN_FEMALE = ['秀英', '桂兰', '玉珍', '凤英', '淑芬', '美兰', '秀珍', '丽华', '翠花', '玉梅'];
const RELATIONS = ['儿子', '女儿', '配偶', '儿媳', '女婿', '孙子'];
const STREETS = ['路', '街', '巷'];

/** A small deterministic pseudo-random sequence (mulberry32), so every seed run gives the same people. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoPerson {
  name: string;
  idNumber: string;
  sex: Sex;
  birthDate: string;
  phone: string;
  insuranceType: InsuranceType;
  insuredSince: string;
  address: string;
  emergencyContactName: string;
  emergencyContactRelation: string;
  emergencyContactPhone: string;
}

export function makeResidentId(division: string, birth: string, seq: number, sex: Sex): string {
  const s = seq * 2 + (sex === 'MALE' ? 1 : 0);
  const first17 = division + birth.replaceAll('-', '') + String(s % 1000).padStart(3, '0');
  return first17 + residentIdCheckChar(first17);
}

export function demoPerson(rand: () => number, n: number, division: string, villageName: string): DemoPerson {
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const sex: Sex = rand() < 0.55 ? 'FEMALE' : 'MALE';
  const year = 1930 + Math.floor(rand() * 32);
  const month = 1 + Math.floor(rand() * 12);
  const day = 1 + Math.floor(rand() * 28);
  const birthDate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const surname = pick(SURNAMES);
  const mobile = () => '1' + pick(['3', '5', '8']) + String(Math.floor(rand() * 1e9)).padStart(9, '0');
  return {
    name: surname + pick(sex === 'MALE' ? GIVEN_MALE : GIVEN_FEMALE),
    idNumber: makeResidentId(division, birthDate, n, sex),
    sex,
    birthDate,
    phone: mobile(),
    insuranceType: rand() < 0.6 ? 'EMPLOYEE' : 'RESIDENT',
    insuredSince: `${2012 + Math.floor(rand() * 10)}-01-01`,
    address: `${villageName}${pick(['海口', '宁夏', '福山', '金门', '香港'])}${pick(STREETS)}${1 + Math.floor(rand() * 120)}号${1 + Math.floor(rand() * 6)}单元${101 + Math.floor(rand() * 5) * 100 + Math.floor(rand() * 3)}`,
    emergencyContactName: surname + pick([...GIVEN_MALE, ...GIVEN_FEMALE]),
    emergencyContactRelation: pick(RELATIONS),
    emergencyContactPhone: mobile(),
  };
}
