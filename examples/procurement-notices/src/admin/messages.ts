import { localized } from '@cong/sdk/admin';

/** The admin texts: Vietnamese first, English second. */
export const messages = {
  vi: {
    title: 'Đầu tư công, mua sắm công',
    empty: 'Chưa có dự án, thông báo nào.',
    name: 'Tên dự án, gói thầu',
    kind: 'Loại',
    field: 'Lĩnh vực',
    objective: 'Mục tiêu, quy mô',
    status: 'Trạng thái',
    funding: 'Nguồn vốn',
    budget: 'Tổng mức đầu tư / giá gói thầu (đồng)',
    startOn: 'Ngày bắt đầu',
    endOn: 'Ngày kết thúc',
    closesAt: 'Thời điểm đóng thầu',
    donor: 'Nhà tài trợ',
    result: 'Kết quả',
    public: 'Công khai',
    draft: 'Chưa công bố',
    published: 'Đã công bố',
    add: 'Thêm',
    save: 'Lưu',
    edit: 'Sửa',
    cancel: 'Hủy',
    publish: 'Công bố',
    unpublish: 'Gỡ công bố',
    delete: 'Xóa',
    newNotice: 'Thêm dự án, thông báo',
    editNotice: 'Sửa dự án, thông báo',
    saving: 'Đang lưu…',
    failed: 'Không tải được dữ liệu',
    open: (n: number) => `${n} gói thầu đang mời thầu`,
    actionsFor: (name: string) => `Thao tác với ${name}`,
  },
  en: {
    title: 'Public investment and procurement',
    empty: 'No projects or notices yet.',
    name: 'Project or package name',
    kind: 'Kind',
    field: 'Field',
    objective: 'Objective and scale',
    status: 'Status',
    funding: 'Funding',
    budget: 'Total investment / package price (VND)',
    startOn: 'Start date',
    endOn: 'End date',
    closesAt: 'Bids close',
    donor: 'Donor',
    result: 'Result',
    public: 'Public',
    draft: 'Not published',
    published: 'Published',
    add: 'Add',
    save: 'Save',
    edit: 'Edit',
    cancel: 'Cancel',
    publish: 'Publish',
    unpublish: 'Unpublish',
    delete: 'Delete',
    newNotice: 'Add a project or notice',
    editNotice: 'Edit the project or notice',
    saving: 'Saving…',
    failed: 'Could not load the data',
    open: (n: number) => `${n} package${n === 1 ? '' : 's'} open for bids`,
    actionsFor: (name: string) => `Actions for ${name}`,
  },
};

export function texts(): (typeof messages)['vi'] {
  return localized(messages);
}

/** The label of an enumerated value in the shell's language. */
export function labelOf(labels: Readonly<Record<string, { readonly vi: string; readonly en: string }>>, value: string): string {
  const label = labels[value];
  return label ? localized({ vi: label.vi, en: label.en }) : value;
}
