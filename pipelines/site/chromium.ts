/** Debian's chromium (apt-get install -y chromium), driven by playwright-core: the browser tests and the PDF use it; nothing is downloaded. */
export const CHROMIUM = '/usr/bin/chromium';

/** Flags that keep Chromium off the (closed) network and quiet in a container. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
