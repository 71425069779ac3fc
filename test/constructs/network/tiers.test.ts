import { aclFlows, ANYWHERE, EPHEMERAL, HTTPS } from '../../../constructs/network/acl-flows';
import { layoutTiers } from '../../../constructs/network/tiers';

describe('layoutTiers', () => {
  test('gives each tier an aligned quarter of the VPC block, split per zone', () => {
    expect(layoutTiers('10.10.0.0/16', 2)).toEqual({
      public: { block: '10.10.0.0/18', subnets: ['10.10.0.0/19', '10.10.32.0/19'] },
      application: { block: '10.10.64.0/18', subnets: ['10.10.64.0/19', '10.10.96.0/19'] },
      data: { block: '10.10.128.0/18', subnets: ['10.10.128.0/19', '10.10.160.0/19'] },
    });
  });

  test('three zones take four slots; one zone takes the whole tier block', () => {
    expect(layoutTiers('10.20.0.0/16', 3).data.subnets).toEqual(['10.20.128.0/20', '10.20.144.0/20', '10.20.160.0/20']);
    expect(layoutTiers('192.168.4.0/24', 1).application).toEqual({ block: '192.168.4.64/26', subnets: ['192.168.4.64/26'] });
  });

  test('a /24 holds four zones of /28 subnets, not five', () => {
    expect(layoutTiers('10.0.0.0/24', 4).public.subnets).toEqual(['10.0.0.0/28', '10.0.0.16/28', '10.0.0.32/28', '10.0.0.48/28']);
    expect(() => layoutTiers('10.0.0.0/24', 5)).toThrow('too small for 5 availability zones: subnets would be /29');
  });

  test('rejects a block with host bits set', () => {
    expect(() => layoutTiers('10.0.1.0/16', 2)).toThrow('10.0.1.0/16 is not a network address (host bits set); use 10.0.0.0/16');
  });
});

describe('aclFlows', () => {
  const flows = aclFlows({
    tierBlocks: { public: 'P', application: 'A', data: 'D' },
    approvedCidrs: ['X1', 'X2'],
    applicationPort: 8443,
    databasePort: 5432,
  });
  const summary = (tier: string, direction: string) =>
    flows.filter((f) => f.tier === tier && f.direction === direction).map((f) => `${f.peer}:${f.ports.from}-${f.ports.to}`);

  test('the data tier talks to the application tier on the database port only', () => {
    expect(summary('data', 'ingress')).toEqual(['A:5432-5432']);
    expect(summary('data', 'egress')).toEqual(['A:1024-65535']);
  });

  test('only the public tier admits approved clients, on 443', () => {
    expect(summary('public', 'ingress')).toEqual(['X1:443-443', 'X2:443-443', 'A:443-443', `${ANYWHERE}:1024-65535`]);
    expect(summary('public', 'egress')).toEqual(['X1:1024-65535', 'X2:1024-65535', 'A:8443-8443', 'A:1024-65535', `${ANYWHERE}:443-443`]);
  });

  test('the application tier: the load balancers in, the database and HTTPS out, returns', () => {
    expect(summary('application', 'ingress')).toEqual(['P:8443-8443', 'A:443-443', `${ANYWHERE}:1024-65535`]);
    expect(summary('application', 'egress')).toEqual(['P:1024-65535', 'D:5432-5432', `${ANYWHERE}:443-443`, 'A:1024-65535']);
  });

  test('the internet is a peer only for HTTPS out and ephemeral returns in, never on the data tier', () => {
    for (const flow of flows.filter((f) => f.peer === ANYWHERE)) {
      expect(flow.tier).not.toBe('data');
      expect(flow.ports).toEqual(flow.direction === 'egress' ? HTTPS : EPHEMERAL);
    }
    expect(flows.every((f) => f.why.length > 0)).toBe(true);
  });
});
