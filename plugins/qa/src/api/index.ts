// What other plugins may import from the Q&A plugin (`@cong/plugin-qa/api`).
export type { AnswerAction, QuestionAction, QuestionStatus, RoutingRuleKind } from '../questions/qa-database.js';
