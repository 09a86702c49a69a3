// A real SMTP server in the test process: records what arrives, and can be
// stopped and started again on the same port to play a mail server outage.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = {
  /** Envelope recipients (RCPT TO). */
  to: string[];
  /** The Message-ID header, e.g. `<outbox-id@partner-center.outbox>`. */
  messageId: string | undefined;
  /** The whole message as received (headers and body). */
  raw: string;
};

export type SmtpListener = {
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  url: string;
  received: ReceivedMail[];
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
};

type Options = {
  onMessage?: (mail: ReceivedMail) => void;
  /** Accept each message only after this long (a slow server: senders overlap). */
  acceptDelayMs?: number;
};

function createServer(received: ReceivedMail[], { onMessage, acceptDelayMs = 0 }: Options): SMTPServer {
  return new SMTPServer({
    authOptional: true,
    // Plain SMTP: STARTTLS would offer a self-signed certificate the client refuses.
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    closeTimeout: 1_000,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const messageId = /^Message-ID:\s*(\S+)/im.exec(raw)?.[1];
        const mail = { to: session.envelope.rcptTo.map((r) => r.address), messageId, raw };
        received.push(mail);
        onMessage?.(mail);
        if (acceptDelayMs > 0) setTimeout(() => callback(), acceptDelayMs);
        else callback();
      });
    },
  });
}

function listen(server: SMTPServer, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.server.address() as AddressInfo).port));
  });
}

/** Starts a server on a free port of 127.0.0.1. */
export async function startSmtpServer(options: Options = {}): Promise<SmtpListener> {
  const received: ReceivedMail[] = [];
  let server: SMTPServer | undefined = createServer(received, options);
  const port = await listen(server, 0);
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    async stop() {
      const closing = server;
      server = undefined;
      if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
    },
    async start() {
      if (server) return;
      server = createServer(received, options);
      await listen(server, port);
    },
  };
}
