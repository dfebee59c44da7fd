const a = "\uD800";
const b = '\uDFFF\uD83D';
const c = `\u{D800}${"\uDBFF"}`;
const m = new Map();
m.set("\uD800", 1);
setInterval(() => { m.set(a + b, c); }, 1000);
í € = 1;
