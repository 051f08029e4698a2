// The portal's admin bundle: the elements its manifest names (the articles page and the dashboard's
// review queue). The article editor (with Tiptap) is a chunk of its own, loaded when an article opens.
export { ArticleList } from './article-list/article-list.js';
export { ReviewQueue } from './review-queue/review-queue.js';
