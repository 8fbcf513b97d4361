// Interface language: English, Azerbaijani or Russian, chosen by the user and kept in localStorage.
import az from './locales/az.js';
import en from './locales/en.js';
import ru from './locales/ru.js';

const dictionaries = { en, az, ru };
const storageKey = 'tracker.language';
/** Intl locales per interface language; Azerbaijani is written in Latin script. */
const locales = { en: 'en-GB', az: 'az-Latn-AZ', ru: 'ru-RU' };

let current = 'en';

/** The stored language, else the browser's if we speak it, else English. */
export function initialLanguage() {
  const stored = readStored();
  if (stored in dictionaries) return stored;
  const browser = (navigator.language || 'en').slice(0, 2).toLowerCase();
  return browser in dictionaries ? browser : 'en';
}

/** Switches the language, remembers it and translates the static page. */
export function setLanguage(language) {
  current = language in dictionaries ? language : 'en';
  try {
    localStorage.setItem(storageKey, current);
  } catch {
    // Private modes may refuse storage; the choice then lasts for this page only.
  }
  document.documentElement.lang = current;
  translatePage(document);
}

/** The current language code. */
export function language() {
  return current;
}

/** The Intl locale of the current language. */
export function locale() {
  return locales[current];
}

/** The translation of `key`, with `{name}` placeholders filled from `params`. */
export function t(key, params = {}) {
  const text = dictionaries[current][key] ?? dictionaries.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** Whether `key` has a text (in the current language or in English). */
export function hasText(key) {
  return key in dictionaries[current] || key in dictionaries.en;
}

/**
 * The translation of `key` in the plural form `count` takes in the current language (Intl.PluralRules:
 * one/other in English, one/few/many/other in Russian), from keys such as `key.one` and `key.other`.
 */
export function tp(key, count, params = {}) {
  const form = new Intl.PluralRules(locale()).select(Number(count));
  const dictionary = dictionaries[current];
  const chosen = [`${key}.${form}`, `${key}.other`].find(
    (name) => name in dictionary || name in dictionaries.en,
  );
  return t(chosen ?? key, { count, ...params });
}

/** Translates every element carrying data-i18n (text), data-i18n-placeholder or data-i18n-label under `root`. */
export function translatePage(root) {
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of root.querySelectorAll('[data-i18n-placeholder]')) {
    node.setAttribute('placeholder', t(node.dataset.i18nPlaceholder));
  }
  for (const node of root.querySelectorAll('[data-i18n-label]')) {
    node.setAttribute('aria-label', t(node.dataset.i18nLabel));
  }
  document.title = t('app.documentTitle');
}

/** A member's or organisation's name in the current language, falling back to any name it has. */
export function entityName(entity, fallbackId) {
  if (!entity) return fallbackId ?? '';
  const names = entity.names ?? {};
  return names[current] || names.en || names.az || names.ru || entity.id;
}

function readStored() {
  try {
    return localStorage.getItem(storageKey) ?? '';
  } catch {
    return '';
  }
}
