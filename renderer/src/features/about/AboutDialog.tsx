import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../../shared/ipc/contract';
import { DATA_CREDITS } from '../../../../shared/reference/credits';
import { Modal } from '../../components/Modal';
import { call } from '../../platform/api';
import { ACCESSIBILITY_STATEMENT } from './accessibility-statement';

export function AboutDialog(props: { onClose: () => void }) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    void call('getAppInfo', {}).then((r) => r.ok && setInfo(r.value));
  }, []);

  return (
    <Modal title="About Alignment Workbench" onClose={props.onClose} wide>
      <p>
        {info ? `Version ${info.version}. ` : ''}An offline workbench for library services to show how they deliver their
        council’s strategic objectives. It makes no network connections and sends no data anywhere.
      </p>
      {info && (
        <>
          <h3>Where your files are kept</h3>
          <dl className="facts">
            <dt>Workbooks</dt>
            <dd>Wherever you save them. When you save over a workbook, the previous version is kept beside it as “name.backup.awbook”.</dd>
            <dt>Recovery copies of unsaved work</dt>
            <dd>{info.recoveryFolder}</dd>
            <dt>Preferences and recent workbooks</dt>
            <dd>{info.settingsFile}</dd>
            <dt>Logs</dt>
            <dd>
              {info.logsFolder}{' '}
              <button type="button" className="link-button" onClick={() => void call('openLogsFolder', {})}>
                Open logs folder
              </button>
            </dd>
          </dl>
        </>
      )}
      <section aria-labelledby="accessibility-statement">
        <h3 id="accessibility-statement">Accessibility statement</h3>
        {ACCESSIBILITY_STATEMENT.map((section) => (
          <div key={section.heading}>
            <h4>{section.heading}</h4>
            {section.paragraphs.map((p) => (
              <p key={p}>{p}</p>
            ))}
            {section.list && (
              <ul>
                {section.list.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </section>
      <h3>Data sources</h3>
      <ul>
        {DATA_CREDITS.map((c) => (
          <li key={c.what}>
            <strong>{c.what}</strong>: {c.source}.{' '}
            <button type="button" className="link-button" onClick={() => void call('openExternal', { url: c.url })}>
              {c.url}
              <span className="visually-hidden"> (opens in your browser)</span>
            </button>{' '}
            {c.licence}.
          </li>
        ))}
      </ul>
    </Modal>
  );
}
