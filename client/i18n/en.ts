/*
 * English strings: the reference catalogue. fr.ts must have the same keys and
 * the same {placeholders}. No arrays: lists are objects whose keys keep their
 * order, so both languages always have the same items.
 */
export const en = {
  layout: {
    skipToMain: "Skip to main content",
    wordmarkMain: "Government of Canada",
    wordmarkOther: "Gouvernement du Canada",
    wordmarkOtherLang: "fr",
    languageToggle: "Français",
    languageToggleLang: "fr",
    serviceName: "Permanent Residence Confirmation Portal",
    titleTemplate: "{page} - Permanent Residence Confirmation Portal - Canada.ca",
    titleErrorTemplate: "Error: {page} - Permanent Residence Confirmation Portal - Canada.ca",
    footerHeading: "About this site",
    footerAbout: "About the portal",
    footerPrivacy: "Privacy",
    footerSignIn: "Sign in",
    footerVerify: "Verify a proof of status",
    footerIrcc: "Immigration, Refugees and Citizenship Canada",
    footerIrccHref: "https://www.canada.ca/en/immigration-refugees-citizenship.html",
    footerCanadaCa: "Canada.ca",
    footerCanadaCaHref: "https://www.canada.ca/en.html",
    canadaWordmark: "Canada",
  },

  common: {
    loading: "Loading…",
    yes: "Yes",
    no: "No",
    errorSummaryTitle: "There is a problem",
    errorPrefix: "Error:",
    pageLoadFailed: "This page could not be loaded. Check your internet connection, then try again.",
    tryAgain: "Try again",
    showPasswords: "Show passwords",
    showPassword: "Show password",
    backToTasks: "Back to your tasks",
    helpContact: "If you need help, contact us using the email address shown in your invitation message.",
  },

  errors: {
    network: "We could not reach the portal. Check your internet connection, then try again.",
    unexpected: "Something went wrong on our side. Nothing you saved was lost. Try again in a few minutes.",
    usernameRequired: "Enter your username.",
    passwordRequired: "Enter your password.",
    newPasswordRequired: "Enter a new password.",
    newPasswordTooShort: "Your password must be at least {min} characters long.",
    newPasswordTooLong: "Your password must be {max} characters or fewer.",
    confirmPasswordRequired: "Enter your new password again.",
    confirmPasswordMismatch: "The two passwords do not match.",
    emailRequired: "Enter an email address.",
    emailInvalid: "Enter an email address in the right format, like name@example.com.",
    usePortalRequired: "Select whether you want to use the portal.",
    inCanadaRequired: "Select whether you are in Canada now.",
    personEmailRequired: "Enter an email address for {name}.",
    personEmailInvalid: "Enter an email address for {name} in the right format, like name@example.com.",
  },

  password: {
    rulesHeading: "Your password",
    rulesIntro: "Your password must:",
    rules: {
      length: "have at least {min} characters and no more than {max}",
      common: "not be a common password",
      personal: "not contain your username or the name of the portal",
    },
    freedom:
      "You can use spaces and any characters. A passphrase of several words that you will remember is a good choice, for example 4 unrelated words.",
    newPasswordLabel: "New password",
    confirmPasswordLabel: "Confirm your new password",
    confirmPasswordHint: "Type the same password again.",
  },

  info: {
    title: "Confirm your permanent residence online",
    heading: "Confirm your permanent residence online",
    lede:
      "If we approved your application for permanent residence and you are in Canada, you may be able to confirm your permanent resident (PR) status online, without an in-person interview.",
    signInButton: "Sign in to the portal",
    tocHeading: "On this page",
    purpose: {
      heading: "What the portal is for",
      intro: "In the portal, you can:",
      items: {
        declare: "declare that you are in Canada",
        address: "confirm your mailing address in Canada",
        photo: "upload a recent photo for your PR card",
        proof: "get your proof of permanent resident status",
      },
      family:
        "As the principal applicant, you act for your family in the portal, unless you ask us to create separate accounts for adult family members.",
      card:
        "Once we accept your photo, we make your PR card and mail it to the address in Canada you gave us. You can follow this in the portal.",
    },
    howItWorks: {
      heading: "How the portal works",
      steps: {
        invitation:
          "Once we approve your application, we send you an invitation by email. You tell us if you want to use the portal, confirm your email address and the email address of each person on your application, and confirm that you are in Canada.",
        account:
          "We create your account. You cannot create one yourself: there is no sign-up page.",
        temporaryPassword:
          "We send you another email with your username and a temporary password.",
        signIn:
          "You sign in for the first time and create your own password. Then you declare that you are in Canada, give your mailing address, upload your photo and submit.",
      },
      doNotCreate:
        "Do not try to create your own account. Follow the instructions in our emails and we will create it for you.",
    },
    genuine: {
      heading: "How to recognize a genuine email from us",
      intro: "An email about the Permanent Residence Portal is genuine only if:",
      items: {
        sender: "it comes from an email address that ends in @cic.gc.ca",
        bilingual: "it is written in both English and French",
        subject: "its subject line is exactly:",
        link: "it links to this page",
      },
      subjectEn: "IRCC - Permanent Residence Portal (PR Confirmation)",
      subjectFr: "Portail de résidence permanente (Confirmation de la RP)",
      junk: "If you did not get our email, check your junk mail or spam folder.",
      suspicious: "If an email does not meet all of these points, do not click its links or answer it.",
    },
    representatives: {
      heading: "Immigration representatives",
      intro:
        "An immigration representative (such as an immigration consultant or lawyer) can give you advice and help you use the portal. But they cannot:",
      items: {
        signIn: "sign in to the portal with your username and password",
        declare: "declare that you are in Canada for you",
      },
      personal: "Your account is personal. Only you can sign in to it.",
    },
    notFor: {
      heading: "What the portal does not do",
      items: {
        status: "It does not show the status of your application.",
        secureAccount: "It is separate from your IRCC secure account.",
        renew: "It cannot renew your PR card. {link}",
      },
      renewLink: "Apply to renew your PR card through IRCC's PR card page.",
      renewHref:
        "https://www.canada.ca/en/immigration-refugees-citizenship/services/new-immigrants/pr-card/apply-renew-replace.html",
    },
    browsers: {
      heading: "Supported browsers and devices",
      text: "You can use the portal with the current version, or one of the two previous versions, of:",
      items: {
        chrome: "Chrome",
        firefox: "Firefox",
        edge: "Edge",
      },
      devices: "It works on phones, tablets and computers.",
    },
    privacy: {
      heading: "Privacy",
      items: {
        reading:
          "The portal reads a photo only when you pick it. It cannot look through your photo library or your files, and it does not use them for any other purpose.",
        storage: "Your photo is stored privately. Only you and the IRCC officers who review it can see it.",
      },
    },
    help: {
      heading: "Help",
      temporary:
        "Your temporary password expired or you lost it: we need to reset it for you. Contact us using the email address shown in your invitation message.",
      forgot: "You forgot the password you created: use the {link} link on the sign-in page.",
      forgotLink: "Forgot your password?",
      technical:
        "You cannot use the portal because of accessibility needs or a technical problem: contact us using the email address shown in your invitation message.",
    },
  },

  signIn: {
    title: "Sign in",
    heading: "Sign in",
    personalNotice:
      "Your account is personal. Only you may sign in with your username and password. A representative, such as an immigration consultant or lawyer, may not sign in for you.",
    noSignUp:
      "IRCC creates your account after you answer your invitation. You cannot create an account yourself.",
    usernameLabel: "Username",
    usernameHint: "It is in the email we sent with your temporary password.",
    passwordLabel: "Password",
    submit: "Sign in",
    forgotLink: "Forgot your password?",
    signedOut: "You have signed out.",
    temporaryHelp:
      "If your temporary password expired or you lost it, contact us using the email address shown in your invitation message. We will send you a new one.",
  },

  setPassword: {
    title: "Create your password",
    heading: "Create your password",
    intro: "You signed in with a temporary password. Create your own password to continue.",
    submit: "Save my password",
  },

  forgotPassword: {
    title: "Forgot your password?",
    heading: "Forgot your password?",
    intro:
      "Enter the email address your account uses. We will send you a link to create a new password.",
    temporaryNote:
      "This is for a password you created. If your temporary password expired or you lost it, contact us using the email address shown in your invitation message.",
    emailLabel: "Email address",
    submit: "Send me a link",
    sentTitle: "Check your email",
    sentHeading: "Check your email",
    sentText: "If an account uses this email, we sent a link. It works once, for 1 hour.",
    sentJunk: "Check your junk mail or spam folder if you do not see it in a few minutes.",
    backToSignIn: "Back to sign in",
  },

  resetPassword: {
    title: "Create a new password",
    heading: "Create a new password",
    submit: "Save my new password",
    doneTitle: "Your new password is saved",
    doneHeading: "Your new password is saved",
    doneText: "Sign in with your username and your new password.",
    signInLink: "Sign in",
    invalidTitle: "This link does not work",
    invalidHeading: "This link does not work",
    newLink: "Ask for a new link",
  },

  invitation: {
    title: "Answer your invitation",
    heading: "Answer your invitation",
    applicationNumber: "Application number:",
    answerBy: "Answer by:",
    intro:
      "Answer these questions to tell us how you want to confirm your permanent residence. It takes a few minutes.",
    usePortalLegend: "Do you want to use the portal to confirm your permanent residence?",
    usePortalHint: "If you answer no, you can confirm your permanent residence in person instead.",
    inCanadaLegend: "Are you in Canada now?",
    inCanadaHint: "You can use the portal only if you are in Canada.",
    peopleLegend: "Email addresses",
    peopleHint:
      "We will send account details to these addresses. Confirm or correct the email address of each person on your application.",
    principal: "Principal applicant",
    dependant: "Family member",
    emailLabel: "Email address for {name}",
    emailLabelOptional: "Email address for {name} (optional)",
    separateHeading: "Separate accounts",
    separateHint:
      "By default, the principal applicant acts for the whole family in one account. An adult family member can have their own account instead: they will then sign in and do their own tasks.",
    separateLabel: "Create a separate account for {name}",
    submit: "Send my answers",
    loadingFailed: "We could not load your invitation.",
    notFoundHeading: "We cannot find this invitation",
    usedHeading: "This invitation was already answered",
    expiredHeading: "This invitation has expired",
    acceptedTitle: "We received your answers",
    acceptedHeading: "We received your answers",
    acceptedOne: "We are creating your account.",
    acceptedMany: "We are creating {count} accounts.",
    acceptedWatch:
      "Watch for an email with your username and temporary password (check your junk mail too). It can take a few minutes.",
    acceptedNext: "When it arrives, sign in and create your own password.",
    declinedTitle: "You chose not to use the portal",
    declinedHeading: "You chose not to use the portal",
    declinedText:
      "You can still confirm your permanent residence at a port of entry, or at an in-person appointment that IRCC will arrange with you. We will contact you about the next steps.",
    notInCanadaTitle: "The portal is only for people in Canada",
    notInCanadaHeading: "The portal is only for people in Canada",
    notInCanadaText:
      "IRCC will contact you about confirming your permanent residence at a port of entry when you arrive in Canada.",
  },

  home: {
    title: "Permanent Residence Confirmation",
    heading: "Permanent Residence Confirmation",
    greeting: "Hello, {username}.",
    passwordSaved: "Your password is saved.",
    presenceDeclaredSelf: "Your declaration that you are in Canada is saved.",
    presenceDeclaredFor: "Your declaration that {name} is in Canada is saved.",
    addressSavedSelf: "Your mailing address is saved.",
    addressSavedFor: "Mailing address saved for {name}.",
    addressSavedMany: "Address saved for {count} people.",
    photoSavedSelf: "Your photo is saved.",
    photoSavedFor: "Photo saved for {name}.",
    intro:
      "Do these tasks for each person below. Once the first 3 tasks for a person are completed, you can review and submit their information.",
    you: "You",
    familyMember: "Family member",
    tasks: {
      presence: "Declare you are in Canada",
      address: "Give your mailing address in Canada",
      photo: "Upload your photo",
      submit: "Review and submit",
    },
    tasksFor: {
      presence: "Declare that {name} is in Canada",
      address: "Give {name}'s mailing address in Canada",
      photo: "Upload {name}'s photo",
      submit: "Review and submit for {name}",
    },
    statuses: {
      not_started: "Not started",
      in_progress: "In progress",
      completed: "Completed",
      cannot_start: "Cannot start yet",
      returned: "Returned: needs action",
    },
    loadFailed: "We could not load your tasks.",
    notFor: {
      heading: "What the portal is not",
      status:
        "It does not show the status of your immigration application. It is separate from your IRCC secure account.",
      renew: "It cannot renew a PR card. {link}",
      renewLink: "Renew your PR card",
      renewHref:
        "https://www.canada.ca/en/immigration-refugees-citizenship/services/new-immigrants/pr-card/apply-renew-replace.html",
      help: "If you need help, contact us using the email address shown in your invitation message.",
    },
    signOut: "Sign out",
    accountLink: "Your account",
  },

  presence: {
    headingSelf: "Declare you are in Canada",
    headingFor: "Declare that {name} is in Canada",
    intro: "Read the declaration. Select the box only if it is true.",
    declarationHeading: "Declaration",
    statementSelf:
      "I declare that I am physically in Canada today, {date}. I understand that this declaration is made by me personally, that an immigration representative (consultant or lawyer) may not make it for me, and that giving false information is an offence under the Immigration and Refugee Protection Act.",
    statementFor:
      "I declare that {name} is physically in Canada today, {date}. I am the principal applicant and I make this declaration for my family member. An immigration representative (consultant or lawyer) may not make it for me or for them. I understand that giving false information is an offence under the Immigration and Refugee Protection Act.",
    confirmLabel: "I declare that this is true",
    submit: "Save and continue",
    declaredOn: "You declared this on {date}.",
    declaredOnByThemself: "{name} declared this on {date}.",
  },

  address: {
    headingSelf: "Your mailing address in Canada",
    headingFor: "Mailing address in Canada for {name}",
    intro: "We will mail the PR card to this address. It must be an address in Canada where mail can be received.",
    unitLabel: "Apartment or unit (optional)",
    streetNumberLabel: "Street number",
    streetNameLabel: "Street name",
    cityLabel: "City or town",
    provinceLabel: "Province or territory",
    provincePlaceholder: "Select a province or territory",
    postalCodeLabel: "Postal code",
    postalCodeHint: "For example, K1A 0B1",
    sameForFamilyLabel: "Use this address for everyone in my family who has not submitted yet",
    submit: "Save and continue",
    submittedText:
      "This address was submitted, so it cannot be changed. If something is wrong, contact us using the email address shown in your invitation message.",
    submittedHeading: "Address on file",
    addressLabel: "Address",
    errors: {
      streetNumberRequired: "Enter the street number.",
      streetNameRequired: "Enter the street name.",
      cityRequired: "Enter the city or town.",
      provinceRequired: "Select the province or territory.",
      postalCodeRequired: "Enter the postal code.",
    },
  },

  photo: {
    headingSelf: "Upload your photo",
    headingFor: "Upload a photo of {name}",
    lockedHeadingSelf: "Your photo",
    lockedHeadingFor: "Photo of {name}",
    intro: "This photo will be printed on the PR card. Before you choose a file, check that it meets every requirement below.",
    requirementsHeading: "Photo requirements",
    requirements: {
      format: "A JPEG or PNG file.",
      size: "From 715 × 1000 to 2000 × 2800 pixels, in a 5:7 ratio (portrait).",
      weight: "At most 4\u00a0MB.",
      background: "A plain white background.",
      face: "Face and shoulders centred, with a neutral expression, eyes open and no glare.",
      source:
        "A recent digital or scanned photo taken by a professional, or a selfie, that meets these requirements. Not a picture of a paper photo.",
    },
    privacy: "Your photo is read only when you choose it. Only you and IRCC officers can see it.",
    currentHeading: "Your current photo",
    greyscaleNote: "Your photo will show in black and white on your PR card.",
    imageAlt: "The uploaded photo, in black and white",
    imageAltFor: "The uploaded photo of {name}, in black and white",
    dimensions: "{width} × {height} pixels",
    resultsHeading: "Automatic check results",
    checkColumn: "Check",
    verdicts: {
      pass: "Pass",
      warn: "Warning",
      fail: "Problem",
    },
    tipPrefix: "How to fix it:",
    verdictPass: "Your photo passed every automatic check.",
    verdictWarn:
      "Your photo passed, but some checks gave a warning. You can choose a new file, or submit this photo anyway. An officer will check it.",
    failedHeading: "Your photo was not saved",
    failedIntro: "Fix these problems, then choose a file again:",
    uploadHeading: "Choose a photo",
    uploadHeadingReplace: "Choose a new photo",
    replaceHint: "Choosing a new file replaces your current photo.",
    fileLabel: "Choose your photo file",
    fileHint: "JPEG or PNG, at most 4\u00a0MB.",
    upload: "Upload",
    uploading: "Uploading your photo…",
    progressLabel: "Upload progress",
    checking: "Checking your photo…",
    acknowledgeHeading: "Acknowledgement",
    acknowledgeLabel: "I want to submit this photo anyway",
    acknowledged: "You chose to submit this photo even with its warnings.",
    saveAndContinue: "Save and continue",
    continueToTasks: "Continue",
    submittedText: "This photo was submitted, so it cannot be changed while an officer reviews it.",
    acceptedText: "An officer accepted this photo.",
    returnedText:
      "An officer returned your photo. We emailed you the reasons. Upload a new photo that fixes them, then review and submit again.",
    errors: {
      fileRequired: "Choose a photo file.",
    },
  },

  review: {
    headingSelf: "Check your answers before you submit",
    headingFor: "Check the answers for {name} before you submit",
    intro: "Check that everything below is right. After you submit, nothing can be changed.",
    submittedHeadingSelf: "Your submitted documents",
    submittedHeadingFor: "Submitted documents for {name}",
    submittedIntro:
      "These documents were submitted, so nothing can be changed. You can follow their progress on your portal home page.",
    presenceLabel: "Declaration of presence in Canada",
    presenceSelf: "Declared by you on {date}",
    presenceByThemself: "Declared by {name} on {date}",
    presenceByPrincipal: "Declared for {name} by the principal applicant on {date}",
    addressLabel: "Mailing address",
    photoLabel: "Photo",
    notGiven: "Not given yet",
    photoStatus: {
      none: "Not uploaded yet",
      pass: "Uploaded, passed every automatic check",
      warn: "Uploaded, with warnings you chose to accept",
      warnNotAcknowledged: "Uploaded, with warnings not yet accepted",
      submitted: "Submitted",
      accepted: "Accepted by an officer",
      returned: "Returned: upload a new photo",
    },
    change: "Change",
    changeHidden: {
      presence: "the declaration",
      address: "the address",
      photo: "the photo",
    },
    declarationHeading: "Declaration",
    declarationLabel:
      "I declare that the information I have given is true, complete and correct, and that I am making this declaration myself or, for a family member, as the principal applicant.",
    submit: "Submit documents",
    tasksLeftHeading: "You cannot submit yet",
    tasksLeftIntro: "Finish these tasks first:",
  },

  submitted: {
    title: "Documents submitted",
    heading: "Documents submitted",
    referenceLabel: "Your reference number",
    referenceMissing: "Your reference number is in the confirmation email we sent you.",
    nextHeading: "What happens next",
    next: {
      review: "An officer reviews the photo and the declaration.",
      accepted:
        "If the photo is accepted, the PR card is produced (our target is within 2 weeks) and mailed to the address you gave.",
      returned: "If the photo is returned, we email you the reasons and you upload a new photo.",
      follow: "You can follow the progress on your portal home page.",
      email: "We sent you a confirmation email.",
    },
    homeLink: "Go to your portal home page",
    statusLink: "See the status of the documents",
  },

  account: {
    title: "Your account",
    heading: "Your account",
    linkFromHome: "Your account",
    detailsHeading: "Account details",
    usernameLabel: "Username",
    emailLabel: "Email",
    passwordHeading: "Change your password",
    currentPasswordLabel: "Current password",
    passwordSubmit: "Change password",
    passwordSaved: "Your password is changed. You stay signed in on this device; you were signed out everywhere else.",
    languageHeading: "Language of our emails",
    languageLegend: "In which language do you want to receive our emails?",
    languageEnglish: "English",
    languageFrench: "Français",
    languageSubmit: "Save language",
    languageSaved: "Your email language is saved.",
    signOutHeading: "Sign out everywhere",
    signOutText:
      "If you think someone else may have used your account, sign out on every device and browser, including this one. Then change your password.",
    signOutEverywhere: "Sign out everywhere",
    errors: {
      currentPasswordRequired: "Enter your current password.",
    },
  },

  status: {
    titleSelf: "Status of your documents",
    titleFor: "Status of {name}'s documents",
    intro: "Each step of your file, oldest first, with what it means.",
    introFor: "Each step of {name}'s file, oldest first, with what it means.",
    timelineHeading: "What has happened",
    nextHeading: "What comes next",
    onDate: "On {date}",
    notSubmittedSelf: "Your documents have not been submitted yet.",
    notSubmittedFor: "{name}'s documents have not been submitted yet.",
    notSubmittedNext: "Complete the tasks, then submit the documents. This page will then show each step.",
    tasksLink: "Go to your task list",
    events: {
      submitted: "Documents submitted",
      resubmitted: "New photo submitted",
      photoReturned: "Photo returned",
      photoAccepted: "Photo accepted",
      prConfirmed: "Permanent resident status confirmed",
      cardProduced: "PR card produced",
      cardMailed: "PR card mailed",
    },
    explain: {
      submitted: "Reference number: {reference}. An officer will review the photo and the declaration.",
      photoReturned: "The officer could not accept the photo, for these reasons:",
      noteLabel: "Note from the officer:",
      photoAccepted: "The officer accepted the photo. The PR card is being produced.",
      prConfirmed: "Your permanent resident status is confirmed.",
      cardProduced: "The PR card has been produced. It will be mailed to the address you gave.",
      cardMailed: "The PR card has been mailed to the address you gave.",
    },
    next: {
      submitted: "An officer will review the photo and the declaration. We will email you when there is news.",
      photoReturned: "Upload a new photo that meets the requirements, then submit it again. An officer will then review it.",
      photoAccepted: "The PR card is being produced, then it will be mailed to the address you gave.",
      target: "We aim to produce the card by {date}.",
      prConfirmed: "You can download your proof of permanent resident status now. The PR card will be produced and mailed to you.",
      cardProduced: "The card will be mailed to the address you gave.",
      cardMailed:
        "The card usually arrives within a few business days. If it has not arrived within 3 weeks, contact us using the email address shown in your invitation message.",
    },
    uploadLink: "Upload a new photo",
    download: "Download your proof of permanent resident status (e-CoPR, PDF)",
    reasons: {
      too_dark: "The photo is too dark: your face is not lit evenly and brightly enough.",
      background_not_white: "The background is not plain white or light-coloured.",
      face_not_visible: "Your whole face is not clearly visible: something covers it, or it is not facing the camera.",
      glare: "There is glare or a reflection on your face or glasses.",
      dimensions: "The photo does not have the right size or framing: your head must be centred and fill the frame as required.",
      file_size: "The photo file is too small or too large.",
      other: "Another problem: see the officer's note.",
    },
    seeStatus: "See the status",
    seeStatusHiddenSelf: "of your documents",
    seeStatusHiddenFor: "of {name}'s documents",
  },

  verify: {
    title: "Verify a proof of status",
    heading: "Verify a proof of permanent resident status",
    intro:
      "Use this page to check that a proof of permanent resident status (e-CoPR) is genuine. Enter the verification code printed on the document. You do not need to sign in.",
    codeLabel: "Verification code",
    codeHint: "16 letters and numbers, for example K7M4-Q9TX-2HNP-W8RC",
    codeRequired: "Enter the verification code printed on the document.",
    submit: "Check",
    genuineHeading: "This document is genuine",
    initialsLabel: "Initials",
    issuedLabel: "Date issued",
    statusLabel: "Status",
    valid: "Valid",
    validExplain: "The proof of status is in force.",
    revoked: "Revoked",
    revokedExplain: "This proof of status was cancelled after it was issued. It can no longer be used as proof of permanent resident status.",
    notFoundHeading: "Document not found",
    notFound:
      "We could not find a document with this code. Check the code and try again. A document whose code is not found may not be genuine.",
    resultFor: "Result for code {code}",
  },

  notFound: {
    title: "Page not found",
    heading: "We could not find that page",
    text: "The address may be mistyped, or the page may have moved.",
    infoLink: "About the Permanent Residence Confirmation Portal",
    homeLink: "Go to your portal home page",
  },
} as const;
