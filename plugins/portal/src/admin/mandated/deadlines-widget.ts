import { DeadlinesWidget } from './deadlines-widget.element.js';

DeadlinesWidget.define('portal-deadlines-widget', 'portal');

declare global {
  interface HTMLElementTagNameMap {
    'portal-deadlines-widget': DeadlinesWidget;
  }
}

export { DeadlinesWidget };
