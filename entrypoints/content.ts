export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  runAt: 'document_idle',
  main() {
    // Wiring lands with the overlay (lib/overlay).
  },
});
