import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Lang, Messages } from "../i18n/index.ts";

export interface I18n {
  lang: Lang;
  /** The strings of the current language. */
  m: Messages;
  /** Switches language in place: same page, same form state. */
  setLang: (lang: Lang) => void;
}

/**
 * Outside the app's provider (the shell's own hooks, which pass their language): English, and no
 * strings, since catalogues are loaded on demand and the app provides its language's.
 */
const OUTSIDE_THE_APP: I18n = {
  lang: "en",
  get m(): Messages {
    throw new Error("useI18n: strings are only provided inside the app (app.tsx)");
  },
  setLang: () => {},
};

export const I18nContext = createContext<I18n>(OUTSIDE_THE_APP);

/** The current language and its strings. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
