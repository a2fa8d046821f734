/** Countries for the default-country picker, named in the agent's language. */
import { getCountries, getCountryCallingCode } from 'libphonenumber-js/min';

export function countryOptions(locale?: string): { code: string; label: string }[] {
  const names = new Intl.DisplayNames(locale ? [locale] : undefined, { type: 'region' });
  return getCountries()
    .map((code) => ({ code, label: `${names.of(code) ?? code} (+${getCountryCallingCode(code)})` }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
