import type { TemplateQuestion } from '../../../../shared/ipc/documents-contract';
import type { Draft } from '../../../../shared/model/workbook-schema';
import { answerOf, groupQuestions } from './answers';
import { answerQuestion } from './commands';
import { QuestionField } from './QuestionField';

/** The template's questions that apply, under their group headings, each answered into the draft as typed. */
export function QuestionsPanel(props: {
  draft: Draft;
  questions: readonly TemplateQuestion[];
  errorFor: (question: TemplateQuestion, value: string) => string | null;
}) {
  const { draft } = props;
  return (
    <section className="panel" aria-labelledby="questions-heading">
      <h2 id="questions-heading">Questions</h2>
      {props.questions.length === 0 ? (
        <p>This template asks no questions: everything comes from the workbook.</p>
      ) : (
        groupQuestions(props.questions).map((g) => (
          <div key={g.group || '(none)'} className="question-group">
            {g.group && <h3>{g.group}</h3>}
            {g.questions.map((q) => {
              const value = answerOf(draft, q.id);
              return (
                <QuestionField key={q.id} question={q} value={value} error={props.errorFor(q, value)} onChange={(v) => answerQuestion(draft, q, v)} />
              );
            })}
          </div>
        ))
      )}
    </section>
  );
}
