import { Tex } from '../../ui/Tex';

/** What the Theorem-1 page shows, for a reader who has not read paper 000. */
export function Thm1Narration() {
  return (
    <div className="text-sm leading-relaxed text-slate-700 dark:text-slate-300 space-y-2">
      <p>
        A diagonal state space model <Tex>{'h_k = C A^k B = \\sum_j a_j^k'}</Tex> (with <Tex>{'B = C = \\mathbf 1'}</Tex>) learns from a teacher with <Tex>{'h^*_k = 1'}</Tex> for{' '}
        <Tex>{'k \\ge 1'}</Tex>. Started near zero, gradient flow on the single sequence <Tex>{'e_1'}</Tex> is greedy: one entry races to 1, the others stay tiny, and the model
        extrapolates to long sequences.
      </p>
      <p>
        Adding one more sequence, <Tex>{'e_{\\kappa-1}'}</Tex>, labelled by the same teacher, adds the same term to every entry's ODE. The entries now move together, escape the
        saddle <Tex>{'a = (s, \\dots, s)'}</Tex> (all entries equal) only slowly, and several end large: training loss still reaches zero, but the error beyond the training length
        grows (Theorem 1, paper 000).
      </p>
      <p className="text-xs text-slate-500">
        Both arms start from the same initialisation and are integrated as exact ODEs (adaptive DOPRI5, switching to the stiff RODAS4 near the saddle), stopping when the loss falls
        below <Tex>{'10^{-14}'}</Tex>.
      </p>
    </div>
  );
}
