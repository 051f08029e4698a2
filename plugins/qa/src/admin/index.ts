// The Q&A plugin's admin bundle: the elements its manifest (`cong.admin.nav`) names.
//
// The editorial board's pages (board/: the question queue with the publication review; rules/: the
// routing rules) and an agency's (agency/: the inbox with the answer editor, the answer settings).
// They share shared/ (the page base, the question list, the unit picker, the views, the messages).
export * from './board/index.js';
export * from './rules/index.js';
export * from './agency/index.js';
