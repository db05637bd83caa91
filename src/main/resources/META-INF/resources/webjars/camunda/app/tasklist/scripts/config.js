// Compromiso's settings of Tasklist (Camunda's defaults otherwise, its keyboard shortcuts kept): see
// scripts/compromiso-sign-in.js, compromiso-language.js (Spanish from the npm package camunda-webapp-translations,
// see pom.xml), compromiso-sorting.js and compromiso-task-context.js.
export default {
  customScripts: ['scripts/compromiso-sign-in.js', 'scripts/compromiso-form-errors.js', 'scripts/compromiso-language.js',
    'scripts/compromiso-sorting.js', 'scripts/compromiso-task-context.js'],
  locales: {availableLocales: ['en', 'es'], fallbackLocale: 'en'},
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'claims the currently selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list'},
    focusList: {key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list'},
    focusForm: {key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form'},
    startProcess: {key: 'ctrl+alt+p', description: 'opens the start process modal dialog'}
  }
};
