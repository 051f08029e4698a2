// What other plugins may import from the Q&A plugin (`@cong/plugin-qa/api`).
export {};
