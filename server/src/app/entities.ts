// Every entity of every module, registered with MikroORM explicitly (no folder scanning).
import { Region } from '../regions/region.entity.ts';
import { InsuredPerson } from '../people/insured-person.entity.ts';

export const entities = [Region, InsuredPerson];
