import { Migration } from '@mikro-orm/migrations';

export class Migration20261123072357_visits extends Migration {

  override name = 'Migration20261123072357_visits';

  override up(): void | Promise<void> {
    this.addSql(`create table "beneficiary_card" ("person_id" uuid not null, "pooling_area" varchar(12) not null, "code_hash" varchar(200) not null, "issued_at" timestamptz not null default now(), primary key ("person_id"));`);

    this.addSql(`create table "hospital_stay" ("id" uuid not null, "pooling_area" varchar(12) not null, "person_id" uuid not null, "hospital" varchar(100) not null, "admitted_on" date not null, "discharged_on" date null, "source" varchar(10) not null, "recorded_by_id" uuid not null, "created_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`create index "hospital_stay_person_id_admitted_on_index" on "hospital_stay" ("person_id", "admitted_on");`);

    this.addSql(`create table "caregiver_assignment" ("id" uuid not null, "pooling_area" varchar(12) not null, "agency_id" uuid not null, "person_id" uuid not null, "caregiver_id" uuid not null, "role" varchar(10) not null, "since" date not null, "until" date null, "created_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`create index "caregiver_assignment_person_id_agency_id_index" on "caregiver_assignment" ("person_id", "agency_id");`);
    this.addSql(`create index "caregiver_assignment_caregiver_id_until_index" on "caregiver_assignment" ("caregiver_id", "until");`);

    this.addSql(`create table "care_stay" ("id" uuid not null, "pooling_area" varchar(12) not null, "plan_id" uuid not null, "agency_id" uuid not null, "person_id" uuid not null, "admitted_on" date not null, "discharged_on" date null, "leaves" jsonb not null default '[]', "recorded_by_id" uuid not null, "created_at" timestamptz not null default now(), "version" int not null default 1, primary key ("id"));`);
    this.addSql(`create index "care_stay_plan_id_admitted_on_index" on "care_stay" ("plan_id", "admitted_on");`);

    this.addSql(`create table "visit_finding" ("id" uuid not null, "pooling_area" varchar(12) not null, "visit_id" uuid not null, "visit_at" timestamptz not null, "month" date not null, "agency_id" uuid not null, "person_id" uuid not null, "caregiver_id" uuid not null, "rule" varchar(3) not null, "action" varchar(6) not null, "key" varchar(40) not null default '', "evidence" jsonb not null, "summary" varchar(200) not null, "status" varchar(10) not null default 'OPEN', "explanation" varchar(500) null, "explained_by_id" uuid null, "explained_at" timestamptz null, "decision_note" varchar(500) null, "decided_by_id" uuid null, "decided_at" timestamptz null, "created_at" timestamptz not null default now(), "version" int not null default 1, primary key ("id"));`);
    this.addSql(`create index "visit_finding_pooling_area_month_index" on "visit_finding" ("pooling_area", "month");`);
    this.addSql(`create index "visit_finding_agency_id_status_index" on "visit_finding" ("agency_id", "status");`);
    this.addSql(`create index "visit_finding_pooling_area_status_rule_index" on "visit_finding" ("pooling_area", "status", "rule");`);
    this.addSql(`alter table "visit_finding" add constraint "visit_finding_visit_id_rule_key_unique" unique ("visit_id", "rule", "key");`);

    this.addSql(`create table "visit_settings" ("pooling_area" varchar(12) not null, "settings" jsonb not null, "updated_at" timestamptz not null default now(), primary key ("pooling_area"));`);

    this.addSql(`alter table "caregiver" add "user_id" uuid null;`);
    this.addSql(`alter table "caregiver" add constraint "caregiver_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "caregiver" add constraint "caregiver_user_id_unique" unique ("user_id");`);

    this.addSql(`alter table "hospital_stay" add constraint "hospital_stay_person_id_foreign" foreign key ("person_id") references "insured_person" ("id") on delete restrict;`);
    this.addSql(`alter table "hospital_stay" add constraint "hospital_stay_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on delete restrict;`);

    this.addSql(`alter table "caregiver_assignment" add constraint "caregiver_assignment_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on delete restrict;`);
    this.addSql(`alter table "caregiver_assignment" add constraint "caregiver_assignment_person_id_foreign" foreign key ("person_id") references "insured_person" ("id") on delete restrict;`);
    this.addSql(`alter table "caregiver_assignment" add constraint "caregiver_assignment_caregiver_id_foreign" foreign key ("caregiver_id") references "caregiver" ("id") on delete restrict;`);

    this.addSql(`alter table "care_stay" add constraint "care_stay_plan_id_foreign" foreign key ("plan_id") references "care_plan" ("id") on delete restrict;`);
    this.addSql(`alter table "care_stay" add constraint "care_stay_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on delete restrict;`);
    this.addSql(`alter table "care_stay" add constraint "care_stay_person_id_foreign" foreign key ("person_id") references "insured_person" ("id") on delete restrict;`);
    this.addSql(`alter table "care_stay" add constraint "care_stay_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on delete restrict;`);

    this.addSql(`alter table "visit_finding" add constraint "visit_finding_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on delete restrict;`);
    this.addSql(`alter table "visit_finding" add constraint "visit_finding_person_id_foreign" foreign key ("person_id") references "insured_person" ("id") on delete restrict;`);
    this.addSql(`alter table "visit_finding" add constraint "visit_finding_caregiver_id_foreign" foreign key ("caregiver_id") references "caregiver" ("id") on delete restrict;`);
    this.addSql(`alter table "visit_finding" add constraint "visit_finding_explained_by_id_foreign" foreign key ("explained_by_id") references "app_user" ("id") on delete restrict;`);
    this.addSql(`alter table "visit_finding" add constraint "visit_finding_decided_by_id_foreign" foreign key ("decided_by_id") references "app_user" ("id") on delete restrict;`);

    // Visits: partitioned by Asia/Shanghai month of the check-in (the partition key is part of the primary key);
    // not an ORM entity, written and read with set-based SQL by the visits module.
    this.addSql(`create table "visit" (
      "id" uuid not null,
      "pooling_area" varchar(12) not null,
      "agency_id" uuid not null references "agency" ("id"),
      "caregiver_id" uuid not null references "caregiver" ("id"),
      "person_id" uuid not null references "insured_person" ("id"),
      "plan_id" uuid not null references "care_plan" ("id"),
      "plan_version_id" uuid not null references "care_plan_version" ("id"),
      "source" varchar(8) not null default 'DEVICE',
      "status" varchar(8) not null default 'OPEN',
      "local_date" date not null,
      "check_in_at" timestamptz not null,
      "check_in_lat" double precision, "check_in_lng" double precision, "check_in_accuracy" real,
      "check_out_at" timestamptz,
      "check_out_lat" double precision, "check_out_lng" double precision, "check_out_accuracy" real,
      "items" jsonb not null default '[]',
      "notes" varchar(500),
      "confirmation" varchar(10),
      "confirmed_by" varchar(50),
      "signature" bytea,
      "checked_in_recorded_at" timestamptz not null default now(),
      "recorded_at" timestamptz,
      "recorded_by" uuid not null references "app_user" ("id"),
      "void_reason" varchar(200), "voided_by" uuid references "app_user" ("id"), "voided_at" timestamptz,
      "claim_id" uuid,
      constraint "visit_pkey" primary key ("id", "check_in_at"),
      constraint "visit_status_check" check ("status" in ('OPEN', 'DONE', 'VOID')),
      constraint "visit_source_check" check ("source" in ('DEVICE', 'MANUAL')),
      constraint "visit_times_check" check ("check_out_at" is null or "check_out_at" > "check_in_at")
    ) partition by range ("check_in_at");`);
    this.addSql(`create index "visit_id_index" on "visit" ("id");`);
    this.addSql(`create index "visit_caregiver_time_index" on "visit" ("caregiver_id", "check_in_at");`);
    this.addSql(`create index "visit_person_time_index" on "visit" ("person_id", "check_in_at");`);
    this.addSql(`create index "visit_agency_time_index" on "visit" ("agency_id", "check_in_at");`);
    this.addSql(`create index "visit_area_time_index" on "visit" ("pooling_area", "check_in_at");`);
    // One partition per Shanghai month: [first day 00:00 +08, next first day 00:00 +08).
    this.addSql(`create function visit_ensure_partitions(first_month date, months int) returns void language plpgsql as $$
      declare m date; name text;
      begin
        for i in 0 .. months - 1 loop
          m := (date_trunc('month', first_month) + make_interval(months => i))::date;
          name := 'visit_' || to_char(m, 'YYYY_MM');
          if to_regclass(name) is null then
            execute format('create table %I partition of visit for values from (%L) to (%L)', name,
              (m::timestamp at time zone 'Asia/Shanghai'), ((m + interval '1 month')::timestamp at time zone 'Asia/Shanghai'));
          end if;
        end loop;
      end $$;`);
    this.addSql(`select visit_ensure_partitions((date_trunc('month', now() at time zone 'Asia/Shanghai') - interval '2 months')::date, 5);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "visit" cascade;`);
    this.addSql(`drop function if exists visit_ensure_partitions(date, int);`);
    this.addSql(`drop table if exists "beneficiary_card" cascade;`);
    this.addSql(`drop table if exists "hospital_stay" cascade;`);
    this.addSql(`drop table if exists "caregiver_assignment" cascade;`);
    this.addSql(`drop table if exists "care_stay" cascade;`);
    this.addSql(`drop table if exists "visit_finding" cascade;`);
    this.addSql(`drop table if exists "visit_settings" cascade;`);

    this.addSql(`alter table "caregiver" drop constraint "caregiver_user_id_foreign";`);

    this.addSql(`alter table "caregiver" drop constraint "caregiver_user_id_unique";`);
    this.addSql(`alter table "caregiver" drop column "user_id";`);
  }

}
