/**
 * A local stand-in for the GitHub Actions cache service v2, real enough that the
 * unmodified `@actions/cache` (6.x) `saveCache` / `restoreCache` work against it.
 *
 * What `@actions/cache@6.3.0` does on the wire with `ACTIONS_CACHE_SERVICE_V2` set
 * (read from node_modules/@actions/cache/lib and @azure/storage-blob 12.31):
 *
 *  - Twirp JSON: `POST /twirp/github.actions.results.api.v1.CacheService/<Method>`,
 *    resolved with `new URL('/twirp/…', ACTIONS_RESULTS_URL)` (so any path in the
 *    results URL is dropped), headers `Content-Type: application/json`,
 *    `Authorization: Bearer ${ACTIONS_RUNTIME_TOKEN}`, `User-Agent: @actions/cache-6.3.0`.
 *    The library never parses the token, and no request names the ref: the body is
 *    only `{key, version}` / `{key, version, size_bytes}` / `{key, restore_keys?, version}`.
 *    The service therefore learns the scopes from the JWT's `ac` claim, a JSON
 *    string `[{"Scope":"refs/heads/x","Permission":3}]` (1 = read, 2 = write).
 *  - save: CreateCacheEntry → `{ok, signed_upload_url}`; then Azure `BlockBlobClient.uploadFile`
 *    with maxSingleShotSize 128 MiB: one Put Blob (`PUT <url>` with `x-ms-blob-type: BlockBlob`)
 *    for a small archive, Put Block (`PUT ?comp=block&blockid=…`) × n + Put Block List
 *    (`PUT ?comp=blocklist`, XML body) above 128 MiB; then FinalizeCacheEntryUpload →
 *    `{ok, entry_id}` (int64, a JSON string).
 *  - restore: GetCacheEntryDownloadURL → `{ok, signed_download_url, matched_key}`
 *    (`ok: false` = miss); the archive is fetched with a plain `GET <url>` via
 *    @actions/http-client (the Azure SDK is only used when the host ends with
 *    `.blob.core.windows.net`), and the size is checked against Content-Length.
 *  - "already exists" is twirp HTTP 409 `{"code":"already_exists","msg":"cache entry
 *    with the same key, version, and scope already exists"}`; the library turns it into
 *    ReserveCacheError → `saveCache` returns -1.
 *  - a read-only token: CreateCacheEntry answers 200 `{"ok":false,"message":"cache write
 *    denied: token has no writable scopes"}` → CacheWriteDeniedError → warning, -1.
 *  - a token without readable scopes: GetCacheEntryDownloadURL answers twirp 403
 *    `permission_denied` with `cache read denied: …` → warning, restore returns undefined.
 */
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { closedPort, readBody } from './http.js';

export type CacheFaultRoute =
  | 'CreateCacheEntry'
  | 'FinalizeCacheEntryUpload'
  | 'GetCacheEntryDownloadURL'
  | 'upload'
  | 'download';

export interface CacheFault {
  route: CacheFaultRoute;
  /** Answer with this status (and `headers` / `body`) instead of handling the request. */
  status?: number;
  headers?: Record<string, string>;
  /** Default: a twirp error JSON for twirp routes, an Azure XML error for blob routes. */
  body?: string;
  /**
   * `reset`: destroy the socket; `hang`: never answer (until `close()`); `refuse` (upload and
   * download only): the signed URL handed out next for that route points at a closed port.
   */
  action?: 'reset' | 'hang' | 'refuse';
  /** Wait this long first; with neither `status` nor `action`, the request is then handled normally. */
  delayMs?: number;
}

export interface CacheEntryInfo {
  key: string;
  version: string;
  scope: string;
  size: number;
  finalized: boolean;
}

export interface RecordedRequest {
  method: string;
  /** Path without the SAS query; blob requests keep `?comp=block|blocklist` when present. Status 0 = reset or hung. */
  path: string;
  status: number;
}

export interface CacheEnvOptions {
  /** Default `main`: the token can read `refs/heads/<defaultBranch>`. */
  defaultBranch?: string;
  /** Refs the token can read but not write. Listing the job's own ref makes the token read-only. */
  readOnlyRefs?: string[];
}

