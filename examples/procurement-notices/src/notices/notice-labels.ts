import type { Funding, NoticeKind, NoticeStatus, ProjectGroup } from '../api/index.js';

type Labels<K extends string> = Readonly<Record<K, { readonly vi: string; readonly en: string }>>;

export const KIND_LABELS: Labels<NoticeKind> = {
  project: { vi: 'Dự án đầu tư công', en: 'Public investment project' },
  tender: { vi: 'Thông báo mời thầu', en: 'Invitation to bid' },
  award: { vi: 'Kết quả lựa chọn nhà thầu', en: 'Contract award' },
};

export const STATUS_LABELS: Labels<NoticeStatus> = {
  preparing: { vi: 'Chuẩn bị đầu tư', en: 'In preparation' },
  open: { vi: 'Đang mời thầu', en: 'Open for bids' },
  'in-progress': { vi: 'Đang thực hiện', en: 'In progress' },
  completed: { vi: 'Đã hoàn thành', en: 'Completed' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

export const FUNDING_LABELS: Labels<Funding> = {
  'state-budget': { vi: 'Ngân sách nhà nước', en: 'State budget' },
  oda: { vi: 'Vốn ODA, vốn vay ưu đãi', en: 'ODA and concessional loans' },
  ppp: { vi: 'Đối tác công tư (PPP)', en: 'Public-private partnership' },
  other: { vi: 'Nguồn vốn khác', en: 'Other sources' },
};

export const GROUP_LABELS: Labels<ProjectGroup> = {
  national: { vi: 'Dự án quan trọng quốc gia', en: 'Project of national importance' },
  'group-a': { vi: 'Dự án nhóm A', en: 'Group A project' },
  'group-b': { vi: 'Dự án nhóm B', en: 'Group B project' },
  'group-c': { vi: 'Dự án nhóm C', en: 'Group C project' },
};

export const KINDS = Object.keys(KIND_LABELS) as NoticeKind[];
export const STATUSES = Object.keys(STATUS_LABELS) as NoticeStatus[];
export const FUNDINGS = Object.keys(FUNDING_LABELS) as Funding[];
export const GROUPS = Object.keys(GROUP_LABELS) as ProjectGroup[];
