// Tasklist sorts every list by creation, newest first, unless its address names an order (the `sorting`
// parameter), so a filter's own order is never used. Every filter of ours (identity/TasklistFilters) sorts soonest
// due first, as their descriptions say: an address without an order gets that one; an order the coordinator picks
// in the list stays in the address and is kept.
const SOONEST_DUE_FIRST = JSON.stringify([{sortBy: 'dueDate', sortOrder: 'asc'}]);

const sortSoonestDueFirst = () => {
  // no fragment yet: Tasklist is about to show its list
  const list = /^(#!?\/)(\?.*)?$/.exec(window.location.hash || '#/');
  if (!list) {
    return;
  }
  const parameters = new URLSearchParams((list[2] || '').slice(1));
  if (!parameters.has('sorting')) {
    parameters.set('sorting', SOONEST_DUE_FIRST);
    window.location.replace(list[1] + '?' + parameters.toString());
  }
};
window.addEventListener('hashchange', sortSoonestDueFirst);
sortSoonestDueFirst();

export default [];
