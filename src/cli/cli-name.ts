/** The bin's name, in messages and help, where `aws` would say `aws`. */
export const CLI_NAME = 'chime-identity-shim';
