import { useCallback, useState } from 'react';
import { useSignedIn } from '../auth/SessionProvider';

/**
 * Unsaved input kept in this tab's sessionStorage (per user), so a sign-in after an expired session
 * brings the page back as it was. null means "no draft" and removes it.
 */
export function useDraftState(key: string): [string | null, (value: string | null) => void] {
  const { username } = useSignedIn();
  const storageKey = `vidyut.draft.${username}.${key}`;
  const [value, setValue] = useState<string | null>(() => sessionStorage.getItem(storageKey));
  const update = useCallback(
    (next: string | null) => {
      if (next === null) sessionStorage.removeItem(storageKey);
      else sessionStorage.setItem(storageKey, next);
      setValue(next);
    },
    [storageKey],
  );
  return [value, update];
}
