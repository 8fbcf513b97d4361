// System status: the version, whether the table answers, and the last run of each schedule.
import { el, replaceChildren } from '../dom.js';
import { formatInstant } from '../format.js';
import { hasText, t } from '../i18n.js';
import { state } from '../state.js';

/** Renders `state.status` (the answer of /api/status). */
export function renderStatus() {
  const status = state.status;
  const list = document.getElementById('system-status');
  if (!status) return;
  const reachable = status.table?.reachable;
  const items = [
    [t('status.version'), el('span', { text: status.version ?? '?' })],
    [
      t('status.table'),
      el('span', {
        class: reachable ? 'tag' : 'tag danger',
        testid: 'status-table',
        text: reachable ? t('status.reachable') : t('status.unreachable'),
      }),
    ],
    ...(status.schedules ?? []).map((schedule) => [
      // Each schedule by what it does, in the interface language; an unknown one keeps its id.
      t('status.lastRunOf', {
        job: hasText(`schedule.${schedule.id}`) ? t(`schedule.${schedule.id}`) : schedule.id,
      }),
      scheduleRun(schedule),
    ]),
  ];
  replaceChildren(
    list,
    items.flatMap(([term, value]) => [el('dt', { text: term }), el('dd', {}, value)]),
  );
}

/**
 * A schedule's last run: when, how it ended, and its result worded from the run's code in the
 * interface language. The server's own line stays in the title; a run without a known code shows it.
 */
function scheduleRun(schedule) {
  const run = schedule.lastRun;
  if (!run) {
    return el('span', {
      testid: 'status-schedule',
      dataset: { schedule: schedule.id },
      text: t('status.neverRun'),
    });
  }
  const key = run.summary ? `runDetail.${run.summary.code}` : '';
  // A failure with no sentence of its own is still said in the reader's language; the server's
  // English line stays in the title.
  const fallback = run.outcome === 'failed' ? t('runDetail.error') : run.detail;
  const worded = key && hasText(key) ? t(key, run.summary.values ?? {}) : fallback;
  const parts = [formatInstant(run.finishedAt), t(`status.${run.outcome}`), worded].filter(Boolean);
  return el('span', {
    testid: 'status-schedule',
    dataset: { schedule: schedule.id, code: run.summary?.code ?? '' },
    title: run.detail ?? '',
    text: parts.join(' · '),
  });
}
