import { RoutingRules } from './routing-rules.element.js';

RoutingRules.define('qa-routing-rules', 'qa');

declare global {
  interface HTMLElementTagNameMap {
    'qa-routing-rules': RoutingRules;
  }
}

export { RoutingRules };
