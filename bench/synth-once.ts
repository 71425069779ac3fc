/**
 * One measured synthesis, in its own process so each run starts cold and its peak memory is its
 * own. Prints one JSON line: { variant, units, ms, checkMs, maxRssMb, failed } — checkMs is the
 * time spent inside the pack's validate(), the checking alone.
 * Usage: tsx bench/synth-once.ts <bare|dpp|awssolutions> <units> <outdir>
 */
import { Validations, type IPolicyValidationContext, type IPolicyValidationPlugin } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { DppChecks } from '../lib/checks/nag-pack';
import { workloadApp } from './workload';

const [variant, unitsText, outdir] = process.argv.slice(2);
const units = Number(unitsText);
const started = performance.now();
const app = workloadApp(units, outdir);
let checkMs = 0;

/** Registers a pack, timing its validate(): the checking itself, apart from the synth around it. */
function timed(pack: IPolicyValidationPlugin): void {
  const validate = pack.validate.bind(pack);
  pack.validate = (context: IPolicyValidationContext) => {
    const start = performance.now();
    try {
      return validate(context);
    } finally {
      checkMs += performance.now() - start;
    }
  };
  Validations.of(app).addPlugins(pack);
}

if (variant === 'dpp') timed(new DppChecks(app));
else if (variant === 'awssolutions') timed(new AwsSolutionsChecks(app));
else if (variant !== 'bare') throw new Error(`unknown variant ${variant}`);
let failed = false;
try {
  app.synth();
} catch {
  // A pack that finds errors throws after validating: the time spent is still the measurement.
  failed = true;
}
const ms = performance.now() - started;
console.log(JSON.stringify({ variant, units, ms, checkMs, maxRssMb: process.resourceUsage().maxRSS / 1024, failed }));
