import { name as appName, version as appVersion } from '../../package.json';
import { shareUrl } from '../experiment/link';
import { labIds, type LabId } from '../experiment/schema';
import { labSpecNow } from '../state/experiment-store';
import { labInHash } from '../state/route';

/**
 * Where an exported figure comes from: the app and its version, and the link that reopens the open lab's
 * experiment (the one on screen; an edited experiment marks its plots out of date before they are exported).
 */
export function figureCaption(): string {
  const lab = labInHash(window.location.hash);
  const app = `${appName} ${appVersion}`;
  if (!lab || !labIds().includes(lab as LabId)) return app;
  return `${app} · ${shareUrl(labSpecNow(lab as LabId), window.location)}`;
}
