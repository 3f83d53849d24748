import { Migration } from '@mikro-orm/migrations';

export class Migration20261123064349_careplan extends Migration {

  override name = 'Migration20261123064349_careplan';

  override up(): void | Promise<void> {
    this.addSql(`create table "device_type" ("id" uuid not null, "pooling_area" varchar(12) not null, "code" varchar(20) not null, "name" varchar(40) not null, "monthly_fee_fen" int not null, "active" boolean not null default true, "version" int not null default 1, primary key ("id"));`);
    this.addSql(`alter table "device_type" add constraint "device_type_pooling_area_code_unique" unique ("pooling_area", "code");`);

    this.addSql(`create table "benefit_settings" ("id" uuid not null, "pooling_area" varchar(12) not null, "effective_from" date not null, "settings" jsonb not null, "created_by_id" uuid not null, "created_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`alter table "benefit_settings" add constraint "benefit_settings_pooling_area_effective_from_unique" unique ("pooling_area", "effective_from");`);

    this.addSql(`create table "care_plan" ("id" uuid not null, "pooling_area" varchar(12) not null, "person_id" uuid not null, "agency_id" uuid not null, "care_form" varchar(12) not null, "state" varchar(12) not null default 'REQUESTED', "start_date" date not null, "end_date" date null, "end_reason" varchar(20) null, "end_note" varchar(200) null, "decline_reason" varchar(200) null, "conclusion_id" uuid not null, "tube_feeding" boolean not null default false, "transferred_from_id" uuid null, "requested_by_id" uuid not null, "responded_by_id" uuid null, "responded_at" timestamptz null, "created_at" timestamptz not null default now(), "version" int not null default 1, primary key ("id"));`);
    this.addSql(`create index "care_plan_person_id_index" on "care_plan" ("person_id");`);
    this.addSql(`create index "care_plan_agency_id_state_index" on "care_plan" ("agency_id", "state");`);
    this.addSql(`create index "care_plan_pooling_area_state_index" on "care_plan" ("pooling_area", "state");`);

    this.addSql(`create table "care_plan_version" ("id" uuid not null, "pooling_area" varchar(12) not null, "plan_id" uuid not null, "number" int not null, "state" varchar(12) not null default 'DRAFT', "conclusion_id" uuid not null, "level" int not null, "effective_from" date null, "effective_until" date null, "goals" varchar(1000) null, "notes" varchar(1000) null, "fit_changes" jsonb not null default '[]', "cost" jsonb not null, "price_schedule_from" date null, "consent_by" varchar(50) null, "consent_relation" varchar(20) null, "consent_excess_fen" int null, "consent_at" timestamptz null, "submitted_by_id" uuid null, "submitted_at" timestamptz null, "decided_by_id" uuid null, "decided_at" timestamptz null, "auto_approved" boolean not null default false, "return_reason" varchar(300) null, "created_by_id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, primary key ("id"));`);
    this.addSql(`create index "care_plan_version_pooling_area_state_index" on "care_plan_version" ("pooling_area", "state");`);
    this.addSql(`alter table "care_plan_version" add constraint "care_plan_version_plan_id_number_unique" unique ("plan_id", "number");`);

    this.addSql(`create table "care_plan_line" ("id" uuid not null, "pooling_area" varchar(12) not null, "plan_version_id" uuid not null, "position" int not null, "kind" varchar(8) not null, "code" varchar(20) not null, "name" varchar(60) not null, "category" varchar(1) null, "times" int not null, "per" varchar(6) not null, "days" jsonb not null default '[]', "time_of_day" varchar(5) null, "unit_price_fen" int not null, "minutes" int not null, "goal" varchar(200) null, "note" varchar(200) null, "reasons" jsonb not null default '[]', "alternatives" jsonb not null default '[]', primary key ("id"));`);
    this.addSql(`create index "care_plan_line_plan_version_id_index" on "care_plan_line" ("plan_version_id");`);

    this.addSql(`alter table "benefit_settings" add constraint "benefit_settings_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on delete restrict;`);

    this.addSql(`alter table "care_plan" add constraint "care_plan_person_id_foreign" foreign key ("person_id") references "insured_person" ("id") on delete restrict;`);
    this.addSql(`alter table "care_plan" add constraint "care_plan_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on delete restrict;`);
    this.addSql(`alter table "care_plan" add constraint "care_plan_conclusion_id_foreign" foreign key ("conclusion_id") references "conclusion" ("id") on delete restrict;`);
    this.addSql(`alter table "care_plan" add constraint "care_plan_transferred_from_id_foreign" foreign key ("transferred_from_id") references "care_plan" ("id") on delete restrict;`);
    this.addSql(`alter table "care_plan" add constraint "care_plan_requested_by_id_foreign" foreign key ("requested_by_id") references "app_user" ("id") on delete restrict;`);
    this.addSql(`alter table "care_plan" add constraint "care_plan_responded_by_id_foreign" foreign key ("responded_by_id") references "app_user" ("id") on delete restrict;`);

    this.addSql(`alter table "care_plan_version" add constraint "care_plan_version_plan_id_foreign" foreign key ("plan_id") references "care_plan" ("id") on delete cascade;`);
    this.addSql(`alter table "care_plan_version" add constraint "care_plan_version_conclusion_id_foreign" foreign key ("conclusion_id") references "conclusion" ("id") on delete restrict;`);
    this.addSql(`alter table "care_plan_version" add constraint "care_plan_version_submitted_by_id_foreign" foreign key ("submitted_by_id") references "app_user" ("id") on delete restrict;`);
    this.addSql(`alter table "care_plan_version" add constraint "care_plan_version_decided_by_id_foreign" foreign key ("decided_by_id") references "app_user" ("id") on delete restrict;`);
    this.addSql(`alter table "care_plan_version" add constraint "care_plan_version_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on delete restrict;`);

    this.addSql(`alter table "care_plan_line" add constraint "care_plan_line_plan_version_id_foreign" foreign key ("plan_version_id") references "care_plan_version" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "care_plan" drop constraint "care_plan_transferred_from_id_foreign";`);
    this.addSql(`alter table "care_plan_version" drop constraint "care_plan_version_plan_id_foreign";`);
    this.addSql(`alter table "care_plan_line" drop constraint "care_plan_line_plan_version_id_foreign";`);

    this.addSql(`drop table if exists "device_type" cascade;`);
    this.addSql(`drop table if exists "benefit_settings" cascade;`);
    this.addSql(`drop table if exists "care_plan" cascade;`);
    this.addSql(`drop table if exists "care_plan_version" cascade;`);
    this.addSql(`drop table if exists "care_plan_line" cascade;`);
  }

}
