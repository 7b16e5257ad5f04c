import { describe, expect, it } from 'vitest';
import { checkNewUser } from './CreateUserDialog';

const user = { username: 'demo.ravi', display_name: '', password: 'twelve-chars', roles: ['OPERATOR' as const] };

describe('a new user', () => {
  it('is named in its tenant\'s namespace', () => {
    expect(checkNewUser(user, 'demo')).toEqual({});
    expect(checkNewUser({ ...user, username: 'ravi' }, 'demo').username).toBe('Starts with demo. followed by a name');
    expect(checkNewUser({ ...user, username: 'demo.' }, 'demo').username).toBeDefined();
    expect(checkNewUser({ ...user, username: 'other.ravi' }, 'demo').username).toBeDefined();
  });

  it('needs a password of twelve characters or more and a role', () => {
    expect(checkNewUser({ ...user, password: 'eleven-char' }, 'demo').password).toBe('At least 12 characters');
    expect(checkNewUser({ ...user, roles: [] }, 'demo').roles).toBeDefined();
  });
});
