import {
  ASSIGNMENT_ROLES,
  ATTENDANCE_TYPES,
  COMPANY_ROLES,
  ENTRY_FORMS,
  ENTRY_KINDS,
  REPORT_FORMATS,
  REVIEW_MODES,
  WEEK_ACTIONS,
  WEEK_STATUSES,
} from '@berichtsheft/core/vocabulary';
import { pgEnum } from 'drizzle-orm/pg-core';

/** Database enums with exactly core's values, so the database refuses every value the domain does not know. */
export const companyRoleEnum = pgEnum('company_role', COMPANY_ROLES);
export const assignmentRoleEnum = pgEnum('assignment_role', ASSIGNMENT_ROLES);
export const registrationStatusEnum = pgEnum('registration_status', [
  'pending',
  'verified',
  'rejected',
]);
export const reviewModeEnum = pgEnum('review_mode', REVIEW_MODES);
export const reportFormatEnum = pgEnum('report_format', REPORT_FORMATS);
export const weekStatusEnum = pgEnum('week_status', WEEK_STATUSES);
export const weekActionEnum = pgEnum('week_action', WEEK_ACTIONS);
export const attendanceTypeEnum = pgEnum('attendance_type', ATTENDANCE_TYPES);
export const entryKindEnum = pgEnum('entry_kind', ENTRY_KINDS);
export const entryFormEnum = pgEnum('entry_form', ENTRY_FORMS);
export const recordEventKindEnum = pgEnum('record_event_kind', [
  'pdf_export',
  'record_export',
  'record_import',
  'record_deletion',
  'retention',
]);
