// What each photo check says, in English and French. `fr` is typed against `en`, so a missing key
// fails the typecheck; test/unit/photo-checks.test.ts checks that placeholders ({name}) match.
// Keys: "<check id>.<outcome>" is the message, "<check id>.<outcome>.tip" how to fix it (none for pass).

import type { Bilingual } from "./types.ts";

export const en = {
  "format.pass": "The file is a JPEG or PNG image.",
  "format.empty": "The file is empty.",
  "format.empty.tip": "Choose the photo again and upload it. If it keeps happening, save a new copy of the photo first.",
  "format.type": "This file is a {type} image. Only JPEG and PNG photos are accepted.",
  "format.type.tip":
    "Save or export the photo as a JPEG (.jpg) or PNG file, then upload it again. On an iPhone, you can choose Settings > Camera > Formats > Most Compatible.",
  "format.unknown": "This file is not a JPEG or PNG image.",
  "format.unknown.tip": "Upload a photo saved as a JPEG (.jpg) or PNG file.",
  "format.corrupt": "This file is damaged and cannot be read as an image.",
  "format.corrupt.tip": "Take or export the photo again, then upload the new file.",
  "format.truncated": "This file is incomplete: the end of the image is missing.",
  "format.truncated.tip": "Upload the photo again. If it keeps happening, save a new copy of the photo and upload that one.",
  "format.unsupported": "This {type} file uses a kind of image we cannot accept (for example CMYK colour, 12-bit or animated).",
  "format.unsupported.tip": "Save the photo again as a standard colour JPEG or PNG, then upload it. The photo editor does this for you.",

  "file_size.pass": "The file is {size} MB, within the 4 MB limit.",
  "file_size.fail": "The file is {size} MB. It must be 4 MB or less.",
  "file_size.fail.tip":
    "Make the file smaller: save the photo at a lower quality or a smaller size (at least 715 × 1000 pixels), then upload it again.",

  "dimensions.pass": "The photo is {width} × {height} pixels, in the 5:7 proportion.",
  "dimensions.too_small": "The photo is {width} × {height} pixels. It must be at least 715 × 1000 pixels.",
  "dimensions.too_small.tip": "Use a photo taken at a higher resolution, or crop less of it.",
  "dimensions.too_large": "The photo is {width} × {height} pixels. It must be at most 2000 × 2800 pixels.",
  "dimensions.too_large.tip": "Make the photo smaller, keeping the 5:7 proportion. The photo editor does this for you.",
  "dimensions.wrong_ratio": "The photo is {width} × {height} pixels, which is not the 5:7 proportion (for example 1000 × 1400).",
  "dimensions.wrong_ratio.tip": "Crop the photo to the 5:7 frame in the photo editor.",

  "too_dark.pass": "The face is well lit.",
  "too_dark.warn": "The face may be too dark to see clearly.",
  "too_dark.warn.tip":
    "Check that your face is evenly lit. If it looks dark, take the photo again facing a window or a lamp, with no strong light behind you.",
  "too_dark.fail": "The photo is too dark: the face cannot be seen clearly.",
  "too_dark.fail.tip":
    "Take the photo again in a brighter place, facing a window or a lamp so the light falls evenly on your face, with no strong light behind you. Do not brighten the photo with an app.",

  "overexposed.pass": "The face is not washed out.",
  "overexposed.warn": "Parts of the face may be too bright (washed out).",
  "overexposed.warn.tip": "Check that no part of your face looks pure white. If it does, take the photo again with softer light.",
  "overexposed.fail": "The face is too bright: parts of it are pure white, so details are lost.",
  "overexposed.fail.tip":
    "Take the photo again with softer light: turn off the flash and move away from direct sunlight or a strong lamp.",

  "background_not_white.pass": "The background is plain and white.",
  "background_not_white.dark.warn": "The background may not be white enough.",
  "background_not_white.dark.warn.tip":
    "Use a plain white wall with good light on it. A background that is grey in the photo is often a white wall in shadow.",
  "background_not_white.dark.fail": "The background is too dark. It must be plain and white.",
  "background_not_white.dark.fail.tip":
    "Take the photo again in front of a plain white wall, with good, even light on the wall.",
  "background_not_white.colour.warn": "The background may be slightly coloured. It must be white.",
  "background_not_white.colour.warn.tip": "Check that the wall behind you is white, not cream, blue or another colour.",
  "background_not_white.colour.fail": "The background is coloured. It must be plain and white.",
  "background_not_white.colour.fail.tip": "Take the photo again in front of a plain white wall.",
  "background_not_white.texture.warn": "The background may not be plain: check for shadows, patterns or objects.",
  "background_not_white.texture.warn.tip":
    "Stand about 1 metre in front of a plain white wall, so that your shadow does not fall on it, with nothing else in view.",
  "background_not_white.texture.fail": "The background is not plain: it has patterns, objects or shadows.",
  "background_not_white.texture.fail.tip":
    "Take the photo again about 1 metre in front of a plain white wall, with even light and nothing else in view.",

  "glare.pass": "There is no glare on the face.",
  "glare.warn": "There may be glare (shiny spots) on the face or glasses.",
  "glare.warn.tip": "Check that no light reflects on your skin or glasses. If it does, take the photo again without flash.",
  "glare.fail": "There is glare on the face or glasses, which hides part of the face.",
  "glare.fail.tip":
    "Take the photo again without flash, with soft light coming evenly from in front of you. If you wear glasses, make sure no light reflects on them, or take them off.",

  "face_not_visible.pass": "The face shows enough detail.",
  "face_not_visible.warn": "The face may not be clearly visible: the photo shows little detail where the face should be.",
  "face_not_visible.warn.tip":
    "Check that your whole face is uncovered, in focus and in the middle of the frame. If not, take the photo again.",
  "face_not_visible.fail": "The face cannot be seen clearly: the photo shows almost no detail where the face should be.",
  "face_not_visible.fail.tip":
    "Take the photo again looking straight at the camera, with your whole face uncovered, in focus and in the middle of the frame, in even light.",
} as const;

