import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for Secrets Manager on 127.0.0.1 that answers every GetSecretValue with `secret`
 * (or with no SecretString when it is undefined) and records what it was sent. The real handler
 * reaches it through AWS_ENDPOINT_URL_SECRETS_MANAGER, so the benchmark and the tests run the
 * deployed handler's code unchanged, one local round trip where AWS has one remote one.
 */
export async function startFakeSecretsManager(secret: string | undefined) {
  const requests: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      requests.push({ headers: req.headers, body });
      res.setHeader('content-type', 'application/x-amz-json-1.1');
      res.end(
        JSON.stringify({
          ARN: 'arn:aws:secretsmanager:eu-north-1:000000000000:secret:bench',
          Name: 'bench',
          ...(secret === undefined ? {} : { SecretString: secret }),
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
