// What each photo check says, in English and French. `fr` is typed against `en`, so a missing key
// fails the typecheck; test/unit/photo-checks.test.ts checks that placeholders ({name}) match.
// Keys: "<check id>.<outcome>" is the message, "<check id>.<outcome>.tip" how to fix it (none for pass).

import { MAX_PHOTO_MEGABYTES } from "../size-limit.ts";
import type { Bilingual } from "./types.ts";

export const en = {
  "format.pass": "The file is a JPEG or PNG image.",
  "format.empty": "The file is empty.",
  "format.empty.tip":
    "Choose the photo again and upload it. If it keeps happening, save a new copy of the photo first.",
  "format.type": "This file is an image in {type} format. Only JPEG and PNG photos are accepted.",
  "format.type.tip":
    "Save or export the photo as a JPEG (.jpg) or PNG file, then upload it again. On an iPhone, you can choose Settings > Camera > Formats > Most Compatible.",
  "format.unknown": "This file is not a JPEG or PNG image.",
  "format.unknown.tip": "Upload a photo saved as a JPEG (.jpg) or PNG file.",
  "format.corrupt": "This file is damaged and cannot be read as an image.",
  "format.corrupt.tip": "Take or export the photo again, then upload the new file.",
  "format.truncated": "This file is incomplete: the end of the image is missing.",
  "format.truncated.tip":
    "Upload the photo again. If it keeps happening, save a new copy of the photo and upload that one.",
  "format.unsupported": "This {type} file uses a kind of image we cannot accept (for example 12-bit or animated).",
  "format.unsupported.tip":
    "Save the photo again as a standard colour JPEG or PNG, then upload it. The photo editor does this for you.",
  "format.cmyk": "This JPEG is saved in CMYK colours, for printing. Photos must be in RGB colours, for screens.",
  "format.cmyk.tip":
    "Choose the photo in the photo editor, which saves an RGB copy for you, or save it again as an RGB JPEG (sRGB) in your photo software, then upload the new file.",

  "file_size.pass": `The file is {size} MB, within the ${MAX_PHOTO_MEGABYTES} MB limit.`,
  "file_size.kb.pass": `The file is {size} KB, within the ${MAX_PHOTO_MEGABYTES} MB limit.`,
  "file_size.fail": `The file is {size} MB. It must be ${MAX_PHOTO_MEGABYTES} MB or less.`,
  "file_size.fail.tip":
    "Make the file smaller: save the photo at a lower quality or a smaller size (at least 715 × 1000 pixels), then upload it again.",

  "dimensions.pass": "The photo is {width} × {height} pixels, in the 5:7 proportion.",
  "dimensions.too_small": "The photo is {width} × {height} pixels. It must be at least 715 × 1000 pixels.",
  "dimensions.too_small.tip": "Use a photo taken at a higher resolution, or crop less of it.",
  "dimensions.too_large": "The photo is {width} × {height} pixels. It must be at most 2000 × 2800 pixels.",
  "dimensions.too_large.tip": "Make the photo smaller, keeping the 5:7 proportion. The photo editor does this for you.",
  "dimensions.wrong_ratio":
    "The photo is {width} × {height} pixels, which is not the 5:7 proportion (for example 1000 × 1400).",
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
  "overexposed.warn.tip":
    "Check that no part of your face looks pure white. If it does, take the photo again with softer light.",
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
  "glare.warn.tip":
    "Check that no light reflects on your skin or glasses. If it does, take the photo again without flash.",
  "glare.fail": "There is glare on the face or glasses, which hides part of the face.",
  "glare.fail.tip":
    "Take the photo again without flash, with soft light coming evenly from in front of you. If you wear glasses, make sure no light reflects on them, or take them off.",

  "face_not_visible.pass": "The face shows enough detail.",
  "face_not_visible.warn":
    "The face may not be clearly visible: the photo shows little detail where the face should be.",
  "face_not_visible.warn.tip":
    "Check that your whole face is uncovered, in focus and in the middle of the frame. If not, take the photo again.",
  "face_not_visible.fail":
    "The face cannot be seen clearly: the photo shows almost no detail where the face should be.",
  "face_not_visible.fail.tip":
    "Take the photo again looking straight at the camera, with your whole face uncovered, in focus and in the middle of the frame, in even light.",
  "face_not_visible.detected.pass": "One face is found and it shows enough detail.",
  "face_not_visible.no_face": "No face can be found in the photo.",
  "face_not_visible.no_face.tip":
    "Take the photo again looking straight at the camera, with your whole face uncovered and in the middle of the frame, in even light.",
  "face_not_visible.several": "{count} faces are found in the photo. It must show only you.",
  "face_not_visible.several.tip":
    "Take the photo again with nobody else in the frame, and no photos or pictures of faces behind you.",

  "eyes_visible.pass": "Both eyes can be seen.",
  "eyes_visible.not_found": "Your eyes cannot be found in the photo.",
  "eyes_visible.not_found.tip":
    "Take the photo again looking straight at the camera, with your whole face in the frame.",
  "eyes_visible.warn": "Your eyes may be partly hidden (hair, glasses frames or shadow).",
  "eyes_visible.warn.tip":
    "Check that both eyes are clearly visible, with no hair, frames or shadows over them. Keep your eyes open. If not, take the photo again.",
  "eyes_visible.fail": "Your eyes cannot be seen clearly: something covers them, such as dark glasses or a reflection.",
  "eyes_visible.fail.tip":
    "Take the photo again with your eyes open and uncovered: no tinted glasses, no hair over your eyes, no reflections.",

  "head_size.pass": "Your head is the right size: chin to crown is {mm} mm of the 70 mm height.",
  "head_size.small":
    "Your head may be a little small: chin to crown is about {mm} mm. It must be 31 to 36 mm of the 70 mm height.",
  "head_size.small.tip": "Zoom in slightly in the photo editor so that your head fills the oval guide.",
  "head_size.large":
    "Your head may be a little large: chin to crown is about {mm} mm. It must be 31 to 36 mm of the 70 mm height.",
  "head_size.large.tip": "Zoom out slightly in the photo editor so that your head fits the oval guide.",
  "head_size.too_small":
    "Your head is too small: chin to crown is about {mm} mm. It must be 31 to 36 mm of the 70 mm height.",
  "head_size.too_small.tip": "Zoom in on your face in the photo editor, or take the photo again closer to the camera.",
  "head_size.too_large":
    "Your head is too large: chin to crown is about {mm} mm. It must be 31 to 36 mm of the 70 mm height.",
  "head_size.too_large.tip":
    "Zoom out in the photo editor, or take the photo again from further away, showing your head and the top of your shoulders.",
  "head_size.cut_off": "The top of your head is cut off.",
  "head_size.cut_off.tip":
    "Show your whole head, with some white space above your hair: zoom out in the photo editor or take the photo from further away.",

  "face_centred.pass": "Your face is centred.",
  "face_centred.left.warn": "Your face may be off-centre, towards the left of the photo.",
  "face_centred.left.warn.tip": "Move the photo in the photo editor so that your face is in the middle of the frame.",
  "face_centred.left.fail": "Your face is not centred: it is towards the left of the photo.",
  "face_centred.left.fail.tip":
    "Move the photo in the photo editor so that your face is in the middle of the frame, or take it again facing the camera straight on.",
  "face_centred.right.warn": "Your face may be off-centre, towards the right of the photo.",
  "face_centred.right.warn.tip": "Move the photo in the photo editor so that your face is in the middle of the frame.",
  "face_centred.right.fail": "Your face is not centred: it is towards the right of the photo.",
  "face_centred.right.fail.tip":
    "Move the photo in the photo editor so that your face is in the middle of the frame, or take it again facing the camera straight on.",
  "face_centred.eyes_high": "Your eyes may be too high in the photo.",
  "face_centred.eyes_high.tip": "Move the photo down in the photo editor so that there is less space below your chin.",
  "face_centred.eyes_low": "Your eyes may be too low in the photo.",
  "face_centred.eyes_low.tip": "Move the photo up in the photo editor so that there is less space above your head.",

  "head_tilt.pass": "Your head is straight.",
  "head_tilt.warn": "Your head may be tilted to one side (about {degrees}°).",
  "head_tilt.warn.tip": "Check that your eyes are level. If not, take the photo again with your head straight.",
  "head_tilt.fail": "Your head is tilted to one side (about {degrees}°). It must be straight.",
  "head_tilt.fail.tip":
    "Take the photo again looking straight at the camera, with your head upright and your eyes level.",

  "eyes_open.pass": "Your eyes are open.",
  "eyes_open.warn": "Your eyes may be partly closed.",
  "eyes_open.warn.tip":
    "Check that both eyes are fully open in the photo. If not, take it again looking at the camera with your eyes open, without squinting.",
  "eyes_open.fail": "Your eyes are closed, or nearly closed. They must be open.",
  "eyes_open.fail.tip":
    "Take the photo again with both eyes open, looking at the camera. Take several and keep one where you did not blink.",

  "mouth_closed.pass": "Your mouth is closed.",
  "mouth_closed.warn": "Your lips may be parted. Your mouth must be closed, with a neutral expression.",
  "mouth_closed.warn.tip": "Check that your lips are together. If not, take the photo again with your mouth closed.",
  "mouth_closed.fail":
    "Your mouth is open or your teeth show (a smile). Your mouth must be closed, with a neutral expression.",
  "mouth_closed.fail.tip":
    "Take the photo again with your mouth closed and a neutral expression: lips together, no smile, teeth not showing.",

  "head_pose.pass": "You are facing the camera.",
  "head_pose.unknown": "We could not tell which way your head is turned.",
  "head_pose.unknown.tip": "Take the photo again facing the camera straight on, with your whole face in the frame.",
  "head_pose.turned.warn": "Your head may be turned a little to one side (about {degrees}°).",
  "head_pose.turned.warn.tip":
    "Check that your nose points straight at the camera. If not, take the photo again facing the camera.",
  "head_pose.turned.fail": "Your head is turned to one side (about {degrees}°). You must face the camera.",
  "head_pose.turned.fail.tip":
    "Take the photo again facing the camera straight on: your shoulders and nose pointing at the lens.",
  "head_pose.down.warn": "Your head may be tipped down a little (about {degrees}°).",
  "head_pose.down.warn.tip":
    "Check that you are looking straight ahead. If not, take the photo again with the camera at eye level.",
  "head_pose.down.fail": "Your head is tipped down (about {degrees}°). You must look straight at the camera.",
  "head_pose.down.fail.tip":
    "Take the photo again with your chin level and the camera at the height of your eyes, not above them.",
  "head_pose.up.warn": "Your head may be tipped up a little (about {degrees}°).",
  "head_pose.up.warn.tip":
    "Check that you are looking straight ahead. If not, take the photo again with the camera at eye level.",
  "head_pose.up.fail": "Your head is tipped up (about {degrees}°). You must look straight at the camera.",
  "head_pose.up.fail.tip":
    "Take the photo again with your chin level and the camera at the height of your eyes, not below them.",
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
    "Ce fichier {type} utilise un type d’image que nous ne pouvons pas accepter (par exemple 12 bits ou animation).",
  "format.unsupported.tip":
    "Enregistrez de nouveau la photo en JPEG ou PNG couleur standard, puis téléversez-la. L’éditeur de photo le fait pour vous.",
  "format.cmyk":
    "Ce JPEG est enregistré en couleurs CMJN, pour l’impression. Les photos doivent être en couleurs RVB, pour les écrans.",
  "format.cmyk.tip":
    "Choisissez la photo dans l’éditeur de photo, qui en enregistre une copie RVB pour vous, ou enregistrez-la de nouveau en JPEG RVB (sRVB) dans votre logiciel de photo, puis téléversez le nouveau fichier.",

  "file_size.pass": `Le fichier fait {size} Mo, sous la limite de ${MAX_PHOTO_MEGABYTES} Mo.`,
  "file_size.kb.pass": `Le fichier fait {size} Ko, sous la limite de ${MAX_PHOTO_MEGABYTES} Mo.`,
  "file_size.fail": `Le fichier fait {size} Mo. Il ne doit pas dépasser ${MAX_PHOTO_MEGABYTES} Mo.`,
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
  "background_not_white.dark.fail.tip": "Reprenez la photo devant un mur blanc uni, éclairé de façon uniforme.",
  "background_not_white.colour.warn": "Le fond est peut-être légèrement coloré. Il doit être blanc.",
  "background_not_white.colour.warn.tip":
    "Vérifiez que le mur derrière vous est blanc, et non crème, bleu ou d’une autre couleur.",
  "background_not_white.colour.fail": "Le fond est coloré. Il doit être uni et blanc.",
  "background_not_white.colour.fail.tip": "Reprenez la photo devant un mur blanc uni.",
  "background_not_white.texture.warn":
    "Le fond n’est peut-être pas uni : vérifiez s’il y a des ombres, des motifs ou des objets.",
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
  "face_not_visible.detected.pass": "Un visage est trouvé et il présente assez de détails.",
  "face_not_visible.no_face": "Aucun visage n’est trouvé sur la photo.",
  "face_not_visible.no_face.tip":
    "Reprenez la photo en regardant droit vers l’appareil, le visage entièrement découvert et au milieu du cadre, avec un éclairage uniforme.",
  "face_not_visible.several": "{count} visages sont trouvés sur la photo. Elle doit vous montrer seul.",
  "face_not_visible.several.tip":
    "Reprenez la photo sans personne d’autre dans le cadre, ni photo ou image de visage derrière vous.",

  "eyes_visible.pass": "Les deux yeux sont visibles.",
  "eyes_visible.not_found": "Vos yeux ne sont pas trouvés sur la photo.",
  "eyes_visible.not_found.tip": "Reprenez la photo en regardant droit vers l’appareil, le visage entier dans le cadre.",
  "eyes_visible.warn": "Vos yeux sont peut-être en partie cachés (cheveux, monture de lunettes ou ombre).",
  "eyes_visible.warn.tip":
    "Vérifiez que vos deux yeux sont bien visibles, sans cheveux, monture ni ombre devant. Gardez les yeux ouverts. Sinon, reprenez la photo.",
  "eyes_visible.fail":
    "On ne voit pas bien vos yeux : quelque chose les cache, comme des lunettes teintées ou un reflet.",
  "eyes_visible.fail.tip":
    "Reprenez la photo les yeux ouverts et découverts : pas de lunettes teintées, pas de cheveux devant les yeux, pas de reflets.",

  "head_size.pass":
    "Votre tête a la bonne taille : du menton au sommet du crâne, elle mesure {mm} mm sur les 70 mm de hauteur.",
  "head_size.small":
    "Votre tête est peut-être un peu petite : du menton au sommet du crâne, elle mesure environ {mm} mm. Elle doit mesurer de 31 à 36 mm sur les 70 mm de hauteur.",
  "head_size.small.tip": "Agrandissez légèrement la photo dans l’éditeur pour que votre tête remplisse le guide ovale.",
  "head_size.large":
    "Votre tête est peut-être un peu grande : du menton au sommet du crâne, elle mesure environ {mm} mm. Elle doit mesurer de 31 à 36 mm sur les 70 mm de hauteur.",
  "head_size.large.tip": "Réduisez légèrement la photo dans l’éditeur pour que votre tête tienne dans le guide ovale.",
  "head_size.too_small":
    "Votre tête est trop petite : du menton au sommet du crâne, elle mesure environ {mm} mm. Elle doit mesurer de 31 à 36 mm sur les 70 mm de hauteur.",
  "head_size.too_small.tip":
    "Agrandissez votre visage dans l’éditeur de photo, ou reprenez la photo plus près de l’appareil.",
  "head_size.too_large":
    "Votre tête est trop grande : du menton au sommet du crâne, elle mesure environ {mm} mm. Elle doit mesurer de 31 à 36 mm sur les 70 mm de hauteur.",
  "head_size.too_large.tip":
    "Réduisez la photo dans l’éditeur, ou reprenez-la de plus loin, en montrant votre tête et le haut de vos épaules.",
  "head_size.cut_off": "Le haut de votre tête est coupé.",
  "head_size.cut_off.tip":
    "Montrez votre tête en entier, avec un peu d’espace blanc au-dessus de vos cheveux : réduisez la photo dans l’éditeur ou reprenez-la de plus loin.",

  "face_centred.pass": "Votre visage est centré.",
  "face_centred.left.warn": "Votre visage n’est peut-être pas centré : il est vers la gauche de la photo.",
  "face_centred.left.warn.tip": "Déplacez la photo dans l’éditeur pour que votre visage soit au milieu du cadre.",
  "face_centred.left.fail": "Votre visage n’est pas centré : il est vers la gauche de la photo.",
  "face_centred.left.fail.tip":
    "Déplacez la photo dans l’éditeur pour que votre visage soit au milieu du cadre, ou reprenez-la bien en face de l’appareil.",
  "face_centred.right.warn": "Votre visage n’est peut-être pas centré : il est vers la droite de la photo.",
  "face_centred.right.warn.tip": "Déplacez la photo dans l’éditeur pour que votre visage soit au milieu du cadre.",
  "face_centred.right.fail": "Votre visage n’est pas centré : il est vers la droite de la photo.",
  "face_centred.right.fail.tip":
    "Déplacez la photo dans l’éditeur pour que votre visage soit au milieu du cadre, ou reprenez-la bien en face de l’appareil.",
  "face_centred.eyes_high": "Vos yeux sont peut-être trop haut sur la photo.",
  "face_centred.eyes_high.tip":
    "Déplacez la photo vers le bas dans l’éditeur pour laisser moins d’espace sous votre menton.",
  "face_centred.eyes_low": "Vos yeux sont peut-être trop bas sur la photo.",
  "face_centred.eyes_low.tip":
    "Déplacez la photo vers le haut dans l’éditeur pour laisser moins d’espace au-dessus de votre tête.",

  "head_tilt.pass": "Votre tête est droite.",
  "head_tilt.warn": "Votre tête est peut-être penchée sur le côté (environ {degrees}°).",
  "head_tilt.warn.tip": "Vérifiez que vos yeux sont à la même hauteur. Sinon, reprenez la photo la tête droite.",
  "head_tilt.fail": "Votre tête est penchée sur le côté (environ {degrees}°). Elle doit être droite.",
  "head_tilt.fail.tip":
    "Reprenez la photo en regardant droit vers l’appareil, la tête droite et les yeux à la même hauteur.",

  "eyes_open.pass": "Vos yeux sont ouverts.",
  "eyes_open.warn": "Vos yeux sont peut-être en partie fermés.",
  "eyes_open.warn.tip":
    "Vérifiez que vos deux yeux sont grands ouverts sur la photo. Sinon, reprenez-la en regardant l’appareil, les yeux ouverts, sans plisser les yeux.",
  "eyes_open.fail": "Vos yeux sont fermés ou presque. Ils doivent être ouverts.",
  "eyes_open.fail.tip":
    "Reprenez la photo les deux yeux ouverts, en regardant l’appareil. Prenez-en plusieurs et gardez celle où vous n’avez pas cligné des yeux.",

  "mouth_closed.pass": "Votre bouche est fermée.",
  "mouth_closed.warn":
    "Vos lèvres sont peut-être entrouvertes. Votre bouche doit être fermée et votre expression, neutre.",
  "mouth_closed.warn.tip": "Vérifiez que vos lèvres se touchent. Sinon, reprenez la photo la bouche fermée.",
  "mouth_closed.fail":
    "Votre bouche est ouverte ou vos dents sont visibles (un sourire). Votre bouche doit être fermée et votre expression, neutre.",
  "mouth_closed.fail.tip":
    "Reprenez la photo la bouche fermée et l’expression neutre : lèvres jointes, sans sourire, dents cachées.",

  "head_pose.pass": "Vous êtes face à l’appareil.",
  "head_pose.unknown": "Nous n’avons pas pu voir dans quelle direction votre tête est tournée.",
  "head_pose.unknown.tip": "Reprenez la photo bien en face de l’appareil, le visage entier dans le cadre.",
  "head_pose.turned.warn": "Votre tête est peut-être un peu tournée sur le côté (environ {degrees}°).",
  "head_pose.turned.warn.tip":
    "Vérifiez que votre nez pointe droit vers l’appareil. Sinon, reprenez la photo face à l’appareil.",
  "head_pose.turned.fail":
    "Votre tête est tournée sur le côté (environ {degrees}°). Vous devez faire face à l’appareil.",
  "head_pose.turned.fail.tip": "Reprenez la photo bien en face de l’appareil : épaules et nez tournés vers l’objectif.",
  "head_pose.down.warn": "Votre tête est peut-être un peu penchée vers le bas (environ {degrees}°).",
  "head_pose.down.warn.tip":
    "Vérifiez que vous regardez droit devant. Sinon, reprenez la photo avec l’appareil à la hauteur des yeux.",
  "head_pose.down.fail":
    "Votre tête est penchée vers le bas (environ {degrees}°). Vous devez regarder droit vers l’appareil.",
  "head_pose.down.fail.tip":
    "Reprenez la photo le menton à l’horizontale et l’appareil à la hauteur de vos yeux, pas plus haut.",
  "head_pose.up.warn": "Votre tête est peut-être un peu levée (environ {degrees}°).",
  "head_pose.up.warn.tip":
    "Vérifiez que vous regardez droit devant. Sinon, reprenez la photo avec l’appareil à la hauteur des yeux.",
  "head_pose.up.fail": "Votre tête est levée (environ {degrees}°). Vous devez regarder droit vers l’appareil.",
  "head_pose.up.fail.tip":
    "Reprenez la photo le menton à l’horizontale et l’appareil à la hauteur de vos yeux, pas plus bas.",
};

export type Params = Record<string, string | number>;

function fill(text: string, params: Params, locale: string): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === "number"
      ? new Intl.NumberFormat(locale, { maximumFractionDigits: 1, useGrouping: false }).format(value)
      : value;
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
