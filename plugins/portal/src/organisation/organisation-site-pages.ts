import type { SitePageDefinition } from '../site/site-page.js';
import { contactPage } from './contact-page.js';
import { leadersPage } from './leaders-page.js';
import { orgChartPage } from './org-chart-page.js';
import { schedulePage } from './schedule-page.js';

/** The organisation area's public pages; the site serves each in Vietnamese and under /en. */
export const organisationSitePages: readonly SitePageDefinition[] = [
  { path: '/co-cau-to-chuc', summary: { vi: 'Cơ cấu tổ chức', en: 'Organisation structure' }, render: orgChartPage },
  { path: '/lanh-dao', summary: { vi: 'Lãnh đạo', en: 'Leadership' }, render: leadersPage },
  { path: '/lien-he', summary: { vi: 'Liên hệ', en: 'Contact' }, render: contactPage },
  { path: '/lich-cong-tac', summary: { vi: 'Lịch công tác', en: 'Work schedule' }, keep: ['tuan'], render: schedulePage },
];
