const s = "ÿşÀ€í €";
function h() { badâ‚ = s; }
globalô€€Cache = [];
function Ã(x) { acc.push(x) }
