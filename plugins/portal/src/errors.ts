// The portal's error codes. docs/reference/errors.md lists them with the core's.
export {};
