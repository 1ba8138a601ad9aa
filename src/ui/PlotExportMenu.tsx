import { useState } from 'react';
import { svgSize, svgToPng } from '../plots/plot-image';
import { Button } from './Button';
import { downloadBlob, downloadText } from './download';

/**
 * A plot's "Save as PNG / SVG": `svg` builds the standalone figure (title, axes, data, legend, caption) when asked;
 * the PNG is that figure rasterised at twice its size.
 */
export function PlotExportMenu({ name, svg }: { name: string; svg: () => string }) {
  const [error, setError] = useState<string | null>(null);
  const png = async () => {
    try {
      const doc = svg();
      const { width, height } = svgSize(doc);
      downloadBlob(`${name}.png`, await svgToPng(doc, width, height, 2));
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <details className="relative text-[11px]" data-testid={`export-${name}`}>
      <summary className="cursor-pointer list-none rounded px-1.5 py-0.5 hover:bg-slate-100 dark:hover:bg-slate-800" title="Save this plot as an image">
        Save ▾
      </summary>
      <div className="absolute right-0 z-20 mt-1 flex flex-col gap-1 rounded border border-slate-200 bg-white p-1 shadow dark:border-slate-700 dark:bg-slate-900">
        <Button variant="subtle" size="sm" testId={`export-${name}-png`} onClick={() => void png()}>
          PNG (2×)
        </Button>
        <Button variant="subtle" size="sm" testId={`export-${name}-svg`} onClick={() => downloadText(`${name}.svg`, svg(), 'image/svg+xml')}>
          SVG
        </Button>
        {error && (
          <span role="alert" className="max-w-48 text-red-700 dark:text-red-300">
            {error}
          </span>
        )}
      </div>
    </details>
  );
}
