import { useCompareChoice, useExtrapCompare, useExtrapRun, useExtrapThird } from './store';

/**
 * The three arms' runs on screen and the choices the second and third ran with (not the ones edited since): what the
 * run page shows and what its export writes.
 */
export function useArmsOnScreen() {
  const main = useExtrapRun((s) => s.run);
  const second = useExtrapCompare((s) => s.run);
  const third = useExtrapThird((s) => s.run);
  const ran = useCompareChoice((s) => s.ran);
  const ran2 = useCompareChoice((s) => s.ran2);
  return { main, second, third, ran, ran2 };
}
