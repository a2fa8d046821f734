/**
 * Views that are not on the panel's first paint (Waiting, Activity, the palette, the shortcut sheet) load on
 * first use: the side panel's initial script stays within its 35 KB budget.
 */
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** `quiet`: nothing while loading (for a part of a screen, where a placeholder would flash), not a skeleton. */
export function lazy<P extends object>(load: () => Promise<FunctionComponent<P>>, quiet = false): FunctionComponent<P> & { preload(): void } {
  let Loaded: FunctionComponent<P> | null = null;
  let loading: Promise<void> | null = null;
  const preload = () => void (loading ??= load().then((c) => void (Loaded = c)));
  return Object.assign(function LazyView(props: P) {
    const [, setReady] = useState(Boolean(Loaded));
    useEffect(() => {
      if (Loaded) return undefined;
      let live = true;
      loading ??= load().then((c) => void (Loaded = c));
      void loading.then(() => live && setReady(true));
      return () => void (live = false);
    }, []);
    if (Loaded) return <Loaded {...props} />;
    return quiet ? null : <div class="skeleton tall" aria-busy="true" />;
  }, { preload });
}
