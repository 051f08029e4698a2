/** Kysely table types of the submissions area. Times are epoch milliseconds; dates are `YYYY-MM-DD` (Vietnam). */
export type SubmissionStatus = 'submitted' | 'accepted' | 'returned' | 'withdrawn';
export type SubmissionAction = 'submit' | 'edit' | 'resubmit' | 'withdraw' | 'accept' | 'return';
export type InformationRequestStatus = 'open' | 'closed';
export type ReminderKind = 'before' | 'overdue';

export interface SubmissionsDatabase {
  portal_submissions: {
    id: string;
    /** The sending unit. */
    tenant_id: string;
    /** The receiving unit (an ancestor of the sender). */
    receiver_id: string;
    title: string;
    summary: string;
    body: string;
    category_slug: string | null;
    byline: string | null;
    contact_name: string;
    contact_phone: string | null;
    contact_email: string | null;
    /** JSON array of `{ url, title }`. */
    attachments: string;
    request_id: string | null;
    status: SubmissionStatus;
    remarks: string | null;
    article_id: string | null;
    revision_no: number;
    created_by: string;
    created_at: number;
    updated_at: number;
    submitted_at: number;
    handled_by: string | null;
    handled_at: number | null;
  };
  portal_submission_events: {
    id: string;
    submission_id: string;
    tenant_id: string;
    receiver_id: string;
    action: SubmissionAction;
    actor_id: string;
    actor_unit_id: string;
    remark: string | null;
    revision_no: number;
    /** JSON of the content after the step, for the steps that change it. */
    snapshot: string | null;
    created_at: number;
  };
  portal_information_requests: {
    id: string;
    /** The requesting unit. */
    tenant_id: string;
    title: string;
    message: string;
    deadline: string;
    working_days: number | null;
    status: InformationRequestStatus;
    created_by: string;
    created_at: number;
    updated_at: number;
    closed_by: string | null;
    closed_at: number | null;
  };
  portal_information_request_units: {
    request_id: string;
    /** The requesting unit, repeated so the requester's queries filter on its own column. */
    tenant_id: string;
    unit_id: string;
    /** JSON array of addresses the reminders go to. */
    notify_emails: string;
  };
  portal_information_request_reminders: {
    request_id: string;
    unit_id: string;
    sent_on: string;
    kind: ReminderKind;
    /** JSON array of the addresses it went to. */
    recipients: string;
    created_at: number;
  };
}
