/**
 * "India", not "IN": a country as the agent's language names it (the browser's language is Intl's default).
 * Apart from utils/countries.ts so that naming one country loads no phone metadata.
 */
let names: Intl.DisplayNames | undefined; // one for the page: the picker names some 245 countries per render

export function countryName(code: string): string {
  try {
    return (names ??= new Intl.DisplayNames(undefined, { type: 'region' })).of(code) ?? code;
  } catch {
    return code; // an unknown code: the code still says which country
  }
}
