#!/usr/bin/env node
import { buildIntegApp, synthIntegApp } from './baseline-integ';

// The integration test app of a test environment (`npm run integ` deploys it).
synthIntegApp(buildIntegApp);
