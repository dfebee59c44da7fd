const s = "abc\
emitter.on("data", function (d) { buf.push(d) /* never closed
