// Compromiso's settings of Admin (Camunda's defaults otherwise): see app/tasklist/scripts/compromiso-sign-in.js
// and compromiso-language.js (Spanish from the npm package camunda-webapp-translations, see pom.xml).
export default {
  customScripts: ['../tasklist/scripts/compromiso-sign-in.js', '../tasklist/scripts/compromiso-language.js'],
  locales: {availableLocales: ['en', 'es'], fallbackLocale: 'en'}
};
