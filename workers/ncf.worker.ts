/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { analyse, findKkt } from './ncf-core';

// The KKT search and the NCF analysis can take seconds on big or ReLU nets: they run here, never on the page's thread.
Comlink.expose({ findKkt, analyse });
