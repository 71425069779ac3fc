#!/usr/bin/env node
import { main } from '../lib/cli/main';

// The `dpp` command line: parse, call lib/, print. Exit codes: 0 ok, 1 findings, 2 bad input.
main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`dpp: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    process.exitCode = 2;
  },
);
