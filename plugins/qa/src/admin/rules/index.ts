// The board's routing rules.
export { RoutingRules } from './routing-rules.js';
