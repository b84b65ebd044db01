export type Lang = 'de' | 'en';

export const LANGS: readonly Lang[] = ['de', 'en'];

export function parseLang(value: string | undefined | null): Lang | undefined {
  return value === 'de' || value === 'en' ? value : undefined;
}

const de = {
  portalName: 'Bildungsportal Musterregion',
  portalTagline: 'Ausbildung in der Musterregion – alles an einem Ort',
  skipToContent: 'Zum Inhalt springen',
  navLabel: 'Hauptnavigation',
  navHome: 'Start',
  navRecord: 'Berichtsheft',
  languageLabel: 'Sprache',
  signedInAs: 'Angemeldet als',
  login: 'Anmelden',
  logout: 'Abmelden',
  footer: 'Bildungsportal Musterregion · Ein Beispielportal, das das Berichtsheft einbettet.',
  homeTitle: 'Willkommen im Bildungsportal',
  homeIntro:
    'Hier führen Auszubildende ihr Berichtsheft (Ausbildungsnachweis) digital, und Ausbildende zeichnen die Wochen ab.',
  homeLoginHint: 'Melden Sie sich mit Ihrem Konto der Musterregion an.',
  homeSignedOut: 'Sie sind abgemeldet.',
  homeContinue: 'Weiter zum Berichtsheft',
  demoTitle: 'Demo-Zugänge',
  demoIntro: 'Alle Demo-Konten haben das Passwort',
  roleApprentice: 'Auszubildende/r',
  roleTrainer: 'Ausbilder/in',
  roleAdmin: 'Unternehmens- und Ausbildungsadministration',
  recordIntro:
    'Schreiben Sie Ihre Woche, speichern Sie sie und reichen Sie sie zur Abzeichnung ein.',
  queueIntro: 'Hier finden Sie die Wochen Ihrer Auszubildenden, die auf Ihre Abzeichnung warten.',
  companyLabel: 'Unternehmen',
  noMembership:
    'Für Ihr Konto ist noch kein Unternehmen im Berichtsheft eingerichtet. Bitte wenden Sie sich an Ihre Ausbildungsadministration.',
  adminHint:
    'Sie verwalten das Unternehmen. Berichte zeichnen Sie nur ab, wenn Sie als Ausbilder/in zugeordnet sind.',
  apiUnavailable:
    'Das Berichtsheft ist gerade nicht erreichbar. Bitte versuchen Sie es später erneut.',
  loginTitle: 'Anmeldung',
  loginIntro: 'Melden Sie sich beim Anmeldedienst der Musterregion an, um fortzufahren zu',
  loginUser: 'Benutzername',
  loginPassword: 'Passwort',
  loginSubmit: 'Anmelden',
  loginCancel: 'Abbrechen',
  loginFailed: 'Benutzername oder Passwort ist falsch.',
  logoutTitle: 'Abmeldung',
  logoutText: 'Sie werden auch beim Anmeldedienst der Musterregion abgemeldet.',
  logoutContinue: 'Abmeldung abschließen',
  errorTitle: 'Das hat nicht geklappt',
  errorText: 'Die Anmeldung konnte nicht abgeschlossen werden.',
  errorBack: 'Zur Startseite',
  notFound: 'Diese Seite gibt es nicht.',
};

export type Text = typeof de;

const en: Text = {
  portalName: 'Bildungsportal Musterregion',
  portalTagline: 'Vocational training in the Musterregion – all in one place',
  skipToContent: 'Skip to content',
  navLabel: 'Main navigation',
  navHome: 'Home',
  navRecord: 'Training record',
  languageLabel: 'Language',
  signedInAs: 'Signed in as',
  login: 'Sign in',
  logout: 'Sign out',
  footer: 'Bildungsportal Musterregion · An example portal that embeds the Berichtsheft.',
  homeTitle: 'Welcome to the education portal',
  homeIntro:
    'Apprentices keep their training record (Berichtsheft) here, and trainers sign off their weeks.',
  homeLoginHint: 'Sign in with your Musterregion account.',
  homeSignedOut: 'You are signed out.',
  homeContinue: 'Go to the training record',
  demoTitle: 'Demo accounts',
  demoIntro: 'Every demo account has the password',
  roleApprentice: 'Apprentice',
  roleTrainer: 'Trainer',
  roleAdmin: 'Company and training administration',
  recordIntro: 'Write your week, save it and submit it for sign-off.',
  queueIntro: 'Here you find the weeks of your apprentices that are waiting for your sign-off.',
  companyLabel: 'Company',
  noMembership:
    'No company has been set up for your account in the training record yet. Please contact your training administration.',
  adminHint:
    'You administer the company. You sign off reports only where you are assigned as a trainer.',
  apiUnavailable: 'The training record cannot be reached right now. Please try again later.',
  loginTitle: 'Sign in',
  loginIntro: 'Sign in with the Musterregion login service to continue to',
  loginUser: 'User name',
  loginPassword: 'Password',
  loginSubmit: 'Sign in',
  loginCancel: 'Cancel',
  loginFailed: 'User name or password is wrong.',
  logoutTitle: 'Signing out',
  logoutText: 'You are also being signed out of the Musterregion login service.',
  logoutContinue: 'Finish signing out',
  errorTitle: 'That did not work',
  errorText: 'The sign-in could not be completed.',
  errorBack: 'Back to the home page',
  notFound: 'This page does not exist.',
};

const TEXTS: Record<Lang, Text> = { de, en };

export function textFor(lang: Lang): Text {
  return TEXTS[lang];
}
