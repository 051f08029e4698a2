import type { FeedbackEventRow, FeedbackRow, Review } from './feedback-database.js';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** An item as the receiving unit's staff read it: the sender's contact is there because they reply to the sender. */
export function staffFeedbackView(row: FeedbackRow, events: readonly FeedbackEventRow[] = []) {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    channel: row.channel,
    trackingCode: row.tracking_code,
    sender: { name: row.sender_name, email: row.sender_email, phone: row.sender_phone, address: row.sender_address },
    contentType: row.content_type,
    regulation: row.kind === 'regulation' ? { name: row.regulation_name ?? '', link: row.regulation_link } : null,
    title: row.title,
    content: row.content,
    proposal: row.proposal,
    consentPublish: row.consent_publish === 1,
    receivedAt: iso(row.received_at),
    registerNumber: row.register_number,
    registeredAt: iso(row.registered_at),
    classification: row.classification,
    classifyReason: row.classify_reason,
    forwardDueOn: row.forward_due_on,
    forwardRuleVersion: row.forward_rule_version,
    forwardedTo: row.forwarded_to,
    forwardedAt: iso(row.forwarded_at),
    forwardedOnTime: row.forwarded_at === null || row.forward_due_on === null ? null : iso(row.forwarded_at)!.slice(0, 10) <= row.forward_due_on,
    review: row.review_json === null ? null : (JSON.parse(row.review_json) as Review),
    decision: row.decision,
    decisionNote: row.decision_note,
    publication: row.public_slug === null ? null : { slug: row.public_slug, title: row.public_title ?? '', summary: row.public_summary ?? '', result: row.public_result, publishedAt: iso(row.published_at) },
    acknowledgement: row.acknowledgement === null ? null : { level: row.acknowledgement, note: row.acknowledgement_note ?? '' },
    supportCount: row.support_count,
    archivedAt: iso(row.archived_at),
    createdAt: iso(row.created_at)!,
    timeline: events.map((e) => ({ action: e.action, actor: e.actor_id, unit: e.unit_id, note: e.note, at: iso(e.created_at)! })),
  };
}
