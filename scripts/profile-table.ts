// Prints the README's table of every threshold per policy profile (README "Policy profiles").
import { profileTableMarkdown } from '../lib/policy/table';

process.stdout.write(profileTableMarkdown());
