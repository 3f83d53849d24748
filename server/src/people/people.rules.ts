// Pure rules for insured persons: facts and `today` in, a normalised record or field errors out.
import { isCalendarDate, isPhoneNumber, parseResidentId } from '../shared/identifiers.ts';
import { FieldErrors } from '../shared/errors.ts';
import type { RegionLevel } from '../shared/identifiers.ts';
import type { InsuranceType, PersonStatus, Sex } from './insured-person.entity.ts';

export interface PersonInput {
  name: string;
  idNumber: string;
  /** Optional; when given must agree with the ID number. */
  birthDate?: string | null;
  sex?: Sex | null;
  phone?: string | null;
  insuranceType: InsuranceType;
  insuredSince: string;
  address: string;
  longitude?: number | null;
  latitude?: number | null;
  regionCode: string;
  emergencyContactName?: string | null;
  emergencyContactRelation?: string | null;
  emergencyContactPhone?: string | null;
}

export interface PersonRecord {
  name: string;
  idNumber: string;
  birthDate: string;
  sex: Sex;
  phone: string | null;
  insuranceType: InsuranceType;
  insuredSince: string;
  address: string;
  longitude: number | null;
  latitude: number | null;
  regionCode: string;
  poolingArea: string;
  emergencyContactName: string | null;
  emergencyContactRelation: string | null;
  emergencyContactPhone: string | null;
}

export interface RegionFact {
  code: string;
  level: RegionLevel;
  poolingArea: string;
}


/** Homes of the insured lie in mainland China: a generous WGS-84 bounding box. */
export const CHINA_BOUNDS = { minLng: 73.4, maxLng: 135.1, minLat: 3.8, maxLat: 53.6 } as const;

export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return !!m && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

const blankToNull = (v: string | null | undefined) => (v == null || v.trim() === '' ? null : v.trim());

/**
 * Checks a create/update input. `region` is the region named by `regionCode`, or null when it does not exist.
 * Throws InputError naming every offending field; returns the record to store.
 */
export function checkPersonInput(input: PersonInput, facts: { today: string; region: RegionFact | null }): PersonRecord {
  const errors = new FieldErrors('input');
  const name = input.name.trim();
  if (name.length < 1 || name.length > 50) errors.add('name', 'LENGTH', 'A name has 1 to 50 characters');

  const id = parseResidentId(input.idNumber, facts.today);
  if (!id.ok) errors.add('idNumber', id.reason, id.message);
  if (id.ok && input.birthDate && input.birthDate !== id.value.birthDate) {
    errors.add('birthDate', 'MISMATCH', 'The birth date does not agree with the ID number');
  }
  if (id.ok && input.sex && input.sex !== id.value.sex) errors.add('sex', 'MISMATCH', 'The sex does not agree with the ID number');

  const phone = blankToNull(input.phone);
  if (phone && !isPhoneNumber(phone)) errors.add('phone', 'FORMAT', 'Not a mainland mobile or landline number');
  const ecPhone = blankToNull(input.emergencyContactPhone);
  if (ecPhone && !isPhoneNumber(ecPhone)) errors.add('emergencyContactPhone', 'FORMAT', 'Not a mainland mobile or landline number');
  const ecName = blankToNull(input.emergencyContactName);
  if (ecName && ecName.length > 50) errors.add('emergencyContactName', 'LENGTH', 'At most 50 characters');
  const ecRelation = blankToNull(input.emergencyContactRelation);
  if (ecRelation && ecRelation.length > 20) errors.add('emergencyContactRelation', 'LENGTH', 'At most 20 characters');

  if (!isIsoDate(input.insuredSince)) errors.add('insuredSince', 'DATE', 'Not a calendar date (YYYY-MM-DD)');
  else if (input.insuredSince > facts.today) errors.add('insuredSince', 'FUTURE', 'Cannot lie in the future');
  else if (id.ok && input.insuredSince < id.value.birthDate) errors.add('insuredSince', 'BEFORE_BIRTH', 'Cannot precede the birth date');

  const address = input.address.trim();
  if (address.length < 1 || address.length > 200) errors.add('address', 'LENGTH', 'An address has 1 to 200 characters');

  const lng = input.longitude ?? null;
  const lat = input.latitude ?? null;
  if ((lng === null) !== (lat === null)) {
    errors.add(lng === null ? 'longitude' : 'latitude', 'INCOMPLETE', 'Give both longitude and latitude, or neither');
  } else if (lng !== null && lat !== null) {
    const b = CHINA_BOUNDS;
    if (!Number.isFinite(lng) || lng < b.minLng || lng > b.maxLng) errors.add('longitude', 'OUT_OF_RANGE', `Longitude must lie between ${b.minLng} and ${b.maxLng} (WGS-84)`);
    if (!Number.isFinite(lat) || lat < b.minLat || lat > b.maxLat) errors.add('latitude', 'OUT_OF_RANGE', `Latitude must lie between ${b.minLat} and ${b.maxLat} (WGS-84)`);
  }

  if (!facts.region) errors.add('regionCode', 'UNKNOWN_REGION', 'No such region');
  else if (facts.region.level !== 'VILLAGE') errors.add('regionCode', 'REGION_LEVEL', 'Choose a village or community');

  errors.throwIfAny();
  const idv = (id as Extract<typeof id, { ok: true }>).value;
  return {
    name,
    idNumber: idv.idNumber,
    birthDate: idv.birthDate,
    sex: idv.sex,
    phone,
    insuranceType: input.insuranceType,
    insuredSince: input.insuredSince,
    address,
    longitude: lng,
    latitude: lat,
    regionCode: facts.region!.code,
    poolingArea: facts.region!.poolingArea,
    emergencyContactName: ecName,
    emergencyContactRelation: ecRelation,
    emergencyContactPhone: ecPhone,
  };
}

/** Recording a death: the person must not already be deceased; the date lies between birth and today. */
export function checkDeath(person: { status: PersonStatus; birthDate: string }, dateOfDeath: string, today: string): void {
  const errors = new FieldErrors('input');
  if (!isIsoDate(dateOfDeath)) errors.add('dateOfDeath', 'DATE', 'Not a calendar date (YYYY-MM-DD)');
  else if (dateOfDeath > today) errors.add('dateOfDeath', 'FUTURE', 'Cannot lie in the future');
  else if (dateOfDeath < person.birthDate) errors.add('dateOfDeath', 'BEFORE_BIRTH', 'Cannot precede the birth date');
  errors.throwIfAny();
}

/** A search term that is a whole ID number matches exactly; anything else matches names. */
export function classifySearch(term: string): { kind: 'idNumber'; value: string } | { kind: 'name'; value: string } | null {
  const t = term.trim();
  if (t === '') return null;
  if (/^\d{17}[\dXx]$/.test(t)) return { kind: 'idNumber', value: t.toUpperCase() };
  return { kind: 'name', value: t };
}
