// What other plugins may import from the gazette (`@cong/plugin-gazette/api`).
export {};
