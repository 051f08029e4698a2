import { localized } from '@cong/sdk/admin';

/** The admin texts of the hello plugin: Vietnamese first, English second. */
export const messages = {
  vi: {
    title: 'Lời chào',
    empty: 'Chưa có lời chào nào.',
    name: 'Người được chào',
    message: 'Lời nhắn',
    language: 'Ngôn ngữ',
    languageDefault: 'Mặc định của đơn vị',
    created: 'Tạo lúc',
    delivered: 'Đã gửi',
    notDelivered: 'Chưa gửi',
    add: 'Thêm lời chào',
    saving: 'Đang lưu…',
    count: (n: number) => `${n} lời chào`,
    failed: 'Không tải được dữ liệu',
    readOnly: 'Bạn cần quyền “Tạo lời chào” để thêm lời chào.',
  },
  en: {
    title: 'Greetings',
    empty: 'No greetings yet.',
    name: 'Greeted person',
    message: 'Message',
    language: 'Language',
    languageDefault: 'The unit\'s default',
    created: 'Created',
    delivered: 'Delivered',
    notDelivered: 'Not delivered',
    add: 'Add greeting',
    saving: 'Saving…',
    count: (n: number) => `${n} greeting${n === 1 ? '' : 's'}`,
    failed: 'Could not load the data',
    readOnly: 'You need the “Create greetings” permission to add greetings.',
  },
};

/** The texts for the shell's language (`<html lang>`): Vietnamese unless it says English. */
export function texts(): (typeof messages)['vi'] {
  return localized(messages);
}
