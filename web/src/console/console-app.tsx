/**
 * The collectors' console: today's worklist, a debtor's whole story on one page (with the
 * compliance check before a call), and the dashboard of the AR figures.
 */
import { Route, Router, useLocation } from 'preact-iso';
import { claims, signOut, startConsoleSignIn } from '../api/session';
import { LanguageSwitch, useI18n } from '../i18n/i18n';
import { Dashboard } from './dashboard';
import { DebtorStory } from './debtor-story';
import { Worklist } from './worklist';
import { PolicyEditor } from './policy-editor';
import { Imports } from './imports';

const STAFF = ['admin', 'manager', 'collector', 'accountant', 'auditor'];

export function ConsoleApp() {
  const { t } = useI18n();
  const { url } = useLocation();
  const session = claims();
  const staff = session?.roles.some((role) => STAFF.includes(role)) ?? false;
  return (
    <>
      <a class="skip" href="#main">
        {t('common.skip')}
      </a>
      <header class="topbar">
        <strong>Recoup · {t('console.title')}</strong>
        <nav aria-label={t('console.title')}>
          <a href="/console" aria-current={url === '/console' ? 'page' : undefined}>
            {t('console.worklist')}
          </a>
          <a href="/console/dashboard" aria-current={url === '/console/dashboard' ? 'page' : undefined}>
            {t('console.dashboard')}
          </a>
          <a href="/console/policies" aria-current={url === '/console/policies' ? 'page' : undefined}>
            {t('console.policies')}
          </a>
          <a href="/console/imports" aria-current={url === '/console/imports' ? 'page' : undefined}>
            {t('console.imports')}
          </a>
        </nav>
        <span class="muted">{session?.sub}</span>
        <LanguageSwitch />
        {session ? (
          <button
            type="button"
            class="link"
            aria-label="Sign out"
            onClick={() => {
              signOut();
              location.assign('/console');
            }}
          >
            ⎋
          </button>
        ) : null}
      </header>
      <main id="main" class="page">
        {!staff ? (
          <>
            <p role="alert">{t('console.signedOut')}</p>
            <button type="button" onClick={() => void startConsoleSignIn()}>
              {t('console.signIn')}
            </button>
          </>
        ) : (
          <Router>
            <Route path="/" component={Worklist} />
            <Route path="/dashboard" component={Dashboard} />
            <Route path="/policies" component={PolicyEditor} />
            <Route path="/imports" component={Imports} />
            <Route path="/debtors/:id" component={DebtorStory} />
          </Router>
        )}
      </main>
    </>
  );
}
