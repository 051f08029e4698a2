import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureLocalization } from '@lit/localize';
import { ApiError } from '@cong/sdk/admin';
import { fakeApi, settle } from '../../components/testing/fake-api.js';
import { templates } from '../../i18n/locales/vi.js';
import './reset-page.js';
import type { CongResetPage } from './reset-page.js';

const testerUrl = location.href;
afterAll(() => history.replaceState(null, '', testerUrl));

beforeAll(async () => {
  document.documentElement.lang = 'vi';
  await configureLocalization({ sourceLocale: 'en', targetLocales: ['vi'], loadLocale: async () => ({ templates }) }).setLocale('vi');
});

/** Opens the page as the e-mailed link does (`/admin/core/reset?token=…`). */
async function openWithToken(token: string, live: boolean) {
  history.replaceState(null, '', `/admin/core/reset?token=${token}&tenant=quang-tri`);
  const api = fakeApi({
    'POST /api/core/auth/password-reset/check': () => {
      if (!live) throw new ApiError(400, 'CONG_ERR_RESET_TOKEN_INVALID', 'The password reset link is invalid, used or expired');
      return undefined;
    },
  });
  const page = document.createElement('cong-reset-page') as CongResetPage;
  page.api = api;
  document.body.append(page);
  await settle(page);
  return { page, api, text: () => page.shadowRoot!.textContent ?? '' };
}

describe('<cong-reset-page> with a link', () => {
  it('takes the token out of the address bar, keeps the rest, and asks for the new password when the link is live', async () => {
    const { page, api, text } = await openWithToken('tok-live', true);
    expect(location.search).toBe('?tenant=quang-tri');
    expect(api.calls).toEqual([{ method: 'POST', path: '/api/core/auth/password-reset/check', body: { token: 'tok-live' } }]);
    expect(text()).toContain('Mật khẩu mới');
    expect(page.shadowRoot!.querySelector('[role=alert]')).toBeNull();
    page.remove();
  });

  it('says at once that a dead link is dead and offers to send a new one', async () => {
    const { page, text } = await openWithToken('tok-used', false);
    expect(page.shadowRoot!.querySelector('[role=alert]')!.textContent).toContain('Đường dẫn này không hợp lệ');
    expect(text()).toContain('Gửi đường dẫn');
    expect(text()).not.toContain('Mật khẩu mới');
    page.remove();
  });
});
