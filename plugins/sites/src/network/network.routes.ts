import { Readable } from 'node:stream';
import { coreServices, csvLine, respond, type RouteBuilder } from '@cong/sdk';
import { NETWORK_PERMISSION } from '../registry/site.routes.js';
import { LINK_CHECK_JOB } from './link-check-job.js';
import { NetworkDashboard, type DashboardRow } from './network-dashboard.js';
import { dashboardCsvQuery, dashboardPageSchema, dashboardQuery, linkCheckRunSchema, linkPageSchema, siteLinksParams, siteLinksQuery } from './network.schema.js';
import type { UptimeRegistry } from './uptime-point.js';

const STATUS_VI: Record<DashboardRow['status'], string> = { draft: 'Đang chuẩn bị', live: 'Đang hoạt động', suspended: 'Tạm ngừng', archived: 'Đã lưu trữ' };

/** The CSV's columns: Vietnamese heading first, English in brackets. */
const CSV_HEADER = [
  'Đơn vị (Unit)', 'Mã đơn vị (Slug)', 'Loại (Kind)', 'Trạng thái (Status)', 'Tên miền (Host)', 'Cập nhật gần nhất (Last update)',
  'Chưa cập nhật (Stale)', 'Tin 30 ngày (Published, 30 days)', 'Mục bắt buộc (Mandated sections)', 'Mục bắt buộc trống (Empty mandated sections)',
  'Bản tiếng Anh cũ (Stale English)', 'Người biên tập (Editors)', 'Liên kết hỏng (Broken links)', 'Thời gian hoạt động % (Uptime %)',
];

function csvRow(r: DashboardRow): string {
  return csvLine([
    r.unit.nameVi, r.unit.slug, r.unit.kind, STATUS_VI[r.status], r.primaryHost, r.lastUpdate, r.stale ? 'có (yes)' : 'không (no)',
    r.publishedLast30Days, r.mandatedSections, r.emptyMandatedSections, r.staleEnglish, r.editors.total, r.brokenLinks, r.uptime === null ? '—' : r.uptime,
  ]);
}

/** The network dashboard and the link checker under `/api/sites/network`. */
export function networkRoutes(uptime: UptimeRegistry) {
  return (route: RouteBuilder): void => {
    route.get('/network', {
      summary: { vi: 'Bảng theo dõi mạng lưới trang thành phần', en: 'Network dashboard of the component sites' },
      description:
        'For every site of the caller\'s unit and the units below it: last update, articles published in the last 30 days, empty mandated sections, ' +
        'stale English organisation pages (POR-23), editors (site roles held there), broken links, uptime (null without a monitoring plugin). ' +
        'A site not updated within `staleAfterDays` (a setting, default 30) is `stale`.',
      permission: NETWORK_PERMISSION,
      schema: { query: dashboardQuery, response: { 200: dashboardPageSchema } },
      handler: (req, ctx) => new NetworkDashboard(ctx, uptime).page(req, req.query),
    });

    route.get('/network.csv', {
      summary: { vi: 'Tải bảng theo dõi mạng lưới (CSV)', en: 'Network dashboard as CSV' },
      description: 'The filtered, sorted dashboard, every row. UTF-8 with a byte-order mark; cells that would start a formula are prefixed with an apostrophe.',
      permission: NETWORK_PERMISSION,
      produces: 'text/csv; charset=utf-8',
      schema: { query: dashboardCsvQuery },
      handler: async (req, ctx) => {
        const { rows } = await new NetworkDashboard(ctx, uptime).rows(req, req.query);
        return respond(200, Readable.from(['\uFEFF', csvLine(CSV_HEADER), ...rows.map(csvRow)]), {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': 'attachment; filename="mang-luoi-trang-thanh-phan.csv"',
          'cache-control': 'no-store',
        });
      },
    });

    route.get('/network/sites/:id/links', {
      summary: { vi: 'Liên kết ngoài của một trang', en: 'A site\'s outbound links' },
      description: 'What the link checker found and saw, broken first; each link with the articles and pages it appears on. A site outside the caller\'s subtree is 404.',
      permission: NETWORK_PERMISSION,
      schema: { params: siteLinksParams, query: siteLinksQuery, response: { 200: linkPageSchema } },
      handler: (req, ctx) => new NetworkDashboard(ctx, uptime).links(req, req.params.id, req.query),
    });

    route.post('/network/link-checks', {
      summary: { vi: 'Kiểm tra liên kết ngay', en: 'Run the link checker now' },
      description: 'Queues a run of the scheduled link checker (every site of the platform). A run only records results, so two runs in a row are harmless.',
      permission: NETWORK_PERMISSION,
      schema: { response: { 202: linkCheckRunSchema } },
      handler: async (_req, ctx) => respond(202, { jobId: await ctx.get(coreServices.jobs).enqueue(LINK_CHECK_JOB, {}) }),
    });
  };
}
