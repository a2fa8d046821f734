/**
 * A wa_id as the panel shows it: "+919876543210". Deliberately no grouping: grouping needs libphonenumber's
 * metadata, which the panel loads only when the agent pastes numbers, never for its first paint.
 */
export const displayNumber = (waId: string) => (isPhoneNumber(waId) ? `+${waId}` : waId);

/**
 * A wa_id that is a phone number (digits, country code first). Since WhatsApp usernames, Meta may name a
 * person by a business-scoped id instead: shown as given, never formatted as a number.
 */
export const isPhoneNumber = (waId: string) => /^\d{6,15}$/.test(waId);
