import { afterEach, describe, expect, it } from 'vitest';
import { adminLanguage, localized } from './localized.js';
import { showToast, type ToastDetail } from './toast.js';

const texts = { vi: { title: 'Lời chào', count: (n: number) => `${n} lời chào` }, en: { title: 'Greetings', count: (n: number) => `${n} greetings` } };

describe('localized', () => {
  const original = document.documentElement.lang;
  afterEach(() => void (document.documentElement.lang = original));

  it('picks the texts for <html lang>, Vietnamese unless it says English', () => {
    document.documentElement.lang = 'vi';
    expect(localized(texts).title).toBe('Lời chào');
    document.documentElement.lang = 'en-GB';
    expect(localized(texts).count(2)).toBe('2 greetings');
    document.documentElement.lang = '';
    expect(localized(texts).title).toBe('Lời chào');
    expect(adminLanguage('EN')).toBe('en');
    expect(localized(texts, 'vi-VN').title).toBe('Lời chào');
  });
});

describe('showToast', () => {
  it('dispatches a composed cong-toast event the shell can catch on document', () => {
    const seen: ToastDetail[] = [];
    const listener = (e: Event) => void seen.push((e as CustomEvent<ToastDetail>).detail);
    document.addEventListener('cong-toast', listener);
    const host = document.createElement('div');
    const inner = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('span'));
    document.body.append(host);
    showToast('Đã lưu', { variant: 'success' });
    showToast('Lỗi', { variant: 'danger', duration: 0 }, inner);
    document.removeEventListener('cong-toast', listener);
    host.remove();
    expect(seen).toEqual([
      { message: 'Đã lưu', variant: 'success' },
      { message: 'Lỗi', variant: 'danger', duration: 0 },
    ]);
  });
});
