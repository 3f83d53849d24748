// The form's values and their translation to the API's inputs. Rules are the server's: nothing is checked here,
// so the server's field errors are the one source of truth and the form only shows them.
import type {
  CreateInsuredPersonInput,
  InsuranceType,
  PersonDetailFieldsFragment,
  Sex,
  UpdateInsuredPersonInput,
} from '../../lib/gql/graphql';

export interface PersonFormValues {
  name: string;
  /** On edit, '' keeps the stored number (the client only ever sees it masked). */
  idNumber: string;
  birthDate: string;
  sex: Sex | '';
  phone: string;
  insuranceType: InsuranceType;
  insuredSince: string;
  regionCode: string;
  address: string;
  longitude: number | null;
  latitude: number | null;
  emergencyContactName: string;
  emergencyContactRelation: string;
  emergencyContactPhone: string;
}

/** Phone fields the server masks and, on update, would clear when omitted. */
export const PHONE_FIELDS = ['phone', 'emergencyContactPhone'] as const;
export type PhoneField = (typeof PHONE_FIELDS)[number];

export function emptyValues(): PersonFormValues {
  return {
    name: '',
    idNumber: '',
    birthDate: '',
    sex: '',
    phone: '',
    insuranceType: 'RESIDENT',
    insuredSince: '',
    regionCode: '',
    address: '',
    longitude: null,
    latitude: null,
    emergencyContactName: '',
    emergencyContactRelation: '',
    emergencyContactPhone: '',
  };
}

/**
 * Values to edit a stored person. Masked identifiers are not put into inputs: sent back, they would be
 * refused as malformed. Phones come in full to the roles that call people (`phonesMasked` false), and are
 * then prefilled like any other field. Birth date and sex stay empty because the server derives them from
 * the ID number.
 */
export function valuesFromPerson(p: PersonDetailFieldsFragment): PersonFormValues {
  return {
    ...emptyValues(),
    name: p.name,
    idNumber: p.masked ? '' : p.idNumber,
    phone: p.phonesMasked ? '' : (p.phone ?? ''),
    insuranceType: p.insuranceType,
    insuredSince: p.insuredSince,
    regionCode: p.regionCode,
    address: p.address,
    longitude: p.home?.longitude ?? null,
    latitude: p.home?.latitude ?? null,
    emergencyContactName: p.emergencyContact.name ?? '',
    emergencyContactRelation: p.emergencyContact.relation ?? '',
    emergencyContactPhone: p.phonesMasked ? '' : (p.emergencyContact.phone ?? ''),
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
// A cleared number input binds as null or undefined; NaN cannot come from a valid entry either.
const num = (n: number | null | undefined) => (typeof n === 'number' && Number.isFinite(n) ? n : null);

function common(v: PersonFormValues) {
  return {
    name: v.name.trim(),
    birthDate: orNull(v.birthDate),
    sex: v.sex === '' ? null : v.sex,
    phone: orNull(v.phone),
    insuranceType: v.insuranceType,
    insuredSince: v.insuredSince,
    regionCode: v.regionCode,
    address: v.address.trim(),
    longitude: num(v.longitude),
    latitude: num(v.latitude),
    emergencyContactName: orNull(v.emergencyContactName),
    emergencyContactRelation: orNull(v.emergencyContactRelation),
    emergencyContactPhone: orNull(v.emergencyContactPhone),
  };
}

export function toCreateInput(v: PersonFormValues, id: string): CreateInsuredPersonInput {
  return { id, idNumber: v.idNumber.trim(), ...common(v) };
}

export function toUpdateInput(v: PersonFormValues): UpdateInsuredPersonInput {
  const idNumber = v.idNumber.trim();
  return { ...common(v), ...(idNumber === '' ? {} : { idNumber }) };
}

/** Masked phones the stored record has that this update would clear, because the user did not retype them. */
export function phonesToBeCleared(stored: PersonDetailFieldsFragment, v: PersonFormValues): PhoneField[] {
  if (!stored.phonesMasked) return [];
  const had: Record<PhoneField, string | null | undefined> = { phone: stored.phone, emergencyContactPhone: stored.emergencyContact.phone };
  return PHONE_FIELDS.filter((f) => !!had[f] && v[f].trim() === '');
}
