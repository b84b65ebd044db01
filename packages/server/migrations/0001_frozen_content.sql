-- Approved content is frozen, also against direct SQL (S15): days and entries of an approved week cannot be added,
-- changed or removed, an approved week keeps its department, and approvals and the audit trail are append-only.
CREATE FUNCTION bh_refuse_change_of_approved_week(target_week uuid) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF target_week IS NOT NULL AND EXISTS (
    SELECT 1 FROM report_weeks WHERE id = target_week AND status = 'approved'
  ) THEN
    RAISE EXCEPTION 'approved_content_frozen' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION bh_days_frozen() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM bh_refuse_change_of_approved_week(OLD.week_id);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM bh_refuse_change_of_approved_week(NEW.week_id);
    RETURN NEW;
  END IF;
  RETURN OLD;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER days_frozen BEFORE INSERT OR UPDATE OR DELETE ON days
FOR EACH ROW EXECUTE FUNCTION bh_days_frozen();
--> statement-breakpoint
CREATE FUNCTION bh_entries_frozen() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM bh_refuse_change_of_approved_week((SELECT week_id FROM days WHERE id = OLD.day_id));
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM bh_refuse_change_of_approved_week((SELECT week_id FROM days WHERE id = NEW.day_id));
    RETURN NEW;
  END IF;
  RETURN OLD;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER entries_frozen BEFORE INSERT OR UPDATE OR DELETE ON entries
FOR EACH ROW EXECUTE FUNCTION bh_entries_frozen();
--> statement-breakpoint
CREATE FUNCTION bh_approved_week_department_frozen() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'approved' AND NEW.department IS DISTINCT FROM OLD.department THEN
    RAISE EXCEPTION 'approved_content_frozen' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_weeks_department_frozen BEFORE UPDATE ON report_weeks
FOR EACH ROW EXECUTE FUNCTION bh_approved_week_department_frozen();
--> statement-breakpoint
CREATE FUNCTION bh_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%_append_only', TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER approvals_append_only BEFORE UPDATE OR DELETE ON approvals
FOR EACH ROW EXECUTE FUNCTION bh_append_only();
--> statement-breakpoint
CREATE TRIGGER status_transitions_append_only BEFORE UPDATE OR DELETE ON status_transitions
FOR EACH ROW EXECUTE FUNCTION bh_append_only();
