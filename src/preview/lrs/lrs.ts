/**
 * A small in-memory LRS on this machine, for the local preview and the browser tests: the
 * xAPI resources a cmi5 AU uses (statements, activity state, agent profile, about), with
 * every statement checked by Learning Locker's validator (@learninglocker/xapi-validation)
 * and refused with 400 when it is not valid xAPI. Node only; listens on 127.0.0.1.
 *
 * Why not an LRS from npm: `xapi-statements` (the one suggested) serves statements only —
 * no State or Agent Profile resource, which cmi5 needs for LMS.LaunchData and resume — and
 * needs Redis and an auth service to start.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import xapiValidation from '@learninglocker/xapi-validation';

const validate = ((xapiValidation as unknown as { default?: typeof xapiValidation }).default ?? xapiValidation) as (s: unknown) => { path?: string[]; constructor: { name: string } }[];

/** A stored statement, as the LRS keeps it (with `stored` and `authority`). */
export type StoredStatement = Record<string, unknown> & { id: string; stored: string };

/** Problems the validator finds in one statement ('' when none). */
export function statementProblems(st: unknown): string[] {
  return validate(st).map((w) => `${w.constructor.name} at ${(w.path ?? []).join('.')}`);
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'access-control-allow-headers': 'Authorization, Content-Type, X-Experience-API-Version, If-Match, If-None-Match',
  'access-control-expose-headers': 'ETag, Last-Modified, X-Experience-API-Version, X-Experience-API-Consistent-Through',
};

/** The key of a document: agent (JSON, normalised by its identifying property) and ids. */
function agentKey(agent: string | null): string {
  try {
    const a = JSON.parse(agent ?? '') as Record<string, unknown>;
    const acc = a.account as { homePage?: string; name?: string } | undefined;
    return acc ? `acc:${acc.homePage}|${acc.name}` : `id:${a.mbox ?? a.mbox_sha1sum ?? a.openid}`;
  } catch {
    return '';
  }
}

export interface Lrs {
  /** Base URL of the xAPI endpoint, ending with `/`. */
  endpoint: string;
  /** Statements in the order stored. */
  statements: StoredStatement[];
  /** Documents: `state|<activity>|<agent>|<registration>|<stateId>` or `profile|<agent>|<profileId>`. */
  documents: Map<string, { type: string; body: string }>;
  /** Tokens the LRS accepts (Basic credentials, base64). */
  tokens: Set<string>;
  /** While true every xAPI request fails with 503, as an LRS that is down. */
  down: boolean;
  /** Requests answered, for the tests ("what the AU asked"). */
  log: { method: string; path: string; status: number }[];
  setState(activityId: string, agent: unknown, registration: string, stateId: string, doc: unknown): void;
  getState(activityId: string, agent: unknown, registration: string, stateId: string): unknown;
  setProfile(agent: unknown, profileId: string, doc: unknown): void;
  /** A fetch URL for one launch: POSTed once, it gives a token this LRS accepts. */
  issueFetchUrl(): string;
  close(): Promise<void>;
}

const stateKey = (activity: string | null, agent: string | null, registration: string | null, id: string | null) => `state|${activity}|${agentKey(agent)}|${registration ?? ''}|${id}`;

function read(req: IncomingMessage): Promise<string> {
  return new Promise((ok, ko) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => ok(body));
    req.on('error', ko);
  });
}

