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
export function lazyPage<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): FunctionComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<void> | undefined;

  function LazyPage(props: P) {
    const { m } = useI18n();
    const [, setReady] = useState(loaded !== undefined);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (loaded) return;
      let live = true;
      pending ??= load().then((mod) => {
        loaded = mod.default;
      });
      pending.then(
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
  return LazyPage;
}
