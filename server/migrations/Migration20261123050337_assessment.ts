import { Migration } from '@mikro-orm/migrations';

export class Migration20261123050337_assessment extends Migration {

  override name = 'Migration20261123050337_assessment';

  override up(): void | Promise<void> {
    this.addSql(`create type "assessor_qualification" as enum ('MEDICAL', 'OTHER');`);
    this.addSql(`create type "application_type" as enum ('FIRST', 'REASSESS_EXPIRY', 'REASSESS_CHANGE', 'APPEAL');`);
    this.addSql(`create type "application_state" as enum ('SUBMITTED', 'ACCEPTED', 'ASSESSING', 'IN_REVIEW', 'IN_NOTICE', 'CONCLUDED', 'REJECTED', 'WITHDRAWN');`);
    this.addSql(`create type "task_state" as enum ('ASSIGNED', 'SUBMITTED', 'WITHDRAWN');`);
    this.addSql(`create type "objection_decision" as enum ('PENDING', 'UPHELD', 'DISMISSED');`);
    this.addSql(`create type "conclusion_state" as enum ('IN_FORCE', 'SUPERSEDED');`);
    this.addSql(`create type "document_kind" as enum ('MEDICAL_RECORD', 'ID_DOCUMENT', 'DISABILITY_PROOF', 'OTHER');`);
    this.addSql(`create table "assessment_settings" ("pooling_area" varchar(12) not null, "settings" jsonb not null, "updated_at" timestamptz not null default now(), primary key ("pooling_area"));`);

    this.addSql(`create table "assessor" ("id" uuid not null, "pooling_area" varchar(12) not null, "user_id" uuid not null, "org_id" uuid not null, "name" varchar(50) not null, "qualification" "assessor_qualification" not null, "certificate_no" varchar(40) not null, "certificate_expiry" date not null, "agency_ids" uuid[] not null default '{}', "active" boolean not null default true, "created_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`create index "assessor_pooling_area_index" on "assessor" ("pooling_area");`);
    this.addSql(`alter table "assessor" add constraint "assessor_user_id_unique" unique ("user_id");`);

    this.addSql(`create table "assessment_application" ("id" uuid not null, "pooling_area" varchar(12) not null, "person_id" uuid not null, "type" "application_type" not null, "applicant_name" varchar(50) not null, "applicant_relation" varchar(20) not null, "contact_phone" varchar(20) not null, "disability_declared" boolean not null, "challenged_id" uuid null, "status" "application_state" not null default 'SUBMITTED', "round" int not null default 1, "final_round" boolean not null default false, "submitted_on" date not null, "acceptance_due" date not null, "accepted_at" timestamptz null, "reject_reason" varchar(200) null, "confirmed_level" int null, "review_note" varchar(500) null, "notice_start" date null, "notice_end" date null, "created_by_id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`create index "assessment_application_person_id_index" on "assessment_application" ("person_id");`);
    this.addSql(`create index "assessment_application_pooling_area_status_index" on "assessment_application" ("pooling_area", "status");`);

    this.addSql(`create table "assessment_task" ("id" uuid not null, "pooling_area" varchar(12) not null, "application_id" uuid not null, "assessor_id" uuid not null, "round" int not null, "status" "task_state" not null default 'ASSIGNED', "assigned_at" timestamptz not null default now(), "due_date" date not null, "answers" jsonb not null default '{}', "notes" text null, "visited_at" timestamptz null, "visit_place" varchar(200) null, "visit_longitude" double precision null, "visit_latitude" double precision null, "level" int null, "result" jsonb null, "submitted_at" timestamptz null, "version" int not null default 1, primary key ("id"));`);
    this.addSql(`create index "assessment_task_application_id_index" on "assessment_task" ("application_id");`);
    this.addSql(`create index "assessment_task_assessor_id_status_index" on "assessment_task" ("assessor_id", "status");`);

    this.addSql(`create table "objection" ("id" uuid not null, "pooling_area" varchar(12) not null, "application_id" uuid not null, "raised_by" varchar(50) not null, "reason" varchar(500) not null, "received_at" timestamptz not null default now(), "decision" "objection_decision" not null default 'PENDING', "decision_note" varchar(500) null, "decided_by_id" uuid null, "decided_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "objection_application_id_index" on "objection" ("application_id");`);

    this.addSql(`create table "conclusion" ("id" uuid not null, "pooling_area" varchar(12) not null, "person_id" uuid not null, "application_id" uuid not null, "level" int not null, "qualifies" boolean not null, "issued_on" date not null, "effective_date" date not null, "valid_until" date not null, "status" "conclusion_state" not null default 'IN_FORCE', "superseded_on" date null, "created_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`create index "conclusion_person_id_index" on "conclusion" ("person_id");`);
    this.addSql(`alter table "conclusion" add constraint "conclusion_application_id_unique" unique ("application_id");`);
    this.addSql(`create index "conclusion_pooling_area_status_valid_until_index" on "conclusion" ("pooling_area", "status", "valid_until");`);

    this.addSql(`create table "application_document" ("id" uuid not null, "pooling_area" varchar(12) not null, "application_id" uuid not null, "kind" "document_kind" not null, "filename" varchar(200) not null, "content_type" varchar(60) not null, "size" int not null, "sha256" varchar(64) not null, "oid" bigint not null, "uploaded_by_id" uuid not null, "uploaded_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`create index "application_document_application_id_index" on "application_document" ("application_id");`);

    this.addSql(`alter table "assessor" add constraint "assessor_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete restrict;`);
    this.addSql(`alter table "assessor" add constraint "assessor_org_id_foreign" foreign key ("org_id") references "assessment_org" ("id") on delete restrict;`);

    this.addSql(`alter table "assessment_application" add constraint "assessment_application_person_id_foreign" foreign key ("person_id") references "insured_person" ("id") on delete restrict;`);
    this.addSql(`alter table "assessment_application" add constraint "assessment_application_challenged_id_foreign" foreign key ("challenged_id") references "conclusion" ("id") on delete restrict;`);
    this.addSql(`alter table "assessment_application" add constraint "assessment_application_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on delete restrict;`);

    this.addSql(`alter table "assessment_task" add constraint "assessment_task_application_id_foreign" foreign key ("application_id") references "assessment_application" ("id") on delete cascade;`);
    this.addSql(`alter table "assessment_task" add constraint "assessment_task_assessor_id_foreign" foreign key ("assessor_id") references "assessor" ("id") on delete restrict;`);

    this.addSql(`alter table "objection" add constraint "objection_application_id_foreign" foreign key ("application_id") references "assessment_application" ("id") on delete cascade;`);
    this.addSql(`alter table "objection" add constraint "objection_decided_by_id_foreign" foreign key ("decided_by_id") references "app_user" ("id") on delete restrict;`);

    this.addSql(`alter table "conclusion" add constraint "conclusion_person_id_foreign" foreign key ("person_id") references "insured_person" ("id") on delete restrict;`);
    this.addSql(`alter table "conclusion" add constraint "conclusion_application_id_foreign" foreign key ("application_id") references "assessment_application" ("id") on delete restrict;`);

    this.addSql(`alter table "application_document" add constraint "application_document_application_id_foreign" foreign key ("application_id") references "assessment_application" ("id") on delete cascade;`);
    this.addSql(`alter table "application_document" add constraint "application_document_uploaded_by_id_foreign" foreign key ("uploaded_by_id") references "app_user" ("id") on delete restrict;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "assessment_task" drop constraint "assessment_task_assessor_id_foreign";`);
    this.addSql(`alter table "assessment_task" drop constraint "assessment_task_application_id_foreign";`);
    this.addSql(`alter table "objection" drop constraint "objection_application_id_foreign";`);
    this.addSql(`alter table "conclusion" drop constraint "conclusion_application_id_foreign";`);
    this.addSql(`alter table "application_document" drop constraint "application_document_application_id_foreign";`);
    this.addSql(`alter table "assessment_application" drop constraint "assessment_application_challenged_id_foreign";`);

    this.addSql(`drop table if exists "assessment_settings" cascade;`);
    this.addSql(`drop table if exists "assessor" cascade;`);
    this.addSql(`drop table if exists "assessment_application" cascade;`);
    this.addSql(`drop table if exists "assessment_task" cascade;`);
    this.addSql(`drop table if exists "objection" cascade;`);
    this.addSql(`drop table if exists "conclusion" cascade;`);
    this.addSql(`drop table if exists "application_document" cascade;`);

    this.addSql(`drop type "assessor_qualification";`);
    this.addSql(`drop type "application_type";`);
    this.addSql(`drop type "application_state";`);
    this.addSql(`drop type "task_state";`);
    this.addSql(`drop type "objection_decision";`);
    this.addSql(`drop type "conclusion_state";`);
    this.addSql(`drop type "document_kind";`);
  }

}