export interface CacheServer {
  /** The ACTIONS_RESULTS_URL value, with a trailing slash. */
  url: string;
  /** Where jobs reach this server, when not at `url` (behind a proxy): signed URLs point there. */
  publicUrl?: string;
  /**
   * The env a job needs: ACTIONS_CACHE_SERVICE_V2, ACTIONS_RESULTS_URL, ACTIONS_RUNTIME_TOKEN
   * (an unsigned JWT whose `ac` claim gives the job's ref read+write and the default branch
   * read), GITHUB_REF, and GITHUB_SERVER_URL=https://github.com (without it a GHES server URL
   * inherited from the host would make @actions/cache fall back to the v1 protocol).
   */
  env(ref?: string, opts?: CacheEnvOptions): Record<string, string>;
  entries(): CacheEntryInfo[];
  requests: RecordedRequest[];
  /** The first fault matching a request's route is removed and applied. */
  faults: CacheFault[];
  close(): Promise<void>;
}

const SERVICE_PATH = '/twirp/github.actions.results.api.v1.CacheService/';
const TWIRP_METHODS = ['CreateCacheEntry', 'FinalizeCacheEntryUpload', 'GetCacheEntryDownloadURL'] as const;
type TwirpMethod = (typeof TWIRP_METHODS)[number];

const BLOB_ACCOUNT = 'blob';
const BLOB_CONTAINER = 'actions-cache';
const BLOB_PREFIX = `/${BLOB_ACCOUNT}/${BLOB_CONTAINER}/`;
const DEFAULT_STORAGE_VERSION = '2026-02-06';
const SAS_LIFETIME_MS = 60 * 60 * 1000;

const PERMISSION_READ = 1;
const PERMISSION_WRITE = 2;

const ALREADY_EXISTS_MSG = 'cache entry with the same key, version, and scope already exists';
const WRITE_DENIED_MSG = 'cache write denied: token has no writable scopes';
const READ_DENIED_MSG = 'cache read denied: token has no readable scopes';

interface Scope {
  scope: string;
  permission: number;
}

interface Entry {
  id: number;
  key: string;
  version: string;
  scope: string;
  blobName: string;
  finalized: boolean;
  size: number;
  /** The committed blob content (Put Blob or Put Block List). */
  blob?: Buffer;
  etag: string;
  lastModified: Date;
  createdAt: Date;
  uncommittedBlocks: Map<string, Buffer>;
  committedBlocks: Map<string, Buffer>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function base64url(data: string): string {
  return Buffer.from(data, 'utf8').toString('base64url');
}

/** A status's error code in a twirp answer and in an Azure blob answer. */
const ERROR_CODES: Record<number, { twirp: string; azure?: string }> = {
  400: { twirp: 'invalid_argument', azure: 'InvalidInput' },
  401: { twirp: 'unauthenticated' },
  403: { twirp: 'permission_denied', azure: 'AuthenticationFailed' },
  404: { twirp: 'not_found', azure: 'BlobNotFound' },
  409: { twirp: 'already_exists', azure: 'BlobImmutableDueToPolicy' },
  412: { twirp: 'failed_precondition', azure: 'ConditionNotMet' },
  429: { twirp: 'resource_exhausted' },
  501: { twirp: 'unimplemented' },
  503: { twirp: 'unavailable', azure: 'ServerBusy' },
};

function twirpCodeFor(status: number): string {
  return ERROR_CODES[status]?.twirp ?? (status >= 500 ? 'internal' : 'unknown');
}

function azureCodeFor(status: number): string {
  return ERROR_CODES[status]?.azure ?? (status >= 500 ? 'InternalError' : 'InvalidInput');
}

function xmlEscape(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function azureErrorBody(code: string, message: string): string {
  return `\uFEFF<?xml version="1.0" encoding="utf-8"?><Error><Code>${xmlEscape(code)}</Code><Message>${xmlEscape(
    `${message}\nRequestId:${randomUUID()}\nTime:${new Date().toISOString()}`,
  )}</Message></Error>`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function decodeXmlText(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, '&');
}

/** Parses the `ac` claim of an ACTIONS_RUNTIME_TOKEN (signature not verified: the stand-in issues unsigned tokens). */
function scopesFromAuthorization(header: string | undefined): Scope[] {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!match) throw new HttpError(401, 'unauthenticated', 'missing bearer token');
  const parts = match[1]!.split('.');
  if (parts.length !== 3) throw new HttpError(401, 'unauthenticated', 'malformed bearer token');
  let claims: Record<string, unknown>;
  try {
    JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8'));
    claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new HttpError(401, 'unauthenticated', 'malformed bearer token');
  }
  const now = Date.now() / 1000;
  if (typeof claims.exp !== 'number' || claims.exp < now) throw new HttpError(401, 'unauthenticated', 'token expired');
  if (typeof claims.nbf === 'number' && claims.nbf > now + 300) {
    throw new HttpError(401, 'unauthenticated', 'token not yet valid');
  }
  if (typeof claims.ac !== 'string') throw new HttpError(401, 'unauthenticated', 'token has no cache access claim');
  let raw: unknown;
  try {
    raw = JSON.parse(claims.ac);
  } catch {
    throw new HttpError(401, 'unauthenticated', 'malformed cache access claim');
  }
  if (!Array.isArray(raw)) throw new HttpError(401, 'unauthenticated', 'malformed cache access claim');
  return raw.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { Scope: scope, Permission: permission } = item as { Scope?: unknown; Permission?: unknown };
    return typeof scope === 'string' && typeof permission === 'number' ? [{ scope, permission }] : [];
  });
}

