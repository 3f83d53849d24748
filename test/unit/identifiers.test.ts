import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, isValidChildRegionCode, parseCreditCode, parseResidentId, regionLevelOfCode, residentIdCheckChar } from '../../server/src/shared/identifiers.ts';
import { maskIdNumber, maskPhone } from '../../server/src/shared/masking.ts';

const TODAY = '2026-11-23';
const withCheck = (first17: string) => first17 + residentIdCheckChar(first17);

describe('resident ID numbers (GB 11643-1999)', () => {
  it('accepts a valid number and derives birth date and sex', () => {
    const id = withCheck('37020219450312001'); // sequence 001: odd, male
    const r = parseResidentId(id, TODAY);
    expect(r).toEqual({ ok: true, value: { idNumber: id, birthDate: '1945-03-12', sex: 'MALE', divisionCode: '370202' } });
  });

  it('derives female from an even sequence digit', () => {
    const r = parseResidentId(withCheck('37020219450312002'), TODAY);
    expect(r.ok && r.value.sex).toBe('FEMALE');
  });

  it('computes the check character of a published example (11010519491231002X)', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(parseResidentId('11010519491231002X', TODAY).ok).toBe(true);
  });

  it('accepts a lower-case x and stores it upper-case', () => {
    const r = parseResidentId('11010519491231002x', TODAY);
    expect(r.ok && r.value.idNumber).toBe('11010519491231002X');
  });

  it('rejects a wrong check character', () => {
    expect(parseResidentId('110105194912310021', TODAY)).toMatchObject({ ok: false, reason: 'CHECK_DIGIT' });
  });

  it('rejects an impossible birth date', () => {
    expect(parseResidentId(withCheck('37020219450230001'), TODAY)).toMatchObject({ ok: false, reason: 'BIRTH_DATE' });
    expect(parseResidentId(withCheck('37020219451301001'), TODAY)).toMatchObject({ ok: false, reason: 'BIRTH_DATE' });
  });

  it('rejects a birth date in the future', () => {
    expect(parseResidentId(withCheck('37020220301201001'), TODAY)).toMatchObject({ ok: false, reason: 'BIRTH_DATE' });
  });

  it('rejects a wrong length', () => {
    expect(parseResidentId('3702021945031200', TODAY)).toMatchObject({ ok: false, reason: 'LENGTH' });
    expect(parseResidentId('3702021945031200111', TODAY)).toMatchObject({ ok: false, reason: 'LENGTH' });
  });

  it('rejects letters among the first 17 characters', () => {
    expect(parseResidentId('3702021945A312001X', TODAY)).toMatchObject({ ok: false, reason: 'FORMAT' });
  });

  it('accepts 29 February only in leap years', () => {
    expect(parseResidentId(withCheck('37020219480229001'), TODAY).ok).toBe(true);
    expect(parseResidentId(withCheck('37020219490229001'), TODAY)).toMatchObject({ ok: false, reason: 'BIRTH_DATE' });
  });
});

describe('unified social credit codes (GB 32100-2015)', () => {
  it('accepts the published code of the Changde medical-security affairs centre', () => {
    expect(parseCreditCode('1243070044643281X7')).toEqual({ ok: true, value: '1243070044643281X7' });
    expect(creditCodeCheckChar('1243070044643281X')).toBe('7');
  });

  it('rejects a wrong check character, a forbidden letter and a wrong length', () => {
    expect(parseCreditCode('1243070044643281X8')).toMatchObject({ ok: false, reason: 'CHECK_DIGIT' });
    expect(parseCreditCode('1243070044643281I7')).toMatchObject({ ok: false, reason: 'FORMAT' });
    expect(parseCreditCode('1243070044643281X')).toMatchObject({ ok: false, reason: 'LENGTH' });
  });
});

describe('region codes', () => {
  it('knows the level by length and requires a child to extend its parent', () => {
    expect(regionLevelOfCode('3702')).toBe('CITY');
    expect(regionLevelOfCode('370202001001')).toBe('VILLAGE');
    expect(regionLevelOfCode('37020')).toBeNull();
    expect(isValidChildRegionCode('370202', 'DISTRICT', '3702')).toBe(true);
    expect(isValidChildRegionCode('370302', 'DISTRICT', '3702')).toBe(false);
  });
});

describe('masking', () => {
  it('keeps the first 6 and the last 2 characters of an ID number', () => {
    expect(maskIdNumber('33010219900101121X')).toBe('330102**********1X');
  });
  it('keeps the first 3 and last 4 digits of a phone number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});
