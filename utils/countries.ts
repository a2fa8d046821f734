/** Countries for the default-country picker, named in the agent's language. */
import { getCountries, getCountryCallingCode } from 'libphonenumber-js/min';
import { countryName } from './country-name';

export function countryOptions(): { code: string; label: string }[] {
  return getCountries()
    .map((code) => ({ code, label: `${countryName(code)} (+${getCountryCallingCode(code)})` }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
