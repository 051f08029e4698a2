import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, renderCalendar, utcDateTime } from '../src/calendar/icalendar.js';
import { consultationEvent } from '../src/consultations/consultation-calendar.js';
import type { ConsultationRow } from '../src/consultations/consultation-database.js';
import { dialogueEvent } from '../src/dialogues/dialogue-calendar.js';
import type { DialogueRow } from '../src/dialogues/dialogue-database.js';
import { eventsOf, physicalLines, prop, readCalendar, unescapeText } from './icalendar-reader.js';

const octets = (s: string) => Buffer.byteLength(s, 'utf8');

describe('iCalendar serializer (RFC 5545)', () => {
  it('escapes backslash, semicolon, comma and every kind of line break in TEXT', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
    // Backslash first: an escaped comma must not have its backslash doubled again.
    expect(escapeText('\\,')).toBe('\\\\\\,');
    expect(unescapeText(escapeText('Điều 1; khoản 2, điểm a\\b\nHết.'))).toBe('Điều 1; khoản 2, điểm a\\b\nHết.');
    // Other control characters are not allowed in TEXT: dropped.
    expect(escapeText('a\u0007b\tc')).toBe('ab\tc');
  });

  it('folds at 75 octets with CRLF and a space, never inside a UTF-8 sequence (Vietnamese, 4-byte emoji)', () => {
    const vietnamese = 'SUMMARY:Lấy ý kiến dự thảo Nghị quyết quy định mức thu phí thẩm định hồ sơ cấp giấy phép xây dựng trên địa bàn tỉnh Quảng Trị';
    const folded = foldLine(vietnamese);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(2);
    expect(octets(parts[0]!)).toBeLessThanOrEqual(75);
    for (const p of parts.slice(1)) {
      expect(p.startsWith(' ')).toBe(true);
      expect(octets(p)).toBeLessThanOrEqual(75);
    }
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(vietnamese);
    // Each part is made of whole characters: no replacement character when each is decoded alone.
    for (const p of parts) expect(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(p, 'utf8'))).toBe(p);

    // 73 ASCII octets then a 4-byte emoji: it does not fit in the 75, so it starts the next line whole.
    const emoji = `${'x'.repeat(73)}😀😀`;
    expect(foldLine(emoji)).toBe(`${'x'.repeat(73)}\r\n 😀😀`);
    // Exactly 75 octets stay on one line; 76 fold.
    expect(foldLine('y'.repeat(75))).toBe('y'.repeat(75));
    expect(foldLine('y'.repeat(76))).toBe(`${'y'.repeat(75)}\r\n y`);
    // A continuation holds 74 octets after its space.
    expect(foldLine('z'.repeat(75 + 74 + 1))).toBe(`${'z'.repeat(75)}\r\n ${'z'.repeat(74)}\r\n z`);
  });

  it('writes UTC DATE-TIMEs with Z', () => {
    expect(utcDateTime(Date.UTC(2026, 11, 1, 2, 30, 5, 999))).toBe('20261201T023005Z');
  });

  it('renders a calendar a strict reader accepts, with the texts back as they were', () => {
    const description = 'Dòng 1; có chấm phẩy, dấu phẩy và \\ gạch ngược.\nDòng 2 🏛️ với emoji 4 byte 😀 và chữ tiếng Việt: Ủy ban nhân dân tỉnh Quảng Trị.';
    const text = renderCalendar(
      [
        { uid: 'consultation-1@cong-qa', start: Date.UTC(2026, 10, 30, 17), end: Date.UTC(2026, 11, 10, 17), summary: 'Lấy ý kiến: a, b; c', description, url: 'https://quangtri.gov.vn/gop-y-du-thao/a', lastModified: Date.UTC(2026, 10, 20) },
        { uid: 'dialogue-2@cong-qa', start: Date.UTC(2026, 11, 5, 1), end: Date.UTC(2026, 11, 5, 3), summary: 'Đối thoại', location: 'https://tv.example.vn/truc-tiep?a=1,2', lastModified: Date.UTC(2026, 10, 21), status: 'CANCELLED' },
      ],
      { name: 'Lịch, góp ý; đối thoại' },
    );
    const calendar = readCalendar(Buffer.from(text, 'utf8'));
    expect(calendar.name).toBe('VCALENDAR');
    expect(prop(calendar, 'VERSION')).toBe('2.0');
    expect(prop(calendar, 'PRODID')).toBeTruthy();
    expect(prop(calendar, 'NAME')).toBe('Lịch, góp ý; đối thoại');
    const [first, second] = eventsOf(calendar);
    expect(prop(first!, 'UID')).toBe('consultation-1@cong-qa');
    expect(prop(first!, 'DTSTART')).toBe('20261130T170000Z');
    expect(prop(first!, 'DTEND')).toBe('20261210T170000Z');
    expect(prop(first!, 'DTSTAMP')).toBe('20261120T000000Z');
    expect(prop(first!, 'LAST-MODIFIED')).toBe('20261120T000000Z');
    expect(prop(first!, 'SUMMARY')).toBe('Lấy ý kiến: a, b; c');
    expect(prop(first!, 'DESCRIPTION')).toBe(description);
    expect(prop(first!, 'URL')).toBe('https://quangtri.gov.vn/gop-y-du-thao/a');
    expect(prop(second!, 'STATUS')).toBe('CANCELLED');
    expect(prop(second!, 'LOCATION')).toBe('https://tv.example.vn/truc-tiep?a=1,2');
    expect(physicalLines(Buffer.from(text)).some((l) => l.startsWith(' '))).toBe(true); // the description was folded
  });

  it('maps a consultation to the comment period in Vietnam days, and a dialogue to its schedule and livestream', () => {
    const row = { id: 'c1', slug: 'du-thao-a', title: 'Dự thảo A', summary: 'Tóm tắt', opens_on: '2026-12-01', closes_on: '2026-12-10', updated_at: Date.UTC(2026, 10, 20) } as ConsultationRow;
    const event = consultationEvent(row, 'Sở Công Thương', 'https://x.vn/gop-y-du-thao/du-thao-a');
    // 00:00 of 1 December in Vietnam (UTC+7) to the end of 10 December.
    expect([utcDateTime(event.start), utcDateTime(event.end)]).toEqual(['20261130T170000Z', '20261210T170000Z']);
    expect(event.uid).toBe('consultation-c1@cong-qa');
    expect(event.description).toContain('từ ngày 01/12/2026 đến hết ngày 10/12/2026');
    const long = consultationEvent({ ...row, summary: 'ỹ'.repeat(3000) }, 'Sở', 'https://x.vn');
    expect([...long.description!].filter((c) => c === 'ỹ')).toHaveLength(1000);

    const d = { id: 'd1', slug: 'doi-thoai-a', title: 'Đối thoại A', description: '', starts_at: Date.UTC(2026, 11, 5, 1), ends_at: Date.UTC(2026, 11, 5, 3), livestream_url: 'https://tv.vn/live', status: 'cancelled', cancel_reason: 'Lãnh đạo bận', updated_at: 1 } as DialogueRow;
    const dialogue = dialogueEvent(d, 'UBND tỉnh', 'https://x.vn/doi-thoai/doi-thoai-a', [{ id: 'g', dialogue_id: 'd1', position: 0, name: 'Nguyễn Văn An', title: 'Giám đốc Sở', unit_name: 'Sở Công Thương' }]);
    expect(dialogue).toMatchObject({ uid: 'dialogue-d1@cong-qa', start: d.starts_at, end: d.ends_at, location: 'https://tv.vn/live', status: 'CANCELLED' });
    expect(dialogue.description).toContain('- Nguyễn Văn An, Giám đốc Sở, Sở Công Thương');
    expect(dialogue.description).toContain('Đã hủy (cancelled): Lãnh đạo bận');
  });
});
