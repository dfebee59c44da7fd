const r = /[abc\/;
process.on("exit", () => /x(?<n>
