/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { findKkt } from './ncf-core';

// The KKT search can take seconds on ReLU nets: it runs here, never on the page's thread.
Comlink.expose({ findKkt });
