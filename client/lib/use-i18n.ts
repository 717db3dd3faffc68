import { createContext } from "preact";
import { useContext } from "preact/hooks";
import { messagesFor, type Lang, type Messages } from "../i18n/index.ts";

export interface I18n {
  lang: Lang;
  /** The strings of the current language. */
  m: Messages;
  /** Switches language in place: same page, same form state. */
  setLang: (lang: Lang) => void;
}

export const I18nContext = createContext<I18n>({ lang: "en", m: messagesFor("en"), setLang: () => {} });

/** The current language and its strings. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
