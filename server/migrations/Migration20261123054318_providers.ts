import { Migration } from '@mikro-orm/migrations';

export class Migration20261123054318_providers extends Migration {

  override name = 'Migration20261123054318_providers';

  override up(): void | Promise<void> {
    this.addSql(`create table "caregiver" ("id" uuid not null, "pooling_area" varchar(12) not null, "agency_id" uuid null, "name" varchar(50) not null, "id_number" varchar(18) not null, "birth_date" date not null, "sex" varchar(6) not null, "qualification" varchar(20) not null, "level" int null, "certificate_no" varchar(40) not null, "certificate_expiry" date not null, "licence_no" varchar(40) null, "training_hours" int not null default 0, "phone" varchar(20) null, "active" boolean not null default true, "created_at" timestamptz not null default now(), "version" int not null default 1, primary key ("id"));`);
    this.addSql(`create index "caregiver_agency_id_index" on "caregiver" ("agency_id");`);
    this.addSql(`alter table "caregiver" add constraint "caregiver_pooling_area_id_number_unique" unique ("pooling_area", "id_number");`);

    this.addSql(`create table "catalogue_item" ("id" uuid not null, "pooling_area" varchar(12) not null, "code" varchar(10) not null, "effective_from" date not null, "name" varchar(60) not null, "category" varchar(1) not null, "minutes" int not null, "default_price_fen" int not null, "care_forms" text[] not null, "active" boolean not null default true, primary key ("id"));`);
    this.addSql(`alter table "catalogue_item" add constraint "catalogue_item_pooling_area_code_effective_from_unique" unique ("pooling_area", "code", "effective_from");`);

    this.addSql(`create table "contract" ("id" uuid not null, "pooling_area" varchar(12) not null, "agency_id" uuid not null, "care_forms" text[] not null, "start_date" date not null, "end_date" date not null, "state" varchar(20) not null default 'DRAFT', "suspended_from" date null, "suspended_until" date null, "state_reason" varchar(200) null, "renewal_of_id" uuid null, "created_at" timestamptz not null default now(), "version" int not null default 1, primary key ("id"));`);
    this.addSql(`create index "contract_agency_id_index" on "contract" ("agency_id");`);
    this.addSql(`create index "contract_pooling_area_state_end_date_index" on "contract" ("pooling_area", "state", "end_date");`);

    this.addSql(`create table "employment" ("id" uuid not null, "pooling_area" varchar(12) not null, "caregiver_id" uuid not null, "agency_id" uuid not null, "from" date not null, "until" date null, primary key ("id"));`);
    this.addSql(`create index "employment_caregiver_id_index" on "employment" ("caregiver_id");`);

    this.addSql(`create table "price_schedule" ("id" uuid not null, "pooling_area" varchar(12) not null, "contract_id" uuid not null, "effective_from" date not null, "item_prices" jsonb not null, "day_rates" jsonb not null default '{}', "notes" jsonb not null default '{}', "created_by_id" uuid not null, "created_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`alter table "price_schedule" add constraint "price_schedule_contract_id_effective_from_unique" unique ("contract_id", "effective_from");`);

    this.addSql(`create table "evaluation" ("id" uuid not null, "pooling_area" varchar(12) not null, "agency_id" uuid not null, "quarter" varchar(6) not null, "scores" jsonb not null, "total" double precision not null, "grade" varchar(10) not null, "release_percent" int not null, "violation_count" int not null, "penalty_fen" int not null, "evaluated_by_id" uuid not null, "created_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`alter table "evaluation" add constraint "evaluation_agency_id_quarter_unique" unique ("agency_id", "quarter");`);

    this.addSql(`create table "violation" ("id" uuid not null, "pooling_area" varchar(12) not null, "agency_id" uuid not null, "date" date not null, "rule" varchar(200) not null, "recover_fen" int not null, "penalty_fen" int not null, "action" varchar(20) not null, "suspended_from" date null, "suspended_until" date null, "recorded_by_id" uuid not null, "created_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`create index "violation_agency_id_date_index" on "violation" ("agency_id", "date");`);

    this.addSql(`alter table "agency" add "kind" varchar(20) not null default 'HOME_CARE', add "address" varchar(200) null, add "longitude" double precision null, add "latitude" double precision null, add "service_area" text[] not null default '{}', add "beds" int null, add "legal_representative" varchar(50) null, add "contact_name" varchar(50) null, add "contact_phone" varchar(20) null, add "bank_name" varchar(60) null, add "bank_account" varchar(40) null, add "active" boolean not null default true;`);

    this.addSql(`alter table "caregiver" add constraint "caregiver_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on delete restrict;`);

    this.addSql(`alter table "contract" add constraint "contract_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on delete restrict;`);
    this.addSql(`alter table "contract" add constraint "contract_renewal_of_id_foreign" foreign key ("renewal_of_id") references "contract" ("id") on delete restrict;`);

    this.addSql(`alter table "employment" add constraint "employment_caregiver_id_foreign" foreign key ("caregiver_id") references "caregiver" ("id") on delete cascade;`);
    this.addSql(`alter table "employment" add constraint "employment_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on delete restrict;`);

    this.addSql(`alter table "price_schedule" add constraint "price_schedule_contract_id_foreign" foreign key ("contract_id") references "contract" ("id") on delete cascade;`);
    this.addSql(`alter table "price_schedule" add constraint "price_schedule_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on delete restrict;`);

    this.addSql(`alter table "evaluation" add constraint "evaluation_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on delete restrict;`);
    this.addSql(`alter table "evaluation" add constraint "evaluation_evaluated_by_id_foreign" foreign key ("evaluated_by_id") references "app_user" ("id") on delete restrict;`);

    this.addSql(`alter table "violation" add constraint "violation_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on delete restrict;`);
    this.addSql(`alter table "violation" add constraint "violation_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on delete restrict;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "employment" drop constraint "employment_caregiver_id_foreign";`);
    this.addSql(`alter table "contract" drop constraint "contract_renewal_of_id_foreign";`);
    this.addSql(`alter table "price_schedule" drop constraint "price_schedule_contract_id_foreign";`);

    this.addSql(`drop table if exists "caregiver" cascade;`);
    this.addSql(`drop table if exists "catalogue_item" cascade;`);
    this.addSql(`drop table if exists "contract" cascade;`);
    this.addSql(`drop table if exists "employment" cascade;`);
    this.addSql(`drop table if exists "price_schedule" cascade;`);
    this.addSql(`drop table if exists "evaluation" cascade;`);
    this.addSql(`drop table if exists "violation" cascade;`);

    this.addSql(`alter table "agency" drop column "kind", drop column "address", drop column "longitude", drop column "latitude", drop column "service_area", drop column "beds", drop column "legal_representative", drop column "contact_name", drop column "contact_phone", drop column "bank_name", drop column "bank_account", drop column "active";`);

  }

}
