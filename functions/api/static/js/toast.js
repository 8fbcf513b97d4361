// A short status line at the bottom of the screen for results and errors.
import { t } from './i18n.js';

let timer;

/** Shows `message`; errors stay until the next message, others fade after a few seconds. */
export function showToast(message, kind = 'info') {
  const toast = document.getElementById('toast');
  toast.textContent = message;
  toast.dataset.kind = kind;
  toast.hidden = false;
  clearTimeout(timer);
  if (kind !== 'error') timer = setTimeout(() => (toast.hidden = true), 5000);
}

/** Shows an API or network error in words the user can act on. */
export function showError(error) {
  const base = error?.status === 403 ? t('error.forbidden') : t('error.generic');
  const detail = error?.message ? `: ${error.message}` : '';
  const reference = error?.requestId ? ` (${t('error.reference')} ${error.requestId})` : '';
  showToast(`${base}${detail}${reference}`, 'error');
}
