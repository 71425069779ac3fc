import type { Log } from 'sarif';
import { RuleSet } from '../../lib/checks/engine';
import { RdsStorageEncrypted } from '../../lib/checks/rules/3.4-encryption-at-rest/rds-storage-encrypted';
import { appFrame, creationLocations } from '../../lib/loading/creation-locations';
import { loadPaths } from '../../lib/loading/load-paths';
import { checkTemplates } from '../../lib/reports/check-report';
import { checkSarif } from '../../lib/reports/check-sarif';
import { formatCheckText } from '../../lib/reports/check-text';

const ASSEMBLY = 'test/fixtures/assemblies/creation-traces';

describe('the app frame of a creation trace', () => {
  test.each<[string, readonly unknown[], object | undefined]>([
    ['a named frame', ['new Stack (/app/lib/stack.ts:12:7)'], { file: '/app/lib/stack.ts', line: 12, column: 7 }],
    ['a bare frame', ['/app/bin/app.ts:5:1'], { file: '/app/bin/app.ts', line: 5, column: 1 }],
    ['a file URL (ES modules)', ['<anonymous> (file:///app/bin/app.ts:5:1)'], { file: '/app/bin/app.ts', line: 5, column: 1 }],
    ['after elisions and package frames', ['...aws-cdk-lib...', 'x (/app/node_modules/dpp-baseline/dist/a.js:1:1)', 'y (node:internal/main:3:1)', 'new Api (/app/lib/api.ts:40:3)'], { file: '/app/lib/api.ts', line: 40, column: 3 }],
    ['no app code at all', ['...aws-cdk-lib...', '(no user code in 10 frames, use --stack-trace-limit to capture more)'], undefined],
    ['junk', [3, null, 'not a frame'], undefined],
  ])('%s', (_, trace, expected) => {
    expect(appFrame(trace)).toEqual(expected);
  });
});

describe('creation locations of a stack artifact', () => {
  test('a resource gets its own app frame, else its nearest ancestor construct\'s, else none', () => {
    const metadata: unknown = require(`../../${ASSEMBLY}/Shop.metadata.json`);
    const located = creationLocations(metadata);
    expect(Object.fromEntries(located.resources)).toEqual({
      Orders: { file: '/repo/lib/shop-stack.ts', line: 14, column: 20 },
      Legacy: { file: '/repo/lib/legacy.ts', line: 30, column: 7 },
      // A package's frames only: the stack's own trace is the nearest ancestor.
      Generated: { file: '/repo/lib/shop-stack.ts', line: 9, column: 5 },
    });
    expect(located.stack).toEqual({ file: '/repo/lib/shop-stack.ts', line: 9, column: 5 });
  });

  test.each([undefined, null, 'x', { '/S': 'not a list' }, { '/S': [null, { type: 'aws:cdk:creationStack', data: 'not a list' }] }])('metadata of the wrong shape (%p) gives no locations, never a crash', (metadata) => {
    expect(creationLocations(metadata).resources.size).toBe(0);
  });

  test('SARIF puts a finding at the app\'s source line first, the template line as a related location', () => {
    const report = checkTemplates(loadPaths([ASSEMBLY]), new RuleSet([RdsStorageEncrypted]));
    const log = checkSarif(report, '0') as Log;
    const orders = log.runs[0].results!.find((r) => r.locations![0].logicalLocations![0].name === 'Orders')!;
    expect(orders.locations![0].physicalLocation).toEqual({ artifactLocation: { uri: 'file:///repo/lib/shop-stack.ts' }, region: { startLine: 14, startColumn: 20 } });
    expect(orders.relatedLocations![0].physicalLocation).toEqual({ artifactLocation: { uri: `${ASSEMBLY}/Shop.template.json` }, region: { startLine: 3 } });
  });

  test('the text report names the source line next to the template line', () => {
    const report = checkTemplates(loadPaths([ASSEMBLY]), new RuleSet([RdsStorageEncrypted]));
    expect(formatCheckText(report, { colour: false, failOn: 'error' })).toContain('Orders (AWS::RDS::DBInstance), line 3, created at /repo/lib/shop-stack.ts:14\n');
  });
});
