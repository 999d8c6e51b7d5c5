import { useCallback, useEffect, useState } from 'react';
import type { TemplateListing } from '../../../../shared/ipc/documents-contract';
import type { ProtectiveMarking } from '../../../../shared/model/vocabulary';
import type { AppError } from '../../../../shared/result';
import { call } from '../../platform/api';
import { showError, showStatus } from '../../state/ui-store';

/**
 * The templates the step offers (built-in and from the officer's folders), adding and removing those folders, and
 * the officer's usual protective marking for new drafts.
 */
export function useTemplateListing() {
  const [listing, setListing] = useState<TemplateListing | null>(null);
  const [listingError, setListingError] = useState<AppError | null>(null);
  const [defaultMarking, setDefaultMarking] = useState<ProtectiveMarking>('OFFICIAL');

  useEffect(() => {
    void call('listTemplates', {}).then((r) => (r.ok ? setListing(r.value) : setListingError(r.error)));
    void call('getPreferences', {}).then((r) => r.ok && setDefaultMarking(r.value.defaultProtectiveMarking));
  }, []);

  const addFolder = useCallback(async () => {
    const r = await call('addTemplateFolder', {});
    if (!r.ok) return showError(r.error);
    if (r.value.status === 'cancelled') return;
    const { listing: next } = r.value;
    setListing(next);
    showStatus(
      next.problems.length > 0
        ? `Template folder added. ${next.problems.length === 1 ? 'One template has a problem' : `${next.problems.length} templates have problems`}: see the list under Template.`
        : 'Template folder added.',
    );
  }, []);

  const removeFolder = useCallback(async (folder: string) => {
    const r = await call('removeTemplateFolder', { folder });
    if (!r.ok) return showError(r.error);
    setListing(r.value);
    showStatus('Template folder removed. Its templates are no longer listed; the files themselves are untouched.');
  }, []);

  return { listing, listingError, defaultMarking, addFolder, removeFolder };
}
