// How hard a passage is to read (decision 028): the Flesch-Kincaid grade for English and the
// Kandel-Moles reading ease for French. English syllables come from the `syllable` package (a
// rule set with a list of exceptions, well kept); no npm package counts French syllables, so the
// French count is written here: written French marks its syllables by its vowel groups, less a
// final mute e.
import { syllable } from "syllable";

export type Lang = "en" | "fr";

/** A `{placeholder}` reads as one short word, as a name or a number does in the sent text. */
const PLACEHOLDER = /\{\w+\}/g;
/** An email address or a link reads as one word: nobody sounds out its syllables. */
const ADDRESS = /\S+@\S+|https?:\/\/\S+/g;

/** The sentences of a passage: each catalogue string ends one, as do . ! ? and the colon before a list. */
export function sentences(texts: readonly string[]): string[] {
  return texts
    .flatMap((text) =>
      text
        .replace(PLACEHOLDER, "Sam")
        .replace(ADDRESS, "Sam")
        .split(/(?<=[.!?:;…])\s+/),
    )
    .map((s) => s.trim())
    .filter((s) => words(s).length > 0);
}

/** Words: runs of letters (with inner apostrophes and hyphens kept), digits read as one word. */
export function words(sentence: string): string[] {
  return sentence.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
}

const FRENCH_VOWELS = /[aeiouyàâäéèêëîïôöùûüÿœæ]+/g;

/**
 * Syllables of one French word as it is spoken: one per group of written vowels ("eau", "oi",
 * "ou" are one sound), less a final mute e (after a consonant: "photo-graphe", "tâ-ches"), never
 * below one. The verbs' silent "-ent" is counted as spoken, so a doubt makes a text look harder,
 * not easier. Elided words ("l'heure", "n'avez") count their own vowels only.
 */
export function frenchSyllables(word: string): number {
  const w = word.toLowerCase().replace(/^[a-z]['’]/, "");
  if (/^\d+$/.test(w)) return Math.max(1, w.length);
  const groups = w.match(FRENCH_VOWELS)?.length ?? 0;
  const muteE = /[^aeiouyàâäéèêëîïôöùûü]es?$/.test(w) && groups > 1 ? 1 : 0;
  return Math.max(1, groups - muteE);
}

export function syllablesOf(word: string, lang: Lang): number {
  if (/^\d+$/.test(word)) return Math.max(1, word.length);
  return lang === "en" ? Math.max(1, syllable(word)) : frenchSyllables(word);
}

export interface Reading {
  sentences: number;
  words: number;
  syllables: number;
  /** Flesch-Kincaid grade (English) or Kandel-Moles ease (French). */
  score: number;
}

/**
 * Flesch-Kincaid grade = 0.39 × words/sentence + 11.8 × syllables/word − 15.59.
 * Kandel-Moles ease = 207 − 1.015 × words/sentence − 73.6 × syllables/word (Flesch's ease, fitted to French).
 */
export function measure(texts: readonly string[], lang: Lang): Reading {
  const all = sentences(texts);
  const wordList = all.flatMap(words);
  const syllables = wordList.reduce((sum, w) => sum + syllablesOf(w, lang), 0);
  const perSentence = wordList.length / Math.max(1, all.length);
  const perWord = syllables / Math.max(1, wordList.length);
  const score =
    lang === "en" ? 0.39 * perSentence + 11.8 * perWord - 15.59 : 207 - 1.015 * perSentence - 73.6 * perWord;
  return { sentences: all.length, words: wordList.length, syllables, score: Math.round(score * 10) / 10 };
}

/** The targets: grade 8 or lower in English, ease 60 or higher in French. */
export const TARGETS = { en: 8, fr: 60 } as const;

export function meetsTarget(reading: Reading, lang: Lang): boolean {
  return lang === "en" ? reading.score <= TARGETS.en : reading.score >= TARGETS.fr;
}

/** Every string in a catalogue section, in order (nested objects flattened). */
export function stringsOf(section: unknown): string[] {
  if (typeof section === "string") return [section];
  if (section && typeof section === "object") return Object.values(section).flatMap(stringsOf);
  return [];
}
