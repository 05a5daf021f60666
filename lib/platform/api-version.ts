import packageJson from '../../package.json' with { type: 'json' };

/** The API version in the OpenAPI document is the package version: one source, bundled at build time. */
export const API_VERSION: string = packageJson.version;
