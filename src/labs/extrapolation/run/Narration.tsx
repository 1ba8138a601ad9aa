import { useState } from 'react';
import { Tex } from '../../../ui/Tex';

/** What the Run page shows, in a teacher's words (docs/labs/extrapolation.md Secs. 1, 2.5). */
export function RunNarration({ gru = false }: { gru?: boolean }) {
  // open beside the plots on a wide screen; folded on a phone, where it would stand between the controls and the plots
  const [open] = useState(() => typeof window === 'undefined' || !window.matchMedia || window.matchMedia('(min-width: 1024px)').matches);
  return (
    <details open={open} className="rounded border border-slate-200 p-2 text-sm text-slate-700 dark:border-slate-800 dark:text-slate-300" data-testid="extrap-narration">
      <summary className="cursor-pointer text-xs font-semibold text-slate-600 dark:text-slate-400">Why a big student extrapolates</summary>
      <div className="mt-1 flex flex-col gap-2">
        {gru && (
          <p className="rounded bg-amber-50 p-1.5 dark:bg-amber-950/40" data-testid="extrap-narration-gru">
            <b>This run trains a GRU</b> (Sec. 4.3, the paper's Fig. 2), not a linear RNN. What follows is the theory of linear students; for GRUs the paper only reports, from
            experiments, that students trained on sequences longer than about four times the teacher's hidden size extrapolate. Its output plot is the mean response over random
            inputs, not an impulse response, which does not identify a GRU (footnote 2).
          </p>
        )}
        <p>
          The student is a linear RNN with far more states than the teacher needs. It only ever sees its response <Tex>{'h_j = CA^jB'}</Tex> for <Tex>{'j < k'}</Tex>. Many students
          fit those k numbers exactly and do anything afterwards; the question is which one gradient descent picks.
        </p>
        <p>
          <b>Moments.</b> A diagonal student has <Tex>{'h_j = \\sum_i p_i a_i^j'}</Tex> with <Tex>{'p_i = b_i c_i'}</Tex>. If every <Tex>{'p_i \\ge 0'}</Tex>, then{' '}
          <Tex>{'h_j / h_0'}</Tex> is the j-th moment <Tex>{'\\mathbb{E}[a^j]'}</Tex> of a probability measure that puts mass <Tex>{'p_i / h_0'}</Tex> on the eigenvalue{' '}
          <Tex>{'a_i'}</Tex>.
        </p>
        <p>
          <b>Balancedness</b> (<Tex>{'B = C^\\top'}</Tex>, so <Tex>{'c_i = b_i'}</Tex>) makes every mass <Tex>{'p_i = b_i^2 \\ge 0'}</Tex>: the response is a moment sequence of a
          non-negative measure, not an arbitrary signed sum. An unbalanced student can cancel positive and negative masses and fit anything.
        </p>
        <p>
          <b>Why k &gt; 2d̂.</b> A measure with at most d̂ atoms is fixed by its first <Tex>{'2\\hat d + 1'}</Tex> moments (Lemma 7). So once <Tex>{'k \\ge 2\\hat d + 1'}</Tex>, a
          balanced student that fits the window has the teacher's atoms, and its response continues the teacher's for every j. With fewer moments two different measures can agree
          (try the twins T1 and T2, equal up to <Tex>{'j = 2'}</Tex>).
        </p>
        <p>
          <b>Why a small start.</b> From scale σ the student first aligns B with <Tex>{'C^\\top'}</Tex> before it grows (Prop. 9): <Tex>{'\\beta_{BC}'}</Tex> ends of order σ, and
          gradient flow keeps a balanced student balanced. A large start keeps its imbalance, and with it the freedom not to extrapolate (Fig. 4).
        </p>
      </div>
    </details>
  );
}
