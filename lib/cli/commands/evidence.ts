import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { buildEvidencePack, readAccessReview, writeEvidenceDirectory, writeEvidenceZip, zipFiles } from '../../evidence';
import { dppRuleSet } from '../../checks/rules';
import { loadPaths } from '../../loading/load-paths';
import { checkTemplates, summarise } from '../../reports/check-report';
import { plural } from '../../reports/check-text';
import { gitCommit } from '../git-commit';
import { profileOption, selectedProfile } from '../profile-option';
import { packageRoot, packageVersion } from '../version';
import { PATHS_HELP } from './check';

interface EvidenceCommandOptions {
  readonly output: string;
  readonly accessReview?: string;
  readonly zip?: boolean;
  readonly profile?: string;
}

/**
 * Registers `dpp evidence PATH... --output DIR [--access-review FILE] [--zip] [--profile NAME|FILE]`: the evidence pack
 * for auditors. Exit codes as `dpp check` (0 no unacknowledged error, 1 errors, 2 bad input).
 */
export function registerEvidence(program: Command, state: { exitCode: number }): void {
  program
    .command('evidence')
    .description('write the evidence pack for auditors: index.html with the verdict per clause, findings (JSON, SARIF, JUnit), coverage, record of processing, acknowledgments, access review, the procedural plans filled from the app, and manifest.json with every file\'s SHA-256')
    .argument('<paths...>', PATHS_HELP)
    .requiredOption('-o, --output <dir>', 'the folder to create (or, with --zip, the .zip file); never written over, and only created once complete')
    .option('--access-review <file>', 'the JSON of `dpp audit --format json` to include (its findings count toward DPP 2.2–2.4)')
    .option('--zip', 'write the pack as one .zip file instead of a folder')
    .addOption(profileOption())
    .addHelpText('after', '\nExit codes: 0 no unacknowledged error, 1 at least one, 2 bad input (nothing is written).')
    .action((paths: string[], options: EvidenceCommandOptions) => {
      const accessReview = options.accessReview !== undefined ? readAccessReview(options.accessReview) : undefined;
      const rules = dppRuleSet(selectedProfile(options));
      const report = checkTemplates(loadPaths(paths), rules);
      const generatedAt = new Date();
      const files = buildEvidencePack({
        report,
        accessReview,
        stamp: { generatedAt: generatedAt.toISOString(), version: packageVersion(), commit: gitCommit(paths[0]) },
        readTemplate: (template) => fs.readFileSync(path.join(packageRoot(), template), 'utf8'),
      });
      if (options.zip) writeEvidenceZip(zipFiles(files, generatedAt), options.output);
      else writeEvidenceDirectory(files, options.output);
      const s = summarise(report);
      process.stdout.write(`dpp evidence: wrote ${options.output} (${plural(files.length, 'file')}): ${plural(s.templates, 'template')}, ${plural(s.errors, 'unacknowledged error')}, ${plural(s.warnings, 'warning')}, ${s.acknowledged} acknowledged\n`);
      state.exitCode = s.errors > 0 ? 1 : 0;
    });
}
