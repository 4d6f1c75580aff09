export default defineBackground(() => {
  // Wiring lands with the store (lib/store) and messaging (lib/messaging).
});
