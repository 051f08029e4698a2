/** The admin texts of the hello plugin: Vietnamese first, English second. */
export const messages = {
  vi: {
    title: 'Lời chào',
    empty: 'Chưa có lời chào nào.',
    name: 'Người được chào',
    message: 'Lời nhắn',
    language: 'Ngôn ngữ',
    created: 'Tạo lúc',
    delivered: 'Đã gửi',
    notDelivered: 'Chưa gửi',
    add: 'Thêm lời chào',
    saving: 'Đang lưu…',
    count: (n: number) => `${n} lời chào`,
    failed: 'Không tải được dữ liệu',
  },
  en: {
    title: 'Greetings',
    empty: 'No greetings yet.',
    name: 'Greeted person',
    message: 'Message',
    language: 'Language',
    created: 'Created',
    delivered: 'Delivered',
    notDelivered: 'Not delivered',
    add: 'Add greeting',
    saving: 'Saving…',
    count: (n: number) => `${n} greeting${n === 1 ? '' : 's'}`,
    failed: 'Could not load the data',
  },
} as const;

export type Language = keyof typeof messages;

/** The texts for the page's language (`<html lang>`), Vietnamese unless it says English. */
export function texts(lang: string | undefined): (typeof messages)[Language] {
  return lang?.startsWith('en') ? messages.en : messages.vi;
}
