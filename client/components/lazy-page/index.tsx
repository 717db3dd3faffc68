import type { ComponentType, FunctionComponent } from "preact";
import { useEffect, useState } from "preact/hooks";
import { useI18n } from "../../lib/use-i18n.ts";
import { Loading } from "../loading/index.tsx";

/**
 * A page whose code is fetched on first use (its own chunk). Once loaded it
 * renders synchronously, so a language switch or a later visit never flickers.
 *
 * @example const HomePage = lazyPage(() => import("../../pages/home/index.tsx"));
 */
export function lazyPage<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): LazyPage<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<void> | undefined;
  const start = () =>
    (pending ??= load().then((mod) => {
      loaded = mod.default;
    }));

  function LazyPage(props: P) {
    const { m } = useI18n();
    const [, setReady] = useState(loaded !== undefined);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (loaded) return;
      let live = true;
      start().then(
        () => live && setReady(true),
        () => {
          pending = undefined;
          if (live) setFailed(true);
        },
      );
      return () => {
        live = false;
      };
    }, []);
    if (loaded) {
      const Page = loaded;
      return <Page {...props} />;
    }
    if (failed) {
      return (
        <div class="notice notice--warning">
          <p>{m.common.pageLoadFailed}</p>
          <button type="button" class="button button--secondary" onClick={() => location.reload()}>
            {m.common.tryAgain}
          </button>
        </div>
      );
    }
    return <Loading />;
  }
  // Before hydrating a prerendered page, the client loads its code, so the first render is the page,
  // as prerendered, not the loading state (main.tsx); the build does the same before prerendering.
  LazyPage.preload = start;
  return LazyPage;
}

/** A lazily loaded page; `preload()` fetches its code, after which it renders synchronously. */
export type LazyPage<P extends object> = FunctionComponent<P> & { preload: () => Promise<void> };

/** Loads the code of the page `element` shows, if it is a lazy page (nothing to do otherwise). */
export function preloadPage(element: { type: unknown } | null): Promise<void> {
  const type = element?.type as Partial<LazyPage<object>> | undefined;
  return typeof type?.preload === "function" ? type.preload() : Promise.resolve();
}
