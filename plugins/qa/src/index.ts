import { definePlugin } from '@cong/sdk';

/**
 * Questions and consultation (hỏi đáp, góp ý, QA-01…QA-31): citizens' and businesses' questions
 * forwarded to the competent agency and tracked to an answer, feedback on regulations, public
 * consultation on draft documents and online dialogues with leaders.
 */
export default definePlugin({
  register() {},
});
