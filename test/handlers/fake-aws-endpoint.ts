/**
 * A local HTTP endpoint on 127.0.0.1 (random port) that speaks the wire protocols of the AWS
 * services the handlers call, so handler tests run the real SDK clients (serialisation, signing,
 * XML/JSON parsing, error mapping, retries) with no AWS account:
 * - the Query protocol of IAM and SNS: form-encoded POST in, XML out;
 * - the JSON 1.0 protocol of DynamoDB: `X-Amz-Target: DynamoDB_20120810.<Operation>`, JSON in and out;
 * - the REST protocol of S3, path-style (`forcePathStyle: true`): `PUT /<bucket>/<key>` is `PutObject`,
 *   `DELETE /<bucket>/<key>` is `DeleteObject`; errors as S3's XML `<Error>`.
 * A test answers each request through a responder function and can inspect every request made.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';

export const IAM_NAMESPACE = 'https://iam.amazonaws.com/doc/2010-05-08/';
export const SNS_NAMESPACE = 'http://sns.amazonaws.com/doc/2010-03-31/';
const SNS_VERSION = '2010-03-31';

/** One request as the endpoint received it. */
export interface FakeRequest {
  /** `iam`, `sns` (Query protocol, told apart by their API version) or `dynamodb` (JSON 1.0). */
  readonly service: 'iam' | 'sns' | 'dynamodb' | 's3';
  /** The operation: `UpdateAccountPasswordPolicy`, `Publish`, `UpdateItem`, … */
  readonly action: string;
  /** Query parameters of a Query-protocol request (flattened: `Tags.member.1.Key`). */
  readonly params: Readonly<Record<string, string>>;
  /** The JSON body of a DynamoDB request. */
  readonly json: Record<string, unknown>;
  /** The request path of an S3 request (`/<bucket>/<key>`), and its body. */
  readonly path?: string;
  readonly body?: string;
}

/** The answer to one request: an HTTP status and an XML or JSON body. */
export interface FakeReply {
  readonly status?: number;
  readonly xml?: string;
  readonly json?: unknown;
}

export type Responder = (request: FakeRequest) => FakeReply | Promise<FakeReply>;

/** A successful Query-protocol answer: `<{Action}Response><{Action}Result>…`. */
export function queryResult(namespace: string, action: string, resultXml = ''): FakeReply {
  return {
    xml: `<${action}Response xmlns="${namespace}"><${action}Result>${resultXml}</${action}Result><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></${action}Response>`,
  };
}

/** A Query-protocol error, as IAM and SNS send it. */
export function queryError(namespace: string, code: string, message: string, status = 400): FakeReply {
  return {
    status,
    xml: `<ErrorResponse xmlns="${namespace}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>req-err</RequestId></ErrorResponse>`,
  };
}

/** A DynamoDB (JSON 1.0) error; `extra` carries e.g. the old `Item` of a failed condition. */
export function jsonError(type: string, message: string, extra: Record<string, unknown> = {}, status = 400): FakeReply {
  return { status, json: { __type: `com.amazonaws.dynamodb.v20120810#${type}`, message, ...extra } };
}

/** The client options that point a real SDK client at the fake endpoint, with fake static credentials and fast retries. */
export function clientConfig(endpoint: string) {
  return {
    endpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'AKIDFAKEFAKEFAKEFAKE', secretAccessKey: 'fake-secret-key-for-local-tests-only' },
    // Two retries with no delay: retry behaviour runs without slowing the suite.
    retryStrategy: new ConfiguredRetryStrategy(2, 0),
  };
}

/** A running fake endpoint. */
export class FakeAwsEndpoint {
  public readonly requests: FakeRequest[] = [];

  private constructor(private readonly server: http.Server, public readonly url: string, private responder: Responder) {}

  /** Starts an endpoint on 127.0.0.1 on a free port. */
  public static async start(responder: Responder = () => ({ status: 500, xml: '' })): Promise<FakeAwsEndpoint> {
    let endpoint: FakeAwsEndpoint | undefined;
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        void endpoint!.answer(req, Buffer.concat(chunks).toString('utf8'), res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    endpoint = new FakeAwsEndpoint(server, `http://127.0.0.1:${port}`, responder);
    return endpoint;
  }

  /** Replaces how the endpoint answers (e.g. per test). */
  public respondWith(responder: Responder): void {
    this.responder = responder;
  }

  /** The requests of one operation, in order. */
  public calls(action: string): FakeRequest[] {
    return this.requests.filter((r) => r.action === action);
  }

  public async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async answer(req: http.IncomingMessage, body: string, res: http.ServerResponse): Promise<void> {
    const request = parseRequest(req, body);
    this.requests.push(request);
    let reply: FakeReply;
    try {
      reply = await this.responder(request);
    } catch (error) {
      reply = request.service === 'dynamodb'
        ? jsonError('InternalServerError', String(error), {}, 500)
        : queryError(request.service === 'sns' ? SNS_NAMESPACE : IAM_NAMESPACE, 'InternalFailure', String(error), 500);
    }
    if (reply.json !== undefined) {
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'req-1' });
      res.end(JSON.stringify(reply.json));
    } else {
      res.writeHead(reply.status ?? 200, { 'content-type': 'text/xml', 'x-amzn-requestid': 'req-1' });
      res.end(reply.xml ?? '');
    }
  }
}

/** An S3 REST error, as S3 sends it. */
export function s3Error(code: string, message: string, status = 404): FakeReply {
  return { status, xml: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message><RequestId>req-err</RequestId></Error>` };
}

const S3_OPERATIONS: Readonly<Record<string, string>> = { PUT: 'PutObject', DELETE: 'DeleteObject', GET: 'GetObject', HEAD: 'HeadObject' };

function parseRequest(req: http.IncomingMessage, body: string): FakeRequest {
  if (req.method !== 'POST') {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    return { service: 's3', action: S3_OPERATIONS[req.method ?? ''] ?? String(req.method), params: {}, json: {}, path, body };
  }
  const target = req.headers['x-amz-target'];
  if (typeof target === 'string') {
    return { service: 'dynamodb', action: target.split('.').pop() ?? target, params: {}, json: body ? (JSON.parse(body) as Record<string, unknown>) : {} };
  }
  const params = Object.fromEntries(new URLSearchParams(body));
  return { service: params.Version === SNS_VERSION ? 'sns' : 'iam', action: params.Action ?? '', params, json: {} };
}
