// System status: the version, whether the table answers, and the last run of each schedule.
import { el, replaceChildren } from '../dom.js';
import { formatInstant } from '../format.js';
import { t } from '../i18n.js';
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
      t('status.lastRunOf', { job: t(`schedule.${schedule.id}`) }),
      el('span', {
        testid: 'status-schedule',
        dataset: { schedule: schedule.id },
        text: schedule.lastRun
          ? `${formatInstant(schedule.lastRun.finishedAt)} · ${t(`status.${schedule.lastRun.outcome}`)}${schedule.lastRun.detail ? ` · ${schedule.lastRun.detail}` : ''}`
          : t('status.neverRun'),
      }),
    ]),
  ];
  replaceChildren(
    list,
    items.flatMap(([term, value]) => [el('dt', { text: term }), el('dd', {}, value)]),
  );
}
