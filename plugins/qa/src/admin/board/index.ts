// The editorial board's pages: the question queue, with the publication review of answered questions.
export { BoardQueue } from './board-queue.js';
export { PublicationReview } from './publication-review.js';
