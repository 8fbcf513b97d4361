// First names and titles that tell a namesake from the member: "Elçin Allahverənov" is someone else,
// "sədr Allahverənov" is the chairman. Kept as written; the matcher folds them to skeletons.

/** Common first names (Azerbaijani, Russian, English); a different one before a surname means a namesake. */
export const FIRST_NAMES: readonly string[] = `
Elçin Elnur Elvin Rauf Rəşad Orxan Anar Tural Kamran Vüqar Fərid Ramil Samir Nicat Ruslan Emin Əli
Həsən Hüseyn Məhəmməd Əhməd Mübariz İlham Heydər Natiq Vaqif Zaur Elşən Elşad Fuad Rövşən Şahin
Tofiq Vüsal Xəyal Yusif Zakir Cavid Cavad Ceyhun Emil Eldar Famil Qabil Kənan Mətin Namiq Nurlan
Rafiq Rasim Səbuhi Seymur Teymur Toğrul Vidadi Asif Akif Arif Bəhruz Babək Elmar Elxan Etibar Fikrət
Firudin Hikmət Xaqani İsmayıl Mirzə Nazim Oqtay Ramiz Sabir Səməd Tahir Ülvi Vasif Yaşar Zahid Aydın
Murad Nihad Məmməd Mehman Elman Rəşid Rəhim Rüstəm Şamil Vahid Valeh Zaman Fazil Fəxrəddin
Aynur Gülnarə Günel Leyla Nərmin Səbinə Sevinc Aytən Lalə Nigar Ülviyyə Xədicə Zəhra Aysel Könül
Nərgiz Fidan Gülşən Aygün Təranə Şəbnəm Sevda Samirə Vüsalə Lamiyə Rəna Arzu Zülfiyyə Elmira Mələk
Aida Ayşə Esmira Jalə Kəmalə Naila Ramilə Sona Tamilla Ulduz Gülər Nailə Sevil Solmaz Turan Zərifə
Александр Алексей Сергей Андрей Дмитрий Иван Михаил Николай Владимир Игорь Олег Павел Виктор
Евгений Юрий Елена Ольга Наталья Татьяна Ирина Анна Мария Светлана Эльчин Эльнур Рауф Рашад
Орхан Анар Турал Камран Вугар Фарид Рамиль Самир Гюльнара Айнур Лейла Севиндж Наргиз
John David Michael James Peter Mark Robert Sarah Emma
`
  .split(/\s+/)
  .filter(Boolean);

/** Words that may stand capitalised before a surname without being a first name. */
export const TITLES: readonly string[] = `
Mr Mrs Ms Dr Prof Professor Chairman Chair Head Deputy Member Minister President Director Sir Madam
Mister Observer Council Service Public State Migration SMS DMX Azerbaijan Azerbaijani Baku Republic
Cənab Xanım Bəy Sədr Sədri Müavin Üzv Şura Şurası İctimai Dövlət Miqrasiya Xidməti Bakı Azərbaycan
Господин Госпожа Председатель Глава Заместитель Член Депутат Министр Президент Директор Профессор
Доктор Совет Совета Общественного Общественный ГМС Баку Азербайджан
`
  .split(/\s+/)
  .filter(Boolean);
