CREATE TYPE "public"."assignment_role" AS ENUM('trainer', 'delegate');--> statement-breakpoint
CREATE TYPE "public"."attendance_type" AS ENUM('company', 'school', 'inter_company', 'vacation', 'sick', 'public_holiday', 'time_off', 'other_absence');--> statement-breakpoint
CREATE TYPE "public"."company_role" AS ENUM('company_admin', 'training_admin', 'trainer', 'delegate', 'apprentice');--> statement-breakpoint
CREATE TYPE "public"."entry_form" AS ENUM('bullets', 'free_text');--> statement-breakpoint
CREATE TYPE "public"."entry_kind" AS ENUM('company_work', 'company_instruction', 'school');--> statement-breakpoint
CREATE TYPE "public"."registration_status" AS ENUM('pending', 'verified', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."report_format" AS ENUM('daily', 'weekly');--> statement-breakpoint
CREATE TYPE "public"."review_mode" AS ENUM('single', 'two_stage');--> statement-breakpoint
CREATE TYPE "public"."week_action" AS ENUM('submit', 'withdraw', 'approve', 'return');--> statement-breakpoint
CREATE TYPE "public"."week_status" AS ENUM('draft', 'submitted', 'reviewed', 'returned', 'approved');--> statement-breakpoint
CREATE TABLE "apprenticeships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"apprentice_id" uuid NOT NULL,
	"occupation" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"ident_number" text,
	"report_format" "report_format" DEFAULT 'weekly' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "apprenticeships_id_company_key" UNIQUE("id","company_id"),
	CONSTRAINT "apprenticeships_period_check" CHECK ("apprenticeships"."end_date" >= "apprenticeships"."start_date")
);
--> statement-breakpoint
CREATE TABLE "approvals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"week_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content_hash" text NOT NULL,
	"approver_id" uuid NOT NULL,
	"approved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "approvals_week_version_key" UNIQUE("week_id","version"),
	CONSTRAINT "approvals_content_hash_check" CHECK ("approvals"."content_hash" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"apprenticeship_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" "assignment_role" NOT NULL,
	"trainer_ident_number" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"week_id" uuid NOT NULL,
	"entry_id" uuid,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attachments_size_check" CHECK ("attachments"."size_bytes" >= 0),
	CONSTRAINT "attachments_sha256_check" CHECK ("attachments"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "attachments_media_type_check" CHECK ("attachments"."media_type" in ('application/pdf', 'image/png', 'image/jpeg'))
);
--> statement-breakpoint
CREATE TABLE "chamber_staff" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"chamber_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chamber_staff_chamber_person_key" UNIQUE("chamber_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "chambers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"chamber_number" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chambers_chamber_number_key" UNIQUE("chamber_number")
);
--> statement-breakpoint
CREATE TABLE "companies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"ident_number" text,
	"chamber_id" uuid NOT NULL,
	"registration_status" "registration_status" DEFAULT 'pending' NOT NULL,
	"rejection_reason" text,
	"review_mode" "review_mode" DEFAULT 'single' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "companies_rejection_reason_check" CHECK ("companies"."rejection_reason" is null or "companies"."registration_status" = 'rejected')
);
--> statement-breakpoint
CREATE TABLE "days" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"week_id" uuid NOT NULL,
	"date" date NOT NULL,
	"attendance" "attendance_type" NOT NULL,
	CONSTRAINT "days_week_date_key" UNIQUE("week_id","date")
);
--> statement-breakpoint
CREATE TABLE "entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"day_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" "entry_kind" NOT NULL,
	"form" "entry_form" NOT NULL,
	"text" text NOT NULL,
	"minutes" integer NOT NULL,
	"lernfeld" text,
	"rahmenplan_refs" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "entries_day_position_key" UNIQUE("day_id","position"),
	CONSTRAINT "entries_minutes_check" CHECK ("entries"."minutes" between 0 and 1440)
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"role" "company_role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_person_company_role_key" UNIQUE("person_id","company_id","role")
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"issuer" text NOT NULL,
	"subject" text NOT NULL,
	"display_name" text DEFAULT '' NOT NULL,
	"email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "people_issuer_subject_key" UNIQUE("issuer","subject")
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"thread_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "threads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"apprenticeship_id" uuid NOT NULL,
	"week_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "threads_apprenticeship_week_key" UNIQUE NULLS NOT DISTINCT("apprenticeship_id","week_id")
);
--> statement-breakpoint
CREATE TABLE "status_transitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"week_id" uuid NOT NULL,
	"action" "week_action" NOT NULL,
	"from_status" "week_status" NOT NULL,
	"to_status" "week_status" NOT NULL,
	"actor_id" uuid NOT NULL,
	"reason" text,
	"idempotency_key" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "status_transitions_week_key_key" UNIQUE("week_id","idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "report_weeks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"apprenticeship_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"iso_year" integer NOT NULL,
	"iso_week" integer NOT NULL,
	"training_year" integer NOT NULL,
	"department" text DEFAULT '' NOT NULL,
	"status" "week_status" DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"return_reason" text,
	"submitted_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_weeks_apprenticeship_week_key" UNIQUE("apprenticeship_id","iso_year","iso_week"),
	CONSTRAINT "report_weeks_iso_week_check" CHECK ("report_weeks"."iso_week" between 1 and 53),
	CONSTRAINT "report_weeks_training_year_check" CHECK ("report_weeks"."training_year" >= 1),
	CONSTRAINT "report_weeks_version_check" CHECK ("report_weeks"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "apprenticeships" ADD CONSTRAINT "apprenticeships_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apprenticeships" ADD CONSTRAINT "apprenticeships_apprentice_id_people_id_fk" FOREIGN KEY ("apprentice_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approvals" ADD CONSTRAINT "approvals_week_id_report_weeks_id_fk" FOREIGN KEY ("week_id") REFERENCES "public"."report_weeks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approvals" ADD CONSTRAINT "approvals_approver_id_people_id_fk" FOREIGN KEY ("approver_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_apprenticeship_id_apprenticeships_id_fk" FOREIGN KEY ("apprenticeship_id") REFERENCES "public"."apprenticeships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_week_id_report_weeks_id_fk" FOREIGN KEY ("week_id") REFERENCES "public"."report_weeks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_entry_id_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."entries"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_people_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chamber_staff" ADD CONSTRAINT "chamber_staff_chamber_id_chambers_id_fk" FOREIGN KEY ("chamber_id") REFERENCES "public"."chambers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chamber_staff" ADD CONSTRAINT "chamber_staff_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "companies" ADD CONSTRAINT "companies_chamber_id_chambers_id_fk" FOREIGN KEY ("chamber_id") REFERENCES "public"."chambers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "days" ADD CONSTRAINT "days_week_id_report_weeks_id_fk" FOREIGN KEY ("week_id") REFERENCES "public"."report_weeks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entries" ADD CONSTRAINT "entries_day_id_days_id_fk" FOREIGN KEY ("day_id") REFERENCES "public"."days"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_thread_id_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."threads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threads" ADD CONSTRAINT "threads_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threads" ADD CONSTRAINT "threads_week_id_report_weeks_id_fk" FOREIGN KEY ("week_id") REFERENCES "public"."report_weeks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threads" ADD CONSTRAINT "threads_apprenticeship_company_fk" FOREIGN KEY ("apprenticeship_id","company_id") REFERENCES "public"."apprenticeships"("id","company_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_transitions" ADD CONSTRAINT "status_transitions_week_id_report_weeks_id_fk" FOREIGN KEY ("week_id") REFERENCES "public"."report_weeks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_transitions" ADD CONSTRAINT "status_transitions_actor_id_people_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_weeks" ADD CONSTRAINT "report_weeks_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_weeks" ADD CONSTRAINT "report_weeks_apprenticeship_company_fk" FOREIGN KEY ("apprenticeship_id","company_id") REFERENCES "public"."apprenticeships"("id","company_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "apprenticeships_company_apprentice_idx" ON "apprenticeships" USING btree ("company_id","apprentice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assignments_active_key" ON "assignments" USING btree ("apprenticeship_id","person_id","role") WHERE "assignments"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "assignments_person_idx" ON "assignments" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "attachments_week_idx" ON "attachments" USING btree ("week_id");--> statement-breakpoint
CREATE INDEX "companies_chamber_idx" ON "companies" USING btree ("chamber_id");--> statement-breakpoint
CREATE INDEX "memberships_company_idx" ON "memberships" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "messages_thread_idx" ON "messages" USING btree ("thread_id","created_at");--> statement-breakpoint
CREATE INDEX "status_transitions_week_idx" ON "status_transitions" USING btree ("week_id","at");--> statement-breakpoint
CREATE INDEX "report_weeks_company_status_idx" ON "report_weeks" USING btree ("company_id","status");