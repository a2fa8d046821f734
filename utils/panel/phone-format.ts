/**
 * A wa_id as the panel shows it: "+919876543210". Deliberately no grouping: grouping needs libphonenumber's
 * metadata, which the panel loads only when the agent pastes numbers, never for its first paint.
 */
export const displayNumber = (waId: string) => `+${waId}`;
