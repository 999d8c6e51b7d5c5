/** The facts a document prints and the scope they are computed in (see facts.ts and scope.ts). */
export { computeFacts, contributionVerb, wholeServiceFacts, scopeSubject, type Contribution, type DocumentFacts, type FactsInput, type Figure, type ObjectiveFacts, type ServiceFacts, type ThemeFacts } from './facts';
export { attachmentScope, defaultScope, resolveScope, scopeServiceIds, type ResolvedScope, type ScopedTemplate } from './scope';
export { objectiveTree, rollUpLinks, ROLL_UP_RULE, type ObjectiveTree, type RolledLink } from './roll-up';
export { contributionSegments, contributionText, NAMES_IN_A_SENTENCE, type Segment } from './wording';
