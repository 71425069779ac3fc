import { App, Stack } from 'aws-cdk-lib';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { Construct } from 'constructs';
import { recordCreationTrace } from '../../../constructs/common/creation-trace';
import { appFrame } from '../../../lib/loading/creation-locations';
import { network, newStack } from '../fixtures';

const traceOf = (c: Construct) => c.node.metadata.find((m) => m.type === 'aws:cdk:creationStack')?.data as string[] | undefined;

class Widget extends Construct {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    recordCreationTrace(this, new.target);
  }
}
class FancyWidget extends Widget {}

describe('recordCreationTrace', () => {
  test('a construct of the library records the line that created it, as CDK records creation traces', () => {
    const { stack } = newStack();
    const { network: vpc } = network(stack);
    expect(appFrame(traceOf(vpc)!)).toMatchObject({ file: expect.stringMatching(/test[/\\]constructs[/\\]fixtures\.ts$/), line: 24 });
  });

  test('the frame is the caller of the outermost constructor, subclasses included', () => {
    const stack = new Stack(new App(), 'S');
    const expectedLine = Number(new Error().stack!.split('\n')[1].match(/:(\d+):\d+\)?$/)![1]) + 1;
    const widget = new FancyWidget(stack, 'W');
    expect(appFrame(traceOf(widget)!)).toMatchObject({ file: __filename, line: expectedLine });
  });

  test('honours CDK\'s context that turns creation traces off', () => {
    const app = new App({ context: { [cxapi.DISABLE_CREATION_STACK_TRACES]: true } });
    expect(traceOf(new Widget(new Stack(app, 'S'), 'W'))).toBeUndefined();
  });
});
