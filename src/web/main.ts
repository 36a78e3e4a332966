/**
 * Entry point of the isacnet explorer (built by vite from src/web/index.html).
 */
import { App } from './app.ts';
import { NetworkView } from './views/networkView.ts';

const app = new App((a) => [new NetworkView((seed) => a.setSetting('seed', seed))]);
(window as unknown as { isacnetApp: App }).isacnetApp = app;
