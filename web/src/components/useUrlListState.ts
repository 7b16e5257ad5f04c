import { useSearchParams } from 'react-router';

/**
 * A list screen's filters and page kept in the URL's search params, so a reload or a new sign-in
 * comes back to the same list. Changing a filter goes back to the first page.
 */
export function useUrlListState<K extends string>(keys: readonly K[], defaultSize = 50) {
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(keys.map((key) => [key, params.get(key) ?? ''])) as Record<K, string>;
  const state = { ...filters, page: Number(params.get('page') ?? 0), size: Number(params.get('size') ?? defaultSize) };
  const update = (changes: Partial<Record<K | 'page' | 'size', string | number>>) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value === '' || value === undefined) next.delete(key);
          else next.set(key, String(value));
        }
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace: true },
    );
  };
  return { state, update };
}
