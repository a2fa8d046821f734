// A stranger: tries to use the Zoko Groups extension's messages. Tests call tryMessage(id) from here.
self.tryMessage = (id) => new Promise((resolve) => {
  try {
    chrome.runtime.sendMessage(id, { id: 1, type: 'listGroups', data: undefined, timestamp: Date.now() }, (reply) => {
      resolve({ reply: reply ?? null, error: chrome.runtime.lastError ? chrome.runtime.lastError.message : null });
    });
  } catch (e) {
    resolve({ reply: null, error: String(e) });
  }
});
