-- Approval is final (S15), also inside one transaction and whatever the order of statements: an approved week's row
-- changes no more (so its status cannot be flipped back to reach the content triggers of 0001), an approval is
-- recorded only for the version that was just approved and only once, and an approved week's audit trail gains only
-- the one transition that approved it. The checks read as the owner, past the row-level policies, so that what the
-- caller cannot see still counts.
DROP TRIGGER report_weeks_department_frozen ON report_weeks;
--> statement-breakpoint
DROP FUNCTION bh_approved_week_department_frozen();
--> statement-breakpoint
CREATE FUNCTION bh_approved_week_final() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'approved' THEN
    RAISE EXCEPTION 'approved_content_frozen' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_weeks_approved_final BEFORE UPDATE ON report_weeks
FOR EACH ROW EXECUTE FUNCTION bh_approved_week_final();
--> statement-breakpoint
CREATE FUNCTION bh_approval_of_approved_version() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM report_weeks WHERE id = NEW.week_id AND status = 'approved' AND version = NEW.version
  ) OR EXISTS (
    SELECT 1 FROM approvals WHERE week_id = NEW.week_id
  ) THEN
    RAISE EXCEPTION 'approved_content_frozen' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER approvals_of_approved_version BEFORE INSERT ON approvals
FOR EACH ROW EXECUTE FUNCTION bh_approval_of_approved_version();
--> statement-breakpoint
CREATE FUNCTION bh_transition_of_current_status() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
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
CREATE TRIGGER status_transitions_of_current_status BEFORE INSERT ON status_transitions
FOR EACH ROW EXECUTE FUNCTION bh_transition_of_current_status();
