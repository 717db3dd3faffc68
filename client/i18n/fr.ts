/*
 * Chaînes françaises. Mêmes clés et mêmes {paramètres} que en.ts (vérifié
 * à la compilation). Typographie canadienne : espace insécable (\u00a0) avant
 * le deux-points, aucune espace avant « ? » et « ! ».
 */
import type { Messages } from "./index.ts";

export const fr = {
  layout: {
    skipToMain: "Passer au contenu principal",
    wordmarkMain: "Gouvernement du Canada",
    wordmarkOther: "Government of Canada",
    wordmarkOtherLang: "en",
    languageToggle: "English",
    languageToggleLang: "en",
    serviceName: "Portail de confirmation de la résidence permanente",
    titleTemplate: "{page} - Portail de confirmation de la résidence permanente - Canada.ca",
    titleErrorTemplate: "Erreur\u00a0: {page} - Portail de confirmation de la résidence permanente - Canada.ca",
    footerHeading: "À propos de ce site",
    footerAbout: "À propos du portail",
    footerPrivacy: "Confidentialité",
    footerSignIn: "Se connecter",
    accountNav: "Votre compte et la déconnexion",
    accountLink: "Votre compte",
    signOut: "Se déconnecter",
    footerVerify: "Vérifier une preuve de statut",
    footerTransparency: "Notre service en chiffres",
    footerIrcc: "Immigration, Réfugiés et Citoyenneté Canada",
    footerIrccHref: "https://www.canada.ca/fr/immigration-refugies-citoyennete.html",
    footerCanadaCa: "Canada.ca",
    footerCanadaCaHref: "https://www.canada.ca/fr.html",
    canadaWordmark: "Canada",
  },

  common: {
    loading: "Chargement…",
    yes: "Oui",
    no: "Non",
    errorSummaryTitle: "Il y a un problème",
    errorPrefix: "Erreur\u00a0:",
    pageLoadFailed: "Cette page n'a pas pu être chargée. Vérifiez votre connexion Internet, puis réessayez.",
    tryAgain: "Réessayer",
    showPasswords: "Afficher les mots de passe",
    showPassword: "Afficher le mot de passe",
    backToTasks: "Retour à vos tâches",
    helpContact:
      "Si vous avez besoin d'aide, écrivez-nous à l'adresse courriel indiquée dans votre message d'invitation.",
  },

  errors: {
    network: "Nous n'avons pas pu joindre le portail. Vérifiez votre connexion Internet, puis réessayez.",
    unexpected:
      "Un problème est survenu de notre côté. Rien de ce que vous avez enregistré n'a été perdu. Réessayez dans quelques minutes.",
    usernameRequired: "Entrez votre nom d'utilisateur.",
    passwordRequired: "Entrez votre mot de passe.",
    newPasswordRequired: "Entrez un nouveau mot de passe.",
    newPasswordTooShort: "Votre mot de passe doit compter au moins {min} caractères.",
    newPasswordTooLong: "Votre mot de passe doit compter au plus {max} caractères.",
    confirmPasswordRequired: "Entrez de nouveau votre nouveau mot de passe.",
    confirmPasswordMismatch: "Les deux mots de passe ne sont pas identiques.",
    emailRequired: "Entrez une adresse courriel.",
    emailInvalid: "Entrez une adresse courriel dans le bon format, comme nom@exemple.com.",
    usePortalRequired: "Indiquez si vous voulez utiliser le portail.",
    inCanadaRequired: "Indiquez si vous êtes au Canada en ce moment.",
    personEmailRequired: "Entrez une adresse courriel pour {name}.",
    personEmailInvalid: "Entrez une adresse courriel pour {name} dans le bon format, comme nom@exemple.com.",
  },

  password: {
    rulesHeading: "Votre mot de passe",
    rulesIntro: "Votre mot de passe doit\u00a0:",
    rules: {
      length: "compter au moins {min} caractères et au plus {max}",
      common: "ne pas être un mot de passe courant",
      personal: "ne pas contenir votre nom d'utilisateur ni le nom du portail",
    },
    freedom:
      "Vous pouvez utiliser des espaces et n'importe quels caractères. Une phrase de passe de plusieurs mots dont vous vous souviendrez est un bon choix, par exemple 4 mots sans lien entre eux.",
    newPasswordLabel: "Nouveau mot de passe",
    confirmPasswordLabel: "Confirmez votre nouveau mot de passe",
    confirmPasswordHint: "Entrez le même mot de passe une deuxième fois.",
  },

  info: {
    title: "Confirmer votre résidence permanente en ligne",
    heading: "Confirmer votre résidence permanente en ligne",
    lede: "Si nous avons approuvé votre demande de résidence permanente et que vous êtes au Canada, vous pourriez confirmer votre statut de résident permanent (RP) en ligne, sans entrevue en personne.",
    signInButton: "Se connecter au portail",
    photoCheckLink: "Vérifier une photo pour la carte de RP, sans se connecter",
    tocHeading: "Sur cette page",
    purpose: {
      heading: "À quoi sert le portail",
      intro: "Dans le portail, vous pouvez\u00a0:",
      items: {
        declare: "déclarer que vous êtes au Canada",
        address: "confirmer votre adresse postale au Canada",
        photo: "téléverser une photo récente pour votre carte de RP",
        proof: "obtenir votre preuve du statut de résident permanent",
      },
      family:
        "À titre de demandeur principal, vous agissez au nom de votre famille dans le portail, à moins que vous ne nous demandiez de créer des comptes distincts pour les membres adultes de votre famille.",
      card: "Une fois votre photo acceptée, nous produisons votre carte de RP et l'envoyons par la poste à l'adresse au Canada que vous nous avez donnée. Vous pouvez suivre ces étapes dans le portail.",
    },
    howItWorks: {
      heading: "Comment fonctionne le portail",
      steps: {
        invitation:
          "Une fois votre demande approuvée, nous vous envoyons une invitation par courriel. Vous nous indiquez si vous voulez utiliser le portail, vous confirmez votre adresse courriel et celle de chaque personne incluse dans votre demande, et vous confirmez que vous êtes au Canada.",
        account:
          "Nous créons votre compte. Vous ne pouvez pas le créer vous-même\u00a0: il n'y a pas de page d'inscription.",
        temporaryPassword:
          "Nous vous envoyons un autre courriel contenant votre nom d'utilisateur et un mot de passe temporaire.",
        signIn:
          "Vous vous connectez pour la première fois et créez votre propre mot de passe. Ensuite, vous déclarez que vous êtes au Canada, donnez votre adresse postale, téléversez votre photo et soumettez le tout.",
      },
      doNotCreate:
        "N'essayez pas de créer votre propre compte. Suivez les instructions de nos courriels et nous le créerons pour vous.",
    },
    genuine: {
      heading: "Comment reconnaître un vrai courriel de notre part",
      intro: "Un courriel au sujet du Portail de résidence permanente est authentique seulement\u00a0:",
      items: {
        sender: "s'il provient d'une adresse courriel qui se termine par @cic.gc.ca",
        bilingual: "s'il est rédigé en français et en anglais",
        subject: "si l'objet de l'invitation est exactement\u00a0:",
        laterSubjects:
          "si l'objet de chaque courriel suivant commence ainsi, puis indique ce qui s'est passé (par exemple, que votre photo a été acceptée)\u00a0:",
        link: "s'il contient un lien vers cette page",
      },
      subjectEn: "IRCC - Permanent Residence Portal (PR Confirmation)",
      subjectFr: "Portail de résidence permanente (Confirmation de la RP)",
      junk: "Si vous n'avez pas reçu notre courriel, vérifiez votre dossier de courrier indésirable (pourriels).",
      suspicious: "Si un courriel ne respecte pas tous ces points, ne cliquez pas sur ses liens et n'y répondez pas.",
    },
    representatives: {
      heading: "Représentants en immigration",
      intro:
        "Un représentant en immigration (comme un consultant en immigration ou un avocat) peut vous conseiller et vous aider à utiliser le portail. Mais il ne peut pas\u00a0:",
      items: {
        signIn: "se connecter au portail avec votre nom d'utilisateur et votre mot de passe",
        declare: "déclarer à votre place que vous êtes au Canada",
      },
      personal: "Votre compte est personnel. Personne d'autre que vous ne peut s'y connecter.",
    },
    notFor: {
      heading: "Ce que le portail ne fait pas",
      items: {
        status: "Il n'affiche pas l'état de votre demande.",
        secureAccount: "Il est distinct de votre compte sécurisé d'IRCC.",
        renew: "Il ne permet pas de renouveler votre carte de RP. {link}",
      },
      renewLink: "Présentez une demande de renouvellement sur la page de la carte de RP d'IRCC.",
      renewHref:
        "https://www.canada.ca/fr/immigration-refugies-citoyennete/services/nouveaux-immigrants/carte-rp/demande-renouveler-remplacer.html",
    },
    browsers: {
      heading: "Navigateurs et appareils pris en charge",
      text: "Vous pouvez utiliser le portail avec les navigateurs suivants, sur ordinateur et sur téléphone\u00a0:",
      names: {
        chrome: "Chrome sur ordinateur",
        chromeAndroid: "Chrome pour Android",
        edge: "Microsoft Edge",
        firefox: "Firefox sur ordinateur",
        firefoxAndroid: "Firefox pour Android",
        safari: "Safari sur Mac",
        ios: "Safari sur iPhone et iPad",
        samsung: "Samsung Internet",
      },
      version: "{name}\u00a0: version {version} ou ultérieure",
      versionIos: "{name}\u00a0: iOS {version} ou ultérieure",
      esr: "et la version actuelle à support prolongé (ESR)",
      devices: "Il fonctionne sur les téléphones, les tablettes et les ordinateurs.",
    },
    privacy: {
      heading: "Confidentialité",
      items: {
        reading:
          "Le portail lit une photo seulement quand vous la choisissez. Il ne peut pas parcourir votre photothèque ni vos fichiers, et il ne les utilise à aucune autre fin.",
        storage:
          "Votre photo est conservée de façon confidentielle. Seuls vous et les agents d'IRCC qui l'examinent peuvent la voir.",
      },
    },
    help: {
      heading: "Aide",
      temporary:
        "Votre mot de passe temporaire est expiré ou vous l'avez perdu\u00a0: nous devons le réinitialiser pour vous. Écrivez-nous à l'adresse courriel indiquée dans votre message d'invitation.",
      forgot:
        "Vous avez oublié le mot de passe que vous avez créé\u00a0: utilisez le lien {link} sur la page de connexion.",
      forgotLink: "Mot de passe oublié?",
      technical:
        "Vous ne pouvez pas utiliser le portail en raison de besoins en matière d'accessibilité ou d'un problème technique\u00a0: écrivez-nous à l'adresse courriel indiquée dans votre message d'invitation.",
    },
  },

  signIn: {
    title: "Se connecter",
    heading: "Se connecter",
    personalNotice:
      "Votre compte est personnel. Personne d'autre que vous ne peut se connecter avec votre nom d'utilisateur et votre mot de passe. Un représentant, comme un consultant en immigration ou un avocat, ne peut pas se connecter à votre place.",
    noSignUp:
      "IRCC crée votre compte après que vous avez répondu à votre invitation. Vous ne pouvez pas créer de compte vous-même.",
    usernameLabel: "Nom d'utilisateur",
    usernameHint: "Il figure dans le courriel contenant votre mot de passe temporaire.",
    passwordLabel: "Mot de passe",
    submit: "Se connecter",
    forgotLink: "Mot de passe oublié?",
    signedOut: "Votre session est fermée.",
    temporaryHelp:
      "Si votre mot de passe temporaire est expiré ou que vous l'avez perdu, écrivez-nous à l'adresse courriel indiquée dans votre message d'invitation. Nous vous en enverrons un nouveau.",
  },

  setPassword: {
    title: "Créer votre mot de passe",
    heading: "Créer votre mot de passe",
    intro:
      "Vous avez ouvert une session avec un mot de passe temporaire. Créez votre propre mot de passe pour continuer.",
    submit: "Enregistrer mon mot de passe",
  },

  forgotPassword: {
    title: "Mot de passe oublié?",
    heading: "Mot de passe oublié?",
    intro:
      "Entrez l'adresse courriel associée à votre compte. Nous vous enverrons un lien pour créer un nouveau mot de passe.",
    temporaryNote:
      "Cette page sert pour un mot de passe que vous avez créé. Si votre mot de passe temporaire est expiré ou que vous l'avez perdu, écrivez-nous à l'adresse courriel indiquée dans votre message d'invitation.",
    emailLabel: "Adresse courriel",
    submit: "M'envoyer un lien",
    sentTitle: "Vérifiez vos courriels",
    sentHeading: "Vérifiez vos courriels",
    sentText:
      "Si un compte utilise cette adresse courriel, nous y avons envoyé un lien. Il ne fonctionne qu'une fois, pendant 1 heure.",
    sentJunk:
      "Vérifiez votre dossier de courrier indésirable (pourriels) si vous ne le voyez pas d'ici quelques minutes.",
    backToSignIn: "Retour à la connexion",
  },

  resetPassword: {
    title: "Créer un nouveau mot de passe",
    heading: "Créer un nouveau mot de passe",
    submit: "Enregistrer mon nouveau mot de passe",
    doneTitle: "Votre nouveau mot de passe est enregistré",
    doneHeading: "Votre nouveau mot de passe est enregistré",
    doneText: "Connectez-vous avec votre nom d'utilisateur et votre nouveau mot de passe.",
    signInLink: "Se connecter",
    invalidTitle: "Ce lien ne fonctionne pas",
    invalidHeading: "Ce lien ne fonctionne pas",
    newLink: "Demander un nouveau lien",
    linkIncomplete: "Ce lien est incomplet. Utilisez le lien complet de votre courriel, ou demandez-en un nouveau.",
  },

  invitation: {
    title: "Répondre à votre invitation",
    heading: "Répondre à votre invitation",
    applicationNumber: "Numéro de demande\u00a0:",
    answerBy: "Répondez au plus tard le\u00a0:",
    intro:
      "Répondez à ces questions pour nous dire comment vous voulez confirmer votre résidence permanente. Cela prend quelques minutes.",
    usePortalLegend: "Voulez-vous utiliser le portail pour confirmer votre résidence permanente?",
    usePortalHint: "Si vous répondez non, vous pourrez plutôt confirmer votre résidence permanente en personne.",
    inCanadaLegend: "Êtes-vous au Canada en ce moment?",
    inCanadaHint: "Vous pouvez utiliser le portail seulement si vous êtes au Canada.",
    peopleLegend: "Adresses courriel",
    peopleHint:
      "Nous enverrons les renseignements de compte à ces adresses. Confirmez ou corrigez l'adresse courriel de chaque personne incluse dans votre demande.",
    principal: "Demandeur principal",
    dependant: "Membre de la famille",
    emailLabel: "Adresse courriel pour {name}",
    emailLabelOptional: "Adresse courriel pour {name} (facultatif)",
    separateHeading: "Comptes distincts",
    separateHint:
      "Par défaut, le demandeur principal agit au nom de toute la famille dans un seul compte. Un membre adulte de la famille peut plutôt avoir son propre compte\u00a0: il se connectera alors et accomplira lui-même ses tâches.",
    separateLabel: "Créer un compte distinct pour {name}",
    submit: "Envoyer mes réponses",
    loadingFailed: "Nous n'avons pas pu charger votre invitation.",
    notFoundHeading: "Nous ne trouvons pas cette invitation",
    usedHeading: "Vous avez déjà répondu à cette invitation",
    expiredHeading: "Cette invitation est expirée",
    linkIncomplete: "Ce lien est incomplet. Utilisez le lien complet de votre courriel.",
    acceptedTitle: "Nous avons reçu vos réponses",
    acceptedHeading: "Nous avons reçu vos réponses",
    acceptedOne: "Nous créons votre compte.",
    acceptedMany: "Nous créons {count} comptes.",
    acceptedWatch:
      "Surveillez l'arrivée d'un courriel contenant votre nom d'utilisateur et votre mot de passe temporaire (vérifiez aussi votre dossier de courrier indésirable). Cela peut prendre quelques minutes.",
    acceptedNext: "Quand vous le recevrez, connectez-vous et créez votre propre mot de passe.",
    acceptedConfirmFirst:
      "Là où vous avez inscrit une nouvelle adresse courriel, nous avons d'abord envoyé un lien pour la confirmer. Les renseignements du compte ne sont envoyés à cette adresse qu'une fois le lien ouvert par sa ou son titulaire.",
    declinedTitle: "Vous avez choisi de ne pas utiliser le portail",
    declinedHeading: "Vous avez choisi de ne pas utiliser le portail",
    declinedText:
      "Vous pouvez tout de même confirmer votre résidence permanente à un point d'entrée, ou lors d'un rendez-vous en personne qu'IRCC organisera avec vous. Nous communiquerons avec vous au sujet des prochaines étapes.",
    notInCanadaTitle: "Le portail est réservé aux personnes qui sont au Canada",
    notInCanadaHeading: "Le portail est réservé aux personnes qui sont au Canada",
    notInCanadaText:
      "IRCC communiquera avec vous au sujet de la confirmation de votre résidence permanente à un point d'entrée, à votre arrivée au Canada.",
  },

  home: {
    title: "Confirmation de la résidence permanente",
    heading: "Confirmation de la résidence permanente",
    greeting: "Bonjour, {name}.",
    passwordSaved: "Votre mot de passe est enregistré.",
    presenceDeclaredSelf: "Votre déclaration selon laquelle vous êtes au Canada est enregistrée.",
    presenceDeclaredFor: "Votre déclaration selon laquelle {name} est au Canada est enregistrée.",
    addressSavedSelf: "Votre adresse postale est enregistrée.",
    addressSavedFor: "Adresse postale enregistrée pour {name}.",
    addressSavedMany: "Adresse enregistrée pour {count}\u00a0personnes.",
    photoSavedSelf: "Votre photo est enregistrée.",
    photoSavedFor: "Photo enregistrée pour {name}.",
    intro:
      "Accomplissez ces tâches pour chaque personne ci-dessous. Une fois les 3\u00a0premières tâches d'une personne terminées, vous pourrez vérifier et soumettre ses renseignements.",
    you: "Vous",
    familyMember: "Membre de la famille",
    tasks: {
      presence: "Déclarer que vous êtes au Canada",
      address: "Donner votre adresse postale au Canada",
      photo: "Téléverser votre photo",
      submit: "Vérifier et soumettre",
    },
    tasksFor: {
      presence: "Déclarer que {name} est au Canada",
      address: "Donner l'adresse postale au Canada pour {name}",
      photo: "Téléverser la photo pour {name}",
      submit: "Vérifier et soumettre pour {name}",
    },
    statuses: {
      not_started: "Pas commencé",
      in_progress: "En cours",
      completed: "Terminé",
      cannot_start: "Impossible de commencer pour l'instant",
      returned: "Retournée\u00a0: action requise",
    },
    loadFailed: "Nous n'avons pas pu charger vos tâches.",
    notFor: {
      heading: "Ce que le portail n'est pas",
      status:
        "Il n'affiche pas l'état de votre demande d'immigration. Il est distinct de votre compte sécurisé d'IRCC.",
      renew: "Il ne permet pas de renouveler une carte de RP. {link}",
      renewLink: "Renouveler votre carte de RP",
      renewHref:
        "https://www.canada.ca/fr/immigration-refugies-citoyennete/services/nouveaux-immigrants/carte-rp/demande-renouveler-remplacer.html",
      help: "Si vous avez besoin d'aide, écrivez-nous à l'adresse courriel indiquée dans votre message d'invitation.",
    },
  },

  presence: {
    headingSelf: "Déclarer que vous êtes au Canada",
    headingFor: "Déclarer que {name} est au Canada",
    intro: "Lisez la déclaration. Cochez la case seulement si elle est vraie.",
    declarationHeading: "Déclaration",
    statementSelf:
      "Je déclare que je me trouve physiquement au Canada aujourd'hui, le {date}. Je comprends que je fais cette déclaration personnellement, qu'un représentant en immigration (consultant ou avocat) ne peut pas la faire à ma place et que fournir de faux renseignements constitue une infraction à la Loi sur l'immigration et la protection des réfugiés.",
    statementFor:
      "Je déclare que {name} se trouve physiquement au Canada aujourd'hui, le {date}. J'agis à titre de demandeur principal et je fais cette déclaration au nom de ce membre de ma famille. Un représentant en immigration (consultant ou avocat) ne peut pas la faire à ma place ni à la sienne. Je comprends que fournir de faux renseignements constitue une infraction à la Loi sur l'immigration et la protection des réfugiés.",
    confirmLabel: "Je déclare que cette déclaration est vraie",
    submit: "Enregistrer et continuer",
    declaredOn: "Vous avez fait cette déclaration le {date}.",
    declaredOnByThemself: "{name} a fait cette déclaration le {date}.",
  },

  address: {
    headingSelf: "Votre adresse postale au Canada",
    headingFor: "Adresse postale au Canada pour {name}",
    intro:
      "Nous enverrons la carte de RP par la poste à cette adresse. Elle doit se trouver au Canada et pouvoir recevoir du courrier.",
    unitLabel: "Appartement ou unité (facultatif)",
    streetNumberLabel: "Numéro de rue",
    streetNameLabel: "Nom de la rue",
    cityLabel: "Ville ou village",
    provinceLabel: "Province ou territoire",
    provincePlaceholder: "Choisissez une province ou un territoire",
    postalCodeLabel: "Code postal",
    postalCodeHint: "Par exemple, K1A\u00a00B1",
    sameForFamilyLabel:
      "Utiliser cette adresse pour toutes les personnes de ma famille qui n'ont pas encore soumis leurs renseignements",
    submit: "Enregistrer et continuer",
    submittedText:
      "Cette adresse a été soumise. Tant que la carte de RP n'est pas en production, vous pouvez encore la modifier\u00a0: la nouvelle adresse s'ajoute, et la carte est envoyée à la plus récente.",
    changeLink: "Modifier l'adresse postale",
    submittedHeading: "Adresse au dossier",
    addressLabel: "Adresse",
    errors: {
      streetNumberRequired: "Entrez le numéro de rue.",
      streetNameRequired: "Entrez le nom de la rue.",
      cityRequired: "Entrez la ville ou le village.",
      provinceRequired: "Indiquez la province ou le territoire.",
      postalCodeRequired: "Entrez le code postal.",
      invalidCharacters:
        "Entrez {label} en utilisant seulement des lettres, des chiffres, des espaces et ces signes\u00a0: {marks}",
      invalidStart: "Commencez {label} par une lettre, un chiffre ou #.",
      labels: {
        unit: "l'appartement ou l'unité",
        streetNumber: "le numéro de rue",
        streetName: "le nom de la rue",
        city: "la ville ou le village",
      },
    },
  },

  addressChange: {
    headingSelf: "Modifier votre adresse postale",
    headingFor: "Modifier l'adresse postale de {name}",
    intro:
      "Vous avez déjà soumis. Tant que la carte de RP n'est pas en production, vous pouvez donner une nouvelle adresse postale au Canada\u00a0: nous conservons l'adresse fournie auparavant et envoyons la carte à la nouvelle.",
    currentLabel: "Adresse actuellement au dossier",
    currentSince: "Fournie le {date}",
    newHeading: "Nouvelle adresse",
    submit: "Enregistrer la nouvelle adresse",
    savedHeading: "La nouvelle adresse postale est enregistrée",
    savedText: "Nous enverrons la carte de RP à cette adresse. Nous avons envoyé un courriel confirmant le changement.",
    unchangedText: "C'est déjà l'adresse au dossier\u00a0: rien n'a changé.",
    closedHeading: "L'adresse postale ne peut plus être modifiée ici",
    notSubmittedLink: "Aller à la page de l'adresse postale",
    statusLink: "Voir l'état du dossier",
  },

  photo: {
    headingSelf: "Téléverser votre photo",
    headingFor: "Téléverser une photo de {name}",
    lockedHeadingSelf: "Votre photo",
    lockedHeadingFor: "Photo de {name}",
    intro:
      "Cette photo sera imprimée sur la carte de RP. Avant de choisir un fichier, vérifiez qu'elle respecte chacune des exigences ci-dessous.",
    requirementsHeading: "Exigences relatives à la photo",
    requirements: {
      format: "Un fichier JPEG ou PNG.",
      size: "De 715 × 1000 à 2000 × 2800 pixels, dans un rapport de 5:7 (portrait).",
      weight: "4\u00a0Mo au plus.",
      background: "Un fond blanc uni.",
      face: "Le visage et les épaules centrés, une expression neutre, les yeux ouverts et aucun reflet.",
      source:
        "Une photo numérique récente ou une photo numérisée prise par un professionnel, ou un égoportrait, qui respecte ces exigences. Pas une photo d'une photo sur papier.",
    },
    privacy:
      "Votre photo n'est lue qu'au moment où vous la choisissez. Seuls vous et les agents d'IRCC pouvez la voir.",
    currentHeading: "Votre photo actuelle",
    greyscaleNote: "Votre photo apparaîtra en noir et blanc sur votre carte de RP.",
    imageAlt: "La photo téléversée, en noir et blanc",
    imageAltFor: "La photo téléversée de {name}, en noir et blanc",
    dimensions: "{width} × {height} pixels",
    resultsHeading: "Résultats des vérifications automatiques",
    checkColumn: "Vérification",
    verdicts: {
      pass: "Conforme",
      warn: "Avertissement",
      fail: "Problème",
    },
    tipPrefix: "Comment corriger\u00a0:",
    verdictPass: "Votre photo a réussi toutes les vérifications automatiques.",
    verdictWarn:
      "Votre photo est acceptée, mais certaines vérifications ont donné un avertissement. Vous pouvez choisir un nouveau fichier ou soumettre cette photo quand même. Un agent la vérifiera.",
    failedHeading: "Votre photo n'a pas été enregistrée",
    failedIntro: "Corrigez ces problèmes, puis choisissez un fichier de nouveau\u00a0:",
    uploadHeading: "Choisir une photo",
    uploadHeadingReplace: "Choisir une nouvelle photo",
    replaceHint: "Choisir un nouveau fichier remplace votre photo actuelle.",
    fileLabel: "Choisissez le fichier de votre photo",
    fileHint: "JPEG ou PNG, 4\u00a0Mo au plus.",
    applyAndUpload: "Utiliser cette photo",
    replacePhoto: "Remplacer cette photo",
    keepPhoto: "Garder la photo actuelle",
    checkLink: "Vérifier une photo sans la téléverser",
    upload: "Téléverser",
    uploading: "Téléversement de votre photo…",
    progressLabel: "Progression du téléversement",
    checking: "Vérification de votre photo…",
    acknowledgeHeading: "Reconnaissance",
    acknowledgeLabel: "Je veux soumettre cette photo quand même",
    acknowledged: "Vous avez choisi de soumettre cette photo malgré ses avertissements.",
    saveAndContinue: "Enregistrer et continuer",
    continueToTasks: "Continuer",
    submittedText: "Cette photo a été soumise\u00a0: elle ne peut pas être modifiée pendant qu'un agent l'examine.",
    acceptedText: "Un agent a accepté cette photo.",
    returnedText:
      "Un agent a renvoyé votre photo. Nous vous avons envoyé les motifs par courriel. Téléversez une nouvelle photo qui les corrige, puis vérifiez et soumettez de nouveau.",
    errors: {
      fileRequired: "Choisissez un fichier de photo.",
    },
  },

  photoEditor: {
    chooseLabel: "Choisir un fichier photo",
    chooseAnotherLabel: "Choisir un autre fichier photo",
    chooseHint: "JPEG ou PNG. Vous pouvez aussi glisser un fichier photo ici. Vous le recadrerez à l'étape suivante.",
    opening: "Ouverture de votre photo…",
    loadErrors: {
      empty: "Le fichier est vide. Choisissez de nouveau votre fichier photo.",
      heic: "Cette photo est au format HEIC (le format par défaut de l'iPhone), que nous ne pouvons pas accepter. Sur l'iPhone, ouvrez Réglages > Appareil photo > Formats et choisissez Le plus compatible, ou partagez la photo en JPEG, puis choisissez le fichier JPEG.",
      avif: "Cette image est au format AVIF, que nous ne pouvons pas accepter. Ouvrez-la dans votre logiciel de photo ou votre navigateur, exportez-la ou enregistrez-la en JPEG (.jpg) ou en PNG, puis choisissez ce fichier.",
      heif: "Cette image est au format HEIF, que nous ne pouvons pas accepter. Dans l'application qui l'a créée, exportez-la ou enregistrez-la en JPEG (.jpg) ou en PNG, puis choisissez ce fichier.",
      type: "Ce fichier n'est pas une photo que nous pouvons accepter. Choisissez un fichier JPEG (.jpg) ou PNG (.png).",
      tooLarge:
        "Ce fichier dépasse 40\u00a0Mo, trop pour une seule photo. Choisissez le fichier de la photo elle-même.",
      corrupt:
        "Nous n'avons pas pu lire cette photo : le fichier semble endommagé ou incomplet. Exportez-la ou téléchargez-la de nouveau, puis choisissez le nouveau fichier.",
    },
    findingFace: "Recherche du visage pour placer la photo…",
    placed:
      "Nous avons placé la photo pour que la tête corresponde au guide. Vérifiez-la, et déplacez-la ou agrandissez-la au besoin.",
    noFace:
      "Nous n'avons pas trouvé un seul visage pour placer la photo automatiquement. Déplacez-la et agrandissez-la vous-même.",
    detectorUnavailable:
      "Le placement automatique et les vérifications du visage n'ont pas pu être chargés. Déplacez et agrandissez la photo vous-même; les autres vérifications fonctionnent toujours.",
    frameLabel: "Recadrez votre photo",
    frameRole: "cadre photo",
    frameHelp:
      "Faites glisser la photo, ou sélectionnez-la et utilisez les flèches du clavier, pour la déplacer. Agrandissez-la avec le curseur, les boutons ou touches + et −, la molette de la souris ou deux doigts.",
    guideHelp:
      "Placez la tête, du menton au sommet des cheveux, entre les deux ovales, avec les yeux dans la bande ombrée.",
    zoomLabel: "Agrandissement",
    zoomValue: "{percent}\u00a0%",
    zoomIn: "Agrandir",
    zoomOut: "Réduire",
    usePlacement: "Replacer la tête automatiquement",
    greyAlt: "Aperçu en noir et blanc de la photo recadrée",
    checksHeading: "Vérifications de ce recadrage",
    outputSize: "Le fichier photo fera {width} × {height} pixels.",
    checking: "Vérification du recadrage…",
    applyFailed:
      "Nous n'avons pas pu créer le fichier photo à partir de ce recadrage. Réessayez, ou choisissez une autre photo.",
    summaryAllPass: "Toutes les vérifications sont réussies.",
    summary: "Réussies : {pass}. Avertissements : {warn}. Problèmes : {fail}.",
  },

  photoCheck: {
    title: "Vérifier une photo pour la carte de RP",
    heading: "Vérifier une photo pour la carte de RP",
    intro:
      "Tout le monde peut utiliser cette page, sans se connecter : une personne avant de commencer, ou un photographe. Choisissez une photo, recadrez-la et voyez si elle respecte les exigences.",
    stays:
      "Votre photo reste sur cet appareil. Elle n'est envoyée ni à nous ni à personne : les vérifications se font dans votre navigateur.",
    apply: "Créer le fichier photo",
    ready: "Votre fichier photo est prêt : {width} × {height} pixels, {size}\u00a0Mo.",
    readyWarn:
      "Certaines vérifications ont donné un avertissement. Un agent examinerait la photo; une photo sans avertissement est traitée plus vite.",
    readyFail:
      "Certaines vérifications ont trouvé un problème. Cette photo serait refusée : corrigez les problèmes, puis créez de nouveau le fichier.",
    download: "Télécharger le fichier photo (JPEG)",
    downloadName: "photo-carte-rp.jpg",
    signIn: "Pour la téléverser pour votre carte de RP, {link} et ouvrez la tâche de la photo.",
    signInLink: "connectez-vous au portail",
    accuracyLink: "L'exactitude de ces vérifications, pour chaque teint de peau",
  },

  photoAccuracy: {
    title: "L'exactitude des vérifications de photo",
    heading: "L'exactitude des vérifications de photo",
    intro:
      "Nous testons les vérifications de photo sur un ensemble de photos étiquetées que nous fabriquons nous-mêmes. Cette page présente les derniers résultats pour trois groupes de teints de peau, sur l'échelle de teints de peau de Monk, de 1 (le plus clair) à 10 (le plus foncé).",
    ranOn: "Dernier test : {date}, sur {images} photos.",
    ownEvidence:
      "Ces résultats sont nos propres données, pas une mesure indépendante. Ce qui compte, c'est le même test refait par quelqu'un d'autre sur de vraies photos de vraies personnes.",
    howHeading: "Comment les photos du test ont été faites",
    realFaces:
      "Les photos partent de {count} vrais visages, tirés de portraits du domaine public fournis avec des logiciels libres : {people}. Les deux ont la peau claire. Chaque teint plus foncé est obtenu en changeant la couleur de leur peau sur la photo, et non en photographiant une personne de ce teint.",
    synthetic:
      "Tout le reste est fait par notre logiciel : le teint, les cheveux, le cou, les vêtements et le fond, l'éclairage (trop sombre, surexposé, reflet du flash, une ombre d'un côté), l'expression (un sourire, la bouche ouverte, les yeux fermés), une tête tournée ou inclinée, le cadrage et des fichiers endommagés.",
    labels:
      "Chaque photo est étiquetée avec ce qu'un agent devrait décider : l'accepter, ou la renvoyer pour une raison précise. Les résultats comparent les vérifications à ces étiquettes.",
    split:
      "Les limites des vérifications ont été choisies sur les photos de {calibration}. Les résultats ci-dessous portent sur les photos de {test}, qui n'ont pas servi à les choisir. Avec si peu de vrais visages, les résultats disent peu de chose des visages différents de ces deux-là.",
    groupsHeading: "Photos conformes à toutes les règles, par teint de peau",
    groupsIntro:
      "Une photo conforme à toutes les règles devrait être acceptée sans avertissement. Une photo qui a un problème devrait être refusée.",
    groupColumn: "Teint de peau (échelle de Monk)",
    validColumn: "Photos conformes à toutes les règles",
    refusedColumn: "Refusées à tort",
    warnedColumn: "Acceptées avec un avertissement",
    flaggedColumn: "Refusées ou avec avertissement",
    wrongColumn: "Photos qui ont un problème",
    wrongRefusedColumn: "Refusées",
    groups: { "mst1-3": "1 à 3 (plus clair)", "mst4-6": "4 à 6", "mst7-10": "7 à 10 (plus foncé)" },
    allGroups: "Tous",
    checksHeading: "Chaque vérification, par teint de peau",
    checksIntro:
      "Pour chaque vérification : combien de photos conformes à toutes les règles elle a refusées, combien ont reçu un avertissement, et combien de photos qui ont le problème qu'elle cherche elle n'a pas refusées.",
    falseRefusalsHeading: "Photos conformes à toutes les règles, refusées par la vérification",
    falseWarningsHeading: "Photos conformes à toutes les règles, avec un avertissement de la vérification",
    missesHeading: "Photos qui ont le problème, non refusées par la vérification",
    checkColumn: "Vérification",
    ofCount: "{count} sur {total}",
    noPhotos: "non testé",
    rulesHeading: "Nos règles pour les vérifications",
    rules: {
      a: "Aucune photo conforme à toutes les règles n'est refusée, quel que soit le teint de peau.",
      b: "Une photo qui a un problème évident est refusée.",
      c: "Les avertissements sont rares sur les photos conformes à toutes les règles : 5 % ou moins.",
      d: "La part des photos refusées ou signalées à tort varie de 3 points au plus entre les groupes de teints de peau.",
    },
    ruleMet: "Respectée",
    ruleNotMet: "Non respectée",
    notMeasured: "Pas encore vérifié automatiquement, donc un agent le recherche : {reasons}.",
    malformed: "Fichiers endommagés ou non acceptés refusés avec le bon message : {count} sur {total}.",
    checks: {
      format: "Type de fichier",
      file_size: "Taille du fichier",
      dimensions: "Taille en pixels",
      too_dark: "Trop sombre",
      overexposed: "Surexposée",
      background_not_white: "Fond qui n'est pas blanc uni",
      glare: "Reflets",
      face_not_visible: "Visage visible",
      eyes_visible: "Yeux visibles",
      eyes_open: "Yeux ouverts",
      mouth_closed: "Bouche fermée",
      head_size: "Taille de la tête",
      face_centred: "Visage centré",
      head_tilt: "Tête penchée",
      head_pose: "Tête tournée ou inclinée vers le haut ou le bas",
      uneven_lighting: "Éclairage inégal (une ombre d'un côté)",
    },
    back: "Vérifier une photo",
  },

  checkAnswers: {
    headingSelf: "Vérifiez vos réponses avant de soumettre",
    headingFor: "Vérifiez les réponses pour {name} avant de soumettre",
    intro: "Vérifiez que tout ce qui suit est exact. Une fois la soumission faite, rien ne peut être modifié.",
    submittedHeadingSelf: "Vos documents soumis",
    submittedHeadingFor: "Documents soumis pour {name}",
    submittedIntro:
      "Ces documents ont été soumis\u00a0: rien ne peut être modifié. Vous pouvez suivre leur progression sur la page d'accueil du portail.",
    presenceLabel: "Déclaration de présence au Canada",
    presenceSelf: "Faite par vous le {date}",
    presenceByThemself: "Faite par {name} le {date}",
    presenceByPrincipal: "Faite pour {name} par le demandeur principal le {date}",
    addressLabel: "Adresse postale",
    photoLabel: "Photo",
    notGiven: "Pas encore fournie",
    photoStatus: {
      none: "Pas encore téléversée",
      pass: "Téléversée, conforme à toutes les vérifications automatiques",
      warn: "Téléversée, avec des avertissements que vous avez acceptés",
      warnNotAcknowledged: "Téléversée, avec des avertissements pas encore acceptés",
      submitted: "Soumise",
      accepted: "Acceptée par un agent",
      returned: "Renvoyée\u00a0: téléversez une nouvelle photo",
    },
    change: "Modifier",
    changeHidden: {
      presence: "la déclaration",
      address: "l'adresse",
      photo: "la photo",
    },
    declarationHeading: "Déclaration",
    declarationLabel:
      "Je déclare que les renseignements que j'ai fournis sont véridiques, complets et exacts, et que je fais cette déclaration moi-même ou, pour un membre de ma famille, à titre de demandeur principal.",
    submit: "Soumettre les documents",
    tasksLeftHeading: "Vous ne pouvez pas encore soumettre",
    tasksLeftIntro: "Terminez d'abord ces tâches\u00a0:",
  },

  submitted: {
    title: "Documents soumis",
    heading: "Vos documents sont soumis",
    headingFor: "Les documents de {name} sont soumis",
    openHeading: "Ce qu'il reste à faire dans votre demande",
    openIntro:
      "Les documents de ces personnes ne sont pas encore soumis. Les documents de chaque personne sont soumis séparément.",
    openYou: "{name} (vous)",
    allDone: "Toutes les personnes de votre demande ont soumis leurs documents.",
    referenceLabel: "Votre numéro de référence",
    referenceMissing: "Votre numéro de référence figure dans le courriel de confirmation que nous vous avons envoyé.",
    nextHeading: "Prochaines étapes",
    next: {
      review: "Un agent examine la photo et la déclaration.",
      accepted:
        "Si la photo est acceptée, la carte de RP est produite (notre objectif\u00a0: en 2\u00a0semaines ou moins) et envoyée par la poste à l'adresse que vous avez fournie.",
      returned:
        "Si la photo est retournée, nous vous envoyons les raisons par courriel et vous téléversez une nouvelle photo.",
      follow: "Vous pouvez suivre la progression sur la page d'accueil du portail.",
      email: "Nous vous avons envoyé un courriel de confirmation.",
    },
    homeLink: "Aller à la page d'accueil du portail",
    statusLink: "Voir l'état des documents",
  },

  account: {
    title: "Votre compte",
    heading: "Votre compte",
    linkFromHome: "Votre compte",
    detailsHeading: "Renseignements sur le compte",
    usernameLabel: "Nom d'utilisateur",
    emailLabel: "Courriel",
    passwordHeading: "Changer votre mot de passe",
    currentPasswordLabel: "Mot de passe actuel",
    passwordSubmit: "Changer le mot de passe",
    passwordSaved:
      "Votre mot de passe est changé. Vous restez connecté sur cet appareil; vous avez été déconnecté partout ailleurs.",
    languageHeading: "Langue de nos courriels",
    languageLegend: "Dans quelle langue voulez-vous recevoir nos courriels?",
    languageEnglish: "English",
    languageFrench: "Français",
    languageSubmit: "Enregistrer la langue",
    languageSaved: "La langue de vos courriels est enregistrée.",
    signOutHeading: "Se déconnecter partout",
    signOutText:
      "Si vous pensez que quelqu'un d'autre a pu utiliser votre compte, déconnectez-vous de tous les appareils et navigateurs, y compris celui-ci. Changez ensuite votre mot de passe.",
    signOutEverywhere: "Se déconnecter partout",
    errors: {
      currentPasswordRequired: "Entrez votre mot de passe actuel.",
    },
  },

  status: {
    titleSelf: "État de vos documents",
    titleFor: "État des documents de {name}",
    intro: "Chaque étape de votre dossier, de la plus ancienne à la plus récente, et ce qu'elle signifie.",
    introFor: "Chaque étape du dossier de {name}, de la plus ancienne à la plus récente, et ce qu'elle signifie.",
    timelineHeading: "Ce qui s'est passé",
    nextHeading: "Prochaine étape",
    onDate: "Le {date}",
    notSubmittedSelf: "Vos documents n'ont pas encore été soumis.",
    notSubmittedFor: "Les documents de {name} n'ont pas encore été soumis.",
    notSubmittedNext: "Terminez les tâches, puis soumettez les documents. Cette page affichera ensuite chaque étape.",
    tasksLink: "Aller à votre liste de tâches",
    clock: {
      heading: "Combien de temps cela devrait prendre",
      aim: {
        photo_review: "Nous visons à examiner la photo dans un délai de {duration}.",
        ecopr:
          "Nous visons à confirmer le statut de résident permanent dans un délai de {duration} après l'acceptation de la photo.",
        card_produced:
          "Nous visons à produire la carte de RP dans un délai de {duration} après l'acceptation de la photo.",
        card_mailed: "Nous visons à poster la carte de RP dans un délai de {duration} après sa production.",
      },
      elapsed: "Il s'est écoulé {duration}.",
      elapsedNoneBusiness: "Il s'est écoulé moins d'un jour ouvrable.",
      elapsedNoneCalendar: "Il s'est écoulé moins d'un jour.",
      overdue:
        "Cela prend plus de temps que nous le visons. Nous sommes désolés de l'attente. Vous n'avez rien à faire.",
    },
    events: {
      submitted: "Documents soumis",
      resubmitted: "Nouvelle photo soumise",
      photoReturned: "Photo retournée",
      photoAccepted: "Photo acceptée",
      prConfirmed: "Statut de résident permanent confirmé",
      cardProduced: "Carte RP produite",
      cardMailed: "Carte RP postée",
    },
    explain: {
      submitted: "Numéro de référence\u00a0: {reference}. Un agent examinera la photo et la déclaration.",
      photoReturned: "L'agent n'a pas pu accepter la photo, pour les motifs suivants\u00a0:",
      noteLabel: "Note de l'agent\u00a0:",
      photoAccepted: "L'agent a accepté la photo. La carte de RP est en cours de production.",
      prConfirmed: "Votre statut de résident permanent est confirmé.",
      cardProduced: "La carte de RP a été produite. Elle sera envoyée par la poste à l'adresse que vous avez fournie.",
      cardMailed: "La carte de RP a été envoyée par la poste à l'adresse que vous avez fournie.",
    },
    next: {
      submitted:
        "Un agent examinera la photo et la déclaration. Nous vous écrirons par courriel dès qu'il y aura du nouveau.",
      photoReturned:
        "Téléversez une nouvelle photo qui respecte les exigences, puis soumettez-la de nouveau. Un agent l'examinera ensuite.",
      photoAccepted:
        "La carte de RP est en cours de production; elle sera ensuite envoyée par la poste à l'adresse que vous avez fournie.",
      target: "Nous visons à produire la carte d'ici le {date}.",
      prConfirmed:
        "Vous pouvez télécharger dès maintenant votre preuve de statut de résident permanent. La carte de RP sera produite et vous sera envoyée par la poste.",
      cardProduced: "La carte sera envoyée par la poste à l'adresse que vous avez fournie.",
      cardMailed:
        "La carte arrive habituellement en quelques jours ouvrables. Si vous ne l'avez pas reçue dans un délai de 3\u00a0semaines, communiquez avec nous à l'adresse courriel indiquée dans votre message d'invitation.",
    },
    uploadLink: "Téléverser une nouvelle photo",
    download: "Télécharger votre preuve de statut de résident permanent (e-CoRP, PDF)",
    seeStatus: "Voir l'état",
    seeStatusHiddenSelf: "de vos documents",
    seeStatusHiddenFor: "des documents de {name}",
  },

  verify: {
    title: "Vérifier une preuve de statut",
    heading: "Vérifier une preuve de statut de résident permanent",
    intro:
      "Utilisez cette page pour vérifier qu'une preuve de statut de résident permanent (e-CoRP) est authentique. Entrez le code de vérification imprimé sur le document. Vous n'avez pas à vous connecter.",
    codeLabel: "Code de vérification",
    codeHint: "16\u00a0lettres et chiffres, par exemple K7M4-Q9TX-2HNP-W8RC",
    codeRequired: "Entrez le code de vérification imprimé sur le document.",
    submit: "Vérifier",
    genuineHeading: "Ce document est authentique",
    initialsLabel: "Initiales",
    issuedLabel: "Date de délivrance",
    statusLabel: "Statut",
    valid: "Valide",
    validExplain: "La preuve de statut est en vigueur.",
    revoked: "Révoquée",
    revokedExplain:
      "Cette preuve de statut a été annulée après sa délivrance. Elle ne peut plus servir de preuve de statut de résident permanent.",
    notFoundHeading: "Document introuvable",
    notFound:
      "Nous ne trouvons aucun document associé à ce code. Vérifiez le code et réessayez. Un document dont le code est introuvable n'est peut-être pas authentique.",
    resultFor: "Résultat pour le code {code}",
  },

  confirmEmail: {
    title: "Confirmez votre adresse courriel",
    heading: "Confirmez votre adresse courriel",
    intro:
      "Confirmez que cette adresse courriel est la vôtre. Nous y envoyons ensuite le nom d'utilisateur et le mot de passe temporaire de votre compte.",
    submit: "Confirmer mon adresse courriel",
    doneTitle: "Votre adresse courriel est confirmée",
    doneHeading: "Votre adresse courriel est confirmée",
    doneText:
      "Nous envoyons votre nom d'utilisateur et votre mot de passe temporaire à cette adresse. Cela peut prendre quelques minutes\u00a0: vérifiez aussi votre dossier de courrier indésirable.",
    doneNext: "Quand vous le recevrez, connectez-vous et créez votre propre mot de passe.",
    notFoundHeading: "Nous ne trouvons pas ce lien",
    usedHeading: "Cette adresse a déjà été confirmée",
    expiredHeading: "Ce lien est expiré",
    failedHeading: "Nous n'avons pas pu confirmer votre adresse",
    linkIncomplete: "Ce lien est incomplet. Utilisez le lien complet de votre courriel.",
  },

  outdatedLink: {
    title: "Ce lien ne fonctionne plus",
    heading: "Ce lien ne fonctionne plus",
    invitationText:
      "Pour votre sécurité, les liens de nos courriels ont changé. Ce lien d'invitation ne fonctionne plus\u00a0: écrivez-nous pour en obtenir un nouveau.",
    resetText:
      "Pour votre sécurité, les liens de nos courriels ont changé. Ce lien de réinitialisation ne fonctionne plus\u00a0: demandez-en un nouveau.",
    newResetLink: "Demander un nouveau lien",
  },

  serviceStandards: {
    businessOne: "1 jour ouvrable",
    businessMany: "{count} jours ouvrables",
    calendarOne: "1 jour",
    calendarMany: "{count} jours",
    names: {
      photo_review: "Photo examinée dans un délai de {duration} après sa soumission",
      ecopr: "Statut de résident permanent confirmé dans un délai de {duration} après l'acceptation de la photo",
      card_produced: "Carte de RP produite dans un délai de {duration} après l'acceptation de la photo",
      card_mailed: "Carte de RP postée dans un délai de {duration} après sa production",
    },
    businessDaysNote: "Les jours ouvrables ne comptent ni les samedis, ni les dimanches, ni les jours fériés fédéraux.",
  },

  transparency: {
    title: "Notre service en chiffres",
    intro:
      "Le temps que prend chaque étape, les motifs de retour des photos, la fréquence à laquelle nos agents sont d'accord avec les vérifications automatiques des photos et la fréquence à laquelle nous respectons nos normes de service. Tout le monde peut consulter cette page.",
    period: "Sur les {days}\u00a0jours du {from} au {to}. Mis à jour chaque jour.",
    privacy:
      "Pour protéger la vie privée, un chiffre qui porte sur moins de 10\u00a0personnes n'est pas affiché\u00a0: nous écrivons «\u00a0moins de 10\u00a0» à la place. Aucun chiffre ne nomme ni ne décrit qui que ce soit.",
    fewerThan10: "moins de 10",
    none: "Aucun chiffre n'a encore été publié. Ils sont calculés une fois par jour\u00a0: revenez demain.",
    stepsHeading: "Le temps que prend chaque étape",
    stepsIntro:
      "En jours civils. La moitié des personnes ont attendu au plus la médiane; 9\u00a0personnes sur 10 ont attendu au plus le 90e\u00a0centile.",
    stepColumn: "Étape",
    peopleColumn: "Personnes",
    medianColumn: "Médiane",
    p90Column: "90e centile",
    steps: {
      photo_review: "Examen de la photo (de la soumission à la décision de l'agent)",
      ecopr: "Preuve de statut (de l'acceptation de la photo à l'e-CoRP)",
      card_produced: "Carte de RP produite (depuis l'acceptation de la photo)",
      card_mailed: "Carte de RP postée (depuis sa production)",
    },
    daysOne: "1 jour",
    days: "{count}\u00a0jours",
    standardsHeading: "À quelle fréquence nous respectons nos normes de service",
    standardsIntro: "Une étape encore en attente après le délai de sa norme compte comme non respectée.",
    standardColumn: "Norme de service",
    metColumn: "Respectée",
    returnsHeading: "Pourquoi des photos ont été retournées",
    returnsSummary:
      "Les agents ont rendu une décision sur {decisions}\u00a0photos et en ont retourné {returned} ({rate}).",
    returnsSummarySuppressed:
      "Les agents ont rendu une décision sur {decisions}\u00a0photos. Certaines ont été retournées.",
    reasonColumn: "Motif",
    photosColumn: "Photos",
    shareColumn: "Part des décisions",
    reasons: {
      too_dark: "Trop sombre",
      background_not_white: "Arrière-plan non blanc",
      face_not_visible: "Traits du visage non visibles",
      glare: "Reflets",
      dimensions: "Dimensions ou cadrage",
      file_size: "Taille du fichier",
      other: "Une autre exigence",
    },
    agreementHeading: "Vérifications automatiques des photos et agents",
    agreementIntro:
      "Chaque photo est vérifiée automatiquement avant qu'un agent ne rende sa décision. Si les vérifications ont réussi, l'agent qui accepte la photo est d'accord avec elles; si elles ont donné un avertissement ou un échec, c'est l'agent qui la retourne qui l'est.",
    agreed: "Les agents et les vérifications étaient d'accord pour {rate} des décisions.",
    verdictColumn: "Vérifications automatiques",
    acceptedColumn: "Acceptée par l'agent",
    returnedColumn: "Retournée par l'agent",
    verdicts: { pass: "Réussies", warn: "Avertissement", fail: "Échec" },
    loadFailed: "Les chiffres n'ont pas pu être chargés. Vérifiez votre connexion Internet, puis réessayez.",
  },

  notFound: {
    title: "Page introuvable",
    heading: "Nous ne trouvons pas cette page",
    text: "L'adresse contient peut-être une erreur, ou la page a peut-être été déplacée.",
    infoLink: "À propos du Portail de confirmation de la résidence permanente",
    homeLink: "Aller à la page d'accueil de votre portail",
  },
  officer: {
    bar: {
      label: "Espace des agents",
      signedInAs: "Connecté(e) : {name}",
      role: "Rôle\u00a0: {role}",
      roles: { officer: "Agent", supervisor: "Superviseur" },
      queue: "File d'examen",
      followUp: "Après la photo",
      audit: "Journal d'audit",
      metrics: "Statistiques",
      password: "Changer le mot de passe",
      signOut: "Se déconnecter",
    },
    followUp: {
      title: "Après la décision sur la photo",
      heading: "Après la décision sur la photo",
      intro:
        "Les personnes dont la photo a été acceptée et dont le statut de RP reste à confirmer, et celles dont le statut de RP est confirmé mais dont la carte n'a pas encore été postée. Les plus anciennes d'abord.",
      stageLabel: "Afficher",
      stages: { confirm: "Statut de RP à confirmer", card: "Carte à poster", another_way: "Autre façon demandée" },
      apply: "Afficher la liste",
      since: { confirm: "Photo acceptée", card: "Statut de RP confirmé", another_way: "Demandé le" },
      cardProduced: "Carte produite",
      cardNotProduced: "Pas encore",
      standard: "Norme de service",
      standardValue: "{elapsed} jusqu'ici, échéance le {date}",
      overdue: "Norme de service dépassée",
      countOne: "1 personne",
      count: "{count} personnes",
      empty: "Personne n'attend à cette étape.",
      applicationNumber: "Numéro de demande",
      uci: "IUC",
      open: "Ouvrir",
    },
    signIn: {
      title: "Connexion des agents",
      heading: "Connectez-vous pour examiner les soumissions",
      intro:
        "Réservé aux agents d'IRCC. Utilisez votre courriel professionnel, votre mot de passe et le code de l'application d'authentification configurée avec votre compte.",
      emailLabel: "Courriel professionnel",
      passwordLabel: "Mot de passe",
      codeLabel: "Code à 6 chiffres",
      codeHint:
        "Tiré de votre application d'authentification. Un nouveau code apparaît toutes les 30 secondes, et chaque code ne fonctionne qu'une fois.",
      submit: "Se connecter",
      expired:
        "Vous avez été déconnecté(e) après 15 minutes d'inactivité. Connectez-vous de nouveau pour revenir à la page où vous étiez.",
      signedOut: "Vous êtes déconnecté(e).",
      emailRequired: "Entrez votre courriel professionnel",
      passwordRequired: "Entrez votre mot de passe",
      codeRequired: "Entrez le code à 6 chiffres de votre application d'authentification",
      codeFormat: "Entrez le code en 6 chiffres, par exemple 123456",
      help: "Les comptes d'agent sont créés par un administrateur. Si vous avez perdu votre application d'authentification ou si votre compte est verrouillé, adressez-vous à votre superviseur.",
    },
    changePassword: {
      title: "Choisissez votre propre mot de passe",
      heading: "Choisissez votre propre mot de passe",
      why: "Le mot de passe qui vous a été remis ne sert qu'à votre première connexion. Choisissez votre propre mot de passe avant de continuer. Il doit être différent de celui qui vous a été remis.",
      submit: "Enregistrer mon mot de passe",
    },
    password: {
      title: "Changez votre mot de passe",
      heading: "Changez votre mot de passe",
      intro:
        "Entrez votre mot de passe actuel et un nouveau code de votre application d'authentification, puis votre nouveau mot de passe. Vos autres sessions sont fermées; celle-ci reste ouverte.",
      currentLabel: "Mot de passe actuel",
      currentRequired: "Entrez votre mot de passe actuel",
      submit: "Changer mon mot de passe",
      saved: "Votre mot de passe a été changé. Vos autres sessions ont été fermées.",
    },
    noAccess: {
      title: "Vous n'avez pas accès à cette page",
      why: "Le journal d'audit et les statistiques sont réservés aux superviseurs.",
      ask: "Si votre travail l'exige, demandez à votre superviseur de faire attribuer le rôle de superviseur à votre compte.",
      back: "Aller à la file d'examen",
    },
    queue: {
      title: "File d'examen",
      heading: "Soumissions en attente d'une décision",
      intro:
        "Les plus anciennes d'abord. Réservez une soumission avant de rendre une décision : aucun autre agent ne peut la traiter tant que votre réservation dure (30 minutes).",
      searchRegion: "Filtrer et chercher dans la file",
      filterLabel: "Afficher",
      filters: {
        all: "Toutes les soumissions en attente",
        new: "Nouvelles soumissions",
        resubmitted: "Soumises de nouveau après un retour",
        acknowledged_warnings: "Avertissements confirmés par le demandeur",
        warnings: "Avertissements des vérifications automatiques",
      },
      searchLabel: "Rechercher",
      searchHint: "Numéro de demande, IUC ou nom",
      apply: "Afficher les résultats",
      count: "{count} soumissions",
      countOne: "1 soumission",
      empty: "Aucune soumission ne correspond. Choisissez un autre filtre ou modifiez la recherche.",
      applicationNumber: "Numéro de demande",
      uci: "IUC",
      submitted: "Soumise le",
      ageUnderHour: "il y a moins d'une heure",
      ageHours: "il y a {hours} h",
      ageDays: "il y a {days} jours",
      claim: "Réservation",
      unclaimed: "Non réservée",
      claimedBy: "{name}, jusqu'à {time}",
      claimedByYou: "Vous, jusqu'à {time}",
      kinds: { initial: "Nouvelle", photo_resubmission: "Soumise de nouveau" },
      checks: { pass: "Vérifications réussies", warn: "Avertissements", fail: "Vérifications échouées" },
      acknowledged: "Avertissements confirmés",
      claimAndOpen: "Réserver et ouvrir",
      standard: "Norme de service",
      standardValue: "{elapsed} jusqu'ici, échéance le {date}",
      overdue: "Norme de service dépassée",
      open: "Ouvrir",
    },
    viewer: {
      controls: "Zoom",
      zoomIn: "Agrandir",
      zoomOut: "Réduire",
      reset: "Rétablir la taille",
      level: "Zoom : {percent} %",
      help: "Agrandissez avec les boutons, la molette de la souris ou les touches + et - sur une photo sélectionnée (0 rétablit la taille). Déplacez une photo agrandie en la faisant glisser ou avec les flèches. Les deux photos bougent ensemble.",
      colourFrame: "Photo en couleur",
      greyscaleFrame: "Photo en noir et blanc",
      colourAlt: "Photo soumise de {name}, en couleur",
      greyscaleAlt: "Photo soumise de {name}, en noir et blanc",
      colourCaption: "En couleur, telle que soumise",
      greyscaleCaption: "En noir et blanc, comme sur la carte imprimée",
    },
    item: {
      title: "Décision : {name}",
      titleLoading: "Soumission",
      back: "Retour à la file d'examen",
      applicationNumber: "Numéro de demande",
      uci: "IUC",
      dateOfBirth: "Date de naissance",
      role: "Rôle dans la demande",
      roles: { principal: "Demandeur principal", dependant: "Personne à charge" },
      language: "Langue du demandeur",
      languages: { en: "anglais", fr: "français" },
      reference: "Référence de la soumission",
      submitted: "Soumise le",
      photoHeading: "Photo",
      checksHeading: "Vérifications automatiques",
      measured: "Mesure :",
      noProblems: "Aucun contrôle automatique n'a échoué ni donné d'avertissement.",
      passedOne: "1 autre contrôle réussi",
      passedMany: "{count} autres contrôles réussis",
      allPassedOne: "1 contrôle réussi",
      allPassedMany: "Les {count} contrôles sont réussis",
      rule: "Règle :",
      acknowledgedHeading: "Le demandeur a confirmé des avertissements",
      acknowledgedText:
        "Les vérifications automatiques ont signalé des problèmes possibles avec cette photo, et le demandeur a choisi de la soumettre quand même :",
      presenceHeading: "Présence au Canada",
      declaredByThemself: "{name} a déclaré sa propre présence au Canada le {date}.",
      declaredFor: "{by} a déclaré la présence au Canada de {name} le {date}.",
      noDeclaration: "Aucune déclaration de présence n'est enregistrée avec cette soumission.",
      addressHeading: "Adresse postale pour la carte",
      addressSince: "Fournie le {date}. La carte est envoyée à cette adresse.",
      addressEarlierHeading: "Adresses précédentes",
      addressEarlierIntro:
        "Le demandeur a modifié l'adresse postale après avoir soumis. Les adresses fournies auparavant, de la plus récente à la plus ancienne :",
      addressGiven: "fournie le {date}",
    },
    history: {
      heading: "Historique des soumissions",
      submitted: "Soumission ({reference})",
      resubmitted: "Nouvelle photo soumise ({reference})",
      thisOne: "Cette soumission",
      by: "par {officer}, {date}",
      note: "Note au demandeur :",
      noDecision: "Aucune décision pour le moment.",
      decisions: {
        photo_accepted: "Photo acceptée",
        photo_returned: "Photo retournée",
        pr_confirmed: "Statut de RP confirmé",
      },
    },
    reasons: {
      too_dark: "Trop sombre",
      background_not_white: "Fond qui n'est pas blanc",
      face_not_visible: "Traits du visage non visibles",
      glare: "Reflet ou éblouissement",
      dimensions: "Dimensions ou cadrage",
      file_size: "Taille du fichier",
      other: "Autre (expliquez dans la note)",
    },
    decide: {
      heading: "Décision",
      notClaimed: "Personne n'a réservé cette soumission. Réservez-la pour rendre une décision.",
      claimedByYou: "Vous avez réservé cette soumission jusqu'à {time}.",
      claimedByOther:
        "{name} a réservé cette soumission jusqu'à {time}. Vous pourrez rendre une décision lorsque sa réservation prendra fin.",
      claim: "Réserver cette soumission",
      claimWhenFree: "Essayer de la réserver",
      claimAgain: "La réserver de nouveau",
      claimed: "Vous avez réservé cette soumission pour 30 minutes.",
      claimExpired:
        "Votre réservation de cette soumission a pris fin : votre décision n'a donc pas été enregistrée. Réservez-la de nouveau, puis refaites votre décision : ce que vous avez saisi est toujours là.",
      claimFirst:
        "Réservez d'abord cette soumission, puis refaites votre décision : ce que vous avez saisi est toujours là.",
      alreadyDecided:
        "Un autre agent a enregistré une décision sur cette soumission avant vous : la vôtre n'a donc pas été enregistrée. La page montre maintenant la décision prise.",
      acceptHeading: "Accepter la photo",
      acceptText: "La photo respecte les exigences. Le demandeur reçoit un courriel indiquant qu'elle a été acceptée.",
      acceptButton: "Accepter la photo",
      acceptedDone: "Photo acceptée. Un courriel a été envoyé au demandeur.",
      returnHeading: "Retourner la photo",
      reasonsLegend: "Raisons du retour de la photo",
      reasonsHint:
        "Choisissez toutes les raisons qui s'appliquent. Le demandeur reçoit chaque raison en termes simples, en français et en anglais, et peut téléverser une nouvelle photo.",
      noteLabel: "Note au demandeur (facultatif)",
      noteHint:
        "En termes simples, le demandeur la lira, dans sa langue ({language}) : la note est envoyée telle que vous l'écrivez, sans traduction. Obligatoire si vous choisissez Autre. Jusqu'à 1 000 caractères.",
      returnButton: "Retourner la photo",
      returnedDone:
        "Photo retournée. Le demandeur a reçu les raisons par courriel et peut téléverser une nouvelle photo.",
      reasonsRequired: "Choisissez au moins une raison pour retourner la photo",
      noteRequiredForOther: "Expliquez l'autre raison dans la note au demandeur",
      photoReturned:
        "Cette photo a été retournée. La nouvelle photo du demandeur apparaîtra dans la file comme une nouvelle soumission.",
      photoAccepted: "La photo a été acceptée.",
      confirmHeading: "Confirmer le statut de résident permanent",
      confirmText:
        "Délivre la confirmation électronique de résidence permanente (e-CoRP) et avise le demandeur par courriel qu'il peut la télécharger.",
      confirmButton: "Confirmer le statut de RP",
      confirmedDone: "Statut de RP confirmé. La e-CoRP a été délivrée et un courriel a été envoyé au demandeur.",
      confirmedOn: "Confirmé le {date}. La e-CoRP a été délivrée.",
      cardHeading: "Carte de RP",
      producedLabel: "Carte produite le",
      mailedLabel: "Carte postée le",
      dateHint: "Sous la forme AAAA-MM-JJ, par exemple 2026-11-23",
      mailedHint:
        "Sous la forme AAAA-MM-JJ. Laissez vide jusqu'à l'envoi de la carte; le demandeur reçoit un courriel lorsque vous l'enregistrez.",
      notYet: "Pas encore",
      cardButton: "Enregistrer les dates de la carte",
      cardDone: "Dates de la carte enregistrées.",
      cardDateRequired: "Entrez la date de production ou d'envoi de la carte",
      dateFormat: "Entrez la date sous la forme AAAA-MM-JJ, par exemple 2026-11-23",
      mailedCorrection: {
        summary: "Corriger la date d'envoi (superviseurs)",
        intro:
          "La carte est enregistrée comme postée le {date}. Une correction garde les deux dates et votre raison dans le journal d'audit, et les données de la personne sont conservées au moins une semaine de plus avant la purge de conservation.",
        dateLabel: "Date d'envoi corrigée",
        reasonLabel: "Raison de la correction",
        reasonHint: "Par exemple\u00a0: le rapport du producteur indiquait le mauvais jour.",
        reasonRequired: "Indiquez pourquoi la date d'envoi est corrigée",
        button: "Corriger la date d'envoi",
        done: "Date d'envoi corrigée.",
      },
    },
    audit: {
      title: "Journal d'audit",
      heading: "Journal d'audit",
      intro:
        "Chaque connexion, réservation, décision, exportation et modification de compte, les plus récentes d'abord. Les entrées ne peuvent jamais être modifiées ni supprimées.",
      filtersLabel: "Filtrer le journal d'audit",
      filters: {
        actorKind: "Qui (type)",
        actorId: "Qui (identifiant)",
        action: "Action",
        subjectKind: "Objet (type)",
        subjectId: "Objet (identifiant)",
        from: "Du",
        to: "Au",
      },
      anyActor: "Tout le monde",
      actorKinds: {
        officer: "Agent",
        admin: "Administrateur",
        applicant: "Demandeur",
        representative: "Représentant",
        system: "Système",
      },
      actionHint: "Début de l'action, par exemple photo.",
      dateHint: "AAAA-MM-JJ",
      apply: "Afficher les entrées",
      count: "{count} entrées (200 au plus sont affichées)",
      countOne: "1 entrée",
      caption: "Entrées du journal d'audit, les plus récentes d'abord",
      columns: { when: "Quand", who: "Qui", action: "Action", subject: "Objet", details: "Détails" },
      ip: "Adresse IP {ip}",
    },
    metrics: {
      title: "Statistiques d'examen",
      heading: "Statistiques d'examen",
      intro:
        "Où en sont les soumissions, et si les vérifications automatiques des photos concordent avec les décisions des agents.",
      statesHeading: "Où en sont les soumissions",
      counts: {
        submissions: "Soumissions",
        awaitingDecision: "En attente d'une décision",
        photosAccepted: "Photos acceptées",
        photosReturned: "Photos retournées",
        prConfirmed: "Statut de RP confirmé",
        cardsProduced: "Cartes produites",
        cardsMailed: "Cartes postées",
      },
      timingHeading: "Décisions",
      medianHours: "Délai médian entre la soumission et la décision",
      minutes: "{minutes} min",
      hours: "{hours} heures",
      returnRate: "Proportion de photos retournées",
      none: "Aucune pour le moment",
      reasonsHeading: "Retours par raison",
      reasonColumn: "Raison",
      returnsColumn: "Retours",
      noReturns: "Aucune photo n'a encore été retournée.",
      disagreementHeading: "Agents et vérifications automatiques",
      disagreementIntro:
        "Lorsque les agents et les vérifications sont souvent en désaccord, les vérifications doivent être ajustées.",
      acceptedDespiteWarnings: "Acceptées malgré des avertissements des vérifications",
      returnedThoughPassed: "Retournées alors que les vérifications étaient réussies",
      disagreementRate: "Proportion des décisions en désaccord avec les vérifications",
      standardsHeading: "Normes de service",
      standardsIntro:
        "Chaque étape terminée, dans les délais ou non, et chaque étape encore en attente après le délai de sa norme, comptée comme non respectée.",
      standardColumn: "Norme de service",
      metColumn: "Respectées",
      metValue: "{met} sur {judged} ({share})",
    },
  },
  // Une autre façon, et les photos qui ne peuvent pas suivre une règle (décision 028). Le texte du
  // demandeur est mesuré par test/node/plain-language.test.ts : facilité 60 ou plus.
  anotherWay: {
    form: {
      heading: "Demander une autre façon",
      intro:
        "Si vous ne pouvez pas utiliser le portail, ou pas prendre une photo qui suit les règles, nous pouvons vous aider autrement. Dites-nous ce qu'il vous faut.",
      kindLegend: "De quoi avez-vous besoin\u00a0?",
      kinds: {
        paper: "Faire les étapes sur papier ou en personne",
        mailed_photo: "Faire prendre la photo par un photographe et nous l'envoyer par la poste",
        accommodation: "De l'aide à cause d'un handicap",
      },
      reasonLabel: "Dites-nous pourquoi, en quelques mots",
      reasonHint:
        "Au plus {max} caractères. N'écrivez pas de détails sur votre santé. Dites juste ce qu'il vous faut.",
      emailLabel: "L'adresse courriel de votre compte",
      emailHint: "Nous écrivons à cette adresse seulement si c'est celle de votre compte.",
      submit: "Envoyer ma demande",
      sentHeading: "Nous avons reçu votre demande",
      sentText: "Un agent va la lire et vous joindre. Nous vous avons envoyé un courriel.",
      sentTextEmail:
        "Si cette adresse est celle de votre compte, un agent va lire votre demande et vous joindre. Nous avons écrit à cette adresse.",
      errors: {
        kindRequired: "Choisissez ce dont vous avez besoin.",
        reasonRequired: "Dites-nous en quelques mots pourquoi il vous faut une autre façon.",
        emailRequired: "Entrez votre adresse courriel.",
        emailInvalid: "Entrez une adresse courriel comme nom@exemple.com.",
      },
    },
    page: {
      title: "Demander une autre façon",
      heading: "Demander une autre façon",
      intro:
        "Utilisez cette page si vous ne pouvez pas vous connecter ou utiliser le portail. Pas besoin de vous connecter pour demander. Nous allons vous joindre.",
      noAccount: "Vous n'avez pas encore répondu à votre invitation\u00a0? Alors, utilisez le lien du courriel que nous vous avons envoyé.",
      backToSignIn: "Retour à la connexion",
    },
    link: "Vous ne pouvez pas utiliser le portail\u00a0? Demandez une autre façon",
    invitationSummary: "Vous ne pouvez pas utiliser le portail\u00a0? Demandez une autre façon",
    photoSummary: "Vous ne pouvez pas prendre de photo\u00a0? Demandez une autre façon",
    exception: {
      heading: "Votre photo ne peut pas suivre cette règle à cause de votre santé, de votre religion ou d'un handicap\u00a0?",
      intro:
        "Tout le monde ne peut pas suivre toutes les règles. Par exemple, vous portez peut-être un foulard pour votre foi, ou un problème de santé vous garde les yeux fermés. Vous pouvez envoyer cette photo avec une courte note. Un agent va la lire et décider.",
      reasonLegend: "Pourquoi votre photo ne peut-elle pas suivre la règle\u00a0?",
      reasons: {
        medical: "Pour ma santé",
        religious: "Pour ma foi",
        disability: "À cause d'un handicap",
      },
      explanationLabel: "Expliquez en quelques mots",
      explanationHint: "Au plus {max} caractères. Dites quelle règle vous ne pouvez pas suivre, et pourquoi.",
      submit: "Envoyer cette photo avec ma note",
      notExcusable:
        "Une note peut expliquer seulement une règle sur le visage ou la tête. Corrigez d'abord les autres problèmes, ou demandez une autre façon.",
      sentText: "Vous avez envoyé cette photo avec une note. Un agent va la lire et décider.",
      errors: {
        reasonRequired: "Choisissez pourquoi votre photo ne peut pas suivre la règle.",
        explanationRequired: "Dites-nous en quelques mots pourquoi votre photo ne peut pas suivre la règle.",
      },
    },
    mailedPhoto: "Un agent a ajouté cette photo à partir de celle que vous nous avez envoyée par la poste.",
  },
} as const satisfies Messages;
