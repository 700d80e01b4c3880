/**
 * Two apps on one bundle: the debtor portal (`/portal`, reached by the link in a reminder) and
 * the collectors' console (`/console`). The token arrives in the link's fragment (never sent to
 * a server log) and is kept for the browser session only.
 */
import { LocationProvider, Route, Router } from 'preact-iso';
import { ConsoleApp } from './console/console-app';
import { AuthCallback } from './console/auth-callback';
import { I18nProvider } from './i18n/i18n';
import { PortalApp } from './portal/portal-app';
import { takeTokenFromLink } from './api/session';

takeTokenFromLink();

function Home() {
  return (
    <main class="page narrow">
      <h1>Recoup</h1>
      <p>
        <a href="/portal">Debtor portal</a> · <a href="/console">Collectors’ console</a>
      </p>
    </main>
  );
}

export function App() {
  return (
    <I18nProvider>
      <LocationProvider>
        <Router>
          <Route path="/portal/*" component={PortalApp} />
          <Route path="/portal" component={PortalApp} />
          <Route path="/console/*" component={ConsoleApp} />
          <Route path="/console" component={ConsoleApp} />
          <Route path="/auth/callback" component={AuthCallback} />
          <Route default component={Home} />
        </Router>
      </LocationProvider>
    </I18nProvider>
  );
}
