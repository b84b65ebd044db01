CREATE TYPE "public"."record_event_kind" AS ENUM('pdf_export', 'record_export', 'record_import', 'record_deletion', 'retention');--> statement-breakpoint
CREATE TABLE "record_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "record_event_kind" NOT NULL,
	"company_id" uuid,
	"apprenticeship_id" uuid,
	"actor_id" uuid,
	"detail" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "approvals" ADD COLUMN "approver_role" "assignment_role";--> statement-breakpoint
ALTER TABLE "approvals" ADD COLUMN "imported_at" timestamp with time zone;--> statement-breakpoint
-- The Prüfcode of an approval: Crockford base 32 of the first 80 bits of SHA-256 over a context line, the approval's id
-- and the hash it signed. Stored as a generated column, so every approval has one however it was written, and it
-- stays the same when the approval moves to another installation with its id.
CREATE FUNCTION bh_verification_code(approval uuid, content_hash text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  digest bytea := sha256(convert_to('berichtsheft-verification/1' || chr(10) || approval::text || chr(10) || content_hash, 'UTF8'));
  alphabet constant text := '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  code text := '';
  bits int := 0;
  acc int := 0;
  i int := 0;
BEGIN
  WHILE length(code) < 16 LOOP
    acc := (acc << 8) | get_byte(digest, i);
    bits := bits + 8;
    i := i + 1;
    WHILE bits >= 5 AND length(code) < 16 LOOP
      code := code || substr(alphabet, ((acc >> (bits - 5)) & 31) + 1, 1);
      bits := bits - 5;
    END LOOP;
    acc := acc & ((1 << bits) - 1);
  END LOOP;
  RETURN code;
END;
$$;
--> statement-breakpoint
ALTER TABLE "approvals" ADD COLUMN "verification_code" text GENERATED ALWAYS AS (bh_verification_code(id, content_hash)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "record_events_apprenticeship_idx" ON "record_events" USING btree ("apprenticeship_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "approvals_verification_code_key" ON "approvals" USING btree ("verification_code");--> statement-breakpoint
CREATE INDEX "approvals_approver_idx" ON "approvals" USING btree ("approver_id");--> statement-breakpoint
CREATE INDEX "status_transitions_actor_idx" ON "status_transitions" USING btree ("actor_id");--> statement-breakpoint
-- Approvals signed before the role was kept take it from the approver's assignment, as the record showed it until now.
ALTER TABLE approvals DISABLE TRIGGER approvals_append_only;
--> statement-breakpoint
UPDATE approvals a SET approver_role = (
  SELECT s.role FROM assignments s JOIN report_weeks w ON w.apprenticeship_id = s.apprenticeship_id
  WHERE w.id = a.week_id AND s.person_id = a.approver_id
  ORDER BY s.revoked_at IS NULL DESC, s.created_at DESC LIMIT 1
);
--> statement-breakpoint
ALTER TABLE approvals ENABLE TRIGGER approvals_append_only;
--> statement-breakpoint
-- Maintenance (an import that restores a record with its history, a deletion of a whole record, retention) runs as the
-- owner with bh.maintenance set for its transaction and may then write what the triggers of 0001 and 0003 otherwise
-- refuse. Requests run as berichtsheft_runtime, for which the setting means nothing. `role` is read rather than
-- current_user, which inside a SECURITY DEFINER trigger names the definer.
CREATE FUNCTION bh_maintenance() RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('bh.maintenance', true), '') = 'on'
    AND current_setting('role') <> 'berichtsheft_runtime'
    AND current_user <> 'berichtsheft_runtime'
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION bh_refuse_change_of_approved_week(target_week uuid) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF target_week IS NOT NULL AND NOT bh_maintenance() AND EXISTS (
    SELECT 1 FROM report_weeks WHERE id = target_week AND status = 'approved'
  ) THEN
    RAISE EXCEPTION 'approved_content_frozen' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION bh_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF bh_maintenance() THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  RAISE EXCEPTION '%_append_only', TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION bh_approved_week_final() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'approved' AND NOT bh_maintenance() THEN
    RAISE EXCEPTION 'approved_content_frozen' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION bh_transition_of_current_status() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF bh_maintenance() THEN
    RETURN NEW;
  END IF;
  -- The week moves first and its transition is recorded after, so the new row names the status the week now has.
  IF NOT EXISTS (SELECT 1 FROM report_weeks WHERE id = NEW.week_id AND status = NEW.to_status) OR (
    NEW.to_status = 'approved' AND EXISTS (
      SELECT 1 FROM status_transitions WHERE week_id = NEW.week_id AND to_status = 'approved'
    )
  ) THEN
    RAISE EXCEPTION 'approved_content_frozen' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
-- What an examiner may learn from a Prüfcode and nothing more: which week, who approved it and when (and whether it came
-- in with an imported record, so was not given here), the hash signed,
-- and the content as stored now so the server can recompute its hash. Callable without any login, so it reads past
-- the policies as its owner; the server answers with the comparison only.
CREATE FUNCTION bh_approval_by_code(code text)
RETURNS TABLE (
  iso_year integer,
  iso_week integer,
  approved_at timestamptz,
  approver_name text,
  approver_role assignment_role,
  imported_at timestamptz,
  approved_hash text,
  department text,
  days json
)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT w.iso_year, w.iso_week, a.approved_at, p.display_name, a.approver_role, a.imported_at, a.content_hash,
    w.department,
    coalesce((
      SELECT json_agg(json_build_object(
        'date', d.date,
        'attendance', d.attendance,
        'entries', coalesce((
          SELECT json_agg(json_build_object(
            'kind', e.kind, 'form', e.form, 'text', e.text, 'minutes', e.minutes,
            'lernfeld', e.lernfeld, 'rahmenplanRefs', e.rahmenplan_refs
          ) ORDER BY e.position) FROM entries e WHERE e.day_id = d.id
        ), '[]'::json)
      ) ORDER BY d.date) FROM days d WHERE d.week_id = w.id
    ), '[]'::json)
  FROM approvals a
  JOIN report_weeks w ON w.id = a.week_id
  JOIN people p ON p.id = a.approver_id
  WHERE a.verification_code = code
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION bh_approval_by_code(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION bh_approval_by_code(text) TO berichtsheft_runtime;
--> statement-breakpoint
-- A person sees and writes the audit rows of their own actions only; the server's own (retention) are the owner's.
ALTER TABLE record_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE record_events FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY record_events_own ON record_events FOR ALL TO berichtsheft_runtime
  USING (actor_id = bh_current_person() AND company_id = bh_current_company())
  WITH CHECK (actor_id = bh_current_person() AND company_id = bh_current_company());
--> statement-breakpoint
GRANT SELECT, INSERT ON record_events TO berichtsheft_runtime;
--> statement-breakpoint
CREATE TRIGGER record_events_append_only BEFORE UPDATE OR DELETE ON record_events
FOR EACH ROW EXECUTE FUNCTION bh_append_only();
--> statement-breakpoint
-- A record names its company's chamber and lists its files, so a request may read the chamber of a company it sees
-- and the attachments of its company (their policy is in 0002).
ALTER TABLE chambers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE chambers FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY chambers_of_visible_company ON chambers FOR SELECT TO berichtsheft_runtime USING (
  EXISTS (SELECT 1 FROM companies c WHERE c.chamber_id = chambers.id)
);
--> statement-breakpoint
GRANT SELECT ON chambers, attachments TO berichtsheft_runtime;
--> statement-breakpoint
-- People a company's records name are visible to it also when they signed or acted in its weeks without an assignment
-- here, as the approvers of a record imported from another installation (the indexes above keep each check one probe).
DROP POLICY people_visible ON people;
--> statement-breakpoint
CREATE POLICY people_visible ON people FOR SELECT TO berichtsheft_runtime USING (
  id = bh_current_person()
  OR (issuer = current_setting('bh.issuer', true) AND subject = current_setting('bh.subject', true))
  OR EXISTS (SELECT 1 FROM apprenticeships a WHERE a.apprentice_id = people.id)
  OR EXISTS (
    SELECT 1 FROM assignments s
    JOIN apprenticeships a ON a.id = s.apprenticeship_id
    WHERE s.person_id = people.id
  )
  OR EXISTS (SELECT 1 FROM approvals a WHERE a.approver_id = people.id)
  OR EXISTS (SELECT 1 FROM status_transitions t WHERE t.actor_id = people.id)
);
