import { describe, expect, it } from 'vitest';
import { contentDisposition } from '../src/media/content-disposition.js';
import { derivativeWidths } from '../src/media/image-derivatives.js';
import { mediaDocumentHtml } from '../src/media/media-document-html.js';
import { mediaFigureHtml, mediaImageHtml, mediaImageObject } from '../src/media/media-image-html.js';
import { siteMediaUrls } from '../src/media/media-urls.js';
import type { MediaItem } from '../src/media/media.schema.js';

const variant = (name: string, width: number, contentType: string) => ({ name, url: `/media/m1/${name}`, contentType, width, height: Math.round(width / 2), size: 1 });
const item: Pick<MediaItem, 'variants' | 'url' | 'alt' | 'width' | 'height'> = {
  url: '/media/m1/goc',
  alt: { vi: 'Cầu "Hiền Lương" <đêm>', en: null },
  width: 1200,
  height: 600,
  variants: [variant('w320.webp', 320, 'image/webp'), variant('w640.webp', 640, 'image/webp'), variant('w1024.jpg', 1024, 'image/jpeg'), variant('w1024.webp', 1024, 'image/webp')],
};

describe('media image HTML', () => {
  it('writes src, srcset, sizes, escaped alt, dimensions and lazy loading under the site prefix', () => {
    const out = mediaImageHtml({ prefix: '/t/so-tai-chinh', lang: 'vi' }, item, { sizes: '100vw' }).toString();
    expect(out).toBe(
      '<img src="/t/so-tai-chinh/media/m1/w1024.jpg" srcset="/t/so-tai-chinh/media/m1/w320.webp 320w, /t/so-tai-chinh/media/m1/w640.webp 640w, /t/so-tai-chinh/media/m1/w1024.webp 1024w" sizes="100vw" alt="Cầu &quot;Hiền Lương&quot; &lt;đêm&gt;" width="1200" height="600" loading="lazy" decoding="async">',
    );
  });

  it('falls back to the Vietnamese alt text in English, and to an empty alt without one', () => {
    expect(mediaImageHtml({ prefix: '', lang: 'en' }, item).toString()).toContain('alt="Cầu &quot;Hiền Lương&quot; &lt;đêm&gt;"');
    expect(mediaImageHtml({ prefix: '', lang: 'vi' }, { ...item, alt: { vi: null, en: null } }, { loading: 'eager' }).toString()).toMatch(/alt="" width="1200" height="600" loading="eager"/);
  });

  it('derives the standard widths below the original and the original under 1600 px', () => {
    expect(derivativeWidths(4000)).toEqual([320, 640, 1024, 1600]);
    expect(derivativeWidths(1600)).toEqual([320, 640, 1024, 1600]);
    expect(derivativeWidths(800)).toEqual([320, 640, 800]);
    expect(derivativeWidths(200)).toEqual([200]);
  });
});

describe('content disposition', () => {
  it('gives an ASCII name and the exact UTF-8 name (RFC 5987)', () => {
    expect(contentDisposition('inline', 'Quyết định số 12 (bản "chính").pdf')).toBe(
      `inline; filename="Quyet dinh so 12 (ban _chinh_).pdf"; filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20s%E1%BB%91%2012%20%28b%E1%BA%A3n%20%22ch%C3%ADnh%22%29.pdf`,
    );
    expect(contentDisposition('attachment', 'Đề án.docx')).toMatch(/^attachment; filename="De an.docx"; filename\*=UTF-8''%C4%90%E1%BB%81%20%C3%A1n.docx$/);
  });
});

