// `wxt dev` would otherwise try to start a browser of its own.
export default { disabled: true };
