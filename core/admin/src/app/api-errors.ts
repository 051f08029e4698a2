import { msg, str } from '@lit/localize';
import { showToast, type ApiError } from '@cong/sdk/admin';

/** The message of an API failure for a toast. */
export function failureText(error: ApiError): string {
  if (error.status === 0) return msg('The server cannot be reached. Check the connection and try again.', { id: 'app.offline' });
  if (error.status === 403) return msg('You do not have permission to do this in this unit.', { id: 'app.forbidden' });
  if (error.status === 429) return msg('Too many requests. Wait a moment and try again.', { id: 'app.throttled' });
  if (error.status >= 500) return msg(str`The server could not finish the request (${error.code}).`, { id: 'app.serverError' });
  return error.message;
}

/**
 * Failures the page itself explains where they happened: a wrong two-factor code, a dead reset link, and
 * the roles page's refusals (role still granted, built-in role, roles defined only at the province).
 */
const SHOWN_IN_PLACE = new Set(['CONG_ERR_TOTP_INVALID', 'CONG_ERR_RESET_TOKEN_INVALID', 'CONG_ERR_ROLE_IN_USE', 'CONG_ERR_ROLE_BUILTIN', 'CONG_ERR_ROLES_AT_PROVINCE']);

/**
 * The `onError` of the shell's API clients: a 401 goes to the login page, a 400 with field errors is
 * left to the form (it shows them next to the fields), and so are the errors in {@link SHOWN_IN_PLACE};
 * anything else raises a `danger` toast.
 */
export function shellErrorHandler(options: { readonly toLogin: () => void; readonly target?: EventTarget }): (error: ApiError) => void {
  return (error) => {
    if (error.status === 401) return options.toLogin();
    if (SHOWN_IN_PLACE.has(error.code) || (error.status === 400 && error.errors.length > 0)) return;
    showToast(failureText(error), { variant: 'danger' }, options.target);
  };
}
