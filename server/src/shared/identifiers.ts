// Identifiers the system validates: resident ID (GB 11643-1999), unified social credit code
// (GB 32100-2015) and administrative division codes. Pure functions: facts and `today` in, results out.

export type IdRejection = 'LENGTH' | 'FORMAT' | 'BIRTH_DATE' | 'CHECK_DIGIT';

export interface ResidentIdFacts {
  /** Normalised: upper-case X. */
  idNumber: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: 'MALE' | 'FEMALE';
  /** 6-digit division code of first registration. */
  divisionCode: string;
}

export type Checked<T, R extends string> = { ok: true; value: T } | { ok: false; reason: R; message: string };

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK = '10X98765432';

export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

/** Is `y-m-d` a real calendar date? */
export function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/**
 * Validates an 18-character resident ID number and derives birth date and sex.
 * `today` (YYYY-MM-DD, Asia/Shanghai) bounds the birth date: it may not lie in the future.
 */
export function parseResidentId(input: string, today: string): Checked<ResidentIdFacts, IdRejection> {
  const id = input.trim().toUpperCase();
  if (id.length !== 18) return { ok: false, reason: 'LENGTH', message: 'A resident ID number has 18 characters' };
  if (!/^\d{17}[\dX]$/.test(id)) {
    return { ok: false, reason: 'FORMAT', message: 'Positions 1–17 must be digits and the last a digit or X' };
  }
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birthDate = id.slice(6, 10) + '-' + id.slice(10, 12) + '-' + id.slice(12, 14);
  if (y < 1880 || !isCalendarDate(y, m, d) || birthDate > today) {
    return { ok: false, reason: 'BIRTH_DATE', message: 'The birth date in the number is impossible or in the future' };
  }
  if (residentIdCheckChar(id) !== id[17]) {
    return { ok: false, reason: 'CHECK_DIGIT', message: 'The check character does not match' };
  }
  const sex = Number(id[16]) % 2 === 1 ? 'MALE' : 'FEMALE';
  return { ok: true, value: { idNumber: id, birthDate, sex, divisionCode: id.slice(0, 6) } };
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17[i]!) * USCC_WEIGHTS[i]!;
  const c = 31 - (sum % 31);
  return USCC_CHARS[c === 31 ? 0 : c]!;
}

/** Validates a unified social credit code; returns it upper-cased. */
export function parseCreditCode(input: string): Checked<string, Exclude<IdRejection, 'BIRTH_DATE'>> {
  const code = input.trim().toUpperCase();
  if (code.length !== 18) return { ok: false, reason: 'LENGTH', message: 'A unified social credit code has 18 characters' };
  for (const ch of code) {
    if (!USCC_CHARS.includes(ch)) {
      return { ok: false, reason: 'FORMAT', message: `"${ch}" is not allowed in a unified social credit code` };
    }
  }
  if (creditCodeCheckChar(code) !== code[17]) {
    return { ok: false, reason: 'CHECK_DIGIT', message: 'The check character does not match' };
  }
  return { ok: true, value: code };
}

export type RegionLevel = 'CITY' | 'DISTRICT' | 'TOWN' | 'VILLAGE';

/** Digits of a region code per level (province 2, city 4, district/county 6, town 9, village 12). */
export const REGION_CODE_LENGTH: Record<RegionLevel, number> = { CITY: 4, DISTRICT: 6, TOWN: 9, VILLAGE: 12 };

export function regionLevelOfCode(code: string): RegionLevel | null {
  if (!/^\d+$/.test(code)) return null;
  const found = (Object.keys(REGION_CODE_LENGTH) as RegionLevel[]).find((l) => REGION_CODE_LENGTH[l] === code.length);
  return found ?? null;
}

/** A region's code must extend its parent's code and have its level's length. */
export function isValidChildRegionCode(code: string, level: RegionLevel, parentCode: string | null): boolean {
  if (!/^\d+$/.test(code) || code.length !== REGION_CODE_LENGTH[level]) return false;
  return parentCode === null ? level === 'CITY' : code.startsWith(parentCode) && code.length > parentCode.length;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** A client-supplied id: a UUID (versions 1–8). */
export const isUuid = (id: string | null | undefined): id is string => !!id && UUID.test(id);

/** Mainland mobile numbers and landlines with area code. */
export const isPhoneNumber = (phone: string) => /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/.test(phone);
