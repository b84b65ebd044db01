import type {
  AssignmentRole,
  AttendanceType,
  CompanyRole,
  EntryForm,
  EntryKind,
  ReportFormat,
  ReviewMode,
  WeekAction,
  WeekStatus,
} from '@berichtsheft/core';
import { pgEnum } from 'drizzle-orm/pg-core';

/**
 * Database enums with exactly core's values, so the database refuses every value the domain does not know. The values
 * are spelled out because drizzle-kit loads this file through CommonJS and cannot load core at run time; `allOf`
 * makes the compiler refuse a list that misses or adds a value, and enums.test.ts compares the order with core's.
 */
function allOf<T extends string>() {
  return <const U extends readonly [T, ...T[]]>(
    values: U & ([T] extends [U[number]] ? unknown : 'missing a value'),
  ): U => values;
}

export const companyRoleEnum = pgEnum(
  'company_role',
  allOf<CompanyRole>()(['company_admin', 'training_admin', 'trainer', 'delegate', 'apprentice']),
);
export const assignmentRoleEnum = pgEnum(
  'assignment_role',
  allOf<AssignmentRole>()(['trainer', 'delegate']),
);
export const registrationStatusEnum = pgEnum('registration_status', [
  'pending',
  'verified',
  'rejected',
]);
export const reviewModeEnum = pgEnum('review_mode', allOf<ReviewMode>()(['single', 'two_stage']));
export const reportFormatEnum = pgEnum('report_format', allOf<ReportFormat>()(['daily', 'weekly']));
export const weekStatusEnum = pgEnum(
  'week_status',
  allOf<WeekStatus>()(['draft', 'submitted', 'reviewed', 'returned', 'approved']),
);
export const weekActionEnum = pgEnum(
  'week_action',
  allOf<WeekAction>()(['submit', 'withdraw', 'approve', 'return']),
);
export const attendanceTypeEnum = pgEnum(
  'attendance_type',
  allOf<AttendanceType>()([
    'company',
    'school',
    'inter_company',
    'vacation',
    'sick',
    'public_holiday',
    'time_off',
    'other_absence',
  ]),
);
export const entryKindEnum = pgEnum(
  'entry_kind',
  allOf<EntryKind>()(['company_work', 'company_instruction', 'school']),
);
export const entryFormEnum = pgEnum('entry_form', allOf<EntryForm>()(['bullets', 'free_text']));
