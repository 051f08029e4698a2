import type { TenantDirectory } from './tenant-directory.js';
import type { NewTenant } from './tenant.js';

/**
 * The demo province: Quảng Trị as it is after 1 July 2025 (merged with Quảng Bình; two local levels).
 * Departments carry the names of the 2025 provincial apparatus; wards and the special zone are real
 * units; the communes are clearly marked samples ("Xã Minh họa"), not real names. Two former districts
 * are archived on 2025-07-01 with the province as successor, for content published before then.
 * Hosts are `*.localhost`, which browsers send to this machine, so the demo needs no DNS.
 */
export async function seedDemoProvince(directory: TenantDirectory): Promise<{ created: number }> {
  if ((await directory.list({ limit: 1 })).total > 0) return { created: 0 };
  let created = 0;
  const add = async (spec: NewTenant) => {
    created++;
    return directory.create(spec);
  };
  const province = await add({
    slug: 'quang-tri',
    nameVi: 'Tỉnh Quảng Trị',
    nameEn: 'Quang Tri Province',
    kind: 'province',
    primaryHost: 'localhost',
    aliasHosts: ['127.0.0.1', 'quang-tri.localhost'],
  });
  const departments: [string, string, string][] = [
    ['van-phong-ubnd', 'Văn phòng Ủy ban nhân dân tỉnh', 'Office of the Provincial People\'s Committee'],
    ['so-noi-vu', 'Sở Nội vụ', 'Department of Home Affairs'],
    ['so-tai-chinh', 'Sở Tài chính', 'Department of Finance'],
    ['so-tu-phap', 'Sở Tư pháp', 'Department of Justice'],
    ['so-xay-dung', 'Sở Xây dựng', 'Department of Construction'],
    ['so-y-te', 'Sở Y tế', 'Department of Health'],
    ['so-giao-duc-va-dao-tao', 'Sở Giáo dục và Đào tạo', 'Department of Education and Training'],
    ['so-nong-nghiep-va-moi-truong', 'Sở Nông nghiệp và Môi trường', 'Department of Agriculture and Environment'],
    ['so-khoa-hoc-va-cong-nghe', 'Sở Khoa học và Công nghệ', 'Department of Science and Technology'],
    ['so-van-hoa-the-thao-va-du-lich', 'Sở Văn hóa, Thể thao và Du lịch', 'Department of Culture, Sports and Tourism'],
    ['so-cong-thuong', 'Sở Công Thương', 'Department of Industry and Trade'],
    ['so-dan-toc-va-ton-giao', 'Sở Dân tộc và Tôn giáo', 'Department of Ethnic Minorities and Religions'],
    ['thanh-tra-tinh', 'Thanh tra tỉnh', 'Provincial Inspectorate'],
  ];
  for (const [slug, nameVi, nameEn] of departments) {
    await add({ slug, nameVi, nameEn, kind: 'department', parentId: province.id, primaryHost: `${slug}.localhost` });
  }
  const wards: [string, string][] = [
    ['dong-ha', 'Phường Đông Hà'],
    ['nam-dong-ha', 'Phường Nam Đông Hà'],
    ['phuong-quang-tri', 'Phường Quảng Trị'],
    ['dong-hoi', 'Phường Đồng Hới'],
    ['dong-thuan', 'Phường Đồng Thuận'],
    ['dong-son', 'Phường Đồng Sơn'],
    ['ba-don', 'Phường Ba Đồn'],
    ['bac-gianh', 'Phường Bắc Gianh'],
  ];
  for (const [slug, nameVi] of wards) {
    await add({ slug, nameVi, nameEn: `${nameVi.replace('Phường ', '')} Ward`, kind: 'ward', parentId: province.id, primaryHost: `${slug}.localhost` });
  }
  await add({ slug: 'con-co', nameVi: 'Đặc khu Cồn Cỏ', nameEn: 'Con Co Special Zone', kind: 'special-zone', parentId: province.id, primaryHost: 'con-co.localhost' });
  for (let i = 1; i <= 24; i++) {
    const n = String(i).padStart(2, '0');
    await add({
      slug: `xa-minh-hoa-${n}`,
      nameVi: `Xã Minh họa ${n}`,
      nameEn: `Sample Commune ${n}`,
      kind: 'commune',
      parentId: province.id,
      primaryHost: `xa-minh-hoa-${n}.localhost`,
    });
  }
  for (const [slug, nameVi, nameEn] of [
    ['huyen-vinh-linh', 'Huyện Vĩnh Linh (đến 30/6/2025)', 'Vinh Linh District (until 30 June 2025)'],
    ['huyen-gio-linh', 'Huyện Gio Linh (đến 30/6/2025)', 'Gio Linh District (until 30 June 2025)'],
  ] as const) {
    const district = await add({ slug, nameVi, nameEn, kind: 'district', parentId: province.id, validFrom: '1989-07-01', primaryHost: `${slug}.localhost` });
    await directory.archive(district.id, '2025-07-01', province.id);
  }
  return { created };
}
