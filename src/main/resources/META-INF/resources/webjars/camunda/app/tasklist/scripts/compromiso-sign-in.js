// Tasklist, Cockpit and Admin route to their own login form (#/login) when nobody is signed in: after logout, or
// when the session ended. Here only Spring Security signs users in (one login for every surface), so that form
// cannot work: the browser goes to the service's sign-in page instead.
const toSignInPage = () => {
  if (/^#!?\/login(\W|$)/.test(window.location.hash)) {
    const root = window.location.pathname.replace(/\/camunda\/app\/.*$/, '');
    window.location.replace(root + '/login?logout');
  }
};
window.addEventListener('hashchange', toSignInPage);
window.addEventListener('popstate', toSignInPage);
toSignInPage();

export default [];
