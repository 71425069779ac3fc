#!/usr/bin/env node
import { main } from '../lib/cli/main';

// The `dpp` command line: parse, call lib/, print. Exit codes: 0 ok, 1 findings, 2 bad input.

// The pinned AWS SDK supports Node 20; its notice about releases from 2027 would break the
// one-line error contract of `dpp audit` (see README "Versions").
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`dpp: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    process.exitCode = 2;
  },
);
