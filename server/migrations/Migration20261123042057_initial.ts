import { Migration } from '@mikro-orm/migrations';

export class Migration20261123042057_initial extends Migration {

  override name = 'Migration20261123042057_initial';

  override up(): void | Promise<void> {
    // Trigram search on names (trusted extension: the database owner may create it).
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create type "region_level" as enum ('CITY', 'DISTRICT', 'TOWN', 'VILLAGE');`);
    this.addSql(`create type "sex" as enum ('MALE', 'FEMALE');`);
    this.addSql(`create type "insurance_type" as enum ('EMPLOYEE', 'RESIDENT');`);
    this.addSql(`create type "person_status" as enum ('ACTIVE', 'SUSPENDED', 'DECEASED');`);
    this.addSql(`create table "region" ("code" varchar(12) not null, "name" varchar(60) not null, "level" "region_level" not null, "parent_code" varchar(12) null, "pooling_area" varchar(12) not null, "created_at" timestamptz not null default now(), primary key ("code"));`);
    this.addSql(`create index "region_pooling_area_index" on "region" ("pooling_area");`);
    this.addSql(`create index region_code_prefix_idx on region (code text_pattern_ops);`);

    this.addSql(`create table "insured_person" ("id" uuid not null, "pooling_area" varchar(12) not null, "name" varchar(50) not null, "id_number" varchar(18) not null, "birth_date" date not null, "sex" "sex" not null, "phone" varchar(20) null, "insurance_type" "insurance_type" not null, "insured_since" date not null, "status" "person_status" not null default 'ACTIVE', "date_of_death" date null, "address" varchar(200) not null, "longitude" double precision null, "latitude" double precision null, "region_code" varchar(12) not null, "emergency_contact_name" varchar(50) null, "emergency_contact_relation" varchar(20) null, "emergency_contact_phone" varchar(20) null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`create index "insured_person_area_name_idx" on "insured_person" ("pooling_area", "name", "id");`);
    this.addSql(`create index insured_person_region_idx on insured_person (region_code text_pattern_ops, name, id);`);
    this.addSql(`create index insured_person_name_trgm_idx on insured_person using gin (name gin_trgm_ops);`);
    this.addSql(`alter table "insured_person" add constraint "insured_person_area_id_number_key" unique ("pooling_area", "id_number");`);

    this.addSql(`alter table "region" add constraint "region_parent_code_foreign" foreign key ("parent_code") references "region" ("code") on delete restrict;`);

    this.addSql(`alter table "insured_person" add constraint "insured_person_region_code_foreign" foreign key ("region_code") references "region" ("code") on delete restrict;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "region" drop constraint "region_parent_code_foreign";`);
    this.addSql(`alter table "insured_person" drop constraint "insured_person_region_code_foreign";`);

    this.addSql(`drop table if exists "region" cascade;`);
    this.addSql(`drop table if exists "insured_person" cascade;`);

    this.addSql(`drop type "region_level";`);
    this.addSql(`drop type "sex";`);
    this.addSql(`drop type "insurance_type";`);
    this.addSql(`drop type "person_status";`);
  }

}
