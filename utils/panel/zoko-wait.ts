/** "Try now" on a wait Zoko asked for: the background ends the account's pause; the page then retries its action. */
import { messageTransport, type Transport } from './port';

export async function endZokoWait(transport: Transport = messageTransport): Promise<boolean> {
  return (await transport('endPause', undefined)).ok;
}
