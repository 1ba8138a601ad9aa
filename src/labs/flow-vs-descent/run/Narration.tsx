import { memo, useState } from 'react';
import { Tex } from '../../../ui/Tex';

/** What the Run page shows, in a lecturer's words (docs/labs/flow-vs-descent.md Secs. 1, 4). */
export const RunNarration = memo(function RunNarration() {
  const [open] = useState(() => typeof window === 'undefined' || !window.matchMedia || window.matchMedia('(min-width: 1024px)').matches);
  return (
    <details open={open} className="rounded border border-slate-200 p-2 text-sm text-slate-700 dark:border-slate-800 dark:text-slate-300" data-testid="fd-narration">
      <summary className="cursor-pointer text-xs font-semibold text-slate-600 dark:text-slate-400">Gradient descent is Euler's method</summary>
      <div className="mt-1 flex flex-col gap-2">
        <p>
          Gradient flow is the ODE <Tex>{'\\dot\\theta = -\\nabla f(\\theta)'}</Tex>. Gradient descent <Tex>{'\\theta_{k+1} = \\theta_k - \\eta \\nabla f(\\theta_k)'}</Tex> is its
          explicit Euler discretisation: iterate k stands for the flow at time <Tex>{'t = k\\eta'}</Tex>. Here the flow is solved by an adaptive Dormand–Prince solver to about 10
          digits, and every GD run is compared with it at equal t.
        </p>
        <p>
          <b>The error.</b> To first order, <Tex>{'\\theta_{t/\\eta} - \\theta(t) = \\eta E(t)'}</Tex> with{' '}
          <Tex>{'\\dot E = -H(\\theta(t))\\,\\bigl(E + \\tfrac12 \\nabla f(\\theta(t))\\bigr)'}</Tex>, <Tex>{'E(0) = 0'}</Tex>. The plot of D/η against ‖E(t)‖ shows it.
        </p>
        <p>
          <b>Why negative curvature matters.</b> Along a direction where the Hessian has eigenvalue <Tex>{'-a < 0'}</Tex>, the equation for E grows like <Tex>{'e^{a t}'}</Tex>:
          every small error is amplified. Positive curvature damps it. So what decides whether GD tracks the flow is how much negative curvature the flow meets,{' '}
          <Tex>{'I_m(t) = \\int_0^t \\max(0, -\\lambda_{\\min})\\,ds'}</Tex>. For deep nets started near zero it stays small and levels off: ordinary step sizes track the flow.
        </p>
        <p>
          <b>Why 2/η caps sharpness.</b> Near a minimum with Hessian eigenvalue λ, GD multiplies the error along that direction by <Tex>{'1 - \\eta\\lambda'}</Tex> per step. When{' '}
          <Tex>{'\\lambda > 2/\\eta'}</Tex> that factor is below −1: GD cannot stay there. It converges only to minima with <Tex>{'\\lambda_{\\max} \\le 2/\\eta'}</Tex>, or settles
          on an orbit (period 2 on the step-size sweep).
        </p>
      </div>
    </details>
  );
});
