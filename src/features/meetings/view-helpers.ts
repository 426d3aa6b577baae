// What every meeting view needs besides its own data: German labels and the status and date helpers.
import { formatTimeSpan } from '../../lib/dates.js';
import { ATTENDANCES, MEETING_KINDS, MEETING_STATUSES } from './labels.js';
import { displayStatus } from './service.js';

/** Helpers every meeting view uses. */
export const meetingViewHelpers = {
  meetingKinds: MEETING_KINDS,
  meetingStatuses: MEETING_STATUSES,
  attendances: ATTENDANCES,
  displayStatus,
  formatTimeSpan,
};
