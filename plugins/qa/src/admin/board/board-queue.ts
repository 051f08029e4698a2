import { BoardQueue } from './board-queue.element.js';

BoardQueue.define('qa-board-queue', 'qa');

declare global {
  interface HTMLElementTagNameMap {
    'qa-board-queue': BoardQueue;
  }
}

export { BoardQueue };
