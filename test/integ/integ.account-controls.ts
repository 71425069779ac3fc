#!/usr/bin/env node
import { buildAccountControlsIntegApp } from './account-controls-integ';
import { synthIntegApp } from './baseline-integ';

// The organization's account controls as one StackSet instance (`npm run integ -- --case account-controls`).
synthIntegApp(buildAccountControlsIntegApp);
