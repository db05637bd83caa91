// Tasklist, Cockpit and Admin speak the browser's first language (navigator.languages[0]) when it is one of their
// `locales` (config.js). Compromiso speaks each user's own language instead, the one their account keeps
// (identity/UserLanguage), so the app is told that language before it starts: custom scripts are imported, and
// awaited, before the app boots, and Camunda's locale choice reads the navigator only then.
const base = document.querySelector('base');
const appRoot = base.getAttribute('app-root');
const locales = appRoot + '/app/' + base.getAttribute('app-name') + '/locales/';

// Camunda fetches the translation while the first screen renders, so the first list's dates were English
// ("Vencimiento in 2 days"); from the copy it keeps in localStorage ('camunda-web') it reads it at once. It also
// loads English, the fallback for texts the translation lacks, and the date names of whichever file comes last win:
// the English copy is kept without its date names, so the user's own stay.
const keepTranslations = async (language) => {
  const kept = JSON.parse(window.localStorage.getItem('camunda-web') || '{}');
  const keyOf = (locale) => locales + '_locales_data_' + locale + '_' + window.bust;
  const read = async (locale) => {
    const file = await fetch(locales + locale + '.json?bust=' + window.bust);
    return file.ok ? file.json() : null;
  };
  if (!kept[keyOf(language)]) {
    const translation = await read(language);
    if (translation) {
      kept[keyOf(language)] = JSON.stringify(translation);
    }
  }
  const english = kept[keyOf('en')] ? JSON.parse(kept[keyOf('en')]) : await read('en');
  if (english) {
    delete english.dateLocales;
    kept[keyOf('en')] = JSON.stringify(english);
  }
  window.localStorage.setItem('camunda-web', JSON.stringify(kept));
};

// Camunda Forms (form-js) shows and reads a date field in the pattern of the browser's own locale (Intl's default):
// an English browser made a Mexican coordinator type mm/dd/yyyy. Intl's default becomes the user's language, so a
// Spanish user types dd/mm/aaaa; a locale a caller names stays as it is.
const defaultDatesIn = (language) => {
  const NativeFormat = Intl.DateTimeFormat;
  const ownLocale = (locales) => (locales === undefined || locales === 'default' ? language : locales);
  const InLanguage = function (locales, options) {
    return new NativeFormat(ownLocale(locales), options);
  };
  InLanguage.prototype = NativeFormat.prototype;
  InLanguage.supportedLocalesOf = NativeFormat.supportedLocalesOf;
  Intl.DateTimeFormat = InLanguage;
};

// Camunda Forms (form-js 1.8.7) writes the messages of its own checks in English only ("Field is required."), in a
// list beside the field; a Spanish user reads them in Spanish. Only these known sentences change, in place: the text
// node stays the one form-js updates, so its next message is translated in turn.
const SPANISH_FORM_MESSAGES = [
  [/^Field is required\.$/, () => 'Este campo es obligatorio.'],
  [/^Field must have minimum length of (.+)\.$/, (n) => `Debe tener al menos ${n} caracteres.`],
  [/^Field must have maximum length of (.+)\.$/, (n) => `Debe tener como máximo ${n} caracteres.`],
  [/^Field must have minimum value of (.+)\.$/, (n) => `El valor mínimo es ${n}.`],
  [/^Field must have maximum value of (.+)\.$/, (n) => `El valor máximo es ${n}.`],
  [/^Field must match pattern (.+)\.$/, (pattern) => `Debe seguir el patrón ${pattern}.`],
  [/^Should be a valid number\.?$/, () => 'Debe ser un número válido.'],
  [/^Should be an integer\.$/, () => 'Debe ser un número entero.'],
];

const formMessagesIn = (messages) => {
  const translate = (item) => {
    const text = item.firstChild;
    if (!text || text.nodeType !== Node.TEXT_NODE) {
      return;
    }
    for (const [english, own] of messages) {
      const match = english.exec(text.data);
      if (match) {
        text.data = own(match[1]);
        return;
      }
    }
  };
  // Tasklist changes the page often: one look per frame, however many changes it made
  let pending = false;
  new MutationObserver(() => {
    if (!pending) {
      pending = true;
      window.requestAnimationFrame(() => {
        pending = false;
        document.querySelectorAll('.fjs-form-field-error li').forEach(translate);
      });
    }
  }).observe(document.documentElement, {childList: true, subtree: true, characterData: true});
};

try {
  const answer = await fetch(appRoot.replace(/\/camunda$/, '') + '/api/me/language',
      {headers: {Accept: 'application/json'}});
  if (answer.ok) {
    const {language} = await answer.json();
    Object.defineProperty(window.navigator, 'languages', {get: () => [language]});
    Object.defineProperty(window.navigator, 'language', {get: () => language});
    if (language === 'es') {
      formMessagesIn(SPANISH_FORM_MESSAGES);
    }
    if (language !== 'en') {
      defaultDatesIn(language);
      await keepTranslations(language);
    }
  }
} catch (unreachable) {
  // the browser's own language, as Camunda would choose
}

export default [];
