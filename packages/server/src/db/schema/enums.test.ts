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
} from '@berichtsheft/core';
import { describe, expect, it } from 'vitest';
import {
  assignmentRoleEnum,
  attendanceTypeEnum,
  companyRoleEnum,
  entryFormEnum,
  entryKindEnum,
  reportFormatEnum,
  reviewModeEnum,
  weekActionEnum,
  weekStatusEnum,
} from './enums.js';

describe('database enums', () => {
  it.each([
    [companyRoleEnum, COMPANY_ROLES],
    [assignmentRoleEnum, ASSIGNMENT_ROLES],
    [reviewModeEnum, REVIEW_MODES],
    [reportFormatEnum, REPORT_FORMATS],
    [weekStatusEnum, WEEK_STATUSES],
    [weekActionEnum, WEEK_ACTIONS],
    [attendanceTypeEnum, ATTENDANCE_TYPES],
    [entryKindEnum, ENTRY_KINDS],
    [entryFormEnum, ENTRY_FORMS],
  ] as const)('%s holds exactly core’s values', (dbEnum, values) => {
    expect(dbEnum.enumValues).toEqual([...values]);
  });
});
