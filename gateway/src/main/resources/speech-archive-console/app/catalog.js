// The compilations and their speeches' list fields (title, committee, date, compilation), loaded once per page
// load: search hits name a speech but not its compilation or date.
import { get } from './api.js';

let loading = null;

export function catalog() {
  if (!loading) {
    loading = (async () => {
      const list = await get('/api/v1/compilations', { size: 100 });
      const compilations = list.items ?? [];
      const details = await Promise.all(compilations.map((c) => get(`/api/v1/compilations/${c.id}`)));
      const speeches = new Map();
      for (const detail of details) {
        for (const s of detail.speeches ?? []) speeches.set(s.id, { ...s, compilation: detail });
      }
      return { compilations, speeches };
    })();
    loading.catch(() => { loading = null; });
  }
  return loading;
}

/** Forget what was loaded (after an import). */
export function refreshCatalog() {
  loading = null;
}
