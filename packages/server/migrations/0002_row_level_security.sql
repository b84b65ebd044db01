-- Row-level security as the second wall around company data (S13). Requests run as berichtsheft_runtime, which owns
-- nothing and is no superuser, so the policies below bind it; the server sets the caller's company and person with
-- set_config(..., true) at the start of each request transaction, and a query that forgot its company filter still
-- sees only that company's rows. Outside such a context the runtime role sees nothing. Migrations, seeding and other
-- maintenance run as the owner, which these policies do not address: run them as a superuser (or a role with
-- BYPASSRLS), because FORCE ROW LEVEL SECURITY leaves any other owner with no visible row at all.
--
-- Roles belong to the whole cluster, not to one database; several databases (and parallel migrations) may share it.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'berichtsheft_runtime') THEN
    BEGIN
      CREATE ROLE berichtsheft_runtime NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL;
    END;
  END IF;
  -- The server connects as the owner and switches to the runtime role per transaction, which needs membership.
  IF NOT pg_has_role(current_user, 'berichtsheft_runtime', 'MEMBER') THEN
    EXECUTE format('GRANT berichtsheft_runtime TO %I', current_user);
  END IF;
END
$$;
--> statement-breakpoint
-- The request context. Empty or unset means "no company" / "nobody", so every policy below then matches no row.
CREATE FUNCTION bh_current_company() RETURNS uuid
LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('bh.company_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE FUNCTION bh_current_person() RETURNS uuid
LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('bh.person_id', true), '')::uuid $$;
--> statement-breakpoint
-- Enters a request in one statement: switches to the runtime role until the transaction ends, sets the caller, sets
-- the company only if the caller is a member of it (so even a procedure that forgot the membership check would see no
-- company data), and returns, read under that role, whether the person still exists with that login, their profile
-- and their roles in the company (no membership: one row without a role). Plain plpgsql, not SECURITY DEFINER (where
-- switching roles is forbidden): each statement inside is planned after the role switch before it, so its reads obey
-- the policies.
CREATE FUNCTION bh_enter_request(caller uuid, caller_issuer text, caller_subject text, company uuid)
RETURNS TABLE (
  person_found boolean,
  display_name text,
  email text,
  member_company_id uuid,
  member_company_name text,
  member_review_mode review_mode,
  member_role company_role
)
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('role', 'berichtsheft_runtime', true),
    set_config('bh.person_id', caller::text, true),
    set_config('bh.company_id', '', true);
  -- The caller counts only while the id still names the login it was remembered for: a person deleted or moved to
  -- another login since is not found, and the server looks the login up again.
  IF EXISTS (
    SELECT 1 FROM memberships m JOIN people p ON p.id = m.person_id
    WHERE m.person_id = caller AND m.company_id = company
      AND p.issuer = caller_issuer AND p.subject = caller_subject
  ) THEN
    PERFORM set_config('bh.company_id', company::text, true);
  END IF;
  RETURN QUERY
    SELECT p.id IS NOT NULL, p.display_name, p.email, c.id, c.name, c.review_mode, m.role
    FROM (SELECT 1) AS one
    LEFT JOIN people p ON p.id = caller AND p.issuer = caller_issuer AND p.subject = caller_subject
    LEFT JOIN memberships m ON m.person_id = p.id AND m.company_id = company
    LEFT JOIN companies c ON c.id = m.company_id;
