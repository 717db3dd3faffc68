// Plain language (issue 17 point 5, decision 028): the prose a person reads when they cannot use
// the portal or cannot take a compliant photo, in both languages, measured as passages: each page's
// or email's sentences together. English: Flesch-Kincaid grade 8 or lower; French: Kandel-Moles
// reading ease 60 or higher. Measured: the client catalogue's anotherWay section (the request form,
// the /another-way page, the links, the photo exception, the mailed photo note), the API's error
// messages for those forms (shared/api/messages.ts anotherWay.* and photoException.*), and the
// emails' sentences (worker/email/another-way-templates.ts PROSE). Officers' pages are not measured.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { en } from "../../client/i18n/en.ts";
import { fr } from "../../client/i18n/fr.ts";
import { en as apiEn, fr as apiFr } from "../../shared/api/messages.ts";
import { PROSE } from "../../worker/email/another-way-templates.ts";
import { type Lang, TARGETS, meetsTarget, measure, stringsOf } from "./support/readability.ts";

const catalogues = { en, fr } as const;
const apiMessages = { en: apiEn, fr: apiFr } as const;

/** Each passage a person reads at once, in one language. */
function passages(lang: Lang): Record<string, string[]> {
  const aw = catalogues[lang].anotherWay;
  const api = Object.entries(apiMessages[lang])
    .filter(([key]) => key.startsWith("anotherWay.") || key.startsWith("photoException."))
    .map(([, text]) => text);
  const mail = PROSE[lang];
  return {
    "request form": [...stringsOf(aw.form)],
    "/another-way page": [...stringsOf(aw.page), aw.link],
    "links to another way": [aw.link, aw.invitationSummary, aw.photoSummary, aw.mailedPhoto],
    "photo exception": stringsOf(aw.exception),
    // The request's service standard on the status page (decisions 025 and 028).
    "status page: request clock": [
      catalogues[lang].status.clock.aim.another_way,
      catalogues[lang].status.clock.elapsed,
      catalogues[lang].status.clock.overdue,
    ],
    "error messages": api,
    "email: request received": [
      mail.receivedHeading,
      mail.receivedIntro,
      ...Object.values(mail.kinds),
      mail.receivedNext,
      mail.notYou,
    ],
    ...Object.fromEntries(
      (["contacted", "appointment_set", "photo_received"] as const).map((outcome) => [
        `email: ${outcome}`,
        [
          mail.outcomeHeadings[outcome],
          mail.outcomes[outcome],
          ...(outcome === "photo_received" ? [mail.photoNext] : []),
          mail.help,
          mail.portal,
        ],
      ]),
    ),
  };
}

/** Strings of this many words or more are measured alone as well as in their passage. */
const LONE_WORDS = 10;

const HARD_EN =
  "Notwithstanding the foregoing, applicants whose circumstances necessitate individualized accommodation measures must substantiate their eligibility through documentation satisfactory to the department's designated adjudicative authority.";
const HARD_FR =
  "Nonobstant ce qui précède, les demandeurs dont la situation particulière nécessite des mesures d'adaptation individualisées doivent démontrer leur admissibilité au moyen d'une documentation jugée satisfaisante par l'autorité décisionnelle désignée par le ministère.";

for (const lang of ["en", "fr"] as const) {
  describe(`plain language, ${lang === "en" ? "English (Flesch-Kincaid grade ≤ 8)" : "French (Kandel-Moles ease ≥ 60)"}`, () => {
    for (const [name, texts] of Object.entries(passages(lang))) {
      test(name, () => {
        assert.ok(texts.length > 0, `${name}: nothing to measure`);
        const reading = measure(texts, lang);
        assert.ok(reading.words >= 5, `${name}: only ${reading.words} words`);
        assert.ok(
          meetsTarget(reading, lang),
          `${name} scores ${reading.score} (target ${lang === "en" ? "≤" : "≥"} ${TARGETS[lang]}): ${JSON.stringify(reading)}`,
        );
      });
    }

    // A passage's average could hide one hard sentence among easy ones: every string long enough to
    // be a sentence (LONE_WORDS words or more) meets the target on its own too. Shorter ones (labels,
    // headings, buttons) say too little to score alone and count in their passage.
    test(`every string of ${LONE_WORDS} words or more, alone`, () => {
      const failing = Object.values(passages(lang))
        .flat()
        .map((text) => ({ text, reading: measure([text], lang) }))
        .filter(({ reading }) => reading.words >= LONE_WORDS && !meetsTarget(reading, lang))
        .map(({ text, reading }) => `${reading.score}: ${text}`);
      assert.deepEqual(failing, []);
    });

    test("one hard sentence fails: added to any passage, or alone", () => {
      const hard = lang === "en" ? HARD_EN : HARD_FR;
      assert.equal(meetsTarget(measure([hard], lang), lang), false);
      for (const [name, texts] of Object.entries(passages(lang))) {
        const withHard = [...texts, hard];
        const passageFails = !meetsTarget(measure(withHard, lang), lang);
        const stringFails = withHard.some(
          (t) => measure([t], lang).words >= LONE_WORDS && !meetsTarget(measure([t], lang), lang),
        );
        assert.ok(passageFails || stringFails, `${name} still passes with the hard sentence`);
      }
    });
  });
}

describe("the measure itself", () => {
  test("counts English syllables with the syllable package and French ones by vowel groups less a mute final e", () => {
    assert.deepEqual(measure(["The cat sat on the mat."], "en"), { sentences: 1, words: 6, syllables: 6, score: -1.4 });
    // pho-to-graphe (3), a (1), une (1: mute e), tâ-ches (1: mute -es), eau (1)
    assert.equal(measure(["Photographe a une tâches eau."], "fr").syllables, 7);
  });

  test("gives the published scores' direction: longer sentences and longer words read harder", () => {
    const easy = measure(["We got your photo. You do not need to do more."], "en");
    const hard = measure([HARD_EN], "en");
    assert.ok(hard.score > easy.score + 10, `${hard.score} vs ${easy.score}`);
    const facile = measure(["Nous avons reçu votre photo. Vous n'avez rien à faire."], "fr");
    const difficile = measure([HARD_FR], "fr");
    assert.ok(difficile.score < facile.score - 30, `${difficile.score} vs ${facile.score}`);
  });

  test("a placeholder or an email address reads as one short word", () => {
    assert.equal(
      measure(["Write to {helpEmail} today."], "en").syllables,
      measure(["Write to Sam today."], "en").syllables,
    );
    assert.equal(measure(["Write to help@example.com today."], "en").words, 4);
  });
});
