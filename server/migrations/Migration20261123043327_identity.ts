import { Migration } from '@mikro-orm/migrations';

export class Migration20261123043327_identity extends Migration {

  override name = 'Migration20261123043327_identity';

  override up(): void | Promise<void> {
    this.addSql(`create type "user_status" as enum ('ACTIVE', 'DISABLED');`);
    this.addSql(`create type "role" as enum ('SYSTEM_ADMIN', 'FUND_OFFICER', 'SUPERVISOR', 'ASSESSOR', 'AGENCY_ADMIN', 'CAREGIVER');`);
    this.addSql(`create table "agency" ("id" uuid not null, "pooling_area" varchar(12) not null, "name" varchar(100) not null, "credit_code" varchar(18) not null, "created_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`create index "agency_pooling_area_index" on "agency" ("pooling_area");`);
    this.addSql(`alter table "agency" add constraint "agency_pooling_area_credit_code_unique" unique ("pooling_area", "credit_code");`);

    this.addSql(`create table "assessment_org" ("id" uuid not null, "pooling_area" varchar(12) not null, "name" varchar(100) not null, "credit_code" varchar(18) not null, "created_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`create index "assessment_org_pooling_area_index" on "assessment_org" ("pooling_area");`);
    this.addSql(`alter table "assessment_org" add constraint "assessment_org_pooling_area_credit_code_unique" unique ("pooling_area", "credit_code");`);

    this.addSql(`create table "agency_client" ("id" uuid not null, "pooling_area" varchar(12) not null, "agency_id" uuid not null, "person_id" uuid not null, "since" date not null, "until" date null, primary key ("id"));`);
    this.addSql(`create index "agency_client_person_id_index" on "agency_client" ("person_id");`);
    this.addSql(`create index "agency_client_agency_id_person_id_index" on "agency_client" ("agency_id", "person_id");`);

    this.addSql(`create table "app_user" ("id" uuid not null, "username" varchar(40) not null, "display_name" varchar(50) not null, "phone" varchar(20) null, "pooling_area" varchar(12) null, "password_hash" varchar(200) not null, "status" "user_status" not null default 'ACTIVE', "failed_attempts" int not null default 0, "locked_until" timestamptz null, "must_change_password" boolean not null default false, "password_changed_at" timestamptz not null default now(), "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`alter table "app_user" add constraint "app_user_username_unique" unique ("username");`);
    this.addSql(`create index "app_user_pooling_area_index" on "app_user" ("pooling_area");`);

    this.addSql(`create table "session" ("token_hash" varchar(64) not null, "user_id" uuid not null, "created_at" timestamptz not null default now(), "last_seen_at" timestamptz not null default now(), "revoked_at" timestamptz null, "revoke_reason" varchar(30) null, "client_ip" varchar(45) null, "user_agent" varchar(200) null, primary key ("token_hash"));`);
    this.addSql(`create index "session_user_id_index" on "session" ("user_id");`);

    this.addSql(`create table "role_grant" ("id" uuid not null, "user_id" uuid not null, "role" "role" not null, "pooling_area" varchar(12) null, "agency_id" uuid null, "assessment_org_id" uuid null, primary key ("id"));`);
    this.addSql(`alter table "role_grant" add constraint "role_grant_user_id_role_unique" unique ("user_id", "role");`);

    this.addSql(`alter table "agency_client" add constraint "agency_client_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on delete restrict;`);
    this.addSql(`alter table "agency_client" add constraint "agency_client_person_id_foreign" foreign key ("person_id") references "insured_person" ("id") on delete restrict;`);

    this.addSql(`alter table "session" add constraint "session_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`);

    this.addSql(`alter table "role_grant" add constraint "role_grant_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`);
    this.addSql(`alter table "role_grant" add constraint "role_grant_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on delete restrict;`);
    this.addSql(`alter table "role_grant" add constraint "role_grant_assessment_org_id_foreign" foreign key ("assessment_org_id") references "assessment_org" ("id") on delete restrict;`);

    // Scope bound to each role: officers and supervisors a pooling area, assessors an organisation, agency staff an agency.
    this.addSql(`alter table "role_grant" add constraint "role_grant_scope_check" check (
      (role = 'SYSTEM_ADMIN') or
      (role in ('FUND_OFFICER', 'SUPERVISOR') and pooling_area is not null) or
      (role = 'ASSESSOR' and assessment_org_id is not null) or
      (role in ('AGENCY_ADMIN', 'CAREGIVER') and agency_id is not null));`);

    // The audit trail: append-only, partitioned by month on its timestamp.
    this.addSql(`create table "audit_log" (
      "id" bigint generated always as identity,
      "at" timestamptz not null default now(),
      "user_id" uuid null,
      "username" varchar(40) null,
      "roles" text[] not null default '{}',
      "operation" varchar(60) not null,
      "entity" varchar(60) not null,
      "entity_id" varchar(64) null,
      "pooling_area" varchar(12) null,
      "changes" jsonb not null default '{}',
      "client_ip" inet null,
      "request_id" varchar(64) null,
      primary key ("at", "id")
    ) partition by range ("at");`);
    this.addSql(`create index "audit_log_entity_idx" on "audit_log" ("entity", "entity_id", "at" desc);`);
    this.addSql(`create index "audit_log_user_idx" on "audit_log" ("user_id", "at" desc);`);
    this.addSql(`create index "audit_log_area_idx" on "audit_log" ("pooling_area", "at" desc);`);
    this.addSql(`create function audit_log_immutable() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
      end $$;`);
    this.addSql(`create trigger audit_log_no_change before update or delete on "audit_log" for each row execute function audit_log_immutable();`);
    this.addSql(`create trigger audit_log_no_truncate before truncate on "audit_log" for each statement execute function audit_log_immutable();`);
    this.addSql(`revoke update, delete, truncate on "audit_log" from public;`);
    // Monthly partitions, created ahead by the server at start-up; each refuses TRUNCATE itself too.
    this.addSql(`create function audit_log_ensure_partitions(first_month date, months int) returns void language plpgsql as $$
      declare m date; name text;
      begin
        for i in 0 .. months - 1 loop
          m := (date_trunc('month', first_month) + make_interval(months => i))::date;
          name := 'audit_log_' || to_char(m, 'YYYY_MM');
          if to_regclass(name) is null then
            execute format('create table %I partition of audit_log for values from (%L) to (%L)', name, m, (m + interval '1 month')::date);
            execute format('create trigger audit_log_no_truncate before truncate on %I for each statement execute function audit_log_immutable()', name);
          end if;
        end loop;
      end $$;`);
    this.addSql(`create table "audit_log_default" partition of "audit_log" default;`);
    this.addSql(`create trigger audit_log_no_truncate before truncate on "audit_log_default" for each statement execute function audit_log_immutable();`);
    this.addSql(`select audit_log_ensure_partitions(date_trunc('month', now())::date, 3);`);
  }


  override down(): void | Promise<void> {
    this.addSql(`alter table "agency_client" drop constraint "agency_client_agency_id_foreign";`);
    this.addSql(`alter table "role_grant" drop constraint "role_grant_agency_id_foreign";`);
    this.addSql(`alter table "role_grant" drop constraint "role_grant_assessment_org_id_foreign";`);
    this.addSql(`alter table "session" drop constraint "session_user_id_foreign";`);
    this.addSql(`alter table "role_grant" drop constraint "role_grant_user_id_foreign";`);

    this.addSql(`drop table if exists "audit_log" cascade;`);
    this.addSql(`drop function if exists audit_log_ensure_partitions(date, int);`);
    this.addSql(`drop function if exists audit_log_immutable();`);
    this.addSql(`drop table if exists "agency" cascade;`);
    this.addSql(`drop table if exists "assessment_org" cascade;`);
    this.addSql(`drop table if exists "agency_client" cascade;`);
    this.addSql(`drop table if exists "app_user" cascade;`);
    this.addSql(`drop table if exists "session" cascade;`);
    this.addSql(`drop table if exists "role_grant" cascade;`);

    this.addSql(`drop type "user_status";`);
    this.addSql(`drop type "role";`);
  }

}
