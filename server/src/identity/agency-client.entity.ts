import { OptionalProps } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Agency } from './org.entity.ts';
import { InsuredPerson } from '../people/insured-person.entity.ts';

/**
 * An insured person an agency serves, from a date until a date. Care plans write these when an agency
 * accepts a person; they decide which people an agency's staff may see.
 */
@Entity({ tableName: 'agency_client' })
@Index({ properties: ['agency', 'person'] })
export class AgencyClient {
  [OptionalProps]?: 'until';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'string', length: 12 })
  poolingArea!: string;

  @ManyToOne(() => Agency, { deleteRule: 'restrict' })
  agency!: Agency;

  @ManyToOne(() => InsuredPerson, { deleteRule: 'restrict' })
  @Index()
  person!: InsuredPerson;

  @Property({ type: 'date' })
  since!: string;

  @Property({ type: 'date', nullable: true })
  until: string | null = null;
}
