CREATE TABLE "message_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"message_id" uuid,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_files_size_check" CHECK ("message_files"."size_bytes" >= 0),
	CONSTRAINT "message_files_sha256_check" CHECK ("message_files"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "message_files_media_type_check" CHECK ("message_files"."media_type" in ('application/pdf', 'image/png', 'image/jpeg'))
);
--> statement-breakpoint
ALTER TABLE "message_files" ADD CONSTRAINT "message_files_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_files" ADD CONSTRAINT "message_files_uploaded_by_people_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_files" ADD CONSTRAINT "message_files_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "message_files_message_idx" ON "message_files" USING btree ("message_id");--> statement-breakpoint
-- A file not yet attached is its uploader's alone; an attached one is seen by whoever sees its message (the
-- participants of the thread, through the messages' policy) while the message is not deleted.
ALTER TABLE message_files ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE message_files FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY message_files_visible ON message_files FOR SELECT TO berichtsheft_runtime USING (
  company_id = bh_current_company() AND (
    (message_id IS NULL AND uploaded_by = bh_current_person())
    OR EXISTS (SELECT 1 FROM messages m WHERE m.id = message_files.message_id AND m.deleted_at IS NULL)
  )
);
--> statement-breakpoint
CREATE POLICY message_files_own_upload ON message_files FOR INSERT TO berichtsheft_runtime WITH CHECK (
  company_id = bh_current_company() AND uploaded_by = bh_current_person() AND message_id IS NULL
);
--> statement-breakpoint
-- Attaching: only one's own unattached file, only to one's own message.
CREATE POLICY message_files_own_attach ON message_files FOR UPDATE TO berichtsheft_runtime
USING (company_id = bh_current_company() AND uploaded_by = bh_current_person() AND message_id IS NULL)
WITH CHECK (
  uploaded_by = bh_current_person()
  AND EXISTS (SELECT 1 FROM messages m WHERE m.id = message_files.message_id AND m.author_id = bh_current_person())
);
--> statement-breakpoint
CREATE POLICY message_files_own_removal ON message_files FOR DELETE TO berichtsheft_runtime
USING (company_id = bh_current_company() AND uploaded_by = bh_current_person());
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON message_files TO berichtsheft_runtime;
--> statement-breakpoint
GRANT UPDATE (message_id) ON message_files TO berichtsheft_runtime;
