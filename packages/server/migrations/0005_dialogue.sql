CREATE TABLE "thread_reads" (
	"thread_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"read_seq" bigint NOT NULL,
	"change_seq" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "thread_reads_pkey" PRIMARY KEY("thread_id","person_id")
);
--> statement-breakpoint
DROP INDEX "messages_thread_idx";--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "client_key" uuid;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "seq" bigint;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "change_seq" bigint;--> statement-breakpoint
-- Messages written before the dialogue had sequences are numbered in the order they were sent.
UPDATE messages m SET client_key = gen_random_uuid(), seq = numbered.n, change_seq = numbered.n
FROM (SELECT id, row_number() OVER (PARTITION BY thread_id ORDER BY created_at, id) AS n FROM messages) AS numbered
WHERE numbered.id = m.id;--> statement-breakpoint
ALTER TABLE "messages" ALTER COLUMN "client_key" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ALTER COLUMN "seq" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ALTER COLUMN "change_seq" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "edited_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "threads" ADD COLUMN "last_seq" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE threads t SET last_seq = (SELECT coalesce(max(m.seq), 0) FROM messages m WHERE m.thread_id = t.id);--> statement-breakpoint
ALTER TABLE "thread_reads" ADD CONSTRAINT "thread_reads_thread_id_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."threads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "thread_reads" ADD CONSTRAINT "thread_reads_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "thread_reads_thread_change_idx" ON "thread_reads" USING btree ("thread_id","change_seq");--> statement-breakpoint
CREATE INDEX "messages_thread_change_idx" ON "messages" USING btree ("thread_id","change_seq");--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_thread_seq_key" UNIQUE("thread_id","seq");--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_author_client_key" UNIQUE("author_id","client_key");--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_deleted_empty_check" CHECK ("messages"."deleted_at" is null or "messages"."body" = '');--> statement-breakpoint
-- Only the participants of an apprenticeship's dialogue see its threads (S10): the apprentice and the people assigned
-- to it now. Plain SQL, not SECURITY DEFINER, so the reads inside obey the policies of apprenticeships and assignments,
-- which already bind them to the current company.
CREATE FUNCTION bh_takes_part(apprenticeship uuid) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM apprenticeships a WHERE a.id = apprenticeship AND a.apprentice_id = bh_current_person()
  ) OR EXISTS (
    SELECT 1 FROM assignments s
    WHERE s.apprenticeship_id = apprenticeship AND s.person_id = bh_current_person() AND s.revoked_at IS NULL
  )
$$;
--> statement-breakpoint
DROP POLICY threads_of_company ON threads;
--> statement-breakpoint
CREATE POLICY threads_of_participants ON threads TO berichtsheft_runtime
USING (company_id = bh_current_company() AND bh_takes_part(apprenticeship_id))
WITH CHECK (company_id = bh_current_company() AND bh_takes_part(apprenticeship_id));
--> statement-breakpoint
-- Everyone in a thread reads its messages; each writes and changes only their own.
DROP POLICY messages_of_company ON messages;
--> statement-breakpoint
CREATE POLICY messages_of_thread ON messages FOR SELECT TO berichtsheft_runtime
USING (EXISTS (SELECT 1 FROM threads t WHERE t.id = messages.thread_id));
--> statement-breakpoint
CREATE POLICY messages_own_new ON messages FOR INSERT TO berichtsheft_runtime
WITH CHECK (author_id = bh_current_person() AND EXISTS (SELECT 1 FROM threads t WHERE t.id = messages.thread_id));
--> statement-breakpoint
CREATE POLICY messages_own_change ON messages FOR UPDATE TO berichtsheft_runtime
USING (author_id = bh_current_person() AND EXISTS (SELECT 1 FROM threads t WHERE t.id = messages.thread_id))
WITH CHECK (author_id = bh_current_person() AND EXISTS (SELECT 1 FROM threads t WHERE t.id = messages.thread_id));
--> statement-breakpoint
ALTER TABLE thread_reads ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE thread_reads FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY thread_reads_of_thread ON thread_reads FOR SELECT TO berichtsheft_runtime
USING (EXISTS (SELECT 1 FROM threads t WHERE t.id = thread_reads.thread_id));
--> statement-breakpoint
CREATE POLICY thread_reads_own_new ON thread_reads FOR INSERT TO berichtsheft_runtime
WITH CHECK (person_id = bh_current_person() AND EXISTS (SELECT 1 FROM threads t WHERE t.id = thread_reads.thread_id));
--> statement-breakpoint
CREATE POLICY thread_reads_own_change ON thread_reads FOR UPDATE TO berichtsheft_runtime
USING (person_id = bh_current_person() AND EXISTS (SELECT 1 FROM threads t WHERE t.id = thread_reads.thread_id))
WITH CHECK (person_id = bh_current_person() AND EXISTS (SELECT 1 FROM threads t WHERE t.id = thread_reads.thread_id));
--> statement-breakpoint
-- What the dialogue's procedures do: start a thread and count its changes, send and change messages, move markers.
-- Nothing of it is ever deleted by the API; a deleted message keeps its row without its text.
GRANT SELECT, INSERT ON threads, messages, thread_reads TO berichtsheft_runtime;
--> statement-breakpoint
GRANT UPDATE (last_seq) ON threads TO berichtsheft_runtime;
--> statement-breakpoint
GRANT UPDATE (body, change_seq, edited_at, deleted_at) ON messages TO berichtsheft_runtime;
--> statement-breakpoint
GRANT UPDATE (read_seq, change_seq, updated_at) ON thread_reads TO berichtsheft_runtime;
