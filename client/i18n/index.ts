/*
 * The client's strings. `en.ts` is the reference: `fr.ts` must have exactly
 * the same keys (checked by `satisfies Messages`) and the same {placeholders}
 * in every string (checked by `PlaceholderMismatches` below, which names the
 * offending key in the type error).
 */
import type { en } from "./en.ts";
import type { fr } from "./fr.ts";

export type Lang = "en" | "fr";
export const LANGS: readonly Lang[] = ["en", "fr"];

/** The shape of a message catalogue: en's keys, any string values. */
export type Messages = Widen<typeof en>;
type Widen<T> = T extends string ? string : { readonly [K in keyof T]: Widen<T[K]> };

// Each catalogue is its own chunk, fetched on first use: a visitor downloads only the page's
// language (the other comes when they switch). The prerendered page preloads its language's chunk.
const loaders: Record<Lang, () => Promise<Messages>> = {
  en: () => import("./en.ts").then((module) => module.en),
  fr: () => import("./fr.ts").then((module) => module.fr),
};
const loaded: Partial<Record<Lang, Messages>> = {};

/** Fetches one language's catalogue (once); `messagesFor` can then give it. */
export async function loadMessages(lang: Lang): Promise<Messages> {
  const messages = loaded[lang] ?? (await loaders[lang]());
  loaded[lang] = messages;
  return messages;
}

/** The catalogue for one language, already loaded by `loadMessages` (the app loads its language before it renders). */
export function messagesFor(lang: Lang): Messages {
  const messages = loaded[lang];
  if (!messages) throw new Error(`messagesFor: the ${lang} catalogue is not loaded yet (await loadMessages first)`);
  return messages;
}

export function isLang(value: unknown): value is Lang {
  return value === "en" || value === "fr";
}

/**
 * The language to show first: `?lang=` wins, then what the person chose
 * before (localStorage), then the browser's preference; English by default.
 *
 * @example pickLanguage(null, null, ["fr-CA", "en"]) // "fr"
 */
export function pickLanguage(
  fromQuery: string | null,
  fromStorage: string | null,
  browserLanguages: readonly string[],
): Lang {
  if (isLang(fromQuery)) return fromQuery;
  if (isLang(fromStorage)) return fromStorage;
  for (const tag of browserLanguages) {
    const primary = tag.toLowerCase().split("-")[0];
    if (isLang(primary)) return primary;
  }
  return "en";
}

// ---- compile-time check: same placeholders in both languages ----

type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;
type SameSet<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type PlaceholderMismatches<E, F, Path extends string = ""> = E extends string
  ? F extends string
    ? SameSet<Placeholders<E>, Placeholders<F>> extends true
      ? never
      : Path
    : Path
  : {
      [K in keyof E & keyof F & string]: PlaceholderMismatches<E[K], F[K], `${Path}.${K}`>;
    }[keyof E & keyof F & string];
type AssertNone<T extends never> = T;
/** A type error here names a key whose {placeholders} differ between en.ts and fr.ts. */
export type PlaceholderCheck = AssertNone<PlaceholderMismatches<typeof en, typeof fr>>;
