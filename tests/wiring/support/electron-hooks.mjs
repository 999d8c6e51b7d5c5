/**
 * Module loader hooks (registered with module.register) that send every `import 'electron'`, from the built
 * main bundle and from its dependencies such as electron-store, to the recording stand-in.
 */
let stubUrl;

export function initialize(data) {
  stubUrl = data.stubUrl;
}

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: stubUrl, shortCircuit: true };
  return nextResolve(specifier, context);
}
