import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { CongElement } from './cong-element.js';

declare global {
  interface CongEventMap {
    'hello-greeting-created': { readonly id: string };
    'other-thing-happened': { readonly n: number };
  }
}

class GreetingButton extends CongElement {
  override render() {
    return html`<button @click=${() => this.emit('hello-greeting-created', { id: 'g1' })}>Chào</button>`;
  }
}

describe('CongElement', () => {
  it('defines a tag in its plugin namespace once, tolerates a second definition, refuses foreign tags and classes', () => {
    GreetingButton.define('hello-greeting-button', 'hello');
    expect(customElements.get('hello-greeting-button')).toBe(GreetingButton);
    expect(() => GreetingButton.define('hello-greeting-button', 'hello')).not.toThrow();
    expect(() => GreetingButton.define('portal-greeting-button', 'hello')).toThrow('must be a valid custom element name starting with "hello-"');
    class Impostor extends CongElement {}
    expect(() => Impostor.define('hello-greeting-button', 'hello')).toThrow('already defined by GreetingButton');
  });

  it('emits typed events that cross the shadow root, and refuses events outside its namespace', async () => {
    const element = document.createElement('hello-greeting-button') as GreetingButton;
    const received: unknown[] = [];
    document.body.addEventListener('hello-greeting-created', (e) => void received.push((e as CustomEvent).detail));
    document.body.append(element);
    await element.updateComplete;
    element.shadowRoot!.querySelector('button')!.click();
    expect(received).toEqual([{ id: 'g1' }]);
    expect(() => element.emit('other-thing-happened', { n: 1 })).toThrow('can emit only events starting with "hello-" or "cong-"');
    expect(() => element.emit('cong-navigate', { path: '/hello' })).not.toThrow();
    element.remove();
  });
});
