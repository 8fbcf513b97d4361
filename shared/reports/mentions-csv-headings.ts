// Column headings of the mention CSV in each interface language, keyed by the machine column name.

/** Languages the CSV headings are written in. */
export type CsvLanguage = 'az' | 'en' | 'ru';

type Column =
  | 'published'
  | 'outlet'
  | 'member'
  | 'member_name'
  | 'language'
  | 'status'
  | 'evidence'
  | 'title'
  | 'url'
  | 'snippet'
  | 'note'
  | 'outlet_key'
  | 'medium';

export const csvHeadings: Record<CsvLanguage, Record<Column, string>> = {
  en: {
    published: 'Published (Baku time)',
    outlet: 'Outlet',
    member: 'Member id',
    member_name: 'Member',
    language: 'Language',
    status: 'Status',
    evidence: 'Evidence',
    title: 'Title',
    url: 'Link',
    snippet: 'Snippet',
    note: 'Note',
    outlet_key: 'Outlet key',
    medium: 'Medium',
  },
  az: {
    published: 'Dərc olunub (Bakı vaxtı)',
    outlet: 'Media',
    member: 'Üzvün kodu',
    member_name: 'Üzv',
    language: 'Dil',
    status: 'Status',
    evidence: 'Əsas',
    title: 'Başlıq',
    url: 'Keçid',
    snippet: 'Parça',
    note: 'Qeyd',
    outlet_key: 'Media açarı',
    medium: 'Növ',
  },
  ru: {
    published: 'Опубликовано (время Баку)',
    outlet: 'СМИ',
    member: 'Код участника',
    member_name: 'Участник',
    language: 'Язык',
    status: 'Статус',
    evidence: 'Основание',
    title: 'Заголовок',
    url: 'Ссылка',
    snippet: 'Фрагмент',
    note: 'Заметка',
    outlet_key: 'Ключ СМИ',
    medium: 'Тип',
  },
};
