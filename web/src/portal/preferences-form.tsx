import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { ContactPreferences } from '../api/types';
import { FormStatus } from '../components/form-status';
import { useSubmit } from '../components/use-submit';
import { useI18n } from '../i18n/i18n';

const CHANNELS = ['email', 'sms', 'call'] as const;

/** Opting out of a channel: the compliance gate honours it from the next contact on. */
export function PreferencesForm({
  debtorId,
  preferences,
  onDone,
}: {
  debtorId: string;
  preferences: ContactPreferences;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [optOut, setOptOut] = useState({ ...preferences.optOut });
  const send = useSubmit(async () => {
    await api.put(`/v1/debtors/${debtorId}/contact-preferences`, { optOut }, preferences.version);
    onDone();
  });
  return (
    <section aria-labelledby="preferences">
      <h2 id="preferences">{t('portal.preferences')}</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void send.submit();
        }}
      >
        <fieldset>
          <legend class="visually-hidden">{t('portal.preferences')}</legend>
          {CHANNELS.map((channel) => (
            <label key={channel} class="check">
              <input
                type="checkbox"
                name={`optOut.${channel}`}
                checked={optOut[channel] ?? false}
                onChange={(event) => setOptOut({ ...optOut, [channel]: event.currentTarget.checked })}
              />
              {t(`portal.preferences.${channel}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={send.busy}>
          {t('portal.preferences.submit')}
        </button>
        <FormStatus done={send.done} error={send.error} doneText={t('portal.preferences.done')} />
      </form>
    </section>
  );
}
