import { describe, expect, it } from 'vitest';
import { SignInError, signInWithPassword } from '../../../dashboard/src/cognito-sign-in.js';

const client = { region: 'ap-southeast-2', userPoolClientId: 'client123' };

const answering = (status: number, body: unknown, seen: { url: string; init: RequestInit }[] = []) =>
  (async (url: string, init: RequestInit) => {
    seen.push({ url, init });
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/x-amz-json-1.1' },
    });
  }) as unknown as typeof fetch;

describe('signing in with Cognito', () => {
  it('asks InitiateAuth with USER_PASSWORD_AUTH and returns the ID token', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const token = await signInWithPassword(
      client,
      'mia',
      's3cret!',
      answering(200, { AuthenticationResult: { IdToken: 'id.token.here', AccessToken: 'x' } }, seen),
    );
    expect(token).toBe('id.token.here');
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://cognito-idp.ap-southeast-2.amazonaws.com/');
    expect(new Headers(seen[0]?.init.headers).get('x-amz-target')).toBe(
      'AWSCognitoIdentityProviderService.InitiateAuth',
    );
    expect(JSON.parse(String(seen[0]?.init.body))).toEqual({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: 'client123',
      AuthParameters: { USERNAME: 'mia', PASSWORD: 's3cret!' },
    });
  });

  it('passes on Cognito’s refusal and asks to finish a challenge first', async () => {
    await expect(
      signInWithPassword(
        client,
        'mia',
        'wrong',
        answering(400, { __type: 'NotAuthorizedException', message: 'Incorrect username or password.' }),
      ),
    ).rejects.toThrow(new SignInError('Incorrect username or password.'));
    await expect(
      signInWithPassword(
        client,
        'mia',
        'temp',
        answering(200, { ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 's' }),
      ),
    ).rejects.toThrow(/NEW_PASSWORD_REQUIRED/);
    await expect(signInWithPassword(client, 'mia', 'pw', answering(200, {}))).rejects.toThrow(/no ID token/);
  });
});
