/** The widget's texts: Vietnamese first, English second, chosen by the element's `lang`. */
export const widgetMessages = {
  vi: {
    title: 'Lời chào mới nhất',
    loading: 'Đang tải…',
    empty: 'Chưa có lời chào nào.',
    failed: 'Không tải được lời chào.',
    locale: 'vi-VN',
  },
  en: {
    title: 'Latest greetings',
    loading: 'Loading…',
    empty: 'No greetings yet.',
    failed: 'Could not load the greetings.',
    locale: 'en-GB',
  },
} as const;

export type WidgetLanguage = keyof typeof widgetMessages;

/** English when `lang` starts with `en`, otherwise Vietnamese. */
export function widgetLanguage(lang: string | null | undefined): WidgetLanguage {
  return lang?.toLowerCase().startsWith('en') ? 'en' : 'vi';
}