function requireString(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value === '') {
    throw new HttpError(400, 'invalid_argument', `${field} is required`);
  }
  return value;
}

export async function startCacheServer(): Promise<CacheServer> {
  const store: Entry[] = [];
  const requests: RecordedRequest[] = [];
  const faults: CacheFault[] = [];
  const sockets = new Set<Socket>();
  const sasSecret = randomBytes(32);
  let nextId = 1;
  let baseUrl = '';

  const takeFault = (route: CacheFaultRoute, refuse = false): CacheFault | undefined => {
    const index = faults.findIndex((f) => f.route === route && (f.action === 'refuse') === refuse);
    return index < 0 ? undefined : faults.splice(index, 1)[0];
  };
  // Where a refused blob request goes: a loopback port nothing listens on.
  const refusedBase = `http://127.0.0.1:${await closedPort()}/`;

  const sign = (blobName: string, permissions: string, expiry: string): string =>
    createHmac('sha256', sasSecret).update(`${permissions}\n${expiry}\n${BLOB_PREFIX}${blobName}`).digest('base64');

  const signedUrl = (entry: Entry, permissions: string): string => {
    const se = new Date(Date.now() + SAS_LIFETIME_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const query = new URLSearchParams({
      sv: DEFAULT_STORAGE_VERSION,
      sr: 'b',
      sp: permissions,
      se,
      sig: sign(entry.blobName, permissions, se),
    });
    const refused = takeFault(permissions === 'r' ? 'download' : 'upload', true);
    const base = refused ? refusedBase : (api.publicUrl ?? baseUrl);
    return `${base}${BLOB_PREFIX.slice(1)}${entry.blobName}?${query.toString()}`;
  };

  const find = (scope: string, key: string, version: string): Entry | undefined =>
    store.find((e) => e.scope === scope && e.key === key && e.version === version);

  /**
   * GitHub's matching: per readable scope (own ref first), exact key, then newest prefix match of key,
   * then each restore key.
   */
  const lookup = (scopes: string[], key: string, restoreKeys: string[], version: string): Entry | undefined => {
    for (const scope of scopes) {
      const candidates = store.filter((e) => e.finalized && e.scope === scope && e.version === version);
      const newest = (prefix: string): Entry | undefined =>
        candidates.filter((e) => e.key.startsWith(prefix)).sort((a, b) => b.id - a.id)[0];
      const hit =
        candidates.find((e) => e.key === key) ??
        newest(key) ??
        restoreKeys.reduce<Entry | undefined>((found, prefix) => found ?? newest(prefix), undefined);
      if (hit) return hit;
    }
    return undefined;
  };

  const handleTwirp = (method: TwirpMethod, scopes: Scope[], body: Record<string, unknown>): unknown => {
    const writeScope = scopes.find((s) => (s.permission & PERMISSION_WRITE) !== 0)?.scope;
    switch (method) {
      case 'CreateCacheEntry': {
        const key = requireString(body, 'key');
        const version = requireString(body, 'version');
        if (writeScope === undefined) return { ok: false, signed_upload_url: '', message: WRITE_DENIED_MSG };
        if (find(writeScope, key, version)) throw new HttpError(409, 'already_exists', ALREADY_EXISTS_MSG);
        const now = new Date();
        const entry: Entry = {
          id: nextId++,
          key,
          version,
          scope: writeScope,
          blobName: randomUUID(),
          finalized: false,
          size: 0,
          etag: '',
          lastModified: now,
          createdAt: now,
          uncommittedBlocks: new Map(),
          committedBlocks: new Map(),
        };
        store.push(entry);
        return { ok: true, signed_upload_url: signedUrl(entry, 'cw') };
      }
      case 'FinalizeCacheEntryUpload': {
        const key = requireString(body, 'key');
        const version = requireString(body, 'version');
        if (writeScope === undefined) return { ok: false, entry_id: '0', message: WRITE_DENIED_MSG };
        const entry = find(writeScope, key, version);
        if (!entry) throw new HttpError(404, 'not_found', 'cache entry not found');
        if (entry.finalized) throw new HttpError(409, 'already_exists', ALREADY_EXISTS_MSG);
        if (!entry.blob) throw new HttpError(404, 'not_found', 'cache entry upload not found');
        const declared = Number(body.size_bytes ?? 0);
        if (declared !== entry.blob.length) {
          throw new HttpError(
            400,
            'invalid_argument',
            `size_bytes ${declared} does not match the uploaded size ${entry.blob.length}`,
          );
        }
        entry.finalized = true;
        entry.size = entry.blob.length;
        return { ok: true, entry_id: String(entry.id) };
      }
      case 'GetCacheEntryDownloadURL': {
        const readable = scopes.filter((s) => (s.permission & PERMISSION_READ) !== 0).map((s) => s.scope);
        if (readable.length === 0) throw new HttpError(403, 'permission_denied', READ_DENIED_MSG);
        const key = requireString(body, 'key');
        const version = requireString(body, 'version');
        const restoreKeys = Array.isArray(body.restore_keys)
          ? body.restore_keys.filter((k): k is string => typeof k === 'string')
          : [];
        const hit = lookup(readable, key, restoreKeys, version);
        if (!hit) return { ok: false, signed_download_url: '', matched_key: '' };
        return { ok: true, signed_download_url: signedUrl(hit, 'r'), matched_key: hit.key };
      }
    }
  };

  const azureHeaders = (req: IncomingMessage): Record<string, string> => {
    const headers: Record<string, string> = {
      'x-ms-request-id': randomUUID(),
      'x-ms-version': String(req.headers['x-ms-version'] ?? DEFAULT_STORAGE_VERSION),
      Server: 'Windows-Azure-Blob/1.0 Microsoft-HTTPAPI/2.0',
    };
    const clientRequestId = req.headers['x-ms-client-request-id'];
    if (typeof clientRequestId === 'string') headers['x-ms-client-request-id'] = clientRequestId;
    return headers;
  };

  const commitBlob = (entry: Entry, data: Buffer): void => {
    entry.blob = data;
    entry.size = data.length;
    entry.lastModified = new Date();
    const stamp = (Date.now() * 10000 + nextId).toString(16).toUpperCase();
    entry.etag = `"0x${stamp}${randomBytes(2).toString('hex').toUpperCase()}"`;
  };

  const md5 = (data: Buffer): string => createHash('md5').update(data).digest('base64');
  /** Azure's empty 201 to a write, encrypted at rest; with the MD5 of `body` for a Put Blob or a Put Block. */
  const created = (res: ServerResponse, headers: Record<string, string>, body?: Buffer): void => {
    res.writeHead(201, {
      ...headers,
      ...(body ? { 'Content-MD5': md5(body) } : {}),
      'x-ms-request-server-encrypted': 'true',
      'Content-Length': '0',
    });
    res.end();
  };

  /** Azure Blob: Put Blob, Put Block, Put Block List, Get Blob, Get Blob Properties. */
  const handleBlob = (req: IncomingMessage, res: ServerResponse, url: URL, blobName: string, body: Buffer): void => {
    const method = req.method ?? 'GET';
    const q = url.searchParams;
    const permissions = q.get('sp') ?? '';
    const expiry = q.get('se') ?? '';
    const sig = q.get('sig') ?? '';
    const expected = sign(blobName, permissions, expiry);
    if (!sig || sig !== expected) {
      throw new HttpError(
        403,
        'AuthenticationFailed',
        'Server failed to authenticate the request. ' +
          'Make sure the value of Authorization header is formed correctly including the signature.',
      );
    }
    if (!(Date.parse(expiry) > Date.now())) {
      throw new HttpError(403, 'AuthenticationFailed', 'Signed expiry time has to be after the current time.');
    }
    const entry = store.find((e) => e.blobName === blobName);
    const common = azureHeaders(req);

    if (method === 'PUT') {
      if (!permissions.includes('w')) {
        throw new HttpError(
          403,
          'AuthorizationPermissionMismatch',
          'This request is not authorized to perform this operation using this permission.',
        );
      }
      if (!entry) throw new HttpError(404, 'ContainerNotFound', 'The specified container does not exist.');
      if (entry.finalized) {
        throw new HttpError(
          409,
          'BlobImmutableDueToPolicy',
          'This operation is not permitted as the blob is immutable due to a policy.',
        );
      }
      const contentMd5 = req.headers['content-md5'];
      if (typeof contentMd5 === 'string' && contentMd5 !== md5(body)) {
        throw new HttpError(
          400,
          'Md5Mismatch',
          'The MD5 value specified in the request did not match with the MD5 value calculated by the server.',
        );
      }
      const comp = q.get('comp');
      if (comp === null) {
        const blobType = req.headers['x-ms-blob-type'];
        if (blobType === undefined) {
          throw new HttpError(
            400,
            'MissingRequiredHeader',
            "An HTTP header that's mandatory for this request is not specified.",
          );
        }
        if (blobType !== 'BlockBlob') {
          throw new HttpError(
            400,
            'InvalidHeaderValue',
            'The value for one of the HTTP headers is not in the correct format.',
          );
        }
        commitBlob(entry, body);
        entry.uncommittedBlocks.clear();
        entry.committedBlocks.clear();
        created(res, { ...common, ETag: entry.etag, 'Last-Modified': entry.lastModified.toUTCString() }, body);
        return;
      }
      if (comp === 'block') {
        const blockId = q.get('blockid');
        if (!blockId) {
          throw new HttpError(
            400,
            'MissingRequiredQueryParameter',
            "A query parameter that's mandatory for this request is not specified.",
          );
        }
        entry.uncommittedBlocks.set(blockId, body);
        created(res, common, body);
        return;
      }
      if (comp === 'blocklist') {
        const xml = body.toString('utf8');
        const parts: Buffer[] = [];
        const blocks = new Map<string, Buffer>();
        for (const m of xml.matchAll(/<(Latest|Uncommitted|Committed)>([^<]*)<\/\1>/g)) {
          const kind = m[1]!;
          const id = decodeXmlText(m[2]!.trim());
          const data =
            kind === 'Committed'
              ? entry.committedBlocks.get(id)
              : kind === 'Uncommitted'
                ? entry.uncommittedBlocks.get(id)
                : (entry.uncommittedBlocks.get(id) ?? entry.committedBlocks.get(id));
          if (!data) throw new HttpError(400, 'InvalidBlockList', 'The specified block list is invalid.');
          parts.push(data);
          blocks.set(id, data);
        }
        commitBlob(entry, Buffer.concat(parts));
        entry.uncommittedBlocks.clear();
        entry.committedBlocks = blocks;
        created(res, { ...common, ETag: entry.etag, 'Last-Modified': entry.lastModified.toUTCString() });
        return;
      }
      throw new HttpError(
        400,
        'InvalidQueryParameterValue',
        'Value for one of the query parameters specified in the request URI is invalid.',
      );
    }

    if (method === 'GET' || method === 'HEAD') {
      if (!permissions.includes('r')) {
        throw new HttpError(
          403,
          'AuthorizationPermissionMismatch',
          'This request is not authorized to perform this operation using this permission.',
        );
      }
      if (!entry?.blob) throw new HttpError(404, 'BlobNotFound', 'The specified blob does not exist.');
      const blob = entry.blob;
      const ifMatch = req.headers['if-match'];
      if (typeof ifMatch === 'string' && ifMatch !== '*' && ifMatch !== entry.etag) {
        throw new HttpError(
          412,
          'ConditionNotMet',
          'The condition specified using HTTP conditional header(s) is not met.',
        );
      }
      const headers: Record<string, string> = {
        ...common,
        ETag: entry.etag,
        'Last-Modified': entry.lastModified.toUTCString(),
        'Content-Type': 'application/octet-stream',
        'Accept-Ranges': 'bytes',
        'x-ms-blob-type': 'BlockBlob',
        'x-ms-creation-time': entry.createdAt.toUTCString(),
        'x-ms-lease-status': 'unlocked',
        'x-ms-lease-state': 'available',
        'x-ms-server-encrypted': 'true',
      };
      const rangeHeader = req.headers['x-ms-range'] ?? req.headers.range;
      let start = 0;
      let end = blob.length - 1;
      let status = 200;
      if (typeof rangeHeader === 'string') {
        const m = /^bytes=(\d+)-(\d*)$/.exec(rangeHeader.trim());
        if (!m || Number(m[1]) >= blob.length) {
          res.writeHead(416, {
            ...common,
            'Content-Range': `bytes */${blob.length}`,
            'Content-Type': 'application/xml',
            'x-ms-error-code': 'InvalidRange',
          });
          res.end(
            method === 'HEAD'
              ? undefined
              : azureErrorBody('InvalidRange', 'The range specified is invalid for the current size of the resource.'),
          );
          return;
        }
        start = Number(m[1]);
        if (m[2]) end = Math.min(end, Number(m[2]));
        status = 206;
        headers['Content-Range'] = `bytes ${start}-${end}/${blob.length}`;
      } else {
        headers['Content-MD5'] = md5(blob);
      }
      const slice = blob.subarray(start, end + 1);
      headers['Content-Length'] = String(slice.length);
      res.writeHead(status, headers);
      res.end(method === 'HEAD' ? undefined : slice);
      return;
    }
    throw new HttpError(405, 'UnsupportedHttpVerb', "The resource doesn't support specified Http Verb.");
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    let route: CacheFaultRoute | undefined;
    let kind: 'twirp' | 'blob' | 'none' = 'none';
    let recordedPath = url.pathname;
    if (url.pathname.startsWith(SERVICE_PATH)) {
      const name = url.pathname.slice(SERVICE_PATH.length);
      kind = 'twirp';
      if ((TWIRP_METHODS as readonly string[]).includes(name)) route = name as TwirpMethod;
    } else if (url.pathname.startsWith(BLOB_PREFIX)) {
      kind = 'blob';
      route = method === 'PUT' ? 'upload' : method === 'GET' || method === 'HEAD' ? 'download' : undefined;
      const comp = url.searchParams.get('comp');
      if (comp) recordedPath += `?comp=${comp}`;
    }
    let recorded = false;
    const record = (status: number): void => {
      if (recorded) return;
      recorded = true;
      requests.push({ method, path: recordedPath, status });
    };
    res.on('finish', () => record(res.statusCode));
    res.on('close', () => record(res.writableFinished ? res.statusCode : 0));

    const sendError = (error: unknown): void => {
      const status = error instanceof HttpError ? error.status : 500;
      const message = error instanceof Error ? error.message : String(error);
      if (kind === 'blob') {
        const code = error instanceof HttpError ? error.code : 'InternalError';
        const payload = method === 'HEAD' ? '' : azureErrorBody(code, message);
        res.writeHead(status, {
          ...azureHeaders(req),
          'Content-Type': 'application/xml',
          'x-ms-error-code': code,
          'Content-Length': String(Buffer.byteLength(payload)),
        });
        res.end(payload);
      } else {
        const code = error instanceof HttpError ? error.code : 'internal';
        const payload = JSON.stringify({ code, msg: message });
        res.writeHead(status, {
          'Content-Type': 'application/json',
          'Content-Length': String(Buffer.byteLength(payload)),
        });
        res.end(payload);
      }
    };

    const run = async (): Promise<void> => {
      const body = await readBody(req);
      const fault = route ? takeFault(route) : undefined;
      if (fault) {
        if (fault.delayMs) await sleep(fault.delayMs);
        if (fault.action === 'reset') {
          record(0);
          req.socket.destroy();
          return;
        }
        if (fault.action === 'hang') {
          record(0);
          return;
        }
        if (fault.status !== undefined) {
          const payload =
            fault.body ??
            (kind === 'blob'
              ? method === 'HEAD'
                ? ''
                : azureErrorBody(azureCodeFor(fault.status), 'Injected fault.')
              : JSON.stringify({ code: twirpCodeFor(fault.status), msg: 'injected fault' }));
          const base: Record<string, string> =
            kind === 'blob'
              ? {
                  ...azureHeaders(req),
                  'Content-Type': 'application/xml',
                  'x-ms-error-code': azureCodeFor(fault.status),
                }
              : { 'Content-Type': 'application/json' };
          res.writeHead(fault.status, {
            ...base,
            'Content-Length': String(Buffer.byteLength(payload)),
            ...fault.headers,
          });
          res.end(payload);
          return;
        }
      }

      if (kind === 'twirp') {
        if (method !== 'POST' || !route) {
          throw new HttpError(404, 'bad_route', `no handler for path "${url.pathname}"`);
        }
        const contentType = String(req.headers['content-type'] ?? '')
          .split(';')[0]!
          .trim();
        if (contentType !== 'application/json') {
          throw new HttpError(404, 'bad_route', `unexpected Content-Type: "${contentType}"`);
        }
        const scopes = scopesFromAuthorization(req.headers.authorization);
        let parsed: unknown;
        try {
          parsed = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
        } catch {
          throw new HttpError(400, 'malformed', 'the json request could not be decoded');
        }
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
          throw new HttpError(400, 'malformed', 'the json request could not be decoded');
        }
        const result = handleTwirp(route as TwirpMethod, scopes, parsed as Record<string, unknown>);
        const payload = JSON.stringify(result);
        res.writeHead(200, {
          'Content-Type': 'application/json',
          'Content-Length': String(Buffer.byteLength(payload)),
        });
        res.end(payload);
        return;
      }
      if (kind === 'blob') {
        const blobName = decodeURIComponent(url.pathname.slice(BLOB_PREFIX.length));
        handleBlob(req, res, url, blobName, body);
        return;
      }
      throw new HttpError(404, 'bad_route', `no handler for path "${url.pathname}"`);
    };

    run().catch((error: unknown) => {
      if (res.headersSent || res.destroyed) {
        res.destroy();
        return;
      }
      sendError(error);
    });
  });

  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}/`;

  const env = (ref = 'refs/heads/main', opts: CacheEnvOptions = {}): Record<string, string> => {
    const defaultRef = `refs/heads/${opts.defaultBranch ?? 'main'}`;
    const readOnly = opts.readOnlyRefs ?? [];
    const scopes: Array<{ Scope: string; Permission: number }> = [];
    const add = (scope: string, permission: number): void => {
      if (!scopes.some((s) => s.Scope === scope)) scopes.push({ Scope: scope, Permission: permission });
    };
    add(ref, readOnly.includes(ref) ? PERMISSION_READ : PERMISSION_READ | PERMISSION_WRITE);
    for (const r of readOnly) add(r, PERMISSION_READ);
    add(defaultRef, PERMISSION_READ);
    const now = Math.floor(Date.now() / 1000);
    const runId = randomUUID();
    const claims = {
      nameid: 'dddddddd-dddd-dddd-dddd-dddddddddddd',
      scp: `Actions.ExampleScope Actions.Results:${runId}:${randomUUID()}`,
      IdentityTypeClaim: 'System:ServiceIdentity',
      ac: JSON.stringify(scopes),
      orchid: `${runId}.job.__default`,
      iss: 'vstoken.actions.githubusercontent.com',
      aud: `vstoken.actions.githubusercontent.com|vso:${randomUUID()}`,
      nbf: now - 60,
      iat: now - 60,
      exp: now + 6 * 60 * 60,
    };
    const token = `${base64url(JSON.stringify({ typ: 'JWT', alg: 'none' }))}.${base64url(JSON.stringify(claims))}.`;
    return {
      ACTIONS_CACHE_SERVICE_V2: 'true',
      ACTIONS_RESULTS_URL: baseUrl,
      ACTIONS_RUNTIME_TOKEN: token,
      GITHUB_REF: ref,
      GITHUB_SERVER_URL: 'https://github.com',
    };
  };

  const api: CacheServer = {
    url: baseUrl,
    env,
    entries: () =>
      store.map((e) => ({ key: e.key, version: e.version, scope: e.scope, size: e.size, finalized: e.finalized })),
    requests,
    faults,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
  return api;
}
