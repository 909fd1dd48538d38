import { cognito } from './aws.mjs';

const attr = (user, name) => (user?.UserAttributes || []).find((a) => a.Name === name)?.Value;

export async function getUser(endpoint, poolId, username) {
  try {
    return await cognito(endpoint, 'AdminGetUser', { UserPoolId: poolId, Username: username });
  } catch (e) {
    if (e.code === 'UserNotFoundException') return null;
    throw e;
  }
}

/**
 * Make sure a user exists in the pool with the given tenant. Creates it (welcome message
 * suppressed, permanent password) when missing; never changes an existing user's password.
 * Throws when the user exists with another custom:tenant_id. Adds to `group` when given.
 */
export async function ensureUser(endpoint, poolId, { email, password, tenant, group }) {
  let user = await getUser(endpoint, poolId, email);
  let created = false;
  if (!user) {
    await cognito(endpoint, 'AdminCreateUser', {
      UserPoolId: poolId,
      Username: email,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'custom:tenant_id', Value: tenant },
      ],
    });
    await cognito(endpoint, 'AdminSetUserPassword', {
      UserPoolId: poolId, Username: email, Password: password, Permanent: true,
    });
    created = true;
    user = await getUser(endpoint, poolId, email);
  } else {
    const existing = attr(user, 'custom:tenant_id');
    if (existing !== tenant) {
      throw new Error(`user ${email} already exists with custom:tenant_id=${existing ?? '(none)'}, not ${tenant}; pick another --user`);
    }
  }
  if (group) {
    await cognito(endpoint, 'AdminAddUserToGroup', { UserPoolId: poolId, Username: email, GroupName: group });
  }
  return { created, user, sub: attr(user, 'sub') };
}
