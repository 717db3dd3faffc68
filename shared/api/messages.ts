// Every message the worker can put in an API response, in English and French.
// `fr` is typed against `en`, so a key missing in either language fails the
// typecheck; test/unit/messages.test.ts also checks placeholders match.
// Placeholders are written {name}.

import { MAX_PHOTO_MEGABYTES } from "../photo/size-limit.ts";

export const en = {
  "errors.validationFailed": "Some answers need to be corrected.",
  "errors.malformedJson": "The request could not be read. Reload the page and try again.",
  "errors.unsupportedMediaType": "The request must be sent as JSON.",
  "errors.bodyTooLarge": "What you sent is too large.",
  "errors.notFound": "We could not find that page or item.",
  "errors.methodNotAllowed": "That action is not allowed here.",
  "errors.internal": "Something went wrong on our side. Nothing you saved was lost. Try again in a few minutes.",
  "errors.crossSite": "This request came from another website and was refused. Use the portal's own pages.",
  "errors.notSignedIn": "Sign in to continue.",
  "errors.passwordChangeRequired": "Create your own password before you continue.",
  "errors.forbidden": "You do not have access to this.",
  "errors.invalidCredentials": "The username or password is not right. Check them and try again.",
  "errors.invalidOfficerCredentials":
    "The email, password or code is not right. Codes work once: wait for a new code, then try again.",
  "errors.temporaryPasswordExpired":
    "Your temporary password has expired. Contact us at {helpEmail} and we will send you a new one.",
  "errors.temporaryPasswordUsed":
    "This temporary password was already used once. If you did not finish creating your own password, contact us at {helpEmail} and we will send you a new temporary password.",
  "errors.tooManyAttempts": "Too many attempts. Wait {minutes} minutes, then try again.",
  "errors.tooManyPhotoUploads":
    "You have uploaded many photos in the last hour. Wait {minutes} minutes, then upload your photo again.",
  "errors.passwordAttemptsSignedOut":
    "Your current password was entered wrong too many times, so we signed you out to protect your account. Sign in again to continue.",
  "errors.initialPasswordExpired": "Your initial password has expired. Ask your administrator for a new one.",
  "errors.initialPasswordUsed": "Your initial password was already used once. Ask your administrator for a new one.",
  "errors.reviewNeedsAccess":
    "The officers' area is closed: this deployment does not have Cloudflare Access set up. An administrator must set ACCESS_TEAM_DOMAIN and ACCESS_AUD.",
  "errors.resetLinkInvalid":
    "This password reset link does not work. It may have been used already or be more than 1 hour old. Ask for a new link.",
  "errors.setPasswordNotTemporary": "Your password is already set. Use the Account page to change it.",
  "errors.invitationNotFound": "We could not find this invitation. Check that you used the whole link from your email.",
  "errors.invitationUsed":
    "This invitation has already been answered. Watch for our email with your account details, or contact us at {helpEmail}.",
  "errors.invitationExpired": "This invitation has expired. Contact us at {helpEmail} to get a new one.",
  "errors.emailConfirmationNotFound":
    "We could not find this confirmation link. Check that you used the whole link from your email.",
  "errors.emailConfirmationUsed":
    "This email address was already confirmed with this link. Watch for our email with your account details, or contact us at {helpEmail}.",
  "errors.emailConfirmationExpired":
    "This confirmation link has expired or was replaced by a newer one. Contact us at {helpEmail} to get a new one.",
  "fields.required": "Enter {label}.",
  "fields.chooseOne": "Select {label}.",
  "fields.emailInvalid": "Enter an email address in the right format, like name@example.com.",
  "fields.tooLong": "{label} must be {max} characters or fewer.",
  "fields.unknownPerson": "This person is not on the application.",
  "fields.separateAccountNotAllowed": "A separate account can only be made for an adult family member.",
  "password.tooShort": "Your password must be at least {min} characters long.",
  "password.tooLong": "Your password must be {max} characters or fewer.",
  "password.common": "This password is too common or has appeared in a data breach. Choose a different one.",
  "password.repetitive": "This password repeats or follows a sequence. Choose a less predictable one.",
  "password.containsUsername": "Your password must not contain your username.",
  "password.containsPortalName": "Your password must not contain the portal's name.",
  "password.mismatch": "The two passwords do not match.",
  "password.currentWrong": "Your current password is not right.",
  "labels.username": "your username",
  "labels.password": "your password",
  "labels.newPassword": "a new password",
  "labels.confirmPassword": "your new password again",
  "labels.email": "an email address",
  "labels.usePortal": "whether you want to use the portal",
  "labels.inCanada": "whether you are in Canada now",
  "labels.language": "a language",
  "labels.totpCode": "the 6-digit code from your authenticator app",
  "labels.streetNumber": "the street number",
  "labels.streetName": "the street name",
  "labels.city": "the city or town",
  "labels.province": "the province or territory",
  "labels.postalCode": "the postal code",
  "labels.unit": "The apartment or unit",
  "labels.unitText": "the apartment or unit",
  "address.postalCodeFormat": "Enter the postal code in the form A1A 1A1, for example K1A 0B1.",
  "address.postalCodeLetters": "A Canadian postal code never uses the letters {letters} there. Check the postal code.",
  "address.postalCodeProvince":
    "Postal code {postalCode} is used in {belongsTo}, but you chose {chosen}. Check the postal code or the province or territory.",
  "address.provinceUnknown": "Select the province or territory from the list.",
  "address.invalidCharacters": "Enter {label} using only letters, numbers, spaces and these marks: {marks}",
  "address.invalidStart": "Start {label} with a letter, a number or #.",
  "presence.confirmRequired": "Select the box to declare that you are in Canada.",
  "presence.confirmRequiredFor": "Select the box to declare that {name} is in Canada.",
  "errors.submissionLocked":
    "This was already submitted, so it cannot be changed. If something is wrong, contact us at {helpEmail}.",
  "errors.personNotFound": "We could not find this person in your account.",
  "errors.representativeReadOnly":
    "As a representative you can see this file, but you cannot act in it: only the person, or the family member who acts for them, can declare, accept the declaration, give answers or submit.",
  "representatives.notFound": "We could not find this representative among those you gave access to.",
  "representatives.alreadyGiven": "This representative already has access to your file.",
  "representatives.ownAddress": "Enter your representative's own email address, not yours: they get their own account.",
  "representatives.licenceNumberInvalid":
    "Enter the licence number as the body prints it: letters, digits and hyphens, up to 20. A CICC number is R and 6 digits, like R512345.",
  "labels.representativeName": "your representative's name",
  "labels.representativeNameText": "Your representative's name",
  "labels.representativeKind": "what kind of representative they are",
  "labels.licenceBody": "the body that licenses them",
  "labels.licenceNumber": "their licence number",
  "errors.addressCardInProduction":
    "The PR card is already being made, so the mailing address can no longer change here. The card will be mailed to the address you gave. If you have moved, ask Canada Post to forward your mail to your new address, and write to {helpEmail} with your new address and your reference number.",
  "errors.addressNotSubmitted":
    "Nothing was submitted for this person yet, so the address can still be corrected on the mailing address page.",
  "photo.empty": "The file is empty. Choose your photo file again.",
  "photo.heic":
    "This is a HEIC photo (the iPhone's default format), which we cannot accept. On the iPhone, open Settings > Camera > Formats and choose Most Compatible, or share the photo as JPEG, then upload the JPEG file.",
  "photo.avif":
    "This is an AVIF image, which we cannot accept. Open it in your photo editor or browser, export or save it as a JPEG (.jpg) or PNG file, then upload that file.",
  "photo.heif":
    "This is a HEIF image, which we cannot accept. In the app that made it, export or save it as a JPEG (.jpg) or PNG file, then upload that file.",
  "photo.cmyk":
    "This photo is saved in CMYK colours, for printing, which we cannot accept. Save it again as an RGB JPEG (sRGB) in your photo software, or choose it in the photo editor on the photo page, which saves an RGB copy for you, then upload the new file.",
  "photo.type": "This file is not a photo we can accept. Upload a JPEG (.jpg) or PNG (.png) file.",
  "photo.corrupt":
    "We could not read this photo: the file seems damaged or incomplete. Export or download it again, then upload the new file.",
  "photo.tooManyPixels":
    "This photo is {width} × {height} pixels, larger than the 2000 × 2800 pixels we accept. Use the photo editor to crop and resize it.",
  "photo.tooLarge": `This file is larger than ${MAX_PHOTO_MEGABYTES} MB. Use the photo editor, which makes a smaller file, or export the photo at a lower quality.`,
  "photo.checksFailed": "This photo does not meet the requirements. See what to fix below.",
  "photo.locked": "Your photo was submitted and cannot be replaced now. If we return it, you can upload a new one.",
  "photo.acknowledgeRequired":
    "Select the box to confirm you want to submit this photo even though it may not meet the requirements.",
  "photo.nothingToAcknowledge": "There is no photo with a warning to acknowledge.",
  "photo.storeFailed":
    "Your photo passed the checks, but we could not save it just now. Your earlier photo, if any, is kept. Upload it again in a minute.",
  "submit.declarationRequired": "Select the box to declare that the information you gave is true and complete.",
  "submit.tasksIncomplete": "Finish these tasks before you submit: {tasks}.",
  "tasks.presence": "Declare you are in Canada",
  "tasks.address": "Give your mailing address in Canada",
  "tasks.photo": "Upload your photo",
  "tasks.photoAcknowledge": "Confirm you want to submit a photo with a warning",
  "review.claimedByOther": "{name} is working on this item. Choose another one, or try again after {time} UTC.",
  "review.claimRequired":
    "Claim this item before you decide on it, so that no other officer decides it at the same time.",
  "review.alreadyDecided": "Another decision was already recorded for this item. Reload it to see what changed.",
  "review.reasonsRequired": "Select at least one reason for returning the photo.",
  "review.reasonUnknown": "Select reasons from the list.",
  "review.notSubmitted": "This person has no submission to confirm.",
  "review.alreadyConfirmed": "Permanent resident status was already confirmed for this person.",
  "review.photoNotAccepted": "Accept the photo before confirming permanent resident status.",
  "review.nameNotPrintable":
    "This person's name has characters the proof of status (e-CoPR) cannot print. Ask for the name to be corrected in the record, then confirm.",
  "review.dateInvalid": "Enter the date as YYYY-MM-DD, not in the future.",
  "review.cardDateFuture": "Enter a date that is today ({date}) or earlier.",
  "review.cardDateBeforeAcceptance": "Enter a date on or after the day the photo was accepted ({date}).",
  "review.cardProducedAfterMailed": "The card cannot have been produced after it was mailed ({date}).",
  "review.cardMailedBeforeProduced": "The card cannot have been mailed before it was produced ({date}).",
  "review.cardMailedLocked": "The mailing date is already recorded ({date}). Only a supervisor can correct it.",
  "review.cardNotMailed": "No mailing date is recorded for this card yet.",
  "review.correctionSameDate": "Enter a date different from the recorded mailing date.",
  "review.correctionReasonRequired": "Enter why the mailing date is corrected.",
  "review.passwordAlreadyChanged": "Your password was already changed. Sign in with it.",
  "review.passwordSameAsInitial": "Choose a password different from the initial password you were given.",
  "review.currentPasswordOrCodeWrong":
    "Your current password or the code is not right. Codes work once: wait for a new code, then try again.",
  "review.passwordSameAsCurrent": "Choose a password different from your current password.",
  "corrections.noEcopr": "There is no proof of status (e-CoPR) for this person yet, so there is nothing to correct.",
  "corrections.pending":
    "A correction for this person is already waiting for an officer. You can report another one once we answer.",
  "corrections.fieldRequired": "Select what is wrong on the e-CoPR.",
  "corrections.valueRequired": "Enter what it should say.",
  "corrections.dateInvalid": "Enter the date of birth as YYYY-MM-DD, like 1990-04-25, not in the future.",
  "corrections.uciInvalid": "Enter the UCI as 8 or 10 digits, like 0000-0000 or 00-0000-0000.",
  "corrections.nameTooLong": "The name must be {max} characters or fewer.",
  "corrections.nameNotPrintable":
    "The e-CoPR cannot print {characters}. Write the name in Latin letters, as on your passport.",
  "corrections.sameValue": "This is already what your e-CoPR says. Enter the correct value.",
  "corrections.notMultipart": "The form could not be read. Reload the page and try again.",
  "corrections.documentEmpty": "The document file is empty. Choose the file again.",
  "corrections.documentType":
    "This file is not one we can accept. Take a photo of the document and upload it as a JPEG (.jpg) or PNG (.png) file. PDF files are not accepted.",
  "corrections.documentCorrupt":
    "We could not read this file: it seems damaged or incomplete. Take the photo again, then upload the new file.",
  "corrections.documentTooManyPixels":
    "This image is {width} × {height} pixels, more than we accept. Upload a smaller photo of the document.",
  "corrections.documentTooLarge": "This file is larger than {megabytes} MB. Upload a smaller photo of the document.",
  "corrections.storeFailed": "We could not save your report just now. Nothing was sent. Try again in a minute.",
  "corrections.tooMany": "You have sent many correction reports today. Wait {minutes} minutes, then try again.",
  "corrections.reasonRequired": "Enter why the correction is refused. The person reads it.",
  "corrections.notPending": "This correction was already decided. Reload the page to see the decision.",
  "anotherWay.kindRequired": "Choose what you need.",
  "anotherWay.reasonRequired": "Tell us in a few words why you need another way.",
  "anotherWay.reasonTooLong": "Your reason must be {max} characters or fewer. Make it shorter.",
  "photoException.reasonRequired": "Choose why your photo cannot meet the rule.",
  "photoException.explanationRequired": "Tell us in a few words why your photo cannot meet the rule.",
  "photoException.explanationTooLong": "Your explanation must be {max} characters or fewer. Make it shorter.",
  "photoException.photoRequired": "Choose the photo to send.",
  "photoException.notNeeded": "Your photo meets the rules. You do not need to explain. Send it the usual way.",
  "photoException.notExcusable":
    "A reason can excuse only a rule about your face or head. Fix the other problems first, or ask for another way.",
  "review.outcomeRequired": "Choose what happened.",
  "review.requestClosed": "This request is closed. Nothing more can be recorded.",
} as const;

