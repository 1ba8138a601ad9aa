import { escapeAttr } from './svg-path-context';

/** What an exported plot shows besides its data: title, legend and the page's colours. */
export interface PlotImageParts {
  title: string;
  width: number;
  height: number;
  /** The plot's own SVG layers under the data (grid) and over it (axes, reference lines); hover marks are left out. */
  below: readonly SVGSVGElement[];
  above: readonly SVGSVGElement[];
  /** The data lines as SVG markup (the renderer's linesSvg), or an <image> of a raster such as a heatmap. */
  data: string;
  legend: readonly { label: string; color: string; dash?: readonly number[] | string }[];
  /** Text and background colours of the page as shown (the theme is kept). */
  color: string;
  background: string;
  /** A line under the legend: where the figure comes from (app, version, link). */
  caption?: string;
}

const TITLE_H = 22;
const LEGEND_ROW = 16;
const text = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Legend entries laid out left to right, wrapping at the plot's width. */
function legendRows(parts: PlotImageParts): { svg: string; height: number } {
  let x = 8;
  let row = 0;
  const items: string[] = [];
  for (const e of parts.legend) {
    const w = 30 + 6.2 * e.label.length;
    if (x + w > parts.width && x > 8) {
      x = 8;
      row++;
    }
    const y = row * LEGEND_ROW + 8;
    const pattern = typeof e.dash === 'string' ? e.dash : e.dash?.join(' ');
    const dash = pattern ? ` stroke-dasharray="${pattern}"` : '';
    items.push(
      `<line x1="${x}" y1="${y}" x2="${x + 20}" y2="${y}" stroke="${escapeAttr(e.color)}" stroke-width="2"${dash}/><text x="${x + 24}" y="${y + 4}">${text(e.label)}</text>`,
    );
    x += w;
  }
  return { svg: items.join(''), height: parts.legend.length ? (row + 1) * LEGEND_ROW + 4 : 0 };
}

/** A standalone SVG document of a plot: title, the plot (axes, data, reference lines), legend and caption. */
export function plotSvgDocument(parts: PlotImageParts): string {
  const legend = legendRows(parts);
  // The caption (with its link) wraps at the image's width: every character of the link stays in the picture.
  const perLine = Math.max(20, Math.floor((parts.width - 16) / 5.1));
  const captionLines = parts.caption ? (parts.caption.match(new RegExp(`.{1,${perLine}}`, 'g')) ?? []) : [];
  const captionH = captionLines.length ? 6 + 11 * captionLines.length : 0;
  const H = TITLE_H + parts.height + legend.height + captionH;
  const markup = (svgs: readonly SVGSVGElement[]) =>
    svgs
      .map((svg) => {
        const copy = svg.cloneNode(true) as SVGSVGElement;
        copy.querySelectorAll('[data-hover]').forEach((n) => n.remove());
        return copy.innerHTML;
      })
      .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${parts.width}" height="${H}" viewBox="0 0 ${parts.width} ${H}" font-family="system-ui, sans-serif" font-size="10" color="${escapeAttr(parts.color)}" fill="${escapeAttr(parts.color)}">`,
    `<rect width="100%" height="100%" fill="${escapeAttr(parts.background)}"/>`,
    `<text x="8" y="15" font-size="13" font-weight="600">${text(parts.title)}</text>`,
    `<g transform="translate(0 ${TITLE_H})">${markup(parts.below)}${parts.data}${markup(parts.above)}</g>`,
    `<g transform="translate(0 ${TITLE_H + parts.height})">${legend.svg}</g>`,
    ...captionLines.map((line, i) => `<text x="8" y="${H - captionH + 14 + 11 * i}" font-size="9" opacity="0.7">${text(line)}</text>`),
    '</svg>',
  ].join('');
}

/** The SVG document rasterised at `scale` x its CSS size, as a PNG blob (in the browser). */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser cannot draw a PNG (no 2D canvas)');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be encoded'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Width and height of an SVG document made by plotSvgDocument. */
export function svgSize(svg: string): { width: number; height: number } {
  const m = /width="([\d.]+)" height="([\d.]+)"/.exec(svg);
  return { width: Number(m?.[1] ?? 0), height: Number(m?.[2] ?? 0) };
}

/** The colour behind an element: the first ancestor with a non-transparent background (the page's, in either theme). */
export function pageBackground(el: Element): string {
  for (let n: Element | null = el; n; n = n.parentElement) {
    const bg = getComputedStyle(n).backgroundColor;
    if (bg && bg !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(bg)) return bg;
  }
  return '#ffffff';
}
