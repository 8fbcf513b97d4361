// The period picker: presets in the Baku calendar fill From/To; editing a date switches to Custom.
// A period the API would refuse is not sent: the message says what is wrong and the inputs return to
// the period the cards show.
import { t } from '../i18n.js';
import { earliestDay, latestDay, periodProblem, presetRange } from '../period.js';
import { state } from '../state.js';

/** Wires the picker; `changed` runs whenever a valid period is chosen. */
export function initPeriodPicker(changed) {
  const preset = document.getElementById('period-preset');
  const from = document.getElementById('period-from');
  const to = document.getElementById('period-to');
  const error = document.getElementById('period-error');
  const show = (period) => {
    preset.value = period.preset;
    from.value = period.from;
    to.value = period.to;
  };
  const choose = (range, presetName) => {
    error.textContent = '';
    const problem = periodProblem(range.from, range.to);
    if (problem) {
      error.textContent = t(problem.key, problem.values);
      show(state.period);
      return;
    }
    state.period = { preset: presetName, ...range };
    show(state.period);
    changed();
  };
  // The browser's own date picker offers only days the API accepts.
  for (const input of [from, to]) {
    input.min = earliestDay;
    input.max = latestDay();
    input.addEventListener('input', () => (preset.value = 'custom'));
  }
  preset.addEventListener('change', () => {
    if (preset.value !== 'custom') choose(presetRange(preset.value), preset.value);
  });
  const form = document.getElementById('period-form');
  // Our message, in the interface language, rather than the browser's own for min/max.
  form.noValidate = true;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    choose({ from: from.value, to: to.value }, preset.value === 'custom' ? 'custom' : preset.value);
  });
  // A link such as the weekly digest's opens the dashboard on its period: `#from=…&to=…`.
  const linked = linkedPeriod();
  state.period = linked
    ? { ...state.period, ...linked, preset: 'custom' }
    : { ...state.period, ...presetRange(state.period.preset) };
  show(state.period);
}

/** The period named in the address's fragment, when it is a valid one. */
function linkedPeriod() {
  const params = new URLSearchParams(location.hash.slice(1));
  const range = { from: params.get('from') ?? '', to: params.get('to') ?? '' };
  return periodProblem(range.from, range.to) ? null : range;
}
