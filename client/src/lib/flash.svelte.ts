// A one-time notice carried across a navigation, e.g. "Saved." shown on the page a form returns to.
export const flash = $state<{ key: string | null }>({ key: null });

/** Returns the pending notice's i18n key once, then forgets it. */
export function takeFlash(): string | null {
  const key = flash.key;
  flash.key = null;
  return key;
}
