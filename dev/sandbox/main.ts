/** `npm run sandbox`: runs the Zoko sandbox on a fixed port and prints how to reach it. */
import { startSandbox } from './server';

const port = Number(process.env.SANDBOX_PORT ?? 43110);
const groups = process.env.SANDBOX_GROUPS ? Number(process.env.SANDBOX_GROUPS) : undefined;
const sandbox = await startSandbox({ port, groups, createMode: 'async', joinRequestEveryMs: 45_000 });
console.log(`Zoko sandbox running\n  base URL: ${sandbox.baseUrl}\n  API key:  ${sandbox.apiKey}\n  controls: ${sandbox.url}/__sandbox/state`);
