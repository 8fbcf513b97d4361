// The alert subscription routes against DynamoDB Local: validation, who may see and change what, and
// a webhook address that is stored sealed and never answered in full.
import { randomBytes } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookSeal } from '#shared/alerts/webhook-seal.ts';
import { alertSubscriptionKey } from '#shared/store/keys.ts';
import { startTestApi } from '../../helpers/local-api.ts';

let api: Awaited<ReturnType<typeof startTestApi>>;
const seal = webhookSeal(randomBytes(32));
const secretUrl = 'https://hooks.chat.example/services/T0001/B0002/VerySecretToken123';

async function call(path: string, init: RequestInit & { token: string }) {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${init.token}`);
  if (init.body) headers.set('content-type', 'application/json');
  return fetch(`${api.url}${path}`, { ...init, headers });
}

let staff: string;
let manager: string;
let otherManager: string;

beforeAll(async () => {
  api = await startTestApi();
  api.deps.alertSeal = async () => seal;
  staff = await api.tokens.issue('pr-staff', 'staff-1');
  manager = await api.tokens.issue('management', 'manager-1');
  otherManager = await api.tokens.issue('management', 'manager-2');
});

afterAll(async () => {
  await api?.close();
});

describe('alert subscriptions API', () => {
  it('stores a webhook address sealed and answers it only masked', async () => {
    const body = {
      members: ['azer-allahveranov'],
      channel: { kind: 'webhook', service: 'slack', url: secretUrl },
    };
    const created = await call('/api/alerts/subscriptions', {
      method: 'POST',
      token: manager,
      body: JSON.stringify(body),
    });
    expect(created.status).toBe(201);
    const text = await created.text();
    expect(text).not.toContain('VerySecretToken');
    const subscription = JSON.parse(text);
    expect(subscription.channel.maskedUrl).toMatch(/^https:\/\/hooks\.chat\.example\/…/);
    expect(subscription.quietHours).toEqual({ start: '22:00', end: '08:00' });

    const listed = await (await call('/api/alerts/subscriptions', { token: manager })).text();
    expect(listed).not.toContain('VerySecretToken');
    expect(listed).not.toContain('sealedUrl');

    const stored = await api.table.documentClient.send(
      new GetCommand({
        TableName: api.table.tableName,
        Key: alertSubscriptionKey(subscription.subscriptionId),
      }),
    );
    const sealed = String(stored.Item?.channel.sealedUrl);
    expect(sealed).not.toContain('VerySecretToken');
    expect(seal.open(sealed)).toBe(secretUrl);
  });

  it('lets each user see and change only their own, and PR staff everyone’s', async () => {
    const body = {
      members: ['sahib-mammadov'],
      channel: { kind: 'email', address: 'Manager2@Council.example' },
      quietHours: null,
    };
    const created = await (
      await call('/api/alerts/subscriptions', {
        method: 'POST',
        token: otherManager,
        body: JSON.stringify(body),
      })
    ).json();
    expect(created.channel.address).toBe('manager2@council.example');
    const id = created.subscriptionId;

    const mine = await (await call('/api/alerts/subscriptions', { token: manager })).json();
    expect(mine.subscriptions.map((s: { subscriptionId: string }) => s.subscriptionId)).not.toContain(id);
    const patchByOther = await call(`/api/alerts/subscriptions/${id}`, {
      method: 'PATCH',
      token: manager,
      body: JSON.stringify({ spikes: false }),
    });
    expect(patchByOther.status).toBe(404);
    const deleteByOther = await call(`/api/alerts/subscriptions/${id}`, { method: 'DELETE', token: manager });
    expect(deleteByOther.status).toBe(404);

    const all = await (await call('/api/alerts/subscriptions', { token: staff })).json();
    expect(all.subscriptions.map((s: { subscriptionId: string }) => s.subscriptionId)).toContain(id);
    const patched = await call(`/api/alerts/subscriptions/${id}`, {
      method: 'PATCH',
      token: staff,
      body: JSON.stringify({ quietHours: { start: '23:00', end: '07:30' } }),
    });
    expect(patched.status).toBe(200);
    expect((await patched.json()).quietHours).toEqual({ start: '23:00', end: '07:30' });

    expect(
      (await call(`/api/alerts/subscriptions/${id}`, { method: 'DELETE', token: otherManager })).status,
    ).toBe(200);
    expect(
      (await call(`/api/alerts/subscriptions/${id}`, { method: 'DELETE', token: otherManager })).status,
    ).toBe(404);
  });

  it.each([
    [{ members: [], channel: { kind: 'email', address: 'a@b.example' } }, 'members'],
    [{ members: ['nobody-here'], channel: { kind: 'email', address: 'a@b.example' } }, 'members'],
    [{ members: ['azer-allahveranov'], channel: { kind: 'email', address: 'not-mail' } }, 'channel.address'],
    [
      {
        members: ['azer-allahveranov'],
        channel: { kind: 'webhook', service: 'slack', url: 'http://hooks.chat.example/x' },
      },
      'channel.url',
    ],
    [
      {
        members: ['azer-allahveranov'],
        channel: { kind: 'webhook', service: 'telegram', url: 'https://bot.example/bot1:x/sendMessage' },
      },
      'channel.url',
    ],
    [
      {
        members: ['azer-allahveranov'],
        channel: { kind: 'email', address: 'a@b.example' },
        quietHours: { start: '25:00', end: '08:00' },
      },
      'quietHours.start',
    ],
  ])('refuses %j with a 400 naming %s', async (body, field) => {
    const answer = await call('/api/alerts/subscriptions', {
      method: 'POST',
      token: manager,
      body: JSON.stringify(body),
    });
    expect(answer.status).toBe(400);
    expect((await answer.json()).error.message).toContain(field);
  });

  it('needs a token and is described in the OpenAPI document', async () => {
    expect((await fetch(`${api.url}/api/alerts/subscriptions`)).status).toBe(401);
    const document = await (await call('/api/openapi.json', { token: manager })).json();
    expect(Object.keys(document.paths['/api/alerts/subscriptions/{id}'])).toEqual(['patch', 'delete']);
    expect(document.paths['/api/alerts/subscriptions'].post.requestBody).toBeDefined();
  });
});