export type CheckMessageKey = keyof typeof en;

export const fr: Record<CheckMessageKey, string> = {
  "format.pass": "Le fichier est une image JPEG ou PNG.",
  "format.empty": "Le fichier est vide.",
  "format.empty.tip":
    "Choisissez de nouveau la photo et téléversez-la. Si le problème persiste, enregistrez d’abord une nouvelle copie de la photo.",
  "format.type": "Ce fichier est une image {type}. Seules les photos JPEG et PNG sont acceptées.",
  "format.type.tip":
    "Enregistrez ou exportez la photo en format JPEG (.jpg) ou PNG, puis téléversez-la de nouveau. Sur un iPhone, vous pouvez choisir Réglages > Appareil photo > Formats > Le plus compatible.",
  "format.unknown": "Ce fichier n’est pas une image JPEG ou PNG.",
  "format.unknown.tip": "Téléversez une photo enregistrée en format JPEG (.jpg) ou PNG.",
  "format.corrupt": "Ce fichier est endommagé et ne peut pas être lu comme une image.",
  "format.corrupt.tip": "Prenez ou exportez la photo de nouveau, puis téléversez le nouveau fichier.",
  "format.truncated": "Ce fichier est incomplet : la fin de l’image manque.",
  "format.truncated.tip":
    "Téléversez la photo de nouveau. Si le problème persiste, enregistrez une nouvelle copie de la photo et téléversez celle-ci.",
  "format.unsupported":
    "Ce fichier {type} utilise un type d’image que nous ne pouvons pas accepter (par exemple couleurs CMJN, 12 bits ou animation).",
  "format.unsupported.tip":
    "Enregistrez de nouveau la photo en JPEG ou PNG couleur standard, puis téléversez-la. L’éditeur de photo le fait pour vous.",

  "file_size.pass": "Le fichier fait {size} Mo, sous la limite de 4 Mo.",
  "file_size.fail": "Le fichier fait {size} Mo. Il ne doit pas dépasser 4 Mo.",
  "file_size.fail.tip":
    "Réduisez la taille du fichier : enregistrez la photo avec une qualité moindre ou en plus petit (au moins 715 × 1000 pixels), puis téléversez-la de nouveau.",

  "dimensions.pass": "La photo mesure {width} × {height} pixels et respecte la proportion 5:7.",
  "dimensions.too_small": "La photo mesure {width} × {height} pixels. Elle doit mesurer au moins 715 × 1000 pixels.",
  "dimensions.too_small.tip": "Utilisez une photo prise en plus haute résolution, ou recadrez-la moins serré.",
  "dimensions.too_large": "La photo mesure {width} × {height} pixels. Elle doit mesurer au plus 2000 × 2800 pixels.",
  "dimensions.too_large.tip": "Réduisez la photo en gardant la proportion 5:7. L’éditeur de photo le fait pour vous.",
  "dimensions.wrong_ratio":
    "La photo mesure {width} × {height} pixels, ce qui ne respecte pas la proportion 5:7 (par exemple 1000 × 1400).",
  "dimensions.wrong_ratio.tip": "Recadrez la photo dans le cadre 5:7 de l’éditeur de photo.",

  "too_dark.pass": "Le visage est bien éclairé.",
  "too_dark.warn": "Le visage est peut-être trop sombre pour être bien vu.",
  "too_dark.warn.tip":
    "Vérifiez que votre visage est éclairé de façon uniforme. S’il paraît sombre, reprenez la photo face à une fenêtre ou à une lampe, sans lumière forte derrière vous.",
  "too_dark.fail": "La photo est trop sombre : on ne voit pas bien le visage.",
  "too_dark.fail.tip":
    "Reprenez la photo dans un endroit plus éclairé, face à une fenêtre ou à une lampe, pour que la lumière tombe uniformément sur votre visage, sans lumière forte derrière vous. N’éclaircissez pas la photo avec une application.",

  "overexposed.pass": "Le visage n’est pas surexposé.",
  "overexposed.warn": "Certaines parties du visage sont peut-être trop claires (délavées).",
  "overexposed.warn.tip":
    "Vérifiez qu’aucune partie de votre visage ne paraît toute blanche. Si c’est le cas, reprenez la photo avec une lumière plus douce.",
  "overexposed.fail": "Le visage est trop clair : certaines parties sont toutes blanches et les détails sont perdus.",
  "overexposed.fail.tip":
    "Reprenez la photo avec une lumière plus douce : désactivez le flash et éloignez-vous du soleil direct ou d’une lampe puissante.",

  "background_not_white.pass": "Le fond est uni et blanc.",
  "background_not_white.dark.warn": "Le fond n’est peut-être pas assez blanc.",
  "background_not_white.dark.warn.tip":
    "Utilisez un mur blanc uni bien éclairé. Un fond gris sur la photo est souvent un mur blanc dans l’ombre.",
  "background_not_white.dark.fail": "Le fond est trop foncé. Il doit être uni et blanc.",
  "background_not_white.dark.fail.tip":
    "Reprenez la photo devant un mur blanc uni, éclairé de façon uniforme.",
  "background_not_white.colour.warn": "Le fond est peut-être légèrement coloré. Il doit être blanc.",
  "background_not_white.colour.warn.tip": "Vérifiez que le mur derrière vous est blanc, et non crème, bleu ou d’une autre couleur.",
  "background_not_white.colour.fail": "Le fond est coloré. Il doit être uni et blanc.",
  "background_not_white.colour.fail.tip": "Reprenez la photo devant un mur blanc uni.",
  "background_not_white.texture.warn": "Le fond n’est peut-être pas uni : vérifiez s’il y a des ombres, des motifs ou des objets.",
  "background_not_white.texture.warn.tip":
    "Placez-vous à environ 1 mètre devant un mur blanc uni, pour que votre ombre ne tombe pas sur le mur, sans rien d’autre dans le cadre.",
  "background_not_white.texture.fail": "Le fond n’est pas uni : il y a des motifs, des objets ou des ombres.",
  "background_not_white.texture.fail.tip":
    "Reprenez la photo à environ 1 mètre devant un mur blanc uni, avec un éclairage uniforme et rien d’autre dans le cadre.",

  "glare.pass": "Il n’y a pas de reflet sur le visage.",
  "glare.warn": "Il y a peut-être des reflets (points brillants) sur le visage ou les lunettes.",
  "glare.warn.tip":
    "Vérifiez que la lumière ne se reflète pas sur votre peau ou vos lunettes. Si c’est le cas, reprenez la photo sans flash.",
  "glare.fail": "Il y a des reflets sur le visage ou les lunettes, qui cachent une partie du visage.",
  "glare.fail.tip":
    "Reprenez la photo sans flash, avec une lumière douce venant uniformément de face. Si vous portez des lunettes, assurez-vous qu’aucune lumière ne s’y reflète, ou retirez-les.",

  "face_not_visible.pass": "Le visage présente assez de détails.",
  "face_not_visible.warn":
    "Le visage n’est peut-être pas bien visible : la photo montre peu de détails à l’endroit où devrait se trouver le visage.",
  "face_not_visible.warn.tip":
    "Vérifiez que votre visage est entièrement découvert, net et au milieu du cadre. Sinon, reprenez la photo.",
  "face_not_visible.fail":
    "On ne voit pas bien le visage : la photo ne montre presque aucun détail à l’endroit où devrait se trouver le visage.",
  "face_not_visible.fail.tip":
    "Reprenez la photo en regardant droit vers l’appareil, le visage entièrement découvert, net et au milieu du cadre, avec un éclairage uniforme.",
};

export type Params = Record<string, string | number>;

function fill(text: string, params: Params, locale: string): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === "number" ? new Intl.NumberFormat(locale, { maximumFractionDigits: 1, useGrouping: false }).format(value) : value;
  });
}

/** Both languages of one message, placeholders filled (numbers in each language's format). */
export function say(key: CheckMessageKey, params: Params = {}): Bilingual {
  return { en: fill(en[key], params, "en-CA"), fr: fill(fr[key], params, "fr-CA") };
}

/** The tip for a message key, or empty texts when there is none (a pass). */
export function tipFor(key: CheckMessageKey, params: Params = {}): Bilingual {
  const tipKey = `${key}.tip`;
  return tipKey in en ? say(tipKey as CheckMessageKey, params) : { en: "", fr: "" };
}
