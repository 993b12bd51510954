/**
 * A local stand-in for Discord, for the tests: a REST API and a gateway on 127.0.0.1 that the real discord.js
 * client talks to. It speaks the gateway's JSON protocol without compression (HELLO, IDENTIFY, heartbeats,
 * READY, GUILD_CREATE, RESUME), dispatches INTERACTION_CREATE payloads of the real shapes, records every request
 * the bot makes, and can fail on demand: close the socket with a chosen code, answer 429, 500 or 401. With several
 * shards connected, an interaction goes to the one shard given, as Discord sends a guild's events to one shard.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: any;
  /** performance.now() when the request arrived. */
  time: number;
}

export interface TestUser {
  id: string;
  username: string;
  /** The member's permission bits in the guild (default: an ordinary member, without Manage Server). */
  permissions?: string;
}

interface Fault {
  match: (r: RecordedRequest) => boolean;
  status: number;
  retryAfter?: number;
  code?: number;
  message?: string;
  times: number;
}

const OP = { DISPATCH: 0, HEARTBEAT: 1, IDENTIFY: 2, RESUME: 6, RECONNECT: 7, INVALID_SESSION: 9, HELLO: 10, HEARTBEAT_ACK: 11 };

let snowflakeCounter = 0n;
/** Snowflakes that increase, like Discord's (time in the high bits). */
export function snowflake(): string {
  snowflakeCounter += 1n;
  return ((BigInt(Date.now() - 1420070400000) << 22n) + snowflakeCounter).toString();
}

export class LocalDiscord {
  readonly applicationId = '1000000000000000001';
  readonly botUser = { id: '1000000000000000001', username: 'zonebot', discriminator: '0', global_name: 'zonebot', bot: true, avatar: null };
  readonly guildId = '2000000000000000001';
  readonly channelId = '3000000000000000001';
  readonly requests: RecordedRequest[] = [];
  /** Commands registered by bulk overwrite, per scope (`global` or a guild id). */
  readonly commands = new Map<string, any[]>();
  identifies = 0;
  resumes = 0;

  private http!: Server;
  private wss!: WebSocketServer;
  private sockets = new Set<WebSocket>();
  /** The shard id each socket identified as. */
  private shardOf = new Map<WebSocket, number>();
  private sequence = 0;
  private sessionId = 'session-' + Math.random().toString(36).slice(2);
  private faults: Fault[] = [];
  private expired = new Set<string>();
  private waiters: (() => void)[] = [];
  private port = 0;

