// Shows the server's refusal of a completion beside each refused field of the Camunda Form, as form-js shows its
// own checks, besides Tasklist's notification above the form. The server names fields by key ({field, reason} in
// the problem's "errors"); the form Tasklist loaded (deployed-form) gives each key's label, which the page shows.
const labels = new Map();

const collect = (components) => (components || []).forEach((component) => {
  if (component.key && component.label) {
    labels.set(component.key, component.label);
  }
  collect(component.components);
});

const besideFields = (errors) => {
  document.querySelectorAll('.compromiso-field-error').forEach((note) => note.remove());
  errors.forEach(({field, reason}) => {
    const label = labels.get(field);
    const container = label && [...document.querySelectorAll('.fjs-form-field')].find((candidate) => {
      const shown = candidate.querySelector('label');
      return shown && shown.textContent.trim().startsWith(label);
    });
    if (!container) {
      return;
    }
    const note = document.createElement('div');
    note.className = 'fjs-form-field-error compromiso-field-error';
    note.setAttribute('role', 'alert');
    note.textContent = reason;
    container.appendChild(note);
    container.addEventListener('input', () => note.remove(), {once: true});
  });
};

const read = (url, status, body) => {
  try {
    if (status === 200 && /\/deployed-form(\?|$)/.test(url)) {
      collect(JSON.parse(body).components);
    } else if (status === 400 && /\/task\/[^/]+\/(submit-form|complete)(\?|$)/.test(url)) {
      besideFields(JSON.parse(body).errors || []);
    }
  } catch (notJson) {
    // not an answer this script reads
  }
};

const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  this.addEventListener('load', () => {
    if (this.responseType === '' || this.responseType === 'text') {
      read(String(url), this.status, this.responseText);
    }
  });
  return open.call(this, method, url, ...rest);
};

const fetchFirst = window.fetch;
window.fetch = (...args) => fetchFirst(...args).then((response) => {
  response.clone().text().then((body) => read(response.url, response.status, body), () => {});
  return response;
});

export default [];
