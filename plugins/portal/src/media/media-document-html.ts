import { html, type SafeHtml } from '../site/html.js';
import { localeOf } from '../site/languages.js';
import type { Site } from '../site/site-context.js';
import { mediaText } from './media-image-html.js';
import type { MediaItem } from './media.schema.js';

const FORMATS: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PPTX',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'application/vnd.oasis.opendocument.spreadsheet': 'ODS',
  'application/vnd.oasis.opendocument.presentation': 'ODP',
};

function size(bytes: number, lang: Site['lang']): string {
  const locale = localeOf(lang);
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString(locale)} KB`;
  return `${(bytes / (1024 * 1024)).toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;
}

/**
 * A PDF or document attached to a page (POR-01 "tài liệu đính kèm"): a link to the file named by its
 * document title (else its title, else its file name), with the format and size in the link text, so
 * a screen reader announces what opening it does, and the number, issuer and date below.
 */
export function mediaDocumentHtml(site: Pick<Site, 'prefix' | 'lang' | 't'>, item: Pick<MediaItem, 'url' | 'contentType' | 'size' | 'document' | 'title' | 'originalName'>): SafeHtml {
  const name = item.document?.title ?? mediaText(site.lang, item.title) ?? item.originalName;
  const format = FORMATS[item.contentType] ?? site.t('Tệp', 'File');
  const facts = [
    item.document?.number ? `${site.t('Số', 'No.')} ${item.document.number}` : undefined,
    item.document?.issuer ?? undefined,
    item.document?.date ? new Date(`${item.document.date}T00:00:00Z`).toLocaleDateString(localeOf(site.lang), { timeZone: 'UTC' }) : undefined,
  ].filter((fact): fact is string => Boolean(fact));
  return html`<div class="attachment"><a href="${site.prefix}${item.url}" type="${item.contentType}">${name} <span class="format">(${format}, ${size(item.size, site.lang)})</span></a>${
    facts.length > 0 ? html`<p class="attachment-facts">${facts.join(' · ')}</p>` : ''
  }${item.document?.description ? html`<p>${item.document.description}</p>` : ''}</div>`;
}
