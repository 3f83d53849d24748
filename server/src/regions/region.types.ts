import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { RegionLevel } from '../shared/identifiers.ts';

export enum RegionLevelEnum {
  CITY = 'CITY',
  DISTRICT = 'DISTRICT',
  TOWN = 'TOWN',
  VILLAGE = 'VILLAGE',
}
registerEnumType(RegionLevelEnum, {
  name: 'RegionLevel',
  description: 'City 市, district/county 区县, town/street 乡镇街道, village/community 村社区',
});

@ObjectType('Region', { description: 'An administrative region; its code extends its parent code.' })
export class RegionNode {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => RegionLevelEnum) level!: RegionLevel;
  @Field(() => String, { nullable: true }) parentCode!: string | null;
  @Field(() => String, { description: 'The pooling area (统筹区) the region belongs to.' }) poolingArea!: string;
}
