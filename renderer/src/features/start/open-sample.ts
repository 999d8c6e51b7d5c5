/**
 * Opens the shipped sample workbook as a new, never-saved workbook: the officer explores a finished example and
 * Save asks where to keep their own copy. The sample is loaded on demand so it does not weigh on start-up.
 */
import { releaseCurrent, settleUnsavedChanges } from '../../state/document-commands';
import { showError, showStatus, useUiStore } from '../../state/ui-store';
import { useWorkbookStore } from '../../state/workbook-store';
import { focusSoon } from '../../components/focus';

export async function openSampleWorkbook(): Promise<void> {
  if (!(await settleUnsavedChanges('open the sample workbook'))) return;
  const { sampleAsNewWorkbook } = await import('../../../../shared/samples/sample-workbook');
  const sample = sampleAsNewWorkbook();
  if (!sample.ok) {
    showError(sample.error);
    return;
  }
  await releaseCurrent();
  useWorkbookStore.getState().load(sample.value, null);
  useUiStore.getState().setStep('authority');
  // The Start screen and its button are gone: focus the first step's heading.
  focusSoon(() => document.querySelector('main h1'));
  showStatus(
    'Opened the sample workbook for Northshire, a fictional county council. Look around each step; to keep a copy, use Save and choose where.',
  );
}
