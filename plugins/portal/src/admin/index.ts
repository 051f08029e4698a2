// The portal's admin bundle: the elements its manifest names (nav pages and dashboard widgets). The
// article editor (with Tiptap) is a chunk of its own, loaded when an article opens.
export { ArticleList } from './article-list/article-list.js';
export { ReviewQueue } from './review-queue/review-queue.js';
export { CompliancePage } from './mandated/compliance-page.js';
export { DeadlinesWidget } from './mandated/deadlines-widget.js';
export { OrganisationPage } from './organisation/organisation-page.js';
export { RoyaltiesPage } from './royalties/royalties-page.js';
export { SubmissionList, Inbox, InformationRequests } from './submissions/index.js';
export { CategoryList } from './categories/category-list.js';
export { LegalList } from './legal/legal-list.js';
export { PageTree, MenuEditor, BannerList, AlertList } from './pages/index.js';
export { MediaLibrary } from './media/media-library.js';
export { MediaPicker } from './media/media-picker.js';
