// The period picker: presets in the Baku calendar fill From/To; editing a date switches to Custom.
import { t } from '../i18n.js';
import { isValidPeriod, presetRange } from '../period.js';
import { state } from '../state.js';

/** Wires the picker; `changed` runs whenever a valid period is chosen. */
export function initPeriodPicker(changed) {
  const preset = document.getElementById('period-preset');
  const from = document.getElementById('period-from');
  const to = document.getElementById('period-to');
  const error = document.getElementById('period-error');
  const choose = (range, presetName) => {
    error.textContent = '';
    if (!isValidPeriod(range.from, range.to)) {
      error.textContent = t('period.invalid');
      return;
    }
    state.period = { preset: presetName, ...range };
    preset.value = presetName;
    from.value = range.from;
    to.value = range.to;
    changed();
  };
  preset.addEventListener('change', () => {
    if (preset.value !== 'custom') choose(presetRange(preset.value), preset.value);
  });
  for (const input of [from, to]) input.addEventListener('input', () => (preset.value = 'custom'));
  document.getElementById('period-form').addEventListener('submit', (event) => {
    event.preventDefault();
    choose({ from: from.value, to: to.value }, preset.value === 'custom' ? 'custom' : preset.value);
  });
  // A link such as the weekly digest's opens the dashboard on its period: `#from=…&to=…`.
  const linked = linkedPeriod();
  const initial = linked ?? presetRange(state.period.preset);
  state.period = { ...state.period, ...initial, ...(linked ? { preset: 'custom' } : {}) };
  preset.value = state.period.preset;
  from.value = initial.from;
  to.value = initial.to;
}

/** The period named in the address's fragment, when it is a valid one. */
function linkedPeriod() {
  const params = new URLSearchParams(location.hash.slice(1));
  const range = { from: params.get('from') ?? '', to: params.get('to') ?? '' };
  return isValidPeriod(range.from, range.to) ? range : null;
}
