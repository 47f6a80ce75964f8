import { ApiError } from './api-error';

/** Each Function is a bundle of its own; their ApiErrors must still be recognised by one another. */
function anotherBundlesApiError(): typeof ApiError {
  let copy: typeof ApiError | undefined;
  jest.isolateModules(() => {
    copy = (jest.requireActual('./api-error') as { ApiError: typeof ApiError }).ApiError;
  });
  expect(copy).not.toBe(ApiError);
  return copy as typeof ApiError;
}

describe('ApiError across bundles', () => {
  it('is an ApiError to every copy of the class', () => {
    const Other = anotherBundlesApiError();
    const error = new Other(400, 'invalid_cursor', 'Segment refused the cursor.');
    expect(error instanceof ApiError).toBe(true);
    expect(new ApiError(404, 'profile_not_found', 'No profile.') instanceof Other).toBe(true);
  });

  it('is still an Error, and nothing else is an ApiError', () => {
    expect(new ApiError(400, 'x', 'y')).toBeInstanceOf(Error);
    expect(new Error('plain') instanceof ApiError).toBe(false);
    expect({ status: 400, code: 'x', message: 'y' } instanceof ApiError).toBe(false);
    expect((null as unknown as object) instanceof ApiError).toBe(false);
  });

  it('keeps instanceof exact for a subclass', () => {
    class Conflict extends ApiError {}
    expect(new Conflict(409, 'c', 'm') instanceof Conflict).toBe(true);
    expect(new Conflict(409, 'c', 'm') instanceof ApiError).toBe(true);
    expect(new ApiError(409, 'c', 'm') instanceof Conflict).toBe(false);
  });
});