describe('media URLs in stored bodies', () => {
  it('points /media/ images and links at the unit under /t/<slug>, and leaves other URLs alone', () => {
    const body = '<p><img src="/media/m1/w640.webp" alt="Cầu"> <a href="/media/m2/goc">Phụ lục</a> <a href="/tin/media/x">tin</a> <a href="https://example.vn/media/y">ngoài</a></p>';
    expect(siteMediaUrls(body, { prefix: '/t/so-tai-chinh' })).toBe(
      '<p><img src="/t/so-tai-chinh/media/m1/w640.webp" alt="Cầu"> <a href="/t/so-tai-chinh/media/m2/goc">Phụ lục</a> <a href="/tin/media/x">tin</a> <a href="https://example.vn/media/y">ngoài</a></p>',
    );
    expect(siteMediaUrls(body, { prefix: '' })).toBe(body);
  });

  it('gives a library WebP image the narrower derivatives as a srcset, under the unit', () => {
    const id = '0b7c4d1e-1a2b-4c3d-8e9f-000000000001';
    const body = `<p><img src="/media/${id}/w1024.webp" alt="Cầu" /></p>`;
    expect(siteMediaUrls(body, { prefix: '/t/so-tai-chinh' })).toBe(
      `<p><img srcset="/t/so-tai-chinh/media/${id}/w320.webp 320w, /t/so-tai-chinh/media/${id}/w640.webp 640w, /t/so-tai-chinh/media/${id}/w1024.webp 1024w" sizes="(max-width: 60rem) 100vw, 60rem" src="/t/so-tai-chinh/media/${id}/w1024.webp" alt="Cầu" /></p>`,
    );
    // An 800 px image has 320 and 640 below its own width.
    expect(siteMediaUrls(`<img src="/media/${id}/w800.webp" alt="x" />`, { prefix: '' })).toBe(
      `<img srcset="/media/${id}/w320.webp 320w, /media/${id}/w640.webp 640w, /media/${id}/w800.webp 800w" sizes="(max-width: 60rem) 100vw, 60rem" src="/media/${id}/w800.webp" alt="x" />`,
    );
  });
});

describe('media figures, JSON-LD and attachments', () => {
  const site = (lang: 'vi' | 'en') => ({ prefix: '/t/so-tai-chinh', lang, origin: 'https://cong.example.vn', t: (vi: string, en: string) => (lang === 'en' ? en : vi) });
  const described = { ...item, caption: { vi: 'Cầu Hiền Lương về đêm', en: null }, credit: 'Trần Bình <TTXVN>' };

  it('wraps the image in a figure with the caption and the escaped credit', () => {
    const out = mediaFigureHtml(site('vi'), described).toString();
    expect(out).toMatch(/^<figure class="media"><img [^>]+><figcaption>Cầu Hiền Lương về đêm <span class="credit">Ảnh: Trần Bình &lt;TTXVN&gt;<\/span><\/figcaption><\/figure>$/);
    expect(mediaFigureHtml(site('en'), { ...item, caption: { vi: null, en: null }, credit: null }).toString()).not.toContain('figcaption');
    expect(mediaImageObject(site('vi'), described)).toEqual({
      '@type': 'ImageObject',
      contentUrl: 'https://cong.example.vn/t/so-tai-chinh/media/m1/goc',
      width: 1200,
      height: 600,
      caption: 'Cầu Hiền Lương về đêm',
      creditText: 'Trần Bình <TTXVN>',
    });
  });

  it('links an attachment with its format, size, number, issuer and date', () => {
    const attachment = {
      url: '/media/m2/goc',
      contentType: 'application/pdf',
      size: 2_500_000,
      originalName: 'qd.pdf',
      title: { vi: null, en: null },
      document: { title: 'Quyết định phê duyệt dự toán', number: '12/2026/QĐ-UBND', issuer: 'UBND tỉnh Quảng Trị', date: '2026-11-20', description: null },
    };
    const out = mediaDocumentHtml(site('vi'), attachment).toString();
    expect(out).toContain('<a href="/t/so-tai-chinh/media/m2/goc" type="application/pdf">Quyết định phê duyệt dự toán <span class="format">(PDF, 2,4 MB)</span></a>');
    expect(out).toContain('<p class="attachment-facts">Số 12/2026/QĐ-UBND · UBND tỉnh Quảng Trị · 20/11/2026</p>');
    expect(mediaDocumentHtml(site('en'), { ...attachment, document: null, title: { vi: 'Phụ lục', en: 'Annex' } }).toString()).toContain('>Annex <span class="format">(PDF, 2.4 MB)</span></a></div>');
  });
});
