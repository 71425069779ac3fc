/**
 * One measured synthesis, in its own process so each run starts cold and its peak memory is its
 * own. Prints one JSON line: { variant, units, ms, maxRssMb, failed }.
 * Usage: tsx bench/synth-once.ts <bare|dpp|awssolutions> <units> <outdir>
 */
import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { DppChecks } from '../lib/checks/nag-pack';
import { workloadApp } from './workload';

const [variant, unitsText, outdir] = process.argv.slice(2);
const units = Number(unitsText);
const started = performance.now();
const app = workloadApp(units, outdir);
if (variant === 'dpp') Validations.of(app).addPlugins(new DppChecks(app));
else if (variant === 'awssolutions') Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
else if (variant !== 'bare') throw new Error(`unknown variant ${variant}`);
let failed = false;
try {
  app.synth();
} catch {
  // A pack that finds errors throws after validating: the time spent is still the measurement.
  failed = true;
}
const ms = performance.now() - started;
console.log(JSON.stringify({ variant, units, ms, maxRssMb: process.resourceUsage().maxRSS / 1024, failed }));
