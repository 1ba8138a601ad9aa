/**
 * The part of CanvasRenderingContext2D that drawLines uses, writing SVG <path> elements instead of pixels: an
 * exported plot's lines come from the very code (and decimation) that draws them on screen, as vectors.
 */
export class SvgPathContext {
  strokeStyle = '#000';
  lineWidth = 1;
  lineJoin = 'round';
  lineCap = 'round';
  private d: string[] = [];
  private dash: number[] = [];
  private pendingRect: [number, number, number, number] | null = null;
  /** The clip rectangle (x, y, w, h) set by rect() + clip(), or null. */
  clipRect: [number, number, number, number] | null = null;
  /** One <path> per stroke(), in drawing order. */
  readonly paths: string[] = [];

  save(): void {}
  restore(): void {}
  beginPath(): void {
    this.d = [];
  }
  rect(x: number, y: number, w: number, h: number): void {
    this.pendingRect = [x, y, w, h];
  }
  clip(): void {
    this.clipRect = this.pendingRect;
  }
  moveTo(x: number, y: number): void {
    this.d.push(`M${r(x)} ${r(y)}`);
  }
  lineTo(x: number, y: number): void {
    this.d.push(`L${r(x)} ${r(y)}`);
  }
  setLineDash(dash: number[]): void {
    this.dash = dash.slice();
  }
  stroke(): void {
    if (this.d.length === 0) return;
    const dash = this.dash.length ? ` stroke-dasharray="${this.dash.join(' ')}"` : '';
    this.paths.push(
      `<path d="${this.d.join('')}" fill="none" stroke="${escapeAttr(this.strokeStyle)}" stroke-width="${this.lineWidth}" stroke-linejoin="${this.lineJoin}" stroke-linecap="${this.lineCap}"${dash}/>`,
    );
  }
}

/** Two decimals: a hundredth of a CSS pixel is below anything a viewer can see. */
const r = (v: number) => String(Math.round(v * 100) / 100);

export const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
