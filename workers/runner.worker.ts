/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { RunnerCore } from './runner-core';

// Each worker runs one experiment arm; the page talks to it through comlink.
Comlink.expose(new RunnerCore((value, buffers) => Comlink.transfer(value, buffers)));
