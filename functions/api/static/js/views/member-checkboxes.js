// A checkbox per roster member, named `members`, for the forms that pick members (alerts, manual
// mentions); re-rendered in the current language without losing what the user ticked.
import { el } from '../dom.js';
import { entityName } from '../i18n.js';
import { state } from '../state.js';

/** The roster's checkboxes; those in `ticked` stay ticked, each tested as `<testidPrefix><id>`. */
export function memberCheckboxes(ticked, testidPrefix) {
  return state.members.map((member) =>
    el(
      'label',
      { class: 'checkbox' },
      el('input', {
        type: 'checkbox',
        name: 'members',
        value: member.id,
        testid: `${testidPrefix}${member.id}`,
        checked: ticked.has(member.id),
      }),
      el('span', { text: entityName(member) }),
    ),
  );
}
