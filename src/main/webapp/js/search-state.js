// The state of one search as the page sees it, changed only by reduce(): a small state machine.
//
//   idle -> starting -> running -> fetching-result -> complete
//                          |  \-> error | cancelled
//                          \-> (reload) resumed into running, or straight to complete / error / cancelled
//
// Progress never goes backwards, events are taken once by id (a reconnect may repeat them), and a terminal
// event ends the search for good.

export function initialState() {
  return {
    phase: 'idle', searchId: null, eventsUrl: null, resultUrl: null, lastEventId: 0,
    progress: 0, stage: null, message: '', ufsDone: 0, ufTotal: 0, itemsFound: 0,
    result: null, error: null, errorDetail: null, reconnects: 0, cancelling: false,
  };
}

export function reduce(state, action) {
  switch (action.type) {
    case 'reset':
      return initialState();
    case 'submit':
      return { ...initialState(), phase: 'starting', message: 'Enviando a busca...' };
    case 'accepted':
      if (state.phase !== 'starting') return state;
      return {
        ...state, phase: 'running', searchId: action.searchId, eventsUrl: action.eventsUrl,
        resultUrl: action.resultUrl, message: 'Busca iniciada',
      };
    case 'resumed': {
      // A search found again after a reload: running (re-attach after lastEventId) or already over.
      const v = action.view;
      const base = {
        ...initialState(), searchId: v.search_id, eventsUrl: v.events_url, resultUrl: v.result_url,
        lastEventId: action.lastEventId || 0,
      };
      const last = v.progresso || {};
      if (v.status === 'complete') {
        const ufs = v.pedido && Array.isArray(v.pedido.ufs) ? v.pedido.ufs.length : 0;
        return {
          ...base, phase: 'complete', progress: 100, result: v.resultado, message: 'Busca concluída',
          ufTotal: ufs, ufsDone: ufs, itemsFound: (v.resultado && v.resultado.total_raw) || 0,
        };
      }
      if (v.status === 'error') return { ...base, phase: 'error', error: v.erro || 'A busca falhou.' };
      if (v.status === 'cancelled') return { ...base, phase: 'cancelled', message: v.erro || 'Busca cancelada.' };
      return {
        ...base, phase: 'running', stage: last.stage || null, message: last.message || 'Retomando a busca...',
        progress: Math.max(0, Number(last.progress) || 0),
      };
    }
    case 'event': return onEvent(state, action.id, action.data);
    case 'disconnected':
      if (state.phase !== 'running') return state;
      return { ...state, reconnects: state.reconnects + 1, message: 'Conexão interrompida, retomando...' };
    case 'cancel-requested':
      if (state.phase !== 'running' && state.phase !== 'starting') return state;
      return { ...state, cancelling: true, message: 'Cancelando a busca...' };
    case 'result':
      return { ...state, phase: 'complete', result: action.result, progress: 100 };
    case 'failed':
      return { ...state, phase: 'error', error: action.message, message: action.message, errorDetail: null };
    default:
      return state;
  }
}

function onEvent(state, id, data) {
  if (state.phase !== 'running' || id <= state.lastEventId) return state;
  const detail = data.detail || {};
  const next = { ...state, lastEventId: id, stage: data.stage, message: data.message || state.message };
  if (data.stage === 'error') {
    return {
      ...next, phase: 'error', error: data.message || 'A busca falhou.', errorDetail: detail,
      progress: state.progress,
    };
  }
  if (data.stage === 'cancelled') {
    return { ...next, phase: 'cancelled', cancelling: false, progress: state.progress };
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
  return state.phase === 'complete' || state.phase === 'error' || state.phase === 'cancelled';
}

/** A stage change worth announcing to a screen reader (not every event of the same stage). */
export function announcement(previous, next) {
  if (next.phase !== previous.phase) {
    if (next.phase === 'complete') return 'Busca concluída.';
    if (next.phase === 'error') return `Erro: ${next.error}`;
    if (next.phase === 'cancelled') return 'Busca cancelada.';
  }
  if (next.stage && next.stage !== previous.stage && next.phase === 'running') return next.message;
  return null;
}
