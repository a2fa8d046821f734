/** Only real WhatsApp invite links become links or QR codes; anything else is shown as plain text. */
export function isWhatsAppInviteLink(link: string | null | undefined): link is string {
  if (!link) return false;
  try {
    const url = new URL(link);
    return url.protocol === 'https:' && url.hostname === 'chat.whatsapp.com' && url.pathname.length > 1;
  } catch {
    return false;
  }
}
