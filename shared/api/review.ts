// The officers' lists: the queue's filters and the follow-up's stages. One definition each, for the
// worker that accepts them (worker/routes/review-queue.ts) and the client that offers them
// (client/officer/pages/queue, follow-up); the order here is the order the pages show.

export const QUEUE_FILTERS = ["all", "new", "resubmitted", "acknowledged_warnings", "warnings"] as const;
export type QueueFilter = (typeof QUEUE_FILTERS)[number];

export function isQueueFilter(value: unknown): value is QueueFilter {
  return QUEUE_FILTERS.includes(value as QueueFilter);
}

/**
 * After the photo decision: accepted photos waiting for PR confirmation, confirmed persons waiting for
 * their card; and, at any point, requests for another way waiting for an officer (decision 028).
 */
export const FOLLOW_UP_STAGES = ["confirm", "card", "another_way"] as const;
export type FollowUpStage = (typeof FOLLOW_UP_STAGES)[number];

export function isFollowUpStage(value: unknown): value is FollowUpStage {
  return FOLLOW_UP_STAGES.includes(value as FollowUpStage);
}