/** Starts the LRS on a free port of 127.0.0.1 (or `port`). */
export async function startLrs(opts: { port?: number; onStatement?: (s: StoredStatement) => void } = {}): Promise<Lrs> {
  const lrs = {
    statements: [] as StoredStatement[],
    documents: new Map<string, { type: string; body: string }>(),
    tokens: new Set<string>(),
    down: false,
    log: [] as Lrs['log'],
  };
  /** Fetch codes → token (null once it was handed out). */
  const fetchCodes = new Map<string, string | null>();
  const server: Server = createServer((req, res) => void handle(req, res));

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname.replace(/^\/(xapi\/)?/, '').replace(/\/$/, '');
    const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      lrs.log.push({ method: req.method ?? '', path, status });
      const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
      res.writeHead(status, { ...CORS, 'x-experience-api-version': '1.0.3', ...(body !== undefined && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}), ...headers });
      res.end(text);
    };
    if (req.method === 'OPTIONS') return send(204);
    if (path === 'about') return send(200, { version: ['1.0.3'] });
    const fetchMatch = /^cmi5\/fetch\/([\w-]+)$/.exec(path);
    if (fetchMatch && req.method === 'POST') {
      // cmi5 §8.2.3: the fetch URL gives its token once; later calls get error-code 1.
      const token = fetchCodes.get(fetchMatch[1]);
      if (token === undefined) return send(200, { 'error-code': '2', 'error-text': 'unknown fetch URL' });
      if (token === null) return send(200, { 'error-code': '1', 'error-text': 'token already retrieved' });
      fetchCodes.set(fetchMatch[1], null);
      return send(200, { 'auth-token': token });
    }
    if (lrs.down) return send(503, 'LRS down');
    const auth = (req.headers.authorization ?? '').replace(/^Basic\s+/i, '');
    if (!lrs.tokens.has(auth)) return send(401, 'unknown credentials');
    const body = await read(req);
    const q = url.searchParams;
    if (path === 'statements') {
      if (req.method === 'GET') {
        const reg = q.get('registration');
        return send(200, { statements: lrs.statements.filter((s) => !reg || (s.context as { registration?: string })?.registration === reg), more: '' });
      }
      if (req.method !== 'POST' && req.method !== 'PUT') return send(405);
      let list: Record<string, unknown>[];
      try {
        const parsed = JSON.parse(body) as unknown;
        list = (Array.isArray(parsed) ? parsed : [parsed]) as Record<string, unknown>[];
      } catch {
        return send(400, 'not JSON');
      }
      if (req.method === 'PUT') list[0].id ??= q.get('statementId');
      for (const st of list) {
        const problems = statementProblems(st);
        if (problems.length) return send(400, { message: 'invalid statement', problems });
      }
      const ids: string[] = [];
      for (const st of list) {
        const id = (st.id as string | undefined) ?? randomUUID();
        // Same id again: the specification answers 409 when the content differs, else 204.
        if (lrs.statements.some((s) => s.id === id)) {
          if (req.method === 'PUT') return send(204);
          return send(409, 'statement id exists');
        }
        const stored = { ...st, id, stored: new Date().toISOString(), authority: { objectType: 'Agent', name: 'local LRS', account: { homePage: 'http://127.0.0.1', name: 'local-lrs' } } } as StoredStatement;
        lrs.statements.push(stored);
        opts.onStatement?.(stored);
        ids.push(id);
      }
      return req.method === 'PUT' ? send(204) : send(200, ids);
    }
    if (path === 'activities/state' || path === 'agents/profile') {
      const key = path === 'agents/profile' ? `profile|${agentKey(q.get('agent'))}|${q.get('profileId')}` : stateKey(q.get('activityId'), q.get('agent'), q.get('registration'), q.get('stateId'));
      if (!agentKey(q.get('agent'))) return send(400, 'agent missing or not JSON');
      if (req.method === 'GET') {
        const doc = lrs.documents.get(key);
        return doc ? send(200, doc.body, { 'content-type': doc.type, etag: `"${doc.body.length}"` }) : send(404, 'no document');
      }
      if (req.method === 'PUT' || req.method === 'POST') {
        lrs.documents.set(key, { type: req.headers['content-type'] ?? 'application/octet-stream', body });
        return send(204);
      }
      if (req.method === 'DELETE') {
        lrs.documents.delete(key);
        return send(204);
      }
      return send(405);
    }
    return send(404, 'no such resource');
  }

  await new Promise<void>((r) => server.listen(opts.port ?? 0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  const json = (v: unknown) => JSON.stringify(v);
  return Object.assign(lrs, {
    endpoint: `http://127.0.0.1:${port}/xapi/`,
    setState: (activity: string, agent: unknown, registration: string, stateId: string, doc: unknown) =>
      lrs.documents.set(stateKey(activity, json(agent), registration, stateId), { type: 'application/json', body: json(doc) }),
    getState: (activity: string, agent: unknown, registration: string, stateId: string) => {
      const d = lrs.documents.get(stateKey(activity, json(agent), registration, stateId));
      return d ? (JSON.parse(d.body) as unknown) : null;
    },
    setProfile: (agent: unknown, profileId: string, doc: unknown) => lrs.documents.set(`profile|${agentKey(json(agent))}|${profileId}`, { type: 'application/json', body: json(doc) }),
    /** A new fetch URL giving a new token (one per launch). */
    issueFetchUrl: () => {
      const token = Buffer.from(`cmi5:${randomUUID()}`).toString('base64');
      const code = randomUUID();
      lrs.tokens.add(token);
      fetchCodes.set(code, token);
      return `http://127.0.0.1:${port}/cmi5/fetch/${code}`;
    },
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  });
}
