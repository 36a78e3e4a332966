/**
 * Entry point of the isacnet explorer (built by vite from src/web/index.html).
 */
import { App } from './app.ts';
import { AnalysisClient } from './compute/analysisClient.ts';
import { BrowserPool } from './mc/browserPool.ts';
import { CommView } from './views/commView.ts';
import { NetworkView } from './views/networkView.ts';
import { SensingView } from './views/sensingView.ts';
import { TradeoffView } from './views/tradeoffView.ts';
import { LocalizeView } from './views/localizeView.ts';

const pool = new BrowserPool();
const analysis = new AnalysisClient();
const app = new App((a) => [new NetworkView((seed) => a.setSetting('seed', seed)), new SensingView(analysis, pool), new CommView(analysis, pool, (key, value) => a.setChoice(key, value)), new TradeoffView(analysis, pool), new LocalizeView(pool)]);
(window as unknown as { isacnetApp: App }).isacnetApp = app;