export type MessageKey = keyof typeof en;
export type Messages = { readonly [K in MessageKey]: string };

export const fr: Messages = {
  "errors.validationFailed": "Certaines réponses doivent être corrigées.",
  "errors.malformedJson": "La demande n'a pas pu être lue. Rechargez la page et réessayez.",
  "errors.unsupportedMediaType": "La demande doit être envoyée en format JSON.",
  "errors.bodyTooLarge": "Ce que vous avez envoyé est trop volumineux.",
  "errors.notFound": "Nous n'avons pas trouvé cette page ou cet élément.",
  "errors.methodNotAllowed": "Cette action n'est pas permise ici.",
  "errors.internal":
    "Un problème est survenu de notre côté. Rien de ce que vous avez enregistré n'a été perdu. Réessayez dans quelques minutes.",
  "errors.crossSite": "Cette demande provenait d'un autre site Web et a été refusée. Utilisez les pages du portail.",
  "errors.notSignedIn": "Connectez-vous pour continuer.",
  "errors.passwordChangeRequired": "Créez votre propre mot de passe avant de continuer.",
  "errors.forbidden": "Vous n'avez pas accès à ceci.",
  "errors.invalidCredentials": "Le nom d'utilisateur ou le mot de passe n'est pas exact. Vérifiez-les et réessayez.",
  "errors.invalidOfficerCredentials":
    "Le courriel, le mot de passe ou le code n'est pas exact. Un code ne sert qu'une fois : attendez un nouveau code, puis réessayez.",
  "errors.temporaryPasswordExpired":
    "Votre mot de passe temporaire est expiré. Écrivez-nous à {helpEmail} et nous vous en enverrons un nouveau.",
  "errors.temporaryPasswordUsed":
    "Ce mot de passe temporaire a déjà été utilisé une fois. Si vous n'avez pas terminé la création de votre propre mot de passe, écrivez-nous à {helpEmail} et nous vous enverrons un nouveau mot de passe temporaire.",
  "errors.tooManyAttempts": "Trop de tentatives. Attendez {minutes} minutes, puis réessayez.",
  "errors.tooManyPhotoUploads":
    "Vous avez téléversé beaucoup de photos au cours de la dernière heure. Attendez {minutes} minutes, puis téléversez de nouveau votre photo.",
  "errors.passwordAttemptsSignedOut":
    "Votre mot de passe actuel a été mal saisi trop de fois : pour protéger votre compte, nous vous avons déconnecté. Reconnectez-vous pour continuer.",
  "errors.initialPasswordExpired":
    "Votre mot de passe initial est expiré. Demandez-en un nouveau à votre administrateur.",
  "errors.initialPasswordUsed":
    "Votre mot de passe initial a déjà été utilisé une fois. Demandez-en un nouveau à votre administrateur.",
  "errors.reviewNeedsAccess":
    "L'espace des agents est fermé : ce déploiement n'a pas Cloudflare Access. Un administrateur doit définir ACCESS_TEAM_DOMAIN et ACCESS_AUD.",
  "errors.resetLinkInvalid":
    "Ce lien de réinitialisation ne fonctionne pas. Il a peut-être déjà été utilisé ou date de plus d'une heure. Demandez un nouveau lien.",
  "errors.setPasswordNotTemporary": "Votre mot de passe est déjà créé. Utilisez la page Compte pour le modifier.",
  "errors.invitationNotFound":
    "Nous n'avons pas trouvé cette invitation. Vérifiez que vous avez utilisé le lien complet de votre courriel.",
  "errors.invitationUsed":
    "Vous avez déjà répondu à cette invitation. Surveillez notre courriel contenant les renseignements de votre compte, ou écrivez-nous à {helpEmail}.",
  "errors.invitationExpired": "Cette invitation est expirée. Écrivez-nous à {helpEmail} pour en obtenir une nouvelle.",
  "errors.emailConfirmationNotFound":
    "Nous n'avons pas trouvé ce lien de confirmation. Vérifiez que vous avez utilisé le lien complet de votre courriel.",
  "errors.emailConfirmationUsed":
    "Cette adresse courriel a déjà été confirmée avec ce lien. Surveillez notre courriel contenant les renseignements de votre compte, ou écrivez-nous à {helpEmail}.",
  "errors.emailConfirmationExpired":
    "Ce lien de confirmation est expiré ou a été remplacé par un plus récent. Écrivez-nous à {helpEmail} pour en obtenir un nouveau.",
  "fields.required": "Entrez {label}.",
  "fields.chooseOne": "Indiquez {label}.",
  "fields.emailInvalid": "Entrez une adresse courriel dans le bon format, comme nom@exemple.com.",
  "fields.tooLong": "{label} doit compter au plus {max} caractères.",
  "fields.unknownPerson": "Cette personne ne figure pas dans la demande.",
  "fields.separateAccountNotAllowed": "Un compte distinct ne peut être créé que pour un membre adulte de la famille.",
  "password.tooShort": "Votre mot de passe doit compter au moins {min} caractères.",
  "password.tooLong": "Votre mot de passe doit compter au plus {max} caractères.",
  "password.common":
    "Ce mot de passe est trop courant ou a été divulgué lors d'une fuite de données. Choisissez-en un autre.",
  "password.repetitive": "Ce mot de passe se répète ou suit une séquence. Choisissez-en un moins prévisible.",
  "password.containsUsername": "Votre mot de passe ne doit pas contenir votre nom d'utilisateur.",
  "password.containsPortalName": "Votre mot de passe ne doit pas contenir le nom du portail.",
  "password.mismatch": "Les deux mots de passe ne sont pas identiques.",
  "password.currentWrong": "Votre mot de passe actuel n'est pas exact.",
  "labels.username": "votre nom d'utilisateur",
  "labels.password": "votre mot de passe",
  "labels.newPassword": "un nouveau mot de passe",
  "labels.confirmPassword": "de nouveau votre nouveau mot de passe",
  "labels.email": "une adresse courriel",
  "labels.usePortal": "si vous voulez utiliser le portail",
  "labels.inCanada": "si vous êtes au Canada en ce moment",
  "labels.language": "une langue",
  "labels.totpCode": "le code à 6 chiffres de votre application d'authentification",
  "labels.streetNumber": "le numéro de rue",
  "labels.streetName": "le nom de la rue",
  "labels.city": "la ville ou le village",
  "labels.province": "la province ou le territoire",
  "labels.postalCode": "le code postal",
  "labels.unit": "L'appartement ou l'unité",
  "labels.unitText": "l'appartement ou l'unité",
  "address.postalCodeFormat": "Entrez le code postal sous la forme A1A 1A1, par exemple K1A 0B1.",
  "address.postalCodeLetters":
    "Un code postal canadien n'utilise jamais les lettres {letters} à cet endroit. Vérifiez le code postal.",
  "address.postalCodeProvince":
    "Le code postal {postalCode} est utilisé dans cette province ou ce territoire : {belongsTo}. Vous avez choisi : {chosen}. Vérifiez le code postal ou la province ou le territoire.",
  "address.provinceUnknown": "Choisissez la province ou le territoire dans la liste.",
  "address.invalidCharacters":
    "Entrez {label} en utilisant seulement des lettres, des chiffres, des espaces et ces signes : {marks}",
  "address.invalidStart": "Commencez {label} par une lettre, un chiffre ou #.",
  "presence.confirmRequired": "Cochez la case pour déclarer que vous êtes au Canada.",
  "presence.confirmRequiredFor": "Cochez la case pour déclarer que {name} est au Canada.",
  "errors.submissionLocked":
    "Ceci a déjà été soumis et ne peut donc plus être modifié. Si quelque chose est inexact, écrivez-nous à {helpEmail}.",
  "errors.personNotFound": "Nous n'avons pas trouvé cette personne dans votre compte.",
  "errors.representativeReadOnly":
    "En tant que représentant, vous pouvez voir ce dossier, mais vous ne pouvez pas y agir : seule la personne, ou le membre de la famille qui agit pour elle, peut déclarer, accepter la déclaration, donner des réponses ou soumettre.",
  "representatives.notFound": "Nous n'avons pas trouvé ce représentant parmi ceux à qui vous avez donné accès.",
  "representatives.alreadyGiven": "Ce représentant a déjà accès à votre dossier.",
  "representatives.ownAddress":
    "Entrez l'adresse courriel de votre représentant, pas la vôtre : il reçoit son propre compte.",
  "representatives.licenceNumberInvalid":
    "Entrez le numéro de permis tel que l'organisme l'imprime : lettres, chiffres et traits d'union, jusqu'à 20. Un numéro du CCIC est R suivi de 6 chiffres, comme R512345.",
  "labels.representativeName": "le nom de votre représentant",
  "labels.representativeNameText": "Le nom de votre représentant",
  "labels.representativeKind": "le type de représentant",
  "labels.licenceBody": "l'organisme qui lui délivre son permis",
  "labels.licenceNumber": "son numéro de permis",
  "errors.addressCardInProduction":
    "La carte de RP est déjà en production : l'adresse postale ne peut donc plus être modifiée ici. La carte sera envoyée à l'adresse que vous avez fournie. Si vous avez déménagé, demandez à Postes Canada de faire suivre votre courrier à votre nouvelle adresse, et écrivez à {helpEmail} en indiquant votre nouvelle adresse et votre numéro de référence.",
  "errors.addressNotSubmitted":
    "Rien n'a encore été soumis pour cette personne : l'adresse peut donc encore être corrigée à la page de l'adresse postale.",
  "photo.empty": "Le fichier est vide. Choisissez de nouveau le fichier de votre photo.",
  "photo.heic":
    "Cette photo est au format HEIC (le format par défaut de l'iPhone), que nous ne pouvons pas accepter. Sur l'iPhone, ouvrez Réglages > Appareil photo > Formats et choisissez Le plus compatible, ou partagez la photo en JPEG, puis téléversez le fichier JPEG.",
  "photo.avif":
    "Cette image est au format AVIF, que nous ne pouvons pas accepter. Ouvrez-la dans votre logiciel de photo ou votre navigateur, exportez-la ou enregistrez-la en JPEG (.jpg) ou en PNG, puis téléversez ce fichier.",
  "photo.heif":
    "Cette image est au format HEIF, que nous ne pouvons pas accepter. Dans l'application qui l'a créée, exportez-la ou enregistrez-la en JPEG (.jpg) ou en PNG, puis téléversez ce fichier.",
  "photo.cmyk":
    "Cette photo est enregistrée en couleurs CMJN, pour l'impression, que nous ne pouvons pas accepter. Enregistrez-la de nouveau en JPEG RVB (sRVB) dans votre logiciel de photo, ou choisissez-la dans l'éditeur de photo de la page Photo, qui en enregistre une copie RVB pour vous, puis téléversez le nouveau fichier.",
  "photo.type":
    "Ce fichier n'est pas une photo que nous pouvons accepter. Téléversez un fichier JPEG (.jpg) ou PNG (.png).",
  "photo.corrupt":
    "Nous n'avons pas pu lire cette photo : le fichier semble endommagé ou incomplet. Exportez-la ou téléchargez-la de nouveau, puis téléversez le nouveau fichier.",
  "photo.tooManyPixels":
    "Cette photo mesure {width} × {height} pixels, plus que les 2000 × 2800 pixels acceptés. Utilisez l'éditeur de photo pour la recadrer et la redimensionner.",
  "photo.tooLarge": `Ce fichier dépasse ${MAX_PHOTO_MEGABYTES} Mo. Utilisez l'éditeur de photo, qui produit un fichier plus petit, ou exportez la photo à une qualité moindre.`,
  "photo.checksFailed": "Cette photo ne respecte pas les exigences. Voyez ci-dessous ce qu'il faut corriger.",
  "photo.locked":
    "Votre photo a été soumise et ne peut pas être remplacée maintenant. Si nous vous la retournons, vous pourrez en téléverser une nouvelle.",
  "photo.acknowledgeRequired":
    "Cochez la case pour confirmer que vous voulez soumettre cette photo même si elle pourrait ne pas respecter les exigences.",
  "photo.nothingToAcknowledge": "Il n'y a aucune photo avec un avertissement à confirmer.",
  "photo.storeFailed":
    "Votre photo a passé les vérifications, mais nous n'avons pas pu l'enregistrer pour le moment. Votre photo précédente, s'il y en a une, est conservée. Téléversez-la de nouveau dans une minute.",
  "submit.declarationRequired":
    "Cochez la case pour déclarer que les renseignements que vous avez fournis sont vrais et complets.",
  "submit.tasksIncomplete": "Terminez ces tâches avant de soumettre : {tasks}.",
  "tasks.presence": "Déclarer que vous êtes au Canada",
  "tasks.address": "Fournir votre adresse postale au Canada",
  "tasks.photo": "Téléverser votre photo",
  "tasks.photoAcknowledge": "Confirmer que vous voulez soumettre une photo avec un avertissement",
  "review.claimedByOther": "{name} traite cet élément. Choisissez-en un autre, ou réessayez après {time} UTC.",
  "review.claimRequired":
    "Réservez cet élément avant de rendre une décision, pour qu'aucun autre agent ne le traite en même temps.",
  "review.alreadyDecided":
    "Une autre décision a déjà été enregistrée pour cet élément. Rechargez-le pour voir ce qui a changé.",
  "review.reasonsRequired": "Choisissez au moins une raison pour retourner la photo.",
  "review.reasonUnknown": "Choisissez les raisons dans la liste.",
  "review.notSubmitted": "Cette personne n'a aucune soumission à confirmer.",
  "review.alreadyConfirmed": "Le statut de résident permanent de cette personne a déjà été confirmé.",
  "review.photoNotAccepted": "Acceptez la photo avant de confirmer le statut de résident permanent.",
  "review.nameNotPrintable":
    "Le nom de cette personne contient des caractères que la preuve de statut (e-CoRP) ne peut pas imprimer. Demandez que le nom soit corrigé dans le dossier, puis confirmez.",
  "review.dateInvalid": "Entrez la date sous la forme AAAA-MM-JJ, sans date future.",
  "review.cardDateFuture": "Entrez une date d'aujourd'hui ({date}) ou antérieure.",
  "review.cardDateBeforeAcceptance":
    "Entrez une date égale ou postérieure au jour de l'acceptation de la photo ({date}).",
  "review.cardProducedAfterMailed": "La carte ne peut pas avoir été produite après avoir été postée ({date}).",
  "review.cardMailedBeforeProduced": "La carte ne peut pas avoir été postée avant d'avoir été produite ({date}).",
  "review.cardMailedLocked":
    "La date d'envoi est déjà enregistrée ({date}). Seul un superviseur ou une superviseure peut la corriger.",
  "review.cardNotMailed": "Aucune date d'envoi n'est encore enregistrée pour cette carte.",
  "review.correctionSameDate": "Entrez une date différente de la date d'envoi enregistrée.",
  "review.correctionReasonRequired": "Indiquez pourquoi la date d'envoi est corrigée.",
  "review.passwordAlreadyChanged": "Votre mot de passe a déjà été changé. Connectez-vous avec celui-ci.",
  "review.passwordSameAsInitial": "Choisissez un mot de passe différent du mot de passe initial qui vous a été remis.",
  "review.currentPasswordOrCodeWrong":
    "Votre mot de passe actuel ou le code n'est pas exact. Un code ne sert qu'une fois : attendez un nouveau code, puis réessayez.",
  "review.passwordSameAsCurrent": "Choisissez un mot de passe différent de votre mot de passe actuel.",
  "corrections.noEcopr":
    "Il n'y a pas encore de preuve de statut (CRP électronique) pour cette personne : il n'y a rien à corriger.",
  "corrections.pending":
    "Une correction pour cette personne attend déjà un agent. Vous pourrez en signaler une autre après notre réponse.",
  "corrections.fieldRequired": "Choisissez ce qui est inexact sur la CRP électronique.",
  "corrections.valueRequired": "Indiquez ce qui devrait y figurer.",
  "corrections.dateInvalid":
    "Entrez la date de naissance au format AAAA-MM-JJ, comme 1990-04-25, et pas dans le futur.",
  "corrections.uciInvalid": "Entrez l'IUC en 8 ou 10 chiffres, comme 0000-0000 ou 00-0000-0000.",
  "corrections.nameTooLong": "Le nom doit compter au plus {max} caractères.",
  "corrections.nameNotPrintable":
    "La CRP électronique ne peut pas imprimer {characters}. Écrivez le nom en lettres latines, comme sur votre passeport.",
  "corrections.sameValue": "C'est déjà ce qui figure sur votre CRP électronique. Entrez la valeur exacte.",
  "corrections.notMultipart": "Le formulaire n'a pas pu être lu. Rechargez la page et réessayez.",
  "corrections.documentEmpty": "Le fichier du document est vide. Choisissez de nouveau le fichier.",
  "corrections.documentType":
    "Nous ne pouvons pas accepter ce fichier. Photographiez le document et téléversez-le en JPEG (.jpg) ou en PNG (.png). Les fichiers PDF ne sont pas acceptés.",
  "corrections.documentCorrupt":
    "Nous n'avons pas pu lire ce fichier : il semble endommagé ou incomplet. Reprenez la photo, puis téléversez le nouveau fichier.",
  "corrections.documentTooManyPixels":
    "Cette image fait {width} × {height} pixels, plus que ce que nous acceptons. Téléversez une photo plus petite du document.",
  "corrections.documentTooLarge": "Ce fichier dépasse {megabytes} Mo. Téléversez une photo plus petite du document.",
  "corrections.storeFailed":
    "Nous n'avons pas pu enregistrer votre signalement pour le moment. Rien n'a été envoyé. Réessayez dans une minute.",
  "corrections.tooMany":
    "Vous avez envoyé de nombreux signalements de correction aujourd'hui. Attendez {minutes} minutes, puis réessayez.",
  "corrections.reasonRequired": "Indiquez pourquoi la correction est refusée. La personne lira ce motif.",
  "corrections.notPending": "Cette correction a déjà été tranchée. Rechargez la page pour voir la décision.",
  "anotherWay.kindRequired": "Choisissez ce dont vous avez besoin.",
  "anotherWay.reasonRequired": "Dites-nous en quelques mots pourquoi il vous faut une autre façon.",
  "anotherWay.reasonTooLong": "Votre raison doit compter au plus {max} caractères. Faites plus court.",
  "photoException.reasonRequired": "Choisissez pourquoi votre photo ne peut pas suivre la règle.",
  "photoException.explanationRequired": "Dites-nous en quelques mots pourquoi votre photo ne peut pas suivre la règle.",
  "photoException.explanationTooLong": "Votre explication doit compter au plus {max} caractères. Faites plus court.",
  "photoException.photoRequired": "Choisissez la photo à envoyer.",
  "photoException.notNeeded": "Votre photo suit les règles. Vous n'avez rien à expliquer. Envoyez-la comme d'habitude.",
  "photoException.notExcusable":
    "Une raison peut excuser seulement une règle sur le visage ou la tête. Corrigez d'abord les autres problèmes, ou demandez une autre façon.",
  "review.outcomeRequired": "Choisissez ce qui s'est passé.",
  "review.requestClosed": "Cette demande est fermée. On ne peut plus rien y noter.",
};

export type Language = "en" | "fr";
export const catalogs: Record<Language, Messages> = { en, fr };

/** Fills {placeholders} in a message. Unknown placeholders are left visible so tests catch them. */
export function formatMessage(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The message for `key` in `language`, with parameters filled in. */
export function translate(language: Language, key: MessageKey, params?: Record<string, string | number>): string {
  return formatMessage(catalogs[language][key], params);
}
