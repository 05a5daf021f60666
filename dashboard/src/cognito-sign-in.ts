/**
 * Sign-in with a Cognito user's name and password (InitiateAuth, USER_PASSWORD_AUTH), straight
 * from the page to Cognito over HTTPS: the ID token comes back, the password goes nowhere else.
 * Written with fetch rather than the Cognito SDK client to keep the bundle small (one call).
 * Needs the app client to allow the flow (`authFlows.userPassword`); otherwise Cognito refuses
 * and the user pastes a token instead.
 */
export interface CognitoClient {
  region: string;
  userPoolClientId: string;
}

export class SignInError extends Error {
  override name = 'SignInError';
}

export const signInWithPassword = async (
  client: CognitoClient,
  username: string,
  password: string,
  fetchImpl: typeof fetch = fetch,
): Promise<string> => {
  const response = await fetchImpl(`https://cognito-idp.${client.region}.amazonaws.com/`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth',
    },
    body: JSON.stringify({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: client.userPoolClientId,
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  });
  const body = (await response.json().catch(() => ({}))) as {
    message?: string;
    __type?: string;
    ChallengeName?: string;
    AuthenticationResult?: { IdToken?: string };
  };
  if (!response.ok)
    throw new SignInError(body.message ?? body.__type ?? `Cognito answered ${response.status}.`);
  if (body.ChallengeName)
    throw new SignInError(
      `Cognito asks for ${body.ChallengeName} first (e.g. a new password): complete it, then sign in again.`,
    );
  const token = body.AuthenticationResult?.IdToken;
  if (!token) throw new SignInError('Cognito gave no ID token.');
  return token;
};
