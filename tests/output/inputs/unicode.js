function label() {
  const s = "😀漢字"; note = s;
}
module.exports = label;
