// Shows, above the form of the open task, what the task is about (GET /api/tasks/{id}/context, in the user's
// language): the commitment's code and title, the agreed sentence and its source, target date, lead agencies, who
// the step waits on, what it is for, and the earlier steps' answers, read-only. Tasklist keeps the open task in the
// URL's fragment (#/?task=...) and renders its form late and more than once, so the page is watched and the
// header put back in front of the form whenever it is missing or shows another task.
const HEADER = 'compromiso-task-context';
const contexts = new Map();

const openTaskId = () => new URLSearchParams(window.location.hash.replace(/^#!?\/?\??/, '')).get('task');

const load = (taskId) => {
  if (!contexts.has(taskId)) {
    contexts.set(taskId, fetch(`${window.location.pathname.replace(/\/camunda\/app\/.*$/, '')}/api/tasks/`
        + `${encodeURIComponent(taskId)}/context`, {headers: {Accept: 'application/json'}})
      .then((response) => (response.ok ? response.json() : null))
      .catch(() => null));
  }
  return contexts.get(taskId);
};

const element = (tag, text, className) => {
  const node = document.createElement(tag);
  if (text) {
    node.textContent = text;
  }
  if (className) {
    node.className = className;
  }
  return node;
};

// labels in a column as wide as the longest (Bootstrap's dl-horizontal cuts long Spanish labels), set through the
// CSSOM, which the webapps' Content-Security-Policy allows where an inline style attribute would not be
const asTable = (list) => {
  Object.assign(list.style, {display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '2px 16px', margin: '0'});
  return list;
};

const entries = (list, pairs) => pairs.filter(([, value]) => value).forEach(([label, value]) => {
  list.appendChild(element('dt', label));
  const shown = element('dd');
  if (value instanceof Node) {
    shown.appendChild(value);
  } else {
    shown.textContent = value;
  }
  list.appendChild(shown);
});

const render = (taskId, context) => {
  const header = element('section', null, HEADER);
  header.dataset.taskId = taskId;
  header.setAttribute('aria-label', context.labels.commitment);
  Object.assign(header.style, {margin: '0 0 12px', padding: '10px 14px', color: '#222', background: '#f4f7fb',
    borderLeft: '4px solid #1c6fd1', borderRadius: '2px'});
  const {commitment, labels, step} = context;
  header.appendChild(element('h4', `${commitment.code} · ${commitment.title}`, 'compromiso-commitment'));
  const about = asTable(element('dl', null, 'compromiso-about'));
  const names = (agencies) => agencies.map((agency) => agency.name).join(', ');
  const quote = element('q', commitment.quote, 'compromiso-quote');
  entries(about, [
    [labels.purpose, step.purpose],
    [labels.agreed, quote],
    [labels.source, commitment.sourceDocument],
    [labels.target, commitment.target],
    [labels.leads, names(context.leadAgencies)],
    [labels.waitsOn, names(context.waitsOn)],
    [labels.due, step.due]
  ]);
  header.appendChild(about);
  if (context.answers.length) {
    const answers = element('div', null, 'compromiso-answers');
    answers.style.marginTop = '10px';
    answers.appendChild(element('h5', labels.answers));
    context.answers.forEach((answer) => {
      const block = element('div', null, 'compromiso-answer');
      block.dataset.task = answer.task;
      const heading = element('h5', answer.heading);
      heading.style.fontWeight = 'bold';
      block.appendChild(heading);
      const values = asTable(element('dl'));
      entries(values, answer.values.map((value) => [value.label, value.value]));
      block.appendChild(values);
      answers.appendChild(block);
    });
    header.appendChild(answers);
  }
  return header;
};

const place = () => {
  const taskId = openTaskId();
  const form = document.querySelector('.task-details [ng-switch="tasklistForm.type"]');
  const shown = document.querySelector(`.${HEADER}`);
  if (!taskId || !form) {
    return;
  }
  if (shown && shown.dataset.taskId === taskId && shown.nextElementSibling === form) {
    return;
  }
  load(taskId).then((context) => {
    const current = document.querySelector('.task-details [ng-switch="tasklistForm.type"]');
    document.querySelectorAll(`.${HEADER}`).forEach((old) => old.remove());
    if (context && current && openTaskId() === taskId) {
      current.parentNode.insertBefore(render(taskId, context), current);
    }
  });
};

let scheduled = false;
new MutationObserver(() => {
  if (!scheduled) {
    scheduled = true;
    window.requestAnimationFrame(() => {
      scheduled = false;
      place();
    });
  }
}).observe(document.documentElement, {childList: true, subtree: true});
window.addEventListener('hashchange', place);

export default [];
