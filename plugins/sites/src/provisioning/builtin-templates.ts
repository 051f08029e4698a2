import type { BlueprintMenuItem } from '@cong/plugin-portal/api';
import type { SiteTemplate } from './site-template.js';

const PLACEHOLDER = {
  vi: '<p>Nội dung đang được cập nhật.</p>',
  en: '<p>This page is being prepared.</p>',
};

/** Menu items both templates share: home, news, direction, legal documents, contact. */
const home: BlueprintMenuItem = { label: { vi: 'Trang chủ', en: 'Home' }, target: { kind: 'path', value: '/' } };
const news: BlueprintMenuItem = { label: { vi: 'Tin tức, sự kiện', en: 'News and events' }, target: { kind: 'category', value: 'tin-tuc-su-kien' } };
const direction: BlueprintMenuItem = { label: { vi: 'Chỉ đạo, điều hành', en: 'Direction and administration' }, target: { kind: 'category', value: 'chi-dao-dieu-hanh' } };
const legal: BlueprintMenuItem = { label: { vi: 'Văn bản', en: 'Legal documents' }, target: { kind: 'legal' } };
const contact: BlueprintMenuItem = { label: { vi: 'Liên hệ', en: 'Contact' }, target: { kind: 'path', value: '/lien-he' } };
const footer: readonly BlueprintMenuItem[] = [
  { label: { vi: 'Giới thiệu', en: 'About' }, target: { kind: 'page', value: 'gioi-thieu' } },
  { label: { vi: 'Thông tin công khai', en: 'Public information' }, target: { kind: 'path', value: '/danh-muc-thong-tin-cong-khai' } },
  { label: { vi: 'Sơ đồ cổng thông tin', en: 'Site map' }, target: { kind: 'path', value: '/so-do-trang' } },
  contact,
];

/**
 * A department's or agency's site (sở, ban, ngành): the required information of an agency (TEN-04:
 * organisation, functions, leaders, history) under "Giới thiệu", its news and documents.
 */
export const DEPARTMENT_TEMPLATE: SiteTemplate = {
  id: 'department',
  label: { vi: 'Trang sở, ban, ngành', en: 'Department site' },
  kinds: ['department', 'province'],
  blueprint: {
    mandatedSections: true,
    pages: [
      { slug: 'gioi-thieu', title: { vi: 'Giới thiệu', en: 'About us' }, body: PLACEHOLDER, publish: true },
      { slug: 'chuc-nang-nhiem-vu', title: { vi: 'Chức năng, nhiệm vụ', en: 'Functions and duties' }, body: PLACEHOLDER, parent: 'gioi-thieu', order: 1, publish: true },
      { slug: 'lich-su-hinh-thanh', title: { vi: 'Lịch sử hình thành', en: 'History' }, body: PLACEHOLDER, parent: 'gioi-thieu', order: 2, publish: true },
    ],
    menus: {
      main: [
        home,
        {
          label: { vi: 'Giới thiệu', en: 'About us' },
          target: { kind: 'page', value: 'gioi-thieu' },
          children: [
            { label: { vi: 'Chức năng, nhiệm vụ', en: 'Functions and duties' }, target: { kind: 'page', value: 'chuc-nang-nhiem-vu' } },
            { label: { vi: 'Cơ cấu tổ chức', en: 'Organisation' }, target: { kind: 'path', value: '/co-cau-to-chuc' } },
            { label: { vi: 'Lãnh đạo', en: 'Leadership' }, target: { kind: 'path', value: '/lanh-dao' } },
            { label: { vi: 'Lịch sử hình thành', en: 'History' }, target: { kind: 'page', value: 'lich-su-hinh-thanh' } },
          ],
        },
        news,
        direction,
        legal,
        contact,
      ],
      footer,
    },
  },
  // A deep blue header: 8.6:1 against white text (WCAG 2.1 AA needs 4.5:1).
  theme: { primary: '#0b4f8a', onPrimary: '#ffffff', accent: '#8a5a00' },
  roles: ['site-admin', 'site-editor', 'site-author'],
};

/**
 * A commune's, ward's or special zone's site: the required information of a commune-level unit (TEN-04:
 * administrative organisation, natural conditions, history, leaders), its news and documents.
 */
export const COMMUNE_TEMPLATE: SiteTemplate = {
  id: 'commune',
  label: { vi: 'Trang xã, phường, đặc khu', en: 'Commune site' },
  kinds: ['commune', 'ward', 'special-zone'],
  blueprint: {
    mandatedSections: true,
    pages: [
      { slug: 'gioi-thieu', title: { vi: 'Giới thiệu chung', en: 'About' }, body: PLACEHOLDER, publish: true },
      { slug: 'dieu-kien-tu-nhien', title: { vi: 'Điều kiện tự nhiên', en: 'Natural conditions' }, body: PLACEHOLDER, parent: 'gioi-thieu', order: 1, publish: true },
      { slug: 'lich-su-hinh-thanh', title: { vi: 'Lịch sử hình thành', en: 'History' }, body: PLACEHOLDER, parent: 'gioi-thieu', order: 2, publish: true },
      { slug: 'ban-do-hanh-chinh', title: { vi: 'Bản đồ hành chính', en: 'Administrative map' }, body: PLACEHOLDER, parent: 'gioi-thieu', order: 3, publish: true },
    ],
    menus: {
      main: [
        home,
        {
          label: { vi: 'Giới thiệu', en: 'About' },
          target: { kind: 'page', value: 'gioi-thieu' },
          children: [
            { label: { vi: 'Tổ chức bộ máy', en: 'Administration' }, target: { kind: 'path', value: '/co-cau-to-chuc' } },
            { label: { vi: 'Lãnh đạo', en: 'Leadership' }, target: { kind: 'path', value: '/lanh-dao' } },
            { label: { vi: 'Điều kiện tự nhiên', en: 'Natural conditions' }, target: { kind: 'page', value: 'dieu-kien-tu-nhien' } },
            { label: { vi: 'Lịch sử hình thành', en: 'History' }, target: { kind: 'page', value: 'lich-su-hinh-thanh' } },
            { label: { vi: 'Bản đồ hành chính', en: 'Administrative map' }, target: { kind: 'page', value: 'ban-do-hanh-chinh' } },
          ],
        },
        news,
        direction,
        legal,
        contact,
      ],
      footer,
    },
  },
  // A deep green header: 7.9:1 against white text.
  theme: { primary: '#1b5e20', onPrimary: '#ffffff', accent: '#8a5a00' },
  roles: ['site-admin', 'site-editor', 'site-author'],
};

/** The built-in templates, by id. */
export const BUILTIN_TEMPLATES: ReadonlyMap<string, SiteTemplate> = new Map([DEPARTMENT_TEMPLATE, COMMUNE_TEMPLATE].map((t) => [t.id, t]));

/** The template a unit of this kind gets when a run names none. */
export function defaultTemplateFor(kind: string): SiteTemplate | undefined {
  return [...BUILTIN_TEMPLATES.values()].find((t) => t.kinds.includes(kind));
}
