// The Q&A plugin's admin bundle: the elements its manifest (`cong.admin.nav`) names.
//
// The editorial board's pages (board/: the question queue with the publication review; rules/: the
// routing rules) and an agency's (agency/: the inbox with the answer editor, the answer settings).
// Then consultations/ (the drafting unit's consultations, a consulted unit's replies), dialogues/ (the
// organising unit's dialogues with the live console) and statistics/ (per agency, the deadline sweep).
// Then feedback/ (feedback on regulations, the receiving unit's; ideas, the province's), templates/ (the
// province's e-mail templates) and privacy/ (the erasure record, the retention period run now).
// They share shared/ (the page base, the question list, the unit picker, the views, the messages).
export * from './board/index.js';
export * from './rules/index.js';
export * from './agency/index.js';
export * from './consultations/index.js';
export * from './dialogues/index.js';
export * from './statistics/index.js';
export * from './feedback/index.js';
export * from './templates/index.js';
export * from './privacy/index.js';
