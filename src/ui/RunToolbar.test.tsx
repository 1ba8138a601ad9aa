// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { onControl } from './RunToolbar';

describe('run shortcuts (Space, .) act only when focus is on no control', () => {
  it('ignores keys on buttons, fields, links, sliders and focusable plot points; takes them on the page itself', () => {
    document.body.innerHTML = `
      <button id="b">Share</button><input id="i"><a id="a" href="#x">link</a>
      <div role="slider" id="s" tabindex="0"></div>
      <svg><g id="atom" tabindex="0"><circle id="c" r="3"></circle></g></svg>
      <div id="plain"><span id="text">text</span></div>`;
    for (const id of ['b', 'i', 'a', 's', 'atom', 'c']) expect(onControl(document.getElementById(id))).toBe(true);
    for (const el of [document.body, document.getElementById('plain'), document.getElementById('text'), null]) expect(onControl(el)).toBe(false);
  });
});
