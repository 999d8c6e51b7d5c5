/** The worker that reads plans (text, Word, CSV, Excel) so a slow or hostile file never freezes the window. */
import { answerPlanRequest } from '../../../shared/import/plan-job';

self.onmessage = async (event: MessageEvent<unknown>) => {
  self.postMessage(await answerPlanRequest(event.data));
};
