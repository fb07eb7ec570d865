// The state of one search as the page sees it, changed only by reduce(): a small state machine.
//
//   idle -> starting -> running -> complete | error
//
// Progress never goes backwards, events are taken once by id (a reconnect may repeat them), and a terminal
// event ends the search for good.

export function initialState() {
  return {
    phase: 'idle', searchId: null, eventsUrl: null, resultUrl: null, lastEventId: 0,
    progress: 0, stage: null, message: '', ufsDone: 0, ufTotal: 0, itemsFound: 0,
    result: null, error: null, reconnects: 0,
  };
}

export function reduce(state, action) {
  switch (action.type) {
    case 'submit':
      return { ...initialState(), phase: 'starting', message: 'Enviando a busca...' };
    case 'accepted':
      if (state.phase !== 'starting') return state;
      return {
        ...state, phase: 'running', searchId: action.searchId, eventsUrl: action.eventsUrl,
        resultUrl: action.resultUrl, message: 'Busca iniciada',
      };
    case 'event': return onEvent(state, action.id, action.data);
    case 'disconnected':
      if (state.phase !== 'running') return state;
      return { ...state, reconnects: state.reconnects + 1, message: 'Conexão interrompida, retomando...' };
    case 'result':
      return { ...state, phase: 'complete', result: action.result, progress: 100 };
    case 'failed':
      return { ...state, phase: 'error', error: action.message, message: action.message };
    default:
      return state;
  }
}

function onEvent(state, id, data) {
  if (state.phase !== 'running' || id <= state.lastEventId) return state;
  const detail = data.detail || {};
  const next = { ...state, lastEventId: id, stage: data.stage, message: data.message || state.message };
  if (data.stage === 'error') {
    return { ...next, phase: 'error', error: data.message || 'A busca falhou.', progress: state.progress };
  }
  next.progress = Math.max(state.progress, Number(data.progress) || 0);
  if (typeof detail.uf_total === 'number') next.ufTotal = detail.uf_total;
  if (typeof detail.uf_index === 'number') next.ufsDone = Math.max(state.ufsDone, detail.uf_index);
  if (typeof detail.items_found === 'number') next.itemsFound = Math.max(state.itemsFound, detail.items_found);
  if (typeof detail.total_raw === 'number') next.itemsFound = Math.max(next.itemsFound, detail.total_raw);
  if (data.stage === 'complete') {
    next.phase = 'fetching-result';
    next.progress = 100;
    next.ufsDone = next.ufTotal;
  }
  return next;
}

export function isTerminal(state) {
  return state.phase === 'complete' || state.phase === 'error';
}
