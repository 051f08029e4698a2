// The sites plugin's admin bundle: the elements its manifest names.
export * from './registry/index.js';
export * from './syndication/index.js';
export * from './network/index.js';
export * from './appearance/index.js';