END;
$$;
--> statement-breakpoint
-- Only what the API's procedures do. Columns that decide where a row belongs (company, apprenticeship, week) are never
-- updatable, and nothing is ever deleted except a week's days, which a save replaces (their entries go by cascade).
GRANT USAGE ON SCHEMA public TO berichtsheft_runtime;
--> statement-breakpoint
GRANT SELECT, INSERT ON people TO berichtsheft_runtime;
--> statement-breakpoint
GRANT UPDATE (display_name, email, updated_at) ON people TO berichtsheft_runtime;
--> statement-breakpoint
GRANT SELECT ON companies, memberships, apprenticeships, assignments TO berichtsheft_runtime;
--> statement-breakpoint
GRANT SELECT, INSERT ON report_weeks TO berichtsheft_runtime;
--> statement-breakpoint
GRANT UPDATE (department, status, version, return_reason, submitted_at, approved_at, updated_at)
ON report_weeks TO berichtsheft_runtime;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON days TO berichtsheft_runtime;
--> statement-breakpoint
GRANT SELECT, INSERT ON entries, approvals, status_transitions TO berichtsheft_runtime;
--> statement-breakpoint
ALTER TABLE people ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE people FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE companies ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE companies FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE memberships FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE apprenticeships ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE apprenticeships FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE assignments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE assignments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE report_weeks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE report_weeks FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE days ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE days FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE entries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE entries FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE approvals ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE approvals FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE status_transitions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE status_transitions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE attachments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE attachments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE threads ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE threads FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE messages ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE messages FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- People: the caller themselves (by id, or by issuer and subject while they are looked up, created or updated), and the
-- people the current company's records name: its apprentices and everyone ever assigned to one of its
-- apprenticeships (revoked assignments stay, so the names in old audit rows and approvals stay readable).
CREATE POLICY people_visible ON people FOR SELECT TO berichtsheft_runtime USING (
  id = bh_current_person()
  OR (issuer = current_setting('bh.issuer', true) AND subject = current_setting('bh.subject', true))
  OR EXISTS (SELECT 1 FROM apprenticeships a WHERE a.apprentice_id = people.id)
  OR EXISTS (
    SELECT 1 FROM assignments s
    JOIN apprenticeships a ON a.id = s.apprenticeship_id
    WHERE s.person_id = people.id
  )
);
--> statement-breakpoint
CREATE POLICY people_first_sight ON people FOR INSERT TO berichtsheft_runtime WITH CHECK (
  issuer = current_setting('bh.issuer', true) AND subject = current_setting('bh.subject', true)
);
--> statement-breakpoint
CREATE POLICY people_own_profile ON people FOR UPDATE TO berichtsheft_runtime
USING (
  id = bh_current_person()
  OR (issuer = current_setting('bh.issuer', true) AND subject = current_setting('bh.subject', true))
) WITH CHECK (
  id = bh_current_person()
  OR (issuer = current_setting('bh.issuer', true) AND subject = current_setting('bh.subject', true))
);
--> statement-breakpoint
-- A person sees their own memberships, and the companies they belong to (for `me`) besides the current one.
CREATE POLICY memberships_own ON memberships FOR SELECT TO berichtsheft_runtime
USING (person_id = bh_current_person());
--> statement-breakpoint
CREATE POLICY companies_visible ON companies FOR SELECT TO berichtsheft_runtime USING (
  id = bh_current_company() OR EXISTS (SELECT 1 FROM memberships m WHERE m.company_id = companies.id)
);
--> statement-breakpoint
-- Company data: rows with a company of their own name it; the others belong to a parent row that is visible (the
-- subqueries are themselves bound by the parent's policy, so each table needs only the step to its parent).
CREATE POLICY apprenticeships_of_company ON apprenticeships TO berichtsheft_runtime
USING (company_id = bh_current_company()) WITH CHECK (company_id = bh_current_company());
--> statement-breakpoint
CREATE POLICY assignments_of_company ON assignments TO berichtsheft_runtime
USING (EXISTS (SELECT 1 FROM apprenticeships a WHERE a.id = assignments.apprenticeship_id))
WITH CHECK (EXISTS (SELECT 1 FROM apprenticeships a WHERE a.id = assignments.apprenticeship_id));
--> statement-breakpoint
CREATE POLICY report_weeks_of_company ON report_weeks TO berichtsheft_runtime
USING (company_id = bh_current_company()) WITH CHECK (company_id = bh_current_company());
--> statement-breakpoint
CREATE POLICY days_of_company ON days TO berichtsheft_runtime
USING (EXISTS (SELECT 1 FROM report_weeks w WHERE w.id = days.week_id))
WITH CHECK (EXISTS (SELECT 1 FROM report_weeks w WHERE w.id = days.week_id));
--> statement-breakpoint
CREATE POLICY entries_of_company ON entries TO berichtsheft_runtime
USING (EXISTS (SELECT 1 FROM days d WHERE d.id = entries.day_id))
WITH CHECK (EXISTS (SELECT 1 FROM days d WHERE d.id = entries.day_id));
--> statement-breakpoint
CREATE POLICY approvals_of_company ON approvals TO berichtsheft_runtime
USING (EXISTS (SELECT 1 FROM report_weeks w WHERE w.id = approvals.week_id))
WITH CHECK (EXISTS (SELECT 1 FROM report_weeks w WHERE w.id = approvals.week_id));
--> statement-breakpoint
CREATE POLICY status_transitions_of_company ON status_transitions TO berichtsheft_runtime
USING (EXISTS (SELECT 1 FROM report_weeks w WHERE w.id = status_transitions.week_id))
WITH CHECK (EXISTS (SELECT 1 FROM report_weeks w WHERE w.id = status_transitions.week_id));
--> statement-breakpoint
CREATE POLICY attachments_of_company ON attachments TO berichtsheft_runtime
USING (company_id = bh_current_company()) WITH CHECK (company_id = bh_current_company());
--> statement-breakpoint
CREATE POLICY threads_of_company ON threads TO berichtsheft_runtime
USING (company_id = bh_current_company()) WITH CHECK (company_id = bh_current_company());
--> statement-breakpoint
CREATE POLICY messages_of_company ON messages TO berichtsheft_runtime
USING (EXISTS (SELECT 1 FROM threads t WHERE t.id = messages.thread_id))
WITH CHECK (EXISTS (SELECT 1 FROM threads t WHERE t.id = messages.thread_id));
