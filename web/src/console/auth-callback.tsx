import { useEffect, useState } from 'preact/hooks';
import { completeConsoleSignIn } from '../api/session';
import { useI18n } from '../i18n/i18n';

/** Where the hosted sign-in page sends staff back: the code becomes the session, then the console. */
export function AuthCallback() {
  const { t } = useI18n();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    void completeConsoleSignIn().then((signedIn) => {
      if (signedIn) location.replace('/console');
      else setFailed(true);
    });
  }, []);
  return (
    <main class="page narrow">
      {failed ? (
        <p role="alert">
          {t('console.signInFailed')} <a href="/console">{t('console.signIn')}</a>
        </p>
      ) : (
        <p aria-busy="true">{t('common.loading')}</p>
      )}
    </main>
  );
}
