import { describe, expect, it } from 'vitest';
import { MAIL_TEMPLATE_NAMES, MAIL_TEMPLATES } from '../src/templates/mail-template-catalog.js';
import { renderMailTemplate, unknownPlaceholders } from '../src/templates/render-mail-template.js';

/** SECURITY.md §6.4 family 6: whatever the engine, the output must be literal. */
const CORPUS = ['{{7*7}}', '${7*7}', '<%= 7*7 %>', "{{constructor.constructor('return process')()}}"];

describe('mail template rendering', () => {
  it('inserts values as text in one pass: the injection corpus comes out literally', () => {
    for (const payload of CORPUS) {
      const mail = renderMailTemplate({ subject: 'S {{title}}', bodyVi: 'V {{title}} {{link}}', bodyEn: 'E {{title}}' }, { title: payload, link: '{{title}}' });
      expect(mail.subject).toBe(`S ${payload}`);
      expect(mail.text).toBe(`V ${payload} {{title}}\n\n---\nE ${payload}`);
      expect(mail.text).not.toContain('49');
    }
  });

  it('keeps a subject on one line whatever a value holds', () => {
    const mail = renderMailTemplate({ subject: 'Trả lời {{code}}', bodyVi: '{{code}}', bodyEn: '' }, { code: 'HD\r\nBcc: evil@example.com\n\u2028X' });
    expect(mail.subject).not.toMatch(/[\r\n\u2028]/);
    expect(mail.subject).toContain('Bcc: evil@example.com');
    expect(mail.text.startsWith('HD\r\nBcc')).toBe(true); // the body is plain text: lines are fine there
  });

  it('finds placeholders that are not declared, including expressions', () => {
    expect(unknownPlaceholders('{{title}} {{ link }} {{asker}} {{7*7}} {{constructor.constructor()}} ${x}', ['title', 'link'])).toEqual(['{{asker}}', '{{7*7}}', '{{constructor.constructor()}}']);
  });

  it('declares every key its default text uses, and a sample for each key', () => {
    for (const name of MAIL_TEMPLATE_NAMES) {
      const { keys, defaults, sample } = MAIL_TEMPLATES[name];
      for (const part of [defaults.subject, defaults.bodyVi, defaults.bodyEn]) expect(unknownPlaceholders(part, keys), name).toEqual([]);
      expect(Object.keys(sample).sort(), name).toEqual([...keys].sort());
    }
  });
});