  get restBase(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  async start(): Promise<this> {
    this.http = createServer((req, res) => void this.onRequest(req, res));
    this.wss = new WebSocketServer({ server: this.http, path: '/gateway' });
    this.wss.on('connection', (socket) => this.onConnection(socket));
    await new Promise<void>((resolve) => this.http.listen(0, '127.0.0.1', resolve));
    this.port = (this.http.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  /** Forgets what was recorded, so that a long load run does not keep every request in memory. */
  clearRecords(): void {
    this.requests.length = 0;
    this.callbackById.clear();
    this.dispatchedAt.clear();
  }

  // ---- faults -------------------------------------------------------------------------------------------

  /** The next `times` requests matching `match` get `status` (429 with retry_after, 500 …), and Discord's error `code`. */
  failNext(match: (r: RecordedRequest) => boolean, fault: { status: number; retryAfter?: number; times?: number; code?: number; message?: string }): void {
    this.faults.push({ ...fault, match, times: fault.times ?? 1 });
  }

  /** Answers every REST request 401, as Discord does for a token it does not know. */
  rejectToken(): void {
    this.failNext(() => true, { status: 401, times: Infinity });
  }

  /** Makes every callback of that interaction answer 404 Unknown interaction (10062), as after Discord's 3 s. */
  expireInteraction(id: string): void {
    this.expired.add(id);
  }

  /** Closes the bot's gateway socket with a close code (1006: dropped without a close frame). */
  closeGateway(code: number): void {
    for (const socket of this.sockets) {
      if (code === 1006) socket.terminate();
      else socket.close(code, 'closed by the local Discord');
    }
  }

  get connectedSockets(): number {
    return [...this.sockets].filter((s) => s.readyState === s.OPEN).length;
  }

  // ---- waiting for the bot ------------------------------------------------------------------------------

  /** Resolves with the first recorded request that satisfies `predicate`, now or later. */
  async waitFor(predicate: (r: RecordedRequest) => boolean, timeoutMs = 5000, what = 'request'): Promise<RecordedRequest> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.requests.find(predicate);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; saw: ${this.requests.map((r) => `${r.method} ${r.path}`).join(', ')}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The interaction callback (POST …/callback) for an interaction id. */
  waitForCallback(interactionId: string, timeoutMs?: number): Promise<RecordedRequest> {
    return this.waitFor((r) => r.method === 'POST' && r.path.startsWith(`/interactions/${interactionId}/`) && r.path.endsWith('/callback') && !r.body?.__failed, timeoutMs, `callback of ${interactionId}`);
  }

  callbacks(interactionId: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path.startsWith(`/interactions/${interactionId}/`));
  }

  // ---- interactions ------------------------------------------------------------------------------------

  private base(type: number, data: any, user: TestUser, locale = 'zh-CN', extra: Record<string, unknown> = {}) {
    const id = snowflake();
    const payload = {
      id,
      application_id: this.applicationId,
      type,
      data,
      guild_id: this.guildId,
      channel_id: this.channelId,
      channel: { id: this.channelId, type: 0, guild_id: this.guildId, name: 'general' },
      member: {
        user: { id: user.id, username: user.username, discriminator: '0', global_name: user.username, avatar: null },
        roles: [],
        joined_at: '2024-01-01T00:00:00.000Z',
        deaf: false,
        mute: false,
        flags: 0,
        permissions: user.permissions ?? '2248473465835073',
      },
      token: `interaction-token-${id}`,
      version: 1,
      locale,
      guild_locale: 'zh-CN',
      app_permissions: '2248473465835073',
      entitlements: [],
      authorizing_integration_owners: { '0': this.guildId },
      context: 0,
      attachment_size_limit: 8388608,
      ...extra,
    };
    return payload;
  }

  slashCommand(name: string, options: { name: string; type: number; value: unknown }[], user: TestUser, locale?: string) {
    return this.base(2, { id: snowflake(), name, type: 1, options, guild_id: this.guildId }, user, locale);
  }

  autocomplete(name: string, focused: { name: string; type: number; value: string }, others: { name: string; type: number; value: unknown }[], user: TestUser, locale?: string) {
    return this.base(4, { id: snowflake(), name, type: 1, options: [...others, { ...focused, focused: true }] }, user, locale);
  }

  buttonClick(customId: string, message: any, user: TestUser, locale?: string) {
    return this.base(3, { custom_id: customId, component_type: 2 }, user, locale, { message });
  }

  /** Sends INTERACTION_CREATE to the bot (to one shard if given) and returns the payload (its id identifies the callbacks). */
  dispatchInteraction<T extends { id: string }>(payload: T, shard?: number): T {
    this.dispatchedAt.set(payload.id, performance.now());
    this.dispatch('INTERACTION_CREATE', payload, shard);
    return payload;
  }

  /** The shard ids of the sockets connected now. */
  get connectedShards(): number[] {
    return [...this.sockets].filter((s) => s.readyState === s.OPEN && this.shardOf.has(s)).map((s) => this.shardOf.get(s)!).sort();
  }

  /** A message object as Discord returns it, for a recorded reply body. */
  messageFrom(body: any, flags = 0): any {
    return {
      id: snowflake(),
      channel_id: this.channelId,
      guild_id: this.guildId,
      author: this.botUser,
      content: body?.content ?? '',
      embeds: body?.embeds ?? [],
      components: body?.components ?? [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      type: 0,
      flags: body?.flags ?? flags,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      application_id: this.applicationId,
    };
  }

  // ---- gateway ------------------------------------------------------------------------------------------

  private dispatch(t: string, d: unknown, shard?: number): void {
    this.sequence++;
    const frame = JSON.stringify({ op: OP.DISPATCH, t, s: this.sequence, d });
    for (const socket of this.sockets) {
      if (socket.readyState === socket.OPEN && (shard === undefined || this.shardOf.get(socket) === shard)) socket.send(frame);
    }
  }

  private onConnection(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.shardOf.delete(socket);
    });
    socket.send(JSON.stringify({ op: OP.HELLO, d: { heartbeat_interval: 41250 } }));
    socket.on('message', (raw) => {
      let frame: { op: number; d: any };
      try {
        frame = JSON.parse(raw.toString());
      } catch {
        return;
      }
      if (frame.op === OP.HEARTBEAT) socket.send(JSON.stringify({ op: OP.HEARTBEAT_ACK }));
      else if (frame.op === OP.IDENTIFY) this.onIdentify(socket, frame.d?.shard);
      else if (frame.op === OP.RESUME) this.onResume(socket, frame.d);
    });
  }

  private guildCreate() {
    return {
      id: this.guildId,
      name: 'zonebot test guild',
      icon: null,
      owner_id: '4000000000000000001',
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [{ id: this.guildId, name: '@everyone', permissions: '2248473465835073', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      preferred_locale: 'zh-CN',
      public_updates_channel_id: null,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      joined_at: '2024-01-01T00:00:00.000Z',
      large: false,
      unavailable: false,
      member_count: 2,
      voice_states: [],
      members: [],
      channels: [{ id: this.channelId, type: 0, name: 'general', position: 0, guild_id: this.guildId, permission_overwrites: [], nsfw: false, parent_id: null }],
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  private onIdentify(socket: WebSocket, shard: [number, number] | undefined): void {
    this.identifies++;
    this.shardOf.set(socket, shard?.[0] ?? 0);
    this.sequence = 0;
    this.sessionId = 'session-' + Math.random().toString(36).slice(2);
    const send = (t: string, d: unknown) => socket.send(JSON.stringify({ op: OP.DISPATCH, t, s: ++this.sequence, d }));
    send('READY', {
      v: 10,
      user: this.botUser,
      guilds: [{ id: this.guildId, unavailable: true }],
      session_id: this.sessionId,
      resume_gateway_url: this.gatewayUrl,
      application: { id: this.applicationId, flags: 0 },
      shard: shard ?? [0, 1],
    });
    send('GUILD_CREATE', this.guildCreate());
  }

  private onResume(socket: WebSocket, d: { session_id: string; seq: number }): void {
    if (d.session_id !== this.sessionId) {
      socket.send(JSON.stringify({ op: OP.INVALID_SESSION, d: false }));
      return;
    }
    this.resumes++;
    socket.send(JSON.stringify({ op: OP.DISPATCH, t: 'RESUMED', s: ++this.sequence, d: {} }));
  }

  // ---- REST ---------------------------------------------------------------------------------------------

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString();
    let body: any = raw;
    if ((req.headers['content-type'] ?? '').includes('application/json') && raw) body = JSON.parse(raw);
    else if ((req.headers['content-type'] ?? '').includes('multipart/form-data')) body = parsePayloadJson(raw);
    const path = decodeURIComponent(url.pathname.replace(/^\/api\/v\d+/, ''));
    const recorded: RecordedRequest = { method: req.method ?? 'GET', path, query: url.searchParams, body, time: performance.now() };

    const json = (status: number, data: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(data));
    };

    const fault = this.faults.find((f) => f.times > 0 && f.match(recorded));
    if (fault) {
      fault.times--;
      this.record({ ...recorded, body: { __failed: fault.status, original: body } });
      if (fault.status === 429) {
        json(429, { message: 'You are being rate limited.', retry_after: fault.retryAfter ?? 0.1, global: false }, {
          'retry-after': String(Math.ceil(fault.retryAfter ?? 0.1)),
          'x-ratelimit-scope': 'user',
        });
      } else if (fault.status === 401) json(401, { message: '401: Unauthorized', code: 0 });
      else json(fault.status, { message: fault.message ?? 'Internal Server Error', code: fault.code ?? 0 });
      return;
    }
    const interaction = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(path);
    if (interaction && this.expired.has(interaction[1]!)) {
      this.record({ ...recorded, body: { __failed: 404, original: body } });
      json(404, { message: 'Unknown interaction', code: 10062 });
      return;
    }
    this.record(recorded);
    this.route(recorded, json, res);
  }

  /** Successful callbacks by interaction id, so that a load test need not scan every request. */
  readonly callbackById = new Map<string, RecordedRequest>();
  /** When each interaction was dispatched, for latency. */
  readonly dispatchedAt = new Map<string, number>();

  private record(r: RecordedRequest): void {
    this.requests.push(r);
    const callback = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(r.path);
    if (callback && !r.body?.__failed && !this.callbackById.has(callback[1]!)) this.callbackById.set(callback[1]!, r);
    const waiters = this.waiters.splice(0);
    for (const w of waiters) w();
  }

  private route(r: RecordedRequest, json: (status: number, data: unknown) => void, res: ServerResponse): void {
    const { method, path, body } = r;
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/gateway/bot') {
      json(200, { url: this.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 } });
    } else if (method === 'GET' && path === '/gateway') {
      json(200, { url: this.gatewayUrl });
    } else if (method === 'GET' && path === '/users/@me') {
      json(200, this.botUser);
    } else if (method === 'GET' && path === '/applications/@me') {
      json(200, { id: this.applicationId, name: 'zonebot', flags: 0, bot: this.botUser });
    } else if ((m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path))) {
      const scope = m[2] ?? 'global';
      if (method === 'PUT') {
        const registered = (body as any[]).map((c) => ({ id: snowflake(), application_id: this.applicationId, version: snowflake(), type: 1, ...(m![2] ? { guild_id: m![2] } : {}), ...c }));
        this.commands.set(scope, registered);
        json(200, registered);
      } else json(200, this.commands.get(scope) ?? []);
    } else if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) {
      if (r.query.get('with_response') === 'true') {
        json(200, { interaction: { id: path.split('/')[2], type: 2 }, resource: { type: body?.type, message: this.messageFrom(body?.data) } });
      } else {
        res.writeHead(204);
        res.end();
      }
    } else if ((m = /^\/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|\d+)$/.exec(path))) {
      json(200, this.messageFrom(body));
    } else if (method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(path)) {
      json(200, this.messageFrom(body));
    } else if (method === 'POST' && (m = /^\/channels\/(\d+)\/messages$/.exec(path))) {
      json(200, this.messageFrom(body));
    } else {
      json(404, { message: '404: Not Found', code: 0 });
    }
  }
}

/** discord.js sends multipart bodies only with files; the JSON part is `payload_json`. */
function parsePayloadJson(raw: string): unknown {
  const m = /name="payload_json"\r?\n(?:[^\r\n]*\r?\n)*?\r?\n([\s\S]*?)\r?\n--/.exec(raw);
  return m ? JSON.parse(m[1]!) : raw;
}

export async function startLocalDiscord(): Promise<LocalDiscord> {
  return new LocalDiscord().start();
}
